import { Chart } from 'cdk8s';
import { Acl, KafkaMirrorMaker2, MirrorMaker2Cluster, MirrorReplicationPolicy, OffsetSyncsTopicLocation } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'cluster-a → cluster-b keeping topic names (IdentityReplicationPolicy), every topic and group',
  build(chart: Chart) {
    new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
      name: 'my-mirror-maker-2',
      // The clusters of kafka-source.yaml and kafka-target.yaml, by their bootstrap addresses.
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
      replicationPolicy: MirrorReplicationPolicy.IDENTITY,
      configStorageTopic: 'my-mirror-maker-2-config',
      offsetStorageTopic: 'my-mirror-maker-2-offset',
      statusStorageTopic: 'my-mirror-maker-2-status',
      replicationFactor: -1,
      internalTopicReplicationFactor: -1,
      // Offset syncs where Kafka keeps them by default: on the source.
      offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE,
      syncGroupOffsets: false,
      sourceConnectorConfig: { 'refresh.topics.interval.seconds': 600 },
      checkpointConnectorConfig: { 'refresh.groups.interval.seconds': 600 },
    });
  },
};
