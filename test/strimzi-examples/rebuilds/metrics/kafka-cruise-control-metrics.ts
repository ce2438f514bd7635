import { Chart } from 'cdk8s';
import { ClusterProfile, JbodVolume, JmxPrometheusExporter, KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a throwaway cluster on ephemeral JBOD volumes whose Cruise Control exposes Prometheus metrics through the JMX exporter, with Strimzi\'s rules',
  build(chart: Chart) {
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'my-cluster',
      profile: ClusterProfile.DEVELOPMENT,
      defaultListener: false,
      authorization: KafkaAuthorization.none(),
      rackAwareness: false,
      controllers: { replicas: 3, storage: KafkaStorage.jbod(JbodVolume.ephemeral()) },
      brokers: { replicas: 3, storage: KafkaStorage.jbod(JbodVolume.ephemeral()) },
      // Strimzi's rules for Cruise Control (JmxExporterRules.cruiseControl()), in a ConfigMap the library writes.
      cruiseControl: { metrics: JmxPrometheusExporter.rules() },
    });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() });
  },
};
