import { Chart } from 'cdk8s';
import {
  Acl, AclOperation, BridgeAuthentication, BridgeKafkaConnection, KafkaAuthorization, KafkaBridge, KafkaCluster, KafkaUser, ListenerAuthentication, UserAuthentication,
} from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: 'an HTTP bridge authenticating to my-cluster as the mutual TLS user my-bridge, with the ACLs its HTTP clients need, trusting the cluster CA by pattern',
  build(chart: Chart) {
    // The cluster of kafka.yaml beside this file, applied from there.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }],
      brokers: 3,
      authorization: KafkaAuthorization.simple(),
      config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
    });
    // The topics and groups of the bridge's HTTP clients (my-topic: topic.yaml beside this file).
    const { CREATE, DESCRIBE, READ, WRITE } = AclOperation;
    const user = new KafkaUser(chart, 'MyBridge', {
      cluster: myCluster,
      userName: 'my-bridge',
      authentication: UserAuthentication.tls(),
      acls: [
        Acl.group('my-group').allow(READ),
        Acl.topic('my-topic').allow(CREATE, DESCRIBE, READ, WRITE),
      ],
    });
    new KafkaBridge(chart, 'Bridge', {
      name: 'my-bridge',
      replicas: 1,
      kafka: BridgeKafkaConnection.fromCluster(myCluster, 'tls', { trustedCertificatesPattern: '*.crt' }),
      authentication: BridgeAuthentication.fromUser(user),
      httpPort: 8080,
    });
  },
};
