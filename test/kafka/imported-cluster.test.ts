import { App, Chart, Testing } from 'cdk8s';
import {
  Acl, AclOperation, BridgeAuthentication, BridgeKafkaConnection, KafkaAuthorization, KafkaBridge, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaTopic,
  KafkaUser, ListenerAuthentication, ListenerType, UserAuthentication,
} from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { expectValid, find, synth } from '../support';

/**
 * A cluster owned elsewhere (the platform team's repository): an app team's chart refers to it
 * by its attributes, adds topics, users, grants, a bridge and a client to it, with the same
 * checks wherever the attributes allow.
 */
const PLATFORM = {
  name: 'events',
  namespace: 'kafka',
  listeners: [
    { name: 'tls', port: 9093 },
    { name: 'mtls', port: 9094, authentication: ListenerAuthentication.tls() },
  ],
  brokers: 3,
  authorization: KafkaAuthorization.simple(),
  config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
};

function appTeam(attributes: object = PLATFORM) {
  const app = Testing.app();
  const chart = new Chart(app, 'orders-team');
  const kafka = KafkaCluster.fromClusterAttributes(chart, 'Platform', attributes as typeof PLATFORM);
  return { app, chart, kafka };
}

describe('KafkaCluster.fromClusterAttributes', () => {
  test('an app team adds topics, a granted user, a bridge and a client; only its own objects are emitted', () => {
    const { app, chart, kafka } = appTeam();
    const orders = new KafkaTopic(chart, 'Orders', { cluster: kafka, topicName: 'orders', partitions: 12 });
    const reader = new KafkaUser(chart, 'Reader', { cluster: kafka, userName: 'orders-reader', authentication: UserAuthentication.tls() });
    orders.grantRead(reader, { group: 'orders-reader' });
    const writer = new KafkaUser(chart, 'Writer', { cluster: kafka, userName: 'orders-writer' });
    orders.grantWrite(writer);
    new KafkaClientWorkload(chart, 'Consumer', { cluster: kafka, user: reader, topic: orders, role: KafkaClientRole.CONSUMER, group: 'orders-reader' });
    new KafkaBridge(chart, 'Bridge', { name: 'orders', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(writer), consumer: false });
    const manifests = synth(chart);
    expect(manifests.filter((m) => m.kind === 'Kafka' || m.kind === 'KafkaNodePool')).toEqual([]);
    expect(find(manifests, 'KafkaTopic', 'orders').metadata).toEqual({ name: 'orders', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } });
    expect(find(manifests, 'KafkaUser', 'orders-reader').spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.name}:${a.operations.join('+')}`))
      .toEqual(['topic:orders:Read+Describe', 'group:orders-reader:Read+Describe']);
    expect(find(manifests, 'KafkaBridge', 'orders').spec.bootstrapServers).toBe('events-kafka-bootstrap.kafka.svc:9093');
    const consumer = JSON.stringify(find(manifests, 'Deployment', 'orders-consumer'));
    expect(consumer).toContain('events-kafka-bootstrap.kafka.svc:9094');
    expectValid(manifests);
    // The declaration stands for the Kafka resource and what Strimzi makes from it (CA Secrets,
    // bootstrap Service): the references to them hold, and the trust chain is checked.
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });

  test.each<[string, (kafka: ReturnType<typeof appTeam>) => unknown, RegExp]>([
    ['a TLS user on a cluster whose listeners all take SCRAM', ({ chart }) => {
      const kafka = KafkaCluster.fromClusterAttributes(chart, 'Scram', { ...PLATFORM, name: 'scram', listeners: [{ name: 'tls', port: 9093 }] });
      new KafkaUser(chart, 'U', { cluster: kafka, userName: 'u', authentication: UserAuthentication.tls() });
      return synth(chart);
    }, /authentication is tls, but no listener of cluster 'scram' authenticates with tls/],
    ['topic replicas above the declared brokers', ({ chart, kafka }) => {
      new KafkaTopic(chart, 'T', { cluster: kafka, topicName: 't', replicas: 5 });
      return synth(chart);
    }, /replicas exceed the 3 brokers of cluster 'events' \(got 5\)/],
    ['a grant on a cluster declared without authorization', ({ chart }) => {
      const kafka = KafkaCluster.fromClusterAttributes(chart, 'Open', { ...PLATFORM, name: 'open', authorization: KafkaAuthorization.none() });
      const topic = new KafkaTopic(chart, 'T', { cluster: kafka, topicName: 't' });
      topic.grantRead(new KafkaUser(chart, 'U', { cluster: kafka, userName: 'u' }), { group: 'g' });
    }, /whose authorization is none: Kafka checks no ACL there/],
    ['a client whose user lacks the grant', ({ chart, kafka }) => {
      const topic = new KafkaTopic(chart, 'T', { cluster: kafka, topicName: 't' });
      const user = new KafkaUser(chart, 'U', { cluster: kafka, userName: 'u' });
      new KafkaClientWorkload(chart, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
      return synth(chart);
    }, /grant it with topic.grantWrite\(user\)/],
    ['a listener name Strimzi refuses', ({ chart }) => KafkaCluster.fromClusterAttributes(chart, 'Bad', { ...PLATFORM, listeners: [{ name: 'TLS_1', port: 9093 }] }),
      /KafkaCluster \(imported\) 'events' at orders-team\/Bad: listeners\['TLS_1'\].name must be 1-11 lowercase letters or digits/],
    ['no listeners', ({ chart }) => KafkaCluster.fromClusterAttributes(chart, 'None', { ...PLATFORM, listeners: [] }), /listeners are empty/],
    ['a version Strimzi 1.2 does not run', ({ chart }) => KafkaCluster.fromClusterAttributes(chart, 'Old', { ...PLATFORM, version: '3.9.0' }), /version is not a Kafka version Strimzi 1.2 supports \(got "3.9.0"\)/],
    ['a broker count of 0', ({ chart }) => KafkaCluster.fromClusterAttributes(chart, 'Zero', { ...PLATFORM, brokers: 0 }), /brokers must be a whole number of brokers, at least 1 \(got 0\)/],
    ['a name that is no Kafka name', ({ chart }) => KafkaCluster.fromClusterAttributes(chart, 'Name', { ...PLATFORM, name: 'Events' }), /name must be/],
  ])('%s fails, naming the prop', (_case, make, message) => {
    expect(() => make(appTeam())).toThrow(message);
  });

  test('what is not declared is not checked: no broker count, no authorization, no config', () => {
    const { chart } = appTeam();
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'Vague', { name: 'vague', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }] });
    new KafkaTopic(chart, 'T', { cluster: kafka, topicName: 't', replicas: 7 });
    const user = new KafkaUser(chart, 'U', { cluster: kafka, userName: 'u' });
    new KafkaTopic(chart, 'T2', { cluster: kafka, topicName: 't2' }).grantWrite(user);
    expect(() => synth(chart)).not.toThrow();
  });

  test('its Secrets and names are the ones Strimzi derives', () => {
    const { kafka } = appTeam();
    expect([kafka.clusterCaCertSecretName, kafka.clientsCaCertSecretName]).toEqual(['events-cluster-ca-cert', 'events-clients-ca-cert']);
    expect(kafka.allListeners.map((l) => [l.name, l.type, l.bootstrapAddress])).toEqual([['tls', ListenerType.INTERNAL, 'events-kafka-bootstrap.kafka.svc:9093'], ['mtls', ListenerType.INTERNAL, 'events-kafka-bootstrap.kafka.svc:9094']]);
  });

  test('a user of the imported cluster cannot be granted a topic of another cluster', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const theirs = KafkaCluster.fromClusterAttributes(chart, 'Theirs', PLATFORM);
    const ours = new KafkaCluster(chart, 'Ours', { name: 'ours', namespace: 'kafka' });
    const topic = ours.addTopic('orders');
    expect(() => topic.grantRead(new KafkaUser(chart, 'U', { cluster: theirs, userName: 'u' }), { group: 'g' })).toThrow(/belongs to cluster .*events.*, not to cluster .*ours/);
  });
});

test('a topic with remote storage on a cluster declared without tiered storage fails; declared with it, passes', () => {
  const { chart } = appTeam();
  const without = KafkaCluster.fromClusterAttributes(chart, 'Without', { ...PLATFORM, name: 'without', tieredStorage: false });
  expect(() => new KafkaTopic(chart, 'T', { cluster: without, topicName: 't', config: { 'remote.storage.enable': true } })).toThrow(/has no tiered storage/);
  const withIt = KafkaCluster.fromClusterAttributes(chart, 'With', { ...PLATFORM, name: 'with', tieredStorage: true });
  expect(() => new KafkaTopic(chart, 'T2', { cluster: withIt, topicName: 't', config: { 'remote.storage.enable': true } })).not.toThrow();
});

describe('an imported cluster, as the trial used it', () => {
  test('cluster-level grants work on it (topic prefixes, transactional ids), and ACLs on its topics are not held to topics it cannot list', () => {
    const { app, chart, kafka } = appTeam();
    const user = new KafkaUser(chart, 'U', { cluster: kafka, userName: 'u', acls: [Acl.topic('platform-topic').allow(AclOperation.READ)] });
    kafka.grantRead(user, Acl.topicPrefix('ledger-'), { group: Acl.groupPrefix('ledger-') });
    kafka.grantTransactionalWrite(user, Acl.transactionalIdPrefix('ledger-tx-'), Acl.topic('ledger-out'));
    const acls = find(synth(chart), 'KafkaUser', 'u').spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.patternType}:${a.resource.name}:${a.operations.join('+')}`);
    expect(acls).toEqual(expect.arrayContaining(['topic:prefix:ledger-:Read+Describe', 'group:prefix:ledger-:Read+Describe', 'transactionalId:prefix:ledger-tx-:Write+Describe', 'topic:literal:ledger-out:Write+Describe']));
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });

  test("a listener's own certificate Secret is the platform's: a bridge and a client on it trust it", () => {
    const { app, chart } = appTeam();
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'Own', { ...PLATFORM, name: 'own', listeners: [{ name: 'tls', port: 9093, brokerCertificate: { secretName: 'own-tls', certificate: 'tls.crt', key: 'tls.key' } }] });
    const user = new KafkaUser(chart, 'U', { cluster: kafka, userName: 'writer' });
    new KafkaTopic(chart, 'T', { cluster: kafka, topicName: 't' }).grantWrite(user);
    new KafkaBridge(chart, 'B', { name: 'b', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(user), consumer: false });
    expect(find(synth(chart), 'KafkaBridge', 'b').spec.tls.trustedCertificates).toEqual([{ secretName: 'own-tls', certificate: 'ca.crt' }]);
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });
});

test('declaring one cluster twice in a chart fails at the second, pointing at the first', () => {
  const { chart } = appTeam();
  expect(() => KafkaCluster.fromClusterAttributes(chart, 'Again', PLATFORM)).toThrow(/KafkaCluster \(imported\) 'events' at orders-team\/Again: name is Kafka kafka\/events, which orders-team\/Platform declares already in this chart.*reuse the IKafkaCluster/);
});

test('a cluster declared without namespace (kubectl\'s, as Strimzi\'s examples): its topics and users have none, its address is the short Service name', () => {
  const { app, chart } = appTeam();
  const { namespace: _, ...attributes } = PLATFORM;
  const kafka = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', { ...attributes, name: 'my-cluster' });
  expect(kafka.namespace).toBeUndefined();
  expect(kafka.allListeners[0].bootstrapAddress).toBe('my-cluster-kafka-bootstrap:9093');
  new KafkaTopic(chart, 'T', { cluster: kafka, topicName: 'my-topic', partitions: 1 });
  new KafkaUser(chart, 'U', { cluster: kafka, userName: 'my-user', acls: [Acl.topic('my-topic').allow(AclOperation.READ)] });
  const manifests = synth(chart);
  expect(find(manifests, 'KafkaTopic', 'my-topic').metadata).toEqual({ name: 'my-topic', labels: { 'strimzi.io/cluster': 'my-cluster' } });
  expect(find(manifests, 'KafkaUser', 'my-user').metadata).toEqual({ name: 'my-user', labels: { 'strimzi.io/cluster': 'my-cluster' } });
  expectValid(manifests);
  expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  expect(() => KafkaCluster.fromClusterAttributes(chart, 'Again', { ...attributes, name: 'my-cluster' })).toThrow(/name is Kafka \(no namespace\)\/my-cluster, which orders-team\/MyCluster declares already in this chart/);
});

test('a user whose authentication no declared listener takes is told to declare the listener, not to add one (an imported cluster has no addListener)', () => {
  const chart = Testing.chart();
  const kafka = KafkaCluster.fromClusterAttributes(chart, 'Platform', { name: 'my-cluster', listeners: [{ name: 'tls', port: 9093 }] });
  new KafkaUser(chart, 'User', { cluster: kafka, userName: 'app', authentication: UserAuthentication.tls() });
  expect(() => synth(chart)).toThrow(/authentication is tls, but no listener of cluster 'my-cluster' authenticates with tls \(got "tls"\); declare the listener that takes it in KafkaCluster\.fromClusterAttributes\(\) \(authentication: ListenerAuthentication\.tls\(\)\)/);
});
