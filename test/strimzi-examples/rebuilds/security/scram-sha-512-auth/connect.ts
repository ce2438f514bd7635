import { Chart } from 'cdk8s';
import {
  Acl, AclOperation, KafkaAuthorization, KafkaCluster, KafkaConnect, KafkaUser, ListenerAuthentication, UserAuthentication,
} from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a one-worker Kafka Connect cluster authenticating to my-cluster as the SCRAM-SHA-512 user my-connect, whose ACLs are written by hand, trusting the cluster CA by pattern',
  build(chart: Chart) {
    // The cluster of kafka.yaml beside this file, applied from there.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() }],
      brokers: 3,
      authorization: KafkaAuthorization.simple(),
      config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
    });
    // The Connect user of the example, with its own ACLs: the workers' group and storage topics, and
    // the topic of its connectors (my-topic: topic.yaml beside this file). The KafkaConnect adds
    // what the workers need beyond them (Describe on the group, DescribeConfigs on the storage topics).
    const { CREATE, DESCRIBE, READ, WRITE } = AclOperation;
    const user = new KafkaUser(chart, 'MyConnect', {
      cluster: myCluster,
      userName: 'my-connect',
      authentication: UserAuthentication.scramSha512(),
      acls: [
        Acl.group('my-connect-group').allow(READ),
        Acl.topic('my-connect-configs').allow(READ, DESCRIBE, WRITE, CREATE),
        Acl.topic('my-connect-status').allow(READ, DESCRIBE, WRITE, CREATE),
        Acl.topic('my-connect-offsets').allow(READ, DESCRIBE, WRITE, CREATE),
        Acl.topic('my-topic').allow(CREATE, DESCRIBE, READ, WRITE),
      ],
    });
    new KafkaConnect(chart, 'Connect', {
      cluster: myCluster,
      name: 'my-connect',
      user,
      version: '4.3.1',
      replicas: 1,
      groupId: 'my-connect-group',
      configStorageTopic: 'my-connect-configs',
      statusStorageTopic: 'my-connect-status',
      offsetStorageTopic: 'my-connect-offsets',
      trustedCertificatesPattern: '*.crt',
      storageReplicationFactor: -1,
    });
  },
};
