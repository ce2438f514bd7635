import { Chart } from 'cdk8s';
import { BridgeKafkaConnection, KafkaBridge } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: "an HTTP bridge to the plain listener of a cluster the file does not define (my-cluster's, port 9092)",
  build(chart: Chart) {
    new KafkaBridge(chart, 'Bridge', {
      name: 'my-bridge',
      replicas: 1,
      // No trusted CA: the listener has no TLS, so the bridge connects in plain text.
      kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'),
      httpPort: 8080,
    });
  },
};
