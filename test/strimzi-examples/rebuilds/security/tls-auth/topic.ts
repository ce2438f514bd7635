import { Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaTopic, ListenerAuthentication } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a topic of ten partitions and three replicas, kept two hours in 1 GiB segments, in my-cluster (three brokers, mTLS users)',
  build(chart: Chart) {
    // The cluster of kafka.yaml beside this file, applied from there.
    const myCluster = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }],
      brokers: 3,
      authorization: KafkaAuthorization.simple(),
      config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
    });
    new KafkaTopic(chart, 'MyTopic', {
      cluster: myCluster,
      topicName: 'my-topic',
      partitions: 10,
      replicas: 3,
      config: { 'retention.ms': 7200000, 'segment.bytes': 1073741824 },
    });
  },
};
