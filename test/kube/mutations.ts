/**
 * Broken documents for the agreement test (agreement.test.ts): every object of the example
 * manifests in dist/ (all environments, the Argo CD Applications included; kustomization.yaml,
 * KIND cluster configs and Markdown left out), mutated in one way at a time.
 *
 * The mutator is deterministic: where it chooses (which field of a document to break), it uses
 * a PRNG seeded with the document's file, position and the mutation class, so that the same
 * dist/ gives the same mutations, and the environments that share an object shape are broken
 * in different places.
 *
 * Classes:
 * - `required`: a field the schema lists as required is dropped (the required lists of the
 *   built-in schemas: the pinned CRDs, and the Kubernetes definitions for core kinds);
 * - `type`: a value of the wrong JSON type (a quoted number, a map where a list belongs, ...);
 * - `enum`: a value outside a schema enum, or outside the values the API server's Go code
 *   supports for a core field (image pull policy, protocol, Service type, ...);
 * - `cel`: a change that breaks one `x-kubernetes-validations` rule of a CRD and nothing else
 *   the schema checks, found by trying a fixed list of edits around the rule's node;
 * - `unknown-field`: a misspelt field (strict field validation rejects it);
 * - `name`: a `metadata.name` that breaks the kind's name format (DNS-1123 subdomain, DNS-1123
 *   label for Namespaces, DNS-1035 label for Services);
 * - `range`: a number below a schema `minimum` or above a `maximum`, an int32 overflow, or a
 *   number outside the range the API server's Go code accepts (ports, replicas, user IDs);
 * - `core-rule`: a rule that no OpenAPI schema carries, which the API server enforces in Go
 *   (selector and template labels, unique container and port names, mounts of declared volumes,
 *   requests within limits, resource quantities, label values, ...).
 */
import { basename, relative, resolve } from 'path';
import { readFileSync } from 'fs';
import { CelRule, evaluateRule } from '../../src/policy/cel';
import { manifestFiles } from '../../src/policy/input';
import type { OpenApiSchema } from '../../src/policy/openapi';
import { checkSchema } from '../../src/policy/schema';
import { ResolvedSchema, SchemaRegistry } from '../../src/policy/schema-registry';
import { FieldPath, formatPath } from '../../src/policy/structural';
import { readManifests } from '../../src/policy/yaml';

/** The mutation classes, in the order the agreement matrix prints them. */
export const MUTATION_CLASSES = ['required', 'type', 'enum', 'cel', 'unknown-field', 'name', 'range', 'core-rule'] as const;

/** What kind of defect a mutation introduces. */
export type MutationClass = (typeof MUTATION_CLASSES)[number];

type Json = Record<string, any>;

/** One object of dist/. */
export interface SourceDocument {
  /** The file, relative to the repository. */
  readonly file: string;
  /** The document's position in the file, from 1. */
  readonly document: number;
  readonly apiVersion: string;
  /** The API group; empty for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** The object as the file has it (never changed: mutations work on copies). */
  readonly object: Readonly<Json>;
}

/** One broken copy of a source document. */
export interface Mutation {
  /** Unique: `<file>#<document> <class> <n>`. */
  readonly id: string;
  readonly class: MutationClass;
  readonly source: SourceDocument;
  /** One line: what was changed, and where. */
  readonly description: string;
  /** The mutated object. */
  readonly object: Json;
}

const REPOSITORY = resolve(__dirname, '..', '..');

/**
 * The API objects under `dist`: every YAML document of every environment except
 * `kustomization.yaml` files and client-side configs (KIND cluster configs), which no API
 * server sees; Markdown and scripts are not YAML and are never read.
 */
export function distDocuments(dist: string = resolve(REPOSITORY, 'dist')): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const file of manifestFiles(dist)) {
    if (basename(file) === 'kustomization.yaml' || /\.md$/i.test(file)) continue;
    for (const doc of readManifests(readFileSync(file, 'utf8'))) {
      const object = doc.value as Json | undefined;
      if (doc.errors.length > 0) throw new Error(`${file}: not valid YAML: ${doc.errors[0]}`);
      if (object === undefined || object === null || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') continue;
      const slash = object.apiVersion.lastIndexOf('/');
      const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
      if (group === 'kind.x-k8s.io' || group.startsWith('kustomize.config.k8s.io')) continue;
      out.push({
        file: relative(REPOSITORY, file),
        document: doc.index + 1,
        apiVersion: object.apiVersion,
        group,
        version: object.apiVersion.slice(slash + 1),
        kind: object.kind,
        name: object.metadata?.name,
        namespace: object.metadata?.namespace,
        object,
      });
    }
  }
  return out;
}

/** How many generated mutations of a class each document gets at most (chosen by the seeded PRNG); hand-written ones come on top. */
const PER_DOCUMENT: Readonly<Record<MutationClass, number>> = {
  'required': 2,
  'type': 2,
  'enum': 2,
  'cel': 4,
  'unknown-field': 2,
  'name': 2,
  'range': 2,
  'core-rule': 0,
};

/**
 * Every mutation of every document, deterministic. Documents of kinds the registry has no
 * schema for (Tetrate's) get only name mutations: nothing else about them can be judged.
 */
export function deriveMutations(documents: readonly SourceDocument[], registry: SchemaRegistry = new SchemaRegistry()): Mutation[] {
  const out: Mutation[] = [];
  for (const source of documents) {
    const resolved = registry.resolve(source.group, source.version, source.kind);
    // Generated candidates (from the schema and the name format), of which the PRNG picks a few
    // per class, and the hand-written ones of core kinds, which are all kept.
    const generated: Candidate[] = [...nameCandidates(source)];
    const written: Candidate[] = [];
    if (resolved !== undefined) {
      const core = registry.isKubernetesKind(source.group, source.kind);
      const sites = collectSites(resolved, source.object);
      generated.push(...schemaCandidates(sites, resolved, core));
      if (!core) generated.push(...celCandidates(source, sites, resolved));
      if (core) written.push(...coreCandidates(source));
    }
    for (const cls of MUTATION_CLASSES) {
      const chosen = [
        ...pick(generated.filter((c) => c.class === cls), PER_DOCUMENT[cls], `${source.file}#${source.document}/${cls}`),
        ...written.filter((c) => c.class === cls),
      ];
      chosen.forEach((candidate, n) => {
        const object = structuredClone(source.object) as Json;
        candidate.apply(object);
        out.push({
          id: `${source.file}#${source.document} ${cls} ${n + 1}`,
          class: cls,
          source,
          description: candidate.description,
          object,
        });
      });
    }
  }
  return out;
}

/** A possible mutation of a document. */
interface Candidate {
  readonly class: MutationClass;
  readonly description: string;
  /** Changes the (copied) object in place. */
  readonly apply: (object: Json) => void;
}

// ---------------------------------------------------------------------------------------------
// Deterministic choice

/** FNV-1a of a string: the seed of a choice. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small seeded PRNG, numbers in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` of `items`, chosen by a PRNG seeded with `seed`, in their original order. */
function pick<T>(items: readonly T[], count: number, seed: string): T[] {
  if (items.length <= count) return [...items];
  const random = prng(hash(seed));
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, count).sort((a, b) => a - b).map((i) => items[i]);
}

// ---------------------------------------------------------------------------------------------
// Paths

type Path = (string | number)[];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getAt(object: unknown, path: FieldPath): any {
  let current: any = object;
  for (const segment of path) current = current?.[segment];
  return current;
}

function setAt(object: Json, path: FieldPath, value: unknown): void {
  const parent = getAt(object, path.slice(0, -1));
  parent[path[path.length - 1]] = value;
}

function deleteAt(object: Json, path: FieldPath): void {
  const parent = getAt(object, path.slice(0, -1));
  delete parent[path[path.length - 1]];
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A path for descriptions: `spec.listeners[0].name`, `.` for the object itself. */
const at = (path: FieldPath): string => formatPath(path);

// ---------------------------------------------------------------------------------------------
// Schema sites

/** A value of the object with its (dereferenced) schema node. */
interface Site {
  readonly path: Path;
  readonly value: unknown;
  readonly node: OpenApiSchema;
}

/** Fields every object has, broken only by the name class (metadata) or not at all. */
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'status']);

/** Every value of the object that has a schema node (the root included), outside metadata and status. */
function collectSites(resolved: ResolvedSchema, object: Readonly<Json>): Site[] {
  const out: Site[] = [];
  const visit = (schema: OpenApiSchema, value: unknown, path: Path): void => {
    const node = resolved.deref(schema);
    out.push({ path, value, node });
    if (Array.isArray(value)) {
      if (node.items !== undefined) value.forEach((item, i) => visit(node.items!, item, [...path, i]));
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (path.length === 0 && ROOT_FIELDS.has(key)) continue;
        const childSchema = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
        if (childSchema !== undefined && child !== null) visit(childSchema, child, [...path, key]);
      }
    }
  };
  visit(resolved.schema, object, []);
  return out;
}

/** A value of another JSON type than `node` wants, as people get it wrong; undefined if the node has no type. */
function wrongType(node: OpenApiSchema, value: unknown): { value: unknown; what: string } | undefined {
  if (node['x-kubernetes-int-or-string']) return { value: true, what: 'a boolean where an integer or a string belongs' };
  switch (node.type) {
    case 'string':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? { value: Number(value), what: 'a number where a string belongs (unquoted)' }
        : { value: 42, what: 'a number where a string belongs' };
    case 'integer':
    case 'number':
      return { value: String(value), what: 'a quoted number' };
    case 'boolean':
      return { value: String(value), what: 'a quoted boolean' };
    case 'array':
      return Array.isArray(value) && isObject(value[0])
        ? { value: value[0], what: 'one item where a list belongs' }
        : { value: String(Array.isArray(value) ? value[0] ?? 'x' : 'x'), what: 'a string where a list belongs' };
    case 'object':
      return { value: [value], what: 'a list where an object belongs' };
    default:
      return undefined;
  }
}

/** A value outside an enum: the usual slip is the case, else a suffix. */
function offEnum(allowed: readonly unknown[], value: unknown): unknown {
  if (typeof value === 'string') {
    const forms = [value.toLowerCase(), value.toUpperCase(), `${value}x`, 'Invalid'];
    return forms.find((f) => f !== value && !allowed.includes(f));
  }
  if (typeof value === 'number') return Math.max(...allowed.filter((a): a is number => typeof a === 'number')) + 1;
  return undefined;
}

/** Whether strict field validation rejects a field `node` does not declare. */
function closed(node: OpenApiSchema, core: boolean): boolean {
  if (node['x-kubernetes-preserve-unknown-fields'] === true || node.additionalProperties !== undefined) return false;
  return node.properties !== undefined || (!core && node.type === 'object');
}

/** A misspelling of `key`: its last letter doubled (`replicas` → `replicass`). */
function typo(key: string, declared: Readonly<Record<string, unknown>>): string {
  for (const candidate of [`${key}${key.slice(-1)}`, `${key}s`, `${key}X`]) {
    if (!Object.prototype.hasOwnProperty.call(declared, candidate)) return candidate;
  }
  return 'unknownField';
}

const INT32_MAX = 2 ** 31 - 1;

/** The required, type, enum, unknown-field and range mutations the schema itself describes. */
function schemaCandidates(sites: readonly Site[], resolved: ResolvedSchema, core: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const { path, value, node } of sites) {
    if (isObject(value)) {
      for (const field of node.required ?? []) {
        if (path.length === 0 && ROOT_FIELDS.has(field)) continue;
        const child = node.properties?.[field];
        if (value[field] === undefined || (child !== undefined && resolved.deref(child).default !== undefined)) continue;
        out.push({ class: 'required', description: `drop required ${at([...path, field])}`, apply: (o) => deleteAt(o, [...path, field]) });
      }
      if (closed(node, core)) {
        // A misspelling of one of the fields present (its value copied), or a made-up field where none is.
        const keys = Object.keys(value).filter((k) => !(path.length === 0 && ROOT_FIELDS.has(k)));
        const original = keys.length > 0 ? keys[hash(at(path)) % keys.length] : undefined;
        const key = original !== undefined ? typo(original, node.properties ?? {}) : 'unknownField';
        out.push({
          class: 'unknown-field',
          description: `unknown field ${at([...path, key])}${original !== undefined ? ` (${original} misspelt)` : ''}`,
          apply: (o) => setAt(o, [...path, key], original !== undefined ? structuredClone(getAt(o, [...path, original])) : 'x'),
        });
      }
    }
    if (path.length === 0) continue;
    const wrong = wrongType(node, value);
    if (wrong !== undefined) {
      out.push({ class: 'type', description: `${at(path)}: ${wrong.what} (${show(wrong.value)})`, apply: (o) => setAt(o, path, structuredClone(wrong.value)) });
    }
    if (node.enum !== undefined) {
      const bad = offEnum(node.enum, value);
      if (bad !== undefined) out.push({ class: 'enum', description: `${at(path)}: ${show(bad)} is not one of ${node.enum.map(show).join(', ')}`, apply: (o) => setAt(o, path, bad) });
    }
    if (typeof value === 'number') {
      const integer = node.type === 'integer';
      if (typeof node.minimum === 'number') {
        const bad = node.exclusiveMinimum === true ? node.minimum : node.minimum - (integer ? 1 : 0.5);
        out.push({ class: 'range', description: `${at(path)}: ${bad} is below the minimum ${node.minimum}${node.exclusiveMinimum === true ? ' (exclusive)' : ''}`, apply: (o) => setAt(o, path, bad) });
      }
      if (typeof node.maximum === 'number') {
        const bad = node.exclusiveMaximum === true ? node.maximum : node.maximum + (integer ? 1 : 0.5);
        out.push({ class: 'range', description: `${at(path)}: ${bad} is above the maximum ${node.maximum}${node.exclusiveMaximum === true ? ' (exclusive)' : ''}`, apply: (o) => setAt(o, path, bad) });
      }
      if (core && node.format === 'int32') {
        out.push({ class: 'range', description: `${at(path)}: ${INT32_MAX + 1} overflows int32`, apply: (o) => setAt(o, path, INT32_MAX + 1) });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * The name format the API server checks for a kind (Kubernetes 1.37): DNS-1123 labels for
 * Namespaces, Services (RelaxedServiceNameValidation, GA in 1.37) and StatefulSets, a path
 * segment only for PodDisruptionBudgets (their validation leaves the name to the registry), a
 * DNS-1123 subdomain for the rest, CRD kinds included.
 */
function nameFormat(source: SourceDocument): 'label' | 'path-segment' | 'subdomain' {
  const key = `${source.group}/${source.kind}`;
  if (key === '/Namespace' || key === '/Service' || key === 'apps/StatefulSet') return 'label';
  if (key === 'policy/PodDisruptionBudget') return 'path-segment';
  return 'subdomain';
}

function nameCandidates(source: SourceDocument): Candidate[] {
  const name = source.name;
  if (typeof name !== 'string' || name === '') return [];
  const format = nameFormat(source);
  const set = (value: string, why: string): Candidate => ({
    class: 'name',
    description: `metadata.name ${show(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value)}: ${why}`,
    apply: (o) => void (o.metadata.name = value),
  });
  if (format === 'path-segment') {
    return [
      set(name.replace('-', '/'), 'a slash: not a path segment'),
      set(`${name}%41`, "a '%': not a path segment"),
    ];
  }
  const limit = format === 'subdomain' ? 253 : 63;
  const out = [
    set(name.charAt(0).toUpperCase() + name.slice(1), 'an uppercase letter'),
    set(name.includes('-') ? name.replace('-', '_') : `${name}_x`, 'an underscore'),
    set(`${name}-`, 'ends with a dash'),
    set(`${name}-${'x'.repeat(limit - name.length)}`, `longer than ${limit} characters`),
  ];
  if (format === 'label') out.push(set(`${name}.x`, `a dot: a ${source.kind} name is a DNS-1123 label, not a subdomain`));
  else out.push(set(`${name}..x`, 'an empty DNS label (two dots)'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// CEL rules

/** String values tried where a CEL rule sits: empty, wildcards, IPs, socket paths, the protocol and mode words of the CRDs here. */
const CEL_STRINGS = ['', '*', '10.0.0.1', 'unix:///', 'unix://x/', 'Terminate', 'Passthrough', 'HTTP', 'HTTPS', 'TCP', 'TLS', 'Service', 'LoadBalancer', 'ClusterIP', 'DynamicResolver', 'tls', 'scram-sha-512', '0s', '1.3', 'UPPER.example.com', 'x'];
const CEL_NUMBERS = [0, -1, 65536, 1];

/**
 * For each CEL rule on a node of the document (transition rules aside), the first edit that
 * makes the rule fail while the object still passes every other schema check, if one of the
 * edits tried finds it: duplicate a list item; drop, change or add a field of the node or of
 * its items; change the node's own value. The object is defaulted first, as the API server
 * does, to judge the rule; the mutation itself is the undefaulted edit.
 */
function celCandidates(source: SourceDocument, sites: readonly Site[], resolved: ResolvedSchema): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const site of sites) {
    const rules = (site.node['x-kubernetes-validations'] ?? []) as CelRule[];
    for (const rule of rules) {
      if (/\boldSelf\b/.test(rule.rule) || seen.has(rule.rule)) continue;
      const original = evaluateOn(resolved, source.object, site.path, rule, site.node);
      if (original !== 'pass') continue;
      for (const edit of celEdits(site, resolved)) {
        const copy = structuredClone(source.object) as Json;
        edit.apply(copy);
        if (evaluateOn(resolved, copy, site.path, rule, site.node) !== 'fail') continue;
        if (!passesSchema(resolved, copy)) continue;
        seen.add(rule.rule);
        const text = rule.message ?? rule.rule;
        out.push({ class: 'cel', description: `${edit.description}: breaks the rule at ${at(site.path)} (${text.length > 90 ? `${text.slice(0, 90)}…` : text})`, apply: edit.apply });
        break;
      }
    }
  }
  return out;
}

/**
 * A copy of `object` with the schema's defaults written in, as the API server writes them before
 * validation: a missing property that declares a `default`, at every level the object has.
 */
function defaulted(resolved: ResolvedSchema, object: Readonly<Json>): Json {
  const fill = (schema: OpenApiSchema, value: unknown): void => {
    const node = resolved.deref(schema);
    if (Array.isArray(value)) {
      if (node.items !== undefined) value.forEach((item) => fill(node.items!, item));
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const childNode = resolved.deref(child);
        if (value[key] === undefined && childNode.default !== undefined) value[key] = structuredClone(childNode.default);
      }
      for (const [key, child] of Object.entries(value)) {
        const childSchema = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
        if (childSchema !== undefined) fill(childSchema, child);
      }
    }
  };
  const copy = structuredClone(object) as Json;
  fill(resolved.schema, copy);
  return copy;
}

/** The outcome of `rule` on the defaulted copy of `object` at `path`. */
function evaluateOn(resolved: ResolvedSchema, object: Readonly<Json>, path: FieldPath, rule: CelRule, node: OpenApiSchema): string {
  return evaluateRule(rule, getAt(defaulted(resolved, object), path), node).kind;
}

/** Whether the object passes the schema checks other than CEL (types, required, enums, bounds, unknown fields). */
function passesSchema(resolved: ResolvedSchema, object: Readonly<Json>): boolean {
  const copy = defaulted(resolved, object);
  delete copy.status;
  let ok = true;
  checkSchema(resolved.schema, copy, resolved.context, () => (ok = false));
  return ok;
}

/** A minimal value of a schema node, for adding a field a rule looks at. */
function minimalValue(node: OpenApiSchema): unknown {
  if (node.enum !== undefined) return node.enum[0];
  if (node['x-kubernetes-int-or-string']) return 1;
  switch (node.type) {
    case 'string': return 'x';
    case 'integer': case 'number': return typeof node.minimum === 'number' ? node.minimum + 1 : 1;
    case 'boolean': return true;
    case 'array': return [];
    case 'object': return {};
    default: return undefined;
  }
}

/** The edits tried around a rule's node, in a fixed order. */
function celEdits(site: Site, resolved: ResolvedSchema): Candidate[] {
  const out: Candidate[] = [];
  const { path, value, node } = site;
  const scalarEdits = (p: Path, v: unknown, n: OpenApiSchema): void => {
    const values: unknown[] = typeof v === 'string' ? [...(n.enum ?? []), ...CEL_STRINGS]
      : typeof v === 'number' ? [...(n.enum ?? []), ...CEL_NUMBERS]
        : typeof v === 'boolean' ? [!v] : [];
    for (const x of values) if (x !== v) out.push({ class: 'cel', description: `${at(p)} set to ${show(x)}`, apply: (o) => setAt(o, p, x) });
  };
  const fieldEdits = (p: Path, v: Json, n: OpenApiSchema): void => {
    for (const [key, child] of Object.entries(v)) {
      const childNode = n.properties?.[key] === undefined ? undefined : resolved.deref(n.properties[key]);
      if (!(n.required ?? []).includes(key)) out.push({ class: 'cel', description: `drop ${at([...p, key])}`, apply: (o) => deleteAt(o, [...p, key]) });
      if (childNode !== undefined) scalarEdits([...p, key], child, childNode);
    }
    for (const [key, child] of Object.entries(n.properties ?? {})) {
      if (v[key] !== undefined) continue;
      const x = minimalValue(resolved.deref(child));
      if (x !== undefined) out.push({ class: 'cel', description: `add ${at([...p, key])}: ${show(x)}`, apply: (o) => setAt(o, [...p, key], structuredClone(x)) });
    }
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push({ class: 'cel', description: `duplicate ${at([...path, i])}`, apply: (o) => getAt(o, path).push(structuredClone(item)) }));
    const itemNode = node.items === undefined ? undefined : resolved.deref(node.items);
    if (itemNode !== undefined) {
      value.forEach((item, i) => {
        if (isObject(item)) fieldEdits([...path, i], item, itemNode);
        else scalarEdits([...path, i], item, itemNode);
      });
    }
  } else if (isObject(value)) {
    fieldEdits(path, value, node);
  } else {
    scalarEdits(path, value, node);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Core kinds: what the API server checks in Go

/** The pod template's spec of a workload, if the kind has one. */
function podSpecPath(kind: string): Path | undefined {
  return kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'ReplicaSet' || kind === 'Job'
    ? ['spec', 'template', 'spec'] : undefined;
}

function coreCandidates(source: SourceDocument): Candidate[] {
  const out: Candidate[] = [];
  const add = (cls: MutationClass, description: string, apply: (o: Json) => void) => out.push({ class: cls, description, apply });
  const object = source.object;

  // Labels of every object: apimachinery ValidateLabels.
  add('core-rule', 'metadata.labels value with a space (not a label value)', (o) => {
    o.metadata.labels = { ...o.metadata.labels, 'app.kubernetes.io/part-of': 'kafka platform' };
  });
  add('core-rule', 'metadata.labels key with two slashes', (o) => {
    o.metadata.labels = { ...o.metadata.labels, 'example.com/a/b': 'x' };
  });
  add('core-rule', 'metadata.annotations key with a space', (o) => {
    o.metadata.annotations = { ...o.metadata.annotations, 'bad key': 'x' };
  });

  const pod = podSpecPath(source.kind);
  if (pod !== undefined) out.push(...podTemplateCandidates(source, pod));

  switch (source.kind) {
    case 'Service': {
      const ports: Json[] = object.spec?.ports ?? [];
      add('range', 'spec.ports[0].port 70000 (ports are 1-65535)', (o) => void (o.spec.ports[0].port = 70000));
      add('range', 'spec.ports[0].port 0', (o) => void (o.spec.ports[0].port = 0));
      add('range', 'spec.ports[0].targetPort 70000', (o) => void (o.spec.ports[0].targetPort = 70000));
      add('core-rule', 'spec.ports: the first port twice (duplicate port and protocol)', (o) => void o.spec.ports.push({ ...o.spec.ports[0], name: `${o.spec.ports[0].name ?? 'p'}-copy` }));
      add('core-rule', 'spec.ports: a second port with the first one\'s name', (o) => void o.spec.ports.push({ ...o.spec.ports[0], port: 1 + (o.spec.ports[0].port as number), targetPort: 1 + (o.spec.ports[0].port as number) }));
      if (ports.length === 1) add('core-rule', 'spec.ports: a second, unnamed port (names are required when there are several)', (o) => { o.spec.ports[0].name = o.spec.ports[0].name ?? 'first'; o.spec.ports.push({ port: 1 + (o.spec.ports[0].port as number) }); });
      add('core-rule', 'spec.ports[0].name not a DNS-1123 label ("Client_Port")', (o) => void (o.spec.ports[0].name = 'Client_Port'));
      add('core-rule', 'spec.ports[0].targetPort a name longer than 15 characters', (o) => void (o.spec.ports[0].targetPort = 'a-very-long-port-name'));
      add('enum', 'spec.type "Loadbalancer" (case)', (o) => void (o.spec.type = 'Loadbalancer'));
      add('enum', 'spec.ports[0].protocol "tcp" (case)', (o) => void (o.spec.ports[0].protocol = 'tcp'));
      add('enum', 'spec.sessionAffinity "Sticky"', (o) => void (o.spec.sessionAffinity = 'Sticky'));
      add('core-rule', 'spec.selector value with a space', (o) => void (o.spec.selector = { ...o.spec.selector, app: 'kafka broker' }));
      add('core-rule', 'spec.clusterIP "not-an-ip"', (o) => void (o.spec.clusterIP = 'not-an-ip'));
      add('core-rule', 'spec.ports[0].appProtocol "kafka protocol" (not a qualified name)', (o) => void (o.spec.ports[0].appProtocol = 'kafka protocol'));
      if (object.spec?.clusterIP !== 'None') add('core-rule', 'spec.ports empty (only headless Services may have none)', (o) => void (o.spec.ports = []));
      add('core-rule', 'spec.externalIPs ["10.0.0.256"]', (o) => void (o.spec.externalIPs = ['10.0.0.256']));
      add('core-rule', 'spec.clusterIP "010.96.0.10" (leading zero)', (o) => void (o.spec.clusterIP = '010.96.0.10'));
      add('enum', 'spec.internalTrafficPolicy "Node"', (o) => void (o.spec.internalTrafficPolicy = 'Node'));
      add('enum', 'spec.ipFamilyPolicy "DualStack"', (o) => void (o.spec.ipFamilyPolicy = 'DualStack'));
      add('enum', 'spec.ipFamilies ["IPv5"]', (o) => void (o.spec.ipFamilies = ['IPv5']));
      if (object.spec?.type !== 'LoadBalancer') {
        add('core-rule', 'spec.loadBalancerSourceRanges on a Service that is not a LoadBalancer', (o) => void (o.spec.loadBalancerSourceRanges = ['10.0.0.0/8']));
        add('core-rule', 'spec.allocateLoadBalancerNodePorts on a Service that is not a LoadBalancer', (o) => void (o.spec.allocateLoadBalancerNodePorts = false));
      }
      add('core-rule', 'spec.type NodePort with clusterIP None', (o) => { o.spec.type = 'NodePort'; o.spec.clusterIP = 'None'; });
      add('core-rule', 'spec.type ExternalName without externalName', (o) => { o.spec.type = 'ExternalName'; delete o.spec.clusterIP; delete o.spec.selector; });
      if ((object.spec?.type ?? 'ClusterIP') === 'ClusterIP') {
        add('core-rule', 'spec.ports[0].nodePort on a ClusterIP Service', (o) => void (o.spec.ports[0].nodePort = 30001));
        add('core-rule', 'spec.externalTrafficPolicy Local on a ClusterIP Service', (o) => void (o.spec.externalTrafficPolicy = 'Local'));
      }
      break;
    }
    case 'ConfigMap':
      add('core-rule', 'data key with a space ("start script")', (o) => void (o.data = { ...o.data, 'start script': 'x' }));
      add('core-rule', 'the same key in data and binaryData', (o) => void (o.binaryData = { [Object.keys(o.data)[0]]: 'eA==' }));
      add('core-rule', 'binaryData value that is not base64', (o) => void (o.binaryData = { 'extra.bin': 'not base64!' }));
      add('core-rule', 'data key ".." (a parent directory)', (o) => void (o.data = { ...o.data, '..': 'x' }));
      break;
    case 'PodDisruptionBudget':
      add('core-rule', 'both spec.minAvailable and spec.maxUnavailable', (o) => { o.spec.minAvailable = 1; o.spec.maxUnavailable = 1; });
      add('range', 'spec.minAvailable "150%"', (o) => { delete o.spec.maxUnavailable; o.spec.minAvailable = '150%'; });
      add('range', 'spec.maxUnavailable -1', (o) => { delete o.spec.minAvailable; o.spec.maxUnavailable = -1; });
      add('core-rule', 'spec.maxUnavailable "one" (neither a number nor a percentage)', (o) => { delete o.spec.minAvailable; o.spec.maxUnavailable = 'one'; });
      add('core-rule', 'spec.selector.matchLabels value with a space', (o) => void (o.spec.selector.matchLabels = { ...o.spec.selector.matchLabels, app: 'kafka broker' }));
      add('enum', 'spec.selector.matchExpressions operator "Equals"', (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'Equals', values: ['x'] }]));
      add('enum', 'spec.unhealthyPodEvictionPolicy "Always"', (o) => void (o.spec.unhealthyPodEvictionPolicy = 'Always'));
      add('core-rule', 'spec.selector.matchExpressions: In without values', (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: [] }]));
      add('core-rule', 'spec.selector.matchExpressions value with a space', (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: ['kafka broker'] }]));
      break;
    case 'NetworkPolicy': {
      const rules = (['ingress', 'egress'] as const).filter((d) => Array.isArray(object.spec?.[d]) && object.spec[d].length > 0);
      for (const direction of rules) {
        const peers = direction === 'ingress' ? 'from' : 'to';
        add('range', `spec.${direction}[0].ports: port 70000`, (o) => void (o.spec[direction][0].ports = [...(o.spec[direction][0].ports ?? []), { protocol: 'TCP', port: 70000 }]));
        add('core-rule', `spec.${direction}[0].ports: endPort below port`, (o) => void (o.spec[direction][0].ports = [...(o.spec[direction][0].ports ?? []), { protocol: 'TCP', port: 9000, endPort: 8000 }]));
        add('enum', `spec.${direction}[0].ports: protocol "HTTP"`, (o) => void (o.spec[direction][0].ports = [...(o.spec[direction][0].ports ?? []), { protocol: 'HTTP', port: 80 }]));
        add('core-rule', `spec.${direction}[0].${peers}: ipBlock cidr "10.0.0.0/33"`, (o) => void (o.spec[direction][0][peers] = [...(o.spec[direction][0][peers] ?? []), { ipBlock: { cidr: '10.0.0.0/33' } }]));
        add('core-rule', `spec.${direction}[0].${peers}: ipBlock except outside its cidr`, (o) => void (o.spec[direction][0][peers] = [...(o.spec[direction][0][peers] ?? []), { ipBlock: { cidr: '10.0.0.0/16', except: ['192.168.0.0/24'] } }]));
        add('core-rule', `spec.${direction}[0].${peers}: ipBlock and podSelector in one peer`, (o) => void (o.spec[direction][0][peers] = [...(o.spec[direction][0][peers] ?? []), { ipBlock: { cidr: '10.0.0.0/16' }, podSelector: {} }]));
        add('core-rule', `spec.${direction}[0].ports: port name longer than 15 characters`, (o) => void (o.spec[direction][0].ports = [...(o.spec[direction][0].ports ?? []), { protocol: 'TCP', port: 'a-very-long-port-name' }]));
        add('core-rule', `spec.${direction}[0].ports: endPort with a named port`, (o) => void (o.spec[direction][0].ports = [...(o.spec[direction][0].ports ?? []), { protocol: 'TCP', port: 'metrics', endPort: 9000 }]));
        add('core-rule', `spec.${direction}[0].ports: endPort without port`, (o) => void (o.spec[direction][0].ports = [...(o.spec[direction][0].ports ?? []), { protocol: 'TCP', endPort: 9000 }]));
        add('core-rule', `spec.${direction}[0].${peers}: an empty peer`, (o) => void (o.spec[direction][0][peers] = [...(o.spec[direction][0][peers] ?? []), {}]));
        add('core-rule', `spec.${direction}[0].${peers}: ipBlock cidr "10.0.0.1/16" (bits beyond the prefix)`, (o) => void (o.spec[direction][0][peers] = [...(o.spec[direction][0][peers] ?? []), { ipBlock: { cidr: '10.0.0.1/16' } }]));
        add('core-rule', `spec.${direction}[0].${peers}: ipBlock IPv6 except outside its cidr`, (o) => void (o.spec[direction][0][peers] = [...(o.spec[direction][0][peers] ?? []), { ipBlock: { cidr: '2001:db8::/48', except: ['2001:db9::/64'] } }]));
      }
      add('enum', 'spec.policyTypes "Inbound"', (o) => void (o.spec.policyTypes = ['Inbound']));
      add('core-rule', 'spec.policyTypes with three entries', (o) => void (o.spec.policyTypes = ['Ingress', 'Egress', 'Ingress']));
      add('enum', 'spec.podSelector.matchExpressions operator "Equals"', (o) => void (o.spec.podSelector = { ...o.spec.podSelector, matchExpressions: [{ key: 'app', operator: 'Equals', values: ['x'] }] }));
      add('core-rule', 'spec.podSelector.matchExpressions: Exists with values', (o) => void (o.spec.podSelector = { ...o.spec.podSelector, matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] }));
      add('core-rule', 'spec.podSelector.matchLabels key with a space', (o) => void (o.spec.podSelector = { ...o.spec.podSelector, matchLabels: { ...o.spec.podSelector?.matchLabels, 'bad key': 'x' } }));
      break;
    }
    case 'Namespace':
      add('core-rule', 'spec.finalizers entry "kubernetes/x/y" (not a qualified name)', (o) => void (o.spec = { finalizers: ['kubernetes/x/y'] }));
      add('core-rule', 'spec.finalizers entry "cleanup" (neither standard nor fully qualified)', (o) => void (o.spec = { finalizers: ['cleanup'] }));
      break;
    default:
      break;
  }
  return out;
}

/** Mutations of a workload's pod template (Deployment, StatefulSet). */
function podTemplateCandidates(source: SourceDocument, pod: Path): Candidate[] {
  const out: Candidate[] = [];
  const add = (cls: MutationClass, description: string, apply: (spec: Json, o: Json) => void) =>
    out.push({ class: cls, description, apply: (o) => apply(getAt(o, pod), o) });
  const spec: Json = getAt(source.object, pod);
  const c0 = spec.containers[0];
  const container = 'spec.template.spec.containers[0]';

  // Selector and template labels (apps/validation ValidateDeploymentSpec, ValidateStatefulSetSpec).
  const selectorKey = Object.keys(source.object.spec.selector?.matchLabels ?? {})[0];
  if (selectorKey !== undefined) {
    add('core-rule', `template label ${selectorKey} no longer matches spec.selector`, (_, o) => void (o.spec.template.metadata.labels[selectorKey] = `${o.spec.template.metadata.labels[selectorKey]}-x`));
    add('core-rule', 'spec.selector.matchLabels value with a space', (_, o) => void (o.spec.selector.matchLabels[selectorKey] = 'two words'));
  }
  add('core-rule', 'spec.selector empty (selects nothing)', (_, o) => void (o.spec.selector = {}));
  add('core-rule', 'spec.template.metadata.labels value with a space', (_, o) => void (o.spec.template.metadata.labels = { ...o.spec.template.metadata.labels, extra: 'two words' }));

  // Containers (core/validation validateContainers and friends).
  add('core-rule', `${container} twice (duplicate container name)`, (s) => void s.containers.push(structuredClone(s.containers[0])));
  add('core-rule', `${container}.name "Kafka_Main" (not a DNS-1123 label)`, (s) => void (s.containers[0].name = 'Kafka_Main'));
  const portName = c0.ports?.find((p: Json) => typeof p.name === 'string')?.name;
  add('core-rule', `${container}.ports: a second port named ${show(portName ?? 'metrics')}`, (s) => {
    const c = s.containers[0];
    c.ports = [...(c.ports ?? []), ...(portName === undefined ? [{ name: 'metrics', containerPort: 9404 }] : []), { name: portName ?? 'metrics', containerPort: 19999 }];
  });
  add('core-rule', `${container}.ports: a port name longer than 15 characters`, (s) => void (s.containers[0].ports = [...(s.containers[0].ports ?? []), { name: 'a-very-long-port-name', containerPort: 19998 }]));
  add('range', `${container}.ports: containerPort 70000`, (s) => void (s.containers[0].ports = [...(s.containers[0].ports ?? []), { containerPort: 70000 }]));
  add('range', `${container}.ports: containerPort 0`, (s) => void (s.containers[0].ports = [...(s.containers[0].ports ?? []), { name: 'zero', containerPort: 0 }]));
  add('enum', `${container}.ports: protocol "tcp" (case)`, (s) => void (s.containers[0].ports = [...(s.containers[0].ports ?? []), { containerPort: 19997, protocol: 'tcp' }]));
  add('core-rule', `${container}.volumeMounts: a mount of volume "missing", which the pod does not declare`, (s) => void (s.containers[0].volumeMounts = [...(s.containers[0].volumeMounts ?? []), { name: 'missing', mountPath: '/missing' }]));
  if ((c0.volumeMounts ?? []).length > 0) {
    add('core-rule', `${container}.volumeMounts: two mounts at one path`, (s) => void s.containers[0].volumeMounts.push({ ...s.containers[0].volumeMounts[0], name: s.containers[0].volumeMounts[(s.containers[0].volumeMounts.length > 1 ? 1 : 0)].name, mountPath: s.containers[0].volumeMounts[0].mountPath }));
    add('core-rule', `${container}.volumeMounts[0].mountPath empty`, (s) => void (s.containers[0].volumeMounts[0].mountPath = ''));
  }
  if ((spec.volumes ?? []).length > 0) {
    add('core-rule', 'spec.template.spec.volumes[0] twice (duplicate volume name)', (s) => void s.volumes.push(structuredClone(s.volumes[0])));
    add('core-rule', 'spec.template.spec.volumes[0].name "Config_Volume" (not a DNS-1123 label)', (s) => {
      const old = s.volumes[0].name;
      s.volumes[0].name = 'Config_Volume';
      for (const c of s.containers) for (const m of c.volumeMounts ?? []) if (m.name === old) m.name = 'Config_Volume';
    });
  }
  add('core-rule', `${container}.env: a variable named "" (empty)`, (s) => void (s.containers[0].env = [...(s.containers[0].env ?? []), { name: '', value: 'x' }]));
  add('core-rule', `${container}.env: a variable with both value and valueFrom`, (s) => void (s.containers[0].env = [...(s.containers[0].env ?? []), { name: 'BOTH', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]));
  add('core-rule', `${container}.env: valueFrom.fieldRef to an unsupported field`, (s) => void (s.containers[0].env = [...(s.containers[0].env ?? []), { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeNameX' } } }]));
  // Resources (ValidateResourceRequirements, resource.ParseQuantity).
  add('core-rule', `${container}.resources.requests.cpu "1.5 cores" (not a quantity)`, (s) => void (s.containers[0].resources = { ...s.containers[0].resources, requests: { ...s.containers[0].resources?.requests, cpu: '1.5 cores' } }));
  add('core-rule', `${container}.resources.requests.memory "-1Gi" (negative)`, (s) => void (s.containers[0].resources = { ...s.containers[0].resources, requests: { ...s.containers[0].resources?.requests, memory: '-1Gi' } }));
  add('core-rule', `${container}.resources: requests.memory above limits.memory`, (s) => {
    const c = s.containers[0];
    c.resources = { ...c.resources, limits: { ...c.resources?.limits, memory: '256Mi' }, requests: { ...c.resources?.requests, memory: '512Mi' } };
  });
  add('core-rule', `${container}.resources: requests.cpu above limits.cpu`, (s) => {
    const c = s.containers[0];
    c.resources = { ...c.resources, limits: { ...c.resources?.limits, cpu: '100m' }, requests: { ...c.resources?.requests, cpu: '2' } };
  });
  add('core-rule', `${container}.resources.requests: unknown resource "gpu" (not a standard or qualified name)`, (s) => void (s.containers[0].resources = { ...s.containers[0].resources, requests: { ...s.containers[0].resources?.requests, gpu: '1' } }));
  add('core-rule', `${container}.resources.limits.cpu "0.5.1"`, (s) => void (s.containers[0].resources = { ...s.containers[0].resources, limits: { ...s.containers[0].resources?.limits, cpu: '0.5.1' } }));
  // Probes (validateProbe, validateHandler).
  add('core-rule', `${container}.readinessProbe with no handler`, (s) => void (s.containers[0].readinessProbe = { periodSeconds: 10 }));
  add('core-rule', `${container}.livenessProbe with two handlers`, (s) => void (s.containers[0].livenessProbe = { tcpSocket: { port: 9092 }, exec: { command: ['true'] } }));
  add('core-rule', `${container}.livenessProbe.successThreshold 2 (must be 1)`, (s) => void (s.containers[0].livenessProbe = { tcpSocket: { port: 9092 }, successThreshold: 2 }));
  add('range', `${container}.readinessProbe.periodSeconds -5`, (s) => void (s.containers[0].readinessProbe = { tcpSocket: { port: 9092 }, periodSeconds: -5 }));
  add('range', `${container}.readinessProbe.tcpSocket.port 70000`, (s) => void (s.containers[0].readinessProbe = { tcpSocket: { port: 70000 } }));
  add('enum', `${container}.imagePullPolicy "Sometimes"`, (s) => void (s.containers[0].imagePullPolicy = 'Sometimes'));
  add('enum', `${container}.terminationMessagePolicy "Always"`, (s) => void (s.containers[0].terminationMessagePolicy = 'Always'));
  // Security context (ValidateSecurityContext, ValidatePodSecurityContext).
  add('range', `${container}.securityContext.runAsUser -1`, (s) => void (s.containers[0].securityContext = { ...s.containers[0].securityContext, runAsUser: -1 }));
  add('range', 'spec.template.spec.securityContext.fsGroup -1', (s) => void (s.securityContext = { ...s.securityContext, fsGroup: -1 }));
  add('enum', 'spec.template.spec.securityContext.seccompProfile.type "Default"', (s) => void (s.securityContext = { ...s.securityContext, seccompProfile: { type: 'Default' } }));
  add('core-rule', 'spec.template.spec.securityContext.seccompProfile Localhost without a profile', (s) => void (s.securityContext = { ...s.securityContext, seccompProfile: { type: 'Localhost' } }));
  add('core-rule', `${container}.securityContext: privileged with allowPrivilegeEscalation false`, (s) => void (s.containers[0].securityContext = { ...s.containers[0].securityContext, privileged: true, allowPrivilegeEscalation: false }));
  // Pod-level fields.
  add('enum', 'spec.template.spec.restartPolicy "Never" (workloads need Always)', (s) => void (s.restartPolicy = 'Never'));
  add('enum', 'spec.template.spec.dnsPolicy "Cluster"', (s) => void (s.dnsPolicy = 'Cluster'));
  add('range', 'spec.template.spec.activeDeadlineSeconds 0', (s) => void (s.activeDeadlineSeconds = 0));
  add('core-rule', 'spec.template.spec.serviceAccountName "Kafka_SA" (not a DNS-1123 subdomain)', (s) => void (s.serviceAccountName = 'Kafka_SA'));
  add('core-rule', 'spec.template.spec.nodeSelector value with a space', (s) => void (s.nodeSelector = { ...s.nodeSelector, zone: 'us east' }));
  // A StatefulSet's controller overwrites hostname, so its validation skips it (ValidateStatefulSetSpec).
  if (source.kind !== 'StatefulSet') add('core-rule', 'spec.template.spec.hostname "Kafka_0"', (s) => void (s.hostname = 'Kafka_0'));
  add('enum', 'spec.template.spec.tolerations: operator "Is"', (s) => void (s.tolerations = [...(s.tolerations ?? []), { key: 'dedicated', operator: 'Is', value: 'kafka' }]));
  add('core-rule', 'spec.template.spec.tolerations: Exists with a value', (s) => void (s.tolerations = [...(s.tolerations ?? []), { key: 'dedicated', operator: 'Exists', value: 'kafka' }]));
  const spread = spec.topologySpreadConstraints?.[0];
  if (spread !== undefined) {
    add('range', 'spec.template.spec.topologySpreadConstraints[0].maxSkew 0', (s) => void (s.topologySpreadConstraints[0].maxSkew = 0));
    add('enum', 'spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable "Sometimes"', (s) => void (s.topologySpreadConstraints[0].whenUnsatisfiable = 'Sometimes'));
    add('core-rule', 'spec.template.spec.topologySpreadConstraints: the first constraint twice', (s) => void s.topologySpreadConstraints.push(structuredClone(s.topologySpreadConstraints[0])));
  }

  // More of ValidatePodSpec.
  add('core-rule', 'spec.template.spec.volumes: a volume with two sources', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'both', emptyDir: {}, configMap: { name: 'x' } }]));
  add('range', 'spec.template.spec.volumes: a secret with defaultMode 01000', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'mode', secret: { secretName: 'x', defaultMode: 0o1000 } }]));
  add('core-rule', 'spec.template.spec.volumes: a configMap item path with ".."', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'up', configMap: { name: 'x', items: [{ key: 'a', path: '../a' }] } }]));
  // The names volume sources require (validateSecretVolumeSource, validateConfigMapVolumeSource,
  // validateProjectionSources), on the library's own volumes where the pod has them.
  const secretVolume = (spec.volumes ?? []).findIndex((v: Json) => v.secret !== undefined);
  if (secretVolume >= 0) add('core-rule', `spec.template.spec.volumes[${secretVolume}].secret.secretName ""`, (s) => void (s.volumes[secretVolume].secret.secretName = ''));
  const configMapVolume = (spec.volumes ?? []).findIndex((v: Json) => v.configMap !== undefined);
  if (configMapVolume >= 0) add('core-rule', `spec.template.spec.volumes[${configMapVolume}].configMap without its name`, (s) => void delete s.volumes[configMapVolume].configMap.name);
  add('core-rule', 'spec.template.spec.volumes: a secret volume without secretName', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'nameless', secret: { defaultMode: 0o400 } }]));
  add('core-rule', 'spec.template.spec.volumes: a configMap item path "..data" (starts with "..")', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'reserved', configMap: { name: 'x', items: [{ key: 'a', path: '..data' }] } }]));
  add('core-rule', 'spec.template.spec.volumes: a projected Secret without a name', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'bundle', projected: { sources: [{ secret: { items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }]));
  add('core-rule', 'spec.template.spec.volumes: a projected ConfigMap named ""', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'bundle', projected: { sources: [{ configMap: { name: '' } }] } }]));
  add('core-rule', 'spec.template.spec.volumes: a projected source with a Secret and a ConfigMap', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'bundle', projected: { sources: [{ secret: { name: 'a' }, configMap: { name: 'b' } }] } }]));
  add('core-rule', 'spec.template.spec.volumes: two projected files at one path', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'bundle', projected: { sources: [{ secret: { name: 'a', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { configMap: { name: 'b', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }]));
  add('core-rule', 'spec.template.spec.volumes: a projected token of 60 seconds', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 60 } }] } }]));
  add('core-rule', 'spec.template.spec.volumes: a persistentVolumeClaim with claimName ""', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'claim', persistentVolumeClaim: { claimName: '' } }]));
  add('core-rule', 'spec.template.spec.volumes: an emptyDir with sizeLimit "-1Mi"', (s) => void (s.volumes = [...(s.volumes ?? []), { name: 'negative', emptyDir: { sizeLimit: '-1Mi' } }]));
  add('core-rule', `${container}.volumeMounts: an absolute subPath`, (s) => void (s.containers[0].volumeMounts = [...(s.containers[0].volumeMounts ?? []), { name: s.volumes?.[0]?.name ?? 'missing', mountPath: '/sub', subPath: '/etc' }]));
  add('core-rule', `${container}.env: a variable named "A=B"`, (s) => void (s.containers[0].env = [...(s.containers[0].env ?? []), { name: 'A=B', value: 'x' }]));
  add('core-rule', `${container}.env: valueFrom with no source`, (s) => void (s.containers[0].env = [...(s.containers[0].env ?? []), { name: 'EMPTY', valueFrom: {} }]));
  add('core-rule', `${container}.env: resourceFieldRef to "limits.gpu"`, (s) => void (s.containers[0].env = [...(s.containers[0].env ?? []), { name: 'GPU', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }]));
  add('core-rule', `${container}.resources: extended resource "example.com/gpu" of 0.5`, (s) => void (s.containers[0].resources = { ...s.containers[0].resources, limits: { ...s.containers[0].resources?.limits, 'example.com/gpu': '500m' }, requests: { ...s.containers[0].resources?.requests, 'example.com/gpu': '500m' } }));
  add('core-rule', `${container}.resources: extended resource requested without a limit`, (s) => void (s.containers[0].resources = { ...s.containers[0].resources, requests: { ...s.containers[0].resources?.requests, 'example.com/gpu': '1' } }));
  add('core-rule', `${container}.securityContext.privileged true (allowPrivilegeEscalation left out)`, (s) => {
    const { allowPrivilegeEscalation: _, ...rest } = s.containers[0].securityContext ?? {};
    s.containers[0].securityContext = { ...rest, privileged: true };
  });
  add('core-rule', `${container}.securityContext: CAP_SYS_ADMIN with allowPrivilegeEscalation false`, (s) => void (s.containers[0].securityContext = { ...s.containers[0].securityContext, allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } }));
  add('enum', `${container}.securityContext.procMount "Masked"`, (s) => void (s.containers[0].securityContext = { ...s.containers[0].securityContext, procMount: 'Masked' }));
  add('core-rule', `${container}.securityContext.seccompProfile: localhostProfile with RuntimeDefault`, (s) => void (s.containers[0].securityContext = { ...s.containers[0].securityContext, seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x.json' } }));
  add('core-rule', `${container}.readinessProbe with terminationGracePeriodSeconds`, (s) => void (s.containers[0].readinessProbe = { tcpSocket: { port: 9092 }, terminationGracePeriodSeconds: 10 }));
  add('core-rule', `${container}.livenessProbe.exec with no command`, (s) => void (s.containers[0].livenessProbe = { exec: { command: [] } }));
  add('enum', `${container}.livenessProbe.httpGet.scheme "TCP"`, (s) => void (s.containers[0].livenessProbe = { httpGet: { port: 8080, scheme: 'TCP' } }));
  add('range', `${container}.startupProbe.grpc.port 0`, (s) => void (s.containers[0].startupProbe = { grpc: { port: 0 } }));
  add('core-rule', `${container}.lifecycle.preStop with no handler`, (s) => void (s.containers[0].lifecycle = { preStop: {} }));
  add('core-rule', 'spec.template.spec.tolerations: tolerationSeconds with effect NoSchedule', (s) => void (s.tolerations = [...(s.tolerations ?? []), { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }]));
  add('core-rule', 'spec.template.spec.tolerations: an empty key with operator Equal', (s) => void (s.tolerations = [...(s.tolerations ?? []), { operator: 'Equal', value: 'x' }]));
  add('enum', 'spec.template.spec.tolerations: effect "NoRun"', (s) => void (s.tolerations = [...(s.tolerations ?? []), { key: 'dedicated', operator: 'Exists', effect: 'NoRun' }]));
  add('enum', 'spec.template.spec.securityContext.fsGroupChangePolicy "Sometimes"', (s) => void (s.securityContext = { ...s.securityContext, fsGroupChangePolicy: 'Sometimes' }));
  add('core-rule', 'spec.template.spec.topologySpreadConstraints: minDomains with ScheduleAnyway', (s) => void (s.topologySpreadConstraints = [...(s.topologySpreadConstraints ?? []), { maxSkew: 1, topologyKey: 'example.com/rack', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }]));
  add('core-rule', 'spec.template.spec.initContainers: one named like a container', (s) => void (s.initContainers = [{ name: s.containers[0].name, image: 'busybox' }]));

  // Workload spec.
  add('range', 'spec.replicas -1', (_, o) => void (o.spec.replicas = -1));
  add('range', 'spec.minReadySeconds -1', (_, o) => void (o.spec.minReadySeconds = -1));
  // ValidateStatefulSetSpec does not check revisionHistoryLimit.
  if (source.kind !== 'StatefulSet') add('range', 'spec.revisionHistoryLimit -1', (_, o) => void (o.spec.revisionHistoryLimit = -1));
  if (source.kind === 'Deployment') {
    add('enum', 'spec.strategy.type "RollingUpgrade"', (_, o) => void (o.spec.strategy = { type: 'RollingUpgrade' }));
    add('core-rule', 'spec.strategy Recreate with rollingUpdate', (_, o) => void (o.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }));
    add('core-rule', 'spec.strategy.rollingUpdate maxSurge and maxUnavailable both 0', (_, o) => void (o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }));
    add('range', 'spec.strategy.rollingUpdate.maxUnavailable "120%"', (_, o) => void (o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '120%' } }));
    add('core-rule', 'spec.progressDeadlineSeconds not above spec.minReadySeconds', (_, o) => { o.spec.minReadySeconds = 30; o.spec.progressDeadlineSeconds = 30; });
    add('core-rule', 'spec.minReadySeconds 600, not below the default progressDeadlineSeconds', (_, o) => { o.spec.minReadySeconds = 600; delete o.spec.progressDeadlineSeconds; });
    add('core-rule', 'spec.strategy.rollingUpdate.maxSurge "one"', (_, o) => void (o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'one' } }));
    add('core-rule', 'spec.template.spec.activeDeadlineSeconds in a Deployment', (s) => void (s.activeDeadlineSeconds = 60));
  }
  if (source.kind === 'StatefulSet') {
    add('enum', 'spec.podManagementPolicy "parallel" (case)', (_, o) => void (o.spec.podManagementPolicy = 'parallel'));
    add('enum', 'spec.updateStrategy.type "Rolling"', (_, o) => void (o.spec.updateStrategy = { type: 'Rolling' }));
    add('core-rule', 'spec.updateStrategy OnDelete with rollingUpdate', (_, o) => void (o.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } }));
    add('range', 'spec.updateStrategy.rollingUpdate.partition -1', (_, o) => void (o.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }));
    add('enum', 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted "Keep"', (_, o) => void (o.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' }));
    add('core-rule', 'spec.updateStrategy.rollingUpdate.maxUnavailable 0', (_, o) => void (o.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }));
    add('core-rule', 'spec.serviceName "Events_Brokers" (not a DNS-1123 label)', (_, o) => void (o.spec.serviceName = 'Events_Brokers'));
    if ((source.object.spec.volumeClaimTemplates ?? []).length > 0) {
      add('core-rule', 'spec.volumeClaimTemplates[0] without accessModes', (_, o) => void delete o.spec.volumeClaimTemplates[0].spec.accessModes);
      add('enum', 'spec.volumeClaimTemplates[0].spec.accessModes ["ReadWriteAll"]', (_, o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteAll']));
      add('core-rule', 'spec.volumeClaimTemplates[0] without a storage request', (_, o) => void (o.spec.volumeClaimTemplates[0].spec.resources = {}));
      add('core-rule', 'spec.volumeClaimTemplates[0] requesting 0 storage', (_, o) => void (o.spec.volumeClaimTemplates[0].spec.resources = { requests: { storage: '0' } }));
      add('core-rule', 'spec.volumeClaimTemplates[0].spec.accessModes ReadWriteOncePod with ReadWriteOnce', (_, o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOncePod', 'ReadWriteOnce']));
      add('core-rule', 'spec.volumeClaimTemplates[0].spec.storageClassName "Fast_SSD"', (_, o) => void (o.spec.volumeClaimTemplates[0].spec.storageClassName = 'Fast_SSD'));
    }
  }
  return out;
}
