import Ajv from 'ajv';
import { Testing } from 'cdk8s';
import { FailoverProviderKind, MultiRegionEnvironment, TetrateFailover, TSB_API_VERSIONS } from '../../src';
import { all, find, Manifest, synth } from '../support';

/**
 * TSB publishes no CRD: these JSON schemas are the shapes of Tetrate's API reference
 * (tsb/v2, gateway/v2, traffic/v2, install/dataplane/v1alpha1) for the fields we emit, closed
 * to anything else, so that a typo or a field in the wrong place fails here.
 */
const closed = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({ type: 'object', properties, required, additionalProperties: false });
const str = { type: 'string' };
const labels = { type: 'object', additionalProperties: str };
const selector = closed({ namespace: str, labels });
const names = closed({ names: { type: 'array', items: str, minItems: 1 } });
const tls = closed({ mode: { enum: ['SIMPLE', 'MUTUAL'] }, secretName: str });
const hostPort = { hostname: { type: 'string', pattern: '^[a-z0-9.-]+$' }, port: { type: 'integer', minimum: 1, maximum: 65535, not: { const: 15443 } } };
const kubeSpec = closed({ kubeSpec: closed({ service: closed({ type: { enum: ['LoadBalancer', 'NodePort', 'ClusterIP'] } }) }) });

const SPECS: Record<string, object> = {
  'tsb.tetrate.io/v2/Tenant': closed({ displayName: str }),
  'tsb.tetrate.io/v2/Workspace': closed({ namespaceSelector: names }),
  'tsb.tetrate.io/v2/WorkspaceSetting': closed({ failoverSettings: closed({ regionalFailover: { type: 'array', minItems: 1, items: closed({ from: str, to: str }) } }) }),
  'gateway.tsb.tetrate.io/v2/Group': closed({ namespaceSelector: names, configMode: { enum: ['BRIDGED', 'DIRECT'] } }),
  'traffic.tsb.tetrate.io/v2/Group': closed({ namespaceSelector: names, configMode: { enum: ['BRIDGED', 'DIRECT'] } }),
  'gateway.tsb.tetrate.io/v2/IngressGateway': closed({
    workloadSelector: selector,
    http: { type: 'array', minItems: 1, items: closed({
      name: str, ...hostPort, tls,
      routing: closed({ rules: { type: 'array', items: closed({
        modify: closed({ headers: closed({ request: closed({ set: labels }) }) }),
        route: closed({ host: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9.-]+$' }, port: { type: 'integer' } }),
      }) } }),
    }) },
  }),
  'gateway.tsb.tetrate.io/v2/Tier1Gateway': closed({
    workloadSelector: selector,
    externalServers: { type: 'array', minItems: 1, items: closed({ name: str, ...hostPort, tls, clusters: { type: 'array', minItems: 1, items: closed({ name: str }) } }) },
  }),
  'traffic.tsb.tetrate.io/v2/TrafficSetting': closed({
    outbound: closed({ upstreamTrafficSettings: { type: 'array', items: closed({
      hosts: { type: 'array', items: str },
      settings: closed({ resilience: closed({
        outlierDetection: closed({ consecutive5xx: { type: 'integer' }, consecutiveGatewayFailure: { type: 'integer' }, interval: str, baseEjectionTime: str, maxEjectionPercent: { type: 'integer', maximum: 100 } }),
        connectionPool: closed({ http: closed({ retries: closed({ attempts: { type: 'integer' }, perTryTimeout: str, retryOn: str }) }) }),
      }) }),
    }) } }),
  }),
  'install.tetrate.io/v1alpha1/IngressGateway': kubeSpec,
  'install.tetrate.io/v1alpha1/Tier1Gateway': kubeSpec,
};

/** The hierarchy annotations each TSB kind needs in the GitOps dialect. */
const HIERARCHY: Record<string, string[]> = {
  'tsb.tetrate.io/v2/Tenant': ['organization'],
  'tsb.tetrate.io/v2/Workspace': ['organization', 'tenant'],
  'tsb.tetrate.io/v2/WorkspaceSetting': ['organization', 'tenant', 'workspace'],
  'gateway.tsb.tetrate.io/v2/Group': ['organization', 'tenant', 'workspace'],
  'traffic.tsb.tetrate.io/v2/Group': ['organization', 'tenant', 'workspace'],
  'gateway.tsb.tetrate.io/v2/IngressGateway': ['organization', 'tenant', 'workspace', 'gatewayGroup'],
  'gateway.tsb.tetrate.io/v2/Tier1Gateway': ['organization', 'tenant', 'workspace', 'gatewayGroup'],
  'traffic.tsb.tetrate.io/v2/TrafficSetting': ['organization', 'tenant', 'workspace', 'trafficGroup'],
  'install.tetrate.io/v1alpha1/IngressGateway': [],
  'install.tetrate.io/v1alpha1/Tier1Gateway': [],
};

const ajv = new Ajv({ allErrors: true });
const env = new MultiRegionEnvironment(Testing.app(), 'multi-region-tsb', { provider: FailoverProviderKind.TETRATE });
const manifests: Manifest[] = Object.values(env.charts).flatMap((chart) => synth(chart));
const tsb = manifests.filter((m) => m.apiVersion.includes('tetrate.io'));
const key = (m: Manifest) => `${m.apiVersion}/${m.kind}`;

describe('Tetrate Service Bridge objects', () => {
  test('every kind we emit has a shape here, and every shape is used', () => {
    expect([...new Set(tsb.map(key))].sort()).toEqual(Object.keys(SPECS).sort());
    expect(Object.values(TSB_API_VERSIONS).every((v) => tsb.some((m) => m.apiVersion === v))).toBe(true);
  });

  test.each(tsb.map((m) => [`${key(m)} ${m.metadata.name}`, m] as const))('%s has the documented shape and hierarchy', (_name, object) => {
    const validate = ajv.compile(SPECS[key(object)]);
    expect(validate(object.spec) ? [] : validate.errors).toEqual([]);
    const annotations = Object.keys(object.metadata.annotations ?? {}).map((a) => a.replace('tsb.tetrate.io/', '')).sort();
    expect(annotations).toEqual([...HIERARCHY[key(object)]].sort());
  });

  test('the tier-1 gateway lists the regions without weights (TSB fails over only then), and pins each region', () => {
    const tier1 = all(manifests, 'Tier1Gateway').find((m) => m.apiVersion === TSB_API_VERSIONS.Tier1Gateway)!;
    expect(tier1.spec.externalServers.map((s: { hostname: string; clusters: object[] }) => [s.hostname, s.clusters])).toEqual([
      ['bridge.example.com', [{ name: 'east' }, { name: 'west' }]],
      ['east.bridge.example.com', [{ name: 'east' }]],
      ['west.bridge.example.com', [{ name: 'west' }]],
    ]);
    expect(find(manifests, 'WorkspaceSetting', 'bridges-settings').spec.failoverSettings).toEqual({ regionalFailover: [{ from: 'central', to: 'east' }] });
    expect(find(manifests, 'TrafficSetting', 'tier1-resilience').spec.outbound.upstreamTrafficSettings[0].settings.resilience.connectionPool.http.retries.retryOn).toBe('connect-failure,refused-stream,reset-before-request');
  });

  test('each regional ingress gateway names its region in X-Forwarded-Host on both hostnames', () => {
    const east = find(synth(env.regionCharts.east), 'IngressGateway', 'events-east');
    expect(east.spec.http.map((h: { hostname: string }) => h.hostname)).toEqual(['bridge.example.com', 'east.bridge.example.com']);
    for (const server of east.spec.http) {
      expect(server.routing.rules[0].modify.headers.request.set).toEqual({ 'X-Forwarded-Host': 'east.bridge.example.com', 'X-Forwarded-Proto': 'https' });
      expect(server.routing.rules[0].route).toEqual({ host: 'bridge/events-bridge-service.bridge.svc.cluster.local', port: 8080 });
    }
  });

  test('fails when TSB is given three priority levels', () => {
    const [problem] = new TetrateFailover().check({ priorityLevels: [0, 1, 2], regions: [], centralRegion: 'c' } as never);
    expect(`${problem.prop} ${problem.problem}`).toMatch(/regions have 3 priority levels; TSB's regional failover orders only the target/);
  });
});
