import { ApiObject, Testing } from 'cdk8s';
import {
  ClusterProfile, ConnectPluginArtifact, ConnectorState, KafkaAuthorization, KafkaCluster, KafkaConnect, KafkaConnectProps, KafkaConnector, ListenerAuthentication,
} from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { expectValid, find, Manifest, synth } from '../support';

const FILE_JAR = 'https://repo1.maven.org/maven2/org/apache/kafka/connect-file/4.3.1/connect-file-4.3.1.jar';
/** sha512sum of connect-file-4.3.1.jar from Maven Central (its .sha1 checked too). */
const FILE_SHA512 = 'd0cae48f4388fab8e2314cf81fba28f8bbc6a277267d30037ba783d66ffc478f7b9cf48f4962506da1560da5b79578dfb323f816fde2c9e58280e8bbb14b5900';

function setup(options: ConstructorParameters<typeof KafkaCluster>[2] = {}) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', ...options });
  const orders = kafka.addTopic('orders', { partitions: 3 });
  const audit = kafka.addTopic('audit', { partitions: 3 });
  return { chart, kafka, orders, audit };
}

type Setup = ReturnType<typeof setup>;

function connect(s: Setup, props: Partial<KafkaConnectProps> = {}): KafkaConnect {
  return new KafkaConnect(s.chart, 'Connect', { cluster: s.kafka, name: 'files', ...props });
}

/** A user's ACLs, one line per rule: `type:name:patternType:Op+Op`. */
function acls(manifests: readonly Manifest[], userName: string): string[] {
  return (find(manifests, 'KafkaUser', userName).spec.authorization?.acls ?? [])
    .map((a: any) => `${a.resource.type}:${a.resource.name ?? ''}:${a.resource.patternType ?? ''}:${a.operations.join('+')}`);
}

function objects(manifests: readonly Manifest[]): string[] {
  return manifests.map((m) => `${m.kind} ${m.metadata.namespace ?? ''}/${m.metadata.name}`).sort();
}

describe('KafkaConnect', () => {
  test('adds exactly a KafkaConnect and its KafkaUser, wired to the listener', () => {
    const before = objects(synth(setup().chart));
    const s = setup();
    const c = connect(s);
    const manifests = synth(s.chart);
    expect(objects(manifests).filter((o) => !before.includes(o))).toEqual(['KafkaConnect kafka/files', 'KafkaUser kafka/files-connect']);
    const kc = find(manifests, 'KafkaConnect', 'files');
    expect(kc.metadata.annotations).toEqual({ 'strimzi.io/use-connector-resources': 'true' });
    expect(kc.spec).toEqual({
      version: '4.3.1',
      replicas: 2,
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'files-connect', passwordSecret: { secretName: 'files-connect', password: 'password' } },
      groupId: 'files-connect',
      configStorageTopic: 'files-connect-configs',
      offsetStorageTopic: 'files-connect-offsets',
      statusStorageTopic: 'files-connect-status',
      config: { 'config.storage.replication.factor': 3, 'offset.storage.replication.factor': 3, 'status.storage.replication.factor': 3 },
      resources: { requests: { cpu: '250m', memory: '2Gi' }, limits: { memory: '2Gi' } },
      template: {
        pod: { securityContext: expect.objectContaining({ runAsNonRoot: true }) },
        connectContainer: { securityContext: expect.objectContaining({ allowPrivilegeEscalation: false }) },
      },
    });
    expect(c.groupId).toBe('files-connect');
    expect(ApiObject.of(c).kind).toBe('KafkaConnect');
    expect(c.node.defaultChild).toBe(c.resource);
    expectValid(manifests);
  });

  test('the worker user gets exactly its group and storage topics', () => {
    const s = setup();
    connect(s);
    expect(acls(synth(s.chart), 'files-connect')).toEqual([
      'topic:files-connect-configs:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:files-connect-offsets:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:files-connect-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'group:files-connect:literal:Read+Describe',
    ]);
  });

  test('an mTLS listener gets a TLS user', () => {
    const s = setup({ defaultListener: false });
    s.kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
    connect(s);
    const spec = find(synth(s.chart), 'KafkaConnect', 'files').spec;
    expect(spec.authentication).toEqual({ type: 'tls', certificateAndKey: { secretName: 'files-connect', certificate: 'user.crt', key: 'user.key' } });
  });

  test('build with a checksummed plugin; the namespace is held at baseline', () => {
    const s = setup();
    connect(s, { build: { image: 'registry.example.com/kafka/connect-files:1', pushSecret: 'registry-push', plugins: [{ name: 'connect-file', artifacts: [ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512)] }] } });
    const manifests = synth(s.chart);
    expect(find(manifests, 'KafkaConnect', 'files').spec.build).toEqual({
      output: { type: 'docker', image: 'registry.example.com/kafka/connect-files:1', pushSecret: 'registry-push' },
      plugins: [{ name: 'connect-file', artifacts: [{ type: 'jar', url: FILE_JAR, sha512sum: FILE_SHA512 }] }],
    });
    expect(ConsistencyPass.of(s.chart).podSecurityOf(s.chart, 'kafka')?.level).toBe('baseline');
    const without = setup();
    connect(without);
    expect(ConsistencyPass.of(without.chart).podSecurityOf(without.chart, 'kafka')?.level ?? 'restricted').toBe('restricted');
    expectValid(manifests);
  });

  test('a DEVELOPMENT cluster: one worker, smaller resources, replication capped by the brokers', () => {
    const s = setup({ profile: ClusterProfile.DEVELOPMENT, brokers: { replicas: 1 } } as any);
    const c = connect(s);
    expect(c.replicas).toBe(1);
    expect(c.storageReplicationFactor).toBe(Math.min(3, s.kafka.brokerCount!));
  });

  test('fails when the artifact checksum is not 128 hex digits', () => {
    expect(() => ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512.slice(1))).toThrow(/sha512 must be the artifact's SHA-512 checksum, 128 hexadecimal digits \(got 127 characters\)/);
    expect(() => ConnectPluginArtifact.jar(FILE_JAR, `${FILE_SHA512.slice(1)}g`)).toThrow(/sha512/);
    expect(ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512.toUpperCase()).sha512).toBe(FILE_SHA512);
  });

  test('fails when the artifact URL is not https', () => {
    expect(() => ConnectPluginArtifact.jar(FILE_JAR.replace('https', 'http'), FILE_SHA512)).toThrow(/url must be an https:\/\/ URL/);
  });

  test('fails when the build image has no tag or latest', () => {
    const plugins = [{ name: 'connect-file', artifacts: [ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512)] }];
    expect(() => connect(setup(), { build: { image: 'registry.example.com/kafka/connect-files:latest', plugins } })).toThrow(/build.image must be <registry>\/<repository>:<tag> with a tag other than 'latest'/);
    expect(() => connect(setup(), { build: { image: 'registry.example.com/kafka/connect-files', plugins } })).toThrow(/build.image/);
    expect(() => connect(setup(), { build: { image: 'registry.example.com/kafka/connect-files:1', plugins } })).not.toThrow();
  });

  test('fails when two plugins share a name, or a plugin has no artifacts', () => {
    const a = ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512);
    expect(() => connect(setup(), { build: { image: 'r.example.com/c:1', plugins: [{ name: 'p', artifacts: [a] }, { name: 'p', artifacts: [a] }] } })).toThrow(/build.plugins\[1\].name is the name of another plugin/);
    expect(() => connect(setup(), { build: { image: 'r.example.com/c:1', plugins: [{ name: 'p', artifacts: [] }] } })).toThrow(/build.plugins\[0\].artifacts must be one or more/);
  });

  test('fails when the storage replication factor exceeds the brokers or is not above min ISR', () => {
    const s = setup();
    connect(s, { storageReplicationFactor: 2 });
    expect(() => synth(s.chart)).toThrow(/storageReplicationFactor is not above the min.insync.replicas \(2\)/);
    const ok = setup();
    connect(ok, { storageReplicationFactor: 3 });
    expect(() => synth(ok.chart)).not.toThrow();
    const big = setup();
    connect(big, { storageReplicationFactor: 4 });
    expect(() => synth(big.chart)).toThrow(/storageReplicationFactor exceeds the 3 brokers/);
  });

  test('fails when in another namespace than the cluster', () => {
    expect(() => connect(setup(), { namespace: 'connect' })).toThrow(/namespace differs from the Kafka cluster's \(kafka\)/);
    expect(() => connect(setup(), { namespace: 'kafka' })).not.toThrow();
  });

  test('fails when the listener has no authentication on a cluster with simple authorization', () => {
    const s = setup({ defaultListener: false });
    s.kafka.addListener('plain', { port: 9092, authentication: ListenerAuthentication.none() });
    expect(() => connect(s, { listener: 'plain' })).toThrow(/listener 'plain' .* has no authentication/);
    const none = setup({ defaultListener: false, authorization: KafkaAuthorization.none() });
    none.kafka.addListener('plain', { port: 9092, authentication: ListenerAuthentication.none() });
    expect(connect(none, { listener: 'plain' }).user).toBeUndefined();
  });

  test('fails when the listener does not exist', () => {
    expect(() => connect(setup(), { listener: 'nope' })).toThrow(/listener is not a listener of KafkaCluster 'events'/);
  });

  test('fails when the name is too long for its Service', () => {
    expect(() => connect(setup(), { name: 'a'.repeat(52) })).toThrow(/name must be/);
    expect(() => connect(setup(), { name: 'a'.repeat(51) })).not.toThrow();
  });
});

describe('KafkaConnector', () => {
  test('a source: writes become Write and Describe of the Connect user', () => {
    const s = setup();
    const c = connect(s);
    c.addConnector('LicenseSource', { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', config: { file: '/opt/kafka/LICENSE', topic: 'orders' }, writes: [s.orders] });
    const manifests = synth(s.chart);
    expect(find(manifests, 'KafkaConnector', 'licensesource')).toEqual({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: { name: 'licensesource', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'files' } },
      spec: { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', tasksMax: 1, config: { file: '/opt/kafka/LICENSE', topic: 'orders' }, state: 'running' },
    });
    expect(acls(manifests, 'files-connect')).toEqual([
      'topic:files-connect-configs:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:files-connect-offsets:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:files-connect-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'group:files-connect:literal:Read+Describe',
      'topic:orders:literal:Write+Describe',
    ]);
    expectValid(manifests);
  });

  test('a sink: reads become Read and Describe, its group connect-<name> Read and Describe; topics written from reads', () => {
    const s = setup();
    const c = connect(s);
    const sink = c.addConnector('Archive', { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', config: { file: '/tmp/out' }, reads: [s.orders, s.audit], state: ConnectorState.PAUSED, tasksMax: 2 });
    expect(sink.consumerGroup).toBe('connect-archive');
    const manifests = synth(s.chart);
    expect(find(manifests, 'KafkaConnector', 'archive').spec).toEqual({ class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', tasksMax: 2, config: { file: '/tmp/out', topics: 'orders,audit' }, state: 'paused' });
    expect(acls(manifests, 'files-connect').slice(4)).toEqual([
      'topic:audit:literal:Read+Describe',
      'topic:orders:literal:Read+Describe',
      'group:connect-archive:literal:Read+Describe',
    ]);
  });

  test("fails when a sink's topics config disagrees with reads", () => {
    const s = setup();
    const c = connect(s);
    expect(() => c.addConnector('A', { class: 'x.Sink', config: { topics: 'orders,payments' }, reads: [s.orders] })).toThrow(/config\['topics'\] lists other topics than reads \(orders\)/);
    expect(() => c.addConnector('B', { class: 'x.Sink', config: { topics: 'orders' }, reads: [s.orders] })).not.toThrow();
  });

  test('fails on a sink key on a source and a source key on a sink', () => {
    const s = setup();
    const c = connect(s);
    expect(() => c.addConnector('A', { class: 'x.Source', config: { topics: 'orders' }, writes: [s.orders] })).toThrow(/config\['topics'\] is a sink connector option/);
    expect(() => c.addConnector('B', { class: 'x.Sink', config: { 'topic.creation.groups': 'a' }, reads: [s.orders] })).toThrow(/config\['topic.creation.groups'\] is refused/);
    expect(() => c.addConnector('C', { class: 'x.Sink', config: { 'errors.tolerance': 'all' }, reads: [s.orders] })).not.toThrow();
  });

  test('fails on keys Strimzi sets, refused keys and bad values', () => {
    const s = setup();
    const c = connect(s);
    const w = { class: 'x.Source', writes: [s.orders] };
    expect(() => c.addConnector('A', { ...w, config: { 'tasks.max': '2' } })).toThrow(/config\['tasks.max'\] is set by Strimzi .* set tasksMax instead/);
    expect(() => c.addConnector('B', { ...w, config: { 'errors.tolerance': 'some' } })).toThrow(/config\['errors.tolerance'\] must be 'none' or 'all'/);
    expect(() => c.addConnector('C', { ...w, config: { 'exactly.once.support': 'required' } })).toThrow(/is refused: exactly-once/);
    expect(() => c.addConnector('D', { ...w, config: { 'producer.override.sasl.jaas.config': 'x' } })).toThrow(/would change the connection/);
    expect(() => c.addConnector('E', { ...w, config: { 'errors.retry.timeout': 5 as any } })).toThrow(/must be a string/);
    expect(() => c.addConnector('F', { ...w, config: { 'errors.retry.timeout': '5000' } })).not.toThrow();
  });

  test('fails when a transform has no type', () => {
    const s = setup();
    const c = connect(s);
    const w = { class: 'x.Source', writes: [s.orders] };
    expect(() => c.addConnector('A', { ...w, config: { transforms: 'route' } })).toThrow(/'transforms.route.type' is not set/);
    expect(() => c.addConnector('B', { ...w, config: { 'transforms': 'route', 'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter' } })).not.toThrow();
  });

  test('fails when a topic is not of the cluster', () => {
    const s = setup();
    const other = new KafkaCluster(s.chart, 'Other', { name: 'other', namespace: 'other' });
    const t = other.addTopic('elsewhere', { partitions: 1 });
    const c = connect(s);
    expect(() => c.addConnector('A', { class: 'x.Source', writes: [t] })).toThrow(/writes\[0\] is a topic of cluster 'other'/);
    expect(() => c.addConnector('B', { class: 'x.Source', writes: [s.orders] })).not.toThrow();
  });

  test("fails when the dead letter queue is not among a sink's writes", () => {
    const s = setup();
    const c = connect(s);
    expect(() => c.addConnector('A', { class: 'x.Sink', reads: [s.orders], config: { 'errors.deadletterqueue.topic.name': 'audit' } })).toThrow(/errors.deadletterqueue.topic.name'\] names a topic that is not among writes/);
    expect(() => c.addConnector('B', { class: 'x.Sink', reads: [s.orders], writes: [s.audit], config: { 'errors.deadletterqueue.topic.name': 'audit' } })).not.toThrow();
  });

  test('fails when the Connect cluster does not use connector resources', () => {
    const s = setup();
    const off = new KafkaConnect(s.chart, 'Off', { cluster: s.kafka, useConnectorResources: false });
    expect(() => new KafkaConnector(s.chart, 'A', { connect: off, class: 'x.Source', writes: [s.orders] })).toThrow(/connect is KafkaConnect 'off', which does not use connector resources/);
    expect(() => new KafkaConnector(s.chart, 'B', { connect: connect(s), class: 'x.Source', writes: [s.orders] })).not.toThrow();
  });

  test('fails when it declares neither reads nor writes', () => {
    const s = setup();
    expect(() => connect(s).addConnector('A', { class: 'x.Source' })).toThrow(/writes and reads are both empty/);
  });
});
