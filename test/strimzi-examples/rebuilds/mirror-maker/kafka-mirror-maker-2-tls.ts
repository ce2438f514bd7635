import { Chart } from 'cdk8s';
import { Acl, KafkaMirrorMaker2, MirrorMaker2Cluster, OffsetSyncsTopicLocation } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: 'cluster-a → cluster-b over their TLS listeners, trusting each cluster CA Secret\'s certificates, every topic and group',
  build(chart: Chart) {
    new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
      name: 'my-mirror-maker-2',
      // The clusters of kafka-source.yaml and kafka-target.yaml: their TLS listeners, trusting every
      // certificate of their cluster CA Secrets (also an old CA kept there while Strimzi replaces it).
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9093', {
        alias: 'cluster-a',
        trustedCertificates: [{ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }],
      }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9093', {
        alias: 'cluster-b',
        trustedCertificates: [{ secretName: 'cluster-b-cluster-ca-cert', pattern: '*.crt' }],
      }),
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
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
