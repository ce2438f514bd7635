import { App } from 'cdk8s';
import { RouteMode } from './gateway';
import {
  DevEnvironment, Environment, FailoverProviderKind, InClusterMtlsEnvironment, KraftPlainEnvironment, MultiRegionEnvironment, synthEnvironment,
} from './stacks';

/**
 * The example environments, synthesized by `npx cdk8s synth` into `dist/<environment>/<cluster>/`.
 * This is the only file that reads `process.env` (cdk8s sets `CDK8S_OUTDIR`; Argo CD
 * Applications point at `CDK8S_KAFKA_REPO_URL`).
 */
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
const app = new App();

const environments: Environment[] = [
  new DevEnvironment(app, 'dev'),
  new DevEnvironment(app, 'dev-explicit-routes', { routeMode: RouteMode.EXPLICIT }),
  new InClusterMtlsEnvironment(app, 'in-cluster-mtls'),
  new KraftPlainEnvironment(app, 'kraft-plain'),
  new MultiRegionEnvironment(app, 'multi-region-istio', { provider: FailoverProviderKind.ISTIO }),
  new MultiRegionEnvironment(app, 'multi-region-envoy', { provider: FailoverProviderKind.ENVOY_GATEWAY }),
  new MultiRegionEnvironment(app, 'multi-region-tsb', { provider: FailoverProviderKind.TETRATE }),
];
for (const env of environments) synthEnvironment(env, outdir, { repoUrl: process.env.CDK8S_KAFKA_REPO_URL });
