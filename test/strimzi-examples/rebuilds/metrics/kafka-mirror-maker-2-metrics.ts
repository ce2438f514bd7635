import { Chart } from 'cdk8s';
import { Acl, KafkaMetrics, KafkaMirrorMaker2, MirrorMaker2Cluster, OffsetSyncsTopicLocation } from '../../../../src';
import type { Rebuild } from '../../rebuild';

export const rebuild: Rebuild = {
  summary: "MirrorMaker 2 from cluster-a to cluster-b over their plain listeners, with the Prometheus JMX exporter and Strimzi's MirrorMaker 2 rules in a ConfigMap",
  build(chart: Chart) {
    new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
      name: 'my-mm2-cluster',
      labels: { app: 'my-mm2-cluster' },
      version: '4.3.1',
      replicas: 1,
      // The clusters of mirror-maker/kafka-source.yaml and kafka-target.yaml, by their bootstrap addresses.
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      groupId: 'my-mm2-cluster-group',
      configStorageTopic: 'my-mm2-cluster-config',
      offsetStorageTopic: 'my-mm2-cluster-offset',
      statusStorageTopic: 'my-mm2-cluster-status',
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
      replicationFactor: -1,
      internalTopicReplicationFactor: -1,
      offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE,
      // The example leaves group offsets unsynced (Kafka's default, sync.group.offsets.enabled false).
      syncGroupOffsets: false,
      // Strimzi's MirrorMaker 2 rules (JmxExporterRules.mirrorMaker2()) in a ConfigMap my-mm2-cluster-mirrormaker2-metrics.
      metrics: KafkaMetrics.jmxPrometheusExporter(),
    });
  },
};
