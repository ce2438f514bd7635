import { Chart } from 'cdk8s';
import { Acl, AclOperation, KafkaAuthorization, KafkaCluster, KafkaUser, ListenerAuthentication, UserAuthentication } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

const { READ, WRITE, CREATE, DESCRIBE } = AclOperation;

export const rebuild: Rebuild = {
  summary: 'an mTLS user of my-cluster that creates, describes, consumes (in group my-group) and produces my-topic',
  build(chart: Chart) {
    // The cluster of kafka.yaml beside this file, applied from there.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }],
      brokers: 3,
      authorization: KafkaAuthorization.simple(),
    });
    new KafkaUser(chart, 'MyUser', {
      cluster: myCluster,
      userName: 'my-user',
      authentication: UserAuthentication.tls(),
      acls: [
        Acl.topic('my-topic').allow(READ, DESCRIBE, WRITE, CREATE),
        Acl.group('my-group').allow(READ),
      ],
    });
  },
};
