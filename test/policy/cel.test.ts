import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateRule, type CelRule } from '../../src/policy/cel';

/** The validator's built-in CRD schemas (schemas/crd/*.json, generated from the pinned upstream CRDs). */
const BUNDLE = path.resolve(__dirname, '..', '..', 'schemas', 'crd');

type Node = { readonly [key: string]: unknown };

/** A rule together with the schema node it sits on. */
interface FoundRule {
  readonly rule: CelRule;
  readonly schema: Node;
  readonly where: string;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every rule of every version schema of the built-in CRDs whose file name starts with `prefix`. */
function collectRules(prefix = ''): FoundRule[] {
  const found: FoundRule[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${where}[${i}]`));
      return;
    }
    if (!isNode(node)) return;
    const rules = node['x-kubernetes-validations'];
    if (Array.isArray(rules)) for (const rule of rules as CelRule[]) found.push({ rule, schema: node, where });
    for (const [key, child] of Object.entries(node)) walk(child, `${where}.${key}`);
  };
  for (const file of fs.readdirSync(BUNDLE).filter((f) => f.startsWith(prefix)).sort()) {
    const crd = JSON.parse(fs.readFileSync(path.join(BUNDLE, file), 'utf8')) as { versions: Record<string, unknown> };
    for (const [version, schema] of Object.entries(crd.versions)) walk(schema, `${file}:${version}`);
  }
  return found;
}

/** The first schema node in a built-in CRD (e.g. `gateways.gateway.networking.k8s.io`) carrying a rule whose text contains `needle`. */
function crdRule(crd: string, needle: string): FoundRule {
  const hit = collectRules(`${crd}.json`).find((f) => f.rule.rule.includes(needle));
  if (!hit) throw new Error(`no rule containing ${needle} in ${crd}`);
  return hit;
}

const STRING = { type: 'string' };
const run = (rule: string | CelRule, value: unknown, schema: object = {}) =>
  evaluateRule(typeof rule === 'string' ? { rule } : rule, value, schema);

describe('CRD rule inventory', () => {
  const all = collectRules();
  const distinct = new Map(all.map((f) => [f.rule.rule, f]));

  test('finds the built-in CRDs and their rules', () => {
    expect(distinct.size).toBeGreaterThan(200);
  });

  test('every distinct rule compiles', () => {
    // With a null value the rule is compiled but not evaluated: pass, or skipped for transition rules.
    const broken = [...distinct.values()]
      .map((f) => ({ where: f.where, rule: f.rule.rule, outcome: evaluateRule(f.rule, null, f.schema) }))
      .filter((r) => r.outcome.kind !== 'pass' && r.outcome.kind !== 'skipped');
    expect(broken).toEqual([]);
  });

  test('every messageExpression compiles', () => {
    const exprs = all.flatMap((f) => (f.rule.messageExpression ? [f.rule.messageExpression] : []));
    const broken = exprs.filter((m) => evaluateRule({ rule: m }, null, {}).kind === 'error');
    expect(broken).toEqual([]);
  });
});

describe('schema-typed values', () => {
  test('integer is a CEL int and number is a double, even when whole', () => {
    expect(run('type(self) == int', 3, { type: 'integer' })).toEqual({ kind: 'pass' });
    expect(run('type(self) == double', 3, { type: 'number' })).toEqual({ kind: 'pass' });
    expect(run('self + 1 == 4', 3, { type: 'integer' })).toEqual({ kind: 'pass' });
    // int arithmetic on a double is a type error, as in the API server
    expect(run('self + 1 == 4', 3, { type: 'number' }).kind).toBe('error');
  });

  test('x-kubernetes-int-or-string is int for numbers and string otherwise', () => {
    const schema = { 'x-kubernetes-int-or-string': true };
    const rule = "type(self) == string ? self.endsWith('%') : self >= 0";
    expect(run('type(self) == int', 80, schema)).toEqual({ kind: 'pass' });
    expect(run('type(self) == string', '25%', schema)).toEqual({ kind: 'pass' });
    expect(run(rule, '25%', schema)).toEqual({ kind: 'pass' });
    expect(run(rule, '25', schema).kind).toBe('fail');
    expect(run(rule, -1, schema).kind).toBe('fail');
  });

  test('untyped / preserve-unknown-fields values convert by JSON type', () => {
    const schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    expect(run('type(self.a) == int && type(self.b) == double && self.c[0] == "x"', { a: 1, b: 1.5, c: ['x'] }, schema))
      .toEqual({ kind: 'pass' });
  });

  test('additionalProperties objects are maps', () => {
    const schema = { type: 'object', additionalProperties: { type: 'integer' } };
    expect(run("self.all(k, self[k] > 0) && 'a' in self && self.size() == 2", { a: 1, b: 2 }, schema)).toEqual({ kind: 'pass' });
  });

  test('format duration, date-time and byte map to duration, timestamp and bytes', () => {
    expect(run("self > duration('1h')", '90m', { type: 'string', format: 'duration' })).toEqual({ kind: 'pass' });
    expect(run("self == duration('48h')", '2d', { type: 'string', format: 'duration' })).toEqual({ kind: 'pass' });
    expect(run("self < timestamp('2030-01-01T00:00:00Z')", '2024-05-01T12:00:00Z', { type: 'string', format: 'date-time' }))
      .toEqual({ kind: 'pass' });
    expect(run("size(self) == 3 && self == b'\\x01\\x02\\x03'", 'AQID', { type: 'string', format: 'byte' })).toEqual({ kind: 'pass' });
  });

  test('property names are escaped like the API server (reserved words, dashes, dots)', () => {
    const schema = { type: 'object', properties: { namespace: STRING, 'x-prop': STRING, 'a.b': STRING } };
    expect(run("self.__namespace__ == 'ns' && self.x__dash__prop == 'd' && self.a__dot__b == 'o'", { namespace: 'ns', 'x-prop': 'd', 'a.b': 'o' }, schema))
      .toEqual({ kind: 'pass' });
  });

  test('embedded resources expose apiVersion, kind, metadata.name only', () => {
    const schema = { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true };
    const value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: { a: 'b' } } };
    expect(run("self.kind == 'ConfigMap' && self.metadata.name == 'cm' && !has(self.metadata.labels)", value, schema))
      .toEqual({ kind: 'pass' });
  });

  test('null values are not validated; null non-nullable properties are absent', () => {
    expect(run('false', null, STRING)).toEqual({ kind: 'pass' });
    const schema = { type: 'object', properties: { a: STRING, b: { type: 'string', nullable: true } } };
    expect(run('!has(self.a) && has(self.b) && self.b == null', { a: null, b: null }, schema)).toEqual({ kind: 'pass' });
  });
});

describe('presence and errors', () => {
  const schema = { type: 'object', properties: { a: STRING, b: STRING } };

  test('has() is false for absent fields and true for present ones', () => {
    expect(run('has(self.a) && !has(self.b)', { a: 'x' }, schema)).toEqual({ kind: 'pass' });
  });

  test('accessing an absent field is a runtime "no such key" error', () => {
    expect(run("self.b == 'x'", { a: 'x' }, schema)).toEqual({
      kind: 'error',
      message: "no such key: b evaluating rule: self.b == 'x'",
    });
  });

  test('a rule that does not compile here (syntax, a library this evaluator lacks, an undeclared variable) is unchecked, not an error: a CRD in a cluster has only rules that compiled', () => {
    for (const rule of ['self ==', 'isURL(self)', 'other.x == 1']) {
      const outcome = run(rule, 'x', STRING);
      expect(outcome.kind).toBe('unchecked');
      expect(outcome.kind === 'unchecked' && outcome.message).toMatch(/^rule not checked: the offline validator cannot compile it \(/);
    }
    expect(run('isURL(self)', 'x', STRING)).toEqual({ kind: 'unchecked', message: "rule not checked: the offline validator cannot compile it (undeclared reference to 'isURL'): isURL(self)" });
  });

  test('a non-bool result is an error', () => {
    expect(run('self', 'x', STRING).kind).toBe('error');
  });
});

describe('messages', () => {
  const schema = { type: 'object', properties: { name: STRING } };

  test('default message is "failed rule: <rule>"', () => {
    expect(run(" self.name == 'a' ", { name: 'b' }, schema)).toEqual({ kind: 'fail', message: "failed rule: self.name == 'a'" });
  });

  test('message and fieldPath are passed through', () => {
    const rule = { rule: "self.name == 'a'", message: 'name must be a', fieldPath: '.name', reason: 'FieldValueInvalid' };
    expect(evaluateRule(rule, { name: 'b' }, schema)).toEqual({ kind: 'fail', message: 'name must be a', fieldPath: '.name' });
  });

  test('messageExpression is evaluated, falling back to message when it fails', () => {
    const base = { rule: "self.name == 'a'", message: 'static' };
    expect(evaluateRule({ ...base, messageExpression: "'name ' + self.name + ' is not a'" }, { name: 'b' }, schema))
      .toEqual({ kind: 'fail', message: 'name b is not a' });
    expect(evaluateRule({ ...base, messageExpression: 'self.missing' }, { name: 'b' }, schema))
      .toEqual({ kind: 'fail', message: 'static' });
    expect(evaluateRule({ rule: base.rule, messageExpression: 'size(self.name)' }, { name: 'b' }, schema))
      .toEqual({ kind: 'fail', message: "failed rule: self.name == 'a'" });
  });
});

describe('transition rules', () => {
  test('rules referencing oldSelf are skipped, with or without optionalOldSelf', () => {
    const gc = crdRule('gatewayclasses.gateway.networking.k8s.io', 'oldSelf');
    expect(evaluateRule(gc.rule, 'example.com/gateway', gc.schema)).toEqual({ kind: 'skipped' });
    expect(run({ rule: '!oldSelf.hasValue() || self >= oldSelf.value()', optionalOldSelf: true }, 1, { type: 'integer' }))
      .toEqual({ kind: 'skipped' });
    expect(run({ rule: 'oldSelf.?x.orValue(1) == 1', optionalOldSelf: true }, {}, {})).toEqual({ kind: 'skipped' });
    // a string literal mentioning oldSelf is not a reference
    expect(run("self != 'oldSelf'", 'x', STRING)).toEqual({ kind: 'pass' });
  });
});

describe('Kubernetes library functions', () => {
  test.each([
    ['10.0.0.1', true],
    ['::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['::ffff:10.0.0.1', true],
    ['010.0.0.1', false], // leading zeros
    ['256.1.1.1', false],
    ['fe80::1%eth0', false], // zone
    ['10.0.0.0/8', false],
    ['kafka.example.com', false],
    ['', false],
  ])('isIP(%j) == %s', (ip, expected) => {
    expect(run(`isIP(self) == ${expected}`, ip, STRING)).toEqual({ kind: 'pass' });
  });

  test.each([
    ['10.0.0.0/8', true],
    ['::/0', true],
    ['10.0.0.1/32', true],
    ['10.0.0.0/33', false],
    ['10.0.0.0/08', false],
    ['10.0.0.0', false],
  ])('isCIDR(%j) == %s', (cidr, expected) => {
    expect(run(`isCIDR(self) == ${expected}`, cidr, STRING)).toEqual({ kind: 'pass' });
  });

  test('strings extension functions are available', () => {
    expect(run("self.upperAscii() == 'POST' && self.substring(1) == 'ost' && 'a/b'.split('/')[1] == 'b'", 'post', STRING))
      .toEqual({ kind: 'pass' });
  });
});

describe('real Gateway API rules', () => {
  test('TLSRoute hostnames: no IPs, RFC-1123 names, leading wildcard only', () => {
    const noIp = crdRule('tlsroutes.gateway.networking.k8s.io', '!isIP(h)');
    const rfc = crdRule('tlsroutes.gateway.networking.k8s.io', "!h.contains('*') ? h.matches");
    const wildcard = crdRule('tlsroutes.gateway.networking.k8s.io', "h.startsWith('*.')");
    const ok = ['kafka.example.com', '*.kafka.example.com'];
    for (const r of [noIp, rfc, wildcard]) expect(evaluateRule(r.rule, ok, r.schema)).toEqual({ kind: 'pass' });

    expect(evaluateRule(noIp.rule, ['10.0.0.1'], noIp.schema)).toEqual({ kind: 'fail', message: 'Hostnames cannot contain an IP' });
    expect(evaluateRule(rfc.rule, ['Kafka.Example.com'], rfc.schema).kind).toBe('fail');
    expect(evaluateRule(wildcard.rule, ['kafka.*.example.com'], wildcard.schema).kind).toBe('fail');
  });

  test('Gateway listener names must be unique', () => {
    const r = crdRule('gateways.gateway.networking.k8s.io', 'self.exists_one(l2, l1.name == l2.name)');
    const listener = (name: string, port: number) => ({ name, port, protocol: 'TLS', tls: { mode: 'Passthrough' } });
    expect(evaluateRule(r.rule, [listener('a', 9092), listener('b', 9093)], r.schema)).toEqual({ kind: 'pass' });
    expect(evaluateRule(r.rule, [listener('a', 9092), listener('a', 9093)], r.schema)).toEqual({
      kind: 'fail',
      message: r.rule.message,
    });
  });

  test('HTTPRoute parentRefs rule reads the escaped __namespace__ property', () => {
    const r = crdRule('httproutes.gateway.networking.k8s.io', 'self.all(p1, self.exists_one(p2');
    const ref = (namespace: string, sectionName: string) => ({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', namespace, sectionName });
    expect(evaluateRule(r.rule, [ref('a', 'tls'), ref('b', 'tls')], r.schema)).toEqual({ kind: 'pass' });
    expect(evaluateRule(r.rule, [ref('a', 'tls'), ref('a', 'tls')], r.schema).kind).toBe('fail');
  });

  test('HTTPRoute timeouts compare durations', () => {
    const r = crdRule('httproutes.gateway.networking.k8s.io', 'duration(self.backendRequest)');
    expect(evaluateRule(r.rule, { request: '30s', backendRequest: '10s' }, r.schema)).toEqual({ kind: 'pass' });
    expect(evaluateRule(r.rule, { request: '0s', backendRequest: '1h' }, r.schema)).toEqual({ kind: 'pass' });
    expect(evaluateRule(r.rule, { request: '1m', backendRequest: '1m1s' }, r.schema)).toEqual({
      kind: 'fail',
      message: 'backendRequest timeout cannot be longer than request timeout',
    });
  });
});

describe('real Envoy Gateway and Istio rules', () => {
  test('BackendTrafficPolicy keepalive timeout must be below interval', () => {
    const r = crdRule('backendtrafficpolicies.gateway.envoyproxy.io', 'duration(self.timeout) < duration(self.interval)');
    expect(evaluateRule(r.rule, { timeout: '500ms', interval: '1s' }, r.schema)).toEqual({ kind: 'pass' });
    expect(evaluateRule(r.rule, { timeout: '2s', interval: '1s' }, r.schema)).toEqual({ kind: 'fail', message: 'timeout must be less than interval' });
    expect(evaluateRule(r.rule, { interval: '1s' }, r.schema)).toEqual({ kind: 'pass' });
  });

  test('Istio integer port range rule', () => {
    const r = crdRule('serviceentries.networking.istio.io', '0 < self && self <= 65535');
    expect(evaluateRule(r.rule, 9092, r.schema)).toEqual({ kind: 'pass' });
    expect(evaluateRule(r.rule, 70000, r.schema)).toEqual({ kind: 'fail', message: 'port must be between 1-65535' });
  });
});
