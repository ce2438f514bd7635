import { Testing } from 'cdk8s';
import { Acl, AclOperation, KafkaAuthorization, KafkaCluster, KafkaClusterProps, KafkaUserOptions, ListenerAuthentication, UserAuthentication } from '../../src';
import { expectValid, find, synth } from '../support';

function setup(props: KafkaClusterProps = {}) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', ...props });
  return { chart, kafka };
}

describe('KafkaUser', () => {
  test('snapshot of the default', () => {
    const { chart, kafka } = setup();
    kafka.addUser('app');
    expect(synth(chart).filter((m) => m.kind === 'KafkaUser')).toMatchSnapshot();
  });

  test('SCRAM user with topic, group, cluster and transactional id ACLs, and quotas', () => {
    const { chart, kafka } = setup();
    const user = kafka.addUser('Orders', {
      userName: 'orders-app',
      acls: [
        Acl.topic('orders').allow(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE),
        Acl.topicPrefix('orders-').allow(AclOperation.ALL).fromHost('10.0.0.1'),
        Acl.group('orders-app').allow(AclOperation.READ),
        Acl.groupPrefix('tmp-').deny(AclOperation.DELETE),
        Acl.cluster().allow(AclOperation.IDEMPOTENT_WRITE),
        Acl.transactionalId('orders-tx').allow(AclOperation.WRITE, AclOperation.DESCRIBE),
        Acl.transactionalIdPrefix('tx-').allow(AclOperation.DESCRIBE),
      ],
      quotas: { producerByteRate: 1048576, consumerByteRate: 2097152, requestPercentage: 50, controllerMutationRate: 10 },
    });
    const manifests = synth(chart);
    const resource = find(manifests, 'KafkaUser', 'orders-app');
    expect(resource.metadata).toEqual({ name: 'orders-app', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(resource.spec.authentication).toEqual({ type: 'scram-sha-512' });
    expect(resource.spec.authorization.type).toBe('simple');
    expect(resource.spec.authorization.acls).toEqual([
      { type: 'allow', resource: { type: 'topic', name: 'orders', patternType: 'literal' }, operations: ['Read', 'Write', 'Describe'] },
      { type: 'allow', resource: { type: 'topic', name: 'orders-', patternType: 'prefix' }, operations: ['All'], host: '10.0.0.1' },
      { type: 'allow', resource: { type: 'group', name: 'orders-app', patternType: 'literal' }, operations: ['Read'] },
      { type: 'deny', resource: { type: 'group', name: 'tmp-', patternType: 'prefix' }, operations: ['Delete'] },
      { type: 'allow', resource: { type: 'cluster' }, operations: ['IdempotentWrite'] },
      { type: 'allow', resource: { type: 'transactionalId', name: 'orders-tx', patternType: 'literal' }, operations: ['Write', 'Describe'] },
      { type: 'allow', resource: { type: 'transactionalId', name: 'tx-', patternType: 'prefix' }, operations: ['Describe'] },
    ]);
    expect(resource.spec.quotas).toEqual({ producerByteRate: 1048576, consumerByteRate: 2097152, requestPercentage: 50, controllerMutationRate: 10 });
    expect(user.secretName).toBe('orders-app');
    expect(user.principal).toBe('User:orders-app');
    expectValid(manifests);
  });

  test('a TLS user next to an mTLS listener; a SCRAM user with a password from a Secret; a tls-external user', () => {
    const { chart, kafka } = setup();
    kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
    const tls = kafka.addUser('consumer', { authentication: UserAuthentication.tls(), acls: [Acl.topic('orders').allow(AclOperation.READ)] });
    kafka.addUser('producer', { authentication: UserAuthentication.scramSha512({ secretName: 'producer-password', key: 'password' }) });
    const external = kafka.addUser('legacy', { authentication: UserAuthentication.tlsExternal() });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaUser', 'consumer').spec.authentication).toEqual({ type: 'tls' });
    expect(find(manifests, 'KafkaUser', 'producer').spec.authentication).toEqual({
      type: 'scram-sha-512',
      password: { valueFrom: { secretKeyRef: { name: 'producer-password', key: 'password' } } },
    });
    expect(tls.principal).toBe('User:CN=consumer');
    expect(external.secretName).toBeUndefined();
    expectValid(manifests);
  });

  describe('fails when', () => {
    test.each<[string, KafkaUserOptions, RegExp]>([
      ['the name is not a Kubernetes name', { userName: 'Orders_App' }, /KafkaUser 'Orders_App' at test\/Kafka\/U: userName must be lowercase alphanumerics, '-' and '.'.* \(got "Orders_App"\)/],
      ['a TLS user name does not fit a certificate CN', { userName: 'a'.repeat(65), authentication: UserAuthentication.tls() }, /userName is longer than 64 characters, the most an X.509 common name holds/],
      ['an ACL operation does not exist for the resource', { acls: [Acl.group('g').allow(AclOperation.WRITE)] }, /acls\[0\].operations include operations Kafka does not define for a group \(got \["Write"\]\); use Read, Describe, Delete, All/],
      ['an ACL has no operation', { acls: [Acl.topic('t').allow()] }, /acls\[0\].operations is empty \(got \[\]\)/],
      ['an ACL names an empty resource', { acls: [Acl.topic('').allow(AclOperation.READ)] }, /acls\[0\].resource has an empty name/],
    ])('%s', (_case, options, message) => {
      const { kafka } = setup();
      expect(() => kafka.addUser('U', options)).toThrow(message);
    });

    test('it has ACLs but the cluster has no simple authorization', () => {
      const { kafka } = setup({ authorization: KafkaAuthorization.none() });
      expect(() => kafka.addUser('app', { acls: [Acl.topic('t').allow(AclOperation.READ)] })).toThrow(
        /KafkaUser 'app' at test\/Kafka\/app: acls need simple authorization, but cluster 'my-cluster' has none \(got "1 rules"\); set authorization: KafkaAuthorization.simple\(\)/,
      );
    });

    test('it has ACLs but the cluster\'s custom authorizer does not support the Admin API (Strimzi\'s User Operator would refuse the KafkaUser)', () => {
      const { kafka } = setup({ authorization: KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer' }) });
      expect(() => kafka.addUser('app', { acls: [Acl.topic('t').allow(AclOperation.READ)] })).toThrow(
        /^KafkaUser 'app' at test\/Kafka\/app: acls need an authorizer that supports the Kafka Admin API, through which Strimzi's User Operator writes them \(it refuses a KafkaUser with ACLs otherwise: KafkaUserModel\.fromCrd\), but cluster 'my-cluster' has a custom authorizer \(io\.strimzi\.kafka\.oauth\.server\.authorizer\.KeycloakAuthorizer\) without supportsAdminApi \(got "1 rules"\); set supportsAdminApi: true in KafkaAuthorization\.custom\(\) on the cluster if io\.strimzi\.kafka\.oauth\.server\.authorizer\.KeycloakAuthorizer manages ACLs through the Admin API, or drop the ACLs/,
      );
      const user = kafka.addUser('other');
      expect(() => user.addAcl(Acl.topic('t').allow(AclOperation.READ))).toThrow(/acls need an authorizer that supports the Kafka Admin API.*custom authorizer .* without supportsAdminApi \(got "1 rules"\)/);
      expect(() => user.addAcl(Acl.topic('t').allow(AclOperation.READ))).not.toThrow(/has none/);
      // Without ACLs a user is fine: the authorizer decides on its own.
      expect(user.acls).toEqual([]);
    });

    test('a custom authorizer with supportsAdminApi takes ACLs, written as type simple', () => {
      const { chart, kafka } = setup({ authorization: KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', supportsAdminApi: true }) });
      kafka.addUser('app', { acls: [Acl.topic('t').allow(AclOperation.READ)] });
      kafka.addTopic('t');
      const manifests = synth(chart);
      expect(find(manifests, 'KafkaUser', 'app').spec.authorization).toEqual({ type: 'simple', acls: [{ type: 'allow', resource: { type: 'topic', name: 't', patternType: 'literal' }, operations: ['Read'] }] });
      expectValid(manifests);
    });

    test('no listener accepts its authentication', () => {
      const { chart, kafka } = setup();
      kafka.addUser('consumer', { authentication: UserAuthentication.tls() });
      expect(() => synth(chart)).toThrow(/authentication is tls, but no listener of cluster 'my-cluster' authenticates with tls \(got "tls"\); add a listener with ListenerAuthentication.tls\(\)/);
    });
  });
});
