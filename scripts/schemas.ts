// Writes the manifest validator's built-in schemas (schemas/) from the pinned upstream CRDs and
// Kubernetes schema, so that an installed package validates with no setup and no network.
//
// Only what validation needs is kept (types, fields, defaults, value constraints, list types,
// CEL rules); descriptions are dropped. Each CRD becomes one JSON file; the Kubernetes
// definitions one more; `index.json` lists every kind, its scope and its versions, so that
// a run parses only the schemas of the kinds it meets.
//
// The CRDs come from ../shared/crds. The Kubernetes definitions come from the Go module
// k8s.io/kubernetes at the version tools/kube/go.mod pins (the release of the tests' real API
// server), fetched with `go mod download` and checked against tools/kube/go.sum: `go` must be on PATH.
//
// usage: node --import tsx scripts/schemas.ts [OUTDIR]   (default: schemas/; $CDK8S_KAFKA_CRDS overrides ../shared/crds)
import { execFileSync } from 'child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { basename, join, relative, resolve } from 'path';
import { RE2JS } from '@bufbuild/re2';
import { parseAllDocuments } from 'yaml';
import type { BundleIndex, BundleCrd } from '../src/policy/bundle';
import { parsedExpression } from '../src/policy/cel';
import type { OpenApiSchema } from '../src/policy/openapi';

const root = resolve(__dirname, '..');
const crds = resolve(process.env.CDK8S_KAFKA_CRDS ?? join(root, '..', 'shared', 'crds'));
const output = resolve(process.argv[2] ?? join(root, 'schemas'));

/** Keywords that carry a value or a rule: everything else (descriptions, examples, patch strategies) is dropped. */
const KEPT = new Set([
  'type', 'format', 'nullable', 'enum', 'required', 'default', '$ref', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-validations',
]);

/** Keeps the keywords validation reads, recursing into sub-schemas; checks every pattern is valid RE2. */
function strip(node: OpenApiSchema, where: string): OpenApiSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (KEPT.has(key)) out[key] = value;
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, OpenApiSchema>).map(([k, v]) => [k, strip(v, `${where}.${k}`)]));
    else if (key === 'items' || key === 'not') out[key] = strip(value as OpenApiSchema, `${where}[]`);
    else if (key === 'additionalProperties') out[key] = typeof value === 'object' ? strip(value as OpenApiSchema, `${where}[*]`) : value;
    else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') out[key] = (value as OpenApiSchema[]).map((v) => strip(v, where));
  }
  if (typeof out.pattern === 'string') {
    try {
      new RE2JS(out.pattern);
    } catch (e) {
      throw new Error(`${where}: pattern ${JSON.stringify(out.pattern)} is not valid RE2: ${(e as Error).message}`);
    }
  }
  return out as OpenApiSchema;
}

/** The project and release each CRD folder comes from, read from SOURCES.md's "Versions" table. */
function releases(): Map<string, string> {
  const sources = readFileSync(join(crds, 'SOURCES.md'), 'utf8');
  return new Map([...sources.matchAll(/^\| ([\w-]+) \| ([\w-]+\/[\w.-]+) \| (v?[\w.-]+) \|/gm)].map((m) => [m[1], `${m[2]}@${m[3]}`]));
}

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).sort().flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

interface CrdManifest {
  metadata: { name: string };
  spec: {
    group: string;
    names: { kind: string };
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string; served: boolean; deprecated?: boolean; deprecationWarning?: string;
      subresources?: { status?: object }; schema?: { openAPIV3Schema?: OpenApiSchema };
    }>;
  };
}

/** Every CEL rule and message expression of the schemas, parsed ahead of time (source → binary ParsedExpr, base64), so a run need not parse them. */
function parsedRules(schemas: BundleCrd['versions']): Record<string, string> {
  const sources = new Set<string>();
  JSON.stringify(schemas, (key, value: unknown) => {
    if (key === 'x-kubernetes-validations') {
      for (const rule of value as Array<{ rule: string; messageExpression?: string }>) {
        sources.add(rule.rule);
        if (rule.messageExpression !== undefined) sources.add(rule.messageExpression);
      }
    }
    return value;
  });
  const parsed: Record<string, string> = {};
  for (const source of [...sources].sort()) {
    try {
      parsed[source] = parsedExpression(source);
    } catch {
      // Left to parse at run time, which reports the problem on the documents it concerns.
    }
  }
  return parsed;
}

const index: BundleIndex = { kubernetes: { version: '', definitions: '', kinds: {} }, crds: {} };
rmSync(output, { recursive: true, force: true });
mkdirSync(join(output, 'crd'), { recursive: true });

const release = releases();
for (const file of yamlFiles(crds)) {
  const project = relative(crds, file).split('/')[0];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = doc.toJS() as CrdManifest | null;
    if (crd === null || (crd as unknown as { kind?: string }).kind !== 'CustomResourceDefinition') continue;
    const { group, names, scope, versions } = crd.spec;
    const schemas: BundleCrd['versions'] = {};
    const seen = new Map<string, string>();
    for (const v of versions) {
      if (v.schema?.openAPIV3Schema === undefined) continue;
      const text = JSON.stringify(strip(v.schema.openAPIV3Schema, `${crd.metadata.name} ${v.name}`));
      // Versions with identical schemas (Istio serves v1, v1beta1 and v1alpha3 alike) are stored once.
      schemas[v.name] = seen.get(text) ?? (JSON.parse(text) as OpenApiSchema);
      if (!seen.has(text)) seen.set(text, v.name);
    }
    const path = `crd/${crd.metadata.name}.json`;
    writeFileSync(join(output, path), `${JSON.stringify({ versions: schemas, cel: parsedRules(schemas) })}\n`);
    index.crds[`${group}/${names.kind}`] = {
      file: path,
      source: `${release.get(project) ?? project} ${relative(crds, file)}`,
      namespaced: scope === 'Namespaced',
      versions: versions.map((v) => ({
        name: v.name,
        served: v.served,
        deprecated: v.deprecated === true,
        ...(v.deprecationWarning !== undefined ? { deprecationWarning: v.deprecationWarning } : {}),
        ...(v.subresources?.status !== undefined ? { statusSubresource: true } : {}),
      })),
    };
  }
}

// The Kubernetes definitions: one file, and the kinds they serve (group/Kind → version → definition).
//
// Source: `api/openapi-spec/swagger.json` (OpenAPI v2) of k8s.io/kubernetes, not the v3 spec
// (`api/openapi-spec/v3/*.json`). For every definition the two carry the same types, `required`
// lists, enums, bounds, list types and map keys; v3 only adds `default`s, which for built-in types
// are openapi-gen's `+default` markers and Go zero values (`port: 0`, `{}` for structs), not what
// kube-apiserver applies (its Go defaulting functions). Applying them would make a missing required
// field look present, so the v2 definitions, which have none, are what validation needs. They are
// the shape of the cdk8s `_definitions` snapshot used before (v1.32.0): `x-kubernetes-group-version-kind`
// on each kind, list types and map keys as written, patch strategies and unions dropped by `strip`.
// One difference: IntOrString is `{type: string, format: int-or-string}` (the snapshot had a
// `oneOf`), rewritten below. Quantity is `{type: string}`; the validator replaces it on load
// (schema-registry.ts `withQuantity`).
const kube = resolve(root, 'tools', 'kube');
const pinned = /^\s*k8s\.io\/kubernetes\s+(v\d+\.\d+\.\d+)\s*$/m.exec(readFileSync(join(kube, 'go.mod'), 'utf8'))?.[1];
if (pinned === undefined) throw new Error(`${relative(root, join(kube, 'go.mod'))} does not require k8s.io/kubernetes at a release version`);
let download: string;
try {
  download = execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${pinned}`], { cwd: kube, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (e) {
  const err = e as { code?: string; stdout?: string; stderr?: string; message: string };
  if (err.code === 'ENOENT') throw new Error('go is not on PATH: the Kubernetes schema is read from the Go module k8s.io/kubernetes (go mod download)');
  throw new Error(`go mod download k8s.io/kubernetes@${pinned} failed: ${(err.stdout ?? '') + (err.stderr ?? '') || err.message}`);
}
const kubernetes = JSON.parse(download) as { Version?: string; Dir?: string; Error?: string };
if (kubernetes.Error !== undefined || kubernetes.Dir === undefined || kubernetes.Version !== pinned) {
  throw new Error(`go mod download k8s.io/kubernetes@${pinned}: ${kubernetes.Error ?? `no module directory (${download.trim()})`}`);
}
const swagger = JSON.parse(readFileSync(join(kubernetes.Dir, 'api', 'openapi-spec', 'swagger.json'), 'utf8')) as { definitions: Record<string, OpenApiSchema> };

/** IntOrString as the validator reads it (and as structural schemas write it): integer or string, nothing else. */
function intOrString(node: OpenApiSchema): OpenApiSchema {
  if (node.format !== 'int-or-string') return node;
  const { type: _type, format: _format, ...rest } = node;
  return { ...rest, 'x-kubernetes-int-or-string': true };
}

const stripped: Record<string, OpenApiSchema> = {};
for (const [name, definition] of Object.entries(swagger.definitions)) {
  stripped[name] = intOrString(strip(definition, name));
  for (const gvk of (definition['x-kubernetes-group-version-kind'] ?? []) as Array<{ group: string; version: string; kind: string }>) {
    (index.kubernetes.kinds[`${gvk.group}/${gvk.kind}`] ??= {})[gvk.version] = name;
  }
}
index.kubernetes.version = pinned.replace(/^v/, '');
index.kubernetes.definitions = 'kubernetes.json';
writeFileSync(join(output, 'kubernetes.json'), `${JSON.stringify(stripped)}\n`);

writeFileSync(join(output, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
console.error(`${basename(output)}/: ${Object.keys(index.crds).length} CRD kinds, ${Object.keys(index.kubernetes.kinds).length} Kubernetes ${index.kubernetes.version} kinds`);
