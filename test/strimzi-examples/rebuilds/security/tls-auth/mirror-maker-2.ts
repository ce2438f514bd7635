import { Chart, Size } from 'cdk8s';
import {
  Acl, AclOperation, ClusterProfile, KafkaAuthorization, KafkaCluster, KafkaMirrorMaker2, KafkaStorage, ListenerAuthentication, ListenerType,
  MirrorMaker2Cluster, NodeRole, OffsetSyncsTopicLocation, UserAuthentication,
} from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

const { READ, WRITE, CREATE, ALTER, DESCRIBE, ALTER_CONFIGS, DESCRIBE_CONFIGS } = AclOperation;

/** A throwaway one-node cluster with one internal TLS listener that authenticates users by certificate (mTLS), and simple authorization. */
function cluster(chart: Chart, id: string, name: string, pool: string): KafkaCluster {
  const kafka = new KafkaCluster(chart, id, {
    name,
    profile: ClusterProfile.DEVELOPMENT,
    defaultNodePools: false,
    defaultListener: false,
    authorization: KafkaAuthorization.simple(),
    rackAwareness: false,
  });
  kafka.addNodePool(pool, { name: pool, roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 1, storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }) });
  kafka.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.tls() });
  return kafka;
}

export const rebuild: Rebuild = {
  summary: 'cluster-a → cluster-b over TLS listeners with mTLS users of their own and ACLs written out, consumer group offsets synced',
  build(chart: Chart) {
    const clusterA = cluster(chart, 'ClusterA', 'cluster-a', 'source');
    const clusterB = cluster(chart, 'ClusterB', 'cluster-b', 'target');
    const sourceUser = clusterA.addUser('ClusterAUser', {
      userName: 'cluster-a-user',
      authentication: UserAuthentication.tls(),
      acls: [
        // MirrorSourceConnector
        Acl.topic('mm2-offset-syncs.cluster-b.internal').allow(READ, DESCRIBE_CONFIGS, WRITE, CREATE),
        Acl.topic('*').allow(READ, DESCRIBE_CONFIGS),
        // MirrorCheckpointConnector
        Acl.cluster().allow(DESCRIBE),
        Acl.group('*').allow(DESCRIBE),
      ],
    });
    const targetUser = clusterB.addUser('ClusterBUser', {
      userName: 'cluster-b-user',
      authentication: UserAuthentication.tls(),
      acls: [
        // The Kafka Connect workers' group and topics
        Acl.group('my-mirror-maker-2-group').allow(READ),
        Acl.topic('my-mirror-maker-2-config').allow(CREATE, DESCRIBE, DESCRIBE_CONFIGS, READ, WRITE),
        Acl.topic('my-mirror-maker-2-status').allow(CREATE, DESCRIBE, DESCRIBE_CONFIGS, READ, WRITE),
        Acl.topic('my-mirror-maker-2-offset').allow(CREATE, DESCRIBE, DESCRIBE_CONFIGS, READ, WRITE),
        // MirrorSourceConnector
        Acl.topic('*').allow(READ, WRITE, ALTER_CONFIGS, ALTER, CREATE),
        // MirrorCheckpointConnector
        Acl.cluster().allow(DESCRIBE),
        Acl.topic('cluster-a.checkpoints.internal').allow(DESCRIBE, WRITE, CREATE),
        Acl.group('*').allow(READ, DESCRIBE),
      ],
    });
    // Strimzi's file gives this mirror no sourceConnector, so it would mirror nothing and its
    // checkpoint connector would find no offset syncs to translate with; the construct always runs
    // the MirrorSourceConnector beside the checkpoints (an addition, which the comparison allows).
    new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
      name: 'my-mirror-maker-2',
      source: MirrorMaker2Cluster.local(clusterA, { listener: 'tls', user: sourceUser, trustedCertificatesPattern: '*.crt' }),
      target: MirrorMaker2Cluster.local(clusterB, { listener: 'tls', user: targetUser, trustedCertificatesPattern: '*.crt' }),
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
      configStorageTopic: 'my-mirror-maker-2-config',
      offsetStorageTopic: 'my-mirror-maker-2-offset',
      statusStorageTopic: 'my-mirror-maker-2-status',
      replicationFactor: -1,
      internalTopicReplicationFactor: -1,
      // Offset syncs where Kafka keeps them by default (and the ACLs above expect them): on the source.
      offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE,
      syncGroupOffsets: true,
      checkpointConnectorConfig: {
        'emit.checkpoints.interval.seconds': 60,
        'sync.group.offsets.interval.seconds': 60,
        'refresh.groups.interval.seconds': 600,
      },
    });
  },
};
