import { resolve } from 'path';
import { ManifestValidator } from '../src/policy';

/** The upstream CRDs the project reads: `$CDK8S_KAFKA_CRDS`, else `../shared/crds` beside the repo. */
export const CRD_DIRECTORY = process.env.CDK8S_KAFKA_CRDS ?? resolve(__dirname, '..', '..', 'shared', 'crds');

let validator: ManifestValidator | undefined;

/** One validator for a whole test file: schemas compile on first use and stay cached. */
export function sharedValidator(): ManifestValidator {
  validator ??= new ManifestValidator({ crdDirectory: CRD_DIRECTORY });
  return validator;
}
