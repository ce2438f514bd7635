import { ApiObject, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import {
  AdditionalVolume,
  AuthorizationType,
  ClusterProfile,
  EmptyDirMedium,
  JbodVolume,
  KafkaAuthorization,
  KafkaCluster,
  KafkaClusterProps,
  KafkaMetrics,
  KafkaStorage,
  ListenerAuthentication,
  ListenerType,
  NodeIdRange,
  NodeRole,
  VolumeImagePullPolicy,
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
      authorization: KafkaAuthorization.simple(['admin']),
    });
    const manifests = synth(chart);
    const spec = find(manifests, 'Kafka', 'my-cluster').spec;
    expect(spec.kafka.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'my-cluster-kafka-metrics', key: 'metrics-config.yml' } } });
    expect(find(manifests, 'ConfigMap', 'my-cluster-kafka-metrics').data['metrics-config.yml']).toMatch(/^lowercaseOutputName: true\nrules:/);
    expect(spec.kafkaExporter).toMatchObject({ topicRegex: '.*', groupRegex: '.*' });
    expect(spec.cruiseControl.template.cruiseControlContainer.securityContext.runAsNonRoot).toBe(true);
    expect(spec.kafka.logging).toEqual({ type: 'inline', loggers: { 'rootLogger.level': 'WARN' } });
    expect(spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['admin'] });
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
    ['ephemeral storage in production', { brokers: { storage: KafkaStorage.ephemeral() } }, /brokers\.storage is ephemeral: every restart loses that pod's data \(got "ephemeral"\); use KafkaStorage.persistentClaim\(\)/],
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

describe('JBOD volumes', () => {
  test('ephemeral JBOD volumes, as Strimzi\'s kafka-ephemeral example: id 0, the metadata log marked', () => {
    const { chart, kafka } = cluster({
      profile: ClusterProfile.DEVELOPMENT,
      controllers: { replicas: 1, storage: KafkaStorage.jbod(JbodVolume.ephemeral()) },
      brokers: { replicas: 1, storage: KafkaStorage.jbod(JbodVolume.ephemeral({ sizeLimit: Size.gibibytes(5) })) },
    });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaNodePool', 'controller').spec.storage).toEqual({ type: 'jbod', volumes: [{ id: 0, type: 'ephemeral', kraftMetadata: 'shared' }] });
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.storage).toEqual({ type: 'jbod', volumes: [{ id: 0, type: 'ephemeral', sizeLimit: '5Gi', kraftMetadata: 'shared' }] });
    expect(kafka.brokerPool!.storage.isEphemeral).toBe(true);
    expect(kafka.brokerPool!.storage.ephemeralVolumeIds).toEqual([0]);
    expectValid(manifests);
  });

  test('persistent and ephemeral volumes mix, with ids of their own; the metadata log defaults to the lowest id', () => {
    const storage = KafkaStorage.jbod(
      JbodVolume.persistentClaim({ id: 3, size: Size.gibibytes(50), storageClass: 'fast', deleteClaim: true }),
      JbodVolume.ephemeral({ id: 1 }),
      { id: 7, size: Size.gibibytes(20) },
    );
    expect(storage.volumeIds).toEqual([3, 1, 7]);
    expect(storage.kraftMetadataVolumeId).toBe(1);
    expect(storage.isJbod).toBe(true);
    expect(storage.isEphemeral).toBe(true);
    expect(storage.ephemeralVolumeIds).toEqual([1]);
    const { chart } = cluster({ profile: ClusterProfile.DEVELOPMENT, brokers: { storage } });
    expect(find(synth(chart), 'KafkaNodePool', 'broker').spec.storage.volumes).toEqual([
      { id: 3, type: 'persistent-claim', size: '50Gi', class: 'fast', deleteClaim: true },
      { id: 1, type: 'ephemeral', kraftMetadata: 'shared' },
      { id: 7, type: 'persistent-claim', size: '20Gi', deleteClaim: false },
    ]);
  });

  test('a volume without an id takes its position; a marked volume holds the metadata log', () => {
    const storage = KafkaStorage.jbod({ size: Size.gibibytes(10) }, JbodVolume.persistentClaim({ id: 5, kraftMetadata: true }), JbodVolume.ephemeral());
    expect(storage.volumeIds).toEqual([0, 5, 2]);
    expect(storage.kraftMetadataVolumeId).toBe(5);
    expect(KafkaStorage.persistentClaim().volumeIds).toEqual([]);
    expect(KafkaStorage.persistentClaim().isJbod).toBe(false);
    expect(KafkaStorage.persistentClaim().kraftMetadataVolumeId).toBeUndefined();
  });

  test('a production cluster rejects a JBOD pool with an ephemeral volume, naming its ids', () => {
    const { chart } = cluster({ brokers: { storage: KafkaStorage.jbod({ size: Size.gibibytes(10) }, JbodVolume.ephemeral()) } });
    expect(() => synth(chart)).toThrow(/brokers\.storage has ephemeral JBOD volumes \(ids 1\): every restart loses their data \(got "ephemeral"\); use JbodVolume.persistentClaim\(\) for each, or profile: ClusterProfile.DEVELOPMENT/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['two volumes share an id', () => KafkaStorage.jbod(JbodVolume.persistentClaim({ id: 1 }), JbodVolume.ephemeral({ id: 1 })), /KafkaStorage.jbod\(\): volumes\[1\].id is 1, already the id of volumes\[0\]; each volume of a JBOD pool has its own id \(got 1\); give each volume its own id/],
    ['a positional id clashes with a given one', () => KafkaStorage.jbod(JbodVolume.persistentClaim({ id: 1 }), JbodVolume.persistentClaim()), /volumes\[1\].id is 1, already the id of volumes\[0\] \(a volume without an id takes its position in the list\)/],
    ['an id is negative', () => JbodVolume.ephemeral({ id: -1 }), /JbodVolume.ephemeral\(\): id must be a whole number from 0 to 2147483647 .* \(got -1\)/],
    ['an id is fractional', () => JbodVolume.persistentClaim({ id: 1.5 }), /JbodVolume.persistentClaim\(\): id must be a whole number from 0 to 2147483647/],
    ['an id exceeds a Java int', () => KafkaStorage.jbod({ id: 2 ** 31 }), /KafkaStorage.jbod\(\): volumes\[0\].id must be a whole number from 0 to 2147483647 .* \(got 2147483648\)/],
    ['an id is a string', () => JbodVolume.persistentClaim({ id: '1' as never }), /JbodVolume.persistentClaim\(\): options.id must be a finite number \(got "1"\)/],
    ['an ephemeral size limit is below 1 MiB', () => JbodVolume.ephemeral({ sizeLimit: Size.kibibytes(1) }), /JbodVolume.ephemeral\(\): sizeLimit must be at least 1 MiB/],
    ['a persistent size is not a Size', () => JbodVolume.persistentClaim({ size: 100 as never }), /JbodVolume.persistentClaim\(\): options.size must be a cdk8s Size/],
    ['a storage class is not a name', () => KafkaStorage.jbod({ storageClass: 'Fast_SSD' }), /KafkaStorage.jbod\(\): volumes\[0\].storageClass must be a StorageClass name/],
    ['two volumes hold the metadata log', () => KafkaStorage.jbod(JbodVolume.ephemeral({ kraftMetadata: true }), JbodVolume.persistentClaim({ id: 4, kraftMetadata: true })), /kraftMetadata is set on 2 volumes; exactly one volume holds the KRaft metadata log .* \(got \[0,4\]\)/],
    ['a volume is not a volume', () => KafkaStorage.jbod('ssd' as never), /KafkaStorage.jbod\(\): volumes\[0\] must be a JbodVolumeOptions object or a JbodVolume \(got "ssd"\)/],
    ['a volume is null', () => KafkaStorage.jbod(null as never), /KafkaStorage.jbod\(\): volumes\[0\] /],
    ['a plain object says type: ephemeral, as Strimzi\'s YAML does', () => KafkaStorage.jbod({ type: 'ephemeral' } as never), /KafkaStorage.jbod\(\): volumes\[0\].type is not an option of a persistent volume .* \(got "ephemeral"\); for an ephemeral \(emptyDir\) volume use JbodVolume.ephemeral\(\{ sizeLimit \}\)/],
  ])('fails when %s', (_case, make, message) => {
    expect(make).toThrow(message);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a volume is an ephemeral KafkaStorage', () => KafkaStorage.jbod(KafkaStorage.ephemeral() as never),
      /KafkaStorage.jbod\(\): volumes\[0\] is a KafkaStorage \(the storage of a whole pool, ephemeral\), not a JbodVolume or the options of a persistent one \(a plain object\): read as options it would become a default 100Gi persistent claim \(got \{"type":"ephemeral"\}\); for a JBOD volume use JbodVolume.persistentClaim\(\{ size \}\) or JbodVolume.ephemeral\(\{ sizeLimit \}\)/],
    ['a volume is a persistent KafkaStorage', () => KafkaStorage.jbod(JbodVolume.ephemeral(), KafkaStorage.persistentClaim({ size: Size.gibibytes(5) }) as never), /volumes\[1\] is a KafkaStorage \(the storage of a whole pool, persistent-claim\)/],
    ['a volume is a JBOD KafkaStorage', () => KafkaStorage.jbod(KafkaStorage.jbod(JbodVolume.ephemeral()) as never), /volumes\[0\] is a KafkaStorage \(the storage of a whole pool, jbod\)/],
    ['a volume is an object of another class', () => KafkaStorage.jbod(new Date() as never), /volumes\[0\] is an object of class Date, not a JbodVolume or the options of a persistent one/],
    ['persistent options are a KafkaStorage', () => JbodVolume.persistentClaim(KafkaStorage.ephemeral() as never), /JbodVolume.persistentClaim\(\): options is a KafkaStorage \(the storage of a whole pool, ephemeral\), not the options \(a plain object\)/],
    ['ephemeral options are a JbodVolume', () => KafkaStorage.ephemeral(JbodVolume.ephemeral() as never), /KafkaStorage.ephemeral\(\): options is a JbodVolume, not the options \(a plain object\).*; pass the JbodVolume to KafkaStorage.jbod\(...volumes\)/],
    ['a pool\'s persistent options are a KafkaStorage', () => KafkaStorage.persistentClaim(KafkaStorage.persistentClaim() as never), /KafkaStorage.persistentClaim\(\): options is a KafkaStorage/],
  ])('fails when %s (a storage object is no volume options)', (_case, make, message) => {
    expect(make).toThrow(message);
  });

  test('sizes up to what Kubernetes and Strimzi hold render; larger ones fail, whichever size', () => {
    // Strimzi reads persistent sizes as a Java long of millibytes: up to about 8 PiB.
    expect(KafkaStorage.jbod(JbodVolume.persistentClaim({ size: Size.tebibytes(8388) }))._spec.volumes![0].size).toBe(`${8388 * 1024}Gi`);
    expect(JbodVolume.ephemeral({ sizeLimit: Size.tebibytes(1024 * 1024) })._render(0, false).sizeLimit).toBe('1073741824Gi');
    const quantity = /must be less than 8 EiB \(at most 2\^63-1 bytes\): no Kubernetes quantity holds more \(k8s.io\/apimachinery resource.Quantity caps it at 2\^63-1\), nor does a Java long \(got "1024000000000Gi"\)/;
    expect(() => KafkaStorage.jbod(JbodVolume.ephemeral({ sizeLimit: Size.tebibytes(1e9) }))).toThrow(quantity);
    expect(() => JbodVolume.ephemeral({ sizeLimit: Size.tebibytes(1e9) })).toThrow(/JbodVolume.ephemeral\(\): sizeLimit must be less than 8 EiB/);
    expect(() => KafkaStorage.ephemeral({ sizeLimit: Size.tebibytes(1e9) })).toThrow(/KafkaStorage.ephemeral\(\): sizeLimit must be less than 8 EiB/);
    expect(() => AdditionalVolume.emptyDir('e', { sizeLimit: Size.tebibytes(1e9) })).toThrow(/AdditionalVolume.emptyDir\(\): sizeLimit must be less than 8 EiB/);
    expect(() => KafkaStorage.jbod({ size: Size.tebibytes(1e9) })).toThrow(/KafkaStorage.jbod\(\): volumes\[0\].size must be less than 8 EiB/);
    const strimzi = /size must be at most 9223372036854776 bytes \(about 8 PiB\): Strimzi reads volume sizes as a Java long of millibytes \(StorageUtils.convertToMillibytes\)/;
    expect(() => JbodVolume.persistentClaim({ size: Size.tebibytes(8389) })).toThrow(strimzi);
    expect(() => KafkaStorage.persistentClaim({ size: Size.tebibytes(10000) })).toThrow(new RegExp(`KafkaStorage.persistentClaim\\(\\): ${strimzi.source}, which overflows above that \\(got "10240000Gi"\\)`));
  });

  test('heap and resources beyond a Kubernetes quantity fail, naming the prop', () => {
    const big = Size.tebibytes(1e9);
    expect(() => cluster({ brokers: { heap: big } })).toThrow(/KafkaNodePool 'broker' at test\/Kafka\/Brokers: heap must be less than 8 EiB/);
    expect(() => cluster({ brokers: { resources: { memory: { limit: big } } } })).toThrow(/resources.memory.limit must be less than 8 EiB/);
    expect(() => cluster({ brokers: { resources: { memory: { request: Size.gibibytes(1), limit: Size.gibibytes(4) }, ephemeralStorage: { request: big } } } })).toThrow(/resources.ephemeralStorage.request must be less than 8 EiB/);
    // A heap whose default limit (twice it) would be no quantity derives none: the heap check names the heap.
    expect(() => cluster({ brokers: { heap: Size.tebibytes(5 * 1024 * 1024) } })).toThrow(/KafkaNodePool 'broker' .*: heap is above 75% of the memory limit/);
    const { chart } = cluster({ brokers: { heap: Size.gibibytes(4) } });
    expect(find(synth(chart), 'KafkaNodePool', 'broker').spec.resources.limits.memory).toBe('8Gi');
  });
});

describe('custom authorization', () => {
  const keycloak = () => KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', superUsers: ['service-account-kafka'] });

  test('renders type custom with the class and super users, as Strimzi\'s Keycloak example', () => {
    const { chart, kafka } = cluster({ authorization: keycloak() });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.authorization).toEqual({
      type: 'custom',
      authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer',
      superUsers: ['service-account-kafka'],
    });
    expect(kafka.authorization.type).toBe(AuthorizationType.CUSTOM);
    expect(kafka.authorization.supportsAdminApi).toBe(false);
    expect(kafka.authorization.enforcesAcls).toBeUndefined();
    expectValid(manifests);
  });

  test('supportsAdminApi is written only when true', () => {
    const auth = KafkaAuthorization.custom({ authorizerClass: 'org.openpolicyagent.kafka.OpaAuthorizer', supportsAdminApi: true });
    const { chart } = cluster({ authorization: auth });
    expect(find(synth(chart), 'Kafka', 'my-cluster').spec.kafka.authorization).toEqual({ type: 'custom', authorizerClass: 'org.openpolicyagent.kafka.OpaAuthorizer', supportsAdminApi: true });
    expect(auth.supportsAdminApi).toBe(true);
    expect(auth.authorizerClass).toBe('org.openpolicyagent.kafka.OpaAuthorizer');
  });

  test('a nested class, Unicode and $ are Java names', () => {
    for (const authorizerClass of ['io.acme.Outer$Inner', 'io.acme.Outer$1', 'io.acme._internal.Authorizer', 'io.açme.Autorisierer', 'io.acme.var.Authorizer']) {
      expect(KafkaAuthorization.custom({ authorizerClass }).authorizerClass).toBe(authorizerClass);
    }
  });

  test('what each kind of authorization tells about ACLs', () => {
    expect([KafkaAuthorization.simple(), KafkaAuthorization.none(), keycloak()].map((a) => [a.type, a.authorizerClass, a.supportsAdminApi, a.enforcesAcls])).toEqual([
      ['simple', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', true, true],
      [undefined, undefined, false, false],
      ['custom', 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', false, undefined],
    ]);
  });

  test('the authorizer\'s own options go in pluginConfig, after the broker configuration', () => {
    const { chart, kafka } = cluster({
      authorization: keycloak(),
      config: { 'principal.builder.class': 'io.strimzi.kafka.oauth.server.OAuthKafkaPrincipalBuilder' },
      pluginConfig: { 'strimzi.authorization.client.id': 'kafka', 'strimzi.authorization.delegate.to.kafka.acl': false, 'strimzi.authorization.ssl.endpoint.identification.algorithm': '' },
    });
    const config = find(synth(chart), 'Kafka', 'my-cluster').spec.kafka.config;
    expect(config).toMatchObject({
      'principal.builder.class': 'io.strimzi.kafka.oauth.server.OAuthKafkaPrincipalBuilder',
      'strimzi.authorization.client.id': 'kafka',
      'strimzi.authorization.delegate.to.kafka.acl': false,
      'strimzi.authorization.ssl.endpoint.identification.algorithm': '',
      'min.insync.replicas': 2,
    });
    // The checks read the broker configuration only.
    expect(kafka.brokerConfig['strimzi.authorization.client.id']).toBeUndefined();
  });

  test.each<[string, () => unknown, RegExp]>([
    ['the class is not a Java class name', () => KafkaAuthorization.custom({ authorizerClass: 'KeycloakAuthorizer' }), /KafkaAuthorization.custom\(\): authorizerClass must be a fully qualified Java class name .* \(got "KeycloakAuthorizer"\); use e.g. 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer'/],
    ['the class has a space', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme. Authorizer' }), /authorizerClass must be a fully qualified Java class name/],
    ['a part of the class is a keyword', () => KafkaAuthorization.custom({ authorizerClass: 'com.x.class' }),
      /KafkaAuthorization.custom\(\): authorizerClass must be a fully qualified Java class name .*: it has a part 'class', which is a Java keyword or literal: no package or class can be named so \(JLS 3.9\) \(got "com.x.class"\); use e.g. 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer'/],
    ['a package is a keyword', () => KafkaAuthorization.custom({ authorizerClass: 'com.new.Authorizer' }), /it has a part 'new', which is a Java keyword/],
    ['a part of the class is a literal', () => KafkaAuthorization.custom({ authorizerClass: 'null.Authorizer' }), /it has a part 'null', which is a Java keyword or literal/],
    ['the class is a restricted identifier', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme.record' }), /it ends with 'record', which cannot name a class \(a restricted identifier, JLS 3.9\)/],
    ['a part starts with a digit', () => KafkaAuthorization.custom({ authorizerClass: 'io.2acme.Authorizer' }), /it has a part '2acme', which is no Java identifier/],
    ['a part has a dash', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme.My-Authorizer' }), /it has a part 'My-Authorizer', which is no Java identifier/],
    ['the class has a doubled dot', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme..Authorizer' }), /it has an empty part/],
    ['the class is in the JVM\'s internal form', () => KafkaAuthorization.custom({ authorizerClass: 'io/acme/Authorizer' }), /it uses '\/', the JVM's internal form/],
    ['the class is Kafka\'s own ACL authorizer', () => KafkaAuthorization.custom({ authorizerClass: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer' }), /authorizerClass is Kafka's own ACL authorizer, which is simple authorization .*; use KafkaAuthorization.simple\(superUsers\)/],
    ['the class is missing', () => KafkaAuthorization.custom({} as never), /KafkaAuthorization.custom\(\): options.authorizerClass is required/],
    ['the options are missing', () => KafkaAuthorization.custom(undefined as never), /KafkaAuthorization.custom\(\): options is required/],
    ['supportsAdminApi is a string', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme.Authorizer', supportsAdminApi: 'true' as never }), /options.supportsAdminApi must be true or false/],
    ['a super user starts with User:', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme.Authorizer', superUsers: ['User:admin'] }), /superUsers\[0\] starts with 'User:', which Strimzi adds itself \(it would write User:User:admin, a principal nobody has\) \(got "User:admin"\); give "admin"/],
    ['a simple super user starts with User:', () => KafkaAuthorization.simple(['CN=a', 'User:CN=b']), /KafkaAuthorization.simple\(\): superUsers\[1\] starts with 'User:'/],
    ['a super user holds a semicolon', () => KafkaAuthorization.simple(['a;b']), /superUsers\[0\] contains ';', which separates principals in super.users/],
    ['a super user has surrounding whitespace', () => KafkaAuthorization.simple([' admin']), /superUsers\[0\] has leading or trailing whitespace, which is no part of a principal \(got " admin"\); give "admin"/],
    ['a super user has a line break', () => KafkaAuthorization.simple(['admin\nauthorizer.class.name=x']), /superUsers\[0\] contains a line break or other control character/],
    ['a super user is empty', () => KafkaAuthorization.custom({ authorizerClass: 'io.acme.Authorizer', superUsers: [''] }), /superUsers\[0\] is empty/],
  ])('fails when %s', (_case, make, message) => {
    expect(make).toThrow(message);
  });

  test.each<[string, KafkaClusterProps, RegExp]>([
    ['a plugin option is one Kafka defines', { pluginConfig: { 'num.partitions': 6 } }, /pluginConfig\['num.partitions'\] is a broker config Kafka 4.3.1 defines, not a plugin's own option \(got 6\); set it in config/],
    ['a plugin option is one Strimzi manages', { pluginConfig: { 'authorizer.class.name': 'x' } }, /pluginConfig\['authorizer.class.name'\] is managed by Strimzi/],
    ['a plugin option has a line break', { pluginConfig: { 'acme.url': 'http://a\nsuper.users=User:x' } }, /pluginConfig\['acme.url'\] must not contain a line break/],
    ['a plugin option is an object', { pluginConfig: { 'acme.url': {} as never } }, /pluginConfig\['acme.url'\] must be /],
    ['a key has a space', { pluginConfig: { 'acme url': 'x' } }, /pluginConfig\["acme url"\] is not a Kafka configuration key/],
  ])('fails when %s', (_case, props, message) => {
    expect(() => cluster(props)).toThrow(message);
  });

  test('a Kafka option in config names pluginConfig for a plugin\'s own option', () => {
    expect(() => cluster({ config: { 'strimzi.authorization.client.id': 'kafka' } })).toThrow(/config\['strimzi.authorization.client.id'\] is not a broker config of Kafka 4.3.1.*if a plugin reads it .*, set it in pluginConfig/);
  });
});

describe('additional volumes and mounts', () => {
  const certs = AdditionalVolume.secret('oauth-certs', 'oauth-server-cert');

  test('a mounted Secret goes into the Kafka template and every pool\'s, as Strimzi\'s Keycloak example', () => {
    const { chart, kafka } = cluster({ volumeMounts: [{ volume: certs, mountPath: '/mnt/oauth-certs' }] });
    const manifests = synth(chart);
    const template = find(manifests, 'Kafka', 'my-cluster').spec.kafka.template;
    expect(template.pod.volumes).toEqual([{ name: 'oauth-certs', secret: { secretName: 'oauth-server-cert' } }]);
    expect(template.kafkaContainer.volumeMounts).toEqual([{ name: 'oauth-certs', mountPath: '/mnt/oauth-certs' }]);
    // A pool's template.pod and template.kafkaContainer replace the cluster's (Strimzi KafkaPool.processTemplate).
    for (const pool of ['controller', 'broker']) {
      const poolTemplate = find(manifests, 'KafkaNodePool', pool).spec.template;
      expect(poolTemplate.pod.volumes).toEqual([{ name: 'oauth-certs', secret: { secretName: 'oauth-server-cert' } }]);
      expect(poolTemplate.kafkaContainer.volumeMounts).toEqual([{ name: 'oauth-certs', mountPath: '/mnt/oauth-certs' }]);
      expect(poolTemplate.kafkaContainer.securityContext.runAsNonRoot).toBe(true);
    }
    expect(kafka.additionalVolumes.map((v) => v.name)).toEqual(['oauth-certs']);
    expectValid(manifests);
  });

  test('every kind of volume renders; unmounted volumes and a pool\'s own volumes are added', () => {
    const scratch = AdditionalVolume.emptyDir('scratch', { medium: EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(64) });
    const { chart, kafka } = cluster({
      additionalVolumes: [
        AdditionalVolume.configMap('extra-config', 'kafka-extra', { items: [{ key: 'a.properties', path: 'conf/a.properties', mode: 0o440 }], defaultMode: 0o400, optional: true }),
        AdditionalVolume.persistentVolumeClaim('shared', 'shared-claim', { readOnly: true }),
        AdditionalVolume.csi('vault', { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'kafka' }, nodePublishSecretName: 'csi-creds' }),
        AdditionalVolume.image('plugins', { reference: 'quay.io/acme/plugins:1.0', pullPolicy: VolumeImagePullPolicy.IF_NOT_PRESENT }),
      ],
      volumeMounts: [{ volume: scratch, mountPath: '/mnt/scratch' }, { volume: AdditionalVolume.secret('certs', 'kafka-certs'), mountPath: '/mnt/certs', readOnly: true, subPath: 'tls' }],
    });
    kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], volumeMounts: [{ volume: AdditionalVolume.emptyDir('cache'), mountPath: '/mnt/cache' }] });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.template.pod.volumes).toEqual([
      { name: 'extra-config', configMap: { name: 'kafka-extra', items: [{ key: 'a.properties', path: 'conf/a.properties', mode: 0o440 }], defaultMode: 0o400, optional: true } },
      { name: 'shared', persistentVolumeClaim: { claimName: 'shared-claim', readOnly: true } },
      { name: 'vault', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'kafka' }, nodePublishSecretRef: { name: 'csi-creds' } } },
      { name: 'plugins', image: { reference: 'quay.io/acme/plugins:1.0', pullPolicy: 'IfNotPresent' } },
      { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'certs', secret: { secretName: 'kafka-certs' } },
    ]);
    const extra = find(manifests, 'KafkaNodePool', 'extra').spec.template;
    expect(extra.pod.volumes.map((v: { name: string }) => v.name)).toEqual(['extra-config', 'shared', 'vault', 'plugins', 'scratch', 'certs', 'cache']);
    expect(extra.kafkaContainer.volumeMounts).toEqual([
      { name: 'scratch', mountPath: '/mnt/scratch' },
      { name: 'certs', mountPath: '/mnt/certs', readOnly: true, subPath: 'tls' },
      { name: 'cache', mountPath: '/mnt/cache' },
    ]);
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.template.pod.volumes.map((v: { name: string }) => v.name)).not.toContain('cache');
    expectValid(manifests);
  });

  test('without restricted security contexts, mounts still reach every pool', () => {
    const { chart } = cluster({ restrictedSecurityContext: false, volumeMounts: [{ volume: certs, mountPath: '/mnt/oauth-certs' }] });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.template.kafkaContainer).toEqual({ volumeMounts: [{ name: 'oauth-certs', mountPath: '/mnt/oauth-certs' }] });
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.template.kafkaContainer).toEqual({ volumeMounts: [{ name: 'oauth-certs', mountPath: '/mnt/oauth-certs' }] });
  });

  test.each<[string, KafkaClusterProps, RegExp]>([
    ['a mount path is outside /mnt', { volumeMounts: [{ volume: certs, mountPath: '/opt/kafka/certs' }] }, /KafkaCluster 'my-cluster' at test\/Kafka: volumeMounts\[0\].mountPath must start with \/mnt: Strimzi refuses additional volumes mounted elsewhere .* \(got "\/opt\/kafka\/certs"\); mount it under \/mnt, e.g. '\/mnt\/oauth-certs'/],
    ['a mount path is relative', { volumeMounts: [{ volume: certs, mountPath: 'mnt/certs' }] }, /volumeMounts\[0\].mountPath must be an absolute path under \/mnt/],
    ['a mount path climbs out of /mnt', { volumeMounts: [{ volume: certs, mountPath: '/mnt/../etc' }] }, /volumeMounts\[0\].mountPath must not contain a '..' element/],
    ['two mounts share a path', { volumeMounts: [{ volume: certs, mountPath: '/mnt/certs' }, { volume: AdditionalVolume.emptyDir('tmp2'), mountPath: '/mnt/certs/' }] }, /volumeMounts\[1\].mountPath is also the path of volumeMounts\[0\]: mount paths are unique in a container/],
    ['a sub-path climbs', { volumeMounts: [{ volume: certs, mountPath: '/mnt/certs', subPath: '../x' }] }, /volumeMounts\[0\].subPath must not contain a '..' element/],
    ['a sub-path is absolute', { volumeMounts: [{ volume: certs, mountPath: '/mnt/certs', subPath: '/x' }] }, /volumeMounts\[0\].subPath must be a relative path/],
    ['a volume takes the name of Strimzi\'s /tmp volume', { additionalVolumes: [AdditionalVolume.emptyDir('strimzi-tmp')] }, /additionalVolumes\[0\] names a volume 'strimzi-tmp', which is Strimzi's \/tmp volume .* \(got "strimzi-tmp"\); give the volume another name/],
    ['a volume takes a data volume\'s name', { volumeMounts: [{ volume: AdditionalVolume.emptyDir('data-0'), mountPath: '/mnt/d' }] }, /volumeMounts\[0\].volume names a volume 'data-0', which is the name of Strimzi's data volumes/],
    ['two volumes of one name differ', { additionalVolumes: [AdditionalVolume.emptyDir('x')], volumeMounts: [{ volume: AdditionalVolume.secret('x', 's'), mountPath: '/mnt/x' }] }, /volumeMounts\[0\].volume names a volume 'x', and so does additionalVolumes\[0\], with another source/],
    ['a mount has no volume', { volumeMounts: [{ mountPath: '/mnt/x' } as never] }, /volumeMounts\[0\].volume is required/],
    ['a mount path is not a string', { volumeMounts: [{ volume: certs, mountPath: 5 as never }] }, /volumeMounts\[0\].mountPath must be a string/],
    ['a volume is not an AdditionalVolume', { additionalVolumes: [{ name: 'x' } as never] }, /additionalVolumes\[0\] must be an AdditionalVolume/],
    ['a mount path is beyond PATH_MAX', { volumeMounts: [{ volume: certs, mountPath: '/mnt/' + 'x'.repeat(5000) }] }, /volumeMounts\[0\].mountPath is 5005 bytes long: Linux takes at most 4095 \(PATH_MAX\), so the container could not start \(ENAMETOOLONG\)/],
    ['a mount path element is beyond NAME_MAX', { volumeMounts: [{ volume: certs, mountPath: `/mnt/${'x'.repeat(256)}/certs` }] }, /volumeMounts\[0\].mountPath has an element of 256 bytes \('x{20}…'\): Linux takes at most 255 per file or directory name \(NAME_MAX\)/],
    ['a mount path is long in UTF-8 bytes', { volumeMounts: [{ volume: certs, mountPath: `/mnt/${'é'.repeat(128)}` }] }, /mountPath has an element of 256 bytes/],
    ['a sub-path is beyond PATH_MAX', { volumeMounts: [{ volume: certs, mountPath: '/mnt/certs', subPath: 'a/'.repeat(2048) + 'b' }] }, /volumeMounts\[0\].subPath is 4097 bytes long: Linux takes at most 4095 \(PATH_MAX\)/],
    ['a sub-path element is beyond NAME_MAX', { volumeMounts: [{ volume: certs, mountPath: '/mnt/certs', subPath: `tls/${'y'.repeat(300)}` }] }, /volumeMounts\[0\].subPath has an element of 300 bytes/],
  ])('fails when %s', (_case, props, message) => {
    expect(() => cluster(props)).toThrow(message);
  });

  test('paths up to Linux\'s limits and valid image references render', () => {
    const longest = `/mnt/${'x'.repeat(255)}`;
    const deep = `${'a/'.repeat(2047)}b`; // 4095 bytes
    const { chart } = cluster({
      additionalVolumes: [AdditionalVolume.image('plugins', { reference: 'registry.example.com:5000/acme/kafka-plugins:1.0_rc-2@sha256:' + 'a'.repeat(64) })],
      volumeMounts: [{ volume: certs, mountPath: longest, subPath: deep }],
    });
    const template = find(synth(chart), 'Kafka', 'my-cluster').spec.kafka.template;
    expect(template.kafkaContainer.volumeMounts).toEqual([{ name: 'oauth-certs', mountPath: longest, subPath: deep }]);
    for (const reference of ['busybox', 'library/busybox:1.36', 'localhost:5000/x', '[::1]:5000/acme/x:latest', 'quay.io/strimzi/kafka@sha256:' + 'f'.repeat(64), 'ghcr.io/a-b/c__d.e/f:TAG.1']) {
      expect(AdditionalVolume.image('v', { reference })._render().image?.reference).toBe(reference);
    }
  });

  test('a pool\'s volumes must not clash with the cluster\'s', () => {
    const { kafka } = cluster({ volumeMounts: [{ volume: certs, mountPath: '/mnt/oauth-certs' }] });
    expect(() => kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], volumeMounts: [{ volume: AdditionalVolume.emptyDir('other'), mountPath: '/mnt/oauth-certs' }] }))
      .toThrow(/KafkaNodePool 'extra' at test\/Kafka\/Extra: volumeMounts\[0\].mountPath is also the path of a mount of the cluster's volumeMounts/);
    expect(() => kafka.addNodePool('Extra2', { roles: [NodeRole.BROKER], additionalVolumes: [AdditionalVolume.emptyDir('oauth-certs')] }))
      .toThrow(/KafkaNodePool 'extra2' .*: additionalVolumes\[0\] names a volume 'oauth-certs', and so does the cluster's volumes, with another source/);
    // The same volume again is no clash.
    expect(() => kafka.addNodePool('Extra3', { roles: [NodeRole.BROKER], additionalVolumes: [certs] })).not.toThrow();
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a volume name is not a DNS label', () => AdditionalVolume.secret('OAuth_Certs', 's'), /AdditionalVolume.secret\(\): name must be lowercase alphanumerics and '-'.* \(got "OAuth_Certs"\); use e.g. 'oauth-certs'/],
    ['a volume name is empty', () => AdditionalVolume.emptyDir(''), /AdditionalVolume.emptyDir\(\): name must be/],
    ['a Secret name is not a name', () => AdditionalVolume.secret('certs', 'My Secret'), /AdditionalVolume.secret\(\): secretName must be/],
    ['a ConfigMap name is missing', () => AdditionalVolume.configMap('cfg', undefined as never), /AdditionalVolume.configMap\(\): configMapName is required/],
    ['a claim name is not a name', () => AdditionalVolume.persistentVolumeClaim('d', '-claim'), /AdditionalVolume.persistentVolumeClaim\(\): claimName must be/],
    ['an item path is absolute', () => AdditionalVolume.secret('c', 's', { items: [{ key: 'tls.crt', path: '/tls.crt' }] }), /items\[0\].path must be a relative path/],
    ['an item path climbs', () => AdditionalVolume.configMap('c', 'm', { items: [{ key: 'a', path: 'x/../../a' }] }), /items\[0\].path must not contain a '..' element/],
    ['an item path starts with ..', () => AdditionalVolume.configMap('c', 'm', { items: [{ key: 'a', path: '..data' }] }), /items\[0\].path must not start with '..'/],
    ['two items share a path', () => AdditionalVolume.configMap('c', 'm', { items: [{ key: 'a', path: 'x' }, { key: 'b', path: 'x' }] }), /items\[1\].path is also the path of items\[0\]/],
    ['an item key is not a data key', () => AdditionalVolume.secret('c', 's', { items: [{ key: 'a/b', path: 'x' }] }), /items\[0\].key must be a data key/],
    ['a mode is above 0o777', () => AdditionalVolume.secret('c', 's', { defaultMode: 0o1777 }), /defaultMode must be a file mode from 0 to 0o777 \(511\) \(got 1023\)/],
    ['an item mode is negative', () => AdditionalVolume.secret('c', 's', { items: [{ key: 'a', path: 'a', mode: -1 }] }), /items\[0\].mode must be a file mode/],
    ['an emptyDir size limit is not a Size', () => AdditionalVolume.emptyDir('e', { sizeLimit: '1Gi' as never }), /AdditionalVolume.emptyDir\(\): options.sizeLimit must be a cdk8s Size/],
    ['an emptyDir medium is unknown', () => AdditionalVolume.emptyDir('e', { medium: 'Disk' as never }), /options.medium must be one of EmptyDirMedium.MEMORY/],
    ['a CSI driver is missing', () => AdditionalVolume.csi('v', {} as never), /AdditionalVolume.csi\(\): options.driver is required/],
    ['a CSI driver is not a name', () => AdditionalVolume.csi('v', { driver: 'my driver' }), /AdditionalVolume.csi\(\): driver must be a CSI driver name/],
    ['an image reference has a space', () => AdditionalVolume.image('p', { reference: 'quay.io/acme plugins' }), /AdditionalVolume.image\(\): reference must be an image reference/],
    ['an image repository has capitals', () => AdditionalVolume.image('v', { reference: 'UPPER/x:1' }),
      /AdditionalVolume.image\(\): reference must be an image reference as the kubelet parses it .*: it starts with 'UPPER', which has capitals: the runtime takes it for a registry host named UPPER .* \(got "UPPER\/x:1"\); use e.g. 'quay.io\/acme\/kafka-plugins:1.0'/],
    ['an image path has capitals after a registry', () => AdditionalVolume.image('v', { reference: 'quay.io/Acme/x:1' }), /it has a repository path element 'Acme' with capitals: repository names are lowercase/],
    ['an image name has capitals', () => AdditionalVolume.image('v', { reference: 'Busybox' }), /it has a repository path element 'Busybox' with capitals/],
    ['an image tag starts with a dash', () => AdditionalVolume.image('v', { reference: 'quay.io/acme/x:-1' }), /it has a tag '-1' that is no image tag/],
    ['an image tag is too long', () => AdditionalVolume.image('v', { reference: `acme/x:${'t'.repeat(129)}` }), /it has a tag 't+' that is no image tag: 1 to 128/],
    ['an image tag is empty', () => AdditionalVolume.image('v', { reference: 'acme/x:' }), /it has a tag '' that is no image tag/],
    ['an image digest is short', () => AdditionalVolume.image('v', { reference: 'acme/x@sha256:abc' }), /it has a digest 'sha256:abc' that is not <algorithm>:<hex>, at least 32 hex digits/],
    ['an image path has a doubled slash', () => AdditionalVolume.image('v', { reference: 'quay.io//x' }), /it has an empty path element/],
    ['an image path has a bad separator', () => AdditionalVolume.image('v', { reference: 'acme/x--/y' }), /it has a repository path element 'x--' that is not lowercase letters and digits/],
    ['an image registry port is no number', () => AdditionalVolume.image('v', { reference: 'quay.io:http/x' }), /it has a registry host 'quay.io:http' that is no host name/],
    ['an image name is too long', () => AdditionalVolume.image('v', { reference: `quay.io/${'a'.repeat(250)}:1` }), /it has a name \(registry and repository\) of 258 characters; at most 255/],
    ['an image pull policy is unknown', () => AdditionalVolume.image('p', { reference: 'a:1', pullPolicy: 'Sometimes' as never }), /options.pullPolicy must be one of VolumeImagePullPolicy/],
  ])('fails when %s', (_case, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('metadataVersion', () => {
  test.each([['4.2-IV1', '4.3.1'], ['3.3-IV3', '4.3.1'], ['4.0', '4.3.1'], ['3.7-IV4', '4.2.0'], ['4.3-IV0', '4.3.0']])('%s on Kafka %s is written as given, mid-upgrade', (metadataVersion, version) => {
    const { chart, kafka } = cluster({ version, metadataVersion });
    expect(kafka.metadataVersion).toBe(metadataVersion);
    expect(find(synth(chart), 'Kafka', 'my-cluster').spec.kafka).toMatchObject({ version, metadataVersion });
  });

  test.each<[string, KafkaClusterProps, RegExp]>([
    ['it is newer than the version\'s own', { version: '4.2.0', metadataVersion: '4.3-IV0' }, /metadataVersion is newer than 4.2-IV1, the metadata version of Kafka 4.2.0: Strimzi would ignore it .* \(got "4.3-IV0"\); use '4.2-IV1' or older, or raise version first/],
    ['its internal version is newer than the version\'s own', { version: '4.2.0', metadataVersion: '4.2-IV2' }, /metadataVersion is not a KRaft metadata version Kafka 4.2.0 knows/],
    ['it is older than 3.3-IV3', { metadataVersion: '3.3-IV1' }, /metadataVersion is older than 3.3-IV3, the oldest metadata version Strimzi and Kafka 4 take .* \(got "3.3-IV1"\); use '3.3-IV3' or newer/],
    ['it is a ZooKeeper-era release', { metadataVersion: '2.8-IV1' }, /metadataVersion is not a KRaft metadata version Kafka 4.3.1 knows: '<release>-IV<n>' or '<release>' \(3.3-IV3, 3.4-IV0, 3.5-IV0…IV2/],
    ['its internal version does not exist', { metadataVersion: '3.8-IV1' }, /metadataVersion is not a KRaft metadata version .* \(got "3.8-IV1"\); use '4.3-IV0', 4.3.1's own, or leave it unset/],
    ['it is a Kafka version', { metadataVersion: '4.3.1' }, /metadataVersion is not a KRaft metadata version/],
    ['it is not a string', { metadataVersion: 4.3 as never }, /metadataVersion must be a string \(got 4.3\)/],
  ])('fails when %s', (_case, props, message) => {
    expect(() => cluster(props)).toThrow(message);
  });
});

describe('ACLs enforced while no listener authenticates: every client is User:ANONYMOUS and is refused (DefaultKafkaPrincipalBuilder, StandardAuthorizer)', () => {
  const plain = (props: KafkaClusterProps) => {
    const made = cluster({ defaultListener: false, ...props });
    made.kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    return made;
  };

  test('simple authorization with only unauthenticated listeners fails at synth, naming the listeners and both ways out', () => {
    const { chart } = plain({});
    expect(() => synth(chart)).toThrow(/authorization is simple while no listener authenticates \('plain'\): every client is User:ANONYMOUS.*\(got "simple"\); use authorization: KafkaAuthorization\.none\(\) for a cluster without authentication.*or authenticate a listener/);
  });

  test.each([
    ['no authorization', { authorization: KafkaAuthorization.none() }],
    ['everyone allowed where no ACL is', { config: { 'allow.everyone.if.no.acl.found': true } }],
    ['ANONYMOUS a super user', { authorization: KafkaAuthorization.simple(['ANONYMOUS']) }],
    ['a custom authorizer, which may allow ANONYMOUS', { authorization: KafkaAuthorization.custom({ authorizerClass: 'org.openpolicyagent.kafka.OpaAuthorizer' }) }],
  ])('passes with %s', (_case, props) => {
    expect(() => synth(plain(props as KafkaClusterProps).chart)).not.toThrow();
  });

  test('passes when another listener authenticates', () => {
    const { chart, kafka } = plain({});
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.scramSha512() });
    expect(() => synth(chart)).not.toThrow();
  });
});

test('a production cluster of its own pools is told about its pools, not about controllers/brokers props it never set', () => {
  const { chart, kafka } = cluster({ defaultNodePools: false });
  kafka.addNodePool('DualRole', { name: 'dual-role', roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 1, storage: KafkaStorage.ephemeral() });
  const message = (() => { try { synth(chart); return ''; } catch (e) { return (e as Error).message; } })();
  expect(message).toMatch(/nodePools \(the replicas of the controller pools\) must be odd and >= 3/);
  expect(message).toMatch(/nodePools \(the replicas of the broker pools\) must be >= 3/);
  expect(message).toMatch(/nodePools\['dual-role'\]\.storage is ephemeral/);
  expect(message).not.toMatch(/controllers\.replicas|brokers\.replicas/);
});

test('an emptyDir limit may be below 1 MiB (Kubernetes takes any quantity above 0), unlike a Kafka volume', () => {
  expect(() => AdditionalVolume.emptyDir('scratch', { sizeLimit: Size.kibibytes(512) })).not.toThrow();
  expect(() => AdditionalVolume.emptyDir('scratch', { sizeLimit: Size.kibibytes(0) })).toThrow(/AdditionalVolume.emptyDir\(\): sizeLimit must be more than 0/);
  expect(() => JbodVolume.ephemeral({ sizeLimit: Size.kibibytes(512) })).toThrow(/sizeLimit must be at least 1 MiB/);
});

test("allow.everyone.if.no.acl.found is read trimmed, as StandardAuthorizer.getDefaultResult reads it: ' true' opens the cluster to ANONYMOUS", () => {
  const { chart, kafka } = cluster({ defaultListener: false, config: { 'allow.everyone.if.no.acl.found': ' true' } as never });
  kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
  expect(() => synth(chart)).not.toThrow();
});
