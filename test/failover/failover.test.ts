import { Chart, Testing } from 'cdk8s';
import {
  BridgeKafkaConnection,
  BridgeTrafficGenerators,
  Certificate,
  EnvoyGatewayClass,
  EnvoyGatewayFailover,
  FailoverGateway,
  FailoverGatewayProps,
  IFailoverRenderer,
  IstioFailover,
  KafkaBridge,
  KafkaBridgeProps,
  RetryOn,
  SelfSignedClusterIssuer,
} from '../../src';
import { all, expectValid, find, synth } from '../support';

const regions = [
  { name: 'east', priority: 0, address: 'gateway.east.example.com' },
  { name: 'west', priority: 1, address: '203.0.113.10' },
];

function gateway(provider: IFailoverRenderer, props: Partial<FailoverGatewayProps> = {}) {
  return new FailoverGateway({ hostname: 'bridge.example.com', regions, provider, ...props });
}

function region(provider: IFailoverRenderer, bridgeProps: Partial<KafkaBridgeProps> = {}, dnsNames = ['bridge.example.com', 'east.bridge.example.com']) {
  const failover = gateway(provider);
  const chart = new Chart(Testing.app(), 'east');
  // The bridge admits the provider's gateway proxies, as addRegionalGateway requires.
  const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), allowFrom: [provider.gatewayPeer('bridge')], ...bridgeProps });
  const namespace = provider.regionalNamespace(bridge);
  const certificate = new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca'), namespace, dnsNames });
  return { chart, failover, bridge, certificate, gatewayClass: gatewayClassFor(provider, chart) };
}

/** The GatewayClass a provider that makes Gateway API Gateways needs in `chart`'s cluster; undefined for the others. */
function gatewayClassFor(provider: IFailoverRenderer, chart: Chart): EnvoyGatewayClass | undefined {
  return provider.usesGatewayClass ? new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined;
}

function central(provider: IFailoverRenderer, namespace: string) {
  const failover = gateway(provider);
  const chart = new Chart(Testing.app(), 'central');
  const certificate = new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca'), namespace, dnsNames: failover.model.centralHostnames });
  failover.addTier1Gateway(chart, 'Tier1', { certificate, gatewayClass: gatewayClassFor(provider, chart) });
  return synth(chart);
}

describe('FailoverModel', () => {
  test('defaults: GET /topics health checks, outlier detection, retries only where nothing reached the bridge, pinned hostnames', () => {
    const { settings } = gateway(new IstioFailover()).model;
    expect(settings.regions.map((r) => `${r.name}:${r.priority}:${r.pinnedHostname}`)).toEqual(['east:0:east.bridge.example.com', 'west:1:west.bridge.example.com']);
    expect(settings.healthCheck).toMatchObject({ path: '/topics', port: 443, unhealthyThreshold: 2, healthyThreshold: 2 });
    expect(settings.retries.on).toEqual([RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM, RetryOn.RESET_BEFORE_REQUEST]);
    expect(settings.outlierDetection).toMatchObject({ consecutiveGatewayErrors: 3, consecutive5xxErrors: 5 });
  });

  describe('fails when', () => {
    const three = [...regions, { name: 'south', priority: 2, address: 'gateway.south.example.com' }];
    test.each<[string, IFailoverRenderer, Partial<FailoverGatewayProps>, RegExp]>([
      ['Envoy gets three priority levels', new EnvoyGatewayFailover(), { regions: three }, /FailoverGateway 'bridge.example.com' \(Envoy Gateway\): regions have 3 priority levels; Envoy has two .* \(got \[0,1,2\]\); use two priority levels/],
      ['Istio gets three priority levels', new IstioFailover(), { regions: three }, /\(Istio\): regions have 3 priority levels; Istio's locality failover orders only the target/],
      ['the health check asks /ready', new IstioFailover(), { healthCheck: { path: '/ready' } }, /healthCheck.path only says the bridge process is up, not that it reaches Kafka \(got "\/ready"\); use '\/topics'/],
      ['the health check targets the management port', new IstioFailover(), { healthCheck: { port: 8081 } }, /healthCheck.port is not the port requests use on the regional gateway \(443\).* \(got 8081\); leave it at 443/],
      ['two regions share a name', new IstioFailover(), { regions: [regions[0], { ...regions[1], name: 'east' }] }, /regions name 'east' twice \(got \["east","east"\]\)/],
      ['there is one region', new IstioFailover(), { regions: [regions[0]] }, /regions need at least two regions to fail over between \(got \["east"\]\); add a second region/],
      ['every region has the same priority', new IstioFailover(), { regions: [regions[0], { ...regions[1], priority: 0 }] }, /regions all have the same priority: there is nothing to fail over to/],
      ['produce is retried on 5xx', new IstioFailover(), { retries: { on: [RetryOn.CONNECT_FAILURE, RetryOn.FIVE_XX] } }, /retries.on retry requests that may have reached the bridge: a retried produce writes the records twice \(got \["5xx"\]\)/],
      ['produce is retried on gateway errors', new EnvoyGatewayFailover(), { retries: { on: [RetryOn.GATEWAY_ERROR] } }, /retries.on retry requests that may have reached the bridge.* \(got \["gateway-error"\]\)/],
      ['retries are excessive', new IstioFailover(), { retries: { attempts: 9 } }, /retries.attempts must be from 0 to 5 \(got 9\)/],
      ['a region name is not a label', new IstioFailover(), { regions: [{ ...regions[0], name: 'East Coast' }, regions[1]] }, /regions\[0\].name must be lowercase/],
      ['the hostname is not a DNS name', new IstioFailover(), { hostname: 'bridge_example' }, /hostname is not a DNS name \(got "bridge_example"\)/],
      ['the tier-1 gateway runs in a bridge region (Istio)', new IstioFailover(), { centralRegion: 'east' }, /centralRegion is also a bridge region/],
    ])('%s', (_case, provider, props, message) => {
      expect(() => gateway(provider, props)).toThrow(message);
    });
  });
});

describe.each<[string, () => IFailoverRenderer]>([
  ['Istio', () => new IstioFailover()],
  ['Envoy Gateway', () => new EnvoyGatewayFailover()],
])('%s regional gateway', (_name, provider) => {
  test('snapshot, and valid', () => {
    const { chart, failover, bridge, certificate, gatewayClass } = region(provider());
    failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass });
    const manifests = synth(chart);
    expect(manifests.filter((m) => !['Certificate', 'ClusterIssuer', 'KafkaBridge', 'NetworkPolicy'].includes(m.kind))).toMatchSnapshot();
    expectValid(manifests);
  });

  describe('fails when', () => {
    test('several bridge replicas serve consumers behind it', () => {
      const { chart, failover, bridge, certificate, gatewayClass } = region(provider(), { replicas: 2 });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(
        /RegionalGateway 'east' at east\/Failover: bridge.replicas are more than one behind the failover gateway, but a bridge consumer lives in one pod .* \(got 2\); run 1 bridge replica per region, or a producer-only bridge/,
      );
    });

    test('its certificate does not cover the pinned hostname', () => {
      const { chart, failover, bridge, certificate, gatewayClass } = region(provider(), {}, ['bridge.example.com']);
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(/certificate does not cover east.bridge.example.com \(its SANs: bridge.example.com\)/);
    });

    test('the region is not one of the model', () => {
      const { chart, failover, bridge, certificate, gatewayClass } = region(provider());
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'north', bridge, certificate, gatewayClass })).toThrow(/has no region 'north'; it has east, west/);
    });
  });

  test('a producer-only bridge may scale', () => {
    const { chart, failover, bridge, certificate, gatewayClass } = region(provider(), { replicas: 3, consumer: false });
    expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).not.toThrow();
  });
});

describe('Istio', () => {
  test('the regional VirtualService names the region in X-Forwarded-Host, and the Gateway serves both hostnames', () => {
    const { chart, failover, bridge, certificate, gatewayClass } = region(new IstioFailover());
    failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass });
    const manifests = synth(chart);
    const vs = find(manifests, 'VirtualService', 'events-east');
    expect(vs.metadata.namespace).toBe('istio-ingress');
    expect(vs.spec.http[0].headers).toEqual({ request: { set: { 'X-Forwarded-Host': 'east.bridge.example.com', 'X-Forwarded-Proto': 'https' } } });
    expect(vs.spec.http[0].route).toEqual([{ destination: { host: 'events-bridge-service.bridge.svc.cluster.local', port: { number: 8080 } } }]);
    expect(find(manifests, 'Gateway', 'events-east').spec.servers[0]).toMatchObject({ hosts: ['./bridge.example.com', './east.bridge.example.com'], tls: { mode: 'SIMPLE', credentialName: certificate.secretName } });
  });

  test('the tier-1: locality failover from the central region, outlier detection, TLS origination, pinned routes', () => {
    const manifests = central(new IstioFailover(), 'istio-ingress');
    const pool = find(manifests, 'DestinationRule', 'bridge-failover').spec;
    expect(pool.trafficPolicy.loadBalancer).toEqual({ localityLbSetting: { enabled: true, failover: [{ from: 'central', to: 'east' }] } });
    expect(pool.trafficPolicy.outlierDetection).toMatchObject({ consecutiveGatewayErrors: 3, maxEjectionPercent: 100 });
    expect(pool.trafficPolicy.tls).toEqual({ mode: 'SIMPLE', sni: 'bridge.example.com', subjectAltNames: ['bridge.example.com'], credentialName: 'bridge-ca' });
    expect(find(manifests, 'ServiceEntry', 'bridge-failover').spec.endpoints.map((e: { address: string; locality: string }) => `${e.locality}=${e.address}`)).toEqual(['east=gateway.east.example.com', 'west=203.0.113.10']);
    expect(find(manifests, 'VirtualService', 'bridge-failover').spec.http[0].retries).toEqual({ attempts: 2, perTryTimeout: '5s', retryOn: 'connect-failure,refused-stream,reset-before-request', retryRemoteLocalities: true });
    expect(find(manifests, 'VirtualService', 'bridge-west').spec.hosts).toEqual(['west.bridge.example.com']);
    expect(find(manifests, 'DestinationRule', 'bridge-west').spec.trafficPolicy.tls.sni).toBe('west.bridge.example.com');
    expect(find(manifests, 'DestinationRule', 'bridge-west').spec.trafficPolicy.loadBalancer).toBeUndefined();
    expectValid(manifests);
  });
});

describe('Envoy Gateway', () => {
  test('the tier-1: Backends with the lower priority as fallback, an active health check on GET /topics, safe retries', () => {
    const manifests = central(new EnvoyGatewayFailover(), 'tier1');
    expect(find(manifests, 'Backend', 'bridge-east').spec).toEqual({
      endpoints: [{ fqdn: { hostname: 'gateway.east.example.com', port: 443 } }],
      tls: { sni: 'bridge.example.com', caCertificateRefs: [{ group: '', kind: 'Secret', name: 'bridge-ca' }] },
    });
    expect(find(manifests, 'Backend', 'bridge-west').spec).toMatchObject({ endpoints: [{ ip: { address: '203.0.113.10', port: 443 } }], fallback: true });
    expect(find(manifests, 'Backend', 'bridge-west-pinned').spec.fallback).toBeUndefined();
    expect(find(manifests, 'HTTPRoute', 'bridge-failover').spec.rules[0].backendRefs.map((b: { name: string }) => b.name)).toEqual(['bridge-east', 'bridge-west']);
    const policy = find(manifests, 'BackendTrafficPolicy', 'bridge-failover').spec;
    expect(policy.targetRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'bridge-failover' }]);
    expect(policy.healthCheck.active).toEqual({ type: 'HTTP', http: { path: '/topics', hostname: 'bridge.example.com', expectedStatuses: [200] }, interval: '5s', timeout: '2s', unhealthyThreshold: 2, healthyThreshold: 2 });
    expect(policy.retry).toEqual({ numRetries: 2, perRetry: { timeout: '5s' }, retryOn: { triggers: ['connect-failure', 'refused-stream', 'reset-before-request'] } });
    expect(all(manifests, 'HTTPRoute').map((r) => r.spec.hostnames[0])).toEqual(['bridge.example.com', 'east.bridge.example.com', 'west.bridge.example.com']);
    expectValid(manifests);
  });

  test('a regional route in another namespace than the bridge gets a ReferenceGrant', () => {
    const { chart, failover, bridge, gatewayClass } = region(new EnvoyGatewayFailover());
    const certificate = new Certificate(chart, 'GwTls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca2'), namespace: 'gateways', dnsNames: ['bridge.example.com', 'east.bridge.example.com'] });
    failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass, namespace: 'gateways' });
    const manifests = synth(chart);
    expect(find(manifests, 'HTTPRoute', 'events-east').spec.rules[0].backendRefs).toEqual([{ group: '', kind: 'Service', name: 'events-bridge-service', namespace: 'bridge', port: 8080, weight: 1 }]);
    expect(find(manifests, 'ReferenceGrant', 'events-east-route').spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'gateways' }],
      to: [{ group: '', kind: 'Service', name: 'events-bridge-service' }],
    });
    expectValid(manifests);
  });
});

describe('BridgeTrafficGenerators', () => {
  test('a producer and two consumers, restricted, with limits, trusting the tier-1 CA', () => {
    const chart = Testing.chart();
    new BridgeTrafficGenerators(chart, 'Traffic', { endpoint: 'https://bridge.example.com', topic: 'orders', namespace: 'traffic', caSecret: 'bridge-ca' });
    const manifests = synth(chart);
    expect(all(manifests, 'Deployment').map((d) => d.metadata.name)).toEqual(['orders-producer', 'orders-consumer-a', 'orders-consumer-b']);
    const pod = find(manifests, 'Deployment', 'orders-consumer-a').spec.template.spec;
    expect(pod.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(pod.containers[0].resources.limits).toEqual({ memory: '64Mi', 'ephemeral-storage': '65Mi' });
    expect(pod.containers[0].image).toBe('curlimages/curl:8.11.1');
    const script: string = pod.containers[0].command[2];
    expect(script).toContain('https://bridge.example.com/consumers/traffic-generators');
    expect(script).toContain('--cacert /etc/bridge-ca/ca.crt');
    expect(script).toContain('"$base/records"');
    expect(script).toContain('[ "$code" != 404 ]');
    expect(find(manifests, 'Deployment', 'orders-producer').spec.template.spec.containers[0].command[2]).toContain('https://bridge.example.com/topics/orders');
    expectValid(manifests);
  });

  test('a topic that is no DNS label still names valid Deployments', () => {
    const chart = Testing.chart();
    new BridgeTrafficGenerators(chart, 'Traffic', { endpoint: 'https://bridge.example.com', topic: 'Orders_EU', namespace: 'traffic' });
    const manifests = synth(chart);
    // Not orders-eu-*: that would also be the names of topic orders-eu's generators.
    expect(all(manifests, 'Deployment').map((d) => d.metadata.name)).toEqual(['orders-eu-b6ce662b-producer', 'orders-eu-b6ce662b-consumer-a', 'orders-eu-b6ce662b-consumer-b']);
    expect(find(manifests, 'Deployment', 'orders-eu-b6ce662b-producer').spec.template.spec.containers[0].command[2]).toContain('https://bridge.example.com/topics/Orders_EU');
    expectValid(manifests);
  });

  test.each(['https://bridge.example.com/topics', 'https://x;touch /tmp/pwned', 'https://x$(id)', 'ftp://bridge.example.com', 'bridge.example.com'])('fails when the endpoint is %j: a host and an optional port only', (endpoint) => {
    expect(() => new BridgeTrafficGenerators(Testing.chart(), 'Traffic', { endpoint, topic: 'orders' })).toThrow(/endpoint must be an http\(s\) URL of a host and an optional port, without a path \(got /);
  });

  test('a consumer group with shell and URL characters is data in the scripts, not code', () => {
    const chart = Testing.chart();
    const traffic = new BridgeTrafficGenerators(chart, 'Traffic', { endpoint: 'https://bridge.example.com:8443', topic: 'orders', group: "my group'; touch /tmp/x #" });
    const script: string = traffic.consumers[0].toJson().spec.template.spec.containers[0].command[2];
    expect(script).toContain("'https://bridge.example.com:8443/consumers/my%20group'\\''%3B%20touch%20%2Ftmp%2Fx%20%23'");
    expect(script).not.toContain('; touch /tmp/x');
  });
});
