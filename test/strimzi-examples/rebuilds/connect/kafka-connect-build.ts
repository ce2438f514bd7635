import { Chart } from 'cdk8s';
import { ConnectPluginArtifact, KafkaAuthorization, KafkaCluster, KafkaConnect, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: "a one-worker Kafka Connect cluster whose image Strimzi builds with Kafka's file connectors from Maven Central and pushes to ttl.sh",
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
      listener: 'tls',
      name: 'my-connect-cluster',
      version: '4.3.1',
      replicas: 1,
      groupId: 'my-connect-group',
      configStorageTopic: 'my-connect-configs',
      statusStorageTopic: 'my-connect-status',
      offsetStorageTopic: 'my-connect-offsets',
      trustedCertificatesPattern: '*.crt',
      storageReplicationFactor: -1,
      build: {
        // A throwaway registry: the image lasts 24 hours; Strimzi runs the workers from its digest.
        image: 'ttl.sh/strimzi-connect-example-4.3.0:24h',
        plugins: [{
          name: 'kafka-connect-file',
          artifacts: [ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' })],
        }],
      },
    });
  },
};
