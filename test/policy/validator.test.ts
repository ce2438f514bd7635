import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { Finding, formatFinding, ManifestValidator } from '../../src/policy';
import { writeExampleCrd } from '../support';

/** A made-up CRD that exercises each structural-schema feature the validator implements. */
const WIDGET_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: { type: 'object' },
              spec: {
                type: 'object',
                required: ['size'],
                'x-kubernetes-validations': [
                  {
                    rule: "self.mode != 'Fast' || !has(self.replicas) || self.replicas <= 3",
                    message: 'Fast mode allows at most 3 replicas',
                    fieldPath: '.replicas',
                  },
                  { rule: 'self.size == oldSelf.size', message: 'size is immutable' },
                ],
                properties: {
                  size: { type: 'string', enum: ['S', 'M', 'L'] },
                  mode: { type: 'string', default: 'Fast' },
                  replicas: { type: 'integer', minimum: 1 },
                  code: { type: 'string', pattern: '(?i)^[a-z]+$' },
                  port: { 'x-kubernetes-int-or-string': true },
                  note: { type: 'string', nullable: true },
                  tags: {
                    type: 'array',
                    'x-kubernetes-list-type': 'set',
                    items: { type: 'string' },
                  },
                  ports: {
                    type: 'array',
                    'x-kubernetes-list-type': 'map',
                    'x-kubernetes-list-map-keys': ['name'],
                    items: {
                      type: 'object',
                      required: ['name'],
                      properties: {
                        name: { type: 'string' },
                        number: { type: 'integer' },
                      },
                    },
                  },
                  config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  labels: {
                    type: 'object',
                    additionalProperties: { type: 'string' },
                  },
                  template: {
                    type: 'object',
                    'x-kubernetes-embedded-resource': true,
                    properties: {
                      spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                    },
                  },
                  empty: { type: 'object' },
                },
              },
            },
          },
        },
      },
      {
        name: 'v1beta1',
        served: true,
        storage: false,
        deprecated: true,
        schema: {
          openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
      { name: 'v1alpha1', served: false, storage: false },
    ],
  },
};

/** A file holding the fixture Widget CRD. */
function fixtureCrds(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cdk8s-kafka-crds-')), 'widgets.yaml');
  writeFileSync(file, stringify(WIDGET_CRD));
  return file;
}

const validator = new ManifestValidator({ crds: [fixtureCrds()] });

function widget(spec: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'ns' }, spec, ...extra };
}

/** `severity path: message` of each finding. */
function findings(...objects: unknown[]): string[] {
  return validator.validateObjects(objects).findings.map((f) => `${f.severity} ${f.path}: ${f.message}`);
}

describe('ManifestValidator on a fixture CRD', () => {
  test('a valid object has no findings, and one transition rule is skipped and counted', () => {
    const result = validator.validateObjects([widget({ size: 'M', replicas: 2, port: 'http', note: null })]);
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ documents: 1, errors: 0, warnings: 0, skippedTransitionRules: 1 });
  });

  test('defaults are applied before CEL rules run (mode defaults to Fast)', () => {
    expect(findings(widget({ size: 'M', replicas: 5 }))).toEqual(['error spec.replicas: Fast mode allows at most 3 replicas']);
    expect(findings(widget({ size: 'M', replicas: 5, mode: 'Slow' }))).toEqual([]);
  });

  test('required, enum, minimum and Go (?i) patterns', () => {
    expect(findings(widget({ replicas: 0, code: 'ABC1' }))).toEqual([
      'error spec.size: required value',
      'error spec.replicas: must be >= 1 (got 0)',
      'error spec.code: must match (?i)^[a-z]+$ (got "ABC1")',
      'warning .: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
    expect(findings(widget({ size: 'XL', code: 'AbC', replicas: 9 }))).toEqual([
      'error spec.size: must be one of "S", "M", "L" (got "XL")',
      'warning .: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });

  test('int-or-string and nullable', () => {
    expect(findings(widget({ size: 'S', port: 8080, note: null }))).toEqual([]);
    expect(findings(widget({ size: 'S', port: true }))).toEqual([
      'error spec.port: must be of type integer or string (got true)',
      'warning .: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });

  test('a null on a field that is not nullable takes the default, or is dropped with a warning', () => {
    // mode: null becomes the default 'Fast', so the Fast-mode rule applies to 5 replicas.
    expect(findings(widget({ size: 'S', mode: null, replicas: 5 }))).toEqual(['error spec.replicas: Fast mode allows at most 3 replicas']);
    expect(findings(widget({ size: 'S', code: null }))).toEqual([
      'warning spec.code: null is dropped by the API server (the field is not nullable and has no default); remove it',
    ]);
  });

  test('unknown fields are rejected, except where unknown fields are preserved', () => {
    expect(findings(widget({ size: 'S', config: { anything: { goes: 1 } }, labels: { free: 'form' } }))).toEqual([]);
    expect(findings(widget({ size: 'S', colour: 'red', empty: { x: 1 } }))).toEqual([
      'error spec.colour: unknown field "colour": not declared in the schema',
      'error spec.empty.x: unknown field "x": not declared in the schema',
    ]);
  });

  test('embedded resources get apiVersion, kind and a checked ObjectMeta', () => {
    const template = { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'x' } }, spec: { any: 1 } };
    expect(findings(widget({ size: 'S', template }))).toEqual([]);
    expect(findings(widget({ size: 'S', template: { ...template, metadata: { labelz: {} } } }))).toEqual([
      'error spec.template.metadata.labelz: unknown field "labelz": not declared in the schema',
    ]);
  });

  test('x-kubernetes-list-type set and map require unique items and keys', () => {
    expect(findings(widget({ size: 'S', tags: ['a', 'b', 'a'], ports: [{ name: 'x', number: 1 }, { name: 'x', number: 2 }] }))).toEqual([
      'error spec.tags[2]: duplicate value "a" (also at [0]); x-kubernetes-list-type "set" requires unique items',
      'error spec.ports[1]: duplicate entry with name="x" (also at [0]); x-kubernetes-list-type "map" requires unique keys (name)',
    ]);
  });

  test('served, deprecated and unserved versions', () => {
    expect(findings(widget({}, { apiVersion: 'example.com/v1beta1' }))).toEqual([
      'warning apiVersion: example.com/v1beta1 Widget is deprecated; use example.com/v1',
    ]);
    expect(findings(widget({}, { apiVersion: 'example.com/v1alpha1' }))).toEqual([
      expect.stringMatching(/^error apiVersion: example.com\/v1alpha1 Widget is not served \(by .*widgets.yaml\); use example.com\/v1$/),
    ]);
    expect(findings(widget({}, { apiVersion: 'example.com/v2', kind: 'Gadget' }))).toEqual([
      expect.stringMatching(/^error kind: no schema for Gadget in API group "example.com"/),
    ]);
  });

  test('metadata: names, namespace, labels and annotations', () => {
    const bad = widget({ size: 'S' }, {
      metadata: { name: 'Not_A_Name', namespace: 'ns', labels: { 'example.com/ok': 'fine', 'x': 'has space' }, annotations: { '-bad': 'v' } },
    });
    expect(findings(bad)).toEqual([
      expect.stringMatching(/^error metadata.name: "Not_A_Name" is not a DNS-1123 subdomain/),
      expect.stringMatching(/^error metadata.labels.x: invalid label value "has space"/),
      expect.stringMatching(/^error metadata.annotations\[-bad\]: invalid key "-bad"/),
    ]);
    expect(findings({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka', namespace: 'default' } })).toEqual([
      'warning metadata.namespace: Namespace is cluster-scoped: the API server ignores the namespace (got "default"); remove it',
    ]);
    // Service names are DNS-1123 labels from Kubernetes 1.37 (RelaxedServiceNameValidation); older API servers want DNS-1035.
    expect(findings({ apiVersion: 'v1', kind: 'Service', metadata: { name: '9-kafka' }, spec: { ports: [{ port: 9092 }] } })).toEqual([
      expect.stringMatching(/^warning metadata.name: "9-kafka" starts with a digit: Kubernetes 1.37 accepts it .*DNS-1035 label/),
    ]);
    expect(findings({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kafka.bootstrap' }, spec: { ports: [{ port: 9092 }] } })).toEqual([
      expect.stringMatching(/^error metadata.name: "kafka.bootstrap" is not a DNS-1123 label/),
    ]);
  });

  test('core kinds are checked against the Kubernetes schema, refs and all', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 1 } };
    expect(findings(configMap)).toEqual(['error data.a: must be of type string (got 1)']);
    expect(findings({ apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'd' } })).toEqual([
      expect.stringMatching(/^error apiVersion: apps\/v1beta2 Deployment is not served .*; use apps\/v1$/),
    ]);
  });

  test('documents that are not manifests are reported, not skipped', () => {
    const result = validator.validateText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- a list\n---\nkind: ConfigMap\n---\nkey: [unclosed\n', 'bad.yaml');
    expect(result.findings.map(formatFinding)).toEqual([
      'bad.yaml:5 ?/? -/- .: error: a manifest must be an object with apiVersion, kind and metadata',
      'bad.yaml:7 ?/ConfigMap -/- apiVersion: error: required value',
      expect.stringMatching(/^bad.yaml:9 \?\/\? -\/- \.: error: invalid YAML: /),
    ]);
  });

  test('a finding renders as one line: file, line, apiVersion/kind, namespace/name, path and message', () => {
    const finding: Finding = {
      file: 'dist/dev/kafka.k8s.yaml', document: 3, line: 40, apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', namespace: 'kafka',
      name: 'dev', path: 'spec.kafka.bogus', severity: 'error', message: 'unknown field "bogus": not declared in the schema',
    };
    expect(formatFinding(finding)).toBe(
      'dist/dev/kafka.k8s.yaml:40 kafka.strimzi.io/v1/Kafka kafka/dev spec.kafka.bogus: error: unknown field "bogus": not declared in the schema',
    );
    expect(formatFinding({ ...finding, line: undefined })).toMatch(/^dist\/dev\/kafka.k8s.yaml#3 /);
  });

  test('validateObjects leaves its input untouched (defaults go on a copy)', () => {
    const input = widget({ size: 'S' });
    const before = stringify(input);
    validator.validateObjects([input]);
    expect(stringify(input)).toBe(before);
  });
});

describe('CRD patterns are Go RE2, not JavaScript regular expressions', () => {
  /** A CRD whose `spec` fields each carry one pattern. */
  function patternValidator(patterns: Record<string, string>): ManifestValidator {
    const file = writeExampleCrd('Pattern', Object.fromEntries(Object.entries(patterns).map(([k, p]) => [k, { type: 'string', pattern: p }])));
    return new ManifestValidator({ crds: [file] });
  }
  const object = (spec: Record<string, string>) => ({ apiVersion: 'example.com/v1', kind: 'Pattern', metadata: { name: 'p', namespace: 'ns' }, spec });

  test.each([
    // [pattern, matching value, value that must not match]
    ['^(?i)(abort|warn)?$', 'WARN', 'stop'], // Prometheus Operator: an inline flag after ^
    ['^abc(?i)def$', 'abcDEF', 'ABCdef'], // a flag in the middle applies to the rest only
    ['^(?i:ab)c$', 'ABc', 'abC'], // a flag group
    ['^\\pL+$', 'Ünïcødé', 'a1'], // one-letter Unicode class
    ['^\\p{Greek}+$', 'αβγ', 'abc'], // Unicode script
    ['^[[:alpha:]]+$', 'abc', 'ab1'], // POSIX class
    ['^\\Qa.b\\E$', 'a.b', 'axb'], // quoted literal text
    ['^a\\z', 'a', 'a\n'], // end of text
    ['^\\_x$', '_x', 'x'], // an escaped punctuation character JavaScript's u flag rejects
    ['^x{,3}$', 'x{,3}', 'xxx'], // not a repetition in RE2: literal
    ['^.$', '\r', '\n'], // . is anything but \n in RE2 (JavaScript also excludes \r)
    ['^\\s$', ' ', '\u000b'], // \s is [\t\n\f\r ] in RE2 (JavaScript also matches \v)
  ])('%s', (pattern, good, bad) => {
    const validator = patternValidator({ field: pattern });
    expect(validator.validateObjects([object({ field: good })]).findings).toEqual([]);
    expect(validator.validateObjects([object({ field: bad })]).findings.map((f) => f.message)).toEqual([`must match ${pattern} (got ${JSON.stringify(bad)})`]);
  });

  test('a pattern that is not RE2 is a finding on the documents that use it, and the others are still checked', () => {
    const validator = patternValidator({ broken: '^(a', fine: '^[a-z]+$' });
    const result = validator.validateObjects([object({ broken: 'a' }), object({ fine: 'UPPER' }), object({ fine: 'ok' })]);
    expect(result.findings.map((f) => `${f.document} ${f.path}: ${f.message}`)).toEqual([
      expect.stringMatching(/^1 spec\.broken: pattern "\^\(a" in the schema is not valid RE2 \(.*missing closing \)/),
      '2 spec.fine: must match ^[a-z]+$ (got "UPPER")',
    ]);
  });
});

describe('core kinds: required is what the API server enforces, not the OpenAPI list', () => {
  const v = new ManifestValidator();
  const messages = (object: unknown) => v.validateObjects([object]).findings.map((f) => `${f.severity} ${f.path}: ${f.message}`);

  test.each([
    ['an EndpointSlice without endpoints', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'e', namespace: 'n' }, addressType: 'IPv4' }],
    ['a NetworkPolicy without podSelector (it selects every pod)', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'n' }, spec: { policyTypes: ['Ingress'] } }],
    ['a RoleBinding whose roleRef has no apiGroup (defaulted)', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'r', namespace: 'n' }, roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'User', name: 'ann' }] }],
    ['a Deployment whose status lacks required fields (the API server drops status on create)', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'n' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.37' }] } } },
      status: { conditions: [{ reason: 'x' }] },
    }],
  ])('accepts %s', (_, object) => {
    expect(messages(object)).toEqual([]);
  });

  test('still rejects what the API server rejects: a container without a name, unknown fields in a dropped status', () => {
    const deployment = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'n' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ image: 'busybox:1.37' }] } } },
      status: { replicaz: 1 },
    };
    expect(messages(deployment)).toEqual([
      'error status.replicaz: unknown field "replicaz": not declared in the schema',
      'error spec.template.spec.containers[0].name: required value',
    ]);
  });
});

describe('the API takes what JavaScript callers pass, and says what is wrong otherwise', () => {
  const v = new ManifestValidator();
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n';

  test('validateText takes a string or a Buffer (readFileSync without an encoding)', () => {
    expect(v.validateText(Buffer.from(configMap)).documents).toBe(1);
    expect(v.validateText(configMap).errors).toBe(0);
  });

  test.each([
    [() => v.validateText(123 as unknown as string), /^ManifestValidator.validateText: text must be a string or a Buffer \(got number\)$/],
    [() => v.validatePaths('dist' as unknown as string[]), /^ManifestValidator.validatePaths: paths must be a list of file or directory paths \(got "dist"\)$/],
    [() => v.validateObjects(null as unknown as unknown[]), /^ManifestValidator.validateObjects: objects must be a list \(got null\)$/],
    [() => new ManifestValidator({ crds: '/tmp/crds' as unknown as string[] }), /^ManifestValidator: crds must be a list of file or directory paths \(got "\/tmp\/crds"\); e.g. \{ crds: \['crds\/'\] \}$/],
  ])('%#: a clear error, not a TypeError', (call, message) => {
    expect(call).toThrow(message);
    expect(call).not.toThrow(TypeError);
  });

  test('null props are no props', () => {
    expect(new ManifestValidator(null as unknown as {}).validateText(configMap).errors).toBe(0);
  });

  test('objects are validated as the JSON they serialize to: what JSON cannot carry is a finding', () => {
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { at: new Date(0) } }, data: { f: () => 1, n: NaN, b: BigInt(1) } };
    expect(v.validateObjects([object]).findings.map((f) => `${f.path}: ${f.message}`)).toEqual([
      'data.f: a function is not JSON data; a manifest holds strings, numbers, booleans, lists and maps',
      'data.n: NaN cannot be written as JSON (nor as YAML kubectl accepts)',
      'data.b: a bigint is not JSON data; a manifest holds strings, numbers, booleans, lists and maps',
    ]);
  });
});

describe('names the API server checks in code', () => {
  const v = new ManifestValidator();
  const names = (kind: string, apiVersion: string, name: string) => v.validateObjects([{ apiVersion, kind, metadata: { name, ...(kind.startsWith('Cluster') ? {} : { namespace: 'n' }) } }])
    .findings.map((f) => f.message);

  test.each(['ClusterRole', 'Role'])('%s names are path segments (ValidateRBACName), not DNS subdomains', (kind) => {
    expect(names(kind, 'rbac.authorization.k8s.io/v1', 'system:aggregate-to-edit:Custom')).toEqual([]);
    expect(names(kind, 'rbac.authorization.k8s.io/v1', 'a/b')).toEqual([expect.stringMatching(/"a\/b" is not a path segment name: not '\.' or '\.\.', and without '\/' or '%'/)]);
    expect(names(kind, 'rbac.authorization.k8s.io/v1', '..')).toHaveLength(1);
  });

  test('other kinds keep DNS subdomain names', () => {
    expect(names('ConfigMap', 'v1', 'system:x')).toEqual([expect.stringMatching(/is not a DNS-1123 subdomain/)]);
  });
});

describe('what the API server accepts or rejects about metadata, kinds and values, as upstream test material showed', () => {
  const v = new ManifestValidator({ crds: [fixtureCrds()] });
  const messages = (object: unknown) => v.validateObjects([object]).findings.map((f) => `${f.severity} ${f.path}: ${f.message}`);
  const rule = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', spec: { groups: [] } };

  test('a custom resource\'s metadata is decoded into ObjectMeta: null means absent', () => {
    expect(messages({ ...rule, metadata: { name: 'r', namespace: 'n', creationTimestamp: null, labels: null, annotations: null, finalizers: null } })).toEqual([]);
  });

  test('annotation keys are checked lowercased; label keys are not', () => {
    expect(messages({ ...rule, metadata: { name: 'r', namespace: 'n', annotations: { 'Example.COM/owner': 'me' } } })).toEqual([]);
    expect(messages({ ...rule, metadata: { name: 'r', namespace: 'n', labels: { 'Example.COM/owner': 'me' } } })).toEqual([
      expect.stringMatching(/^error metadata.labels\[Example.COM\/owner\]: invalid key prefix: "Example.COM" is not a DNS-1123 subdomain/),
    ]);
  });

  test('annotations count bytes, not characters', () => {
    expect(messages({ ...rule, metadata: { name: 'r', namespace: 'n', annotations: { a: 'é'.repeat(140_000) } } })).toEqual([
      'error metadata.annotations: annotations total 280001 bytes; must be at most 262144',
    ]);
  });

  test('finalizers are qualified names; owner references have a version, kind, name and uid, and one controller at most', () => {
    const owner = (name: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `uid-${name}`, controller: true });
    expect(messages({ ...rule, metadata: { name: 'r', namespace: 'n', finalizers: ['example.com/cleanup', 'not a valid name'], ownerReferences: [owner('a'), owner('b'), { apiVersion: 'a/b/c', kind: 'X', name: 'c', uid: 'u' }] } })).toEqual([
      expect.stringMatching(/^error metadata.finalizers\[1\]: invalid finalizer name "not a valid name"/),
      'error metadata.ownerReferences[2].apiVersion: version must not be empty: apiVersion is <group>/<version> or <version> (got "a/b/c")',
      'error metadata.ownerReferences: only one reference can have controller set to true (got "a", "b")',
    ]);
  });

  test('a kind the built-in schemas leave out is a warning; one close to a kind of its group is an error that names it', () => {
    expect(messages({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata: { name: 'g', namespace: 'n' } })).toEqual([
      expect.stringMatching(/^warning kind: no schema for GRPCRoute in API group "gateway.networking.k8s.io" \(built in: .*HTTPRoute.*\), so it was not validated; give its CRD with --crds to check it$/),
    ]);
    expect(messages({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoutes', metadata: { name: 'g', namespace: 'n' } })).toEqual([
      'error kind: no schema for HTTPRoutes in API group "gateway.networking.k8s.io": the group has no such kind; did you mean HTTPRoute?',
    ]);
  });

  test('an alpha Kubernetes API is served only where the cluster enables it', () => {
    // LeaseCandidate is served as v1alpha2 and v1beta1 only (Kubernetes 1.37); certificates.k8s.io/v1alpha1
    // ClusterTrustBundle, used here before, is gone since ClusterTrustBundle reached v1.
    const spec = { leaseName: 'kube-controller-manager', binaryVersion: '1.37.2', strategy: 'OldestEmulationVersion' };
    expect(messages({ apiVersion: 'coordination.k8s.io/v1alpha2', kind: 'LeaseCandidate', metadata: { name: 'c', namespace: 'kube-system' }, spec })).toEqual([
      'warning apiVersion: coordination.k8s.io/v1alpha2 is an alpha API, served only where the cluster enables it (--runtime-config)',
    ]);
  });

  test('generateName works with kubectl create, not apply', () => {
    expect(messages({ ...rule, metadata: { generateName: 'r-', namespace: 'n' } })).toEqual([
      'warning metadata.name: kubectl apply needs a name (generateName works only with kubectl create)',
    ]);
  });

  test('an embedded resource needs apiVersion and kind', () => {
    expect(findings(widget({ size: 'S', template: { metadata: { name: 't' }, spec: {} } }))).toEqual([
      'error spec.template.apiVersion: required value',
      'error spec.template.kind: required value',
      'warning .: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });
});

describe('documents kubectl cannot decode', () => {
  const v = new ManifestValidator();
  const messages = (text: string) => v.validateText(text).findings.map((f) => `${f.severity} ${f.path}: ${f.message}`);

  test.each([
    ['apiVersion: v1\nkind: List\nitems: 5\n', 'error items: a list\'s items must be a list of objects (got 5); kubectl cannot decode it'],
    ['apiVersion: v1\nkind: List\n', 'error items: a list\'s items must be a list of objects (got none); kubectl cannot decode it'],
    ['apiVersion: a/b/c\nkind: X\nmetadata: {name: x}\n', 'error apiVersion: must be <group>/<version> or <version> (got "a/b/c"); kubectl cannot parse it'],
    ['apiVersion: 1\nkind: ConfigMap\nmetadata: {name: x}\n', 'error apiVersion: must be of type string (got 1)'],
    ['apiVersion: v1\nkind: 2\nmetadata: {name: x}\n', 'error kind: must be of type string (got 2)'],
  ])('%j', (text, message) => {
    expect(messages(text)).toEqual([message]);
  });
});
