import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { App, YamlOutputType } from 'cdk8s';
import { RouteMode } from './gateway';
import { DevEnvironment, FailoverProviderKind, MultiRegionEnvironment } from './stacks';

/**
 * The example environments, synthesized by `npx cdk8s synth` into `dist/<environment>/<cluster>/`,
 * one file per resource, with each environment's artefacts beside them. This is the only file
 * that reads `process.env` (cdk8s sets `CDK8S_OUTDIR`) or writes files itself.
 */
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';

function synth(name: string, build: (app: App) => { artefacts?(): Record<string, string> }): void {
  const folder = join(outdir, name);
  const app = new App({ outdir: folder, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
  const environment = build(app);
  app.synth();
  for (const [path, content] of Object.entries(environment.artefacts?.() ?? {})) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content, { mode: path.endsWith('.sh') ? 0o755 : 0o644 });
  }
}

synth('dev', (app) => new DevEnvironment(app));
synth('dev-explicit-routes', (app) => new DevEnvironment(app, { routeMode: RouteMode.EXPLICIT }));
synth('multi-region-istio', (app) => new MultiRegionEnvironment(app, { provider: FailoverProviderKind.ISTIO }));
synth('multi-region-envoy', (app) => new MultiRegionEnvironment(app, { provider: FailoverProviderKind.ENVOY_GATEWAY }));
synth('multi-region-tsb', (app) => new MultiRegionEnvironment(app, { provider: FailoverProviderKind.TETRATE }));
