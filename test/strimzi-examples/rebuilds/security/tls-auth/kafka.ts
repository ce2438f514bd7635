import { Chart, Size } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: 'three controllers and three brokers with one internal TLS listener authenticating users by TLS client certificates (mutual TLS), and simple (ACL) authorization',
  build(chart: Chart) {
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'my-cluster',
      defaultListener: false,
      authorization: KafkaAuthorization.simple(),
      rackAwareness: false,
      controllers: { replicas: 3, storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }) },
      brokers: { replicas: 3, storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }) },
    });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.tls() });
  },
};
