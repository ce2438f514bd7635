import { Chart, Testing } from 'cdk8s';
import {
  AllowedRoutes,
  Certificate,
  EnvoyGatewayClass,
  ExternalListenerOptions,
  GatewayService,
  HostnameScheme,
  KafkaCluster,
  KafkaGateway,
  KafkaGatewayProps,
  KafkaTlsRoutes,
  NodeRole,
  RouteMode,
  SelfSignedClusterIssuer,
} from '../../src';
import { all, expectValid, find, synth } from '../support';

const hostnames = HostnameScheme.subdomain('kafka.example.com');

function setup(gatewayProps: Partial<KafkaGatewayProps> = {}) {
  const chart = new Chart(Testing.app(), 'test');
  const gatewayClass = new EnvoyGatewayClass(chart, 'Class', { name: 'envoy-kafka', service: GatewayService.nodePort({ port: 9092, nodePort: 30992 }) });
  const gateway = new KafkaGateway(chart, 'Gateway', { name: 'kafka-gateway', namespace: 'kafka', gatewayClass, hostnames, ...gatewayProps });
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka' });
  const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
  const certificate = new Certificate(chart, 'Tls', { issuer, namespace: 'kafka', dnsNames: [hostnames.bootstrap, hostnames.wildcard] });
  return { chart, gatewayClass, gateway, kafka, certificate };
}

describe('EnvoyGatewayClass and KafkaGateway', () => {
  test('snapshot', () => {
    const { chart } = setup();
    expect(synth(chart).filter((m) => ['GatewayClass', 'EnvoyProxy', 'Gateway'].includes(m.kind))).toMatchSnapshot();
  });

  test('a cluster-scoped GatewayClass with EnvoyProxy parameters that pin the node port', () => {
    const { chart, gatewayClass } = setup();
    const manifests = synth(chart);
    expect(find(manifests, 'GatewayClass', 'envoy-kafka').metadata).toEqual({ name: 'envoy-kafka' });
    expect(find(manifests, 'GatewayClass', 'envoy-kafka').spec.parametersRef).toEqual({ group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: 'envoy-kafka', namespace: 'envoy-gateway-system' });
    expect(find(manifests, 'EnvoyProxy', 'envoy-kafka').spec.provider.kubernetes.envoyService).toEqual({
      type: 'NodePort',
      patch: { type: 'StrategicMerge', value: { spec: { ports: [{ port: 9092, nodePort: 30992 }] } } },
    });
    expect(gatewayClass.nodePortFor(9092)).toBe(30992);
    expect(gatewayClass.node.defaultChild).toBe(gatewayClass.resource);
    expectValid(manifests);
  });

  test('a TLS passthrough listener on the wildcard, for TLSRoutes from its own namespace only', () => {
    const { chart, gateway } = setup();
    const listener = find(synth(chart), 'Gateway', 'kafka-gateway').spec.listeners[0];
    expect(listener).toEqual({
      name: 'kafka',
      port: 9092,
      protocol: 'TLS',
      hostname: '*.kafka.example.com',
      tls: { mode: 'Passthrough' },
      allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ group: 'gateway.networking.k8s.io', kind: 'TLSRoute' }] },
    });
    expect(gateway.externalPort).toBe(30992);
  });

  test('routes from named namespaces, through a LoadBalancer', () => {
    const chart = Testing.chart();
    const gatewayClass = new EnvoyGatewayClass(chart, 'Class');
    const gateway = new KafkaGateway(chart, 'Gw', { gatewayClass, hostnames, namespace: 'gateway', allowedRoutes: AllowedRoutes.fromNamespaces('kafka', 'kafka-b') });
    const manifests = synth(chart);
    expect(find(manifests, 'Gateway', 'gw').spec.listeners[0].allowedRoutes.namespaces).toEqual({
      from: 'Selector',
      selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['kafka', 'kafka-b'] }] },
    });
    expect(find(manifests, 'EnvoyProxy', 'class').spec.provider.kubernetes.envoyService).toEqual({ type: 'LoadBalancer' });
    expect(gateway.externalPort).toBe(9092);
    expectValid(manifests);
  });

  describe('fails when', () => {
    test('allowedRoutes is All', () => {
      expect(() => setup({ allowedRoutes: AllowedRoutes.all() })).toThrow(
        /KafkaGateway 'kafka-gateway' at test\/Gateway: allowedRoutes lets routes from every namespace attach.* \(got "All"\); use AllowedRoutes.sameNamespace\(\) or AllowedRoutes.fromNamespaces/,
      );
    });

    test('a NodePort class publishes no node port for the Gateway port', () => {
      expect(() => setup({ port: 9093 })).toThrow(/port has no node port in GatewayClass 'envoy-kafka', so clients outside cannot reach it \(got 9093\); add \{ port: 9093, nodePort: 3xxxx \}/);
    });

    test('a node port is outside the NodePort range', () => {
      expect(() => GatewayService.nodePort({ port: 9092, nodePort: 9092 })).toThrow(/^GatewayService.nodePort\(\): mappings\[0\].nodePort must be in the NodePort range 30000-32767 \(got 9092\)/);
    });

    test('fromNamespaces names none', () => {
      expect(() => AllowedRoutes.fromNamespaces()).toThrow(/name at least one namespace/);
    });
  });
});

describe('addExternalListener', () => {
  test('operator mode: a tlsroute listener with the scheme, the certificate and the Gateway as parent', () => {
    const { chart, gateway, kafka, certificate } = setup();
    const listener = kafka.addExternalListener('external', { gateway, certificate });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.listeners[1]).toEqual({
      name: 'external',
      port: 9094,
      type: 'tlsroute',
      tls: true,
      authentication: { type: 'scram-sha-512' },
      configuration: {
        brokerCertChainAndKey: { secretName: 'tls', certificate: 'tls.crt', key: 'tls.key' },
        bootstrap: { host: 'bootstrap.kafka.example.com' },
        hostTemplate: 'broker-{nodeId}.kafka.example.com',
        advertisedHostTemplate: 'broker-{nodeId}.kafka.example.com',
        advertisedPortTemplate: '30992',
        parentRefs: [{ name: 'kafka-gateway', namespace: 'kafka', sectionName: 'kafka', port: 9092 }],
      },
    });
    expect(all(manifests, 'TLSRoute')).toEqual([]);
    expect(listener.bootstrapService).toBe('my-cluster-kafka-external-bootstrap');
    expectValid(manifests);
  });

  test('explicit mode: a cluster-ip listener and one TLSRoute per broker plus the bootstrap, backed by the derived Services', () => {
    const { chart, gateway, kafka, certificate } = setup();
    kafka.addExternalListener('external', { gateway, certificate, mode: RouteMode.EXPLICIT });
    const manifests = synth(chart);
    const listener = find(manifests, 'Kafka', 'my-cluster').spec.kafka.listeners[1];
    expect(listener.type).toBe('cluster-ip');
    expect(listener.configuration).toEqual({
      brokerCertChainAndKey: { secretName: 'tls', certificate: 'tls.crt', key: 'tls.key' },
      advertisedHostTemplate: 'broker-{nodeId}.kafka.example.com',
      advertisedPortTemplate: '30992',
    });
    // A listener named `external` on 9094 keeps Strimzi's legacy names: per-broker Services
    // `<cluster>-<pool>-<id>` and a bootstrap route `<cluster>-kafka-bootstrap`.
    expect(all(manifests, 'TLSRoute').map((r) => r.metadata.name)).toEqual([
      'my-cluster-kafka-bootstrap', 'my-cluster-broker-100', 'my-cluster-broker-101', 'my-cluster-broker-102',
    ]);
    expect(find(manifests, 'TLSRoute', 'my-cluster-broker-101').spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'kafka-gateway', namespace: 'kafka', sectionName: 'kafka', port: 9092 }],
      hostnames: ['broker-101.kafka.example.com'],
      rules: [{ backendRefs: [{ group: '', kind: 'Service', name: 'my-cluster-broker-101', port: 9094, weight: 1 }] }],
    });
    expect(find(manifests, 'TLSRoute', 'my-cluster-kafka-bootstrap').spec.rules[0].backendRefs).toEqual([{ group: '', kind: 'Service', name: 'my-cluster-kafka-external-bootstrap', port: 9094, weight: 1 }]);
    expect(all(manifests, 'ReferenceGrant')).toEqual([]);
    expectValid(manifests);
  });

  test('explicit mode names routes after the Services of any other listener name', () => {
    const { chart, gateway, kafka } = setup();
    kafka.addExternalListener('gw', { gateway, mode: RouteMode.EXPLICIT, port: 9095 });
    expect(all(synth(chart), 'TLSRoute').map((r) => `${r.metadata.name}->${r.spec.rules[0].backendRefs[0].name}:${r.spec.rules[0].backendRefs[0].port}`)).toEqual([
      'my-cluster-kafka-gw-bootstrap->my-cluster-kafka-gw-bootstrap:9095',
      'my-cluster-broker-gw-100->my-cluster-broker-gw-100:9095',
      'my-cluster-broker-gw-101->my-cluster-broker-gw-101:9095',
      'my-cluster-broker-gw-102->my-cluster-broker-gw-102:9095',
    ]);
  });

  test('explicit mode with routes in the Gateway namespace adds a ReferenceGrant for exactly those Services', () => {
    const chart = Testing.chart();
    const gatewayClass = new EnvoyGatewayClass(chart, 'Class');
    const gateway = new KafkaGateway(chart, 'Gw', { gatewayClass, hostnames, namespace: 'gateway' });
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka' });
    kafka.addExternalListener('ext', { gateway, mode: RouteMode.EXPLICIT, routeNamespace: 'gateway' });
    const manifests = synth(chart);
    expect(all(manifests, 'TLSRoute').map((r) => r.metadata.namespace)).toEqual(['gateway', 'gateway', 'gateway', 'gateway']);
    expect(find(manifests, 'TLSRoute', 'my-cluster-broker-ext-100').spec.rules[0].backendRefs).toEqual([{ group: '', kind: 'Service', name: 'my-cluster-broker-ext-100', namespace: 'kafka', port: 9094, weight: 1 }]);
    const grant = find(manifests, 'ReferenceGrant', 'my-cluster-kafka-ext-bootstrap-routes');
    expect(grant.metadata.namespace).toBe('kafka');
    expect(grant.spec.from).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'TLSRoute', namespace: 'gateway' }]);
    expect(grant.spec.to.map((t: { name: string }) => t.name)).toEqual([
      'my-cluster-kafka-ext-bootstrap', 'my-cluster-broker-ext-100', 'my-cluster-broker-ext-101', 'my-cluster-broker-ext-102',
    ]);
    expectValid(manifests);
  });

  describe('fails when', () => {
    test.each<[string, Partial<ExternalListenerOptions>, RegExp]>([
      ['passthrough meets a listener without TLS', { tls: false }, /KafkaCluster 'my-cluster' at test\/Kafka: externalListeners\['external'\].tls is false, but Gateway 'kafka-gateway' passes TLS through to the brokers \(got false\); leave tls on/],
      ['the advertised port breaks the port chain', { advertisedPort: 9092 }, /advertisedPort breaks the port chain: clients reach Gateway 'kafka-gateway' on 30992, so the brokers must advertise that \(got 9092\)/],
      ['the route names a missing Gateway listener', { sectionName: 'tls' }, /gateway cannot take this listener's routes: Gateway 'kafka-gateway' has no listener 'tls' \(it has 'kafka'\)/],
      ['routeNamespace is set in operator mode', { routeNamespace: 'gateway' }, /routeNamespace only applies to RouteMode.EXPLICIT/],
      ['routes would live in a namespace the Gateway does not allow', { mode: RouteMode.EXPLICIT, routeNamespace: 'other' }, /Gateway 'kafka-gateway' does not allow routes from namespace other \(allowedRoutes Same\)/],
    ])('%s', (_case, options, message) => {
      const { gateway, kafka } = setup();
      expect(() => kafka.addExternalListener('external', { gateway, ...options })).toThrow(message);
    });

    test('the certificate is in another namespace than the cluster', () => {
      const { chart, gateway, kafka } = setup();
      const elsewhere = new Certificate(chart, 'Elsewhere', { issuer: new SelfSignedClusterIssuer(chart, 'I2'), namespace: 'certs', dnsNames: [hostnames.wildcard] });
      expect(() => kafka.addExternalListener('external', { gateway, certificate: elsewhere })).toThrow(/certificate is in namespace certs, but Strimzi reads the listener certificate from the cluster's \(kafka\)/);
    });

    test('a hostname is outside every SAN', () => {
      const { chart, gateway, kafka } = setup();
      const bootstrapOnly = new Certificate(chart, 'Narrow', { issuer: new SelfSignedClusterIssuer(chart, 'I2'), namespace: 'kafka', dnsNames: [hostnames.bootstrap] });
      kafka.addExternalListener('external', { gateway, certificate: bootstrapOnly });
      expect(() => synth(chart)).toThrow(/certificate does not cover broker-100.kafka.example.com, broker-101.kafka.example.com, broker-102.kafka.example.com \(its SANs: bootstrap.kafka.example.com; a wildcard covers exactly one label\) \(got "narrow"\); add \*.kafka.example.com/);
    });

    test('a wildcard SAN is asked to cover two labels', () => {
      const { chart, gateway, kafka } = setup();
      const parent = new Certificate(chart, 'Parent', { issuer: new SelfSignedClusterIssuer(chart, 'I2'), namespace: 'kafka', dnsNames: ['*.example.com'] });
      kafka.addExternalListener('external', { gateway, certificate: parent });
      expect(() => synth(chart)).toThrow(/certificate does not cover bootstrap.kafka.example.com, broker-100.kafka.example.com/);
    });

    test('a broker pool is added after the explicit routes were made', () => {
      const { chart, gateway, kafka, certificate } = setup();
      kafka.addExternalListener('external', { gateway, certificate, mode: RouteMode.EXPLICIT });
      kafka.addNodePool('More', { roles: [NodeRole.BROKER], replicas: 1 });
      expect(() => synth(chart)).toThrow(/mode made TLSRoutes for brokers 100, 101, 102 only; brokers 200 were added later and have no route .*; add node pools before addExternalListener\(\), or use RouteMode.OPERATOR/);
    });

    test('routes are made for hostnames the Gateway listener does not serve', () => {
      const { chart, gateway } = setup();
      expect(() => new KafkaTlsRoutes(chart, 'Routes', {
        gateway,
        port: 9094,
        backendNamespace: 'kafka',
        bootstrap: { name: 'b', hostname: 'bootstrap.other.example.org', service: 's' },
        brokers: [],
      })).toThrow(/KafkaTlsRoutes 'b' at test\/Routes: gateway cannot take these routes: Gateway 'kafka-gateway' listener hostname \*.kafka.example.com does not match bootstrap.other.example.org/);
    });
  });
});
