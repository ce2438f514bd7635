import { Chart } from 'cdk8s';
import { KafkaCluster, KafkaRebalance } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a full rebalance of an existing cluster with Cruise Control\'s default goals',
  build(chart: Chart) {
    // The file rebalances `my-cluster`, a cluster it does not define: declared, not made.
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }] });
    new KafkaRebalance(chart, 'Rebalance', { cluster: kafka, name: 'my-rebalance' });
  },
};
