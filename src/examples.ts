import { App } from 'cdk8s';
import { RouteMode } from './gateway';
import { DevEnvironment, Environment, FailoverProviderKind, InClusterMtlsEnvironment, KraftPlainEnvironment, MultiRegionDrEnvironment, MultiRegionEnvironment } from './stacks';

/**
 * The example environments of this repository, in `app`: what `src/main.ts` writes to
 * `dist/<environment>/`, and what the tests walk.
 */
export function exampleEnvironments(app: App): Environment[] {
  return [
    new DevEnvironment(app, 'dev'),
    new DevEnvironment(app, 'dev-explicit-routes', { routeMode: RouteMode.EXPLICIT }),
    new InClusterMtlsEnvironment(app, 'in-cluster-mtls'),
    new KraftPlainEnvironment(app, 'kraft-plain'),
    new MultiRegionEnvironment(app, 'multi-region-istio', { provider: FailoverProviderKind.ISTIO }),
    new MultiRegionEnvironment(app, 'multi-region-envoy', { provider: FailoverProviderKind.ENVOY_GATEWAY }),
    new MultiRegionEnvironment(app, 'multi-region-tsb', { provider: FailoverProviderKind.TETRATE }),
    new MultiRegionDrEnvironment(app, 'multi-region-dr'),
  ];
}
