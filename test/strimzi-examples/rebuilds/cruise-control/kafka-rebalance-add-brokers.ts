import { Chart } from 'cdk8s';
import { KafkaCluster, KafkaRebalance, KafkaRebalanceMode } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'moves partitions onto brokers 3 and 4 of an existing cluster after a scale-up',
  build(chart: Chart) {
    // The file rebalances `my-cluster`, a cluster it does not define: declared, not made.
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }] });
    new KafkaRebalance(chart, 'Rebalance', { cluster: kafka, name: 'my-rebalance', mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [3, 4] });
  },
};
