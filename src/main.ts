import { join } from 'path';
import { App, YamlOutputType } from 'cdk8s';
import { DevEnvironment } from './stacks';

/**
 * The example environments, synthesized by `npx cdk8s synth` into `dist/<environment>/<cluster>/`,
 * one file per resource. This is the only file that may read `process.env` (cdk8s sets
 * `CDK8S_OUTDIR`).
 */
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';

function environment(name: string): App {
  return new App({ outdir: join(outdir, name), yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
}

const dev = environment('dev');
new DevEnvironment(dev);
dev.synth();
