import { App } from 'cdk8s';

/**
 * The example environments, synthesized by `npx cdk8s synth` into `dist/<environment>/<cluster>/`.
 * This is the only file that may read `process.env` (cdk8s sets `CDK8S_OUTDIR`).
 */
const app = new App({ outdir: process.env.CDK8S_OUTDIR ?? 'dist' });
app.synth();
