import { Chart } from 'cdk8s';
import { BridgeKafkaConnection, KafkaBridge } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'an HTTP bridge serving HTTPS on 8443 with a certificate from a Secret, to the plain listener of my-cluster',
  build(chart: Chart) {
    new KafkaBridge(chart, 'Bridge', {
      name: 'my-bridge',
      replicas: 1,
      kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'),
      httpPort: 8443,
      httpTls: { secretName: 'my-bridge-cert-secret', certificate: 'cert.crt', key: 'key.key' },
    });
  },
};
