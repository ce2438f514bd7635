import { Chart } from 'cdk8s';
import { ClusterProfile, JbodVolume, KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a throwaway cluster on ephemeral JBOD volumes whose Cruise Control rebalances on scale-up and scale-down, from two KafkaRebalance templates',
  build(chart: Chart) {
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'my-cluster',
      profile: ClusterProfile.DEVELOPMENT,
      defaultListener: false,
      authorization: KafkaAuthorization.none(),
      rackAwareness: false,
      controllers: { replicas: 3, storage: KafkaStorage.jbod(JbodVolume.ephemeral()) },
      brokers: { replicas: 3, storage: KafkaStorage.jbod(JbodVolume.ephemeral()) },
      cruiseControl: {
        // No goals in the templates: Cruise Control's default goals.
        autoRebalance: {
          addBrokers: { templateName: 'my-add-brokers-rebalancing-template' },
          removeBrokers: { templateName: 'my-remove-brokers-rebalancing-template' },
        },
      },
    });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() });
  },
};
