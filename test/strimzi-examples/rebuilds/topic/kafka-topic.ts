import { Chart } from 'cdk8s';
import { ClusterProfile, KafkaAuthorization, KafkaCluster, KafkaTopic, ListenerAuthentication } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a topic of one partition and one replica, kept two hours in 1 GiB segments, in my-cluster (a throwaway single node)',
  build(chart: Chart) {
    // The cluster of kafka/kafka-single-node.yaml, applied from that file.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [
        { name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() },
        { name: 'tls', port: 9093, authentication: ListenerAuthentication.none() },
      ],
      brokers: 1,
      authorization: KafkaAuthorization.none(),
      config: { 'default.replication.factor': 1, 'min.insync.replicas': 1 },
      profile: ClusterProfile.DEVELOPMENT,
    });
    new KafkaTopic(chart, 'MyTopic', {
      cluster: myCluster,
      topicName: 'my-topic',
      partitions: 1,
      replicas: 1,
      config: { 'retention.ms': 7200000, 'segment.bytes': 1073741824 },
    });
  },
};
