/* eslint-disable @typescript-eslint/no-explicit-any */
import { Testing } from 'cdk8s';
import {
  Acl, AclOperation, ConsistencyPass, KafkaAuthorization, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaClusterProps, KafkaTopic, KafkaUser,
  ListenerAuthentication, UserAuthentication,
} from '../../src';
import { judge, needs, type Need } from '../../src/kafka/grants';
import { expectValid, find, Manifest, synth } from '../support';

function setup(props: KafkaClusterProps = {}) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', ...props });
  const orders = kafka.addTopic('orders');
  const user = kafka.addUser('app');
  return { chart, kafka, orders, user };
}

/** The ACLs of KafkaUser `name` as synthesized. */
function aclsOf(manifests: readonly Manifest[], name: string = 'app'): unknown[] | undefined {
  return find(manifests, 'KafkaUser', name).spec.authorization?.acls;
}

const topic = (name: string, ...operations: string[]) => ({ type: 'allow', resource: { type: 'topic', name, patternType: 'literal' }, operations });
const topicPrefix = (name: string, ...operations: string[]) => ({ type: 'allow', resource: { type: 'topic', name, patternType: 'prefix' }, operations });
const group = (name: string, ...operations: string[]) => ({ type: 'allow', resource: { type: 'group', name, patternType: 'literal' }, operations });
const groupPrefix = (name: string, ...operations: string[]) => ({ type: 'allow', resource: { type: 'group', name, patternType: 'prefix' }, operations });
const txId = (name: string, ...operations: string[]) => ({ type: 'allow', resource: { type: 'transactionalId', name, patternType: 'literal' }, operations });
const txIdPrefix = (name: string, ...operations: string[]) => ({ type: 'allow', resource: { type: 'transactionalId', name, patternType: 'prefix' }, operations });

describe('grants: each role gets exactly the ACLs Kafka checks', () => {
  test('consumer: topic.grantRead(user, { group }) is Read and Describe on the topic and on the group', () => {
    const { chart, orders, user } = setup();
    const rules = orders.grantRead(user, { group: 'orders-app' });
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('orders', 'Read', 'Describe'), group('orders-app', 'Read', 'Describe')]);
    expect(find(manifests, 'KafkaUser', 'app').spec.authorization.type).toBe('simple');
    expect(rules.map((r) => r._render())).toEqual(aclsOf(manifests));
    expectValid(manifests);
  });

  test('producer: topic.grantWrite(user) is Write and Describe on the topic, and nothing on the cluster (Write authorizes the idempotent InitProducerId)', () => {
    const { chart, orders, user } = setup();
    orders.grantWrite(user);
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('orders', 'Write', 'Describe')]);
    expectValid(manifests);
  });

  test('transactional producer: topic.grantWrite(user, { transactionalId }) adds Write and Describe on the transactional id', () => {
    const { chart, orders, user } = setup();
    orders.grantWrite(user, { transactionalId: 'orders-tx' });
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('orders', 'Write', 'Describe'), txId('orders-tx', 'Write', 'Describe')]);
    expectValid(manifests);
  });

  test('consumer and producer: topic.grantReadWrite(user, { group }) merges the topic rules into one', () => {
    const { chart, orders, user } = setup();
    const rules = orders.grantReadWrite(user, { group: 'orders-app', transactionalId: Acl.transactionalIdPrefix('orders-tx-') });
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('orders', 'Read', 'Write', 'Describe'), group('orders-app', 'Read', 'Describe'), txIdPrefix('orders-tx-', 'Write', 'Describe')]);
    expect(rules).toHaveLength(3);
    expectValid(manifests);
  });

  test('idempotent producer: cluster.grantIdempotentWrite(user) is IdempotentWrite on the cluster', () => {
    const { chart, kafka, user } = setup();
    kafka.grantIdempotentWrite(user);
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([{ type: 'allow', resource: { type: 'cluster' }, operations: ['IdempotentWrite'] }]);
    expectValid(manifests);
  });

  test('transactional producer of several topics: cluster.grantTransactionalWrite(user, transactionalId, ...topics)', () => {
    const { chart, kafka, orders, user } = setup();
    kafka.grantTransactionalWrite(user, 'orders-tx', orders, Acl.topicPrefix('audit-'));
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('orders', 'Write', 'Describe'), topicPrefix('audit-', 'Write', 'Describe'), txId('orders-tx', 'Write', 'Describe')]);
    expectValid(manifests);
  });

  test('a consumer group and a transactional id on their own: cluster.grantConsumerGroup(), cluster.grantTransactionalId()', () => {
    const { chart, kafka, user } = setup();
    kafka.grantConsumerGroup(user, 'orders-app');
    kafka.grantTransactionalId(user, Acl.transactionalId('orders-tx'));
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([group('orders-app', 'Read', 'Describe'), txId('orders-tx', 'Write', 'Describe')]);
    expectValid(manifests);
  });

  test('prefixes: topics, groups and transactional ids that start with a prefix', () => {
    const { chart, kafka, user } = setup();
    kafka.grantRead(user, Acl.topicPrefix('orders-'), { group: Acl.groupPrefix('orders-') });
    kafka.grantWrite(user, Acl.topicPrefix('payments-'), { transactionalId: Acl.transactionalIdPrefix('payments-tx-') });
    kafka.grantConsumerGroup(user, Acl.groupPrefix('audit-'));
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([
      topicPrefix('orders-', 'Read', 'Describe'), topicPrefix('payments-', 'Write', 'Describe'),
      groupPrefix('audit-', 'Read', 'Describe'), groupPrefix('orders-', 'Read', 'Describe'),
      txIdPrefix('payments-tx-', 'Write', 'Describe'),
    ]);
    // A prefix names no topic: nothing is expected to exist.
    expect(ConsistencyPass.of(chart).warnings()).toEqual([]);
    expectValid(manifests);
  });

  test('the cluster grants take a KafkaTopic or a literal topic pattern; a literal topic the cluster does not declare warns', () => {
    const { chart, kafka, orders, user } = setup();
    kafka.grantRead(user, orders, { group: 'a' });
    kafka.grantWrite(user, Acl.topic('ordrs'));
    kafka.grantWrite(user, Acl.topic('*'));
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('*', 'Write', 'Describe'), topic('orders', 'Read', 'Describe'), topic('ordrs', 'Write', 'Describe'), group('a', 'Read', 'Describe')]);
    expect(ConsistencyPass.of(chart).warnings()).toEqual([
      "KafkaCluster 'events' at test/Kafka: topic names the topic 'ordrs', which test/Kafka does not declare (it declares orders) (got \"ordrs\"); add the topic to the cluster (addTopic) and grant on the KafkaTopic, or correct the topic name",
    ]);
  });
});

describe('grants merge and repeat', () => {
  test('granting twice adds nothing', () => {
    const { chart, kafka, orders, user } = setup();
    orders.grantRead(user, { group: 'orders-app' });
    const once = aclsOf(synth(chart));
    orders.grantRead(user, { group: 'orders-app' });
    orders.grantRead(user, { group: Acl.group('orders-app') });
    kafka.grantRead(user, orders, { group: 'orders-app' });
    kafka.grantConsumerGroup(user, 'orders-app');
    expect(aclsOf(synth(chart))).toEqual(once);
    expect(user.acls).toHaveLength(2);
  });

  test('grants of one resource make one rule; the order of the grants does not change the output', () => {
    const render = (reversed: boolean) => {
      const { chart, kafka, orders, user } = setup();
      const payments = kafka.addTopic('payments');
      const grants = [
        () => orders.grantRead(user, { group: 'orders-app' }),
        () => payments.grantWrite(user, { transactionalId: 'tx' }),
        () => orders.grantWrite(user),
        () => kafka.grantIdempotentWrite(user),
        () => kafka.grantConsumerGroup(user, Acl.groupPrefix('orders-')),
      ];
      (reversed ? [...grants].reverse() : grants).forEach((g) => g());
      return aclsOf(synth(chart));
    };
    expect(render(false)).toEqual([
      topic('orders', 'Read', 'Write', 'Describe'), topic('payments', 'Write', 'Describe'),
      group('orders-app', 'Read', 'Describe'), groupPrefix('orders-', 'Read', 'Describe'),
      txId('tx', 'Write', 'Describe'),
      { type: 'allow', resource: { type: 'cluster' }, operations: ['IdempotentWrite'] },
    ]);
    expect(render(true)).toEqual(render(false));
  });

  test('rules given (acls, addAcl) come first, as given; a grant leaves out what an identical resource of theirs already allows', () => {
    const { chart, orders, user: _unused, kafka } = setup();
    const user = kafka.addUser('Mixed', { userName: 'mixed', acls: [Acl.topic('orders').allow(AclOperation.READ)] });
    orders.grantRead(user, { group: 'orders-app' });
    user.addAcl(Acl.group('orders-app').allow(AclOperation.ALL).fromHost('10.0.0.1'), Acl.topicPrefix('x-').deny(AclOperation.WRITE));
    const manifests = synth(chart);
    expect(aclsOf(manifests, 'mixed')).toEqual([
      topic('orders', 'Read'),
      { type: 'allow', resource: { type: 'group', name: 'orders-app', patternType: 'literal' }, operations: ['All'], host: '10.0.0.1' },
      { type: 'deny', resource: { type: 'topic', name: 'x-', patternType: 'prefix' }, operations: ['Write'] },
      // Read on the topic is given; the host-limited group rule does not count.
      topic('orders', 'Describe'),
      group('orders-app', 'Read', 'Describe'),
    ]);
    expect(user.acls.map((r) => r._render())).toEqual(aclsOf(manifests, 'mixed'));
    expectValid(manifests);
  });

  test('a user granted nothing renders as before: no authorization', () => {
    const { chart, kafka } = setup();
    kafka.addUser('Plain', { userName: 'plain', acls: [Acl.topic('orders').allow(AclOperation.READ)] });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaUser', 'app').spec).toEqual({ authentication: { type: 'scram-sha-512' } });
    expect(find(manifests, 'KafkaUser', 'plain').spec).toEqual({ authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: [topic('orders', 'Read')] } });
  });

  test('addAcl(): rules added after construction, checked like acls, and a literal topic is expected', () => {
    const { chart, user } = setup();
    user.addAcl(Acl.topic('orders').allow(AclOperation.READ), Acl.topic('ordrs').allow(AclOperation.READ));
    expect(aclsOf(synth(chart))).toEqual([topic('orders', 'Read'), topic('ordrs', 'Read')]);
    expect(ConsistencyPass.of(chart).warnings()).toEqual([
      "KafkaUser 'app' at test/Kafka/app: acls[1] names the topic 'ordrs', which test/Kafka does not declare (it declares orders) (got \"ordrs\"); add the topic to the cluster (addTopic), or correct the ACL's topic name",
    ]);
    expect(() => user.addAcl(Acl.group('g').allow(AclOperation.WRITE))).toThrow(
      /KafkaUser 'app' at test\/Kafka\/app: acls\[2\].operations include operations Kafka does not define for a group \(got \["Write"\]\); use Read, Describe, Delete, All/,
    );
    expect(() => user.addAcl(Acl.group('').allow(AclOperation.READ))).toThrow(/acls\[2\].resource has an empty name/);
    expect(() => user.addAcl('Read' as any)).toThrow(/KafkaUser 'app' at test\/Kafka\/app: rules\[0\] must be an AclRule \(got "Read"\)/);
  });
});

describe('grants fail with the construct, the prop, the value and the fix', () => {
  test('bad arguments (as plain JavaScript passes them)', () => {
    const { chart, kafka, orders, user } = setup();
    expect(() => (orders as any).grantRead(user)).toThrow(/KafkaTopic 'orders' at test\/Kafka\/orders: options is required \(got undefined\); give a GrantReadOptions object/);
    expect(() => orders.grantRead(user, { group: 3 as any })).toThrow(/KafkaTopic 'orders' at test\/Kafka\/orders: options.group must be a string or an Acl \(got 3\)/);
    expect(() => orders.grantRead(user, { grup: 'x' } as any)).toThrow(/options.grup is not a prop of GrantReadOptions .*did you mean group\?/);
    expect(() => orders.grantRead({ userName: 'app' } as any, { group: 'g' })).toThrow(/KafkaTopic 'orders' at test\/Kafka\/orders: user must be a KafkaUser/);
    expect(() => orders.grantRead(user, { group: '' })).toThrow(/KafkaTopic 'orders' at test\/Kafka\/orders: options.group is empty \(got ""\); name it, e.g. 'orders-app'/);
    expect(() => orders.grantRead(user, { group: Acl.topic('g') })).toThrow(
      /KafkaTopic 'orders' at test\/Kafka\/orders: options.group must be a group name, Acl.group\(\) or Acl.groupPrefix\(\), not a topic pattern \(literal "g"\) \(got "g"\)/,
    );
    expect(() => orders.grantWrite(user, { transactionalId: Acl.groupPrefix('tx-') })).toThrow(/options.transactionalId must be a transactional id, Acl.transactionalId\(\) or Acl.transactionalIdPrefix\(\)/);
    expect(() => kafka.grantRead(user, 'orders' as any, { group: 'g' })).toThrow(/KafkaCluster 'events' at test\/Kafka: topic must be a KafkaTopic or an Acl \(got "orders"\)/);
    expect(() => kafka.grantWrite(user, Acl.cluster())).toThrow(/KafkaCluster 'events' at test\/Kafka: topic must be a KafkaTopic, Acl.topic\(\) or Acl.topicPrefix\(\)/);
    expect(() => kafka.grantTransactionalWrite(user, 'tx')).toThrow(/KafkaCluster 'events' at test\/Kafka: topics are none: a transactional producer writes to some topic \(got \[\]\); name the topics it writes/);
    expect(() => kafka.grantTransactionalWrite(user, 'tx', orders, 'audit' as any)).toThrow(/KafkaCluster 'events' at test\/Kafka: topics\[1\] must be a KafkaTopic or an Acl \(got "audit"\)/);
    expect(() => kafka.grantConsumerGroup(user, Acl.topicPrefix('x'))).toThrow(/group must be a group name, Acl.group\(\) or Acl.groupPrefix\(\)/);
    expect(() => kafka.grantTransactionalId(user, '  ')).toThrow(/KafkaCluster 'events' at test\/Kafka: transactionalId is empty \(got "  "\); name it, e.g. 'orders-tx'/);
    expect(() => (kafka as any).grantIdempotentWrite()).toThrow(/KafkaCluster 'events' at test\/Kafka: user is required/);
    // Nothing was granted, or expected, by the calls that failed.
    expect(() => kafka.grantWrite(user, Acl.topic('ghost'), { transactionalId: '' })).toThrow(/options.transactionalId is empty/);
    expect(user.acls).toEqual([]);
    expect(() => synth(chart)).not.toThrow();
    expect(ConsistencyPass.of(chart).warnings()).toEqual([]);
  });

  test('the user and the topic must belong to one cluster (the same name and namespace)', () => {
    const { chart, kafka, orders, user } = setup();
    const audit = new KafkaCluster(chart, 'Audit', { name: 'audit', namespace: 'audit' });
    const auditor = audit.addUser('auditor');
    expect(() => orders.grantRead(auditor, { group: 'g' })).toThrow(
      /KafkaTopic 'orders' at test\/Kafka\/orders: user belongs to cluster 'audit' \(namespace audit, test\/Audit\), not to cluster 'events' \(namespace kafka, test\/Kafka\): grantRead\(\) would give it ACLs on resources of a cluster whose user operator does not know it \(got "auditor"\); grant to a user of 'events' \(its addUser\(\)\), or grant on the resources of 'audit'/,
    );
    expect(() => audit.grantWrite(auditor, orders)).toThrow(
      /KafkaCluster 'audit' at test\/Audit: topic is a topic of cluster 'events' \(namespace kafka, test\/Kafka\), not of cluster 'audit' \(namespace audit, test\/Audit\) \(got "orders"\); grant on a topic of 'audit'/,
    );
    expect(() => kafka.grantIdempotentWrite(auditor)).toThrow(/KafkaCluster 'events' at test\/Kafka: user belongs to cluster 'audit'/);
    // The same cluster name in another namespace is another cluster.
    const staging = new KafkaCluster(chart, 'Staging', { name: 'events', namespace: 'staging' });
    expect(() => orders.grantWrite(staging.addUser('app'))).toThrow(/user belongs to cluster 'events' \(namespace staging, test\/Staging\), not to cluster 'events' \(namespace kafka, test\/Kafka\)/);
    // A user made with its own KafkaUser construct, of the same cluster, is fine.
    const other = new KafkaUser(chart, 'Other', { cluster: kafka, userName: 'other' });
    orders.grantWrite(other);
    expect(aclsOf(synth(chart), 'other')).toEqual([topic('orders', 'Write', 'Describe')]);
    expect(user.acls).toEqual([]);
  });

  test('a cluster without simple authorization refuses grants (Kafka would check no ACL)', () => {
    const { kafka, orders, user } = setup({ authorization: KafkaAuthorization.none() });
    expect(() => orders.grantRead(user, { group: 'g' })).toThrow(
      /KafkaTopic 'orders' at test\/Kafka\/orders: user is 'app' of cluster 'events' \(test\/Kafka\), whose authorization is none: Kafka checks no ACL there, so grantRead\(\) would grant nothing \(got "app"\); set authorization: KafkaAuthorization.simple\(\) on KafkaCluster 'events'/,
    );
    expect(() => kafka.grantIdempotentWrite(user)).toThrow(/KafkaCluster 'events' at test\/Kafka: user is 'app' of cluster 'events' \(test\/Kafka\), whose authorization is none/);
    expect(() => user.addAcl(Acl.topic('orders').allow(AclOperation.READ))).toThrow(
      /KafkaUser 'app' at test\/Kafka\/app: acls need simple authorization, but cluster 'events' has none \(got "1 rules"\); set authorization: KafkaAuthorization.simple\(\) on the cluster/,
    );
  });
});

describe('grants with a custom authorizer', () => {
  const opa = (supportsAdminApi?: boolean) => KafkaAuthorization.custom({ authorizerClass: 'org.openpolicyagent.kafka.OpaAuthorizer', ...(supportsAdminApi !== undefined && { supportsAdminApi }) });

  test('with supportsAdminApi: granted, as KafkaUser ACLs the User Operator writes', () => {
    const { chart, kafka, orders, user } = setup({ authorization: opa(true) });
    orders.grantRead(user, { group: 'orders-app' });
    kafka.grantIdempotentWrite(user);
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([topic('orders', 'Read', 'Describe'), group('orders-app', 'Read', 'Describe'), { type: 'allow', resource: { type: 'cluster' }, operations: ['IdempotentWrite'] }]);
    expect(find(manifests, 'KafkaUser', 'app').spec.authorization.type).toBe('simple');
    expectValid(manifests);
  });

  test('without supportsAdminApi: refused, naming the authorizer, not "none"', () => {
    const { kafka, orders, user } = setup({ authorization: opa() });
    expect(() => orders.grantRead(user, { group: 'g' })).toThrow(
      /^KafkaTopic 'orders' at test\/Kafka\/orders: user is 'app' of cluster 'events' \(test\/Kafka\), whose authorization is a custom authorizer \(org\.openpolicyagent\.kafka\.OpaAuthorizer\) without supportsAdminApi: Strimzi's User Operator writes ACLs only through an authorizer that supports the Kafka Admin API.*\(got "app"\); set supportsAdminApi: true in KafkaAuthorization\.custom\(\) on KafkaCluster 'events' if org\.openpolicyagent\.kafka\.OpaAuthorizer manages ACLs through the Kafka Admin API .*, or drop the grant$/,
    );
    expect(() => kafka.grantIdempotentWrite(user)).toThrow(/whose authorization is a custom authorizer \(org\.openpolicyagent\.kafka\.OpaAuthorizer\) without supportsAdminApi/);
    expect(() => orders.grantRead(user, { group: 'g' })).not.toThrow(/authorization is none/);
    expect(user.acls).toEqual([]);
  });

  test('KafkaClientWorkload: a missing ACL is no error where the authorizer may not consult ACLs', () => {
    const { chart, kafka, orders, user } = setup({ authorization: opa(true) });
    new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic: orders, role: KafkaClientRole.PRODUCER });
    expect(() => synth(chart)).not.toThrow();
    // The same without a grant on simple authorization fails (as the test below shows in full).
    const simple = setup();
    new KafkaClientWorkload(simple.chart, 'Producer', { cluster: simple.kafka, user: simple.user, topic: simple.orders, role: KafkaClientRole.PRODUCER });
    expect(() => synth(simple.chart)).toThrow(/user is 'app', whose ACLs do not allow Write on topic 'orders'/);
  });
});

describe('grants that change less than they seem to', () => {
  const warnings = (chart: any) => ConsistencyPass.of(chart).warnings();

  test('a grant to a super user changes nothing: a warning naming the user and the superUsers entry', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', authorization: KafkaAuthorization.simple(['CN=admin', 'ops']) });
    kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
    const orders = kafka.addTopic('orders');
    const admin = kafka.addUser('admin', { authentication: UserAuthentication.tls() });
    const ops = kafka.addUser('ops');
    const app = kafka.addUser('app');
    orders.grantRead(admin, { group: 'g' });
    kafka.grantIdempotentWrite(ops);
    orders.grantWrite(app);
    expect(warnings(chart)).toEqual([
      expect.stringMatching(/^KafkaTopic 'orders' at test\/Kafka\/orders: user is 'admin' \(User:CN=admin\), a super user of cluster 'events' \(superUsers entry 'CN=admin'\): the authorizer allows it everything without reading its ACLs, so grantRead\(\) changes nothing \(got "admin"\); drop the grant, or remove 'CN=admin' from the cluster's superUsers/),
      expect.stringMatching(/^KafkaCluster 'events' at test\/Kafka: user is 'ops' \(User:ops\), a super user of cluster 'events' \(superUsers entry 'ops'\).*grantIdempotentWrite\(\) changes nothing/),
    ]);
    // Still granted: the ACLs are written as asked.
    expect(aclsOf(synth(chart), 'admin')).toEqual([topic('orders', 'Read', 'Describe'), group('g', 'Read', 'Describe')]);
  });

  test('a super-user entry of the other kind of principal is another user: no warning', () => {
    const chart = Testing.chart();
    // 'admin' is SCRAM user admin (User:admin); TLS user admin is User:CN=admin.
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', authorization: KafkaAuthorization.simple(['admin']) });
    kafka.addTopic('orders').grantWrite(kafka.addUser('admin', { authentication: UserAuthentication.tls() }));
    expect(warnings(chart)).toEqual([]);
  });

  test('a super user of a custom authorizer with supportsAdminApi: the same warning', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'events', namespace: 'kafka',
      authorization: KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', superUsers: ['service-account-kafka'], supportsAdminApi: true }),
    });
    kafka.addTopic('orders').grantWrite(kafka.addUser('service-account-kafka'));
    expect(warnings(chart)).toEqual([expect.stringMatching(/user is 'service-account-kafka' \(User:service-account-kafka\), a super user of cluster 'events' \(superUsers entry 'service-account-kafka'\)/)]);
  });

  test('allow.everyone.if.no.acl.found: one warning per cluster, saying the first ACL closes the resource to everyone else', () => {
    const { chart, kafka, orders, user } = setup({ config: { 'allow.everyone.if.no.acl.found': true } });
    orders.grantRead(user, { group: 'g' });
    kafka.grantIdempotentWrite(kafka.addUser('other'));
    expect(warnings(chart)).toEqual([
      expect.stringMatching(/^KafkaTopic 'orders' at test\/Kafka\/orders: user is granted grantRead\(\) on cluster 'events', whose brokers have allow\.everyone\.if\.no\.acl\.found: true: a resource without any ACL is open to every principal, and once a grant writes an ACL on it only the principals an ACL allows \(and super users\) may use it \(got "app"\); grant every client/),
    ]);
    // The grants are written, and the client check trusts the open resources.
    expect(aclsOf(synth(chart))).toEqual([topic('orders', 'Read', 'Describe'), group('g', 'Read', 'Describe')]);
    const plain = setup({ config: { 'allow.everyone.if.no.acl.found': false } });
    plain.orders.grantRead(plain.user, { group: 'g' });
    expect(warnings(plain.chart)).toEqual([]);
  });
});

describe('a granted user passes the client check, for every role', () => {
  /** Whether the user's rules, as synthesized, allow every need. */
  const allowed = (user: KafkaUser, wanted: Need[]) => judge(user.acls, wanted);

  test.each<[string, (s: ReturnType<typeof setup>) => void, Need[]]>([
    ['consumer', ({ orders, user }) => orders.grantRead(user, { group: 'g' }), [...needs('consume', 'orders'), ...needs('group', 'g')]],
    ['producer (idempotent by default)', ({ orders, user }) => orders.grantWrite(user), [...needs('produce', 'orders'), ...needs('idempotent')]],
    ['transactional producer', ({ orders, user }) => orders.grantWrite(user, { transactionalId: 'tx' }), [...needs('produce', 'orders'), ...needs('transactionalId', 'tx')]],
    ['consumer and producer', ({ orders, user }) => orders.grantReadWrite(user, { group: 'g' }), [...needs('consume', 'orders'), ...needs('produce', 'orders'), ...needs('group', 'g'), ...needs('idempotent')]],
    ['idempotent producer', ({ kafka, user }) => kafka.grantIdempotentWrite(user), needs('idempotent')],
    ['transactional producer of prefixed topics and ids', ({ kafka, user }) => kafka.grantTransactionalWrite(user, Acl.transactionalIdPrefix('tx-'), Acl.topicPrefix('orders-')),
      [...needs('produce', 'orders-eu'), ...needs('transactionalId', 'tx-1'), ...needs('idempotent')]],
    ['consumer of prefixed topics and groups', ({ kafka, user }) => kafka.grantRead(user, Acl.topicPrefix('orders-'), { group: Acl.groupPrefix('app-') }), [...needs('consume', 'orders-eu'), ...needs('group', 'app-1')]],
    ['group member', ({ kafka, user }) => kafka.grantConsumerGroup(user, 'g'), needs('group', 'g')],
    ['transactional id', ({ kafka, user }) => kafka.grantTransactionalId(user, 'tx'), needs('transactionalId', 'tx')],
  ])('%s', (_role, grant, wanted) => {
    const s = setup();
    expect(allowed(s.user, wanted)).toBeDefined();
    grant(s);
    expect(allowed(s.user, wanted)).toBeUndefined();
  });

  test('the check sees what a deny refuses, and takes Write on any topic for the idempotent InitProducerId', () => {
    const { orders, user } = setup();
    orders.grantWrite(user);
    user.addAcl(Acl.topic('orders').deny(AclOperation.DESCRIBE));
    expect(judge(user.acls, needs('produce', 'orders'))).toEqual({ denied: { need: expect.objectContaining({ operation: AclOperation.DESCRIBE }), index: 0 } });
    // InitProducerId: Write on some topic not dominated by a deny prefix (Authorizer.authorizeByResourceType).
    expect(judge([Acl.topicPrefix('a').allow(AclOperation.WRITE)], needs('idempotent'))).toBeUndefined();
    expect(judge([Acl.topicPrefix('ab').allow(AclOperation.WRITE), Acl.topicPrefix('a').deny(AclOperation.WRITE)], needs('idempotent'))).toEqual({ missing: needs('idempotent') });
    expect(judge([Acl.topic('x').allow(AclOperation.WRITE), Acl.topic('*').deny(AclOperation.ALL)], needs('idempotent'))).toEqual({ missing: needs('idempotent') });
    expect(judge([Acl.topic('x').allow(AclOperation.READ)], needs('idempotent'))).toEqual({ missing: needs('idempotent') });
    // A deny of IdempotentWrite on the cluster leaves the Write alternative.
    expect(judge([Acl.cluster().deny(AclOperation.IDEMPOTENT_WRITE), Acl.topic('x').allow(AclOperation.WRITE)], needs('idempotent'))).toBeUndefined();
  });

  test('KafkaClientWorkload: users granted after the workload is made pass at synth; ungranted ones fail', () => {
    const { chart, kafka, orders, user } = setup();
    const consumer = kafka.addUser('consumer');
    new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic: orders, role: KafkaClientRole.PRODUCER });
    new KafkaClientWorkload(chart, 'Consumer', { cluster: kafka, user: consumer, topic: orders, role: KafkaClientRole.CONSUMER, group: 'orders-app' });
    expect(() => synth(chart)).toThrow(/KafkaClientWorkload 'Producer' at test\/Producer: user is 'app', whose ACLs do not allow Write on topic 'orders', which a producer needs.*grant it with topic.grantWrite\(user\)/);
    orders.grantWrite(user);
    expect(() => synth(chart)).toThrow(/KafkaClientWorkload 'Consumer' at test\/Consumer: user is 'consumer', whose ACLs do not allow Read on topic 'orders', Read on group 'orders-app'.*grant it with topic.grantRead\(user, \{ group: 'orders-app' \}\)/);
    orders.grantRead(consumer, { group: 'orders-app' });
    const manifests = synth(chart);
    expectValid(manifests);
  });
});

describe('everything granted, validated', () => {
  test('every grant on one cluster: the manifest validator finds nothing', () => {
    const { chart, kafka, orders, user } = setup();
    const payments = new KafkaTopic(chart, 'Payments', { cluster: kafka, topicName: 'payments' });
    orders.grantReadWrite(user, { group: 'orders-app', transactionalId: 'orders-tx' });
    payments.grantRead(user, { group: Acl.groupPrefix('payments-') });
    kafka.grantIdempotentWrite(user);
    kafka.grantTransactionalWrite(user, Acl.transactionalIdPrefix('tx-'), payments, Acl.topicPrefix('audit-'));
    kafka.grantConsumerGroup(user, 'audit');
    kafka.grantTransactionalId(user, 'audit-tx');
    const manifests = synth(chart);
    expect(aclsOf(manifests)).toEqual([
      topic('orders', 'Read', 'Write', 'Describe'), topic('payments', 'Read', 'Write', 'Describe'), topicPrefix('audit-', 'Write', 'Describe'),
      group('audit', 'Read', 'Describe'), group('orders-app', 'Read', 'Describe'), groupPrefix('payments-', 'Read', 'Describe'),
      txId('audit-tx', 'Write', 'Describe'), txId('orders-tx', 'Write', 'Describe'), txIdPrefix('tx-', 'Write', 'Describe'),
      { type: 'allow', resource: { type: 'cluster' }, operations: ['IdempotentWrite'] },
    ]);
    expectValid(manifests);
  });
});
