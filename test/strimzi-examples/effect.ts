import { parseAllDocuments } from 'yaml';
import type { Manifest } from '../support';

/**
 * A difference between an upstream example and its rebuild that the rebuild accepts, with the
 * reason (the library's hardening, a derived value that replaces a hand-written one). `path`
 * covers every difference at or under it, e.g. `KafkaUser/my-connect spec.authorization.acls`.
 */
export interface Deviation {
  readonly path: string;
  readonly why: string;
}

/** The API groups whose resources the catalogue compares (ConfigMaps are compared where referenced). */
const STRIMZI_GROUPS = ['kafka.strimzi.io', 'access.strimzi.io'];

/** Lists whose elements are identified by a key, not by position (Strimzi's own list semantics). */
const KEYED_LISTS: Record<string, string> = {
  listeners: 'name',
  plugins: 'name',
  mirrors: 'source.alias',
  volumes: 'name|id',
  volumeMounts: 'name',
  trustedCertificates: 'secretName',
};

/** Lists that are sets: order carries no meaning. */
const SET_LISTS = new Set(['operations', 'superUsers', 'roles', 'brokers', 'groups', 'topics']);

/**
 * Settings a Strimzi resource leaves to Kafka's defaults where the library's own default differs:
 * an example that omits one means Kafka's value, so the comparison fills it in, and a rebuild must
 * say it (or name the difference). MirrorMaker 2: `sync.group.offsets.enabled` is false
 * (MirrorCheckpointConfig.SYNC_GROUP_OFFSETS_ENABLED_DEFAULT) and the offset-syncs topic lives on
 * the source (MirrorConnectorConfig.OFFSET_SYNCS_TOPIC_LOCATION_DEFAULT), for both connectors.
 */
function withKafkaDefaults(doc: Manifest): Manifest {
  if (doc.kind !== 'KafkaMirrorMaker2' || !Array.isArray(doc.spec?.mirrors)) return doc;
  const withConfig = (connector: any, defaults: Record<string, string>) => connector === undefined ? undefined
    : { ...connector, config: { ...defaults, ...(connector.config ?? {}) } };
  return {
    ...doc,
    spec: {
      ...doc.spec,
      mirrors: doc.spec.mirrors.map((m: any) => ({
        ...m,
        ...(m.sourceConnector && { sourceConnector: withConfig(m.sourceConnector, { 'offset-syncs.topic.location': 'source' }) }),
        ...(m.checkpointConnector && { checkpointConnector: withConfig(m.checkpointConnector, { 'offset-syncs.topic.location': 'source', 'sync.group.offsets.enabled': 'false' }) }),
      })),
    },
  };
}

/** Parses one example file into its objects. */
export function parseExample(text: string): Manifest[] {
  return parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null && typeof d === 'object');
}

/** Whether `doc` is a Strimzi resource. */
export function isStrimzi(doc: Manifest): boolean {
  return STRIMZI_GROUPS.some((g) => doc.apiVersion.startsWith(`${g}/`));
}

/**
 * Every way the rebuild's objects fail to have the effect of the upstream example's: a Strimzi
 * resource missing (by kind and name), a field the example sets that the rebuild lacks or sets
 * otherwise (`spec`, labels and annotations; extra fields are the library's and allowed), an ACL permission
 * not granted. A ConfigMap the example's metrics refer to is compared by content wherever the
 * rebuild refers to its own.
 */
export function effectDifferences(upstream: readonly Manifest[], rebuilt: readonly Manifest[]): string[] {
  const diffs: string[] = [];
  for (const doc of upstream.filter(isStrimzi).map(withKafkaDefaults)) {
    const id = `${doc.kind}/${doc.metadata.name}`;
    const match = rebuilt.filter((m) => m.kind === doc.kind && m.metadata.name === doc.metadata.name);
    if (match.length !== 1) {
      diffs.push(`${id}: ${match.length === 0 ? 'missing' : `${match.length} objects`} (the rebuild has ${rebuilt.filter(isStrimzi).map((m) => `${m.kind}/${m.metadata.name}`).join(', ')})`);
      continue;
    }
    const out = match[0];
    if (doc.apiVersion !== out.apiVersion) diffs.push(`${id} apiVersion: ${out.apiVersion}, upstream ${doc.apiVersion}`);
    if (doc.metadata.namespace !== undefined) cover(doc.metadata.namespace, out.metadata.namespace, `${id} metadata.namespace`, diffs, upstream, rebuilt);
    cover(doc.metadata.labels ?? {}, out.metadata.labels ?? {}, `${id} metadata.labels`, diffs, upstream, rebuilt);
    cover(doc.metadata.annotations ?? {}, out.metadata.annotations ?? {}, `${id} metadata.annotations`, diffs, upstream, rebuilt);
    cover(doc.spec ?? {}, out.spec ?? {}, `${id} spec`, diffs, upstream, rebuilt);
  }
  return diffs;
}

function cover(u: unknown, o: unknown, path: string, diffs: string[], upstream: readonly Manifest[], rebuilt: readonly Manifest[]): void {
  if (isObject(u) && isObject(u.valueFrom) && isObject(u.valueFrom.configMapKeyRef)) {
    const ours = isObject(o) && isObject(o.valueFrom) && isObject(o.valueFrom.configMapKeyRef) ? configMapValue(rebuilt, o.valueFrom.configMapKeyRef) : undefined;
    if (ours === undefined) {
      diffs.push(`${path}: refers to ConfigMap key ${JSON.stringify(u.valueFrom.configMapKeyRef)}; the rebuild refers to none it has`);
    } else {
      cover(configMapValue(upstream, u.valueFrom.configMapKeyRef), ours, `${path} (ConfigMap content)`, diffs, upstream, rebuilt);
    }
    for (const [k, v] of Object.entries(u)) if (k !== 'valueFrom') cover(v, isObject(o) ? o[k] : undefined, `${path}.${k}`, diffs, upstream, rebuilt);
    return;
  }
  if (Array.isArray(u)) {
    coverList(u, o, path, diffs, upstream, rebuilt);
    return;
  }
  if (isObject(u)) {
    if (!isObject(o)) {
      diffs.push(`${path}: ${describe(o)}, upstream ${JSON.stringify(u)}`);
      return;
    }
    for (const [k, v] of Object.entries(u)) cover(v, o[k], `${path}.${k}`, diffs, upstream, rebuilt);
    return;
  }
  // Scalars: Strimzi passes configuration to Kafka as strings, so 3600 and "3600" agree.
  if (o === undefined || o === null || String(u) !== String(o)) diffs.push(`${path}: ${describe(o)}, upstream ${JSON.stringify(u)}`);
}

function coverList(u: unknown[], o: unknown, path: string, diffs: string[], upstream: readonly Manifest[], rebuilt: readonly Manifest[]): void {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (!Array.isArray(o)) {
    diffs.push(`${path}: ${describe(o)}, upstream ${JSON.stringify(u)}`);
    return;
  }
  if (field === 'acls') {
    const granted = new Set(o.flatMap(permissions));
    for (const p of u.flatMap(permissions)) if (!granted.has(p)) diffs.push(`${path}: does not grant ${p}`);
    return;
  }
  if (SET_LISTS.has(field) && u.every((e) => !isObject(e))) {
    const have = new Set(o.map(String));
    for (const e of u) if (!have.has(String(e))) diffs.push(`${path}: lacks ${JSON.stringify(e)} (has ${JSON.stringify(o)})`);
    return;
  }
  const keys = KEYED_LISTS[field]?.split('|');
  if (keys !== undefined) {
    for (const e of u) {
      const key = keys.find((k) => valueAt(e, k) !== undefined);
      if (key === undefined) continue;
      const at = o.find((x) => valueAt(x, key) === valueAt(e, key));
      if (at === undefined) diffs.push(`${path}[${valueAt(e, key)}]: missing (has ${o.map((x) => valueAt(x, key)).join(', ')})`);
      else cover(e, at, `${path}[${valueAt(e, key)}]`, diffs, upstream, rebuilt);
    }
    return;
  }
  if (u.length !== o.length) diffs.push(`${path}: ${o.length} elements, upstream ${u.length}`);
  u.forEach((e, i) => cover(e, o[i], `${path}[${i}]`, diffs, upstream, rebuilt));
}

/** An ACL rule's permissions, one string each: `allow Read topic:literal:orders@*`. */
function permissions(rule: unknown): string[] {
  if (!isObject(rule) || !isObject(rule.resource)) return [`malformed ${JSON.stringify(rule)}`];
  const r = rule.resource;
  const resource = `${r.type}:${r.type === 'cluster' ? '' : `${r.patternType ?? 'literal'}:${r.name}`}`;
  const ops = Array.isArray(rule.operations) ? rule.operations : [];
  return ops.map((op) => `${rule.type ?? 'allow'} ${op} ${resource}@${rule.host ?? '*'}`);
}

function configMapValue(objects: readonly Manifest[], ref: Record<string, unknown>): unknown {
  const cm = objects.find((m) => m.kind === 'ConfigMap' && m.metadata.name === ref.name);
  const text = cm?.data?.[ref.key as string];
  return typeof text === 'string' ? parseAllDocuments(text)[0]?.toJS() : undefined;
}

function valueAt(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), value);
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === undefined ? 'absent' : `rebuilt ${JSON.stringify(value)}`;
}

/**
 * The differences no deviation accounts for, and the deviations that account for none (stale
 * reasons are as wrong as missing ones).
 */
export function unexplained(diffs: readonly string[], deviations: readonly Deviation[]): { diffs: string[]; stale: Deviation[] } {
  const covers = (d: Deviation, diff: string) => diff === d.path || diff.startsWith(`${d.path}:`) || diff.startsWith(`${d.path}.`) || diff.startsWith(`${d.path}[`) || diff.startsWith(`${d.path} `);
  return {
    diffs: diffs.filter((diff) => !deviations.some((d) => covers(d, diff))),
    stale: deviations.filter((d) => !diffs.some((diff) => covers(d, diff))),
  };
}
