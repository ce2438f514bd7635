// The validator's schemas as kubeconform schemas (src/policy/kubeconform.ts, `cdk8s-kafka schemas
// --kubeconform`), and the validator against kubeconform itself (the pinned binary of
// tools/lint/kubeconform) with those schemas: on the validator's corpus, on every mutation of dist/
// that test/kube/mutations.ts derives, and on dist/ as it is. Every document kubeconform rejects,
// the validator must reject too; the counts per class are kept in kubeconform-comparison.md.
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { stringify } from 'yaml';
import { ManifestValidator, SchemaRegistry } from '../../src/policy';
import { BundleIndex, readBundleFile } from '../../src/policy/bundle';
import {
  JsonSchema, KUBECONFORM_SCHEMA_LOCATION, kubeconformSchema, kubeconformSchemaFile, kubeconformSchemas, writeKubeconformSchemas,
} from '../../src/policy/kubeconform';
import { deriveMutations, distDocuments, MUTATION_CLASSES } from '../kube/mutations';
import { lintTool, lintToolVersion } from '../lint-tools';

jest.setTimeout(5 * 60 * 1000);

/** Writes past jest's console decoration: the table is a report. */
const report = (text: string) => process.stdout.write(`${text}\n`);

const ROOT = resolve(__dirname, '..', '..');
const COMPARISON = join(__dirname, 'kubeconform-comparison.md');
const CORPUS = join(__dirname, 'corpus');
const work = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-kubeconform-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The node of a converted schema at `path` (keywords and property names). */
function at(schema: JsonSchema, ...path: string[]): any {
  return path.reduce<any>((node, key) => node?.[key], schema);
}
const props = (schema: JsonSchema, ...names: string[]): any => names.reduce<any>((node, name) => node?.properties?.[name] ?? node?.items?.properties?.[name], schema);

// A CRD with each construct the conversion treats apart, for the unit tests and the probes.
const widgetCrd = join(work, 'widgets.yaml');
writeFileSync(widgetCrd, stringify({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [{
      name: 'v1',
      served: true,
      storage: true,
      subresources: { status: {} },
      schema: {
        openAPIV3Schema: {
          type: 'object',
          required: ['spec'],
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            metadata: { type: 'object' },
            spec: {
              type: 'object',
              required: ['size'],
              properties: {
                size: { type: 'integer', minimum: 1, format: 'int32' },
                mode: { type: 'string', enum: ['A', 'B'] },
                count: { type: 'integer', nullable: true },
                since: { type: 'string', format: 'date-time' },
                open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
                closed: { type: 'object' },
                tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
                port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
                choice: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] },
                template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { data: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
              },
            },
            status: { type: 'object', properties: { phase: { type: 'string' } } },
          },
        },
      },
    }],
  },
}));
const widgetRegistry = new SchemaRegistry([widgetCrd]);
const widget = kubeconformSchema(widgetRegistry.resolve('example.com', 'v1', 'Widget')!);
const registry = new SchemaRegistry();
const deployment = kubeconformSchema(registry.resolve('apps', 'v1', 'Deployment')!);

describe('kubeconform schemas', () => {
  const schemas = kubeconformSchemas();

  test('one per served version of every kind the validator knows, sorted by file, where kubeconform looks', () => {
    const index = readBundleFile<BundleIndex>('index.json');
    const expected = [
      ...Object.entries(index.kubernetes.kinds).flatMap(([key, versions]) => Object.keys(versions).map((v) => [key, v])),
      ...Object.entries(index.crds).flatMap(([key, crd]) => crd.versions.filter((v) => v.served).map((v) => [key, v.name])),
    ].map(([key, version]) => {
      const [group, kind] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
      return `${group === '' ? version : `${group}/${version}`} ${kind}`;
    });
    expect(schemas.map((s) => `${s.apiVersion} ${s.kind}`).sort()).toEqual(expected.sort());
    expect(schemas.map((s) => s.file)).toEqual(schemas.map((s) => s.file).sort());
    // kubeconform v0.8.0 pkg/registry/registry.go: Group is the apiVersion before "/", the whole of it for the core group.
    expect(KUBECONFORM_SCHEMA_LOCATION).toBe('{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json');
    expect(kubeconformSchemaFile('apps/v1', 'Deployment')).toBe('apps/deployment_v1.json');
    expect(kubeconformSchemaFile('v1', 'Service')).toBe('v1/service_v1.json');
    expect(kubeconformSchemaFile('networking.istio.io/v1', 'Gateway')).not.toBe(kubeconformSchemaFile('gateway.networking.k8s.io/v1', 'Gateway'));
  });

  test('are written deterministically: sorted keys, the same bytes every time', () => {
    const [a, b] = [join(work, 'det-a'), join(work, 'det-b')];
    const written = writeKubeconformSchemas(a);
    writeKubeconformSchemas(b);
    expect(written.files).toEqual(schemas.map((s) => s.file));
    expect(written.schemaLocation).toBe(join(a, KUBECONFORM_SCHEMA_LOCATION));
    for (const file of written.files) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
    const text = readFileSync(join(a, 'apps/deployment_v1.json'), 'utf8');
    expect(Object.keys(JSON.parse(text))).toEqual(['$schema', 'additionalProperties', 'description', 'properties', 'required', 'type']);
    expect(() => writeKubeconformSchemas('')).toThrow(/directory must be a folder path/);
    expect(() => writeKubeconformSchemas(join(a, 'apps', 'deployment_v1.json', 'x'))).toThrow(/^cannot create .*deployment_v1\.json\/x: not a directory$/);
  });

  test('a root pins apiVersion and kind (kubeconform picks the file by the lowercased kind), closes the object, and has ObjectMeta', () => {
    expect(at(deployment, '$schema')).toBe('http://json-schema.org/draft-04/schema#');
    expect(props(deployment, 'apiVersion')).toEqual({ type: 'string', enum: ['apps/v1'] });
    expect(props(deployment, 'kind')).toEqual({ type: 'string', enum: ['Deployment'] });
    expect(at(deployment, 'required')).toEqual(['apiVersion', 'kind', 'spec']);
    expect(at(deployment, 'additionalProperties')).toBe(false);
    expect(at(props(deployment, 'metadata', 'labels'), 'additionalProperties')).toEqual({ type: ['string', 'null'] });
    expect(props(widget, 'metadata')).toEqual(props(deployment, 'metadata'));
    expect(props(widget, 'metadata', 'name')).toEqual({ type: ['string', 'null'] });
  });

  test('core kinds: refs inlined, IntOrString and Quantity, int32 bounds, null for optional fields only, unenforced required left out', () => {
    expect(JSON.stringify(deployment)).not.toMatch(/\$ref/);
    expect(props(deployment, 'spec', 'replicas')).toEqual({ type: ['integer', 'null'], minimum: -(2 ** 31), maximum: 2 ** 31 - 1 });
    expect(props(deployment, 'spec', 'strategy', 'rollingUpdate', 'maxSurge')).toEqual({ type: ['integer', 'string', 'null'] });
    expect(at(props(deployment, 'spec', 'template', 'spec', 'containers', 'resources', 'limits'), 'additionalProperties')).toEqual({ type: ['number', 'string', 'null'] });
    expect(props(deployment, 'spec', 'template', 'spec', 'containers', 'name')).toEqual({ type: 'string' });
    expect(props(deployment, 'spec', 'template', 'spec', 'containers').items.required).toEqual(['name']);
    expect(props(deployment, 'spec', 'template', 'spec', 'containers', 'image')).toEqual({ type: ['string', 'null'] });
    const statefulSet = kubeconformSchema(registry.resolve('apps', 'v1', 'StatefulSet')!);
    expect(props(statefulSet, 'spec').required).toEqual(['selector', 'template']); // serviceName: core-required.ts
    const networkPolicy = kubeconformSchema(registry.resolve('networking.k8s.io', 'v1', 'NetworkPolicy')!);
    expect(props(networkPolicy, 'spec').required).toBeUndefined();
  });

  test('a status the API server drops on create is checked for unknown fields only', () => {
    expect(props(deployment, 'status', 'replicas')).toEqual({});
    expect(props(deployment, 'status').additionalProperties).toBe(false);
    expect(props(widget, 'status')).toEqual({ additionalProperties: false, properties: { phase: {} } });
  });

  test('CRDs: open where unknown fields are preserved, closed empty objects, nullable, sets, int-or-string, branches, embedded resources, no formats', () => {
    expect(props(widget, 'spec', 'open')).toEqual({ type: ['object', 'null'], properties: { a: { type: ['string', 'null'] } } });
    expect(props(widget, 'spec', 'closed')).toEqual({ type: ['object', 'null'], additionalProperties: false });
    expect(props(widget, 'spec', 'count')).toEqual({ type: ['integer', 'null'] });
    expect(props(widget, 'spec', 'size')).toEqual({ type: 'integer', minimum: 1 });
    expect(props(widget, 'spec', 'mode')).toEqual({ type: ['string', 'null'], enum: ['A', 'B', null] });
    expect(props(widget, 'spec', 'since')).toEqual({ type: ['string', 'null'] });
    expect(props(widget, 'spec', 'tags')).toEqual({ type: ['array', 'null'], items: { type: 'string' }, uniqueItems: true });
    expect(props(widget, 'spec', 'port')).toEqual({ anyOf: [{ type: 'null' }, { type: ['integer', 'string'], anyOf: [{ type: 'integer' }, { type: 'string' }] }] });
    expect(props(widget, 'spec', 'choice').anyOf[1].oneOf).toEqual([{ required: ['a'] }, { required: ['b'] }]);
    const template = props(widget, 'spec', 'template');
    expect(template.required).toEqual(['apiVersion', 'kind']);
    expect(template.properties.kind).toEqual({ type: 'string', minLength: 1 });
    expect(template.properties.metadata).toEqual(props(deployment, 'metadata'));
    expect(template.additionalProperties).toBe(false);
  });

  test('a recursive definition stays a local reference, defined in the file', () => {
    const crd = kubeconformSchema(registry.resolve('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition')!);
    const props3 = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';
    expect(Object.keys(at(crd, 'definitions'))).toEqual([props3]);
    expect(at(crd, 'definitions', props3, 'properties', 'allOf', 'items')).toEqual({ $ref: `#/definitions/${props3}` });
  });
});

// ---------------------------------------------------------------------------------------------
// kubeconform itself

let binary: string | undefined;
let setupProblem: string | undefined;
try {
  binary = lintTool('kubeconform')?.path;
  if (binary === undefined) setupProblem = 'go is not on PATH, so tools/lint/kubeconform cannot be built';
} catch (e) {
  setupProblem = (e as Error).message;
}

/** kubeconform's verdict on each document of each file, by file. */
type Results = Map<string, Array<{ status: string; msg: string; errors: string[] }>>;

/** Runs kubeconform as the README says (strict, missing schemas skipped) over `paths`. */
function kubeconform(schemaLocation: string, paths: readonly string[]): { results: Results; summary: Record<string, number> } {
  const run = spawnSync(binary!, ['-strict', '-ignore-missing-schemas', '-summary', '-verbose', '-output', 'json', '-schema-location', schemaLocation, ...paths], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.error !== undefined || run.stderr !== '' || (run.status !== 0 && run.status !== 1)) {
    throw new Error(`kubeconform failed (${run.status}): ${run.error?.message ?? run.stderr}`);
  }
  const output = JSON.parse(run.stdout) as { resources: Array<{ filename: string; status: string; msg: string; validationErrors?: Array<{ path: string; msg: string }> }>; summary: Record<string, number> };
  const results: Results = new Map();
  for (const r of output.resources) {
    if (!results.has(r.filename)) results.set(r.filename, []);
    results.get(r.filename)!.push({ status: r.status, msg: r.msg, errors: (r.validationErrors ?? []).map((e) => `${e.path}: ${e.msg}`) });
  }
  return { results, summary: output.summary };
}

const rejects = (verdicts: Results extends Map<string, infer V> ? V | undefined : never): boolean =>
  (verdicts ?? []).some((v) => v.status === 'statusInvalid' || v.status === 'statusError');

if (setupProblem !== undefined) {
  if (process.env.CI === 'true') {
    test('the validator catches every document kubeconform rejects', () => {
      throw new Error(`${setupProblem}: CI must compare the validator with kubeconform (tools/lint/kubeconform)`);
    });
  } else {
    report(`skipped the kubeconform comparison: ${setupProblem}`);
    test.skip('the validator catches every document kubeconform rejects (needs go)', () => undefined);
  }
} else {
  describe(`kubeconform ${lintToolVersion('kubeconform')} with the written schemas`, () => {
    const schemaLocation = writeKubeconformSchemas(join(work, 'schemas')).schemaLocation;

    test('probes: each conversion rule gives the verdict the validator gives; a duplicate YAML key is the one known difference', () => {
      const folder = join(work, 'probes');
      mkdirSync(folder);
      mkdirSync(join(work, 'schemas', 'example.com'));
      writeFileSync(join(work, 'schemas', kubeconformSchemaFile('example.com/v1', 'Widget')), JSON.stringify(widget));
      const base = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'ns' } };
      const spec = (extra: object) => ({ ...base, spec: { size: 1, ...extra } });
      const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } } } };
      const withReplicas = (replicas: unknown) => ({ ...deploy, spec: { ...deploy.spec, replicas } });
      // A document (an object, or YAML as written) and the verdicts: the same for both tools, or each's.
      type Verdict = 'accept' | 'reject';
      const probes: Record<string, [object | string, Verdict | { validator: Verdict; kubeconform: Verdict }]> = {
        'nullable-null': [spec({ count: null }), 'accept'],
        'optional-null': [spec({ mode: null }), 'accept'],
        'required-null': [{ ...base, spec: { size: null } }, 'reject'],
        'enum': [spec({ mode: 'C' }), 'reject'],
        'preserved-unknown': [spec({ open: { a: 'x', other: 1 } }), 'accept'],
        'closed-empty-object': [spec({ closed: { x: 1 } }), 'reject'],
        'set-duplicate': [spec({ tags: ['a', 'a'] }), 'reject'],
        'int-or-string': [spec({ port: 'http' }), 'accept'],
        'int-or-string-bool': [spec({ port: true }), 'reject'],
        'one-of-both': [spec({ choice: { a: 1, b: 2 } }), 'reject'],
        'one-of-one': [spec({ choice: { a: 1 } }), 'accept'],
        'date-time-comma-fraction': [spec({ since: '2026-01-02T03:04:05,5Z' }), 'accept'],
        'embedded-resource': [spec({ template: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: 1 } } }), 'accept'],
        'embedded-resource-no-kind': [spec({ template: { apiVersion: 'v1' } }), 'reject'],
        'status-dropped': [{ ...spec({}), status: { phase: 3 } }, 'accept'],
        'status-unknown-field': [{ ...spec({}), status: { bogus: 1 } }, 'reject'],
        'kind-lowercase': [{ ...spec({}), kind: 'widget' }, 'reject'],
        'core-valid': [deploy, 'accept'],
        'core-null-replicas': [withReplicas(null), 'accept'],
        'core-float-replicas': [withReplicas(1.5), 'reject'],
        'core-int32-overflow': [withReplicas(2 ** 31), 'reject'],
        'core-quantity-number': [{ ...deploy, spec: { ...deploy.spec, template: { ...deploy.spec.template, spec: { containers: [{ name: 'c', image: 'i:1', resources: { limits: { cpu: 0.5 } } }] } } } }, 'accept'],
        'core-status-dropped': [{ ...deploy, status: { replicas: 'x' } }, 'accept'],
        'core-unenforced-required': [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n', namespace: 'ns' }, spec: {} }, 'accept'],
        'core-kind-lowercase': [{ ...deploy, kind: 'deployment' }, 'reject'],
        'core-metadata-unknown': [{ ...deploy, metadata: { ...deploy.metadata, labelz: {} } }, 'reject'],
        'core-map-value-null': ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ns, labels: {x: null}}\ndata: {a: null, 1: b}\n', 'accept'],
        // kubeconform -strict decodes with sigs.k8s.io/yaml UnmarshalStrict; kubectl keeps the last value, and the validator warns.
        'yaml-duplicate-key': ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ns}\ndata: {a: b}\ndata: {c: d}\n', { validator: 'accept', kubeconform: 'reject' }],
      };
      const file = (name: string) => join(folder, `${name}.${typeof probes[name][0] === 'string' ? 'yaml' : 'json'}`);
      for (const [name, [document]] of Object.entries(probes)) writeFileSync(file(name), typeof document === 'string' ? document : JSON.stringify(document));
      const { results } = kubeconform(schemaLocation, [folder]);
      const validator = new ManifestValidator({ crds: [widgetCrd] });
      const expected = Object.entries(probes).map(([name, [, verdict]]) => {
        const { validator: ours, kubeconform: theirs } = typeof verdict === 'string' ? { validator: verdict, kubeconform: verdict } : verdict;
        return `${name}: validator ${ours}s, kubeconform ${theirs}s`;
      });
      expect(Object.keys(probes).map((name) => {
        const ours = validator.validatePaths([file(name)]).errors > 0 ? 'reject' : 'accept';
        return `${name}: validator ${ours}s, kubeconform ${rejects(results.get(file(name))) ? 'reject' : 'accept'}s`;
      })).toEqual(expected);
    });

    describe('on the corpus, the mutations of dist/ and dist/ itself', () => {
      /** One document both tools judge, in a row of the table. */
      interface Judged {
        readonly row: string;
        readonly what: string;
        readonly core: boolean;
        readonly validator: string[];
        readonly kubeconform: { rejects: boolean; message: string };
      }
      let judged: Judged[];
      let dist: { results: Results; summary: Record<string, number> };
      let leftOut: string;
      const timings: string[] = [];

      beforeAll(() => {
        let started = Date.now();
        const lap = (what: string) => {
          timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
          started = Date.now();
        };
        const documents = distDocuments();
        const known = (d: { group: string; kind: string }) => registry.kind(d.group, d.kind) !== undefined;
        const mutations = deriveMutations(documents, registry);
        lap(`${mutations.length} mutations derived`);

        // Every document as its own file, as both tools read it: the mutations and dist/'s objects as JSON, the corpus as written.
        const folder = join(work, 'documents');
        mkdirSync(folder);
        const inputs: Array<{ row: string; what: string; core: boolean; file: string }> = [];
        mutations.filter((m) => known(m.source)).forEach((m, i) => {
          const file = join(folder, `mutation-${i}.json`);
          writeFileSync(file, JSON.stringify(m.object));
          inputs.push({ row: `mutations: ${m.class}`, what: `${m.source.kind} ${m.source.namespace ?? '-'}/${m.source.name} (${m.source.file}): ${m.description}`, core: registry.isKubernetesKind(m.source.group, m.source.kind), file });
        });
        documents.filter(known).forEach((d, i) => {
          const file = join(folder, `dist-${i}.json`);
          writeFileSync(file, JSON.stringify(d.object));
          inputs.push({ row: 'dist/ objects as they are', what: `${d.kind} ${d.namespace ?? '-'}/${d.name} (${d.file})`, core: registry.isKubernetesKind(d.group, d.kind), file });
        });
        for (const part of ['valid', 'invalid', 'suspect']) {
          for (const name of readdirSync(join(CORPUS, part)).filter((f) => f.endsWith('.yaml')).sort()) {
            const file = join(folder, `corpus-${part}-${name}`);
            copyFileSync(join(CORPUS, part, name), file);
            inputs.push({ row: `corpus: ${part}`, what: `${part}/${name}`, core: false, file });
          }
        }
        const unknownKinds = [...new Set(documents.filter((d) => !known(d)).map((d) => `${d.apiVersion} ${d.kind}`))].sort();
        leftOut = `${mutations.filter((m) => !known(m.source)).length} mutations of the ${documents.filter((d) => !known(d)).length} objects of dist/ whose kind neither tool has a schema for (${unknownKinds.join(', ')}): the validator warns, kubeconform skips them`;
        lap(`${inputs.length} files written`);

        const validator = new ManifestValidator();
        const ours = inputs.map((input) => validator.validatePaths([input.file]).findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`));
        lap('validator');
        const theirs = kubeconform(schemaLocation, [folder]).results;
        dist = kubeconform(schemaLocation, [join(ROOT, 'dist')]);
        lap('kubeconform');
        judged = inputs.map((input, i) => {
          const verdicts = theirs.get(input.file);
          if (verdicts === undefined) throw new Error(`kubeconform said nothing about ${input.file} (${input.what})`);
          const message = verdicts.map((v) => [v.msg, ...v.errors].filter((m) => m !== '').join('; ')).filter((m) => m !== '').join(' | ');
          return { row: input.row, what: input.what, core: input.core, validator: ours[i], kubeconform: { rejects: rejects(verdicts), message } };
        });
      });

      test('kubeconform accepts every object of dist/, skipping only kinds the validator has no schema for either', () => {
        expect({ invalid: dist.summary.invalid, errors: dist.summary.errors }).toEqual({ invalid: 0, errors: 0 });
        const skipped = [...dist.results].flatMap(([file, verdicts]) => verdicts.filter((v) => v.status === 'statusSkipped').map(() => file));
        const judgedByValidator = new ManifestValidator().validatePaths(skipped);
        // Skipped: client-side configs (Kustomization, KIND Cluster) and the kinds the validator warns it cannot check.
        expect(judgedByValidator.errors).toBe(0);
        expect(judgedByValidator.documents).toBe(judgedByValidator.findings.filter((f) => f.path === 'kind' && /^no schema for/.test(f.message)).length);
        expect(dist.summary.valid).toBeGreaterThan(150);
      });

      test('the validator rejects every document kubeconform rejects; the table is kubeconform-comparison.md', () => {
        const rows = [...MUTATION_CLASSES.map((c) => `mutations: ${c}`), 'corpus: valid', 'corpus: invalid', 'corpus: suspect', 'dist/ objects as they are'];
        const cells = (docs: readonly Judged[]) => {
          const ours = docs.filter((d) => d.validator.length > 0);
          const theirs = docs.filter((d) => d.kubeconform.rejects);
          const both = ours.filter((d) => d.kubeconform.rejects);
          return [docs.length, ours.length, theirs.length, both.length, ours.length - both.length, theirs.length - both.length, docs.length - ours.length - theirs.length + both.length];
        };
        const line = (name: string, docs: readonly Judged[]) => `| ${name} | ${cells(docs).join(' | ')} |`;
        const mutations = judged.filter((j) => j.row.startsWith('mutations: '));
        const onlyOurs = (docs: readonly Judged[]) => docs.filter((d) => d.validator.length > 0 && !d.kubeconform.rejects);
        const onlyTheirs = judged.filter((d) => d.validator.length === 0 && d.kubeconform.rejects);
        const table = [
          '# The validator and kubeconform',
          '',
          `Written by test/policy/kubeconform.test.ts; \`UPDATE_COMPARISON=1 npx jest test/policy/kubeconform.test.ts\` rewrites it.`,
          '',
          `kubeconform ${lintToolVersion('kubeconform')} (\`-strict -ignore-missing-schemas\`, with the schemas \`cdk8s-kafka schemas --kubeconform\` writes from the`,
          `built-in Kubernetes ${registry.kubernetesVersion} schema and pinned CRDs) against \`ManifestValidator\`, on every mutation of dist/ (test/kube/mutations.ts),`,
          'the validator\'s corpus (test/policy/corpus) and the objects of dist/. A tool catches a document when it rejects it:',
          'kubeconform reports it invalid or an error, the validator reports an error.',
          '',
          '| documents | total | caught by the validator | caught by kubeconform | both | only the validator | only kubeconform | neither |',
          '|---|--:|--:|--:|--:|--:|--:|--:|',
          ...rows.slice(0, MUTATION_CLASSES.length).map((r) => line(r.replace('mutations: ', 'mutations, '), judged.filter((j) => j.row === r))),
          line('**all mutations**', mutations),
          ...rows.slice(MUTATION_CLASSES.length).map((r) => line(r, judged.filter((j) => j.row === r))),
          '',
          `Left out: ${leftOut}.`,
          '',
          '## Caught by the validator only',
          '',
          ...MUTATION_CLASSES.filter((c) => onlyOurs(judged.filter((j) => j.row === `mutations: ${c}`)).length > 0).map((c) => {
            const docs = onlyOurs(judged.filter((j) => j.row === `mutations: ${c}`));
            return `- mutations, ${c}: ${docs.length} (${docs.filter((d) => d.core).length} of core kinds, ${docs.filter((d) => !d.core).length} of CRD kinds)`;
          }),
          ...onlyOurs(judged.filter((j) => j.row.startsWith('corpus: '))).map((d) => `- corpus ${d.what}: ${d.validator[0]}`),
          '',
          'JSON Schema cannot say what these break: the CEL rules of CRDs (`x-kubernetes-validations`), the keys of',
          '`x-kubernetes-list-type: map` lists, and the rules the API server enforces in Go for core kinds (names, label values,',
          'selectors matching templates, ports and other ranges, supported values, unique container and port names, quantities,',
          'base64). Where a kind or version neither tool has a schema for is met, kubeconform skips it (`-ignore-missing-schemas`);',
          'the validator flags a kind close to one its group serves, and a version the CRD does not serve.',
          '',
          '## Caught by kubeconform only',
          '',
          ...(onlyTheirs.length === 0 ? ['None of the documents above.'] : onlyTheirs.map((d) => `- ${d.row}: ${d.what}: ${d.kubeconform.message}`)),
          '',
          'One difference is known outside them (a probe of the test): a YAML document with a duplicate key. kubeconform `-strict`',
          'refuses it (it decodes with sigs.k8s.io/yaml `UnmarshalStrict`); kubectl keeps the last value and sends the object, so',
          'the validator warns and accepts it.',
          '',
        ].join('\n');
        report(`${table}\n(${timings.join(', ')})`);
        expect(judged.filter((j) => j.row === 'corpus: valid' || j.row === 'dist/ objects as they are').filter((j) => j.kubeconform.rejects).map((j) => `${j.what}: ${j.kubeconform.message}`)).toEqual([]);
        expect(onlyTheirs.map((d) => `${d.row}: ${d.what}\n    kubeconform: ${d.kubeconform.message}`)).toEqual([]);
        // kubeconform with these schemas is no rubber stamp: it catches the schema's own classes.
        for (const cls of ['required', 'type', 'unknown-field'] as const) {
          const docs = judged.filter((j) => j.row === `mutations: ${cls}`);
          expect(docs.filter((d) => !d.kubeconform.rejects).map((d) => d.what)).toEqual([]);
        }

        if (process.env.UPDATE_COMPARISON === '1') writeFileSync(COMPARISON, table);
        const committed = existsSync(COMPARISON) ? readFileSync(COMPARISON, 'utf8') : '';
        if (committed !== table) {
          throw new Error(`${relative(ROOT, COMPARISON)} is out of date: rerun with UPDATE_COMPARISON=1 (npx jest test/policy/kubeconform.test.ts), read the diff and commit it`);
        }
      });
    });
  });
}
