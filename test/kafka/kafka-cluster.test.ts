import { ApiObject, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import {
  ClusterProfile,
  KafkaAuthorization,
  KafkaCluster,
  KafkaClusterProps,
  KafkaMetrics,
  KafkaStorage,
  ListenerAuthentication,
  ListenerType,
  NodeIdRange,
  NodeRole,
} from '../../src';
import { all, expectValid, find, Manifest, synth } from '../support';

function cluster(props: KafkaClusterProps = {}): { chart: Chart; kafka: KafkaCluster } {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', ...props });
  return { chart, kafka };
}

/**
 * The conditions of Strimzi's `KafkaSpecChecker` (1.x), evaluated on our output: the warnings
 * Strimzi would put in the Kafka status.
 */
function specCheckerWarnings(manifests: Manifest[]): string[] {
  const kafka = all(manifests, 'Kafka')[0];
  const pools = all(manifests, 'KafkaNodePool');
  const config = kafka.spec.kafka.config ?? {};
  const count = (role: string) => pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
  const ephemeral = (role: string) => pools.some((p) => p.spec.roles.includes(role) && JSON.stringify(p.spec.storage).includes('ephemeral'));
  const brokers = count('broker');
  const controllers = count('controller');
  const warnings: string[] = [];
  if (brokers > 1 && config['default.replication.factor'] === undefined) warnings.push('KafkaDefaultReplicationFactor');
  if (brokers > 1 && config['min.insync.replicas'] === undefined) warnings.push('KafkaMinInsyncReplicas');
  if (brokers === 1 && ephemeral('broker')) warnings.push('KafkaStorage (broker)');
  if (controllers === 1 && ephemeral('controller')) warnings.push('KafkaStorage (controller)');
  if (controllers % 2 === 0) warnings.push('KafkaKRaftControllerNodeCount');
  const version: string = kafka.spec.kafka.version;
  const metadata: string | undefined = kafka.spec.kafka.metadataVersion;
  if (metadata !== undefined && !version.startsWith(metadata.split('-')[0])) warnings.push('KafkaMetadataVersion');
  if (config['inter.broker.protocol.version'] !== undefined) warnings.push('KafkaInterBrokerProtocolVersionInKRaft');
  if (config['log.message.format.version'] !== undefined) warnings.push('KafkaLogMessageFormatVersionInKRaft');
  return warnings;
}

describe('KafkaCluster defaults', () => {
  const { chart, kafka } = cluster();
  const manifests = synth(chart);

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('the manifest validator finds nothing', () => {
    expectValid(manifests);
  });

  test("the default cluster triggers none of Strimzi's spec-checker warnings", () => {
    expect(specCheckerWarnings(manifests)).toEqual([]);
  });

  test('Kafka 4.3.1 with its metadata version, durable broker config and simple authorization', () => {
    const spec = find(manifests, 'Kafka', 'my-cluster').spec.kafka;
    expect(spec.version).toBe('4.3.1');
    expect(spec.metadataVersion).toBe('4.3-IV0');
    expect(spec.config).toEqual({
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'auto.create.topics.enable': false,
    });
    expect(spec.authorization).toEqual({ type: 'simple' });
    expect(spec.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
    expect(spec.template.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
  });

  test('one internal TLS listener on 9093 with SCRAM-SHA-512', () => {
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.listeners).toEqual([
      // An in-cluster listener admits the pods of the cluster's namespace unless told otherwise.
      { name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' }, networkPolicyPeers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kafka' } } }] },
    ]);
    expect(kafka.bootstrapAddress()).toBe('my-cluster-kafka-bootstrap.kafka.svc:9093');
    expect(kafka.listener('tls').securityProtocol).toBe('SASL_SSL');
  });

  test('entity operator with topic and user operators, each with requests and a memory limit (never BestEffort)', () => {
    const eo = find(manifests, 'Kafka', 'my-cluster').spec.entityOperator;
    const resources = { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } };
    expect(eo.topicOperator).toEqual({ resources });
    expect(eo.userOperator).toEqual({ resources });
  });

  test('pools without resources get requests and a memory limit by role and profile', () => {
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.resources).toEqual({ requests: { cpu: '1000m', memory: '8Gi' }, limits: { memory: '8Gi' } });
    expect(find(manifests, 'KafkaNodePool', 'controller').spec.resources).toEqual({ requests: { cpu: '250m', memory: '2Gi' }, limits: { memory: '2Gi' } });
  });

  test('3 controllers and 3 brokers in disjoint id ranges, persistent storage kept on delete', () => {
    const controller = find(manifests, 'KafkaNodePool', 'controller');
    const broker = find(manifests, 'KafkaNodePool', 'broker');
    expect(controller.metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-cluster' });
    expect(controller.metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[0-99]' });
    expect(broker.metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[100-199]' });
    expect(controller.spec).toMatchObject({ replicas: 3, roles: ['controller'], storage: { type: 'persistent-claim', size: '10Gi', deleteClaim: false } });
    expect(broker.spec).toMatchObject({ replicas: 3, roles: ['broker'], storage: { type: 'persistent-claim', size: '100Gi', deleteClaim: false } });
    expect(kafka.brokerNodeIds).toEqual([100, 101, 102]);
    expect(kafka.controllerPool!.nodeIds).toEqual([0, 1, 2]);
    expect(kafka.brokerPool!.podNames('my-cluster')).toEqual(['my-cluster-broker-100', 'my-cluster-broker-101', 'my-cluster-broker-102']);
  });

  test('each pool spreads over zones (best effort) and nodes (strict), with restricted security contexts', () => {
    const pod = find(manifests, 'KafkaNodePool', 'broker').spec.template.pod;
    const selector = { matchLabels: { 'strimzi.io/cluster': 'my-cluster', 'strimzi.io/pool-name': 'broker' } };
    expect(pod.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector },
    ]);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.template.kafkaContainer.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('derived names come from the naming module', () => {
    expect(kafka.clusterCaCertSecretName).toBe('my-cluster-cluster-ca-cert');
    expect(kafka.clientsCaCertSecretName).toBe('my-cluster-clients-ca-cert');
    expect(kafka.brokersServiceHost).toBe('my-cluster-kafka-brokers.kafka.svc');
  });

  test('the L1 is the default child and the escape hatch works', () => {
    const { chart: c, kafka: k } = cluster();
    expect(k.node.defaultChild).toBe(k.resource);
    ApiObject.of(k.resource).addJsonPatch(JsonPatch.add('/spec/kafka/config/log.retention.hours', 72));
    expect(find(synth(c), 'Kafka', 'my-cluster').spec.kafka.config['log.retention.hours']).toBe(72);
  });

  test("the namespace defaults to the chart's", () => {
    const chart2 = new Chart(Testing.app(), 'ns', { namespace: 'streaming' });
    const k = new KafkaCluster(chart2, 'Kafka');
    expect(k.clusterName).toBe('kafka');
    expect(k.namespace).toBe('streaming');
    expect(all(synth(chart2), 'KafkaNodePool').map((p) => p.metadata.namespace)).toEqual(['streaming', 'streaming']);
  });
});

describe('KafkaCluster options', () => {
  test('a development cluster: one controller, one broker, ephemeral storage, replication sized down, and says so', () => {
    const { chart, kafka } = cluster({
      profile: ClusterProfile.DEVELOPMENT,
      controllers: { replicas: 1, storage: KafkaStorage.ephemeral() },
      brokers: { replicas: 1, storage: KafkaStorage.ephemeral({ sizeLimit: Size.gibibytes(2) }) },
    });
    const manifests = synth(chart);
    const resource = find(manifests, 'Kafka', 'my-cluster');
    expect(resource.metadata.annotations!['kafka.cdk8s.io/profile']).toMatch(/^development/);
    expect(kafka.brokerConfig).toMatchObject({ 'default.replication.factor': 1, 'min.insync.replicas': 1, 'transaction.state.log.min.isr': 1 });
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.storage).toEqual({ type: 'ephemeral', sizeLimit: '2Gi' });
    expectValid(manifests);
    // Strimzi would warn, and that is the point of the explicit profile.
    expect(specCheckerWarnings(manifests)).toEqual(['KafkaStorage (broker)', 'KafkaStorage (controller)']);
  });

  test('a development cluster with two brokers gets RF 2 / min ISR 1', () => {
    const { kafka } = cluster({ profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 2 } });
    expect(kafka.brokerConfig).toMatchObject({ 'default.replication.factor': 2, 'min.insync.replicas': 1 });
  });

  test('user config goes over the defaults', () => {
    const { chart } = cluster({ config: { 'log.retention.hours': 168, 'min.insync.replicas': 2, 'num.partitions': 6 } });
    expect(find(synth(chart), 'Kafka', 'my-cluster').spec.kafka.config).toMatchObject({ 'log.retention.hours': 168, 'num.partitions': 6 });
  });

  test('Kafka 4.2.0 gets metadata version 4.2-IV1', () => {
    const { chart } = cluster({ version: '4.2.0' });
    expect(find(synth(chart), 'Kafka', 'my-cluster').spec.kafka).toMatchObject({ version: '4.2.0', metadataVersion: '4.2-IV1' });
  });

  test('metrics, Kafka Exporter, Cruise Control, logging, super users', () => {
    const { chart } = cluster({
      metrics: KafkaMetrics.jmxPrometheusExporter(),
      kafkaExporter: true,
      cruiseControl: true,
      logging: { 'rootLogger.level': 'WARN' },
      authorization: KafkaAuthorization.simple(['User:admin']),
    });
    const manifests = synth(chart);
    const spec = find(manifests, 'Kafka', 'my-cluster').spec;
    expect(spec.kafka.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'my-cluster-kafka-metrics', key: 'metrics-config.yml' } } });
    expect(find(manifests, 'ConfigMap', 'my-cluster-kafka-metrics').data['metrics-config.yml']).toMatch(/^lowercaseOutputName: true\nrules:/);
    expect(spec.kafkaExporter).toMatchObject({ topicRegex: '.*', groupRegex: '.*' });
    expect(spec.cruiseControl.template.cruiseControlContainer.securityContext.runAsNonRoot).toBe(true);
    expect(spec.kafka.logging).toEqual({ type: 'inline', loggers: { 'rootLogger.level': 'WARN' } });
    expect(spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['User:admin'] });
    expectValid(manifests);
  });

  test('the Strimzi metrics reporter needs no ConfigMap', () => {
    const { chart } = cluster({ metrics: KafkaMetrics.strimziMetricsReporter({ allowList: ['kafka_server_.*'] }) });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.metricsConfig).toEqual({ type: 'strimziMetricsReporter', values: { allowList: ['kafka_server_.*'] } });
    expect(all(manifests, 'ConfigMap')).toEqual([]);
    expectValid(manifests);
  });

  test('no rack awareness, no restricted security context, no authorization', () => {
    const { chart } = cluster({ rackAwareness: false, restrictedSecurityContext: false, authorization: KafkaAuthorization.none() });
    const manifests = synth(chart);
    const spec = find(manifests, 'Kafka', 'my-cluster').spec;
    expect(spec.kafka.rack).toBeUndefined();
    expect(spec.kafka.authorization).toBeUndefined();
    expect(spec.kafka.template).toEqual({ podDisruptionBudget: { maxUnavailable: 1 } });
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.template).toEqual({
      pod: { topologySpreadConstraints: [expect.objectContaining({ topologyKey: 'kubernetes.io/hostname' })] },
    });
  });

  test('a dual-role pool, JBOD, resources, heap and pod labels', () => {
    const { chart, kafka } = cluster({ defaultNodePools: false });
    const pool = kafka.addNodePool('Mixed', {
      roles: [NodeRole.CONTROLLER, NodeRole.BROKER],
      nodeIds: NodeIdRange.of(10, 19),
      storage: KafkaStorage.jbod({ size: Size.gibibytes(50) }, { size: Size.gibibytes(200), storageClass: 'fast', kraftMetadata: true }),
      resources: { cpu: { request: Cpu.millis(500), limit: Cpu.units(2) }, memory: { request: Size.gibibytes(4), limit: Size.gibibytes(4) } },
      heap: Size.gibibytes(2),
      podLabels: { team: 'streaming' },
    });
    const manifests = synth(chart);
    const spec = find(manifests, 'KafkaNodePool', 'mixed').spec;
    expect(pool.nodeIds).toEqual([10, 11, 12]);
    expect(kafka.controllerCount).toBe(3);
    expect(kafka.brokerCount).toBe(3);
    expect(spec.roles).toEqual(['controller', 'broker']);
    expect(spec.storage).toEqual({
      type: 'jbod',
      volumes: [
        { id: 0, type: 'persistent-claim', size: '50Gi', deleteClaim: false },
        { id: 1, type: 'persistent-claim', size: '200Gi', class: 'fast', deleteClaim: false, kraftMetadata: 'shared' },
      ],
    });
    expect(spec.resources).toEqual({ requests: { cpu: '500m', memory: '4Gi' }, limits: { cpu: '2', memory: '4Gi' } });
    expect(spec.jvmOptions).toEqual({ '-Xms': '2g', '-Xmx': '2g' });
    expect(spec.template.pod.metadata).toEqual({ labels: { team: 'streaming' } });
    expectValid(manifests);
  });

  test('pools added later take the next free block of ids', () => {
    const { kafka } = cluster();
    const extra = kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], replicas: 150 });
    expect(extra.nodeIdRange.toString()).toBe('[200-399]');
    expect(kafka.brokerCount).toBe(153);
  });

  test('every listener type renders, and validates', () => {
    const { chart, kafka } = cluster();
    kafka.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls(), networkPolicyPeers: [{ podLabels: { app: 'client' } }, { namespaceLabels: { team: 'a' } }, { cidr: '10.0.0.0/8' }] });
    kafka.addListener('clusterip', { port: 9095, type: ListenerType.CLUSTER_IP, advertisedHostTemplate: 'broker-{nodeId}.internal' });
    kafka.addListener('nodeport', { port: 9096, type: ListenerType.NODEPORT, bootstrapNodePort: 32100, brokers: [{ nodeId: 100, nodePort: 32101, advertisedHost: 'localhost', advertisedPort: 32101 }] });
    kafka.addListener('lb', { port: 9097, type: ListenerType.LOADBALANCER, className: 'internal' });
    kafka.addListener('route', { port: 9098, type: ListenerType.ROUTE, bootstrapHost: 'bootstrap.apps.example.com', hostTemplate: 'broker-{nodeId}.apps.example.com' });
    kafka.addListener('ingress', { port: 9099, type: ListenerType.INGRESS, className: 'nginx', bootstrapHost: 'bootstrap.example.com', hostTemplate: 'broker-{nodeId}.example.com' });
    const gw = kafka.addListener('gw', {
      port: 9100,
      type: ListenerType.TLSROUTE,
      bootstrapHost: 'bootstrap.kafka.example.com',
      hostTemplate: 'broker-{nodeId}.kafka.example.com',
      parentRefs: [{ name: 'kafka-gateway', namespace: 'gateway', sectionName: 'tls' }],
      brokerCertificate: { secretName: 'kafka-tls' },
      bootstrapAlternativeNames: ['kafka.example.com'],
    });
    kafka.addListener('oauth', { port: 9101, authentication: ListenerAuthentication.custom(true, { 'sasl.enabled.mechanisms': 'OAUTHBEARER' }) });
    const manifests = synth(chart);
    const listeners: Array<Record<string, any>> = find(manifests, 'Kafka', 'my-cluster').spec.kafka.listeners;
    expect(listeners.map((l) => `${l.name}:${l.type}:${l.port}`)).toEqual([
      'tls:internal:9093', 'plain:internal:9092', 'mtls:internal:9094', 'clusterip:cluster-ip:9095', 'nodeport:nodeport:9096',
      'lb:loadbalancer:9097', 'route:route:9098', 'ingress:ingress:9099', 'gw:tlsroute:9100', 'oauth:internal:9101',
    ]);
    expect(listeners.find((l) => l.name === 'plain')).toEqual({ name: 'plain', port: 9092, type: 'internal', tls: false, networkPolicyPeers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kafka' } } }] });
    // Listeners reached from outside keep Strimzi's default: every source.
    expect(listeners.find((l) => l.name === 'lb')!.networkPolicyPeers).toBeUndefined();
    expect(listeners.find((l) => l.name === 'mtls')!.networkPolicyPeers).toEqual([
      { podSelector: { matchLabels: { app: 'client' } } },
      { namespaceSelector: { matchLabels: { team: 'a' } } },
      { ipBlock: { cidr: '10.0.0.0/8' } },
    ]);
    expect(listeners.find((l) => l.name === 'gw')!.configuration).toEqual({
      brokerCertChainAndKey: { secretName: 'kafka-tls', certificate: 'tls.crt', key: 'tls.key' },
      bootstrap: { host: 'bootstrap.kafka.example.com', alternativeNames: ['kafka.example.com'] },
      hostTemplate: 'broker-{nodeId}.kafka.example.com',
      parentRefs: [{ name: 'kafka-gateway', namespace: 'gateway', sectionName: 'tls' }],
    });
    expect(listeners.find((l) => l.name === 'oauth')!.authentication).toEqual({ type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER' } });
    expect(gw.bootstrapAddress).toBe('my-cluster-kafka-gw-bootstrap.kafka.svc:9100');
    expect(kafka.bootstrapAddress('plain')).toBe('my-cluster-kafka-bootstrap.kafka.svc:9092');
    expect(kafka.listener('plain').securityProtocol).toBe('PLAINTEXT');
    expect(kafka.listener('mtls').securityProtocol).toBe('SSL');
    expectValid(manifests);
  });
});

describe('KafkaCluster fails when', () => {
  const pathAndProp = (prop: string) => new RegExp(`KafkaCluster 'my-cluster' at test/Kafka: ${prop.replace(/[.[\]()']/g, '\\$&')} `);

  test.each<[string, KafkaClusterProps, RegExp]>([
    ['the name is not a DNS label', { name: 'My_Cluster' }, /KafkaCluster 'My_Cluster' at test\/Kafka: name must be lowercase .* \(got "My_Cluster"\); use e.g. 'my-cluster'/],
    ['the Kafka version is not supported by Strimzi 1.2', { version: '3.9.0' }, /version is not a Kafka version Strimzi 1.2 supports \(got "3.9.0"\); use one of 4.2.0, 4.2.1, 4.3.0, 4.3.1/],
    ['config sets an option Strimzi manages', { config: { 'ssl.keystore.location': '/x' } }, /config\['ssl.keystore.location'\] is managed by Strimzi .* \(got "\/x"\); remove it/],
    ['config sets listeners', { config: { listeners: 'PLAINTEXT://:9092' } }, /config\['listeners'\] is managed by Strimzi/],
    ['config sets a ZooKeeper-era version option', { config: { 'inter.broker.protocol.version': '3.9' } }, /config\['inter.broker.protocol.version'\] is not used by KRaft clusters/],
    ['maxUnavailable is negative', { maxUnavailable: -1 }, /maxUnavailable must be a whole number >= 0 \(got -1\)/],
    ['min ISR is 0, below what Kafka\'s validator takes', { config: { 'min.insync.replicas': 0 } }, /config\['min.insync.replicas'\] must be at least 1 \(Kafka's validator: \[1,...\]\), or Kafka refuses the configuration \(got 0\); use e.g. 'min.insync.replicas': 2/],
  ])('%s', (_case, props, message) => {
    expect(() => cluster(props)).toThrow(message);
  });

  test.each<[string, KafkaClusterProps, RegExp]>([
    ['controllers are even', { controllers: { replicas: 2 } }, /controllers.replicas must be odd and >= 3 for a KRaft quorum .* \(got 2\); set 3 or 5, or profile: ClusterProfile.DEVELOPMENT/],
    ['a single controller without the development profile', { controllers: { replicas: 1 } }, /controllers.replicas must be odd and >= 3 .* \(got 1\)/],
    ['fewer than 3 brokers in production', { brokers: { replicas: 2 } }, /brokers.replicas must be >= 3 for RF 3 \/ min ISR 2 \(got 2\)/],
    ['ephemeral storage in production', { brokers: { storage: KafkaStorage.ephemeral() } }, /broker.storage is ephemeral: every restart loses that pod's data \(got "ephemeral"\); use KafkaStorage.persistentClaim\(\)/],
    ['min ISR is not below RF', { config: { 'min.insync.replicas': 3 } }, /config\['min.insync.replicas'\] must be less than the replication factor \(3\), or one replica down stops every acks=all write \(default.replication.factor is 3\) \(got 3\); set it to 2/],
    ['the name makes the bootstrap Service name longer than 63', { name: 'a'.repeat(48) }, /name makes Strimzi derive "a{48}-kafka-bootstrap", 64 characters; Service and pod names are DNS labels of at most 63/],
    ['RF 1 in production', { config: { 'default.replication.factor': 1, 'min.insync.replicas': 1 } }, /config\['min.insync.replicas'\] must be less than the replication factor \(1\).* \(got 1\); raise the replication factor to 3/],
    ['RF exceeds the brokers', { config: { 'default.replication.factor': 5, 'min.insync.replicas': 2 } }, /config\['default.replication.factor'\] exceeds the 3 brokers \(got 5\); add brokers or lower it to 3/],
    ['internal topics RF exceeds the brokers', { config: { 'offsets.topic.replication.factor': 4 } }, /config\['offsets.topic.replication.factor'\] exceeds the 3 brokers \(got 4\)/],
    ['there is no listener', { defaultListener: false }, /listeners are empty: Strimzi needs at least one/],
    ['Cruise Control runs on one broker', { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 1 }, cruiseControl: true }, /cruiseControl needs at least 2 brokers \(got 1\)/],
  ])('%s (at synth)', (_case, props, message) => {
    const { chart } = cluster(props);
    expect(() => synth(chart)).toThrow(message);
  });

  test('there is no broker pool', () => {
    const { chart, kafka } = cluster({ defaultNodePools: false });
    kafka.addNodePool('Controllers', { roles: [NodeRole.CONTROLLER] });
    expect(() => synth(chart)).toThrow(/nodePools have no broker \(got 0\)/);
  });

  test('a derived Service name would exceed 63 characters', () => {
    const { chart, kafka } = cluster({ name: 'a-very-long-cluster-name-that-keeps-going-on' });
    kafka.addListener('external', { port: 9094, type: ListenerType.CLUSTER_IP });
    expect(() => synth(chart)).toThrow(/name makes Strimzi derive "a-very-long-cluster-name-that-keeps-going-on-kafka-external-bootstrap", 69 characters; .* DNS labels of at most 63/);
  });

  test('node id ranges overlap', () => {
    const { kafka } = cluster();
    expect(() => kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], nodeIds: NodeIdRange.of(150, 249) })).toThrow(
      /KafkaNodePool 'extra' at test\/Kafka\/Extra: nodeIds overlaps pool 'broker' \[100-199\] .* \(got "\[150-249\]"\); pick a disjoint range/,
    );
  });

  test('a node id range is smaller than the pool', () => {
    const { kafka } = cluster();
    expect(() => kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], replicas: 5, nodeIds: NodeIdRange.of(300, 302) })).toThrow(
      /nodeIds holds 3 ids, fewer than the pool's 5 replicas \(got "\[300-302\]"\); give the pool at least 5 ids/,
    );
  });

  test('two pools share a name', () => {
    const { kafka } = cluster();
    expect(() => kafka.addNodePool('Broker2', { name: 'broker', roles: [NodeRole.BROKER] })).toThrow(/name is already used by the pool at test\/Kafka\/Brokers \(got "broker"\)/);
  });

  test.each<[string, object, RegExp]>([
    ['a pool name is not a DNS label', { name: 'Big_Pool', roles: [NodeRole.BROKER] }, /KafkaNodePool 'Big_Pool' .*: name must be lowercase alphanumerics/],
    ['a pool has no role', { roles: [] }, /roles must not be empty \(got \[\]\)/],
    ['a pool has no replicas', { roles: [NodeRole.BROKER], replicas: 0 }, /replicas must be a whole number >= 1 \(got 0\)/],
  ])('%s', (_case, options, message) => {
    const { kafka } = cluster();
    expect(() => kafka.addNodePool('Pool', options as never)).toThrow(message);
  });

  test('JBOD storage marks two metadata volumes, or none at all', () => {
    expect(() => KafkaStorage.jbod({ kraftMetadata: true }, { kraftMetadata: true })).toThrow(/kraftMetadata is set on 2 volumes; exactly one volume holds the KRaft metadata log/);
    expect(() => KafkaStorage.jbod()).toThrow(/give at least one volume/);
  });

  describe('a listener', () => {
    test.each<[string, Parameters<KafkaCluster['addListener']>, RegExp]>([
      ['name is longer than 11 characters', ['externallistener', { port: 9094 }], /listeners\['externallistener'\].name must be 1-11 lowercase letters or digits .* \(got "externallistener"\)/],
      ['name is taken', ['tls', { port: 9094 }], /listeners\['tls'\].name is already used by another listener \(got "tls"\)/],
      ['port is below 9092', ['low', { port: 9091 }], /listeners\['low'\].port must be a port from 9092 to 65535.* \(got 9091\)/],
      ['port is the metrics port', ['metrics', { port: 9404 }], /listeners\['metrics'\].port must be a port from 9092 to 65535, not 9404/],
      ['port is taken', ['other', { port: 9093 }], /listeners\['other'\].port is already used by listener 'tls' \(got 9093\); give each listener its own port/],
      ['tls authentication without TLS', ['mtls', { port: 9094, tls: false, authentication: ListenerAuthentication.tls() }], /listeners\['mtls'\].tls is false, but tls \(mutual TLS\) authentication needs TLS encryption \(got false\)/],
      ['a certificate without TLS', ['plain', { port: 9094, tls: false, brokerCertificate: { secretName: 's' } }], /tls is false, but a brokerCertificate is set/],
      ['a route without TLS', ['route', { port: 9094, type: ListenerType.ROUTE, tls: false }], /tls is false, but route listeners pass TLS through by SNI and need it/],
      ['a node port on an internal listener', ['int', { port: 9094, bootstrapNodePort: 32000 }], /listeners\['int'\].bootstrapNodePort only applies to nodeport or loadbalancer listeners, not internal \(got 32000\)/],
      ['parentRefs on a nodeport listener', ['np', { port: 9094, type: ListenerType.NODEPORT, parentRefs: [{ name: 'gw' }] }], /parentRefs only applies to tlsroute listeners, not nodeport/],
      ['a tlsroute without parentRefs', ['gw', { port: 9094, type: ListenerType.TLSROUTE, bootstrapHost: 'b.example.com', hostTemplate: 'k{nodeId}.example.com' }], /listeners\['gw'\].parentRefs are required for tlsroute listeners/],
      ['an ingress without a bootstrap host', ['ing', { port: 9094, type: ListenerType.INGRESS, hostTemplate: 'k{nodeId}.example.com' }], /listeners\['ing'\].bootstrapHost is required for ingress listeners/],
      ['a tlsroute without broker hosts', ['gw', { port: 9094, type: ListenerType.TLSROUTE, bootstrapHost: 'b.example.com', parentRefs: [{ name: 'gw' }] }], /hostTemplate is required for tlsroute listeners unless every broker has a host/],
      ['a broker node port outside the NodePort range', ['np', { port: 9094, type: ListenerType.NODEPORT, brokers: [{ nodeId: 100, nodePort: 9094 }] }], /brokers\[0\].nodePort must be in the NodePort range 30000-32767 \(got 9094\)/],
      ['a broker listed twice', ['np', { port: 9094, type: ListenerType.NODEPORT, brokers: [{ nodeId: 100 }, { nodeId: 100 }] }], /brokers\[1\].nodeId is listed twice \(got 100\)/],
    ])('%s', (_case, args, message) => {
      const { kafka } = cluster();
      expect(() => kafka.addListener(...args)).toThrow(message);
    });

    test('messages name the construct path, the prop, the value and the fix', () => {
      const { kafka } = cluster();
      expect(() => kafka.addListener('other', { port: 9093 })).toThrow(pathAndProp("listeners['other'].port"));
    });

    test('an unknown listener name is reported with the ones that exist', () => {
      const { kafka } = cluster();
      expect(() => kafka.listener('external')).toThrow(/KafkaCluster 'my-cluster' at test\/Kafka: listeners have no listener "external" \(got \["tls"\]\); name one of 'tls'/);
    });
  });
});
