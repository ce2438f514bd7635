import { ConsistencyPass } from './core/consistency';
import { resolve } from 'path';
import { App } from 'cdk8s';
import { exampleEnvironments } from './examples';
import { synthEnvironments } from './stacks';
import { linkFolder } from './stacks/output';

/**
 * The example environments, synthesized by `npx cdk8s synth` (or `npm run synth`) into
 * `dist/<environment>/<cluster>/`, all or nothing. This is the only file that reads `process.env`.
 *
 * cdk8s-cli empties its output folder before it runs the app, so `cdk8s.yaml` points it at a
 * scratch folder (`CDK8S_OUTDIR`, `.cdk8s.out`) and this app replaces `dist/` itself: a synth
 * that fails leaves `dist/` as it was. `.cdk8s.out` then links to `dist/`, so that cdk8s-cli
 * lists what was written.
 */
const DIST = 'dist';

try {
  const app = new App();
  const result = synthEnvironments(exampleEnvironments(app), DIST, { repoUrl: process.env.CDK8S_KAFKA_REPO_URL });
  const consistency = ConsistencyPass.of(app).warnings();
  for (const warning of consistency) console.error(`warning: ${warning}`);
  const cdk8sOutdir = process.env.CDK8S_OUTDIR;
  if (cdk8sOutdir !== undefined && resolve(cdk8sOutdir) !== resolve(DIST)) linkFolder(cdk8sOutdir, DIST);
  const changed = result.written.length + result.removed.length;
  console.error(`${DIST}/: ${result.files} files, ${changed === 0 ? 'unchanged' : `${result.written.length} written, ${result.removed.length} removed`}` +
    (result.warnings.length > consistency.length ? ` (${result.warnings.length - consistency.length} validator warnings: npx cdk8s-kafka validate dist lists them)` : ''));
} catch (e) {
  console.error(`cdk8s-kafka: synth failed; ${DIST}/ was left as it was.\n${(e as Error).message}`);
  process.exit(1);
}
