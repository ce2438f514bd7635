import { Chart, Size } from 'cdk8s';
import { ClusterProfile, KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType, NodeRole } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'the source cluster of the MirrorMaker 2 examples (cluster-a): one throwaway dual-role node, replication 1, plain and TLS internal listeners',
  build(chart: Chart) {
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'cluster-a',
      profile: ClusterProfile.DEVELOPMENT,
      defaultNodePools: false,
      defaultListener: false,
      authorization: KafkaAuthorization.none(),
      rackAwareness: false,
    });
    kafka.addNodePool('Source', {
      name: 'source',
      roles: [NodeRole.CONTROLLER, NodeRole.BROKER],
      replicas: 1,
      storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }),
    });
    kafka.addListener('plain', { port: 9092, type: ListenerType.INTERNAL, tls: false, authentication: ListenerAuthentication.none() });
    kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.none() });
  },
};
