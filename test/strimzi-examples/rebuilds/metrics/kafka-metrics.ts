import { Chart, Size } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaMetrics, KafkaStorage, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'three controllers and three brokers exposing Prometheus metrics through the JMX exporter (Strimzi\'s broker and KRaft rules), with Kafka Exporter for topics and consumer groups',
  build(chart: Chart) {
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'my-cluster',
      defaultListener: false,
      authorization: KafkaAuthorization.none(),
      rackAwareness: false,
      controllers: { replicas: 3, storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }) },
      brokers: { replicas: 3, storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }) },
      // Strimzi's example rules are the default; the library writes them to ConfigMap my-cluster-kafka-metrics.
      metrics: KafkaMetrics.jmxPrometheusExporter(),
      kafkaExporter: true,
    });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() });
  },
};
