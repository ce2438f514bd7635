import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import {
  BridgeKafkaConnection,
  Certificate,
  ConsistencyPass,
  EnvoyGatewayClass,
  EnvoyGatewayFailover,
  FailoverGateway,
  FailoverGatewayProps,
  FailoverProviderKind,
  IFailoverRenderer,
  IstioFailover,
  KafkaBridge,
  KafkaBridgeProps,
  MultiRegionEnvironment,
  NetworkPeer,
  SelfSignedClusterIssuer,
  TetrateFailover,
} from '../../src';
import { find, synth } from '../support';

/**
 * The failover gateway's checks, each with the wrong value beside the right one: the bridge's
 * NetworkPolicy admits the provider's gateway proxies, references and values are checked, and
 * names that would collide are rejected with the prop at fault.
 */

const regions = [
  { name: 'east', priority: 0, address: 'gateway.east.example.com' },
  { name: 'west', priority: 1, address: '203.0.113.10' },
];

function failoverOf(provider: IFailoverRenderer, props: Partial<FailoverGatewayProps> = {}) {
  return new FailoverGateway({ hostname: 'bridge.example.com', regions, provider, ...props });
}

/** A bridge in `east` (namespace `bridge` unless the props say otherwise) and a certificate where the provider's proxy reads it. */
function east(failover: FailoverGateway, bridgeProps: Partial<KafkaBridgeProps> = {}, chart: Chart = new Chart(Testing.app(), 'east')) {
  const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), ...bridgeProps });
  const namespace = failover.provider.proxyNamespace(failover.provider.regionalNamespace(bridge));
  const certificate = new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca'), namespace, dnsNames: failover.model.regionalHostnames('east') });
  return { chart, bridge, certificate, gatewayClass: gatewayClassFor(failover, chart) };
}

/** The GatewayClass a provider that makes Gateway API Gateways needs in `chart`'s cluster; undefined for the others. */
function gatewayClassFor(failover: FailoverGateway, chart: Chart): EnvoyGatewayClass | undefined {
  return failover.provider.usesGatewayClass ? new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined;
}

const ISTIO_PROXIES: NetworkPeer = { namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' }, podLabels: { istio: 'ingressgateway' } };
const ENVOY_PROXIES: NetworkPeer = { namespaceLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' }, podLabels: { 'app.kubernetes.io/name': 'envoy' } };
const TSB_PROXIES: NetworkPeer = { podLabels: { app: 'bridge-gateway' } };

describe("a regional gateway in front of a bridge whose NetworkPolicy does not admit the provider's proxies", () => {
  describe('each renderer knows its gateway proxy pods', () => {
    test('Istio: the ingress gateway pods (gatewaySelector) in gatewayNamespace, wherever the Gateway objects are', () => {
      expect(new IstioFailover().gatewayPeer('bridge')).toEqual(ISTIO_PROXIES);
      expect(new IstioFailover().gatewayPeer('bridge', 'gateways')).toEqual(ISTIO_PROXIES);
      expect(new IstioFailover({ gatewayNamespace: 'ingress', gatewaySelector: { app: 'edge' } }).gatewayPeer('bridge')).toEqual({ namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress' }, podLabels: { app: 'edge' } });
      // Gateways in the bridge's own namespace: no namespace selector.
      expect(new IstioFailover({ gatewayNamespace: 'bridge' }).gatewayPeer('bridge')).toEqual({ podLabels: { istio: 'ingressgateway' } });
    });

    test("Envoy Gateway: its Envoy proxies (app.kubernetes.io/name: envoy) in the controller's namespace", () => {
      expect(new EnvoyGatewayFailover().gatewayPeer('bridge')).toEqual(ENVOY_PROXIES);
      expect(new EnvoyGatewayFailover({ controllerNamespace: 'eg' }).gatewayPeer('bridge')).toEqual({ namespaceLabels: { 'kubernetes.io/metadata.name': 'eg' }, podLabels: { 'app.kubernetes.io/name': 'envoy' } });
    });

    test("TSB: the regional ingress gateway (app: <ingressGatewayName>) in the regional objects' namespace, by default the bridge's", () => {
      expect(new TetrateFailover().gatewayPeer('bridge')).toEqual(TSB_PROXIES);
      expect(new TetrateFailover({ ingressGatewayName: 'edge' }).gatewayPeer('bridge', 'gateways')).toEqual({ namespaceLabels: { 'kubernetes.io/metadata.name': 'gateways' }, podLabels: { app: 'edge' } });
    });
  });

  describe.each<[string, () => IFailoverRenderer, NetworkPeer]>([
    ['Istio', () => new IstioFailover(), ISTIO_PROXIES],
    ['Envoy Gateway', () => new EnvoyGatewayFailover(), ENVOY_PROXIES],
  ])('%s', (name, provider, proxies) => {
    test('allowFrom unset (the bridge\'s namespace only) fails, naming bridge.allowFrom and the entry to add', () => {
      const failover = failoverOf(provider());
      const { chart, bridge, certificate, gatewayClass } = east(failover);
      const entry = name === 'Istio'
        ? "{ namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' }, podLabels: { istio: 'ingressgateway' } }"
        : "{ namespaceLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' }, podLabels: { 'app.kubernetes.io/name': 'envoy' } }";
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(
        `RegionalGateway 'east' at east/Failover: bridge.allowFrom does not admit the gateway proxies of ${name}, ${entry}: KafkaBridge 'events' at east/Bridge has allowFrom unset, which admits only the pods of namespace bridge, so its NetworkPolicy would drop every request the regional gateway forwards (got undefined); add ${entry} to the bridge's allowFrom`,
      );
    });

    test('allowFrom: [] (nobody) fails', () => {
      const failover = failoverOf(provider());
      const { chart, bridge, certificate, gatewayClass } = east(failover, { allowFrom: [] });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(/bridge.allowFrom does not admit the gateway proxies .* has allowFrom \[\], which admits nobody/);
    });

    test('allowFrom with other pods fails', () => {
      const failover = failoverOf(provider());
      const { chart, bridge, certificate, gatewayClass } = east(failover, { allowFrom: [{ ...proxies, podLabels: { app: 'something-else' } }] });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(/bridge.allowFrom does not admit the gateway proxies .* has allowFrom \[\{ namespaceLabels: .*podLabels: \{ app: 'something-else' \} \}\]/);
    });

    test("allowFrom with the renderer's peer, or a broader one of the proxies' namespace, is right", () => {
      for (const allowFrom of [[proxies], [{ namespaceLabels: proxies.namespaceLabels }], [{ podLabels: { team: 'x' } }, proxies]]) {
        const failover = failoverOf(provider());
        const { chart, bridge, certificate, gatewayClass } = east(failover, { allowFrom });
        expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).not.toThrow();
      }
    });
  });

  test("TSB: its ingress gateway runs in the bridge's namespace, which the default admits; [] does not", () => {
    const ok = failoverOf(new TetrateFailover());
    const right = east(ok);
    expect(() => ok.addRegionalGateway(right.chart, 'Failover', { region: 'east', bridge: right.bridge, certificate: right.certificate, gatewayClass: right.gatewayClass })).not.toThrow();
    const failover = failoverOf(new TetrateFailover());
    const wrong = east(failover, { allowFrom: [] });
    expect(() => failover.addRegionalGateway(wrong.chart, 'Failover', { region: 'east', bridge: wrong.bridge, certificate: wrong.certificate, gatewayClass: wrong.gatewayClass })).toThrow(
      /bridge.allowFrom does not admit the gateway proxies of Tetrate Service Bridge, \{ podLabels: \{ app: 'bridge-gateway' \} \}: .*add \{ podLabels: \{ app: 'bridge-gateway' \} \} to the bridge's allowFrom/,
    );
  });

  test('a bridge serving HTTPS (httpTls) fails: the regional gateway forwards plain HTTP to it', () => {
    const failover = failoverOf(new TetrateFailover());
    const { chart, bridge, certificate, gatewayClass } = east(failover, { httpTls: { secretName: 'bridge-http-tls' } });
    expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(
      /bridge\.httpTls is set on KafkaBridge 'events' at east\/Bridge, which then serves HTTPS, but the regional gateway forwards plain HTTP to the bridge's Service .*\(got "bridge-http-tls"\)/,
    );
  });

  test.each([FailoverProviderKind.ISTIO, FailoverProviderKind.ENVOY_GATEWAY, FailoverProviderKind.TETRATE])('MultiRegionEnvironment (%s): each bridge admits exactly its renderer\'s proxies', (provider) => {
    const env = new MultiRegionEnvironment(Testing.app(), 'mr', { provider });
    const expected = { [FailoverProviderKind.ISTIO]: ISTIO_PROXIES, [FailoverProviderKind.ENVOY_GATEWAY]: ENVOY_PROXIES, [FailoverProviderKind.TETRATE]: TSB_PROXIES }[provider];
    expect(env.bridges.east.allowFrom).toEqual([expected]);
    expect(env.bridges.east.admits(env.failover.provider.gatewayPeer('bridge'))).toBe(true);
  });
});

describe('failover references and values are checked', () => {
  /** The tier-1 gateway in a chart of its own app, with the certificate where the proxy reads it. */
  function tier1(provider: IFailoverRenderer, namespace: string | undefined, extra: (chart: Chart) => void = () => undefined) {
    const failover = failoverOf(provider);
    const chart = new Chart(Testing.app(), 'central');
    extra(chart);
    const certificate = new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca'), namespace, dnsNames: failover.model.centralHostnames });
    failover.addTier1Gateway(chart, 'Tier1', { certificate, gatewayClass: gatewayClassFor(failover, chart) });
    return chart;
  }
  const secret = (namespace: string) => (chart: Chart) => { new ApiObject(chart, `Secret-${namespace}`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bridge-ca', namespace } }); };
  const warningsOf = (chart: Chart) => {
    synth(chart);
    return ConsistencyPass.of(chart).warnings();
  };

  test("Istio's caSecret (the DestinationRules' credentialName) warns unless the Secret is in the ingress gateway's namespace", () => {
    expect(warningsOf(tier1(new IstioFailover(), 'istio-ingress'))).toEqual([
      expect.stringMatching(/^Tier1Gateway 'bridge.example.com' at central\/Tier1: caSecret refers to Secret 'istio-ingress\/bridge-ca', which nothing in the app emits or makes.* create the Secret \(key ca.crt.*\) in istio-ingress.*fine if it is made outside this app/),
    ]);
    expect(warningsOf(tier1(new IstioFailover(), 'istio-ingress', secret('istio-ingress')))).toEqual([]);
    // In another namespace it is the mistake it almost surely is.
    expect(() => synth(tier1(new IstioFailover(), 'istio-ingress', secret('tier1')))).toThrow(/caSecret refers to Secret 'istio-ingress\/bridge-ca', which nothing in the app emits or makes. It exists as Secret tier1\/bridge-ca/);
  });

  test("Envoy's caSecret (the Backends' CA) warns unless it is defined", () => {
    expect(warningsOf(tier1(new EnvoyGatewayFailover(), 'tier1'))).toEqual([
      expect.stringMatching(/^Tier1Gateway 'bridge.example.com' at central\/Tier1: caSecret refers to Secret 'tier1\/bridge-ca', which nothing in the app emits or makes/),
    ]);
    expect(warningsOf(tier1(new EnvoyGatewayFailover(), 'tier1', secret('tier1')))).toEqual([]);
  });

  describe("the GatewayClass is a typed reference: Envoy Gateway's Gateways need the one of their own cluster", () => {
    test('unset, it fails naming the prop and how to make one', () => {
      const failover = failoverOf(new EnvoyGatewayFailover());
      const { chart, bridge, certificate } = east(failover, { allowFrom: [ENVOY_PROXIES] });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate })).toThrow(
        /^RegionalGateway 'east' at east\/Failover: gatewayClass is unset: Envoy Gateway makes a Gateway API Gateway, which names the GatewayClass that runs it \(got undefined\); pass the GatewayClass of this cluster: new EnvoyGatewayClass\(chart, 'GatewayClass'/,
      );
      const central = new Chart(Testing.app(), 'central');
      const certificate1 = new Certificate(central, 'Tls', { issuer: new SelfSignedClusterIssuer(central, 'Ca'), namespace: 'tier1', dnsNames: failover.model.centralHostnames });
      expect(() => failover.addTier1Gateway(central, 'Tier1', { certificate: certificate1 })).toThrow(/^Tier1Gateway 'bridge.example.com' at central\/Tier1: gatewayClass is unset/);
    });

    test("one of another cluster's chart fails: a GatewayClass is an object of the cluster that runs the Gateway", () => {
      const failover = failoverOf(new EnvoyGatewayFailover());
      const { chart, bridge, certificate } = east(failover, { allowFrom: [ENVOY_PROXIES] });
      const elsewhere = new EnvoyGatewayClass(new Chart(Testing.app(), 'central'), 'GatewayClass', { name: 'envoy-bridge' });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass: elsewhere })).toThrow(
        /^RegionalGateway 'east' at east\/Failover: gatewayClass is GatewayClass 'envoy-bridge' at central\/GatewayClass, in another cluster's chart \(central\).*define the GatewayClass in this cluster's chart \(east\)/,
      );
    });

    test('the Gateway names the class given, one made here or one installed beforehand', () => {
      const failover = failoverOf(new EnvoyGatewayFailover());
      const { chart, bridge, certificate } = east(failover, { allowFrom: [ENVOY_PROXIES] });
      const installed = EnvoyGatewayClass.fromGatewayClassName(chart, 'Installed', 'platform-envoy');
      failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass: installed });
      expect(find(synth(chart), 'Gateway', 'events-east').spec.gatewayClassName).toBe('platform-envoy');
    });

    test.each([['Istio', () => new IstioFailover()], ['TSB', () => new TetrateFailover()]] as const)('%s selects its proxies by labels: a GatewayClass given is refused, not dropped', (_name, provider) => {
      const failover = failoverOf(provider());
      const { chart, bridge, certificate } = east(failover, { allowFrom: [provider().gatewayPeer('bridge')] });
      const gatewayClass = new EnvoyGatewayClass(chart, 'Class', { name: 'envoy-bridge' });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(/gatewayClass is set, but .* selects its gateway proxies by labels, not by a GatewayClass \(got "envoy-bridge"\); leave gatewayClass unset/);
    });
  });

  test.each([FailoverProviderKind.ISTIO, FailoverProviderKind.ENVOY_GATEWAY, FailoverProviderKind.TETRATE])('MultiRegionEnvironment (%s) declares the Secrets its runbook creates: no warnings', (provider) => {
    const app = Testing.app();
    const env = new MultiRegionEnvironment(app, 'mr', { provider });
    for (const chart of Object.values(env.charts)) synth(chart);
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });

  describe('renderer options fail at construction', () => {
    test.each<[string, () => unknown, RegExp]>([
      ['an Envoy Gateway namespace with an underscore', () => new EnvoyGatewayFailover({ controllerNamespace: 'Bad_NS' }), /^new EnvoyGatewayFailover\(\): options.controllerNamespace must be lowercase alphanumerics and '-'.* \(got "Bad_NS"\); use e.g. 'envoy-gateway-system'$/],
      ['an Istio gateway namespace with an underscore', () => new IstioFailover({ gatewayNamespace: 'Bad_NS' }), /^new IstioFailover\(\): options.gatewayNamespace must be lowercase alphanumerics and '-'.* \(got "Bad_NS"\); use e.g. 'istio-ingress'$/],
      ['a gateway selector key with a space', () => new IstioFailover({ gatewaySelector: { 'bad key': 'x' } }), /^new IstioFailover\(\): options.gatewaySelector\['bad key'\] is not a Kubernetes label: "bad key" is not a qualified name/],
      ['a gateway selector value with a slash', () => new IstioFailover({ gatewaySelector: { istio: 'in/gress' } }), /^new IstioFailover\(\): options.gatewaySelector\['istio'\] is not a Kubernetes label: "in\/gress" is not a label value/],
      ['an empty gateway selector', () => new IstioFailover({ gatewaySelector: {} }), /^new IstioFailover\(\): options.gatewaySelector is empty: it would apply the Gateways to every gateway workload/],
      ['a TSB config namespace with an underscore', () => new TetrateFailover({ configNamespace: 'Bad_NS' }), /^new TetrateFailover\(\): options.configNamespace must be/],
      ['a TSB bridge namespace with an underscore', () => new TetrateFailover({ bridgeNamespace: 'Bad_NS' }), /^new TetrateFailover\(\): options.bridgeNamespace must be/],
      ['a TSB ingress gateway name that is no label', () => new TetrateFailover({ ingressGatewayName: 'Bridge Gateway' }), /^new TetrateFailover\(\): options.ingressGatewayName must be/],
      ['a TSB tenant that is no object name', () => new TetrateFailover({ tenant: 'Kafka Tenant' }), /^new TetrateFailover\(\): options.tenant must be/],
    ])('%s', (_case, make, message) => {
      expect(make).toThrow(message);
    });

    test('the right values construct', () => {
      expect(() => new EnvoyGatewayFailover({ controllerNamespace: 'envoy-gateway-system' })).not.toThrow();
      expect(() => new IstioFailover({ gatewayNamespace: 'istio-ingress', gatewaySelector: { istio: 'ingressgateway', 'app.kubernetes.io/name': 'istio-ingressgateway' } })).not.toThrow();
      expect(() => new TetrateFailover({ configNamespace: 'tsb-conf', bridgeNamespace: 'bridge', ingressGatewayName: 'bridge-gateway', tenant: 'kafka' })).not.toThrow();
    });
  });

  describe('a bridge with no namespace behind a regional gateway', () => {
    test.each<[string, () => IFailoverRenderer]>([
      ['Istio', () => new IstioFailover()],
      ['Envoy Gateway', () => new EnvoyGatewayFailover()],
      ['TSB', () => new TetrateFailover()],
    ])('%s: fails clearly instead of routing to <service>.undefined.svc', (_name, provider) => {
      const failover = failoverOf(provider());
      const chart = new Chart(Testing.app(), 'east');
      const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), allowFrom: [{ podLabels: {} }] });
      const certificate = new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca'), namespace: 'istio-ingress', dnsNames: failover.model.regionalHostnames('east') });
      expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass: gatewayClassFor(failover, chart) })).toThrow(
        /^RegionalGateway 'east' at east\/Failover: bridge.namespace is unset \(KafkaBridge 'events' at east\/Bridge, in a chart without a namespace\): the regional gateway routes to the bridge's Service by its cluster DNS name, <service>.<namespace>.svc \(got undefined\); give the bridge a namespace/,
      );
    });

    test("a namespace from the bridge's chart is right", () => {
      const failover = failoverOf(new EnvoyGatewayFailover());
      const chart = new Chart(Testing.app(), 'east', { namespace: 'bridge' });
      const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), allowFrom: [ENVOY_PROXIES] });
      const certificate = new Certificate(chart, 'Tls', { issuer: new SelfSignedClusterIssuer(chart, 'Ca'), dnsNames: failover.model.regionalHostnames('east') });
      failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass: gatewayClassFor(failover, chart) });
      expect(find(synth(chart), 'HTTPRoute', 'events-east').spec.rules[0].backendRefs).toEqual([{ group: '', kind: 'Service', name: 'events-bridge-service', port: 8080, weight: 1 }]);
    });
  });

  test("a TSB tier-1 gateway whose certificate has no namespace fails clearly instead of selecting 'central/undefined'", () => {
    expect(() => tier1(new TetrateFailover(), undefined)).toThrow(
      /^Tier1Gateway 'bridge.example.com' at central\/Tier1: namespace is unset, and so is the certificate's: TSB selects the tier-1 gateway's namespace by name \(<cluster>\/<namespace>\) and installs the gateway there \(got undefined\); issue the tier-1 certificate in a namespace/,
    );
    const manifests = synth(tier1(new TetrateFailover(), 'tier1'));
    expect(find(manifests, 'Workspace', 'tier1').spec.namespaceSelector.names).toEqual(['central/tier1']);
  });

  describe('region addresses are a DNS name or an IPv4 address', () => {
    test.each(['https://gw.example.com/', 'gw.example.com:443', 'gw.example.com/bridge', '999.0.113.10', 'GW.example.com', ' gw.example.com'])('%j is rejected', (address) => {
      expect(() => failoverOf(new IstioFailover(), { regions: [{ ...regions[0], address }, regions[1]] })).toThrow(
        `FailoverGateway 'bridge.example.com': regions[0].address must be a DNS name or an IPv4 address: no scheme, port or path (the tier-1 gateway dials it on port 443) (got ${JSON.stringify(address)}); use e.g. 'gateway.east.example.com' or '203.0.113.10'`,
      );
    });

    test.each(['gw.example.com', '203.0.113.10', 'gateway-east'])('%j is right', (address) => {
      expect(() => failoverOf(new EnvoyGatewayFailover(), { regions: [{ ...regions[0], address }, regions[1]] })).not.toThrow();
    });
  });

  describe('health-check, outlier-detection and retry durations are whole seconds > 0', () => {
    test.each<[string, Partial<FailoverGatewayProps>]>([
      ['healthCheck.interval', { healthCheck: { interval: Duration.seconds(0) } }],
      ['healthCheck.timeout', { healthCheck: { timeout: Duration.seconds(0) } }],
      ['outlierDetection.interval', { outlierDetection: { interval: Duration.seconds(0) } }],
      ['outlierDetection.baseEjectionTime', { outlierDetection: { baseEjectionTime: Duration.seconds(0) } }],
      ['retries.perTryTimeout', { retries: { perTryTimeout: Duration.seconds(0) } }],
    ])('%s of 0s is rejected; 1s is right', (prop, props) => {
      expect(() => failoverOf(new EnvoyGatewayFailover(), props)).toThrow(`FailoverGateway 'bridge.example.com': ${prop} must be a whole number of seconds, at least 1 (got "0s"); use e.g. Duration.seconds(5)`);
      const [group, key] = prop.split('.');
      expect(() => failoverOf(new EnvoyGatewayFailover(), { [group]: { [key]: Duration.seconds(1) } })).not.toThrow();
    });

    test('half a second would render as 0s or fail in goDuration: rejected', () => {
      expect(() => failoverOf(new IstioFailover(), { healthCheck: { interval: Duration.millis(500) } })).toThrow(/healthCheck.interval must be a whole number of seconds, at least 1 \(got "0.5s"\)/);
    });
  });
});

describe('names that would collide are rejected with the prop at fault', () => {
  test.each<[string, () => IFailoverRenderer]>([
    ['Istio', () => new IstioFailover()],
    ['Envoy Gateway', () => new EnvoyGatewayFailover()],
  ])("%s: a region named 'failover' (its pinned route would be <label>-failover, the failover route's name)", (_name, provider) => {
    expect(() => failoverOf(provider(), { regions: [{ ...regions[0], name: 'failover' }, regions[1]] })).toThrow(
      /^FailoverGateway 'bridge.example.com': regions\[0\].name is taken: the tier-1 gateway's failover route is named <first label of hostname>-failover, .* \(got "failover"\); name the region after where it runs/,
    );
    expect(() => failoverOf(provider(), { regions: [{ ...regions[0], name: 'failover-east' }, regions[1]] })).not.toThrow();
  });

  test("Envoy: regions 'east' and 'east-pinned' (the pinned Backend of east would be the failover Backend of east-pinned)", () => {
    expect(() => failoverOf(new EnvoyGatewayFailover(), { regions: [regions[0], { ...regions[1], name: 'east-pinned' }] })).toThrow(
      /^FailoverGateway 'bridge.example.com': regions\[1\].name is region 'east' with '-pinned' appended: Envoy names the pinned Backend of 'east' <first label of hostname>-east-pinned, the name of this region's failover Backend \(got "east-pinned"\)/,
    );
    // 'west-pinned' beside east is no clash.
    expect(() => failoverOf(new EnvoyGatewayFailover(), { regions: [regions[0], { ...regions[1], name: 'west-pinned' }] })).not.toThrow();
  });

  describe('two failover gateways whose hostnames share the first label, in one chart', () => {
    function twoTier1(provider: () => IFailoverRenderer, second: string, secondNamespace: string) {
      const chart = new Chart(Testing.app(), 'central');
      const issuer = new SelfSignedClusterIssuer(chart, 'Ca');
      const gatewayClass = provider().usesGatewayClass ? new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined;
      [['bridge.example.com', 'tier1'], [second, secondNamespace]].forEach(([hostname, namespace], i) => {
        const failover = new FailoverGateway({ hostname, regions, provider: provider() });
        const proxyNamespace = failover.provider.proxyNamespace(namespace)!;
        const certificate = new Certificate(chart, `Tls${i}`, { issuer, name: `tier1-${i}`, namespace: proxyNamespace, dnsNames: failover.model.centralHostnames });
        failover.addTier1Gateway(chart, `Tier1-${i}`, { certificate, gatewayClass });
      });
      return chart;
    }

    test.each<[string, () => IFailoverRenderer]>([
      ['Istio', () => new IstioFailover()],
      ['Envoy Gateway', () => new EnvoyGatewayFailover()],
    ])('%s: the second names the hostname', (_name, provider) => {
      expect(() => twoTier1(provider, 'bridge.example.org', 'tier1')).toThrow(
        /^Tier1Gateway 'bridge.example.org' at central\/Tier1-1: hostname starts with the label 'bridge', which names the tier-1 objects \(bridge-tier1, bridge-failover, bridge-<region>\), as the tier-1 gateway of FailoverGateway 'bridge.example.com' at central\/Tier1-0 does in namespace .* of this chart; .*give the failover gateways hostnames with distinct first labels/,
      );
      expect(() => synth(twoTier1(provider, 'events.example.org', 'tier1'))).not.toThrow();
    });

    test('Envoy Gateway: in distinct namespaces they do not clash', () => {
      expect(() => synth(twoTier1(() => new EnvoyGatewayFailover(), 'bridge.example.org', 'tier1-org'))).not.toThrow();
    });

    test('TSB: its hierarchy has fixed names, so the second names the provider', () => {
      expect(() => twoTier1(() => new TetrateFailover(), 'events.example.org', 'tier1')).toThrow(
        /^Tier1Gateway 'events.example.org' at central\/Tier1-1: provider renders the TSB hierarchy and tier-1 objects, whose names are fixed .* in configNamespace tsb-conf, as the tier-1 gateway of FailoverGateway 'bridge.example.com' at central\/Tier1-0 does in this chart/,
      );
    });
  });

  test('two failover gateways in front of one bridge in one region: the second names the region', () => {
    const chart = new Chart(Testing.app(), 'east');
    const first = failoverOf(new IstioFailover());
    const second = failoverOf(new IstioFailover(), { hostname: 'events.example.com' });
    const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }), allowFrom: [ISTIO_PROXIES] });
    const issuer = new SelfSignedClusterIssuer(chart, 'Ca');
    const certificate = new Certificate(chart, 'Tls', { issuer, namespace: 'istio-ingress', dnsNames: [...first.model.regionalHostnames('east'), ...second.model.regionalHostnames('east')] });
    first.addRegionalGateway(chart, 'First', { region: 'east', bridge, certificate });
    expect(() => second.addRegionalGateway(chart, 'Second', { region: 'east', bridge, certificate })).toThrow(
      /^RegionalGateway 'east' at east\/Second: region has its gateway objects named events-east \(<bridge>-<region>\) in namespace istio-ingress, as the regional gateway of FailoverGateway 'bridge.example.com' at east\/First does in this chart/,
    );
    // Another namespace is no way out for Istio: its objects are exported to their own namespace
    // only, and the ingress gateway that must see them runs in istio-ingress.
    expect(() => second.addRegionalGateway(chart, 'Third', { region: 'east', bridge, certificate, namespace: 'gateways' })).toThrow(
      /RegionalGateway 'east' at east\/Third: namespace puts the Istio Gateway, VirtualServices, ServiceEntries and DestinationRules in gateways, but they are exported to their own namespace only, and the ingress gateway that must see them runs in istio-ingress/,
    );
  });

  test('TSB: two bridges of one namespace behind two failover gateways would install one ingress gateway twice', () => {
    const chart = new Chart(Testing.app(), 'east');
    const issuer = new SelfSignedClusterIssuer(chart, 'Ca');
    const add = (hostname: string, bridgeName: string, provider: TetrateFailover) => {
      const failover = failoverOf(provider, { hostname });
      const bridge = new KafkaBridge(chart, `Bridge-${bridgeName}`, { name: bridgeName, namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'kafka-ca' }) });
      const certificate = new Certificate(chart, `Tls-${bridgeName}`, { issuer, namespace: 'bridge', dnsNames: failover.model.regionalHostnames('east') });
      failover.addRegionalGateway(chart, `Failover-${bridgeName}`, { region: 'east', bridge, certificate });
    };
    add('bridge.example.com', 'events', new TetrateFailover());
    expect(() => add('orders.example.com', 'orders', new TetrateFailover())).toThrow(
      /^RegionalGateway 'east' at east\/Failover-orders: provider installs the regional ingress gateway 'bridge-gateway' in namespace bridge, as the regional gateway of FailoverGateway 'bridge.example.com' at east\/Failover-events does in this chart.*give this TetrateFailover another ingressGatewayName/,
    );
    expect(() => add('audit.example.com', 'audit', new TetrateFailover({ ingressGatewayName: 'audit-gateway' }))).not.toThrow();
  });

  test("a TSB bridge outside the bridges workspace's namespace names the construct and bridge.namespace", () => {
    const failover = failoverOf(new TetrateFailover());
    const { chart, bridge, certificate, gatewayClass } = east(failover, { namespace: 'apps' });
    expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, gatewayClass })).toThrow(
      /^RegionalGateway 'east' at east\/Failover: bridge.namespace is not the namespace the TSB bridges workspace selects \(TetrateFailover bridgeNamespace: bridge\).* \(got "apps"\); pass bridgeNamespace: 'apps' to TetrateFailover/,
    );
  });

  test('an unknown region names the construct path and the prop region', () => {
    const failover = failoverOf(new IstioFailover());
    const { chart, bridge, certificate, gatewayClass } = east(failover, { allowFrom: [ISTIO_PROXIES] });
    expect(() => failover.addRegionalGateway(chart, 'North', { region: 'north', bridge, certificate })).toThrow(
      "RegionalGateway 'north' at east/North: region is not a region of the model: FailoverGateway 'bridge.example.com' has no region 'north'; it has east, west (got \"north\"); use one of 'east', 'west', or add the region to the FailoverGateway's regions",
    );
    expect(() => failover.addRegionalGateway(chart, 'East', { region: 'east', bridge, certificate, gatewayClass })).not.toThrow();
  });

  describe('MultiRegionEnvironment errors carry its path and prop', () => {
    const env = (regionsProp: Array<{ name: string; priority: number }>, provider = FailoverProviderKind.ISTIO) => new MultiRegionEnvironment(Testing.app(), 'mr', { provider, regions: regionsProp });

    test('duplicate region names', () => {
      expect(() => env([{ name: 'east', priority: 0 }, { name: 'east', priority: 1 }])).toThrow(
        "MultiRegionEnvironment 'mr' at mr: regions[1].name is also regions[0].name: each region is a cluster of its own (got \"east\"); give each region its own name",
      );
    });

    test.each([FailoverProviderKind.ISTIO, FailoverProviderKind.ENVOY_GATEWAY, FailoverProviderKind.TETRATE])('three priority levels (%s)', (provider) => {
      expect(() => env([{ name: 'east', priority: 0 }, { name: 'west', priority: 1 }, { name: 'south', priority: 2 }], provider)).toThrow(
        /^MultiRegionEnvironment 'mr' at mr: regions have 3 priority levels; every failover provider orders exactly two \(preferred, then the rest\) \(got \["east=0","west=1","south=2"\]\); give the preferred regions priority 0/,
      );
    });

    test('one priority level, and one region', () => {
      expect(() => env([{ name: 'east', priority: 0 }, { name: 'west', priority: 0 }])).toThrow(/^MultiRegionEnvironment 'mr' at mr: regions have 1 priority level; every failover provider orders exactly two/);
      expect(() => env([{ name: 'east', priority: 0 }])).toThrow(/^MultiRegionEnvironment 'mr' at mr: regions need at least two regions to fail over between \(got \["east"\]\)/);
    });

    test("anything else the failover model rejects is prefixed with the environment's path", () => {
      expect(() => env([{ name: 'failover', priority: 0 }, { name: 'west', priority: 1 }])).toThrow(
        /^MultiRegionEnvironment 'mr' at mr: regions or domain make a failover gateway that cannot work: FailoverGateway 'bridge.example.com': regions\[0\].name is taken/,
      );
    });

    test('the right regions: two names, two priority levels (several regions may share one)', () => {
      expect(() => env([{ name: 'east', priority: 0 }, { name: 'north', priority: 0 }, { name: 'west', priority: 1 }], FailoverProviderKind.ENVOY_GATEWAY)).not.toThrow();
    });
  });
});
