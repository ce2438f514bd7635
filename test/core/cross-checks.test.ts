import { App, Chart, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import {
  Acl, AclOperation, BridgeAuthentication, BridgeKafkaConnection, Certificate, ClusterProfile, ConsistencyPass, DevEnvironment, EnvoyGatewayClass,
  Environment, FailoverGateway, FailoverProviderKind, GatewayService, HostnameScheme, Issuer, IssuerType, IstioFailover, KafkaBridge, KafkaClientRole,
  KafkaClientWorkload, KafkaCluster, KafkaGateway, KafkaStorage, KafkaTlsRoutes, KindCluster, ListenerAuthentication, ListenerType, MultiRegionEnvironment, NodeRole, PrivateCa,
  PodSecurityLevel, RouteMode, SelfSignedClusterIssuer, UserAuthentication,
} from '../../src';
import { expectValid, find, synth } from '../support';

const hosts = HostnameScheme.subdomain('kafka.example.com');

/** A chart with a LoadBalancer Gateway in `kafka`, a cluster `events` and a certificate for the Gateway hosts. */
function gatewaySetup(app: App = Testing.app()) {
  const chart = new Chart(app, 'test');
  const gatewayClass = new EnvoyGatewayClass(chart, 'Class', { name: 'envoy-kafka' });
  const gateway = new KafkaGateway(chart, 'Gateway', { name: 'kafka-gateway', namespace: 'kafka', gatewayClass, hostnames: hosts });
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca' });
  const certificate = new Certificate(chart, 'Tls', { issuer: ca.issuer, name: 'events-external-tls', namespace: 'kafka', dnsNames: [hosts.bootstrap, hosts.wildcard] });
  return { chart, gatewayClass, gateway, kafka, certificate };
}

describe('trust chain: TLS clients trust the CA that signs the server they dial', () => {
  test('a bridge on a listener with its own certificate trusts that certificate\'s CA (its Secret\'s ca.crt), not the cluster CA', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    const certificate = new Certificate(chart, 'Tls', { issuer, name: 'events-internal-tls', namespace: 'kafka', dnsNames: ['events-kafka-custom-bootstrap.kafka.svc', '*.kafka.svc'] });
    kafka.addListener('custom', { port: 9095, type: ListenerType.CLUSTER_IP, brokerCertificate: { secretName: certificate.secretName } });
    const user = kafka.addUser('bridge');
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka, 'custom'), authentication: BridgeAuthentication.fromUser(user) });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaBridge', 'events').spec.tls).toEqual({ trustedCertificates: [{ secretName: 'events-internal-tls', certificate: 'ca.crt' }] });
    expectValid(manifests);
  });

  test('a client workload does the same: the truststore is the listener certificate\'s CA', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    const certificate = new Certificate(chart, 'Tls', { issuer, name: 'events-tls', namespace: 'kafka', dnsNames: ['events-kafka-bootstrap.kafka.svc', '*.events-kafka-brokers.kafka.svc'] });
    kafka.addListener('tls', { port: 9093, brokerCertificate: { secretName: certificate.secretName } });
    const topic = kafka.addTopic('orders');
    const user = kafka.addUser('app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE)] });
    new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    const volumes = find(synth(chart), 'Deployment', 'orders-producer').spec.template.spec.volumes;
    expect(volumes.find((v: any) => v.name === 'kafka-ca').secret.secretName).toBe('events-tls');
  });

  test('the cluster CA stays the trust of a listener without its own certificate (every certificate of it, by default)', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    expect(BridgeKafkaConnection.fromCluster(kafka).trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', pattern: '*.crt' });
    expect(BridgeKafkaConnection.fromCluster(kafka, undefined, { trustedCertificate: 'ca.crt' }).trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', certificate: 'ca.crt' });
  });

  test('a bridge on a Gateway listener fails: brokers advertise the Gateway hosts, which an in-cluster client would be sent to', () => {
    const { kafka, gateway, certificate } = gatewaySetup();
    kafka.addExternalListener('external', { gateway, certificate });
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'external')).toThrow(
      /^BridgeKafkaConnection.fromCluster\(\): listener 'external' of KafkaCluster 'events' at test\/Kafka advertises hosts outside the Kubernetes cluster.*\(got "external"\); use an internal or cluster-ip listener/,
    );
    // Without a name, the first listener that serves in-cluster clients is taken.
    expect(BridgeKafkaConnection.fromCluster(kafka).bootstrapServers).toBe('events-kafka-bootstrap.kafka.svc:9093');
  });

  test('a hand-made trust that does not match the server it dials fails at synth, naming both CAs', () => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    new Certificate(chart, 'Other', { issuer, name: 'other-tls', namespace: 'kafka', dnsNames: ['other.example.com'] });
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'other-tls' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge') });
    expect(() => synth(chart)).toThrow(/KafkaBridge 'events' at test\/Bridge: kafka dials events-kafka-bootstrap.kafka.svc:9093, listener 'tls' of KafkaCluster 'events', whose certificate is signed by the CA in Secret 'kafka\/events-cluster-ca-cert', but trusts the CA in Secret 'kafka\/other-tls'/);
  });

  test('trust by pattern keeps the trust chain: a pattern of the wrong Secret fails at synth, one that misses the CA at once', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    new Certificate(chart, 'Other', { issuer, name: 'other-tls', namespace: 'kafka', dnsNames: ['other.example.com'] });
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'other-tls', pattern: '*.crt' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge') });
    expect(() => synth(chart)).toThrow(/KafkaBridge 'events' at test\/Bridge: kafka dials events-kafka-bootstrap.kafka.svc:9093, listener 'tls' of KafkaCluster 'events', whose certificate is signed by the CA in Secret 'kafka\/events-cluster-ca-cert', but trusts the CA in Secret 'kafka\/other-tls'/);
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: 'ca-*.crt' })).toThrow(/options\.trustedCertificatesPattern does not match 'ca\.crt', the CA certificate of listener 'tls' in Secret 'events-cluster-ca-cert': the client would not trust the brokers/);
  });

  test('the default pattern trust of the cluster CA passes the trust chain', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(kafka.addUser('bridge')) });
    new KafkaBridge(chart, 'ByHand', { name: 'by-hand', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'events-cluster-ca-cert', pattern: '*.crt' }), authentication: BridgeAuthentication.fromUser(kafka.addUser('by-hand')) });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaBridge', 'events').spec.tls).toEqual({ trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] });
    expectValid(manifests);
  });

  test('a client dialing a host the listener certificate does not cover fails (hostname verification)', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    const certificate = new Certificate(chart, 'Tls', { issuer, name: 'events-internal-tls', namespace: 'kafka', dnsNames: ['kafka.example.com'] });
    kafka.addListener('custom', { port: 9095, type: ListenerType.CLUSTER_IP, brokerCertificate: { secretName: certificate.secretName } });
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka, 'custom'), authentication: BridgeAuthentication.fromUser(kafka.addUser('bridge')) });
    expect(() => synth(chart)).toThrow(/KafkaBridge 'events' at test\/Bridge: kafka dials events-kafka-custom-bootstrap.kafka.svc:9095, listener 'custom' of KafkaCluster 'events', whose certificate \(cert-manager, from Certificate 'events-internal-tls' at test\/Tls\) does not cover events-kafka-custom-bootstrap.kafka.svc, events-broker-custom-100.kafka.svc, .*TLS hostname verification would fail/);
  });

  test('a certificate that covers the bootstrap Service but not the brokers it advertises fails too', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    const certificate = new Certificate(chart, 'Tls', { issuer, name: 'events-tls', namespace: 'kafka', dnsNames: ['events-kafka-bootstrap.kafka.svc'] });
    kafka.addListener('tls', { port: 9093, brokerCertificate: { secretName: certificate.secretName } });
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(kafka.addUser('bridge')) });
    expect(() => synth(chart)).toThrow(/does not cover events-broker-100.events-kafka-brokers.kafka.svc, events-broker-101.events-kafka-brokers.kafka.svc, events-broker-102.events-kafka-brokers.kafka.svc \(the brokers it advertises, which clients dial after bootstrapping\)/);
  });

  test('a hand-made bootstrap address in capitals is the same address', () => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    new Certificate(chart, 'Other', { issuer, name: 'other-tls', namespace: 'kafka', dnsNames: ['other.example.com'] });
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('EVENTS-kafka-bootstrap.kafka.svc:9093', { secretName: 'other-tls' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge') });
    expect(() => synth(chart)).toThrow(/but trusts the CA in Secret 'kafka\/other-tls'/);
  });

  test('the multi-region bridges trust a runbook copy of the Kafka listener CA, followed across clusters', () => {
    // dist/multi-region-*: synthesizes, so the copies resolve and carry the listener certificate's CA.
    const env = new MultiRegionEnvironment(Testing.app(), 'mr', { provider: FailoverProviderKind.ENVOY_GATEWAY });
    expect(() => synth(env.regionCharts.east)).not.toThrow();
  });
});

describe('SANs: EXPLICIT route mode without a certificate', () => {
  test('names the Gateway bootstrap host in bootstrap alternativeNames, which Strimzi adds to the cluster-CA SANs (KafkaListenersReconciler)', () => {
    const { chart, kafka, gateway } = gatewaySetup();
    kafka.addExternalListener('external', { gateway, mode: RouteMode.EXPLICIT });
    const listener = find(synth(chart), 'Kafka', 'events').spec.kafka.listeners.find((l: any) => l.name === 'external');
    expect(listener.type).toBe('cluster-ip');
    expect(listener.configuration.bootstrap).toEqual({ alternativeNames: ['bootstrap.kafka.example.com'] });
    // The brokers' advertised hosts are in the SANs of a TLS cluster-ip listener already.
    expect(listener.configuration.advertisedHostTemplate).toBe('broker-{nodeId}.kafka.example.com');
  });

  test('with a certificate, no alternative names are added (the certificate covers the hosts)', () => {
    const { chart, kafka, gateway, certificate } = gatewaySetup();
    kafka.addExternalListener('external', { gateway, mode: RouteMode.EXPLICIT, certificate });
    const listener = find(synth(chart), 'Kafka', 'events').spec.kafka.listeners.find((l: any) => l.name === 'external');
    expect(listener.configuration.bootstrap).toBeUndefined();
  });
});

describe('Secret locality: a gateway proxy reads its certificate from its own namespace', () => {
  const regions = [{ name: 'east', priority: 0, address: 'gateway.east.example.com' }, { name: 'west', priority: 1, address: 'gateway.west.example.com' }];

  test('Istio tier-1 gateway with its Certificate outside the ingress gateway\'s namespace fails (istio pilot/pkg/xds/sds.go)', () => {
    const failover = new FailoverGateway({ hostname: 'bridge.example.com', regions, provider: new IstioFailover() });
    const central = Testing.chart();
    const issuer = new SelfSignedClusterIssuer(central, 'Issuer');
    const certificate = new Certificate(central, 'Tier1', { issuer, name: 'tier1-tls', namespace: 'tier1', dnsNames: failover.model.centralHostnames });
    expect(() => failover.addTier1Gateway(central, 'Failover', { certificate, namespace: 'tier1' })).toThrow(
      /Tier1Gateway 'bridge.example.com' at test\/Failover: certificate is in namespace tier1, but the gateway proxy reads its Secret from its own namespace, istio-ingress \(got "tier1-tls"\); issue the Certificate in istio-ingress/,
    );
  });

  test('Istio regional gateway objects in another namespace still need the Certificate in the proxy\'s', () => {
    const failover = new FailoverGateway({ hostname: 'bridge.example.com', regions, provider: new IstioFailover() });
    const chart = Testing.chart();
    const issuer = new SelfSignedClusterIssuer(chart, 'Issuer');
    const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka.example.com:9092', { secretName: 'kafka-ca' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge-user') });
    const certificate = new Certificate(chart, 'East', { issuer, name: 'east-tls', namespace: 'bridge', dnsNames: failover.model.regionalHostnames('east') });
    expect(() => failover.addRegionalGateway(chart, 'Failover', { region: 'east', bridge, certificate, namespace: 'bridge' })).toThrow(/certificate is in namespace bridge, but the gateway proxy reads its Secret from its own namespace, istio-ingress/);
  });

  test('a Certificate from another cluster of the environment is not there: the reference fails at synth', () => {
    const env = new Environment(Testing.app(), 'prod');
    const one = env.addCluster('one', { namespaces: ['kafka'] });
    const two = env.addCluster('two', { namespaces: ['kafka'] });
    const issuer = new SelfSignedClusterIssuer(one, 'Issuer');
    const certificate = new Certificate(one, 'Tls', { issuer, name: 'events-tls', namespace: 'kafka', dnsNames: [hosts.bootstrap, hosts.wildcard] });
    const gateway = new KafkaGateway(two, 'Gateway', { name: 'kafka-gateway', namespace: 'kafka', gatewayClass: new EnvoyGatewayClass(two, 'Class', { name: 'envoy' }), hostnames: hosts });
    new KafkaCluster(two, 'Kafka', { name: 'events', namespace: 'kafka' }).addExternalListener('external', { gateway, certificate });
    expect(() => synth(two)).toThrow(/KafkaCluster 'events' at prod\/two\/Kafka: externalListeners\['external'\].certificate refers to Secret 'kafka\/events-tls', which nothing in cluster 'two' \(prod\/two\) emits or makes. It exists as Secret kafka\/events-tls in cluster 'one'/);
  });
});

describe('references by name resolve', () => {
  test('a Gateway of a GatewayClass nobody defines fails; one installed beforehand is declared with fromGatewayClassName', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    const other = new Chart(new App(), 'elsewhere');
    const foreign = new EnvoyGatewayClass(other, 'Class', { name: 'envoy-kafka' });
    new KafkaGateway(chart, 'Gateway', { namespace: 'kafka', gatewayClass: foreign, hostnames: hosts });
    expect(() => synth(chart)).toThrow(/KafkaGateway 'gateway' at test\/Gateway: gatewayClass refers to GatewayClass \(gateway.networking.k8s.io\) 'envoy-kafka', which nothing in the app emits or makes/);

    const ok = Testing.chart();
    new KafkaGateway(ok, 'Gateway', { namespace: 'kafka', gatewayClass: EnvoyGatewayClass.fromGatewayClassName(ok, 'Class', 'platform-gateways'), hostnames: hosts });
    expect(() => synth(ok)).not.toThrow();
  });

  test('an Issuer whose CA Secret is in another namespace fails', () => {
    const chart = Testing.chart();
    new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: 'certs' });
    new Issuer(chart, 'Issuer', { name: 'kafka-issuer', namespace: 'kafka', type: IssuerType.ca('kafka-ca-ca') });
    expect(() => synth(chart)).toThrow(/Issuer 'kafka-issuer' at test\/Issuer: type refers to Secret 'kafka\/kafka-ca-ca', which nothing in the app emits or makes. It exists as Secret certs\/kafka-ca-ca/);
  });

  test('TLSRoutes to a Service no listener makes fail', () => {
    const { chart, gateway } = gatewaySetup();
    new KafkaTlsRoutes(chart, 'Routes', { gateway, port: 9094, backendNamespace: 'kafka', bootstrap: { name: 'r', hostname: hosts.bootstrap, service: 'events-kafka-nope-bootstrap' }, brokers: [] });
    expect(() => synth(chart)).toThrow(/KafkaTlsRoutes 'r' at test\/Routes: bootstrap.service refers to Service 'kafka\/events-kafka-nope-bootstrap', which nothing in the app emits or makes/);
  });

  test('a raw name the library cannot see only warns', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('custom', { port: 9095, type: ListenerType.CLUSTER_IP, brokerCertificate: { secretName: 'made-by-hand' } });
    expect(() => synth(chart)).not.toThrow();
    expect(ConsistencyPass.of(chart).warnings()).toEqual([expect.stringMatching(/listeners\['custom'\].brokerCertificate refers to Secret 'kafka\/made-by-hand', which nothing in the app emits or makes.*fine if it is made outside this app/)]);
  });
});

describe('routes: one hostname, one route per Gateway listener', () => {
  test('two clusters behind one Gateway with one hostname scheme clash', () => {
    const { chart, gateway, kafka, certificate } = gatewaySetup();
    kafka.addExternalListener('external', { gateway, certificate });
    const other = new KafkaCluster(chart, 'Other', { name: 'other', namespace: 'kafka' });
    other.addExternalListener('external', { gateway, certificate });
    expect(() => synth(chart)).toThrow(/KafkaCluster 'other' at test\/Other: listeners\['external'\] routes bootstrap.kafka.example.com on Gateway \(gateway.networking.k8s.io\) 'kafka\/kafka-gateway' listener 'kafka', which KafkaCluster 'events' at test\/Kafka routes already/);
  });
});

describe('port chain, wherever the Gateway is built', () => {
  test('a hand-built KafkaGateway on a KIND cluster advertises the host port KIND publishes, not the node port', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'kind');
    new KindCluster({ portMappings: [{ containerPort: 30992, hostPort: 9092 }] }).attach(chart);
    const gatewayClass = new EnvoyGatewayClass(chart, 'Class', { name: 'envoy-kafka', service: GatewayService.nodePort({ port: 9092, nodePort: 30992 }) });
    const gateway = new KafkaGateway(chart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: hosts });
    expect(gateway.externalPort).toBe(9092);
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 } });
    kafka.addExternalListener('external', { gateway });
    expect(find(synth(chart), 'Kafka', 'events').spec.kafka.listeners[1].configuration.advertisedPortTemplate).toBe('9092');
  });

  test('the node port as externalPort on KIND fails, naming the host port', () => {
    const chart = new Chart(Testing.app(), 'kind');
    new KindCluster({ portMappings: [{ containerPort: 30992, hostPort: 9092 }] }).attach(chart);
    const gatewayClass = new EnvoyGatewayClass(chart, 'Class', { name: 'envoy-kafka', service: GatewayService.nodePort({ port: 9092, nodePort: 30992 }) });
    new KafkaGateway(chart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: hosts, externalPort: 30992 });
    expect(() => synth(chart)).toThrow(/KafkaGateway 'gateway' at kind\/Gateway: externalPort is not the host port \(9092\) the cluster publishes the Gateway's node port 30992 on.*\(got 30992\); set it to 9092/);
  });

  test('a Gateway added to the DevEnvironment cluster gets the same check', () => {
    const dev = new DevEnvironment(Testing.app(), 'dev');
    new KafkaGateway(dev.chart, 'Second', { name: 'second', namespace: 'kafka', gatewayClass: dev.gatewayClass, hostnames: HostnameScheme.subdomain('second.test'), externalPort: 30992 });
    expect(() => synth(dev.chart)).toThrow(/KafkaGateway 'second' at dev\/kind\/Second: externalPort is not the host port \(9092\)/);
  });

  test('on a cluster that is not KIND the node port is what clients dial', () => {
    const chart = Testing.chart();
    const gatewayClass = new EnvoyGatewayClass(chart, 'Class', { name: 'envoy-kafka', service: GatewayService.nodePort({ port: 9092, nodePort: 30992 }) });
    expect(new KafkaGateway(chart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: hosts }).externalPort).toBe(30992);
  });
});

describe('Strimzi listener hosts (ListenersValidator)', () => {
  test.each([ListenerType.TLSROUTE, ListenerType.INGRESS])('a %s listener with hosts for only some brokers and no hostTemplate fails, naming the brokers', (type) => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('ext', {
      port: 9094,
      type,
      bootstrapHost: hosts.bootstrap,
      brokers: [{ nodeId: 100, host: hosts.broker(100) }],
      ...(type === ListenerType.TLSROUTE && { parentRefs: [{ name: 'gw' }] }),
    });
    expect(() => synth(chart)).toThrow(new RegExp(`listeners\\['ext'\\].brokers give no host for brokers 101, 102; Strimzi rejects a ${type} listener where any broker lacks one`));
  });

  test('a broker pool added after the listener is checked too', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('ext', { port: 9094, type: ListenerType.INGRESS, bootstrapHost: hosts.bootstrap, brokers: [100, 101, 102].map((nodeId) => ({ nodeId, host: hosts.broker(nodeId) })) });
    expect(() => synth(chart)).not.toThrow();
    kafka.addNodePool('More', { name: 'more', roles: [NodeRole.BROKER], replicas: 1 });
    expect(() => synth(chart)).toThrow(/give no host for broker 200/);
  });
});

describe('values that synthesized and then failed at apply or at runtime', () => {
  const chart = () => Testing.chart();

  test.each([
    ['a 0Gi volume', () => KafkaStorage.persistentClaim({ size: Size.gibibytes(0) }), /^KafkaStorage.persistentClaim\(\): size must be at least 1 MiB \(got "0Gi"\)/],
    ['a 0Gi JBOD volume', () => KafkaStorage.jbod({ size: Size.gibibytes(100) }, { size: Size.gibibytes(0) }), /^KafkaStorage.jbod\(\): volumes\[1\].size must be at least 1 MiB/],
    ['a fractional MiB ephemeral limit', () => KafkaStorage.ephemeral({ sizeLimit: Size.kibibytes(512) }), /^KafkaStorage.ephemeral\(\): sizeLimit must be at least 1 MiB/],
  ])('%s', (_, build, error) => {
    expect(build).toThrow(error);
  });

  test('a JVM heap above 75% of the memory limit', () => {
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { heap: Size.gibibytes(4), resources: { memory: { limit: Size.gibibytes(4) } } } })).toThrow(
      /KafkaNodePool 'broker' at test\/Kafka\/Brokers: heap is above 75% of the memory limit \(4Gi\): the JVM needs memory beyond its heap, so the container would be OOM-killed \(got "4Gi"\); use at most about half the limit, e.g. 2048Mi/,
    );
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { heap: Size.mebibytes(3584), resources: { memory: { limit: Size.gibibytes(4) } } } })).toThrow(/heap is above 75%/);
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { heap: Size.gibibytes(3), resources: { memory: { limit: Size.gibibytes(4) } } } })).not.toThrow();
  });

  test('a request above its limit, for memory and CPU, on pools and bridges', () => {
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { resources: { memory: { request: Size.gibibytes(8), limit: Size.gibibytes(4) } } } })).toThrow(/resources.memory.request is above the memory limit \(4Gi\); the API server rejects a request above its limit \(got "8Gi"\)/);
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { resources: { cpu: { request: Cpu.units(2), limit: Cpu.millis(500) } } } })).toThrow(/resources.cpu.request is above the CPU limit \(500m\)/);
    const c = chart();
    const kafka = new KafkaCluster(c, 'Kafka');
    expect(() => new KafkaBridge(c, 'Bridge', { kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(kafka.addUser('b')), resources: { memory: { request: Size.gibibytes(1), limit: Size.mebibytes(512) } } })).toThrow(/KafkaBridge 'bridge' at test\/Bridge: resources.memory.request is above the memory limit/);
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { resources: { ephemeralStorage: { request: Size.gibibytes(2), limit: Size.gibibytes(1) } } } })).toThrow(/resources.ephemeralStorage.request is above the ephemeral storage limit \(1Gi\); the API server rejects a request above its limit \(got "2Gi"\)/);
    expect(() => new KafkaCluster(chart(), 'Kafka', { brokers: { resources: { ephemeralStorage: { limit: Size.mebibytes(0.5) } } } })).toThrow(/resources.ephemeralStorage.limit must be at least 1 MiB \(got Size.mebibytes\(0.5\)\)/);
  });

  test('ephemeral storage given in resources is written, not dropped (Strimzi pools and bridges, KRaft pods)', () => {
    const c = chart();
    new KafkaCluster(c, 'Kafka', { brokers: { resources: { ephemeralStorage: { request: Size.gibibytes(1), limit: Size.gibibytes(2) } } } });
    const pool = synth(c).find((o) => o.kind === 'KafkaNodePool' && o.metadata.name === 'broker');
    expect(pool?.spec.resources).toEqual({ requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '2Gi' } });
  });

  test('maxUnavailable that can empty a pool, or lose the KRaft quorum in production', () => {
    expect(() => synth(new KafkaCluster(chart(), 'Kafka', { maxUnavailable: 5 }).node.scope as Chart)).toThrow(/maxUnavailable lets a drain evict 2 of the 3 controllers at once, which loses the KRaft quorum \(got 5\); set at most 1/);
    const dev = chart();
    new KafkaCluster(dev, 'Kafka', { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 3 }, maxUnavailable: 4 });
    expect(() => synth(dev)).toThrow(/maxUnavailable lets a drain evict every pod of pool 'controller' \(1 replicas\) at once \(got 4\); set at most 1/);
    const ok = chart();
    new KafkaCluster(ok, 'Kafka', { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 3 } });
    expect(() => synth(ok)).not.toThrow();
  });

  test.each([
    ["'retention.ms': '7d'", { 'retention.ms': '7d' }, /config\['retention.ms'\] must be a whole number of milliseconds, without a unit: Kafka reads it as LONG \(a Java long\) \(got "7d"\); use 'retention.ms': 604800000 \(7 days\)/],
    ["'segment.bytes': '1GB'", { 'segment.bytes': '1GB' }, /config\['segment.bytes'\] must be a whole number/],
    ["'unclean.leader.election.enable': 'yes'", { 'unclean.leader.election.enable': 'yes' }, /must be true or false: Kafka reads it as BOOLEAN \(got "yes"\); use 'unclean.leader.election.enable': false/],
    ["'min.cleanable.dirty.ratio': 'half'", { 'min.cleanable.dirty.ratio': 'half' }, /must be a number: Kafka reads it as DOUBLE \(got "half"\); use e.g. 'min.cleanable.dirty.ratio': 0.5/],
  ])('topic config %s', (_, config, error) => {
    const kafka = new KafkaCluster(chart(), 'Kafka');
    expect(() => kafka.addTopic('orders', { config })).toThrow(error);
  });

  test("the right values pass: 'retention.ms': 604800000 and '604800000', -1 for unlimited", () => {
    const kafka = new KafkaCluster(chart(), 'Kafka');
    expect(() => kafka.addTopic('a', { config: { 'retention.ms': 604800000, 'retention.bytes': -1, 'cleanup.policy': 'compact' } })).not.toThrow();
    expect(() => kafka.addTopic('b', { config: { 'retention.ms': '604800000', 'unclean.leader.election.enable': 'false' } })).not.toThrow();
  });

  test('the same value rule holds for cluster and KRaft configuration', () => {
    expect(() => new KafkaCluster(chart(), 'Kafka', { config: { 'log.retention.ms': '7d' } })).toThrow(/KafkaCluster 'kafka' at test\/Kafka: config\['log.retention.ms'\] must be a whole number/);
  });

  test('a bootstrap address without a port', () => {
    expect(() => BridgeKafkaConnection.fromAddress('bootstrap.kafka.example.com', { secretName: 'kafka-ca' })).toThrow(
      /^BridgeKafkaConnection.fromAddress\(\): bootstrapServers must be host:port, or several joined by commas \(Kafka's bootstrap.servers needs the port\) \(got "bootstrap.kafka.example.com"\); use e.g. 'bootstrap.kafka.example.com:9092'$/,
    );
    expect(() => BridgeKafkaConnection.fromAddress('a.example.com:9092,b.example.com:99999', { secretName: 'kafka-ca' })).toThrow(/bootstrapServers must be host:port/);
    expect(BridgeKafkaConnection.fromAddress('a.example.com:9092,10.0.0.1:9092', { secretName: 'kafka-ca' }).bootstrapServers).toBe('a.example.com:9092,10.0.0.1:9092');
  });

  test.each([
    ['KafkaCluster', (c: Chart) => new KafkaCluster(c, 'Kafka', { namespace: 'Kafka NS' })],
    ['Certificate', (c: Chart) => new Certificate(c, 'Tls', { issuer: new SelfSignedClusterIssuer(c, 'I'), namespace: 'Kafka NS', dnsNames: ['a.example.com'] })],
    ['KafkaGateway', (c: Chart) => new KafkaGateway(c, 'Gateway', { namespace: 'Kafka NS', gatewayClass: new EnvoyGatewayClass(c, 'Class'), hostnames: hosts })],
  ])('a %s namespace that is no DNS label', (kind, build) => {
    expect(() => build(chart())).toThrow(new RegExp(`${kind} '[^']+' at test/[A-Za-z]+: namespace must be lowercase alphanumerics and '-', starting and ending with an alphanumeric, at most 63 characters \\(it names a Namespace\\) \\(got "Kafka NS"\\); use e.g. 'kafka'`));
  });

  test('a PrivateCa name that makes a CA common name over 64 bytes (cert-manager ValidateCertificateSpec)', () => {
    const name = `ca-${'x'.repeat(59)}`;
    expect(() => new PrivateCa(chart(), 'Ca', { name })).toThrow(new RegExp(`PrivateCa '${name}' at test/Ca: name makes the CA's common name "${name} CA", 65 bytes; cert-manager rejects a commonName over 64 bytes`));
    expect(() => new PrivateCa(chart(), 'Ca', { name: name.slice(1) })).not.toThrow();
  });

  test('a Certificate commonName over 64 bytes, counted in bytes', () => {
    const c = chart();
    expect(() => new Certificate(c, 'Tls', { issuer: new SelfSignedClusterIssuer(c, 'I'), commonName: 'é'.repeat(33) })).toThrow(/commonName must be a string of at most 64 bytes/);
  });

  test('a mutual-TLS client workload on a cluster with no listener that authenticates its user', () => {
    const c = chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    const topic = kafka.addTopic('orders');
    const user = kafka.addUser('app', { authentication: UserAuthentication.tls() });
    expect(() => new KafkaClientWorkload(c, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER })).toThrow(/listener must be a TLS listener that authenticates tls users like 'app' \(got "\(none found\)"\)/);
  });

  test('MultiRegionEnvironment: a region named like one of its own clusters says so', () => {
    expect(() => new MultiRegionEnvironment(Testing.app(), 'mr', { provider: FailoverProviderKind.ISTIO, regions: [{ name: 'kafka', priority: 0 }, { name: 'west', priority: 1 }] })).toThrow(
      /MultiRegionEnvironment 'mr' at mr: regions\[0\].name is taken: each region is a cluster of the environment, beside its own 'kafka' and 'central' clusters \(got "kafka"\); name the region after where it runs/,
    );
  });
});

describe('ACL ↔ topic', () => {
  test('an ACL on a literal topic the cluster does not declare warns at synth; declared topics, prefixes and * do not', () => {
    const c = Testing.chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addTopic('orders');
    kafka.addUser('app', { acls: [Acl.topic('ordrs').allow(AclOperation.READ), Acl.topic('orders').allow(AclOperation.READ), Acl.topicPrefix('x-').allow(AclOperation.READ), Acl.topic('*').allow(AclOperation.DESCRIBE)] });
    expect(() => synth(c)).not.toThrow();
    expect(ConsistencyPass.of(c).warnings()).toEqual([
      "KafkaUser 'app' at test/Kafka/app: acls[0] names the topic 'ordrs', which test/Kafka does not declare (it declares orders) (got \"ordrs\"); add the topic to the cluster (addTopic), or correct the ACL's topic name",
    ]);
  });
});

describe('what operators make is made once (second trial)', () => {
  test('a KafkaUser named like the cluster CA Secret', () => {
    const c = Testing.chart();
    new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' }).addUser('Ca', { userName: 'events-cluster-ca-cert' });
    expect(() => synth(c)).toThrow(/Secret 'kafka\/events-cluster-ca-cert' would be made twice in the app: by Strimzi, from KafkaCluster 'events' at test\/Kafka, and by the Strimzi user operator, from KafkaUser 'events-cluster-ca-cert' at test\/Kafka\/Ca/);
  });

  test('two Certificates writing one Secret, and a Certificate Secret named like a user', () => {
    const c = Testing.chart();
    const issuer = new SelfSignedClusterIssuer(c, 'Issuer');
    new Certificate(c, 'A', { issuer, name: 'a', namespace: 'kafka', secretName: 'tls', dnsNames: ['a.example.com'] });
    new Certificate(c, 'B', { issuer, name: 'b', namespace: 'kafka', secretName: 'tls', dnsNames: ['b.example.com'] });
    expect(() => synth(c)).toThrow(/Secret 'kafka\/tls' would be made twice in the app: by cert-manager, from Certificate 'a' at test\/A, and by cert-manager, from Certificate 'b' at test\/B/);
    const d = Testing.chart();
    new Certificate(d, 'A', { issuer: new SelfSignedClusterIssuer(d, 'Issuer'), name: 'app', namespace: 'kafka', dnsNames: ['a.example.com'] });
    new KafkaCluster(d, 'Kafka', { name: 'events', namespace: 'kafka' }).addUser('app');
    expect(() => synth(d)).toThrow(/Secret 'kafka\/app' would be made twice/);
  });

  test('pods of two clusters whose names run together (a + b-broker, a-b + broker)', () => {
    const c = Testing.chart();
    const a = new KafkaCluster(c, 'A', { name: 'a', namespace: 'kafka', defaultNodePools: false });
    a.addNodePool('C', { name: 'b-controller', roles: [NodeRole.CONTROLLER] });
    a.addNodePool('B', { name: 'b-broker', roles: [NodeRole.BROKER] });
    new KafkaCluster(c, 'AB', { name: 'a-b', namespace: 'kafka' });
    expect(() => synth(c)).toThrow(/StrimziPodSet \(core.strimzi.io\) 'kafka\/a-b-broker' would be made twice in the app/);
  });

  test('two clusters in one namespace clash on the default pool names, and the message says how to rename them', () => {
    const c = Testing.chart();
    new KafkaCluster(c, 'A', { name: 'a', namespace: 'kafka' });
    new KafkaCluster(c, 'B', { name: 'b', namespace: 'kafka' });
    expect(() => synth(c)).toThrow(/KafkaNodePool 'controller' at test\/B\/Controllers: name makes KafkaNodePool \(kafka.strimzi.io\) 'kafka\/controller', which test\/A\/Controllers\/Resource emits too .*KafkaNodePools are named per namespace, not per cluster: give this cluster's pools other names \(defaultNodePools: false, then addNodePool/);
  });
});

describe('listener hosts and ports (second trial)', () => {
  const cluster = () => {
    const c = Testing.chart();
    return { c, kafka: new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' }) };
  };

  test('a host template without {nodeId} gives every broker one host', () => {
    const { c, kafka } = cluster();
    kafka.addListener('ing', { port: 9094, type: ListenerType.INGRESS, bootstrapHost: hosts.bootstrap, hostTemplate: 'broker.kafka.example.com' });
    expect(() => synth(c)).toThrow(/listeners\['ing'\].hostTemplate gives all 3 brokers one host: it has neither \{nodeId\} nor \{nodePodName\}/);
  });

  test('an advertised host template without {nodeId}', () => {
    const { c, kafka } = cluster();
    kafka.addListener('cip', { port: 9094, type: ListenerType.CLUSTER_IP, advertisedHostTemplate: 'kafka.example.com' });
    expect(() => synth(c)).toThrow(/listeners\['cip'\].advertisedHostTemplate gives all 3 brokers one host/);
  });

  test('two brokers with one host', () => {
    const { c, kafka } = cluster();
    kafka.addListener('ing', { port: 9094, type: ListenerType.INGRESS, bootstrapHost: hosts.bootstrap, brokers: [100, 101, 102].map((nodeId) => ({ nodeId, host: 'b.kafka.example.com' })) });
    expect(() => synth(c)).toThrow(/listeners\['ing'\].brokers give two brokers the host b.kafka.example.com/);
  });

  test.each([
    ['bootstrapHost', { bootstrapHost: 'boot_strap.example.com', hostTemplate: 'broker-{nodeId}.example.com' }],
    ['hostTemplate', { bootstrapHost: 'bootstrap.example.com', hostTemplate: 'Broker-{nodeId}.Example.com' }],
  ])('%s that is not a DNS name', (field, options) => {
    const { kafka } = cluster();
    expect(() => kafka.addListener('ing', { port: 9094, type: ListenerType.INGRESS, ...options })).toThrow(new RegExp(`listeners\\['ing'\\].${field} is not a DNS name of lowercase labels`));
  });

  test('hosts that become too long with the real node ids', () => {
    const { c, kafka } = cluster();
    kafka.addListener('ing', { port: 9094, type: ListenerType.INGRESS, bootstrapHost: hosts.bootstrap, hostTemplate: `${'x'.repeat(61)}{nodeId}.example.com` });
    expect(() => synth(c)).toThrow(/hostTemplate gives "x{61}100.example.com", which is not a DNS name/);
  });

  test('an advertised port out of range, and one node port twice', () => {
    const { kafka } = cluster();
    expect(() => kafka.addListener('cip', { port: 9094, type: ListenerType.CLUSTER_IP, advertisedPortTemplate: '70000' })).toThrow(/advertisedPortTemplate must be a port from 1 to 65535 \(got "70000"\)/);
    expect(() => kafka.addListener('np', { port: 9095, type: ListenerType.NODEPORT, bootstrapNodePort: 31000, brokers: [{ nodeId: 100, nodePort: 31000 }] })).toThrow(/listeners\['np'\].brokers use node port 31000 twice/);
  });

  test('a hand-made tlsroute listener whose routes do not attach to the Gateway fails in the pass (no such listener, hosts outside it)', () => {
    const { chart, kafka } = gatewaySetup();
    kafka.addListener('tr', { port: 9096, type: ListenerType.TLSROUTE, bootstrapHost: hosts.bootstrap, hostTemplate: hosts.brokerTemplate, parentRefs: [{ name: 'kafka-gateway', sectionName: 'nope' }] });
    expect(() => synth(chart)).toThrow(/listeners\['tr'\] makes routes that would not work: Gateway 'kafka-gateway' has no listener 'nope' \(it has 'kafka'\)/);
    const other = gatewaySetup();
    other.kafka.addListener('tr', { port: 9096, type: ListenerType.TLSROUTE, bootstrapHost: 'bootstrap.other.com', hostTemplate: 'broker-{nodeId}.other.com', advertisedPortTemplate: '9092', parentRefs: [{ name: 'kafka-gateway' }] });
    expect(() => synth(other.chart)).toThrow(/listener hostname \*.kafka.example.com does not match bootstrap.other.com/);
  });
});

describe('tlsroute listeners behind a passthrough KafkaGateway (third trial)', () => {
  test("Strimzi's default advertised port 443 is not the Gateway's, and a listener without TLS cannot sit behind passthrough", () => {
    const { chart, kafka } = gatewaySetup();
    kafka.addListener('tr', { port: 9096, type: ListenerType.TLSROUTE, bootstrapHost: hosts.bootstrap, hostTemplate: hosts.brokerTemplate, parentRefs: [{ name: 'kafka-gateway' }] });
    expect(() => synth(chart)).toThrow(/the brokers advertise port 443, but clients reach Gateway 'kafka-gateway' on 9092 \(set advertisedPortTemplate to '9092'\)/);
    const plain = gatewaySetup();
    plain.kafka.addListener('tr', { port: 9096, type: ListenerType.TLSROUTE, tls: false, authentication: ListenerAuthentication.none(), bootstrapHost: hosts.bootstrap, hostTemplate: hosts.brokerTemplate, advertisedPortTemplate: '9092', parentRefs: [{ name: 'kafka-gateway' }] });
    expect(() => synth(plain.chart)).toThrow(/Gateway 'kafka-gateway' passes TLS through to the brokers, which have no TLS on this listener/);
    const right = gatewaySetup();
    right.kafka.addListener('tr', { port: 9096, type: ListenerType.TLSROUTE, bootstrapHost: hosts.bootstrap, hostTemplate: hosts.brokerTemplate, advertisedPortTemplate: '9092', parentRefs: [{ name: 'kafka-gateway' }] });
    expect(() => synth(right.chart)).not.toThrow();
  });

  test("a listener's node ports and a Gateway's cannot be one", () => {
    const c = Testing.chart();
    new KafkaGateway(c, 'Gateway', { namespace: 'kafka', gatewayClass: EnvoyGatewayClass.fromGatewayClassName(c, 'Existing', 'envoy-kafka', GatewayService.nodePort({ port: 9092, nodePort: 30992 })), hostnames: hosts });
    new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' }).addListener('np', { port: 9094, type: ListenerType.NODEPORT, bootstrapNodePort: 30992 });
    expect(() => synth(c)).toThrow(/listeners\['np'\].bootstrapNodePort pins node port 30992, which KafkaGateway 'gateway' at test\/Gateway pins too/);
  });
});

describe('port chain (second trial)', () => {
  test('GatewayService.nodePort: one node port for two Gateway ports, a port out of range', () => {
    expect(() => GatewayService.nodePort({ port: 9092, nodePort: 30992 }, { port: 9093, nodePort: 30992 })).toThrow(/^GatewayService.nodePort\(\): mappings\[1\] repeats the node port of mappings\[0\]/);
    expect(() => GatewayService.nodePort({ port: 70000, nodePort: 30992 })).toThrow(/mappings\[0\].port must be a port from 1 to 65535/);
  });

  test('two Gateways of one NodePort class in one cluster pin one node port', () => {
    const c = Testing.chart();
    const gatewayClass = new EnvoyGatewayClass(c, 'Class', { name: 'envoy-kafka', service: GatewayService.nodePort({ port: 9092, nodePort: 30992 }) });
    new KafkaGateway(c, 'A', { name: 'a', namespace: 'kafka', gatewayClass, hostnames: hosts });
    new KafkaGateway(c, 'B', { name: 'b', namespace: 'kafka', gatewayClass, hostnames: HostnameScheme.subdomain('b.example.com') });
    expect(() => synth(c)).toThrow(/KafkaGateway 'b' at test\/B: gatewayClass pins node port 30992, which KafkaGateway 'a' at test\/A pins too \(gatewayClass\)/);
  });

  test('KIND: a host port published twice, one config for two clusters, and DevEnvironment hostPort beside a kind config', () => {
    expect(() => new KindCluster({ portMappings: [{ containerPort: 30992, hostPort: 9092 }, { containerPort: 30993, hostPort: 9092 }] })).toThrow(/^new KindCluster\(\): portMappings\[1\].hostPort is mapped twice/);
    const kind = new KindCluster({ portMappings: [{ containerPort: 30992, hostPort: 9092 }] });
    const env = new Environment(Testing.app(), 'e');
    env.addCluster('one', { kind });
    expect(() => env.addCluster('two', { kind })).toThrow(/^KindCluster.attach\(\): chart is a second cluster for the KIND cluster 'kafka', which e\/one already is/);
    expect(() => new DevEnvironment(Testing.app(), 'dev', { hostPort: 19092, kind: new KindCluster({ portMappings: [{ containerPort: 30992, hostPort: 9092 }] }) })).toThrow(/DevEnvironment 'dev' at dev: hostPort is not what the given KIND config publishes node port 30992 on \(9092\) \(got 19092\)/);
  });
});

describe('environments and synth functions (second trial)', () => {
  test('synthEnvironments and synthEnvironment take Environments and a folder, and say so', () => {
    const { synthEnvironments, synthEnvironment } = jest.requireActual('../../src');
    expect(() => synthEnvironments('dev', '/tmp/x')).toThrow(/^synthEnvironments\(\): environments must be an array of Environments \(got "dev"\)/);
    expect(() => synthEnvironments([{}], '/tmp/x')).toThrow(/^synthEnvironments\(\): environments\[0\] must be an Environment \(got \{\}\)/);
    expect(() => synthEnvironment(null, '/tmp/x')).toThrow(/^synthEnvironment\(\): env must be an Environment \(got null\)/);
  });

  test('a cluster named argocd would land in the folder of Argo CD Applications', () => {
    expect(() => new Environment(Testing.app(), 'prod').addCluster('argocd')).toThrow(/addCluster\(\) name is taken by the environment's folder of Argo CD Applications/);
  });
});

describe('numbers (second trial)', () => {
  test('production maxUnavailable above RF - min ISR stops acks=all writes during a drain', () => {
    const c = Testing.chart();
    new KafkaCluster(c, 'Kafka', { controllers: { replicas: 5 }, brokers: { replicas: 5 }, maxUnavailable: 2 });
    expect(() => synth(c)).toThrow(/maxUnavailable lets a drain evict 2 brokers at once; with replication factor 3 and min.insync.replicas 2, partitions with replicas on them stop taking acks=all writes \(got 2\); set at most 1/);
  });

  test('a bracketed IPv6 bootstrap address is an address', () => {
    expect(BridgeKafkaConnection.fromAddress('[fd00::1]:9093', { secretName: 'kafka-ca' }).bootstrapServers).toBe('[fd00::1]:9093');
  });
});

describe('bridges dial listeners they can talk to (second trial)', () => {
  test('every bootstrap address is checked, not only the first', () => {
    const c = Testing.chart();
    new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    new Certificate(c, 'Other', { issuer: new SelfSignedClusterIssuer(c, 'Issuer'), name: 'other-tls', namespace: 'kafka', dnsNames: ['other.example.com'] });
    new KafkaBridge(c, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('elsewhere.example.com:9093,events-kafka-bootstrap.kafka.svc:9093', { secretName: 'other-tls' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge') });
    expect(() => synth(c)).toThrow(/kafka dials events-kafka-bootstrap.kafka.svc:9093, listener 'tls' of KafkaCluster 'events', whose certificate is signed by the CA in Secret 'kafka\/events-cluster-ca-cert'/);
  });

  test('TLS trust towards a listener without TLS, and mutual TLS towards a SCRAM listener', () => {
    const c = Testing.chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('plain', { port: 9092, tls: false });
    new KafkaBridge(c, 'A', { name: 'a', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9092', { secretName: 'events-cluster-ca-cert' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge') });
    expect(() => synth(c)).toThrow(/KafkaBridge 'a' at test\/A: kafka dials events-kafka-bootstrap.kafka.svc:9092, listener 'plain' of KafkaCluster 'events', which has no TLS, but is set up to trust a CA/);

    const d = Testing.chart();
    new KafkaCluster(d, 'Kafka', { name: 'events', namespace: 'kafka' });
    new KafkaBridge(d, 'B', { name: 'b', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'events-cluster-ca-cert' }), authentication: BridgeAuthentication.tls('b') });
    expect(() => synth(d)).toThrow(/which authenticates clients with scram-sha-512, but the client authenticates with tls \(got "tls"\)/);
  });
});

describe('a bridge authenticates as a user of the cluster it connects to', () => {
  test('a user of another cluster fails', () => {
    const c = Testing.chart();
    const a = new KafkaCluster(c, 'A', { name: 'a', namespace: 'kafka', defaultNodePools: false });
    a.addNodePool('Pool', { name: 'a-pool', roles: [NodeRole.CONTROLLER, NodeRole.BROKER] });
    const b = new KafkaCluster(c, 'B', { name: 'b', namespace: 'kafka', defaultNodePools: false });
    b.addNodePool('Pool', { name: 'b-pool', roles: [NodeRole.CONTROLLER, NodeRole.BROKER] });
    expect(() => new KafkaBridge(c, 'Bridge', { namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(a), authentication: BridgeAuthentication.fromUser(b.addUser('bridge')) })).toThrow(
      /KafkaBridge 'bridge' at test\/Bridge: authentication is a KafkaUser of the cluster at test\/B, but the bridge connects to the cluster at test\/A: the user does not exist there/,
    );
  });
});

describe('trust chain through Gateway routes the library writes (third trial)', () => {
  test('RouteMode.EXPLICIT with a certificate: a bridge dialing the Gateway bootstrap host with the cluster CA fails', () => {
    const env = new Environment(Testing.app(), 'e');
    const one = env.addCluster('one', { namespaces: ['kafka'] });
    const gatewayClass = new EnvoyGatewayClass(one, 'Class', { name: 'envoy-kafka' });
    const gateway = new KafkaGateway(one, 'Gateway', { name: 'kafka-gateway', namespace: 'kafka', gatewayClass, hostnames: hosts });
    const ca = new PrivateCa(one, 'Ca', { name: 'kafka-ca' });
    const certificate = new Certificate(one, 'Tls', { issuer: ca.issuer, name: 'events-external-tls', namespace: 'kafka', dnsNames: [hosts.bootstrap, hosts.wildcard] });
    new KafkaCluster(one, 'Kafka', { name: 'events', namespace: 'kafka' }).addExternalListener('external', { gateway, certificate, mode: RouteMode.EXPLICIT });
    const two = env.addCluster('two', { namespaces: ['bridge'] });
    ConsistencyPass.of(two).copy(two, { group: '', kind: 'Secret', namespace: 'bridge', name: 'kafka-ca' }, { scope: one, ref: { group: '', kind: 'Secret', namespace: 'kafka', name: 'events-cluster-ca-cert' } }, 'a copy of the cluster CA');
    new KafkaBridge(two, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress(`${hosts.bootstrap}:9092`, { secretName: 'kafka-ca' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge-user') });
    expect(() => synth(two)).toThrow(/kafka dials bootstrap.kafka.example.com:9092, listener 'external' of KafkaCluster 'events', whose certificate is signed by the CA in Secret 'kafka\/events-external-tls', but trusts the CA in Secret 'bridge\/kafka-ca'/);
  });
});

describe('third trial: clients, issuers and peers', () => {
  const regions = [{ name: 'east', priority: 0, address: 'gateway.east.example.com' }, { name: 'west', priority: 1, address: 'gateway.west.example.com' }];

  test('traffic generators dialing a host the tier-1 certificate does not cover, or trusting another CA, fail', () => {
    const central = Testing.chart();
    const failover = new FailoverGateway({ hostname: 'bridge.example.com', regions, provider: new IstioFailover() });
    const issuer = new SelfSignedClusterIssuer(central, 'Issuer');
    const certificate = new Certificate(central, 'Tier1', { issuer, name: 'tier1-tls', namespace: 'istio-ingress', dnsNames: failover.model.centralHostnames });
    failover.addTier1Gateway(central, 'Failover', { certificate });
    new Certificate(central, 'Other', { issuer: new SelfSignedClusterIssuer(central, 'OtherIssuer', { name: 'other' }), name: 'other-ca', namespace: 'traffic', dnsNames: ['x.example.com'] });
    const { BridgeTrafficGenerators } = jest.requireActual('../../src');
    new BridgeTrafficGenerators(central, 'Traffic', { endpoint: 'https://bridge.example.com', topic: 'orders', namespace: 'traffic', caSecret: 'other-ca' });
    expect(() => synth(central)).toThrow(/BridgeTrafficGenerators 'Traffic' at test\/Traffic: endpoint dials bridge.example.com:443, the tier-1 gateway of FailoverGateway 'bridge.example.com', whose certificate is signed by the CA in Secret 'istio-ingress\/tier1-tls', but trusts the CA in Secret 'traffic\/other-ca'/);
  });

  test('a cluster-scoped PrivateCa whose CA Secret is outside cert-manager\'s namespace fails: the ClusterIssuer cannot read it', () => {
    const c = Testing.chart();
    new PrivateCa(c, 'Ca', { name: 'kafka-ca', namespace: 'kafka' });
    expect(() => synth(c)).toThrow(/ClusterIssuer 'kafka-ca' at test\/Ca\/Issuer: type refers to Secret 'cert-manager\/kafka-ca-ca', which nothing in the app emits or makes. It exists as Secret kafka\/kafka-ca-ca/);
    const ok = Testing.chart();
    new PrivateCa(ok, 'Ca', { name: 'kafka-ca', namespace: 'kafka', clusterScoped: false });
    expect(() => synth(ok)).not.toThrow();
  });

  test('Istio gateway objects outside the ingress gateway\'s namespace are invisible to it (exportTo: .)', () => {
    const central = Testing.chart();
    const failover = new FailoverGateway({ hostname: 'bridge.example.com', regions, provider: new IstioFailover() });
    const certificate = new Certificate(central, 'Tier1', { issuer: new SelfSignedClusterIssuer(central, 'Issuer'), name: 'tier1-tls', namespace: 'istio-ingress', dnsNames: failover.model.centralHostnames });
    expect(() => failover.addTier1Gateway(central, 'Failover', { certificate, namespace: 'tier1' })).toThrow(/Tier1Gateway 'bridge.example.com' at test\/Failover: namespace puts the Istio Gateway, VirtualServices, ServiceEntries and DestinationRules in tier1/);
  });

  test('listener networkPolicyPeers: [] is "everyone" to Strimzi, and an empty namespace selector is every namespace', () => {
    const kafka = new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka' });
    expect(() => kafka.addListener('a', { port: 9094, networkPolicyPeers: [] })).toThrow(/listeners\['a'\].networkPolicyPeers is empty, which Strimzi reads as "everyone may connect", not "nobody"/);
    expect(() => kafka.addListener('b', { port: 9095, networkPolicyPeers: [{ namespaceLabels: {} }] })).toThrow(/listeners\['b'\].networkPolicyPeers\[0\].namespaceLabels are empty and there are no pod labels/);
    expect(() => kafka.addListener('c', { port: 9096, networkPolicyPeers: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'apps' } }] })).not.toThrow();
  });

  test('a listener certificate Secret with its own key names: clients trust the CA key it names', () => {
    const c = Testing.chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('own', { port: 9094, brokerCertificate: { secretName: 'my-secret', certificate: 'my.crt', key: 'my.key', caCertificate: 'my-ca.crt' } });
    expect(BridgeKafkaConnection.fromCluster(kafka, 'own').trustedCa).toEqual({ secretName: 'my-secret', certificate: 'my-ca.crt' });
  });

  test('a cluster-ip listener advertising in-cluster Service names serves in-cluster clients', () => {
    const kafka = new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('mesh', { port: 9094, type: ListenerType.CLUSTER_IP, advertisedHostTemplate: '{nodePodName}.events-kafka-brokers.kafka.svc' });
    expect(BridgeKafkaConnection.fromCluster(kafka, 'mesh').bootstrapServers).toBe('events-kafka-mesh-bootstrap.kafka.svc:9094');
  });
});

describe('third trial: typos, helpers and KIND host ports', () => {
  test('a prop name TypeScript would have caught is reported with the closest one', () => {
    const c = Testing.chart();
    expect(() => new KafkaCluster(c, 'Kafka', { nmae: 'events' } as any)).toThrow(/KafkaCluster 'Kafka' at test\/Kafka: nmae is not a prop of KafkaClusterProps \(got "events"\); did you mean name\?/);
    const kafka = new KafkaCluster(c, 'K2', { name: 'k2' });
    expect(() => kafka.addTopic('o', { partition: 12 } as any)).toThrow(/options.partition is not a prop of KafkaTopicOptions \(got 12\); did you mean partitions\?/);
  });

  test('exported helpers answer false for wrong types rather than throw', () => {
    const { sanCovers, gatewayHostnameMatches, isHostPort } = jest.requireActual('../../src/core/hostnames');
    expect([sanCovers(5, 'a'), gatewayHostnameMatches('*.a', 5), isHostPort(5)]).toEqual([false, false, false]);
    expect(() => ConsistencyPass.of('x' as any)).toThrow(/^ConsistencyPass.of\(\): scope must be a construct \(got "x"\)/);
  });

  test('two KIND clusters of one app cannot publish one host port', () => {
    const env = new Environment(Testing.app(), 'e');
    env.addCluster('one', { kind: new KindCluster({ name: 'one', portMappings: [{ containerPort: 30992, hostPort: 9092 }] }) });
    const two = env.addCluster('two', { kind: new KindCluster({ name: 'two', portMappings: [{ containerPort: 30993, hostPort: 9092 }] }) });
    expect(() => synth(two)).toThrow(/The KIND clusters at e\/one and e\/two both publish host port 9092/);
  });

  test('factories with nothing to work on name the prop', () => {
    const { AllowedRoutes } = jest.requireActual('../../src');
    expect(() => AllowedRoutes.fromNamespaces()).toThrow(/^AllowedRoutes.fromNamespaces\(\): namespaces are empty \(got \[\]\)/);
    expect(() => AllowedRoutes.fromNamespaces('Bad_NS')).toThrow(/^AllowedRoutes.fromNamespaces\(\): namespaces\[0\] must be lowercase alphanumerics/);
    expect(() => GatewayService.nodePort()).toThrow(/^GatewayService.nodePort\(\): mappings are empty/);
  });
});

describe('Strimzi Secrets beyond the CA certificates', () => {
  test.each(['events-cluster-ca', 'events-clients-ca', 'events-entity-topic-operator-certs'])('a KafkaUser named %s would overwrite a Secret Strimzi makes', (userName) => {
    const c = Testing.chart();
    new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' }).addUser('U', { userName });
    expect(() => synth(c)).toThrow(new RegExp(`Secret 'kafka/${userName}' would be made twice in the app: by Strimzi, from KafkaCluster 'events'`));
  });
});

describe('production refuses open doors (issue 13)', () => {
  test.each([ListenerType.LOADBALANCER, ListenerType.NODEPORT])('a %s listener without TLS, or without authentication, fails in PRODUCTION; DEVELOPMENT allows it', (type) => {
    const c = Testing.chart();
    new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' }).addListener('ext', { port: 9094, type, tls: false, authentication: ListenerAuthentication.none() });
    expect(() => synth(c)).toThrow(new RegExp(`listeners\\['ext'\\].tls is false on a ${type} listener, which clients reach from outside the Kubernetes cluster`));
    expect(() => synth(c)).toThrow(new RegExp(`listeners\\['ext'\\].authentication is none on a ${type} listener: anyone who reaches it connects`));
    const d = Testing.chart();
    new KafkaCluster(d, 'Kafka', { name: 'events', namespace: 'kafka', profile: ClusterProfile.DEVELOPMENT }).addListener('ext', { port: 9094, type, tls: false, authentication: ListenerAuthentication.none() });
    expect(() => synth(d)).not.toThrow();
  });
});

describe('in-cluster listeners admit their own namespace by default (issue 13)', () => {
  test('the default, an explicit opening, and anyone beside other peers', () => {
    const kafka = new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka' });
    expect(kafka.listener('tls').networkPolicyPeers).toEqual([{ namespaceLabels: { 'kubernetes.io/metadata.name': 'kafka' } }]);
    expect(kafka.addListener('open', { port: 9094, networkPolicyPeers: [{ anyone: true }] }).networkPolicyPeers).toBeUndefined();
    expect(() => kafka.addListener('bad', { port: 9095, networkPolicyPeers: [{ anyone: true }, { podLabels: { app: 'a' } }] })).toThrow(/listeners\['bad'\].networkPolicyPeers\[0\].anyone admits everyone, so no other peer or selector means anything beside it/);
  });
});

describe('load balancers accept only the source ranges given (issue 13)', () => {
  test('a loadbalancer listener renders its source ranges; an empty list and bad CIDRs fail; production warns without', () => {
    const c = Testing.chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('lb', { port: 9094, type: ListenerType.LOADBALANCER, loadBalancerSourceRanges: ['203.0.113.0/24'] });
    expect(find(synth(c), 'Kafka', 'events').spec.kafka.listeners[1].configuration).toEqual({ loadBalancerSourceRanges: ['203.0.113.0/24'] });
    expect(() => kafka.addListener('a', { port: 9095, type: ListenerType.LOADBALANCER, loadBalancerSourceRanges: [] })).toThrow(/loadBalancerSourceRanges is empty, which Kubernetes reads as every address/);
    expect(() => kafka.addListener('b', { port: 9096, type: ListenerType.LOADBALANCER, loadBalancerSourceRanges: ['everyone'] })).toThrow(/loadBalancerSourceRanges\[0\] is not an IPv4 or IPv6 CIDR/);
    expect(() => kafka.addListener('c', { port: 9097, loadBalancerSourceRanges: ['10.0.0.0/8'] })).toThrow(/loadBalancerSourceRanges only applies to loadbalancer listeners/);
    kafka.addListener('open', { port: 9098, type: ListenerType.LOADBALANCER });
    expect(ConsistencyPass.of(c).warnings()).toEqual([expect.stringMatching(/listeners\['open'\].loadBalancerSourceRanges are unset: the load balancers take connections from every address/)]);
  });

  test('a Gateway Service of type LoadBalancer takes source ranges', () => {
    const c = Testing.chart();
    new EnvoyGatewayClass(c, 'Class', { name: 'envoy', service: GatewayService.loadBalancer(['198.51.100.0/24']) });
    expect(find(synth(c), 'EnvoyProxy', 'envoy').spec.provider.kubernetes.envoyService).toEqual({ type: 'LoadBalancer', loadBalancerSourceRanges: ['198.51.100.0/24'] });
    expect(() => GatewayService.loadBalancer([])).toThrow(/^GatewayService.loadBalancer\(\): sourceRanges are empty/);
  });
});

describe("clients in other namespaces of in-cluster listeners (issue 13)", () => {
  test("by default the listener admits its cluster's namespace plus the namespaces of the app's clients that dial it", () => {
    const c = Testing.chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka' });
    new KafkaBridge(c, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'kafka-ca' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge-user') });
    const listener = find(synth(c), 'Kafka', 'events').spec.kafka.listeners[0];
    expect(listener.networkPolicyPeers).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kafka' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'bridge' } } },
    ]);
    expect(kafka.listener('tls').networkPolicyPeers).toHaveLength(2);
  });

  test('peers given by hand that leave a client out fail at synth, with the peer to add', () => {
    const d = Testing.chart();
    const kafka = new KafkaCluster(d, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    kafka.addListener('tls', { port: 9093, networkPolicyPeers: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'kafka' } }] });
    new KafkaBridge(d, 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'kafka-ca' }), authentication: BridgeAuthentication.scramSha512('bridge', 'bridge-user') });
    expect(() => synth(d)).toThrow(/kafka dials events-kafka-bootstrap.kafka.svc:9093, listener 'tls' of KafkaCluster 'events', whose NetworkPolicy \(networkPolicyPeers\) does not admit pods of namespace bridge/);
  });

  test("anyone: false is no peer; a pod security level below restricted needs a reason; unknown levels fail", () => {
    const kafka = new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka' });
    expect(() => kafka.addListener('x', { port: 9094, networkPolicyPeers: [{ anyone: false }] })).toThrow(/networkPolicyPeers\[0\] sets nothing/);
    const c = Testing.chart();
    expect(() => ConsistencyPass.of(c).podSecurity(c, 'kafka', 'superstrict' as any)).toThrow(/^ConsistencyPass.podSecurity\(\): level must be one of privileged, baseline, restricted \(got "superstrict"\)/);
    expect(() => ConsistencyPass.of(c).podSecurity(c, 'kafka', PodSecurityLevel.PRIVILEGED)).toThrow(/^ConsistencyPass.podSecurity\(\): reason is required below restricted/);
  });
});

describe('pool resources sized from the heap (issue 13)', () => {
  test('a heap without resources gets a memory limit twice the heap; a small heap keeps the role default', () => {
    const c = Testing.chart();
    const kafka = new KafkaCluster(c, 'Kafka', { name: 'events', namespace: 'kafka', brokers: { heap: Size.gibibytes(6) }, controllers: { heap: Size.mebibytes(256) } });
    const manifests = synth(c);
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.resources).toEqual({ requests: { cpu: '1000m', memory: '12Gi' }, limits: { memory: '12Gi' } });
    expect(find(manifests, 'KafkaNodePool', 'controller').spec.resources.limits).toEqual({ memory: '2Gi' });
    expect(kafka.brokerPool).toBeDefined();
  });
});
