import { Chart } from 'cdk8s';
import { ConnectPluginArtifact, KafkaAuthorization, KafkaCluster, KafkaConnect, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: "a KafkaConnector running Kafka's file source connector: /opt/kafka/LICENSE into my-topic, on the Connect cluster of connect/kafka-connect-build.yaml",
  build(chart: Chart) {
    // What the example runs on: my-cluster, made elsewhere (kafka/kafka-ephemeral.yaml), and the
    // Connect cluster of connect/kafka-connect-build.yaml, whose image has the file connectors (not
    // on the plugin path of Strimzi's image since Kafka 3.2).
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', {
      name: 'my-cluster',
      listeners: [
        { name: 'plain', port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() },
        { name: 'tls', port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() },
      ],
      authorization: KafkaAuthorization.none(),
      // As in Strimzi's example cluster (Kafka's default): the brokers create a topic on its first write.
      config: { 'auto.create.topics.enable': true },
    });
    const connect = new KafkaConnect(chart, 'Connect', {
      cluster: kafka,
      listener: 'tls',
      name: 'my-connect-cluster',
      replicas: 1,
      storageReplicationFactor: -1,
      build: {
        image: 'ttl.sh/strimzi-connect-example-4.3.0:24h',
        plugins: [{ name: 'kafka-connect-file', artifacts: [ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' })] }],
      },
    });

    // my-topic is not a KafkaTopic of the example: without authentication and authorization no
    // ACL is derived from writes, so the connector may leave them out; the brokers create the
    // topic on its first write.
    connect.addConnector('SourceConnector', {
      name: 'my-source-connector',
      class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      tasksMax: 2,
      config: { file: '/opt/kafka/LICENSE', topic: 'my-topic' },
    });
  },
};
