import { Chart } from 'cdk8s';
import { BridgeKafkaConnection, KafkaBridge, KafkaMetrics } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: "an HTTP bridge exposing Prometheus metrics with the Strimzi metrics reporter (Strimzi's default allow list)",
  build(chart: Chart) {
    new KafkaBridge(chart, 'Bridge', {
      name: 'my-bridge',
      replicas: 1,
      kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'),
      httpPort: 8080,
      metrics: KafkaMetrics.strimziMetricsReporter(),
    });
  },
};
