import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { DevEnvironment, KindCluster, RouteMode } from '../../src';
import { all, expectValid, find, synth } from '../support';

describe.each([RouteMode.OPERATOR, RouteMode.EXPLICIT])('DevEnvironment (%s routes)', (routeMode) => {
  const env = new DevEnvironment(Testing.app(), 'dev', { routeMode });
  const manifests = synth(env.chart);

  test('snapshot of the kind cluster', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('the manifest validator finds nothing, Gateway API CEL rules included', () => {
    expectValid(manifests);
  });

  test('the seed topology: KRaft pools, CA and wildcard certificate, GatewayClass, EnvoyProxy, Gateway, user and topic', () => {
    expect(manifests.map((m) => m.kind).filter((k, i, a) => a.indexOf(k) === i).sort()).toEqual([
      'Certificate', 'ClusterIssuer', 'EnvoyProxy', 'Gateway', 'GatewayClass', 'Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser', 'Namespace',
      ...(routeMode === RouteMode.EXPLICIT ? ['TLSRoute'] : []),
    ].sort());
    expect(find(manifests, 'Kafka', 'gateway-api-test').metadata.annotations!['kafka.cdk8s.io/profile']).toMatch(/^development/);
    expect(find(manifests, 'KafkaNodePool', 'controller').spec.replicas).toBe(1);
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.replicas).toBe(3);
    expect(find(manifests, 'KafkaTopic', 'orders').spec.partitions).toBe(12);
    expect(find(manifests, 'Certificate', 'gateway-api-test-external-tls').spec.dnsNames).toEqual(['bootstrap.strimzi.gateway.api.test', '*.strimzi.gateway.api.test']);
    const external = find(manifests, 'Kafka', 'gateway-api-test').spec.kafka.listeners.find((l: { name: string }) => l.name === 'external');
    expect(external.type).toBe(routeMode === RouteMode.OPERATOR ? 'tlsroute' : 'cluster-ip');
    expect(external.configuration.advertisedPortTemplate).toBe('9092');
    expect(all(manifests, 'TLSRoute')).toHaveLength(routeMode === RouteMode.EXPLICIT ? 4 : 0);
  });

  test('the artefacts: KIND config with the port mapping and a zone label, hosts lines, a client script', () => {
    const artefacts = env.artefacts();
    expect(Object.keys(artefacts).sort()).toEqual(['clients/app.sh', 'hosts', 'kind-config.yaml']);
    expect(parse(artefacts['kind-config.yaml'])).toEqual({
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      kind: 'Cluster',
      name: 'kafka',
      nodes: [{ role: 'control-plane', labels: { 'topology.kubernetes.io/zone': 'zone-a' }, extraPortMappings: [{ containerPort: 30992, hostPort: 9092, protocol: 'TCP' }] }],
    });
    expect(artefacts.hosts.split('\n').filter((l) => l.startsWith('127.'))).toEqual([
      '127.0.0.1 bootstrap.strimzi.gateway.api.test',
      '127.0.0.1 broker-100.strimzi.gateway.api.test',
      '127.0.0.1 broker-101.strimzi.gateway.api.test',
      '127.0.0.1 broker-102.strimzi.gateway.api.test',
    ]);
    const script = artefacts['clients/app.sh'];
    expect(script).toContain("kubectl -n kafka get secret gateway-api-test-external-tls -o jsonpath='{.data.ca\\.crt}' | base64 -d > ca.crt");
    expect(script).toContain("kubectl -n kafka get secret app -o jsonpath='{.data.password}'");
    expect(script).toContain('bootstrap.servers=bootstrap.strimzi.gateway.api.test:9092');
    expect(script).toContain('security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512');
    expect(script).toContain('ssl.truststore.type=PEM');
  });
});

describe('DevEnvironment fails when', () => {
  test('the KIND config does not publish the Gateway node port (the port chain breaks)', () => {
    const env = new DevEnvironment(Testing.app(), 'dev', { kind: new KindCluster({ portMappings: [{ containerPort: 31000, hostPort: 9092 }] }) });
    expect(() => synth(env.chart)).toThrow(/KafkaGateway 'kafka-gateway' at dev\/kind\/Gateway: gatewayClass puts the Gateway on node port 30992, which the cluster does not publish on any host port \(it publishes 31000→9092\).*\(got 30992\); publish node port 30992/);
  });

  test.each<[string, () => KindCluster]>([
    ['no portMappings', () => new KindCluster()],
    ['portMappings: []', () => new KindCluster({ portMappings: [] })],
  ])('the KIND config publishes nothing (%s): the Gateway node port is unreachable too', (_, kind) => {
    const env = new DevEnvironment(Testing.app(), 'dev', { kind: kind() });
    expect(() => synth(env.chart)).toThrow(/KafkaGateway 'kafka-gateway' at dev\/kind\/Gateway: gatewayClass puts the Gateway on node port 30992, which the cluster does not publish on any host port \(it publishes none\), so clients outside cannot reach it \(got 30992\); publish node port 30992 \(KIND portMappings: \{ containerPort: 30992, hostPort: <the port clients use> \}\)/);
  });

  test('the right value: a KIND config that publishes the Gateway node port synthesizes', () => {
    const env = new DevEnvironment(Testing.app(), 'dev', { kind: new KindCluster({ portMappings: [{ containerPort: 30992, hostPort: 9092 }] }) });
    expect(() => synth(env.chart)).not.toThrow();
  });
});
