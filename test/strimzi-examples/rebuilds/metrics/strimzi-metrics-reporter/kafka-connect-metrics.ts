import { Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaConnect, KafkaMetrics, ListenerAuthentication, ListenerType } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: "a one-worker Kafka Connect cluster on my-cluster's plain listener exposing Prometheus metrics with the Strimzi metrics reporter",
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
      listener: 'plain',
      name: 'my-connect-cluster',
      labels: { app: 'my-connect-cluster' },
      version: '4.3.1',
      replicas: 1,
      // The example leaves out groupId and the storage topics, which kafka.strimzi.io/v1 requires (the
      // API server rejects it as written; catalogue.test.ts): the library names them after the cluster,
      // my-connect-cluster-connect(-configs, -offsets, -status).
      // Strimzi's default allow list for Connect.
      metrics: KafkaMetrics.strimziMetricsReporter(),
    });
  },
};
