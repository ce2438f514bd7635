import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { ioProblem } from '../core/io';
import { BundleIndex, readBundleFile } from './bundle';
import { OpenApiSchema } from './openapi';
import { QUANTITY } from './schema';
import { ResolvedSchema, SchemaRegistry } from './schema-registry';

/**
 * The validator's built-in schemas as JSON Schemas for kubeconform (github.com/yannh/kubeconform
 * v0.8.0), so that a platform team that runs kubeconform judges manifests by the same pinned
 * Kubernetes and CRD schemas as `cdk8s-kafka validate`, with no download.
 *
 * The files are "standalone-strict", as yannh/kubernetes-json-schema's `*-standalone-strict`
 * folders (openapi2jsonschema `--stand-alone --strict`) and kubeconform's CRD converter
 * (kubeconform v0.8.0 `scripts/openapi2jsonschema.py`) write them: `$ref`s inlined (only a
 * recursive definition, such as a CustomResourceDefinition's `JSONSchemaProps`, stays a local
 * `#/definitions/` reference) and `additionalProperties: false` on objects that declare
 * properties. Where that converter and the API server part ways, the files follow the API server
 * as `ManifestValidator` models it, so that kubeconform never rejects what the validator accepts:
 *
 * - an object that preserves unknown fields stays open (openapi2jsonschema.py
 *   `additional_properties` closes every object with `properties`, and leaves the root open unless
 *   `DENY_ROOT_ADDITIONAL_PROPERTIES` is set); the root is closed, and a CRD object that declares
 *   no properties too, as structural pruning with strict field validation makes them;
 * - `x-kubernetes-int-or-string` is `type: [integer, string]` (openapi2jsonschema.py
 *   `replace_int_or_string` rewrites only `format: int-or-string`, the OpenAPI v2 spelling, to a
 *   `oneOf` of the same two types); a Kubernetes `Quantity` is a number or a string;
 * - `null` is allowed where the API server takes it: on a `nullable` field, and on a field that
 *   is not `required` (and a map value), which the API server drops (openapi2jsonschema.py defines
 *   `allow_null_optional_fields`, null on every field of an object without a `required` list, but
 *   does not apply it, so its CRD schemas refuse null everywhere);
 * - `format` is left out: JSON Schema's formats are not the API server's, and kubeconform asserts
 *   them (santhosh-tekuri/jsonschema v6 does for draft 4): its `date-time` (RFC 3339) refuses
 *   `2026-01-02T03:04:05,5Z` and its `ipv4` leading zeros, which kube-openapi's strfmt accepts
 *   (formats.ts); a core `int32` field gets a `minimum` and `maximum` instead, as its Go decoder
 *   refuses larger numbers (core-rules.ts);
 * - the `required` entries the API server does not enforce on create (core-required.ts) are
 *   left out, and so is everything but unknown fields under a `status` the API server drops on
 *   create (a CRD's status subresource, a core kind's create strategy);
 * - `metadata` is the Kubernetes `ObjectMeta` (a CRD's schema says only `type: object`), and
 *   `apiVersion` and `kind` each have the one value the file is for: kubeconform picks a file by
 *   the lowercased kind, so without the enum `kind: deployment` would pass; an
 *   `x-kubernetes-embedded-resource` needs a non-empty `apiVersion` and `kind` and has ObjectMeta;
 * - an `x-kubernetes-list-type: set` of a CRD has `uniqueItems` (the API server rejects its
 *   duplicates; it only warns on a core kind's);
 * - the branches of `allOf`, `anyOf`, `oneOf` and `not` constrain values and never close an object.
 *
 * What JSON Schema cannot say is not checked by kubeconform: CEL rules (`x-kubernetes-validations`),
 * `x-kubernetes-list-type: map` keys, defaults, formats, and the Go rules of core kinds
 * (core-rules.ts), which the validator adds.
 */

/**
 * kubeconform's `-schema-location` template for the files, relative to their folder (the layout
 * of datreeio/CRDs-catalog: `apps/deployment_v1.json`, `v1/service_v1.json` for the core group).
 *
 * kubeconform fills `{{ .Group }}` with the apiVersion before its `/` (the whole apiVersion of the
 * core group), `{{ .ResourceKind }}` with the kind in lowercase and `{{ .ResourceAPIVersion }}` with
 * the version (github.com/yannh/kubeconform v0.8.0 pkg/registry/registry.go `schemaPath`). Its
 * default layout, `{{ .ResourceKind }}{{ .KindSuffix }}.json`, keeps only the first label of the
 * group (`gateway-networking-v1.json` is Istio's `networking.istio.io` Gateway), so a kind of another
 * group with that label would be judged by the wrong schema.
 */
export const KUBECONFORM_SCHEMA_LOCATION = '{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json';

/** A JSON Schema (draft 4) node. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One kind at one version, as a kubeconform schema. */
export interface KubeconformSchema {
  /** The file, relative to the schema folder, where {@link KUBECONFORM_SCHEMA_LOCATION} finds it: `apps/deployment_v1.json`. */
  readonly file: string;
  /** The apiVersion it is for: `apps/v1`. */
  readonly apiVersion: string;
  /** The kind it is for: `Deployment`. */
  readonly kind: string;
  /** The schema (draft 4, no `$ref` outside the file). */
  readonly schema: JsonSchema;
}

/**
 * The file {@link KUBECONFORM_SCHEMA_LOCATION} names for a kind, relative to the schema folder, as
 * kubeconform v0.8.0 pkg/registry/registry.go `schemaPath` fills the template.
 */
export function kubeconformSchemaFile(apiVersion: string, kind: string): string {
  const parts = apiVersion.split('/');
  return `${parts[0]}/${kind.toLowerCase()}_${parts[parts.length - 1]}.json`;
}

/**
 * Every kind and served version the validator knows (the Kubernetes kinds of the built-in schema
 * and every served version of the built-in CRDs) as a kubeconform schema, sorted by file.
 * @throws Error when two kinds would share a file (kinds that differ only in case), or a schema
 *   refers to a definition the Kubernetes schema lacks (a broken bundle).
 */
export function kubeconformSchemas(): KubeconformSchema[] {
  const registry = new SchemaRegistry();
  const index = readBundleFile<BundleIndex>('index.json');
  const out: KubeconformSchema[] = [];
  for (const key of [...Object.keys(index.kubernetes.kinds), ...Object.keys(index.crds)]) {
    const slash = key.lastIndexOf('/');
    const [group, kind] = [key.slice(0, slash), key.slice(slash + 1)];
    for (const version of registry.kind(group, kind)!.versions.filter((v) => v.served)) {
      const apiVersion = group === '' ? version.name : `${group}/${version.name}`;
      const file = kubeconformSchemaFile(apiVersion, kind);
      const resolved = registry.resolve(group, version.name, kind)!;
      out.push({ file, apiVersion, kind, schema: kubeconformSchema(resolved) });
    }
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  out.forEach((s, i) => {
    if (i > 0 && out[i - 1].file === s.file) throw new Error(`${out[i - 1].apiVersion} ${out[i - 1].kind} and ${s.apiVersion} ${s.kind} would share the kubeconform schema ${s.file}`);
  });
  return out;
}

/** What {@link writeKubeconformSchemas} wrote. */
export interface KubeconformSchemaFiles {
  /** The folder. */
  readonly directory: string;
  /** The files, relative to the folder, sorted. */
  readonly files: readonly string[];
  /** kubeconform's `-schema-location` for them: the folder joined to {@link KUBECONFORM_SCHEMA_LOCATION}. */
  readonly schemaLocation: string;
}

/**
 * Writes {@link kubeconformSchemas} under `directory` (created if missing; files of the same name
 * are replaced, others left alone), each as JSON with sorted keys, so the same package writes
 * the same bytes. Run kubeconform with `-schema-location` set to the result's `schemaLocation`.
 * @throws Error (one line) when `directory` is not a non-empty string, or a file cannot be written.
 */
export function writeKubeconformSchemas(directory: string): KubeconformSchemaFiles {
  if (typeof directory !== 'string' || directory === '') {
    throw new Error(`writeKubeconformSchemas: directory must be a folder path (got ${JSON.stringify(directory)})`);
  }
  try {
    mkdirSync(directory, { recursive: true });
  } catch (e) {
    throw new Error(`cannot create ${directory}: ${ioProblem(e)}`);
  }
  const schemas = kubeconformSchemas();
  for (const { file, schema } of schemas) {
    const path = join(directory, file);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${stableJson(schema)}\n`);
    } catch (e) {
      throw new Error(`cannot write ${path}: ${ioProblem(e)}`);
    }
  }
  return { directory, files: schemas.map((s) => s.file), schemaLocation: join(directory, KUBECONFORM_SCHEMA_LOCATION) };
}

/** JSON with every object's keys sorted. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One kind at one version, as a standalone-strict JSON Schema by the rules listed at the top of
 * this module: `resolved` is what `SchemaRegistry.resolve` returns, so a CRD given to the
 * registry converts too (`new SchemaRegistry(['crds/']).resolve('example.com', 'v1', 'Widget')`).
 * @throws Error when the schema refers to a definition the Kubernetes schema lacks.
 */
export function kubeconformSchema(resolved: ResolvedSchema): JsonSchema {
  const { info, version } = resolved;
  const apiVersion = info.group === '' ? version.name : `${info.group}/${version.name}`;
  // The Kubernetes definitions leave an object without properties open; a CRD's structural schema closes it.
  const converter = new Converter(resolved, resolved.context.closeEmptyObjects ? new Converter(resolved) : undefined);
  const root = converter.root(resolved.schema, { apiVersion, kind: info.kind, statusDropped: resolved.statusDroppedOnCreate });
  const definitions: Record<string, JsonSchema> = {};
  const pending = [...references(root)];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (definitions[key] !== undefined) continue;
    definitions[key] = converter.definition(key);
    pending.push(...references(definitions[key]));
  }
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    description: `${apiVersion} ${info.kind}, from ${info.source}; written by cdk8s-kafka for kubeconform`,
    ...root,
    ...(Object.keys(definitions).length > 0 ? { definitions } : {}),
  };
}

/** The local `#/definitions/` keys a converted schema refers to. */
function references(schema: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return found;
  seen.add(schema);
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') found.add(value.replace('#/definitions/', ''));
    else references(value, found, seen);
  }
  return found;
}

/**
 * How a node is converted: `full` checks everything; `branch` (inside `allOf`/`anyOf`/`oneOf`/`not`)
 * constrains values only, never unknown fields; `shape` (a `status` the API server drops on create)
 * checks only unknown fields, which its decoder still reports.
 */
type Mode = 'full' | 'branch' | 'shape';

/** The root of a kind: the values of `apiVersion` and `kind`, and whether `status` is dropped on create. */
interface Root {
  readonly apiVersion: string;
  readonly kind: string;
  readonly statusDropped: boolean;
}

/** The keywords that constrain a value and mean the same in OpenAPI (kube-openapi) and JSON Schema draft 4. */
const VALUE_KEYWORDS = [
  'enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties',
] as const;
const JUNCTORS = ['allOf', 'anyOf', 'oneOf', 'not'] as const;

/** Converts the OpenAPI nodes of one source: the Kubernetes definitions, or a CRD's schema. */
class Converter {
  /** Converted definitions by key (`<name>` in full mode, `<name>.<mode>` otherwise). */
  private readonly converted = new Map<string, JsonSchema>();
  /** The definitions being converted: one met again is recursive, and is referred to instead. */
  private readonly active = new Set<string>();

  /**
   * @param kubernetes The converter of the Kubernetes definitions, for the `metadata` (an
   *   ObjectMeta) of a CRD's resources; undefined when this one converts them.
   */
  public constructor(private readonly resolved: ResolvedSchema, private readonly kubernetes?: Converter) {}

  /** The root of a kind. */
  public root(schema: OpenApiSchema, root: Root): JsonSchema {
    const { node, name } = this.deref(schema);
    return this.node(node, 'full', name, root);
  }

  /** A recursive definition, by the key a local `$ref` names it with. */
  public definition(key: string): JsonSchema {
    const converted = this.converted.get(key) ?? this.kubernetes?.converted.get(key);
    if (converted === undefined) throw new Error(`no converted definition ${key}`);
    return converted;
  }

  /** Follows `$ref`s to the node, and names the last definition. */
  private deref(schema: OpenApiSchema): { node: OpenApiSchema; name?: string } {
    let node = schema;
    let name: string | undefined;
    while (node.$ref !== undefined) {
      name = node.$ref.replace('#/definitions/', '');
      const target = this.resolved.context.resolveRef(node.$ref);
      if (target === undefined) throw new Error(`the schema of ${this.resolved.info.kind} refers to ${node.$ref}, which it does not define`);
      node = target;
    }
    return { node, name };
  }

  private convert(schema: OpenApiSchema, mode: Mode): JsonSchema {
    const { node, name } = this.deref(schema);
    if (name === undefined) return this.node(node, mode, undefined);
    const key = mode === 'full' ? name : `${name}.${mode}`;
    const done = this.converted.get(key);
    if (done !== undefined) return done;
    if (this.active.has(key)) return { $ref: `#/definitions/${key}` };
    this.active.add(key);
    const out = this.node(node, mode, name);
    this.active.delete(key);
    this.converted.set(key, out);
    return out;
  }

  private node(node: OpenApiSchema, mode: Mode, definition: string | undefined, root?: Root): JsonSchema {
    if (node[QUANTITY] === true) return mode === 'shape' ? {} : { type: ['number', 'string'] };
    const core = this.kubernetes === undefined;
    const out: Record<string, unknown> = {};
    let required: string[] = [];
    if (mode !== 'shape') {
      const type = node['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : node.type;
      if (type !== undefined) out.type = type;
      for (const keyword of VALUE_KEYWORDS) if (node[keyword] !== undefined) out[keyword] = node[keyword];
      // kube-openapi checks multipleOf with a tolerance; JSON Schema libraries divide exactly, so only whole factors agree.
      if (Number.isInteger(node.multipleOf)) out.multipleOf = node.multipleOf;
      if (core && node.type === 'integer' && node.format === 'int32') {
        out.minimum ??= -(2 ** 31);
        out.maximum ??= 2 ** 31 - 1;
      }
      if (!core && node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
      for (const junctor of JUNCTORS) {
        const branches = node[junctor];
        if (Array.isArray(branches)) out[junctor] = branches.map((b: OpenApiSchema) => this.convert(b, 'branch'));
        else if (branches !== undefined) out[junctor] = this.convert(branches as OpenApiSchema, 'branch');
      }
      const unenforced = definition === undefined ? [] : this.resolved.context.unenforcedRequired?.[definition] ?? [];
      required = (node.required ?? []).filter((r) => !unenforced.includes(r));
    }
    if (node.items !== undefined) out.items = this.convert(node.items, mode);

    const properties: Record<string, JsonSchema> = {};
    for (const [name, child] of Object.entries(node.properties ?? {})) properties[name] = this.convert(child, mode);
    const resource = mode === 'full' && (root !== undefined || node['x-kubernetes-embedded-resource'] === true);
    if (resource) {
      properties.apiVersion = root === undefined ? { type: 'string', minLength: 1 } : { type: 'string', enum: [root.apiVersion] };
      properties.kind = root === undefined ? { type: 'string', minLength: 1 } : { type: 'string', enum: [root.kind] };
      properties.metadata = (this.kubernetes ?? this).convert(this.resolved.context.objectMeta, 'full');
      if (root?.statusDropped === true && node.properties?.status !== undefined) properties.status = this.convert(node.properties.status, 'shape');
      required = [...new Set([...required, 'apiVersion', 'kind'])].sort();
    }
    if (required.length > 0) out.required = required;
    if (node.properties !== undefined || resource) {
      // A field that is not required may be null: the API server drops it (a nullable one keeps it).
      out.properties = Object.fromEntries(Object.entries(properties).map(([name, child]) =>
        [name, mode !== 'shape' && !required.includes(name) ? orNull(child) : child]));
    }
    const extra = node.additionalProperties;
    if (typeof extra === 'object') out.additionalProperties = mode === 'shape' ? this.convert(extra, mode) : orNull(this.convert(extra, mode));
    const closed = mode !== 'branch' && node['x-kubernetes-preserve-unknown-fields'] !== true && extra === undefined
      && (node.properties !== undefined || resource || (!core && node.type === 'object'));
    if (closed) out.additionalProperties = false;
    return node.nullable === true && mode !== 'shape' ? orNull(out) : out;
  }
}

/** `schema`, or null. */
function orNull(schema: JsonSchema): JsonSchema {
  if (schema.$ref !== undefined || JUNCTORS.some((j) => schema[j] !== undefined)) return { anyOf: [{ type: 'null' }, schema] };
  const out: Record<string, unknown> = { ...schema };
  if (schema.type !== undefined) out.type = [...new Set([schema.type, 'null'].flat())];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}
