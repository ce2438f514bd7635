import { Chart } from 'cdk8s';
import { Acl, KafkaMirrorMaker2, MirrorMaker2Cluster } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'cluster-a → cluster-b over their plain listeners, every topic and group, offset syncs on the target, RF the brokers\' default',
  build(chart: Chart) {
    new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
      name: 'my-mirror-maker-2',
      // The clusters of kafka-source.yaml and kafka-target.yaml, by their bootstrap addresses.
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
      replicationFactor: -1,
      internalTopicReplicationFactor: -1,
      syncGroupOffsets: false,
      checkpointConnectorConfig: { 'refresh.groups.interval.seconds': 600 },
      connectConfig: { 'plugin.discovery': 'service_load' },
    });
  },
};
