/* eslint-disable @typescript-eslint/no-explicit-any */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Chart, Duration, Size } from 'cdk8s';
import {
  Acl, AclOperation, AllowedRoutes, BridgeAuthentication, BridgeKafkaConnection, BridgeTrafficGenerators, Certificate, ClusterIssuer,
  DevEnvironment, EnvoyGatewayClass, EnvoyGatewayFailover, Environment, FailoverGateway, FailoverProviderKind, formatFinding, GatewayService,
  HostnameScheme, InClusterMtlsEnvironment, IstioFailover, Issuer, IssuerType, KafkaAuthorization, KafkaBridge, KafkaClientRole,
  KafkaClientWorkload, KafkaCluster, KafkaGateway, KafkaMetrics, KafkaNodePool, KafkaPodMonitor, KafkaStorage, KafkaTlsRoutes, KafkaTopic, KafkaUser,
  KindCluster, KraftClientAuthentication, KraftCluster, KraftMode, KraftPlainEnvironment, ListenerAuthentication, ListenerType, ManifestValidator,
  MultiRegionEnvironment, NodeIdRange, NodeRole, PrivateCa, ReferenceGrant, renderEnvironment, RouteMode, SchemaRegistry, SelfSignedClusterIssuer,
  TetrateFailover, UserAuthentication,
} from '../../src';
import { sharedValidator } from '../support';

/**
 * Wrong input, the way a plain-JavaScript caller can pass it, thrown at every public constructor
 * and static factory of the library. The promise (README): bad input fails at construct or synth
 * time with an `Error` whose message names the construct path (or, without a construct, the
 * factory: `HostnameScheme.subdomain`), the prop, the value received and what to do; never a
 * TypeError, RangeError or ReferenceError, never a message without the prop.
 *
 * Each case builds a valid baseline, replaces one prop (top level, or one level into a nested
 * object or array) with one wrong value, constructs, synthesizes, and classifies what happened:
 *
 * - OK: an `Error` naming the prop (its last path segment) and the construct path or factory;
 * - CRASH: a TypeError, RangeError, ReferenceError or anything that is not a plain `Error`
 *   (also when cdk8s wraps one: "Failed serializing construct …: TypeError: …");
 * - VAGUE: an `Error` that does not name the prop;
 * - NO-PATH: an `Error` that names the prop but neither the construct path nor the factory;
 * - ACCEPTED: nothing failed. For `null` in an optional prop (marked "optional") that is fine
 *   (it means the default), so those cases only fail on CRASH, VAGUE or NO-PATH. Optional
 *   scalars read with `?? default` take `null` as absent, so they get no `null` case unless
 *   marked `nullToo`; options objects, arrays, records and instances do.
 *
 * `BAD_INPUT_REPORT=<file>` writes every outcome as JSON (message, where it was thrown).
 */

// ---------------------------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------------------------

type Outcome = 'OK' | 'CRASH' | 'VAGUE' | 'NO-PATH' | 'ACCEPTED';

/** What a case makes to synthesize: charts, an environment, or nothing (a factory on its own). */
type Synth = Chart | readonly Chart[] | Environment | undefined | void;

interface Case {
  readonly title: string;
  /** Names the message must contain for the prop (any one). */
  readonly props: readonly string[];
  /** Construct paths or factory names the message must contain (any one). */
  readonly where: readonly string[];
  /** `null` in an optional prop: taking it as the default is fine too. */
  readonly mayAccept?: boolean;
  readonly run: () => Synth;
}

interface Result {
  readonly title: string;
  readonly outcome: Outcome;
  readonly passed: boolean;
  readonly errorName?: string;
  readonly message?: string;
  /** The first stack frame in src/, and the frame that threw. */
  readonly srcFrame?: string;
  readonly topFrame?: string;
  /** For ACCEPTED: what the manifest validator says about the output. */
  readonly validator?: string;
}

const OUTDIR = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-bad-input-'));
const newApp = () => new App({ outdir: OUTDIR });
/** A chart without a namespace; constructs are given theirs. Construct paths start with `chart/`. */
const newChart = (id: string = 'chart') => new Chart(newApp(), id);

function synthesize(target: Synth): unknown[] {
  if (target === undefined) return [];
  if (target instanceof Environment) {
    renderEnvironment(target);
    return Object.values(target.charts).flatMap((c) => c.toJson());
  }
  const charts: readonly Chart[] = Array.isArray(target) ? target : [target as Chart];
  return charts.flatMap((c) => c.toJson());
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (message: string, word: string) => new RegExp(`(^|[^A-Za-z0-9_])${escape(word)}($|[^A-Za-z0-9_])`).test(message);

function frames(stack: string | undefined): { src?: string; top?: string } {
  const lines = (stack ?? '').split('\n').filter((l) => l.trim().startsWith('at '));
  const clean = (l: string) => l.trim().replace(/^at /, '').replace(process.cwd() + '/', '');
  const src = lines.find((l) => l.includes(`${process.cwd()}/src/`));
  return { src: src && clean(src), top: lines[0] && clean(lines[0]) };
}

function attempt(c: Case): Result {
  let thrown: unknown;
  let objects: unknown[] = [];
  let threw = false;
  try {
    objects = synthesize(c.run());
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    thrown = e;
    threw = true;
  }
  if (!threw) {
    let validator: string;
    try {
      const findings = sharedValidator().validateObjects(objects).findings.filter((f) => f.severity === 'error');
      validator = findings.length === 0 ? 'the manifest validator finds nothing' : `the manifest validator finds ${findings.length} error(s), first: ${formatFinding(findings[0])}`;
    } catch (e) {
      validator = `the manifest validator threw ${String(e)}`;
    }
    return { title: c.title, outcome: 'ACCEPTED', passed: c.mayAccept === true, validator };
  }
  const isError = Object.prototype.toString.call(thrown) === '[object Error]';
  const error = thrown as Error;
  const name = isError ? error.name : typeof thrown;
  const message = isError ? error.message : String(thrown);
  const { src, top } = isError ? frames(error.stack) : {};
  const base = { title: c.title, errorName: name, message, srcFrame: src, topFrame: top };
  if (!isError || name !== 'Error' || error.constructor?.name !== 'Error') return { ...base, outcome: 'CRASH', passed: false };
  // cdk8s wraps what a lazy value or an L1's toJson throws: "Failed serializing construct at path …: TypeError: …".
  if (/\b(TypeError|RangeError|ReferenceError): /.test(message)) return { ...base, outcome: 'CRASH', passed: false };
  if (!c.props.some((p) => mentions(message, p))) return { ...base, outcome: 'VAGUE', passed: false };
  if (!c.where.some((w) => message.includes(w))) return { ...base, outcome: 'NO-PATH', passed: false };
  return { ...base, outcome: 'OK', passed: true };
}

function describeResult(r: Result): string {
  if (r.outcome === 'OK') return 'OK';
  if (r.outcome === 'ACCEPTED') return r.passed ? 'OK' : `ACCEPTED: no error; ${r.validator}`;
  const where = r.outcome === 'CRASH' ? ` [thrown at ${r.topFrame ?? '?'}; first src frame ${r.srcFrame ?? 'none'}]` : '';
  return `${r.outcome}: ${r.errorName}: ${r.message}${where}`;
}

// ---------------------------------------------------------------------------------------------
// Wrong values, by what a prop expects
// ---------------------------------------------------------------------------------------------

interface Wrong {
  readonly label: string;
  readonly value: unknown;
  readonly mayAccept?: boolean;
}

function show(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (typeof x === 'number' || x === undefined) return String(x);
  return JSON.stringify(x);
}

const w = (value: unknown, label?: string): Wrong => ({ value, label: label ?? show(value) });

type Kind =
  | 'name' // an identifier or hostname: '' is wrong too
  | 'text' // free text
  | 'int' // a whole number, >= 0 or >= 1
  | 'number' // a number (fractions allowed)
  | 'bool'
  | 'enum'
  | 'instance' // a value made by one of the library's factories
  | 'construct' // a construct, or what an interface of constructs describes
  | 'duration'
  | 'size'
  | 'object' // an options object
  | 'array'
  | 'record'; // a string-keyed map

const NAN_DURATION = w(Duration.seconds(NaN), 'Duration.seconds(NaN)');
const NAN_SIZE = w(Size.mebibytes(NaN), 'Size.mebibytes(NaN)');

const WRONG: Readonly<Record<Kind, readonly Wrong[]>> = {
  name: [w(42), w('')],
  text: [w(42)],
  int: [w('3'), w(NaN), w(-1), w(1.5)],
  number: [w('3'), w(NaN), w(-1)],
  bool: [w('false')],
  enum: [w('bogus')],
  instance: [w({})],
  construct: [w({})],
  duration: [w(42), NAN_DURATION],
  size: [w(42), NAN_SIZE],
  object: [w('3')],
  array: [w('3'), w([null])],
  record: [w('3'), w({ k: {} })],
};

/** Kinds whose `null`, in an optional prop, may not be read as "absent" (`?? default` is not enough for objects read field by field). */
const NULL_PRONE: ReadonlySet<Kind> = new Set<Kind>(['object', 'array', 'instance', 'construct', 'record']);

interface Field {
  /** `brokers.replicas`, `regions[0].priority`. */
  readonly path: string;
  readonly kind: Kind;
  /** Required: `null` and `undefined` are wrong too. */
  readonly required?: boolean;
  /** A nested field (no `null` case of its own). */
  readonly nested?: boolean;
  /** More wrong values. */
  readonly extra?: readonly Wrong[];
  /** Only these wrong values (instead of the kind's). */
  readonly only?: readonly Wrong[];
  /** A `null` case for an optional scalar too (code that tests `!== undefined`). */
  readonly nullToo?: boolean;
  /** Labels of the kind's values that are not wrong for this prop. */
  readonly except?: readonly string[];
  /** Names the message may use for the prop (default: the path's last segment). */
  readonly prop?: readonly string[];
}

const f = (path: string, kind: Kind, options: Omit<Field, 'path' | 'kind'> = {}): Field => ({ path, kind, ...options });
const req = (path: string, kind: Kind, options: Omit<Field, 'path' | 'kind' | 'required'> = {}): Field => f(path, kind, { ...options, required: true });
/** A nested field: its wrong values, without `null`. */
const nf = (path: string, kind: Kind, options: Omit<Field, 'path' | 'kind' | 'nested'> = {}): Field => f(path, kind, { ...options, nested: true });

function wrongValues(field: Field): Wrong[] {
  // One level down, fewer values: no NaN for whole numbers (the same check as '3'), no '' for names.
  const thinned = (v: Wrong) => field.nested && ((field.kind === 'int' && v.label === 'NaN') || (field.kind === 'name' && v.label === "''"));
  const kindValues = WRONG[field.kind].filter((v) => !(field.except ?? []).includes(v.label) && !thinned(v));
  const values = [...(field.only ?? kindValues), ...(field.extra ?? [])];
  if (field.required) return [w(null), w(undefined), ...values];
  if (field.nested || field.only || !(NULL_PRONE.has(field.kind) || field.nullToo)) return values;
  return [...values, { label: 'null (optional)', value: null, mayAccept: true }];
}

function segments(path: string): Array<string | number> {
  return path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));
}

function lastName(path: string): string {
  const names = segments(path).filter((s): s is string => typeof s === 'string');
  return names[names.length - 1];
}

/** A mistake of this file (a baseline without the object a path goes into): rethrown, never classified. */
class HarnessError extends Error {}

function setIn(object: any, path: ReadonlyArray<string | number>, value: unknown): any {
  const [head, ...rest] = path;
  // An optional options object may be missing (it is made); a list must be in the baseline.
  if (typeof rest[0] === 'number' && !Array.isArray(object?.[head])) throw new HarnessError(`the baseline has no list at ${String(head)}`);
  const copy: any = Array.isArray(object) ? [...object] : { ...object };
  copy[head] = rest.length === 0 ? value : setIn(object?.[head] ?? {}, rest, value);
  return copy;
}

/** A baseline and how to build and synthesize it, made fresh for every case. */
type Setup = () => { readonly base: Record<string, unknown>; readonly build: (props: any) => Synth };

/**
 * The cases of one target: `prefix` is the title before the field path (`KafkaCluster props.`,
 * `HostnameScheme.subdomain `), `where` what the message must name.
 */
function cases(prefix: string, where: readonly string[], setup: Setup, fields: readonly Field[]): Case[] {
  const baseline: Case = { title: `${prefix.trim()} (baseline)`, props: [], where, run: () => { const s = setup(); return s.build(s.base); } };
  BASELINES.push(baseline);
  return fields.flatMap((field) => wrongValues(field).map((wrong): Case => ({
    title: `${prefix}${field.path} = ${wrong.label}`,
    props: field.prop ?? [lastName(field.path)],
    where,
    mayAccept: wrong.mayAccept,
    run: () => {
      const { base, build } = setup();
      return build(setIn(base, segments(field.path), wrong.value));
    },
  })));
}

/** One hand-written case. */
function one(title: string, props: readonly string[], where: readonly string[], run: () => Synth): Case {
  return { title, props, where, run };
}

const BASELINES: Case[] = [];

// ---------------------------------------------------------------------------------------------
// Shared baselines
// ---------------------------------------------------------------------------------------------

const NS = 'kafka';
const KAFKA = 'chart/Kafka';

function kafkaCluster(chart: Chart = newChart(), props: any = {}): KafkaCluster {
  return new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: NS, ...props });
}

function gatewayIn(chart: Chart, props: any = {}): KafkaGateway {
  const gatewayClass = new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-kafka' });
  return new KafkaGateway(chart, 'Gateway', { namespace: NS, gatewayClass, hostnames: HostnameScheme.subdomain('kafka.example.com'), ...props });
}

function certificateIn(chart: Chart, namespace: string | undefined, dnsNames: string[]): Certificate {
  return new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'SelfSigned'), namespace, dnsNames });
}

const REGIONS = [
  { name: 'east', priority: 0, address: 'gateway.east.example.com' },
  { name: 'west', priority: 1, address: '203.0.113.10' },
];

/**
 * A failover gateway in use: the tier-1 gateway in `central` and the regional gateway of `west`
 * in `west` (two Kubernetes clusters, so two apps), with certificates that cover the default hostnames.
 */
function failoverInUse(props: any): Chart[] {
  const failover = new FailoverGateway(props);
  const central = newChart('central');
  // Istio's ingress gateway reads its certificate from its own namespace (istio-ingress).
  const gatewayClass = (chart: Chart) => (failover.provider.usesGatewayClass ? new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined);
  failover.addTier1Gateway(central, 'Tier1', { certificate: certificateIn(central, failover.provider.proxyNamespace('tier1')!, ['bridge.example.com', '*.bridge.example.com']), gatewayClass: gatewayClass(central) });
  const west = newChart('west');
  // The bridge's NetworkPolicy admits the provider's gateway proxies, as addRegionalGateway requires.
  const bridge = new KafkaBridge(west, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), allowFrom: [failover.provider.gatewayPeer('bridge')] });
  const certificate = certificateIn(west, failover.provider.regionalNamespace(bridge), ['bridge.example.com', '*.bridge.example.com']);
  failover.addRegionalGateway(west, 'Regional', { region: 'west', bridge, certificate, gatewayClass: gatewayClass(west) });
  return [central, west];
}

// ---------------------------------------------------------------------------------------------
// The cases, by module of src/
// ---------------------------------------------------------------------------------------------

const nodeOptions = (prefix: string, all: boolean): Field[] => [
  nf(`${prefix}.replicas`, 'int'),
  nf(`${prefix}.storage`, 'instance'),
  nf(`${prefix}.heap`, 'size'),
  ...(all ? [nf(`${prefix}.nodeIds`, 'instance'), nf(`${prefix}.resources`, 'object'), nf(`${prefix}.podLabels`, 'record')] : []),
];

const kafkaClusterCases = cases('KafkaCluster props.', [KAFKA], () => {
  const chart = newChart();
  return { base: { name: 'events', namespace: NS }, build: (p) => { new KafkaCluster(chart, 'Kafka', p); return chart; } };
}, [
  f('name', 'name'),
  f('namespace', 'name'),
  f('version', 'name'),
  f('profile', 'enum'),
  f('controllers', 'object'),
  ...nodeOptions('controllers', true),
  f('brokers', 'object'),
  ...nodeOptions('brokers', false),
  f('defaultNodePools', 'bool'),
  f('defaultListener', 'bool'),
  f('config', 'record', {
    extra: [
      w({ 'min.insync.replicas': NaN }, "{ 'min.insync.replicas': NaN }"),
      w({ 'default.replication.factor': 1.5 }, "{ 'default.replication.factor': 1.5 }"),
    ],
  }),
  f('authorization', 'instance'),
  f('rackAwareness', 'bool'),
  f('rackTopologyKey', 'name'),
  f('restrictedSecurityContext', 'bool'),
  f('maxUnavailable', 'int'),
  f('metrics', 'instance'),
  f('kafkaExporter', 'bool'),
  f('cruiseControl', 'bool'),
  f('logging', 'record'),
]);

const kafkaClusterMethodCases: Case[] = [
  ...cases('KafkaCluster.addNodePool ', [KAFKA], () => {
    const kafka = kafkaCluster(newChart(), { defaultNodePools: false, controllers: undefined });
    kafka.addNodePool('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER] });
    return { base: { id: 'Brokers', options: { name: 'broker', roles: [NodeRole.BROKER] } }, build: (p) => { kafka.addNodePool(p.id, p.options); return kafka.node.scope as Chart; } };
  }, [
    req('id', 'name', { except: ["''"], prop: ['id', 'name'] }),
    req('options', 'object', { prop: ['options', 'roles'] }),
  ]),
  ...cases('KafkaCluster.addTopic ', [KAFKA], () => {
    const kafka = kafkaCluster();
    return { base: { id: 'orders', options: {} }, build: (p) => { kafka.addTopic(p.id, p.options); return kafka.node.scope as Chart; } };
  }, [
    req('id', 'name', { prop: ['id', 'topicName'] }),
    f('options', 'object', { prop: ['options'] }),
  ]),
  ...cases('KafkaCluster.addUser ', [KAFKA], () => {
    const kafka = kafkaCluster();
    return { base: { id: 'app', options: {} }, build: (p) => { kafka.addUser(p.id, p.options); return kafka.node.scope as Chart; } };
  }, [
    req('id', 'name', { prop: ['id', 'userName'] }),
    f('options', 'object', { prop: ['options'] }),
  ]),
  ...cases('KafkaCluster.addListener ', [KAFKA], () => {
    const chart = newChart();
    certificateIn(chart, NS, ['kafka.example.com']); // its Secret, 'tls', is the brokerCertificate
    const kafka = kafkaCluster(chart);
    return {
      base: { name: 'plain', options: { port: 9092, type: ListenerType.INTERNAL, tls: true, networkPolicyPeers: [{ podLabels: { app: 'client' } }], brokerCertificate: { secretName: 'tls' } } },
      build: (p) => { kafka.addListener(p.name, p.options); return kafka.node.scope as Chart; },
    };
  }, [
    req('name', 'name'),
    req('options', 'object', { prop: ['options', 'port'] }),
    req('options.port', 'int', { prop: ['port'] }),
    f('options.type', 'enum', { prop: ['type'], nested: true }),
    nf('options.tls', 'bool'),
    nf('options.authentication', 'instance'),
    nf('options.networkPolicyPeers', 'array'),
    nf('options.networkPolicyPeers[0].cidr', 'text', { extra: [w('not-a-cidr')] }),
    nf('options.networkPolicyPeers[0].podLabels', 'record'),
    nf('options.brokerCertificate', 'object'),
    nf('options.brokerCertificate.secretName', 'name', { extra: [w(null), w(undefined)] }),
  ]),
  ...cases('KafkaCluster.addListener (nodeport) ', [KAFKA], () => {
    const kafka = kafkaCluster();
    return {
      base: {
        name: 'np',
        options: { port: 9094, type: ListenerType.NODEPORT, bootstrapNodePort: 31000, brokers: [{ nodeId: 100, nodePort: 31001, advertisedPort: 9094, advertisedHost: 'b0.example.com' }] },
      },
      build: (p) => { kafka.addListener(p.name, p.options); return kafka.node.scope as Chart; },
    };
  }, [
    nf('options.bootstrapNodePort', 'int'),
    nf('options.brokers', 'array'),
    nf('options.brokers[0].nodeId', 'int', { extra: [w(null), w(undefined)] }),
    nf('options.brokers[0].nodePort', 'int'),
    nf('options.brokers[0].advertisedPort', 'int'),
    nf('options.brokers[0].advertisedHost', 'name'),
  ]),
  ...cases('KafkaCluster.addListener (ingress) ', [KAFKA], () => {
    const kafka = kafkaCluster();
    return {
      base: {
        name: 'ing',
        options: {
          port: 9095, type: ListenerType.INGRESS, className: 'nginx', bootstrapHost: 'bootstrap.example.com', hostTemplate: 'broker-{nodeId}.example.com',
          bootstrapAlternativeNames: ['kafka.example.com'], advertisedHostTemplate: 'broker-{nodeId}.example.com', advertisedPortTemplate: '443',
        },
      },
      build: (p) => { kafka.addListener(p.name, p.options); return kafka.node.scope as Chart; },
    };
  }, [
    nf('options.className', 'name'),
    nf('options.bootstrapHost', 'name'),
    nf('options.hostTemplate', 'name'),
    nf('options.bootstrapAlternativeNames', 'array'),
    nf('options.advertisedHostTemplate', 'name'),
    nf('options.advertisedPortTemplate', 'name', { extra: [w('{nodeId} +')] }),
  ]),
  ...cases('KafkaCluster.addListener (tlsroute) ', [KAFKA], () => {
    const chart = newChart();
    gatewayIn(chart);
    const kafka = kafkaCluster(chart);
    return {
      base: {
        name: 'tr',
        options: {
          port: 9096, type: ListenerType.TLSROUTE, bootstrapHost: 'bootstrap.kafka.example.com', hostTemplate: 'broker-{nodeId}.kafka.example.com', advertisedPortTemplate: '9092',
          parentRefs: [{ name: 'gateway', namespace: NS, sectionName: 'kafka', port: 9092 }],
        },
      },
      build: (p) => { kafka.addListener(p.name, p.options); return kafka.node.scope as Chart; },
    };
  }, [
    nf('options.parentRefs', 'array'),
    nf('options.parentRefs[0].name', 'name', { extra: [w(undefined)] }),
    nf('options.parentRefs[0].port', 'int'),
  ]),
  ...cases('KafkaCluster.addExternalListener ', [KAFKA], () => {
    const chart = newChart();
    const gateway = gatewayIn(chart);
    const certificate = certificateIn(chart, NS, ['bootstrap.kafka.example.com', '*.kafka.example.com']);
    const kafka = kafkaCluster(chart);
    return { base: { name: 'external', options: { gateway, certificate } }, build: (p) => { kafka.addExternalListener(p.name, p.options); return chart; } };
  }, [
    req('name', 'name'),
    req('options', 'object', { prop: ['options', 'gateway'] }),
    req('options.gateway', 'construct', { prop: ['gateway'] }),
    nf('options.port', 'int'),
    nf('options.authentication', 'instance'),
    nf('options.tls', 'bool', { except: ['1'] }),
    nf('options.certificate', 'construct'),
    nf('options.mode', 'enum'),
    nf('options.sectionName', 'name'),
    nf('options.advertisedPort', 'int'),
    nf('options.networkPolicyPeers', 'array'),
  ]),
  ...cases('KafkaCluster.addExternalListener (explicit) ', [KAFKA], () => {
    const chart = newChart();
    const gateway = gatewayIn(chart);
    const kafka = kafkaCluster(chart);
    return { base: { name: 'external', options: { gateway, mode: RouteMode.EXPLICIT, routeNamespace: NS } }, build: (p) => { kafka.addExternalListener(p.name, p.options); return chart; } };
  }, [
    nf('options.routeNamespace', 'name'),
  ]),
  ...cases('KafkaCluster.listener ', [KAFKA], () => {
    const kafka = kafkaCluster();
    return { base: { name: 'tls' }, build: (p) => { kafka.listener(p.name); return undefined; } };
  }, [req('name', 'name', { only: [w(42), w({})], prop: ['name', 'listener'] })]),
];

const kafkaNodePoolCases = cases('KafkaNodePool props.', ['chart/Pool'], () => {
  const chart = newChart();
  const cluster = kafkaCluster(chart, { defaultNodePools: false });
  cluster.addNodePool('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER] });
  return { base: { cluster, roles: [NodeRole.BROKER], name: 'broker', replicas: 3 }, build: (p) => { new KafkaNodePool(chart, 'Pool', p); return chart; } };
}, [
  req('cluster', 'construct'),
  req('roles', 'array', { extra: [w(['bogus'])] }),
  f('name', 'name'),
  f('replicas', 'int'),
  f('nodeIds', 'instance'),
  f('storage', 'instance'),
  f('resources', 'object'),
  f('heap', 'size', { nullToo: true }),
  f('podLabels', 'record', { extra: [w({ app: 42 })] }),
]);

const nodeIdRangeCases = cases('NodeIdRange.of ', ['NodeIdRange.of', KAFKA, 'chart/Kafka/Brokers'], () => {
  const chart = newChart();
  return {
    base: { first: 200, last: 299 },
    build: (p) => { kafkaCluster(chart, { brokers: { nodeIds: NodeIdRange.of(p.first, p.last) } }); return chart; },
  };
}, [
  req('first', 'int', { prop: ['first', 'nodeIds'] }),
  req('last', 'int', { prop: ['last', 'nodeIds'] }),
]);

const storageCases: Case[] = [
  ...cases('KafkaStorage.persistentClaim ', ['KafkaStorage.persistentClaim', KAFKA], () => {
    const chart = newChart();
    return { base: { options: { size: Size.gibibytes(10), storageClass: 'fast', deleteClaim: false } }, build: (p) => { kafkaCluster(chart, { brokers: { storage: KafkaStorage.persistentClaim(p.options) } }); return chart; } };
  }, [
    f('options', 'object', { prop: ['options'] }),
    nf('options.size', 'size'),
    nf('options.storageClass', 'name'),
    nf('options.deleteClaim', 'bool'),
  ]),
  ...cases('KafkaStorage.ephemeral ', ['KafkaStorage.ephemeral', KAFKA], () => {
    const chart = newChart();
    return { base: { options: { sizeLimit: Size.gibibytes(1) } }, build: (p) => { kafkaCluster(chart, { profile: 'development', brokers: { storage: KafkaStorage.ephemeral(p.options) } }); return chart; } };
  }, [
    f('options', 'object', { prop: ['options'] }),
    nf('options.sizeLimit', 'size'),
  ]),
  ...cases('KafkaStorage.jbod ', ['KafkaStorage.jbod', KAFKA], () => {
    const chart = newChart();
    return { base: { volumes: [{ size: Size.gibibytes(10) }, { size: Size.gibibytes(10) }] }, build: (p) => { kafkaCluster(chart, { brokers: { storage: KafkaStorage.jbod(...p.volumes) } }); return chart; } };
  }, [
    nf('volumes[0]', 'object', { extra: [w(null), w(undefined)], prop: ['volumes', 'volume', 'jbod'] }),
    nf('volumes[0].size', 'size'),
    nf('volumes[0].kraftMetadata', 'bool'),
  ]),
];

const topicCases = cases('KafkaTopic props.', ['chart/Topic'], () => {
  const chart = newChart();
  const cluster = kafkaCluster(chart);
  return { base: { cluster, topicName: 'orders', partitions: 3 }, build: (p) => { new KafkaTopic(chart, 'Topic', p); return chart; } };
}, [
  req('cluster', 'construct'),
  f('topicName', 'name'),
  f('partitions', 'int'),
  f('replicas', 'int', { nullToo: true }),
  f('config', 'record', { extra: [w({ 'min.insync.replicas': NaN }, "{ 'min.insync.replicas': NaN }"), w({ 'retention.ms': '7d' }, "{ 'retention.ms': '7d' }")] }),
]);

const userCases: Case[] = [
  ...cases('KafkaUser props.', ['chart/User'], () => {
    const chart = newChart();
    const cluster = kafkaCluster(chart);
    return {
      base: { cluster, userName: 'app', acls: [Acl.topic('orders').allow(AclOperation.READ)], quotas: { producerByteRate: 1024, controllerMutationRate: 10 } },
      build: (p) => { new KafkaUser(chart, 'User', p); return chart; },
    };
  }, [
    req('cluster', 'construct'),
    f('userName', 'name'),
    f('authentication', 'instance'),
    f('acls', 'array'),
    f('quotas', 'object'),
    nf('quotas.producerByteRate', 'int'),
    nf('quotas.requestPercentage', 'int'),
    nf('quotas.controllerMutationRate', 'number'),
  ]),
  ...(['topic', 'topicPrefix', 'group', 'groupPrefix', 'transactionalId', 'transactionalIdPrefix'] as const).flatMap((factory) =>
    cases(`Acl.${factory} `, [`Acl.${factory}`, 'chart/User'], () => {
      const chart = newChart();
      const cluster = kafkaCluster(chart);
      return { base: { name: 'orders' }, build: (p) => { new KafkaUser(chart, 'User', { cluster, acls: [(Acl as any)[factory](p.name).allow(AclOperation.DESCRIBE)] }); return chart; } };
    }, [req('name', 'name', factory === 'topic' ? { prop: ['name', 'resource'] } : { only: [w(42), w('')], prop: ['name', 'prefix', 'resource'] })])),
  ...cases('AclRule ', ['Acl.allow', 'AclRule.fromHost', 'chart/User'], () => {
    const chart = newChart();
    const cluster = kafkaCluster(chart);
    return { base: { operation: AclOperation.READ, host: '10.0.0.1' }, build: (p) => { new KafkaUser(chart, 'User', { cluster, acls: [Acl.topic('orders').allow(p.operation).fromHost(p.host)] }); return chart; } };
  }, [
    req('operation', 'enum', { prop: ['operations'] }),
    req('host', 'name', { except: ["''"] }),
  ]),
  ...cases('UserAuthentication.scramSha512 ', ['UserAuthentication.scramSha512', 'chart/User'], () => {
    const chart = newChart();
    const cluster = kafkaCluster(chart);
    return { base: { password: { secretName: 'app-password', key: 'password' } }, build: (p) => { new KafkaUser(chart, 'User', { cluster, authentication: UserAuthentication.scramSha512(p.password) }); return chart; } };
  }, [
    f('password', 'object', { extra: [w({})] }),
    nf('password.secretName', 'name', { extra: [w(undefined)] }),
    nf('password.key', 'name', { extra: [w(undefined)] }),
  ]),
];

const listenerFactoryCases = cases('ListenerAuthentication.custom ', ['ListenerAuthentication.custom', KAFKA], () => {
  const kafka = kafkaCluster();
  return { base: { sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER' } }, build: (p) => { kafka.addListener('custom', { port: 9094, authentication: ListenerAuthentication.custom(p.sasl, p.listenerConfig) }); return kafka.node.scope as Chart; } };
}, [
  req('sasl', 'bool'),
  f('listenerConfig', 'record'),
]);

const clusterFactoryCases: Case[] = [
  ...cases('KafkaAuthorization.simple ', ['KafkaAuthorization.simple', KAFKA], () => {
    const chart = newChart();
    return { base: { superUsers: ['CN=admin'] }, build: (p) => { kafkaCluster(chart, { authorization: KafkaAuthorization.simple(p.superUsers) }); return chart; } };
  }, [f('superUsers', 'array', { extra: [w([''])] })]),
  ...cases('KafkaMetrics.strimziMetricsReporter ', ['KafkaMetrics.strimziMetricsReporter', KAFKA], () => {
    const chart = newChart();
    return { base: { options: { allowList: ['kafka_server.*'] } }, build: (p) => { kafkaCluster(chart, { metrics: KafkaMetrics.strimziMetricsReporter(p.options) }); return chart; } };
  }, [
    f('options', 'object', { prop: ['options'] }),
    nf('options.allowList', 'array'),
  ]),
];

const clientCases = cases('KafkaClientWorkload props.', ['chart/Client'], () => {
  const chart = newChart();
  const cluster = kafkaCluster(chart);
  const topic = cluster.addTopic('orders');
  const user = cluster.addUser('app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE)] });
  return { base: { cluster, user, topic, role: KafkaClientRole.PRODUCER }, build: (p) => { new KafkaClientWorkload(chart, 'Client', p); return chart; } };
}, [
  req('cluster', 'construct'),
  req('user', 'construct'),
  req('topic', 'construct'),
  req('role', 'enum'),
  f('listener', 'name', { nullToo: true }),
  f('group', 'name'),
  f('interval', 'duration'),
  f('image', 'name'),
]);

const podMonitorCases = cases('KafkaPodMonitor props.', ['chart/Monitor'], () => {
  const chart = newChart();
  const cluster = kafkaCluster(chart, { metrics: KafkaMetrics.strimziMetricsReporter() });
  return { base: { cluster, interval: Duration.seconds(30), labels: { release: 'monitoring' } }, build: (p) => { new KafkaPodMonitor(chart, 'Monitor', p); return chart; } };
}, [
  req('cluster', 'construct'),
  f('interval', 'duration'),
  f('labels', 'record', { extra: [w({ release: 42 })] }),
]);

const kraftCases: Case[] = [
  ...cases('KraftCluster props.', [KAFKA], () => {
    const chart = newChart();
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: NS });
    return { base: { name: 'events', namespace: NS, issuer: ca.issuer }, build: (p) => { new KraftCluster(chart, 'Kafka', p); return chart; } };
  }, [
    f('name', 'name'),
    f('namespace', 'name', { nullToo: true }),
    f('mode', 'enum'),
    f('version', 'name'),
    f('image', 'name'),
    f('controllers', 'object'),
    nf('controllers.replicas', 'int'),
    nf('controllers.storage', 'size'),
    nf('controllers.storageClass', 'name'),
    nf('controllers.resources', 'object'),
    nf('controllers.heap', 'size'),
    f('brokers', 'object'),
    nf('brokers.replicas', 'int'),
    f('issuer', 'construct'),
    f('plaintext', 'bool'),
    f('authentication', 'instance'),
    f('clientPort', 'int'),
    f('replicationPort', 'int', { only: [w('3'), w(NaN)] }),
    f('controllerPort', 'int', { only: [w('3'), w(NaN)] }),
    f('listenerNames', 'object'),
    nf('listenerNames.client', 'name'),
    f('brokerIdOffset', 'int'),
    f('config', 'record', { extra: [w({ 'min.insync.replicas': NaN }, "{ 'min.insync.replicas': NaN }"), w({ 'segment.bytes': '1GB' }, "{ 'segment.bytes': '1GB' }")] }),
    f('allowFrom', 'array'),
  ]),
  ...cases('KraftCluster (combined) props.', [KAFKA], () => {
    const chart = newChart();
    return { base: { name: 'events', namespace: NS, plaintext: true, mode: KraftMode.COMBINED, combined: { replicas: 3 } }, build: (p) => { new KraftCluster(chart, 'Kafka', p); return chart; } };
  }, [
    f('combined', 'object'),
    nf('combined.replicas', 'int'),
  ]),
  ...cases('KraftCluster (external) props.', [KAFKA], () => {
    const chart = newChart();
    const gateway = gatewayIn(chart);
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: NS });
    return { base: { name: 'events', namespace: NS, issuer: ca.issuer, external: { gateway, port: 9094 } }, build: (p) => { new KraftCluster(chart, 'Kafka', p); return chart; } };
  }, [
    f('external', 'object'),
    nf('external.gateway', 'construct', { extra: [w(undefined)] }),
    nf('external.port', 'int'),
    nf('external.advertisedPort', 'int'),
    nf('external.name', 'name'),
  ]),
  ...cases('KraftClientAuthentication.scramSha512 ', ['KraftClientAuthentication.scramSha512', KAFKA], () => {
    const chart = newChart();
    return { base: { adminPassword: { secretName: 'events-admin', key: 'password' } }, build: (p) => { new KraftCluster(chart, 'Kafka', { name: 'events', namespace: NS, plaintext: true, authentication: KraftClientAuthentication.scramSha512(p.adminPassword) }); return chart; } };
  }, [
    req('adminPassword', 'object'),
    nf('adminPassword.secretName', 'name', { extra: [w(undefined)] }),
    nf('adminPassword.key', 'name'),
  ]),
];

const certCases: Case[] = [
  ...cases('Certificate props.', ['chart/Cert'], () => {
    const chart = newChart();
    const issuer = new SelfSignedClusterIssuer(chart, 'SelfSigned');
    return { base: { issuer, namespace: NS, dnsNames: ['kafka.example.com'] }, build: (p) => { new Certificate(chart, 'Cert', p); return chart; } };
  }, [
    req('issuer', 'construct'),
    f('name', 'name'),
    f('namespace', 'name'),
    f('secretName', 'name'),
    f('dnsNames', 'array', { extra: [w([''])] }),
    f('commonName', 'text', { nullToo: true }),
    f('duration', 'duration'),
    f('renewBefore', 'duration'),
    f('keyAlgorithm', 'enum'),
    f('keySize', 'int'),
    f('keyEncoding', 'enum'),
    f('usages', 'array', { extra: [w(['bogus'])] }),
    f('isCa', 'bool'),
  ]),
  ...cases('PrivateCa props.', ['chart/Ca'], () => {
    const chart = newChart();
    return { base: { name: 'kafka-ca' }, build: (p) => { new PrivateCa(chart, 'Ca', p); return chart; } };
  }, [
    f('name', 'name'),
    f('clusterScoped', 'bool'),
    f('namespace', 'name'),
    f('duration', 'duration'),
  ]),
  ...cases('Issuer props.', ['chart/Issuer'], () => {
    const chart = newChart();
    return { base: { name: 'kafka-ca', namespace: NS, type: IssuerType.selfSigned() }, build: (p) => { new Issuer(chart, 'Issuer', p); return chart; } };
  }, [
    f('name', 'name'),
    f('namespace', 'name'),
    f('type', 'instance'),
  ]),
  ...cases('ClusterIssuer props.', ['chart/Issuer'], () => {
    const chart = newChart();
    return { base: { name: 'kafka-ca', type: IssuerType.selfSigned() }, build: (p) => { new ClusterIssuer(chart, 'Issuer', p); return chart; } };
  }, [
    f('name', 'name'),
    f('type', 'instance'),
  ]),
  ...cases('SelfSignedClusterIssuer props.', ['chart/Issuer'], () => {
    const chart = newChart();
    return { base: { name: 'selfsigned' }, build: (p) => { new SelfSignedClusterIssuer(chart, 'Issuer', p); return chart; } };
  }, [f('name', 'name')]),
  ...cases('IssuerType.ca ', ['IssuerType.ca', 'chart/Issuer'], () => {
    const chart = newChart();
    return { base: { secretName: 'kafka-ca' }, build: (p) => { new ClusterIssuer(chart, 'Issuer', { name: 'kafka-ca', type: IssuerType.ca(p.secretName) }); return chart; } };
  }, [req('secretName', 'name')]),
  ...cases('Issuer.fromIssuerName ', ['Issuer.fromIssuerName', 'chart/Existing', 'chart/Cert'], () => {
    const chart = newChart();
    return {
      base: { name: 'kafka-ca', namespace: NS },
      build: (p) => { new Certificate(chart, 'Cert', { issuer: Issuer.fromIssuerName(chart, 'Existing', p.name, p.namespace), namespace: NS, dnsNames: ['kafka.example.com'] }); return chart; },
    };
  }, [
    req('name', 'name'),
    req('namespace', 'name', { only: [w(42), w({})] }),
  ]),
  ...cases('ClusterIssuer.fromClusterIssuerName ', ['ClusterIssuer.fromClusterIssuerName', 'chart/Existing', 'chart/Cert'], () => {
    const chart = newChart();
    return {
      base: { name: 'kafka-ca' },
      build: (p) => { new Certificate(chart, 'Cert', { issuer: ClusterIssuer.fromClusterIssuerName(chart, 'Existing', p.name), namespace: NS, dnsNames: ['kafka.example.com'] }); return chart; },
    };
  }, [req('name', 'name')]),
];

const hostnameCases = cases('HostnameScheme.subdomain ', ['HostnameScheme.subdomain'], () => ({
  base: { domain: 'kafka.example.com', options: { bootstrapLabel: 'bootstrap', brokerLabel: 'broker-{nodeId}' } },
  build: (p) => { HostnameScheme.subdomain(p.domain, p.options); },
}), [
  req('domain', 'name', { extra: [w([]), w(true)] }),
  f('options', 'object', { prop: ['options'] }),
  nf('options.bootstrapLabel', 'name'),
  nf('options.brokerLabel', 'name'),
]);

const gatewayCases: Case[] = [
  ...cases('EnvoyGatewayClass props.', ['chart/GatewayClass'], () => {
    const chart = newChart();
    return { base: { name: 'envoy-kafka', proxyNamespace: 'envoy-gateway-system', service: GatewayService.loadBalancer() }, build: (p) => { new EnvoyGatewayClass(chart, 'GatewayClass', p); return chart; } };
  }, [
    f('name', 'name'),
    f('proxyNamespace', 'name'),
    f('service', 'instance'),
  ]),
  ...cases('GatewayService.nodePort ', ['GatewayService.nodePort', 'chart/GatewayClass', 'chart/Gateway'], () => {
    const chart = newChart();
    return {
      base: { mappings: [{ port: 9092, nodePort: 30992 }] },
      build: (p) => {
        const gatewayClass = new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-kafka', service: GatewayService.nodePort(...p.mappings) });
        new KafkaGateway(chart, 'Gateway', { namespace: NS, gatewayClass, hostnames: HostnameScheme.subdomain('kafka.example.com'), port: 9092 });
        return chart;
      },
    };
  }, [
    nf('mappings[0]', 'object', { extra: [w(null), w(undefined)], prop: ['mappings', 'mapping', 'nodePort'] }),
    nf('mappings[0].port', 'int', { extra: [w(undefined)] }),
    nf('mappings[0].nodePort', 'int', { extra: [w('30992')] }),
  ]),
  ...cases('KafkaGateway props.', ['chart/Gateway'], () => {
    const chart = newChart();
    const gatewayClass = new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-kafka' });
    return { base: { gatewayClass, hostnames: HostnameScheme.subdomain('kafka.example.com'), namespace: NS }, build: (p) => { new KafkaGateway(chart, 'Gateway', p); return chart; } };
  }, [
    req('gatewayClass', 'construct'),
    req('hostnames', 'instance'),
    f('name', 'name'),
    f('namespace', 'name'),
    f('port', 'int'),
    f('listenerName', 'name'),
    f('allowedRoutes', 'instance'),
    f('externalPort', 'int'),
  ]),
  ...cases('AllowedRoutes.fromNamespaces ', ['AllowedRoutes.fromNamespaces', 'chart/Gateway'], () => {
    const chart = newChart();
    return { base: { namespaces: ['kafka'] }, build: (p) => { gatewayIn(chart, { allowedRoutes: AllowedRoutes.fromNamespaces(...p.namespaces) }); return chart; } };
  }, [nf('namespaces[0]', 'name', { extra: [w(null), w(undefined)], prop: ['namespaces', 'namespace'] })]),
  ...cases('KafkaTlsRoutes props.', ['chart/Routes'], () => {
    const chart = newChart();
    const gateway = gatewayIn(chart);
    // Strimzi makes the backends: events-kafka-external-bootstrap and events-broker-100 (a listener 'external' on 9094 keeps legacy names).
    kafkaCluster(chart).addListener('external', { port: 9094, type: ListenerType.CLUSTER_IP });
    return {
      base: {
        gateway, port: 9094, backendNamespace: NS,
        bootstrap: { name: 'events-bootstrap', hostname: 'bootstrap.kafka.example.com', service: 'events-kafka-external-bootstrap' },
        brokers: [{ name: 'events-broker-100', hostname: 'broker-100.kafka.example.com', service: 'events-broker-100' }],
      },
      build: (p) => { new KafkaTlsRoutes(chart, 'Routes', p); return chart; },
    };
  }, [
    req('gateway', 'construct'),
    req('bootstrap', 'object'),
    nf('bootstrap.name', 'name', { extra: [w(undefined)] }),
    nf('bootstrap.hostname', 'name', { extra: [w(undefined)] }),
    nf('bootstrap.service', 'name', { extra: [w(undefined)] }),
    req('brokers', 'array'),
    nf('brokers[0].name', 'name'),
    nf('brokers[0].hostname', 'name'),
    req('port', 'int'),
    f('backendNamespace', 'name', { nullToo: true }),
    f('namespace', 'name'),
    f('sectionName', 'name'),
  ]),
  ...cases('ReferenceGrant props.', ['chart/Grant'], () => {
    const chart = newChart();
    return { base: { name: 'grant', namespace: NS, fromNamespace: 'gateways', fromKind: 'TLSRoute', toKind: 'Service', toNames: ['events-kafka-bootstrap'] }, build: (p) => { new ReferenceGrant(chart, 'Grant', p); return chart; } };
  }, [
    req('name', 'name'),
    f('namespace', 'name'),
    req('fromNamespace', 'name'),
    req('fromKind', 'name'),
    req('toKind', 'name'),
    f('toNames', 'array'),
  ]),
];

const bridgeCases: Case[] = [
  ...cases('KafkaBridge props.', ['chart/Bridge'], () => {
    const chart = newChart();
    return {
      base: {
        name: 'events', namespace: NS, kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }),
        cors: { allowedOrigins: ['https://app.example.com'] }, allowFrom: [{ podLabels: { app: 'gateway' } }],
      },
      build: (p) => { new KafkaBridge(chart, 'Bridge', p); return chart; },
    };
  }, [
    req('kafka', 'instance'),
    f('authentication', 'instance'),
    f('name', 'name'),
    f('namespace', 'name'),
    f('replicas', 'int'),
    f('httpPort', 'int'),
    f('cors', 'object'),
    nf('cors.allowedOrigins', 'array', { extra: [w(undefined)] }),
    nf('cors.allowedMethods', 'array'),
    f('consumerTimeout', 'duration'),
    f('consumer', 'bool'),
    f('producer', 'bool'),
    f('metrics', 'bool'),
    f('labels', 'record', { extra: [w({ failover: 42 })] }),
    f('resources', 'object'),
    f('restrictedSecurityContext', 'bool'),
    f('allowFrom', 'array'),
    nf('allowFrom[0].podLabels', 'record'),
    f('istioSidecar', 'bool'),
  ]),
  ...cases('BridgeKafkaConnection.fromCluster ', ['BridgeKafkaConnection.fromCluster', KAFKA, 'chart/Bridge'], () => {
    const chart = newChart();
    const cluster = kafkaCluster(chart);
    const user = cluster.addUser('bridge');
    return {
      base: { cluster, listener: 'tls' },
      build: (p) => { new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: NS, kafka: BridgeKafkaConnection.fromCluster(p.cluster, p.listener), authentication: BridgeAuthentication.fromUser(user) }); return chart; },
    };
  }, [
    req('cluster', 'construct'),
    f('listener', 'name', { nullToo: true }),
  ]),
  ...cases('BridgeKafkaConnection.fromAddress ', ['BridgeKafkaConnection.fromAddress', 'chart/Bridge'], () => {
    const chart = newChart();
    return {
      base: { bootstrapServers: 'kafka:9092', trustedCa: { secretName: 'kafka-ca' } },
      build: (p) => { new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: NS, kafka: BridgeKafkaConnection.fromAddress(p.bootstrapServers, p.trustedCa) }); return chart; },
    };
  }, [
    req('bootstrapServers', 'name', { extra: [w('kafka')] }),
    // Optional: without a CA the bridge connects in plain text (a listener without TLS).
    f('trustedCa', 'object'),
    nf('trustedCa.secretName', 'name', { extra: [w(undefined)] }),
    nf('trustedCa.certificate', 'name'),
  ]),
  ...cases('BridgeAuthentication.fromUser ', ['BridgeAuthentication.fromUser', 'chart/Bridge'], () => {
    const chart = newChart();
    const cluster = kafkaCluster(chart);
    return {
      base: { user: cluster.addUser('bridge') },
      build: (p) => { new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: NS, kafka: BridgeKafkaConnection.fromCluster(cluster), authentication: BridgeAuthentication.fromUser(p.user) }); return chart; },
    };
  }, [req('user', 'construct')]),
  ...cases('BridgeAuthentication.scramSha512 ', ['BridgeAuthentication.scramSha512', 'chart/Bridge'], () => {
    const chart = newChart();
    return {
      base: { username: 'bridge', secretName: 'bridge', passwordKey: 'password' },
      build: (p) => {
        new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: NS, kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), authentication: BridgeAuthentication.scramSha512(p.username, p.secretName, p.passwordKey) });
        return chart;
      },
    };
  }, [
    req('username', 'name'),
    req('secretName', 'name'),
    f('passwordKey', 'name', { only: [w(42), w('')] }),
  ]),
  ...cases('BridgeAuthentication.tls ', ['BridgeAuthentication.tls', 'chart/Bridge'], () => {
    const chart = newChart();
    return {
      base: { secretName: 'bridge', certificate: 'user.crt', key: 'user.key' },
      build: (p) => {
        new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: NS, kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), authentication: BridgeAuthentication.tls(p.secretName, p.certificate, p.key) });
        return chart;
      },
    };
  }, [
    req('secretName', 'name'),
    f('certificate', 'name', { only: [w(42), w('')] }),
    f('key', 'name', { only: [w(42), w('')] }),
  ]),
];

const FAILOVER = ['FailoverGateway', 'central/Tier1', 'west/Regional'];

const failoverCases: Case[] = [
  ...cases('FailoverGateway props.', FAILOVER, () => ({
    base: { hostname: 'bridge.example.com', regions: REGIONS, provider: new IstioFailover() },
    build: (p) => failoverInUse(p),
  }), [
    req('hostname', 'name'),
    req('regions', 'array'),
    nf('regions[0].name', 'name', { extra: [w(undefined)] }),
    nf('regions[0].priority', 'int', { extra: [w(undefined)] }),
    nf('regions[0].address', 'name', { extra: [w(undefined)] }),
    f('pinnedHostnameTemplate', 'name'),
    f('healthCheck', 'object'),
    nf('healthCheck.path', 'name', { extra: [w('topics')] }),
    nf('healthCheck.interval', 'duration'),
    nf('healthCheck.timeout', 'duration'),
    nf('healthCheck.unhealthyThreshold', 'int'),
    nf('healthCheck.healthyThreshold', 'int', { only: [w('3'), w(NaN)] }),
    f('outlierDetection', 'object'),
    nf('outlierDetection.consecutiveGatewayErrors', 'int'),
    nf('outlierDetection.consecutive5xxErrors', 'int', { only: [w('3'), w(NaN)] }),
    nf('outlierDetection.interval', 'duration'),
    nf('outlierDetection.baseEjectionTime', 'duration'),
    f('retries', 'object'),
    nf('retries.attempts', 'int'),
    nf('retries.on', 'array', { extra: [w(['bogus'])] }),
    nf('retries.perTryTimeout', 'duration'),
    f('caSecret', 'name'),
    f('centralRegion', 'name'),
    req('provider', 'instance'),
  ]),
  ...cases('IstioFailover ', ['IstioFailover', ...FAILOVER], () => ({
    base: { options: { gatewayNamespace: 'istio-ingress', gatewaySelector: { istio: 'ingressgateway' } } },
    build: (p) => failoverInUse({ hostname: 'bridge.example.com', regions: REGIONS, provider: new IstioFailover(p.options) }),
  }), [
    f('options', 'object', { prop: ['options'] }),
    nf('options.gatewayNamespace', 'name'),
    nf('options.gatewaySelector', 'record'),
  ]),
  ...cases('EnvoyGatewayFailover ', ['EnvoyGatewayFailover', ...FAILOVER], () => ({
    base: { options: { controllerNamespace: 'envoy-gateway-system' } },
    build: (p) => failoverInUse({ hostname: 'bridge.example.com', regions: REGIONS, provider: new EnvoyGatewayFailover(p.options) }),
  }), [
    f('options', 'object', { prop: ['options'] }),
    nf('options.controllerNamespace', 'name'),
  ]),
  ...cases('TetrateFailover ', ['TetrateFailover', ...FAILOVER], () => ({
    base: { options: { organization: 'tetrate', tenant: 'kafka', configNamespace: 'tsb-conf', ingressGatewayName: 'bridge-gateway', bridgeNamespace: 'bridge' } },
    build: (p) => failoverInUse({ hostname: 'bridge.example.com', regions: REGIONS, provider: new TetrateFailover(p.options) }),
  }), [
    f('options', 'object', { prop: ['options'] }),
    nf('options.organization', 'name'),
    nf('options.tenant', 'name'),
    nf('options.configNamespace', 'name'),
    nf('options.ingressGatewayName', 'name'),
    nf('options.bridgeNamespace', 'name'),
  ]),
  ...cases('FailoverGateway.addRegionalGateway ', ['FailoverGateway', 'west/Regional'], () => {
    const failover = new FailoverGateway({ hostname: 'bridge.example.com', regions: REGIONS, provider: new EnvoyGatewayFailover() });
    const west = newChart('west');
    const bridge = new KafkaBridge(west, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), allowFrom: [failover.provider.gatewayPeer('bridge')] });
    const certificate = certificateIn(west, 'bridge', ['bridge.example.com', 'west.bridge.example.com']);
    const gatewayClass = new EnvoyGatewayClass(west, 'GatewayClass', { name: 'envoy-bridge' });
    return { base: { options: { region: 'west', bridge, certificate, gatewayClass } }, build: (p) => { failover.addRegionalGateway(west, 'Regional', p.options); return west; } };
  }, [
    req('options', 'object', { prop: ['options', 'region'] }),
    nf('options.region', 'name', { extra: [w(undefined)] }),
    nf('options.bridge', 'construct', { extra: [w(undefined)] }),
    nf('options.certificate', 'construct', { extra: [w(undefined)] }),
    nf('options.gatewayClass', 'construct', { extra: [w(undefined)] }),
    nf('options.namespace', 'name'),
  ]),
  ...cases('FailoverGateway.addTier1Gateway ', ['FailoverGateway', 'central/Tier1'], () => {
    const failover = new FailoverGateway({ hostname: 'bridge.example.com', regions: REGIONS, provider: new EnvoyGatewayFailover() });
    const central = newChart('central');
    const certificate = certificateIn(central, 'tier1', failover.model.centralHostnames);
    const gatewayClass = new EnvoyGatewayClass(central, 'GatewayClass', { name: 'envoy-bridge' });
    return { base: { options: { certificate, namespace: 'tier1', gatewayClass } }, build: (p) => { failover.addTier1Gateway(central, 'Tier1', p.options); return central; } };
  }, [
    req('options', 'object', { prop: ['options', 'certificate'] }),
    nf('options.certificate', 'construct', { extra: [w(undefined)] }),
    nf('options.gatewayClass', 'construct', { extra: [w(undefined)] }),
    nf('options.namespace', 'name'),
  ]),
  ...cases('BridgeTrafficGenerators props.', ['chart/Traffic'], () => {
    const chart = newChart();
    return { base: { endpoint: 'https://bridge.example.com', topic: 'orders', namespace: 'traffic' }, build: (p) => { new BridgeTrafficGenerators(chart, 'Traffic', p); return chart; } };
  }, [
    req('endpoint', 'name'),
    req('topic', 'name'),
    f('group', 'name'),
    f('namespace', 'name'),
    f('image', 'name'),
    f('interval', 'duration'),
    f('caSecret', 'name'),
  ]),
];

const environmentCases: Case[] = [
  // The name is the construct path, so a message about a wrong name can only name the kind.
  ...cases('Environment ', ['badenv', 'Environment'], () => ({
    base: { name: 'badenv', props: { description: 'an environment' } },
    build: (p) => { const env = new Environment(newApp(), p.name, p.props); env.addCluster('one', { namespaces: ['kafka'] }); return env; },
  }), [
    req('name', 'name'),
    f('props', 'object', { prop: ['props'] }),
    nf('props.description', 'text'),
  ]),
  ...cases('Environment.addCluster ', ['badenv'], () => {
    const env = new Environment(newApp(), 'badenv');
    return { base: { name: 'one', options: { namespaces: ['kafka'], description: 'one cluster' } }, build: (p) => { env.addCluster(p.name, p.options); return env; } };
  }, [
    req('name', 'name', { prop: ['name', 'cluster name'] }),
    f('options', 'object', { prop: ['options'] }),
    nf('options.namespaces', 'array', { extra: [w(['Not_A_Namespace'])] }),
    nf('options.description', 'text'),
  ]),
  ...cases('Environment.addLink ', ['badenv'], () => {
    const env = new Environment(newApp(), 'badenv');
    env.addCluster('one');
    env.addCluster('two');
    return { base: { from: 'one', to: 'two', label: 'Kafka' }, build: (p) => { env.addLink(p.from, p.to, p.label); return env; } };
  }, [
    req('from', 'name', { extra: [w('nowhere')] }),
    req('label', 'text'),
  ]),
  ...cases('Environment.addCheck ', ['badenv'], () => {
    const env = new Environment(newApp(), 'badenv');
    env.addCluster('one');
    return { base: { title: 'Kafka is ready', commands: ['kubectl get kafka'] }, build: (p) => { env.addCheck(p.title, ...p.commands); return env; } };
  }, [
    req('title', 'text'),
    nf('commands[0]', 'text', { prop: ['commands', 'command'] }),
  ]),
  ...cases('DevEnvironment props.', ['devenv'], () => ({
    base: {},
    build: (p) => new DevEnvironment(newApp(), 'devenv', p),
  }), [
    f('domain', 'name'),
    f('namespace', 'name'),
    f('clusterName', 'name'),
    f('routeMode', 'enum'),
    f('hostPort', 'int'),
    f('nodePort', 'int'),
    f('kind', 'instance'),
  ]),
  ...cases('KindCluster ', ['KindCluster', 'devenv'], () => ({
    base: { props: { name: 'kafka', portMappings: [{ containerPort: 30992, hostPort: 9092 }], zone: 'zone-a' } },
    build: (p) => new DevEnvironment(newApp(), 'devenv', { kind: new KindCluster(p.props) }),
  }), [
    f('props', 'object', { prop: ['props'] }),
    nf('props.name', 'name'),
    nf('props.portMappings', 'array'),
    nf('props.portMappings[0].containerPort', 'int'),
    nf('props.portMappings[0].hostPort', 'int'),
    nf('props.zone', 'name'),
  ]),
  ...cases('MultiRegionEnvironment props.', ['mrenv'], () => ({
    base: { provider: FailoverProviderKind.ENVOY_GATEWAY, regions: [{ name: 'east', priority: 0 }, { name: 'west', priority: 1 }] },
    build: (p) => new MultiRegionEnvironment(newApp(), 'mrenv', p),
  }), [
    req('provider', 'enum'),
    f('domain', 'name'),
    f('regions', 'array'),
    nf('regions[0].name', 'name'),
    nf('regions[0].priority', 'int'),
  ]),
  ...cases('InClusterMtlsEnvironment ', ['InClusterMtlsEnvironment', 'Environment'], () => ({
    base: { name: 'mtls' },
    build: (p) => new InClusterMtlsEnvironment(newApp(), p.name),
  }), [f('name', 'name', { nullToo: true })]),
  ...cases('KraftPlainEnvironment ', ['KraftPlainEnvironment', 'Environment'], () => ({
    base: { name: 'kraft' },
    build: (p) => new KraftPlainEnvironment(newApp(), p.name),
  }), [f('name', 'name', { nullToo: true })]),
];

const validatorCases: Case[] = [
  ...cases('ManifestValidator ', ['ManifestValidator'], () => ({
    base: { props: { crds: [] } },
    build: (p) => { new ManifestValidator(p.props); },
  }), [
    f('props', 'object', { prop: ['props', 'crds'] }),
    nf('props.crds', 'array', { extra: [w([''])] }),
  ]),
  ...cases('SchemaRegistry ', ['SchemaRegistry'], () => ({
    base: { crdPaths: [] },
    build: (p) => { new SchemaRegistry(p.crdPaths); },
  }), [f('crdPaths', 'array', { only: [w('3'), w([42]), w([null])], prop: ['crdPaths', 'crds', 'paths'] })]),
  one("ManifestValidator.validateText text = 42", ['text'], ['ManifestValidator.validateText'], () => { sharedValidator().validateText(42 as any); }),
  one('ManifestValidator.validateObjects objects = {}', ['objects'], ['ManifestValidator.validateObjects'], () => { sharedValidator().validateObjects({} as any); }),
  one("ManifestValidator.validatePaths paths = '3'", ['paths'], ['ManifestValidator.validatePaths'], () => { sharedValidator().validatePaths('3' as any); }),
];

/** The source file that owns each target: where its checks belong (a crash may be in a helper it calls). */
const FILES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^KafkaCluster (props|\(baseline\))/, 'src/kafka/kafka-cluster.ts'],
  [/^KafkaCluster\.(addNodePool|addTopic|addUser|listener) /, 'src/kafka/kafka-cluster.ts'],
  [/^KafkaAuthorization\./, 'src/kafka/kafka-cluster.ts'],
  [/^KafkaCluster\.addListener/, 'src/kafka/listener-rules.ts'],
  [/^ListenerAuthentication\./, 'src/kafka/listener.ts'],
  [/^KafkaCluster\.addExternalListener/, 'src/gateway/external-listener.ts'],
  [/^(KafkaNodePool|NodeIdRange)[ .]/, 'src/kafka/node-pool.ts'],
  [/^KafkaStorage\./, 'src/kafka/storage.ts'],
  [/^KafkaTopic /, 'src/kafka/topic.ts'],
  [/^(KafkaUser |Acl\.|AclRule |UserAuthentication\.)/, 'src/kafka/user.ts'],
  [/^KafkaMetrics\./, 'src/kafka/metrics.ts'],
  [/^KafkaClientWorkload /, 'src/kafka/client.ts'],
  [/^KafkaPodMonitor /, 'src/kafka/pod-monitor.ts'],
  [/^(KraftCluster |KraftClientAuthentication\.)/, 'src/kraft/kraft-cluster.ts'],
  [/^Certificate /, 'src/certs/certificate.ts'],
  [/^PrivateCa /, 'src/certs/private-ca.ts'],
  [/^(Issuer|ClusterIssuer|SelfSignedClusterIssuer|IssuerType)[ .]/, 'src/certs/issuer.ts'],
  [/^HostnameScheme\./, 'src/core/hostnames.ts'],
  [/^(EnvoyGatewayClass |GatewayService\.)/, 'src/gateway/gateway-class.ts'],
  [/^(KafkaGateway |AllowedRoutes\.)/, 'src/gateway/kafka-gateway.ts'],
  [/^(KafkaTlsRoutes|ReferenceGrant) /, 'src/gateway/tls-routes.ts'],
  [/^(KafkaBridge |BridgeKafkaConnection\.|BridgeAuthentication\.)/, 'src/bridge/kafka-bridge.ts'],
  [/^FailoverGateway (props|\(baseline\))/, 'src/failover/model.ts'],
  [/^FailoverGateway\./, 'src/failover/failover-gateway.ts'],
  [/^IstioFailover /, 'src/failover/istio.ts'],
  [/^EnvoyGatewayFailover /, 'src/failover/envoy.ts'],
  [/^TetrateFailover /, 'src/failover/tetrate.ts'],
  [/^BridgeTrafficGenerators /, 'src/failover/traffic.ts'],
  [/^Environment[ .]/, 'src/stacks/environment.ts'],
  [/^DevEnvironment /, 'src/stacks/dev.ts'],
  [/^KindCluster /, 'src/stacks/kind.ts'],
  [/^MultiRegionEnvironment /, 'src/stacks/multi-region.ts'],
  [/^InClusterMtlsEnvironment /, 'src/stacks/in-cluster-mtls.ts'],
  [/^KraftPlainEnvironment /, 'src/stacks/kraft-plain.ts'],
  [/^ManifestValidator[ .]/, 'src/policy/validator.ts'],
  [/^SchemaRegistry /, 'src/policy/schema-registry.ts'],
];

function fileOf(c: Case): string {
  const file = FILES.find(([pattern]) => pattern.test(c.title))?.[1];
  if (file === undefined) throw new HarnessError(`no source file for case ${c.title}`);
  return file;
}

const ALL_CASES: readonly Case[] = [
  ...kafkaClusterCases, ...kafkaClusterMethodCases, ...kafkaNodePoolCases, ...nodeIdRangeCases, ...storageCases, ...topicCases, ...userCases,
  ...listenerFactoryCases, ...clusterFactoryCases, ...clientCases, ...podMonitorCases, ...kraftCases, ...certCases, ...hostnameCases,
  ...gatewayCases, ...bridgeCases, ...failoverCases, ...environmentCases, ...validatorCases,
];

/** Every case, grouped by the source file that owns its target, in the order first met. */
const GROUPS: ReadonlyArray<readonly [string, readonly Case[]]> = [...ALL_CASES.reduce((groups, c) => {
  const file = fileOf(c);
  groups.set(file, [...(groups.get(file) ?? []), c]);
  return groups;
}, new Map<string, Case[]>())];

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const RESULTS: Array<Result & { group: string }> = [];

afterAll(() => {
  const report = process.env.BAD_INPUT_REPORT;
  if (report) writeFileSync(report, JSON.stringify(RESULTS, null, 2));
});

describe('every baseline is valid (so that each case tests one wrong value)', () => {
  it.each(BASELINES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    expect(() => synthesize(c.run())).not.toThrow();
  });
});

describe.each(GROUPS.map(([group, list]) => [group, list] as const))('bad input: %s', (group, list) => {
  it.each(list.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const result = attempt(c);
    RESULTS.push({ ...result, group });
    expect(describeResult(result)).toBe('OK');
  });
});
