import { Chart, Size } from 'cdk8s';
import { JbodVolume, KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'three controllers on one persistent volume each, three brokers on two persistent JBOD volumes each (the KRaft metadata log on volume 0), plain and TLS internal listeners',
  build(chart: Chart) {
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'my-cluster',
      defaultListener: false,
      authorization: KafkaAuthorization.none(),
      rackAwareness: false,
      controllers: { replicas: 3, storage: KafkaStorage.jbod(JbodVolume.persistentClaim({ size: Size.gibibytes(100) })) },
      brokers: {
        replicas: 3,
        storage: KafkaStorage.jbod(
          JbodVolume.persistentClaim({ id: 0, size: Size.gibibytes(100), kraftMetadata: true }),
          JbodVolume.persistentClaim({ id: 1, size: Size.gibibytes(100) }),
        ),
      },
    });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() });
  },
};
