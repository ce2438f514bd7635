import { Chart } from 'cdk8s';
import { Acl, AclOperation, KafkaAuthorization, KafkaCluster, KafkaUser, ListenerAuthentication, UserAuthentication } from '../../../../src';
import type { Rebuild } from '../../rebuild';

const { READ, WRITE, CREATE, DESCRIBE } = AclOperation;

export const rebuild: Rebuild = {
  summary: 'an mTLS user of my-cluster that consumes my-topic in group my-group and produces to it (creating it if need be)',
  build(chart: Chart) {
    // my-cluster, made elsewhere: a listener that authenticates users by certificate, and ACLs.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }],
      authorization: KafkaAuthorization.simple(),
    });
    new KafkaUser(chart, 'MyUser', {
      cluster: myCluster,
      userName: 'my-user',
      authentication: UserAuthentication.tls(),
      acls: [
        // Consumer ACLs for my-topic in group my-group
        Acl.topic('my-topic').allow(DESCRIBE, READ),
        Acl.group('my-group').allow(READ),
        // Producer ACLs for my-topic
        Acl.topic('my-topic').allow(CREATE, DESCRIBE, WRITE),
      ],
    });
  },
};
