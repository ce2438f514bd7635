import { Chart } from 'cdk8s';
import { BridgeKafkaConnection, KafkaBridge, KafkaMetrics } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: "an HTTP bridge with the Prometheus JMX exporter and Strimzi's bridge rules in a ConfigMap",
  build(chart: Chart) {
    new KafkaBridge(chart, 'Bridge', {
      name: 'my-bridge',
      replicas: 1,
      kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'),
      httpPort: 8080,
      // Strimzi's rules for the bridge (JmxExporterRules.bridge()) in a ConfigMap my-bridge-bridge-metrics.
      metrics: KafkaMetrics.jmxPrometheusExporter(),
    });
  },
};
