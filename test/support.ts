import { resolve } from 'path';
import { Chart, Testing } from 'cdk8s';
import { formatFinding, ManifestValidator } from '../src/policy';

/** The upstream CRDs the project reads: `$CDK8S_KAFKA_CRDS`, else `../shared/crds` beside the repo. */
export const CRD_DIRECTORY = process.env.CDK8S_KAFKA_CRDS ?? resolve(__dirname, '..', '..', 'shared', 'crds');

let validator: ManifestValidator | undefined;

/** One validator for a whole test file: schemas compile on first use and stay cached. */
export function sharedValidator(): ManifestValidator {
  validator ??= new ManifestValidator({ crdDirectory: CRD_DIRECTORY });
  return validator;
}

/** A synthesized Kubernetes object. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: any };

/**
 * The chart's objects, after running every construct's validations as `app.synth()` does
 * (`Testing.synth` skips them).
 */
export function synth(chart: Chart): Manifest[] {
  const errors = chart.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
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
