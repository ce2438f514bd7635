import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  Acl, AclOperation, ClusterProfile, ConnectPluginArtifact, ConnectorState, KafkaAuthorization, KafkaCluster, KafkaConnect, KafkaConnectProps, KafkaConnector, KafkaMirrorMaker2,
  KafkaMirrorMaker2Props, KafkaUser, ListenerAuthentication, ListenerType, MirrorMaker2Cluster, UserAuthentication,
} from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { all, expectValid, find, Manifest, synth } from '../support';

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
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
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

  test('fails when the build image has no tag to push to, or is no image reference; latest is a tag like any (workers run from the digest)', () => {
    const plugins = [{ name: 'connect-file', artifacts: [ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512)] }];
    expect(() => connect(setup(), { build: { image: 'registry.example.com/kafka/connect-files:latest', plugins } })).not.toThrow();
    expect(() => connect(setup(), { build: { image: 'registry.example.com/kafka/connect-files', plugins } })).toThrow(/build.image must end in a tag to push to/);
    expect(() => connect(setup(), { build: { image: 'registry.example.com:5000/kafka/connect-files@sha256:' + 'a'.repeat(64), plugins } })).toThrow(/build.image must end in a tag to push to/);
    expect(() => connect(setup(), { build: { image: 'registry.example.com/Kafka/connect-files:1', plugins } })).toThrow(/build.image /);
    expect(() => connect(setup(), { build: { image: 'registry.example.com:5000/kafka/connect-files:1', plugins } })).not.toThrow();
    expect(() => connect(setup(), { build: { image: 'registry.example.com/kafka/connect-files:1', plugins } })).not.toThrow();
  });

  test("fails on a plugin name or artifact URL that Strimzi's CRD pattern refuses", () => {
    const a = ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512);
    const build = (name: string) => () => connect(setup(), { build: { image: 'r.example.com/c:1', plugins: [{ name, artifacts: [a] }] } });
    expect(build('p')).toThrow(new RegExp(
      "^KafkaConnect 'files' at test/Connect: build\\.plugins\\[0\\]\\.name must be 2 to 63 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit \\(Strimzi's CRD pattern \\^\\[a-z0-9\\]\\[-_a-z0-9\\]\\*\\[a-z0-9\\]\\$: the plugin's directory; a single character does not match it, and Kubernetes refuses the KafkaConnect\\) \\(got \"p\"\\)"));
    for (const name of ['-p', 'p-', 'P1', 'p.q', 'a'.repeat(64)]) expect(build(name)).toThrow(/build\.plugins\[0\]\.name must be 2 to 63/);
    for (const name of ['pl', 'connect-file', 'a_b', '0x', 'a'.repeat(63)]) expect(build(name)).not.toThrow();
    const sha = FILE_SHA512;
    expect(() => ConnectPluginArtifact.jar("https://example.com/my plugin's.jar".replace(' ', '%20'), sha)).toThrow(/^ConnectPluginArtifact\.jar\(\): url has ''', which Strimzi's CRD does not take in an artifact URL/);
    expect(() => ConnectPluginArtifact.tgz('https://example.com/plugin(1).tgz', sha)).toThrow(/url has '\(', which Strimzi's CRD does not take/);
    expect(() => ConnectPluginArtifact.zip('https://example.com/plugin.zip?x=1.', sha)).toThrow(/url ends with a character that Strimzi's CRD does not take/);
    expect(() => ConnectPluginArtifact.zip('https://example.com/plugin%281%29.zip?v=1&x=2', sha)).not.toThrow();
  });

  test('fails when two plugins share a name, or a plugin has no artifacts', () => {
    const a = ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512);
    expect(() => connect(setup(), { build: { image: 'r.example.com/c:1', plugins: [{ name: 'pl', artifacts: [a] }, { name: 'pl', artifacts: [a] }] } })).toThrow(/build.plugins\[1\].name is the name of another plugin/);
    expect(() => connect(setup(), { build: { image: 'r.example.com/c:1', plugins: [{ name: 'pl', artifacts: [] }] } })).toThrow(/build.plugins\[0\].artifacts must be one or more/);
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

  test('a custom authorizer: the workers\' and connectors\' ACLs only where Strimzi can write them (supportsAdminApi)', () => {
    const keycloak = (supportsAdminApi: boolean) => KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', supportsAdminApi });
    const withApi = setup({ authorization: keycloak(true) });
    connect(withApi).addConnector('Orders', { class: 'io.acme.OrdersSource', writes: [withApi.orders] });
    const granted = synth(withApi.chart);
    expect(acls(granted, 'files-connect')).toEqual([
      'topic:files-connect-configs:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:files-connect-offsets:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:files-connect-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'group:files-connect:literal:Read+Describe',
      'topic:orders:literal:Write+Describe',
    ]);
    expectValid(granted);
    // Without the Admin API the User Operator would refuse a KafkaUser with ACLs: the user has none,
    // and a source may leave its topics out (the authorizer decides, in its own terms).
    const withoutApi = setup({ authorization: keycloak(false) });
    const c = connect(withoutApi);
    expect(() => c.addConnector('Orders', { class: 'io.acme.OrdersSource', writes: [withoutApi.orders] })).not.toThrow();
    expect(() => c.addConnector('Anything', { class: 'io.acme.AnySource' })).not.toThrow();
    const manifests = synth(withoutApi.chart);
    expect(find(manifests, 'KafkaUser', 'files-connect').spec.authorization).toBeUndefined();
    expectValid(manifests);
  });

  test('fails when the listener has no authentication on a cluster with custom authorization, naming the authorizer', () => {
    const s = setup({ defaultListener: false, authorization: KafkaAuthorization.custom({ authorizerClass: 'org.openpolicyagent.kafka.OpaAuthorizer' }) });
    s.kafka.addListener('plain', { port: 9092, authentication: ListenerAuthentication.none() });
    expect(() => connect(s, { listener: 'plain' })).toThrow(
      /^KafkaConnect 'files' at test\/Connect: listener 'plain' of KafkaCluster 'events' has no authentication, but the cluster's authorization is custom \(org\.openpolicyagent\.kafka\.OpaAuthorizer\): the workers would be User:ANONYMOUS/,
    );
    const simple = setup({ defaultListener: false });
    simple.kafka.addListener('plain', { port: 9092, authentication: ListenerAuthentication.none() });
    expect(() => connect(simple, { listener: 'plain' })).toThrow(/has no authentication, but the cluster's authorization is simple: the workers would be User:ANONYMOUS/);
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

describe('KafkaConnect: names, user and trust of your own (Strimzi examples/connect, examples/security)', () => {
  test('the cluster CA Secret: every certificate of it by default (the old CA too during a key replacement), or the CA key alone with trustedCertificate', () => {
    const s = setup();
    connect(s);
    new KafkaConnect(s.chart, 'Pinned', { cluster: s.kafka, name: 'pinned', trustedCertificate: 'ca.crt' });
    const manifests = synth(s.chart);
    expect(find(manifests, 'KafkaConnect', 'files').spec.tls).toEqual({ trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] });
    expect(find(manifests, 'KafkaConnect', 'pinned').spec.tls).toEqual({ trustedCertificates: [{ secretName: 'events-cluster-ca-cert', certificate: 'ca.crt' }] });
    expectValid(manifests);
    // A listener with a certificate of its own: its CA key.
    const own = setup();
    own.kafka.addListener('custom', { port: 9095, brokerCertificate: { secretName: 'events-internal-tls' } });
    expect(connect(own, { listener: 'custom' }).resource.toJson().spec.tls).toEqual({ trustedCertificates: [{ secretName: 'events-internal-tls', certificate: 'ca.crt' }] });
  });

  test('labels, group, storage topics and user name of your own; storage at the broker default (-1); the cluster CA by pattern', () => {
    const s = setup();
    const c = connect(s, {
      labels: { app: 'files' }, groupId: 'my-connect-group', configStorageTopic: 'my-connect-configs', offsetStorageTopic: 'my-connect-offsets', statusStorageTopic: 'my-connect-status',
      userName: 'my-connect', storageReplicationFactor: -1, trustedCertificatesPattern: '*.crt',
    });
    const manifests = synth(s.chart);
    const kc = find(manifests, 'KafkaConnect', 'files');
    expect(kc.metadata.labels).toEqual({ app: 'files' });
    expect(kc.spec).toMatchObject({
      groupId: 'my-connect-group', configStorageTopic: 'my-connect-configs', offsetStorageTopic: 'my-connect-offsets', statusStorageTopic: 'my-connect-status',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'my-connect', passwordSecret: { secretName: 'my-connect', password: 'password' } },
      config: { 'config.storage.replication.factor': -1, 'offset.storage.replication.factor': -1, 'status.storage.replication.factor': -1 },
    });
    expect(acls(manifests, 'my-connect')).toEqual([
      'topic:my-connect-configs:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:my-connect-offsets:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:my-connect-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'group:my-connect-group:literal:Read+Describe',
    ]);
    expect(c.user?.userName).toBe('my-connect');
    expect(c.userIsDerived).toBe(true);
    expectValid(manifests);
  });

  test("a KafkaUser of your own: the workers authenticate as it, and it gets only what the workers need beyond its own ACLs, and its connectors' grants", () => {
    const s = setup();
    const { READ, WRITE, CREATE, DESCRIBE } = AclOperation;
    const user = s.kafka.addUser('my-connect', {
      authentication: UserAuthentication.scramSha512(),
      acls: [Acl.group('my-connect-group').allow(READ), ...['my-connect-configs', 'my-connect-offsets', 'my-connect-status'].map((t) => Acl.topic(t).allow(READ, DESCRIBE, WRITE, CREATE))],
    });
    const c = connect(s, { user, groupId: 'my-connect-group', configStorageTopic: 'my-connect-configs', offsetStorageTopic: 'my-connect-offsets', statusStorageTopic: 'my-connect-status' });
    c.addConnector('OrdersSource', { class: 'com.example.OrdersSource', writes: [s.orders] });
    const manifests = synth(s.chart);
    expect(c.user).toBe(user);
    expect(c.userIsDerived).toBe(false);
    expect(all(manifests, 'KafkaUser').map((u) => u.metadata.name)).toEqual(['my-connect']);
    expect(find(manifests, 'KafkaConnect', 'files').spec.authentication).toEqual({ type: 'scram-sha-512', username: 'my-connect', passwordSecret: { secretName: 'my-connect', password: 'password' } });
    expect(acls(manifests, 'my-connect')).toEqual([
      'group:my-connect-group:literal:Read',
      'topic:my-connect-configs:literal:Read+Describe+Write+Create',
      'topic:my-connect-offsets:literal:Read+Describe+Write+Create',
      'topic:my-connect-status:literal:Read+Describe+Write+Create',
      'topic:my-connect-configs:literal:DescribeConfigs',
      'topic:my-connect-offsets:literal:DescribeConfigs',
      'topic:my-connect-status:literal:DescribeConfigs',
      'group:my-connect-group:literal:Describe',
      'topic:orders:literal:Write+Describe',
    ]);
    expectValid(manifests);
  });

  test('a plain listener on a cluster without authorization: no TLS, no user, and a source may leave writes out', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', defaultListener: false, authorization: KafkaAuthorization.none(), profile: ClusterProfile.DEVELOPMENT, config: { 'auto.create.topics.enable': true } });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    const c = new KafkaConnect(chart, 'Connect', { cluster: kafka, name: 'my-connect-cluster', listener: 'plain', build: { image: 'ttl.sh/strimzi-connect-example-4.3.0:24h', plugins: [{ name: 'kafka-connect-file', artifacts: [ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' })] }] } });
    c.addConnector('Source', { name: 'my-source-connector', class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', tasksMax: 2, config: { file: '/opt/kafka/LICENSE', topic: 'my-topic' } });
    const manifests = synth(chart);
    const spec = find(manifests, 'KafkaConnect', 'my-connect-cluster').spec;
    expect(spec.bootstrapServers).toBe('my-cluster-kafka-bootstrap:9092');
    expect(spec.tls).toBeUndefined();
    expect(spec.authentication).toBeUndefined();
    expect(c.user).toBeUndefined();
    expect(all(manifests, 'KafkaUser')).toEqual([]);
    // The brokers create my-topic on its first write: no warning.
    expect(ConsistencyPass.of(chart).warnings()).toEqual([]);
    expectValid(manifests);
  });

  describe('fails when', () => {
    test('storage topics are shared or invalid, the group id is not one, or a label is Strimzi\'s', () => {
      const at = "KafkaConnect 'files' at test/Connect";
      expect(() => connect(setup(), { configStorageTopic: 'connect-state', statusStorageTopic: 'connect-state' })).toThrow(new RegExp(`^${at}: configStorageTopic is also the statusStorageTopic: the config, offset and status logs hold different records`));
      expect(() => connect(setup(), { offsetStorageTopic: 'offsets!' })).toThrow(/offsetStorageTopic is not a valid Kafka topic name/);
      expect(() => connect(setup(), { groupId: 'my group' })).toThrow(/groupId must be 1 to 249 printable characters without spaces/);
      expect(() => connect(setup(), { labels: { 'strimzi.io/cluster': 'x' } })).toThrow(/labels\['strimzi\.io\/cluster'\] is a Strimzi label/);
      expect(() => connect(setup(), { labels: { app: 'my app' } })).toThrow(/labels\['app'\] must be a label value/);
    });

    test('two KafkaConnects of a cluster share a group or a storage topic', () => {
      const s = setup();
      connect(s, { groupId: 'shared' });
      expect(() => new KafkaConnect(s.chart, 'Other', { cluster: s.kafka, name: 'other', groupId: 'shared' })).toThrow(/KafkaConnect 'other' at test\/Other: groupId is also used by KafkaConnect 'files' \(test\/Connect\) on cluster 'events': workers of one group form one Connect cluster/);
      expect(() => new KafkaConnect(s.chart, 'Third', { cluster: s.kafka, name: 'third', configStorageTopic: 'files-connect-status' })).toThrow(/configStorageTopic has a storage topic that is also used by KafkaConnect 'files'/);
      const dotted = setup();
      connect(dotted, { offsetStorageTopic: 'files.offsets' });
      expect(() => new KafkaConnect(dotted.chart, 'Other', { cluster: dotted.kafka, name: 'other', statusStorageTopic: 'files_offsets' })).toThrow(
        /KafkaConnect 'other' at test\/Other: statusStorageTopic collides with 'files\.offsets', the offsetStorageTopic of KafkaConnect 'files' \(test\/Connect\) on cluster 'events': Kafka takes '\.' and '_' as the same/);
    });

    test("a storage topic is one of Kafka's internal topics, or collides with another's name ('.' against '_')", () => {
      const at = "KafkaConnect 'files' at test/Connect";
      for (const topic of ['__consumer_offsets', '__transaction_state', '__cluster_metadata']) {
        expect(() => connect(setup(), { statusStorageTopic: topic })).toThrow(new RegExp(`^${at}: statusStorageTopic is a topic Kafka makes and manages itself \\(an internal topic\\)`));
      }
      expect(() => connect(setup(), { groupId: 'g', offsetStorageTopic: '__consumer.offsets' })).toThrow(/offsetStorageTopic collides with Kafka's internal topic '__consumer_offsets'/);
      expect(() => connect(setup(), { offsetStorageTopic: 'a.b', statusStorageTopic: 'a_b' })).toThrow(new RegExp(
        `^${at}: statusStorageTopic collides with the offsetStorageTopic 'a\\.b': Kafka takes '\\.' and '_' as the same in topic names \\(metric names\\) and refuses to create the second \\(Topic\\.hasCollision\\), so the workers would fail to start \\(got "a_b"\\)`));
      expect(() => connect(setup(), { configStorageTopic: 'x.configs', offsetStorageTopic: 'x.offsets', statusStorageTopic: 'x_status' })).not.toThrow();
    });

    test("a storage topic collides with a KafkaTopic of the cluster, or is a KafkaTopic that is not compacted (or, for configs, not single-partition): at synth", () => {
      const at = "KafkaConnect 'files' at test/Connect";
      let s = setup();
      connect(s, { configStorageTopic: 'orders' });
      expect(() => synth(s.chart)).toThrow(new RegExp(
        `${at}: configStorageTopic is KafkaTopic 'orders' at test/Kafka/orders of cluster 'events', whose cleanup\\.policy is delete \\(the cluster's log\\.cleanup\\.policy, which the topic does not set\\): Connect requires its storage topics to be compacted and nothing else.*TopicAdmin\\.verifyTopicCleanupPolicyOnlyCompact`));
      expect(() => synth(s.chart)).toThrow(new RegExp(
        `${at}: configStorageTopic is KafkaTopic 'orders' at test/Kafka/orders of cluster 'events', which has 3 partitions: Connect requires the config topic to have a single partition.*KafkaConfigBackingStore.*\\(got "orders"\\); set partitions: 1 on that KafkaTopic`));
      s = setup();
      s.kafka.addTopic('my-offsets', { config: { 'cleanup.policy': 'compact,delete' } });
      connect(s, { offsetStorageTopic: 'my-offsets' });
      expect(() => synth(s.chart)).toThrow(/offsetStorageTopic is KafkaTopic 'my-offsets' .* whose cleanup\.policy is compact,delete: Connect requires its storage topics to be compacted and nothing else/);
      // A KafkaTopic added after the KafkaConnect counts too; '.' against '_' is a collision.
      s = setup();
      connect(s, { statusStorageTopic: 'files.status' });
      s.kafka.addTopic('files_status');
      expect(() => synth(s.chart)).toThrow(/statusStorageTopic collides with KafkaTopic 'files_status' at test\/Kafka\/files_status of cluster 'events': Kafka takes '\.' and '_' as the same/);
      // The right KafkaTopics: compacted, and the config topic with one partition.
      s = setup();
      s.kafka.addTopic('files-configs', { partitions: 1, config: { 'cleanup.policy': 'compact' } });
      s.kafka.addTopic('files-offsets', { partitions: 25, config: { 'cleanup.policy': ['compact'] } });
      connect(s, { configStorageTopic: 'files-configs', offsetStorageTopic: 'files-offsets' });
      expectValid(synth(s.chart));
      // A cluster whose brokers compact by default.
      s = setup({ config: { 'log.cleanup.policy': 'compact' } });
      s.kafka.addTopic('files-status');
      connect(s, { statusStorageTopic: 'files-status' });
      expect(() => synth(s.chart)).not.toThrow();
    });

    test('a KafkaConnect and a KafkaMirrorMaker2 on one Kafka cluster share a group or a storage topic (both are Connect clusters), in either order', () => {
      const mm2 = (s: Setup, props: Partial<KafkaMirrorMaker2Props>) => new KafkaMirrorMaker2(s.chart, 'Mirror', {
        name: 'mm', source: MirrorMaker2Cluster.fromAddress('other-kafka-bootstrap:9092', { alias: 'other' }), target: MirrorMaker2Cluster.local(s.kafka),
        topics: [Acl.topic('orders')], checkpoints: false, ...props,
      });
      let s = setup();
      mm2(s, { groupId: 'mm-group' });
      expect(() => connect(s, { groupId: 'mm-group' })).toThrow(new RegExp(
        "^KafkaConnect 'files' at test/Connect: groupId is also used by KafkaMirrorMaker2 'mm' \\(test/Mirror\\) on cluster 'events': workers of one group form one Connect cluster and would run each other's connectors \\(a KafkaMirrorMaker2 is a Kafka Connect cluster too\\) \\(got \"mm-group\"\\)"));
      s = setup();
      connect(s, { groupId: 'shared-group' });
      expect(() => mm2(s, { groupId: 'shared-group' })).toThrow(/^KafkaMirrorMaker2 'mm' at test\/Mirror: groupId is also used by KafkaConnect 'files' \(test\/Connect\) on cluster 'events'/);
      s = setup();
      connect(s);
      expect(() => mm2(s, { statusStorageTopic: 'files-connect-status' })).toThrow(/statusStorageTopic has a storage topic that is also used by KafkaConnect 'files' \(test\/Connect\) on cluster 'events' \(its statusStorageTopic\)/);
      s = setup();
      connect(s, { configStorageTopic: 'files.configs' });
      expect(() => mm2(s, { configStorageTopic: 'files_configs' })).toThrow(/configStorageTopic collides with 'files\.configs', the configStorageTopic of KafkaConnect 'files'.*Topic\.hasCollision/);
      // Their own groups and topics: both run.
      s = setup();
      connect(s);
      expect(() => mm2(s, {})).not.toThrow();
      expectValid(synth(s.chart));
    });

    test('the user is set with userName, is of another cluster, authenticates otherwise than the listener, or is tls-external', () => {
      const s = setup();
      const scram = s.kafka.addUser('my-connect');
      expect(() => connect(s, { user: scram, userName: 'x' })).toThrow(/userName is set with user: the workers authenticate as KafkaUser 'my-connect'/);
      const other = setup({ name: 'other' });
      expect(() => connect(other, { user: scram })).toThrow(/user is a user of cluster 'events' \(test\/Kafka\), not of the Connect cluster's 'other'/);
      const tlsUser = s.kafka.addUser('tls-connect', { authentication: UserAuthentication.tls() });
      expect(() => new KafkaConnect(s.chart, 'C2', { cluster: s.kafka, name: 'c2', user: tlsUser })).toThrow(/user is KafkaUser 'tls-connect', which authenticates with tls, but listener 'tls' with scram-sha-512/);
      const external = s.kafka.addUser('ext-connect', { authentication: UserAuthentication.tlsExternal() });
      expect(() => new KafkaConnect(s.chart, 'C3', { cluster: s.kafka, name: 'c3', user: external })).toThrow(/user is KafkaUser 'ext-connect', a tls-external user/);
      expect(() => new KafkaConnect(s.chart, 'C4', { cluster: s.kafka, name: 'c4', user: {} as KafkaUser })).toThrow(/user must be a KafkaUser/);
    });

    test('a user is given for a listener without authentication', () => {
      const chart = Testing.chart();
      const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', defaultListener: false, authorization: KafkaAuthorization.none() });
      kafka.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
      const user = new KafkaUser(chart, 'User', { cluster: kafka, userName: 'c' });
      expect(() => new KafkaConnect(chart, 'Connect', { cluster: kafka, listener: 'plain', user })).toThrow(/user is set, but listener 'plain' of KafkaCluster 'events' has no authentication/);
    });

    test('the user name the library would make is taken', () => {
      const s = setup();
      s.kafka.addUser('my-connect');
      expect(() => connect(s, { userName: 'my-connect' })).toThrow(/userName makes the user 'my-connect' in cluster 'events' .* already is: two KafkaConnects would share a user .*pass the existing user as user/);
    });

    test('trustedCertificate is not the CA key, or comes with a pattern', () => {
      expect(() => connect(setup(), { trustedCertificate: 'ca.password' })).toThrow(/^KafkaConnect 'files' at test\/Connect: trustedCertificate is not 'ca\.crt', the CA certificate of listener 'tls' in Secret 'events-cluster-ca-cert': the client would not trust the brokers \(got "ca\.password"\)/);
      expect(() => connect(setup(), { trustedCertificate: 'ca.crt', trustedCertificatesPattern: '*.crt' })).toThrow(/trustedCertificate is set with trustedCertificatesPattern: Strimzi takes one key or a pattern, not both/);
      expect(() => connect(setup(), { trustedCertificate: 'ca crt' })).toThrow(/trustedCertificate must be a key of the Secret/);
    });

    test('the trust pattern misses the CA, takes a key that is not a certificate, or is not a glob', () => {
      expect(() => connect(setup(), { trustedCertificatesPattern: 'ca.*' })).toThrow(/trustedCertificatesPattern matches 'ca\.p12', 'ca\.password' of Secret 'events-cluster-ca-cert', which are not a PEM certificate/);
      expect(() => connect(setup(), { trustedCertificatesPattern: 'tls.crt' })).toThrow(/trustedCertificatesPattern does not match 'ca\.crt'/);
      expect(() => connect(setup(), { trustedCertificatesPattern: '[ca.crt' })).toThrow(/trustedCertificatesPattern is not a glob Java accepts/);
    });
  });
});

describe('ConnectPluginArtifact.maven (Strimzi type: maven)', () => {
  test('renders group, artifact, version and the repository given; no checksum', () => {
    const s = setup();
    connect(s, {
      build: {
        image: 'ttl.sh/strimzi-connect-example-4.3.0:24h',
        plugins: [{
          name: 'kafka-connect-file',
          artifacts: [
            ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' }),
            ConnectPluginArtifact.maven({ group: 'io.example', artifact: 'transforms', version: '1.2.0', repository: 'https://maven.example.com/releases/' }),
            ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512),
          ],
        }],
      },
    });
    const manifests = synth(s.chart);
    expect(find(manifests, 'KafkaConnect', 'files').spec.build).toEqual({
      output: { type: 'docker', image: 'ttl.sh/strimzi-connect-example-4.3.0:24h' },
      plugins: [{
        name: 'kafka-connect-file',
        artifacts: [
          { type: 'maven', group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' },
          { type: 'maven', group: 'io.example', artifact: 'transforms', version: '1.2.0', repository: 'https://maven.example.com/releases/' },
          { type: 'jar', url: FILE_JAR, sha512sum: FILE_SHA512 },
        ],
      }],
    });
    expectValid(manifests);
  });

  test('fails on coordinates that do not pin the artifact or that Strimzi would download from the wrong URL', () => {
    const f = 'ConnectPluginArtifact\\.maven\\(\\)';
    const maven = (o: Partial<Parameters<typeof ConnectPluginArtifact.maven>[0]>) => () => ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1', ...o });
    for (const version of ['[4.0,5.0)', 'LATEST', 'RELEASE', '4.4.0-SNAPSHOT', '']) {
      expect(maven({ version })).toThrow(new RegExp(`^${f}: options\\.version must be an exact release version`));
    }
    expect(maven({ artifact: 'connect.file' })).toThrow(/options\.artifact must be a Maven artifact id of letters, digits, '-' and '_': Strimzi builds the download URL with every '\.' of it turned into '\/'.*ConnectPluginArtifact\.jar\(\)/);
    expect(maven({ group: 'org..kafka' })).toThrow(/options\.group must be a Maven group id/);
    expect(maven({ repository: 'http://repo1.maven.org/maven2/' })).toThrow(/options\.repository must be an https:\/\/ URL of a Maven repository/);
    expect(maven({ insecure: true } as any)).toThrow(/options\.insecure is not a prop of MavenArtifactOptions/);
    expect(() => ConnectPluginArtifact.maven(undefined as any)).toThrow(/options is required/);
  });
});

describe('KafkaConnector: Kafka\'s file source connector', () => {
  test('its topic is required, must be among writes, and warns when it is no KafkaTopic the brokers would not create', () => {
    const s = setup();
    const c = connect(s);
    expect(() => c.addConnector('NoTopic', { class: 'FileStreamSource', config: { file: '/opt/kafka/LICENSE' }, writes: [s.orders] })).toThrow(/config\['topic'\] is required by FileStreamSourceConnector/);
    expect(() => c.addConnector('OtherTopic', { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', config: { topic: 'audit' }, writes: [s.orders] })).toThrow(/config\['topic'\] is not among writes \(orders\)/);
    expect(() => c.addConnector('Reads', { class: 'FileStreamSourceConnector', config: { topic: 'orders' }, reads: [s.orders] })).toThrow(/reads is set, but FileStreamSourceConnector is a source/);
    // Without writes, where the library makes the user: nothing to grant.
    expect(() => c.addConnector('NoWrites', { class: 'FileStreamSourceConnector', config: { topic: 'orders' } })).toThrow(/writes and reads are both empty: KafkaUser 'files-connect', which the library makes for the workers/);
  });

  test("warns when the KafkaConnect has no build (the file connectors are not on the plugin path of Strimzi's image), and when its topic is not a KafkaTopic", () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false, authorization: KafkaAuthorization.none() });
    kafka.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    const c = new KafkaConnect(chart, 'Connect', { cluster: kafka, name: 'files' });
    c.addConnector('Source', { class: 'FileStreamSource', config: { file: '/opt/kafka/LICENSE', topic: 'unknown-topic' } });
    synth(chart);
    const warnings = ConsistencyPass.of(chart).warnings().join('\n');
    expect(warnings).toMatch(/class is Kafka's file source connector \(connect-file\), which is not on the plugin path of Strimzi's Kafka image since Kafka 3\.2: KafkaConnect 'files' has no build, so the connector will fail: Connect finds no such class \(Plugins\.connectorClass: "Failed to find any class that implements Connector and which name matches FileStreamSource"\) and Strimzi reports the KafkaConnector NotReady \(got "FileStreamSource"\); build the image with it: .*version: '4\.3\.1'/);
    expect(warnings).toMatch(/config\['topic'\].*unknown-topic.*the cluster's brokers do not create topics on first write \(auto\.create\.topics\.enable is false\)/);
  });

  test('the file connector warning, as the trial wrote it: ConsistencyPass.of(app).warnings() says the connector will fail; with a build, no warning', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'files');
    const s = { chart, kafka: new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' }) };
    const orders = s.kafka.addTopic('orders');
    const c = new KafkaConnect(chart, 'Connect', { cluster: s.kafka, name: 'files' });
    c.addConnector('Source', { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', config: { file: '/opt/kafka/LICENSE', topic: 'orders' }, writes: [orders] });
    expect(ConsistencyPass.of(app).warnings()).toEqual([expect.stringMatching(/^KafkaConnector 'source' at files\/Connect\/Source: class is Kafka's file source connector .* has no build, so the connector will fail/)]);
    app.synth();
    expect(ConsistencyPass.of(app).warnings()).toHaveLength(1);

    const built = setup();
    const withBuild = connect(built, { build: { image: 'r.example.com/c:1', plugins: [{ name: 'connect-file', artifacts: [ConnectPluginArtifact.jar(FILE_JAR, FILE_SHA512)] }] } });
    withBuild.addConnector('Source', { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', config: { file: '/opt/kafka/LICENSE', topic: 'orders' }, writes: [built.orders] });
    synth(built.chart);
    expect(ConsistencyPass.of(built.chart).warnings()).toEqual([]);
  });

  test("any connector class that is not on Strimzi's image warns without a build; Kafka's MirrorMaker 2 connectors do not", () => {
    const s = setup();
    const c = connect(s);
    c.addConnector('Jdbc', { class: 'io.confluent.connect.jdbc.JdbcSinkConnector', reads: [s.orders] });
    c.addConnector('Heartbeat', { class: 'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector', writes: [s.audit] });
    c.addConnector('Alias', { class: 'MirrorHeartbeat', writes: [s.audit] });
    synth(s.chart);
    expect(ConsistencyPass.of(s.chart).warnings()).toEqual([expect.stringMatching(
      /^KafkaConnector 'jdbc' at test\/Connect\/Jdbc: class is not a connector of Strimzi's Kafka image, whose plugin path \(\/opt\/kafka\/plugins\) is empty and whose classpath holds only Kafka's MirrorMaker 2 connectors: KafkaConnect 'files' has no build, so the connector will fail: .* \(got "io\.confluent\.connect\.jdbc\.JdbcSinkConnector"\); add the plugin to the KafkaConnect's build/)]);
  });
});

describe('KafkaConnect config (Strimzi spec.config: the workers\' DistributedConfig)', () => {
  const bad = (config: Record<string, unknown>) => () => connect(setup(), { config: config as Record<string, string | number | boolean> });

  test('renders converters and worker options beside the storage replication factors', () => {
    const s = setup();
    const c = connect(s, {
      storageReplicationFactor: -1,
      config: {
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': false,
        'key.converter.converter.encoding': 'UTF-8',
        'offset.flush.interval.ms': 10000,
        'connector.client.config.override.policy': 'None',
        'task.shutdown.graceful.timeout.ms': '10000',
        'exactly.once.source.support': 'disabled',
        'config.providers': 'file,env',
        'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
        'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
        'config.providers.env.param.allowlist.pattern': '^DB_.*',
        'producer.compression.type': 'zstd',
        'consumer.max.poll.records': 200,
        'producer.my.interceptor.option': 'x',
        'ssl.endpoint.identification.algorithm': 'HTTPS',
      },
    });
    expect(c.config['offset.flush.interval.ms']).toBe(10000);
    const kc = find(synth(s.chart), 'KafkaConnect', 'files');
    expect(kc.spec.config).toEqual({
      'config.storage.replication.factor': -1,
      'offset.storage.replication.factor': -1,
      'status.storage.replication.factor': -1,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': false,
      'key.converter.converter.encoding': 'UTF-8',
      'offset.flush.interval.ms': 10000,
      'connector.client.config.override.policy': 'None',
      'task.shutdown.graceful.timeout.ms': '10000',
      'exactly.once.source.support': 'disabled',
      'config.providers': 'file,env',
      'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
      'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
      'config.providers.env.param.allowlist.pattern': '^DB_.*',
      'producer.compression.type': 'zstd',
      'consumer.max.poll.records': 200,
      'producer.my.interceptor.option': 'x',
      'ssl.endpoint.identification.algorithm': 'HTTPS',
    });
  });

  test('without config, the storage replication factors alone (unchanged)', () => {
    const s = setup();
    connect(s);
    expect(find(synth(s.chart), 'KafkaConnect', 'files').spec.config).toEqual({ 'config.storage.replication.factor': 3, 'offset.storage.replication.factor': 3, 'status.storage.replication.factor': 3 });
  });

  test('refuses keys the KafkaConnect writes from typed props, with the prop', () => {
    expect(bad({ 'group.id': 'g' })).toThrow(/config\['group.id'\] is written by the KafkaConnect from its groupId prop.*set groupId instead/s);
    expect(bad({ 'offset.storage.topic': 't' })).toThrow(/from its offsetStorageTopic prop/);
    expect(bad({ 'config.storage.replication.factor': 1 })).toThrow(/from its storageReplicationFactor prop/);
  });

  test('refuses what Strimzi forbids (KafkaConnectSpec.FORBIDDEN_PREFIXES), with its reason', () => {
    expect(bad({ 'ssl.truststore.location': '/x' })).toThrow(/config\['ssl.truststore.location'\] is forbidden by Strimzi \(options starting with 'ssl.': KafkaConnectSpec.FORBIDDEN_PREFIXES.*would drop it and only log a warning/s);
    expect(bad({ 'SASL.mechanism': 'PLAIN' })).toThrow(/options starting with 'sasl.'/);
    expect(bad({ 'bootstrap.servers': 'x:9092' })).toThrow(/the cluster and listener props set it/);
    expect(bad({ 'rest.advertised.port': 8083 })).toThrow(/options starting with 'rest.'/);
    expect(bad({ 'listeners': 'http://:8083' })).toThrow(/options starting with 'listeners'/);
    expect(bad({ 'plugin.path': '/opt' })).toThrow(/build prop/);
    expect(bad({ 'producer.interceptor.classes': 'a.B' })).toThrow(/options starting with 'producer.interceptor.classes'/);
    expect(bad({ 'prometheus.metrics.reporter.allowlist': 'x' })).toThrow(/set the metrics prop/);
  });

  test('refuses client keys that change the connection Strimzi manages', () => {
    expect(bad({ 'producer.bootstrap.servers': 'other:9092' })).toThrow(/config\['producer.bootstrap.servers'\] would change the connection of the workers' producer clients/);
    expect(bad({ 'consumer.security.protocol': 'PLAINTEXT' })).toThrow(/would change the connection of the workers' consumer clients/);
    expect(bad({ 'admin.sasl.jaas.config': 'x' })).toThrow(/admin clients/);
    expect(bad({ 'producer.ssl.keystore.location': '/x' })).toThrow(/would change the connection/);
    expect(bad({ 'producer.transactional.id': 'x' })).toThrow(/TransactionalId ACLs/);
  });

  test('refuses exactly-once source support, which needs transactional-id ACLs', () => {
    expect(bad({ 'exactly.once.source.support': 'enabled' })).toThrow(/exactly.once.source.support'\] is refused: .*connect-cluster-<group.id>.*TransactionalIds; the Connect user is not granted them/s);
    expect(bad({ 'exactly.once.source.support': 'PREPARING' })).toThrow(/is refused/);
    expect(bad({ 'exactly.once.source.support': 'on' })).toThrow(/must be one of DISABLED, ENABLED, PREPARING/);
  });

  test('refuses config providers Strimzi defines, and providers without a class', () => {
    expect(bad({ 'config.providers': 'strimzienv' })).toThrow(/names strimzienv, which Strimzi defines itself/);
    expect(bad({ 'config.providers': 'vault' })).toThrow(/names the provider 'vault' without its class: Kafka skips/);
    expect(bad({ 'config.providers.strimzisecrets.class': 'a.B' })).toThrow(/a config provider Strimzi defines itself/);
    expect(bad({ 'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider' })).toThrow(/provider 'file', which config.providers does not list/);
    expect(bad({ 'config.providers': 'file', 'config.providers.file.class': 'not a class' })).toThrow(/must be the name of a Java class/);
    expect(bad({ 'config.providers': 'file', 'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider', 'config.providers.file.allowed.paths': '/x' })).toThrow(/not an option of config provider 'file'/);
  });

  test('refuses a value of the wrong type or range', () => {
    expect(bad({ 'offset.flush.interval.ms': '10s' })).toThrow(/config\['offset.flush.interval.ms'\] must be a whole number of milliseconds.*use 'offset.flush.interval.ms': 10000/s);
    expect(bad({ 'value.converter': 'not a class' })).toThrow(/must be the name of a Java class/);
    expect(bad({ 'value.converter.schemas.enable': 'yes' })).toThrow(/must be true or false.*JsonConverterConfig/s);
    expect(bad({ 'consumer.max.poll.records': 0 })).toThrow(/must be at least 1/);
    expect(bad({ 'offset.flush.interval.ms': { ms: 1 } })).toThrow(/config/);
    expect(bad({ 'task.shutdown.graceful.timeout.ms': 'a\nb' })).toThrow(/must not contain a line break/);
    expect(bad({ 'my key': 1 })).toThrow(/must be a Kafka option name/);
  });

  test('refuses a typo with "did you mean", and unknown keys Kafka would ignore', () => {
    expect(bad({ 'offset.flush.interval': 10000 })).toThrow(/did you mean 'offset.flush.interval.ms'\?/);
    expect(bad({ 'value.converter.schema.enable': false })).toThrow(/did you mean 'value.converter.schemas.enable'\?/);
    expect(bad({ 'producer.compresion.type': 'zstd' })).toThrow(/did you mean 'producer.compression.type'\?/);
    expect(bad({ 'log.retention.ms': 1 })).toThrow(/is a broker config/);
    expect(bad({ 'something.else.entirely': 1 })).toThrow(/is not a Connect worker config of Kafka 4.3.1/);
  });

  test('leaves the options of a converter that is not JsonConverter to it', () => {
    expect(() => connect(setup(), { config: { 'value.converter': 'io.confluent.connect.avro.AvroConverter', 'value.converter.schema.registry.url': 'http://registry:8081' } })).not.toThrow();
  });
});

describe('what the third trial found accepted silently', () => {
  test.each([
    ['consumer.group.id', 'shared', /each sink's own group connect-<connector>/],
    ['consumer.enable.auto.commit', true, /committed only after the sink task has delivered/],
    ['consumer.value.deserializer', 'org.apache.kafka.common.serialization.StringDeserializer', /ByteArrayDeserializer: the converters/],
    ['producer.key.serializer', 'org.apache.kafka.common.serialization.StringSerializer', /ByteArraySerializer/],
  ])("a worker %s would replace what Connect sets for its tasks' clients (Worker.baseConsumerConfigs/baseProducerConfigs)", (key, value, reason) => {
    expect(() => connect(setup(), { config: { [key]: value } })).toThrow(new RegExp(`config\\['${key.replace(/\./g, '\\.')}'\\] would replace what Connect sets for its tasks' .*${reason.source}`));
  });

  test('the consumers of other settings still pass', () => {
    expect(() => connect(setup(), { config: { 'consumer.max.poll.records': 100, 'producer.linger.ms': 5 } })).not.toThrow();
  });

  test('a connector class by Java\'s rules; tasksMax within a Java int (Strimzi reads an Integer)', () => {
    const s = setup();
    const c = connect(s);
    expect(() => c.addConnector('A', { class: 'org.class.Source', writes: [s.orders] })).toThrow(/class must be a Java class name .*: it has a part 'class', which is a Java keyword/);
    expect(() => c.addConnector('B', { class: 'io.acme.OrdersSource', writes: [s.orders], tasksMax: 2 ** 31 })).toThrow(/tasksMax must be a whole number >= 1/);
    expect(() => c.addConnector('C', { class: 'io.acme.OrdersSource', writes: [s.orders], tasksMax: 2 ** 31 - 1 })).not.toThrow();
  });

  test("a sink whose group connect-<name> is the workers' own group fails (INCONSISTENT_GROUP_PROTOCOL)", () => {
    const s = setup();
    const c = connect(s, { groupId: 'connect-snk' });
    expect(() => c.addConnector('Snk', { name: 'snk', class: 'io.acme.Sink', reads: [s.orders] })).toThrow(/name makes the sink's consumer group 'connect-snk' .*which is the workers' own group/);
    expect(() => c.addConnector('Other', { name: 'other', class: 'io.acme.Sink', reads: [s.orders] })).not.toThrow();
  });
});

test('connector class-valued keys by Java\'s rules, and no type for an alias the list does not name (ConnectorConfig)', () => {
  const s = setup();
  const c = connect(s);
  const add = (id: string, config: Record<string, string>) => () => c.addConnector(id, { class: 'io.acme.OrdersSource', writes: [s.orders], config });
  expect(add('A', { 'transforms': 'a', 'transforms.a.type': 'not a class' })).toThrow(/config\['transforms\.a\.type'\] must be the name of a Java class .*: it must not contain whitespace/);
  expect(add('B', { 'value.converter': 'org.int.Conv' })).toThrow(/config\['value\.converter'\] must be the name of a Java class .*'int', which is a Java keyword/);
  expect(add('C', { 'transforms.b.type': 'org.apache.kafka.connect.transforms.InsertField$Value' })).toThrow(/config\['transforms\.b\.type'\] configures 'b', which transforms does not list/);
  expect(add('D', { 'transforms': 'b', 'transforms.b.type': 'org.apache.kafka.connect.transforms.InsertField$Value', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter' })).not.toThrow();
});

test('workers on a listener without authentication pass where ANONYMOUS is a super user, and fail where ACLs bind it', () => {
  const plainCluster = (superUsers: string[]) => {
    const s = setup({ defaultListener: false, authorization: KafkaAuthorization.simple(superUsers) });
    s.kafka.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    s.kafka.addListener('tls', { port: 9093 });
    return s;
  };
  expect(() => connect(plainCluster(['ANONYMOUS']), { listener: 'plain' })).not.toThrow();
  expect(() => connect(plainCluster([]), { listener: 'plain' })).toThrow(/listener 'plain' of KafkaCluster 'events' has no authentication, but the cluster's authorization is .*User:ANONYMOUS/);
});
