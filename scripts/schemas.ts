// Writes the manifest validator's built-in schemas (schemas/) from the pinned upstream CRDs and
// Kubernetes schema, so that an installed package validates with no setup and no network.
//
// Only what validation needs is kept (types, fields, defaults, value constraints, list types,
// CEL rules); descriptions are dropped. Each CRD becomes one JSON file; the Kubernetes
// definitions one more; `index.json` lists every kind, its scope and its versions, so that
// a run parses only the schemas of the kinds it meets.
//
// usage: node --import tsx scripts/schemas.ts [OUTDIR]   (default: schemas/; $CDK8S_KAFKA_CRDS overrides ../shared/crds)
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
const [definitionsFile] = readdirSync(join(crds, 'kubernetes')).filter((f) => /^_definitions-v[\d.]+\.json$/.test(f));
const definitions = (JSON.parse(readFileSync(join(crds, 'kubernetes', definitionsFile), 'utf8')) as { definitions: Record<string, OpenApiSchema> }).definitions;
const stripped: Record<string, OpenApiSchema> = {};
for (const [name, definition] of Object.entries(definitions)) {
  stripped[name] = strip(definition, name);
  for (const gvk of (definition['x-kubernetes-group-version-kind'] ?? []) as Array<{ group: string; version: string; kind: string }>) {
    (index.kubernetes.kinds[`${gvk.group}/${gvk.kind}`] ??= {})[gvk.version] = name;
  }
}
index.kubernetes.version = /^_definitions-v([\d.]+)\.json$/.exec(definitionsFile)![1];
index.kubernetes.definitions = 'kubernetes.json';
writeFileSync(join(output, 'kubernetes.json'), `${JSON.stringify(stripped)}\n`);

writeFileSync(join(output, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
console.error(`${basename(output)}/: ${Object.keys(index.crds).length} CRD kinds, ${Object.keys(index.kubernetes.kinds).length} Kubernetes ${index.kubernetes.version} kinds`);
