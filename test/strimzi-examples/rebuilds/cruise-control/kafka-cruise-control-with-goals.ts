import { Chart } from 'cdk8s';
import { ClusterProfile, JbodVolume, KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType } from '../../../../src';
import type { Rebuild } from '../../rebuild';

/** The goals every rebalance must meet, and the goals of a rebalance that names none. */
const HARD_GOALS = ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal'];

export const rebuild: Rebuild = {
  summary: 'a throwaway cluster on ephemeral JBOD volumes with Cruise Control, its supported, default and hard goals chosen',
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
        goals: [
          'RackAwareGoal', 'MinTopicLeadersPerBrokerGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'NetworkInboundCapacityGoal',
          'NetworkOutboundCapacityGoal', 'CpuCapacityGoal', 'ReplicaDistributionGoal', 'PotentialNwOutGoal', 'DiskUsageDistributionGoal',
          'NetworkInboundUsageDistributionGoal', 'NetworkOutboundUsageDistributionGoal', 'CpuUsageDistributionGoal',
          'TopicReplicaDistributionGoal', 'LeaderReplicaDistributionGoal', 'LeaderBytesInDistributionGoal',
        ],
        defaultGoals: HARD_GOALS,
        hardGoals: HARD_GOALS,
      },
    });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() });
  },
  deviations: [
    {
      path: 'Kafka/my-cluster spec.cruiseControl.config',
      why: 'the goal lists are typed (goals, defaultGoals, hardGoals) and the library writes them as Cruise Control reads them: fully qualified class names joined by commas, without the example\'s folded-line spaces and trailing comma; the same goals in the same order',
    },
  ],
};
