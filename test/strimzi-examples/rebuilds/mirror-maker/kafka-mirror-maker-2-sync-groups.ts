import { Chart } from 'cdk8s';
import { Acl, KafkaMirrorMaker2, MirrorMaker2Cluster, OffsetSyncsTopicLocation } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'cluster-a → cluster-b over their plain listeners, every topic and group, consumer group offsets synced to the target every minute',
  build(chart: Chart) {
    new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
      name: 'my-mirror-maker-2',
      // The clusters of kafka-source.yaml and kafka-target.yaml, by their bootstrap addresses.
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
      configStorageTopic: 'my-mirror-maker-2-config',
      offsetStorageTopic: 'my-mirror-maker-2-offset',
      statusStorageTopic: 'my-mirror-maker-2-status',
      replicationFactor: -1,
      internalTopicReplicationFactor: -1,
      // Offset syncs where Kafka keeps them by default: on the source.
      offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE,
      syncGroupOffsets: true,
      sourceConnectorConfig: {
        'refresh.topics.interval.seconds': 600,
        'offset.lag.max': 100,
      },
      checkpointConnectorConfig: {
        'emit.checkpoints.interval.seconds': 60,
        'sync.group.offsets.interval.seconds': 60,
        'refresh.groups.interval.seconds': 600,
      },
    });
  },
};
