import { Chart } from 'cdk8s';
import { Acl, AclOperation, KafkaAuthorization, KafkaCluster, KafkaUser, ListenerAuthentication, UserAuthentication } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

const { READ, WRITE, CREATE, DESCRIBE } = AclOperation;

export const rebuild: Rebuild = {
  summary: 'a SCRAM-SHA-512 user of my-cluster that consumes my-topic in group my-group and produces to it (creating it if need be)',
  build(chart: Chart) {
    // The cluster of kafka.yaml beside this file, applied from there.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() }],
      brokers: 3,
      authorization: KafkaAuthorization.simple(),
    });
    new KafkaUser(chart, 'MyUser', {
      cluster: myCluster,
      userName: 'my-user',
      authentication: UserAuthentication.scramSha512(),
      acls: [
        // Consuming from my-topic in group my-group
        Acl.topic('my-topic').allow(DESCRIBE, READ),
        Acl.group('my-group').allow(READ),
        // Producing to my-topic
        Acl.topic('my-topic').allow(CREATE, DESCRIBE, WRITE),
      ],
    });
  },
};
