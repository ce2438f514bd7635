import { Testing } from 'cdk8s';
import { ClusterProfile, KafkaCluster, KafkaTopic } from '../../src';
import { replicationProblems } from '../../src/kafka/broker-config';
import { configDefinitions } from '../../src/kafka/config-model';
import { synth } from '../support';

function setup() {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  return { chart, kafka };
}

describe('topic config names: only the topic configs of the cluster\'s Kafka version (LogConfig.validateNames)', () => {
  test.each<[string, Record<string, string | number | boolean>, RegExp]>([
    ["'retention.hours' (the topic form of log.retention.hours) → retention.ms in milliseconds", { 'retention.hours': 168 },
      /KafkaTopic 'orders' at test\/Kafka\/orders: config\['retention.hours'\] is not a topic config of Kafka 4.3.1, the cluster's version: Kafka refuses it on a topic \("Unknown topic config name: retention.hours"\) and the KafkaTopic stays NotReady \(got 168\); did you mean 'retention.ms' \(milliseconds: hours × 3600000, e.g. 'retention.ms': 604800000\)\?/],
    ["'log.retention.ms', a broker key", { 'log.retention.ms': 604800000 },
      /config\['log.retention.ms'\] is a broker config \(the cluster's default for its topics\), not a topic config: Kafka refuses it on a topic \("Unknown topic config name: log.retention.ms"\) and the KafkaTopic stays NotReady \(got 604800000\); use the topic config 'retention.ms', or set 'log.retention.ms' on the cluster's config for every topic/],
    ["'message.max.bytes', a broker key named differently", { 'message.max.bytes': 2097152 }, /config\['message.max.bytes'\] is a broker config .*; use the topic config 'max.message.bytes'/],
    ["'log.roll.hours', a broker key in hours", { 'log.roll.hours': 24 }, /config\['log.roll.hours'\] is a broker config .*; use the topic config 'segment.ms' \(milliseconds: hours × 3600000, e.g. 'segment.ms': 86400000\)/],
    ["'message.downconversion.enable', removed in Kafka 4", { 'message.downconversion.enable': false },
      /config\['message.downconversion.enable'\] is not a topic config of Kafka 4: Kafka 4.0 removed it with down-conversion \(KIP-724\).* \(got false\); remove it/],
    ["'message.format.version', removed in Kafka 4", { 'message.format.version': '3.0' }, /config\['message.format.version'\] is not a topic config of Kafka 4: Kafka 4.0 removed it with message formats v0 and v1 \(KIP-724\)/],
    ["'message.timestamp.difference.max.ms', removed in Kafka 4", { 'message.timestamp.difference.max.ms': 1000 }, /removed it \(KIP-937\).*; use 'message.timestamp.before.max.ms' and 'message.timestamp.after.max.ms'/],
    ["a typo: 'retention.msec'", { 'retention.msec': 1000 }, /config\['retention.msec'\] is not a topic config of Kafka 4.3.1, the cluster's version: .*; did you mean 'retention.ms'\?/],
    ["a case slip: 'Cleanup.Policy'", { 'Cleanup.Policy': 'compact' }, /config\['Cleanup.Policy'\] is not a topic config .*; did you mean 'cleanup.policy'\?/],
    ['nothing near', { 'replication.quota': 1 }, /config\['replication.quota'\] is not a topic config .*; use one of Kafka's topic configs \(TopicConfig\), e.g. 'retention.ms'/],
  ])('%s is rejected with the key meant', (_case, config, message) => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('orders', { config })).toThrow(message);
    expect(() => new KafkaTopic(Testing.chart(), 'orders', { cluster: kafka, config })).toThrow(/is not a topic config|is a broker config/);
  });

  test('every topic config Kafka 4.3.1 defines is accepted', () => {
    const { chart, kafka } = setup();
    const values: Record<string, string | number | boolean> = {
      'cleanup.policy': 'compact', 'compression.type': 'zstd', 'message.timestamp.type': 'CreateTime', 'leader.replication.throttled.replicas': '*',
      'follower.replication.throttled.replicas': '*', 'min.cleanable.dirty.ratio': 0.5, 'min.insync.replicas': 2, 'compression.gzip.level': 9,
      'compression.lz4.level': 9, 'compression.zstd.level': 3, 'segment.bytes': 1048576, 'preallocate': false, 'remote.storage.enable': false, 'remote.log.copy.disable': false,
      'remote.log.delete.on.disable': false, 'unclean.leader.election.enable': false, 'local.retention.ms': -2, 'local.retention.bytes': -2, 'retention.bytes': -1,
    };
    const config = Object.fromEntries([...configDefinitions('topic', '4.3.1')].filter(([, d]) => !d.internal).map(([key]) => [key, values[key] ?? 1000]));
    expect(Object.keys(config)).toHaveLength(33);
    kafka.addTopic('orders', { config });
    expect(() => synth(chart)).not.toThrow();
  });
});

describe("lower bounds of the cluster keys whose ConfigDef says atLeast(1), from Kafka's model", () => {
  test.each<[string, Record<string, number>, RegExp]>([
    ['num.partitions 0', { 'num.partitions': 0 }, /KafkaCluster 'events' at test\/Kafka: config\['num.partitions'\] must be at least 1 \(Kafka's validator: \[1,...\]\), or Kafka refuses the configuration \(got 0\); use e.g. 'num.partitions': 1/],
    ['num.network.threads 0', { 'num.network.threads': 0 }, /config\['num.network.threads'\] must be at least 1 .*; use e.g. 'num.network.threads': 3/],
    ['offsets.topic.num.partitions -1', { 'offsets.topic.num.partitions': -1 }, /config\['offsets.topic.num.partitions'\] must be at least 1/],
    ['log.roll.hours 0', { 'log.roll.hours': 0 }, /config\['log.roll.hours'\] must be at least 1/],
  ])('%s is rejected', (_case, config, message) => {
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', config })).toThrow(message);
  });

  test('1 and more pass; a topic\'s segment.ms 0 fails as well', () => {
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { config: { 'num.partitions': 1, 'num.network.threads': 3, 'offsets.topic.num.partitions': '50', 'log.roll.hours': 168 } })).not.toThrow();
    const { kafka } = setup();
    expect(() => kafka.addTopic('orders', { config: { 'segment.ms': 0 } })).toThrow(/config\['segment.ms'\] must be at least 1/);
    expect(() => kafka.addTopic('payments', { config: { 'segment.ms': 1 } })).not.toThrow();
  });
});

describe('the share-group state topic follows the replication rules of the other internal topics', () => {
  test.each<[string, Record<string, number>, RegExp]>([
    ['its replication factor above the brokers', { 'share.coordinator.state.topic.replication.factor': 5 }, /KafkaCluster 'events' at test\/Kafka: config\['share.coordinator.state.topic.replication.factor'\] exceeds the 3 brokers \(got 5\); add brokers or lower it to 3/],
    ['its min ISR at its replication factor', { 'share.coordinator.state.topic.replication.factor': 3, 'share.coordinator.state.topic.min.isr': 3 },
      /config\['share.coordinator.state.topic.min.isr'\] must be less than the replication factor \(3\), or one replica down stops every acks=all write \(share.coordinator.state.topic.replication.factor is 3\) \(got 3\); set it to 2/],
  ])('%s fails at synth', (_case, config, message) => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', config });
    expect(() => synth(chart)).toThrow(message);
  });

  test.each<[string, Record<string, number>, RegExp]>([
    ['its replication factor 0', { 'share.coordinator.state.topic.replication.factor': 0 }, /config\['share.coordinator.state.topic.replication.factor'\] must be at least 1 \(Kafka's validator: \[1,...\]\), or Kafka refuses the configuration \(got 0\)/],
    ['its min ISR 0', { 'share.coordinator.state.topic.min.isr': 0 }, /config\['share.coordinator.state.topic.min.isr'\] must be at least 1 \(Kafka's validator: \[1,...\]\)/],
  ])("%s, below what Kafka's validator takes, fails at once", (_case, config, message) => {
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', config })).toThrow(message);
  });

  test('a development cluster of fewer than 3 brokers sizes the share-group state topic like the other internal topics', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 1 } });
    expect(() => synth(chart)).not.toThrow();
    expect(kafka.brokerConfig).toMatchObject({ 'share.coordinator.state.topic.replication.factor': 1, 'share.coordinator.state.topic.min.isr': 1 });
  });

  test("an RF set by hand with Kafka's default min ISR 2 left in place names the default", () => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', brokers: { replicas: 3 }, config: { 'share.coordinator.state.topic.replication.factor': 2 } });
    expect(() => synth(chart)).toThrow(/config\['share.coordinator.state.topic.min.isr'\] .*it is Kafka's default: the configuration does not set it \(got 2\)/);
  });

  test('the right values pass; unset, the pair is Kafka\'s to default', () => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', config: { 'share.coordinator.state.topic.replication.factor': 3, 'share.coordinator.state.topic.min.isr': 2 } });
    expect(() => synth(chart)).not.toThrow();
    const durable = { 'default.replication.factor': 3, 'min.insync.replicas': 2, 'offsets.topic.replication.factor': 3, 'transaction.state.log.replication.factor': 3, 'transaction.state.log.min.isr': 2 };
    expect(replicationProblems(durable, 3, false)).toEqual([]);
    expect(replicationProblems({ ...durable, 'share.coordinator.state.topic.min.isr': 1 }, 1, true).map((p) => p.prop)).toEqual([
      "config['default.replication.factor']", "config['transaction.state.log.replication.factor']", "config['offsets.topic.replication.factor']", "config['share.coordinator.state.topic.replication.factor']",
    ]);
  });
});
