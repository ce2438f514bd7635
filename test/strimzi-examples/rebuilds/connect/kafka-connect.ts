import { Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaConnect, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: "a one-worker Kafka Connect cluster on my-cluster's TLS listener, trusting the cluster CA by pattern, its storage topics at the brokers' default replication",
  build(chart: Chart) {
    // The cluster the example connects to, made elsewhere (kafka/kafka-ephemeral.yaml): plain and TLS listeners, no authentication.
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [
        { name: 'plain', port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() },
        { name: 'tls', port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() },
      ],
      authorization: KafkaAuthorization.none(),
    });

    new KafkaConnect(chart, 'Connect', {
      cluster: kafka,
      listener: 'tls',
      name: 'my-connect-cluster',
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
