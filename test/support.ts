import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { stringify } from 'yaml';
import { Chart, Testing } from 'cdk8s';
import { formatFinding, ManifestValidator } from '../src/policy';

/**
 * The pinned upstream CRDs the generated files come from (`$CDK8S_KAFKA_CRDS`, else
 * `../shared/crds` beside the repository), or undefined where they are absent: a user's clone has
 * only what was generated from them (`imports/`, `schemas/`). CI has them.
 */
export const UPSTREAM_CRDS: string | undefined = [process.env.CDK8S_KAFKA_CRDS, resolve(__dirname, '..', '..', 'shared', 'crds')]
  .find((dir): dir is string => dir !== undefined && existsSync(dir));

/**
 * `describe` for tests that read the upstream sources: they run where the sources exist and are
 * skipped, with a note saying so, elsewhere.
 */
export function describeWithUpstream(name: string, body: (crds: string) => void): void {
  if (UPSTREAM_CRDS !== undefined) {
    describe(name, () => body(UPSTREAM_CRDS!));
  } else {
    // eslint-disable-next-line no-console
    console.warn(`skipped "${name}": the upstream CRDs (../shared/crds or $CDK8S_KAFKA_CRDS) are not here`);
    describe.skip(name, () => test('needs the upstream CRDs', () => undefined));
  }
}

let validator: ManifestValidator | undefined;

/** One validator for a whole test file (the built-in schemas), with its parsed schemas cached. */
export function sharedValidator(): ManifestValidator {
  validator ??= new ManifestValidator();
  return validator;
}

/** A synthesized Kubernetes object. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: any };

/** The chart's objects; like every synth path, this runs every validation of the app first (construct invariants and the consistency pass). */
export function synth(chart: Chart): Manifest[] {
  return Testing.synth(chart);
}

/** The one object of `kind` named `name`. */
export function find(manifests: readonly Manifest[], kind: string, name: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} ${name}, found ${found.length} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  }
  return found[0];
}

/** Every object of `kind`. */
export function all(manifests: readonly Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

/** Asserts the manifest validator finds nothing (no error, no warning) in the objects. */
export function expectValid(manifests: readonly Manifest[]): void {
  expect(sharedValidator().validateObjects(manifests).findings.map(formatFinding)).toEqual([]);
}

/** Every file under `dir` (path relative to it) with its mode and content: what "every byte as it was" compares. */
export function folderSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = `${(statSync(path).mode & 0o777).toString(8)} ${readFileSync(path, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

/**
 * A test that `program` of the Go module tools/ (a test oracle built from upstream Go code)
 * turns `cases` into exactly the committed `vectors`, byte for byte. Without Go it fails in CI
 * (`CI=true`) and is skipped, with a note, elsewhere. A cold `go run` downloads and builds the
 * pinned modules.
 */
export function testGoVectors(program: string, cases: string, vectors: string): void {
  test(`${relative(resolve(__dirname, '..'), vectors)} is what tools/${program} makes of ${relative(resolve(__dirname, '..'), cases)}`, () => {
    if (spawnSync('go', ['version']).error !== undefined) {
      if (process.env.CI === 'true') throw new Error(`go is not on PATH: CI must check ${vectors} against upstream's own code (tools/${program})`);
      // eslint-disable-next-line no-console
      console.warn(`go is not on PATH: skipped regenerating ${vectors} with tools/${program}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), `${program}-`));
    try {
      const out = join(dir, 'vectors.json');
      const run = spawnSync('go', ['run', `./${program}`, cases, out], { cwd: resolve(__dirname, '..', 'tools'), encoding: 'utf8' });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
      // Regenerate with `cd tools && go run ./<program> <cases> <vectors>`.
      expect(readFileSync(out, 'utf8') === readFileSync(vectors, 'utf8')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
}

/**
 * Writes a CustomResourceDefinition of `example.com/v1` `kind` (plural: the kind lowercased
 * with an `s`) whose `spec` has `specProperties`, to `file` (a new temporary file by default).
 */
export function writeExampleCrd(kind: string, specProperties: Record<string, unknown>, file?: string): string {
  const plural = `${kind.toLowerCase()}s`;
  const path = file ?? join(mkdtempSync(join(tmpdir(), 'cdk8s-kafka-crd-')), `${plural}.yaml`);
  writeFileSync(path, stringify({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: 'example.com',
      names: { kind, plural },
      scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: specProperties } } } } }],
    },
  }));
  return path;
}
