import { Chart, Duration, Size, Testing } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps, KafkaTopic, KafkaTopicOptions, TieredStorage } from '../../src';
import { expectValid, find, synth } from '../support';

const S3 = () => TieredStorage.custom({
  className: 'io.aiven.kafka.tieredstorage.RemoteStorageManager',
  classPath: '/opt/kafka/plugins/tiered-storage/*',
  config: {
    'storage.backend.class': 'io.aiven.kafka.tieredstorage.storage.s3.S3Storage',
    'storage.s3.bucket.name': 'kafka-tiered',
    'storage.s3.region': 'eu-west-1',
    'chunk.size': 4194304,
    'storage.s3.path.style.access.enabled': true,
  },
});

function cluster(props: KafkaClusterProps = {}): { chart: Chart; kafka: KafkaCluster } {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', ...props });
  return { chart, kafka };
}

const DAY = 86_400_000;

describe('TieredStorage on the cluster', () => {
  test('TieredStorage.custom renders spec.kafka.tieredStorage, option values as strings', () => {
    const { chart, kafka } = cluster({ tieredStorage: S3() });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'events').spec.kafka.tieredStorage).toEqual({
      type: 'custom',
      remoteStorageManager: {
        className: 'io.aiven.kafka.tieredstorage.RemoteStorageManager',
        classPath: '/opt/kafka/plugins/tiered-storage/*',
        config: {
          'storage.backend.class': 'io.aiven.kafka.tieredstorage.storage.s3.S3Storage',
          'storage.s3.bucket.name': 'kafka-tiered',
          'storage.s3.region': 'eu-west-1',
          'chunk.size': '4194304',
          'storage.s3.path.style.access.enabled': 'true',
        },
      },
    });
    expect(kafka.tieredStorage!.className).toBe('io.aiven.kafka.tieredstorage.RemoteStorageManager');
    expectValid(manifests);
  });

  test('without it, no tieredStorage; with only a class name, no classPath or config', () => {
    expect(find(synth(cluster().chart), 'Kafka', 'events').spec.kafka.tieredStorage).toBeUndefined();
    const { chart } = cluster({ tieredStorage: TieredStorage.custom({ className: 'com.example.Rsm' }) });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'events').spec.kafka.tieredStorage).toEqual({ type: 'custom', remoteStorageManager: { className: 'com.example.Rsm' } });
    expectValid(manifests);
  });

  test.each<[string, Parameters<typeof TieredStorage.custom>[0], Parameters<typeof TieredStorage.custom>[0], RegExp]>([
    ['a class name with a space', { className: 'io.aiven RemoteStorageManager' }, { className: 'io.aiven.kafka.tieredstorage.RemoteStorageManager' },
      /^TieredStorage.custom\(\): className must not contain whitespace: a Java class name is identifiers joined by '.' \(got "io.aiven RemoteStorageManager"\); use the plugin's RemoteStorageManager class/],
    ['no class name', {} as never, { className: 'com.example.Rsm' }, /^TieredStorage.custom\(\): options.className is required/],
    ['an empty class path', { className: 'com.example.Rsm', classPath: ' ' }, { className: 'com.example.Rsm', classPath: '/opt/rsm/*' },
      /^TieredStorage.custom\(\): classPath must be a non-empty class path on one line \(got " "\)/],
    ["a key with Strimzi's prefix", { className: 'com.example.Rsm', config: { 'rsm.config.chunk.size': 1 } }, { className: 'com.example.Rsm', config: { 'chunk.size': 1 } },
      /^TieredStorage.custom\(\): config\["rsm.config.chunk.size"\] carries the 'rsm.config.' prefix, which Strimzi adds to every key itself .*; use 'chunk.size'$/],
    ['a key with =', { className: 'com.example.Rsm', config: { 'a=b': 1 } }, { className: 'com.example.Rsm', config: { 'a.b': 1 } },
      /config\["a=b"\] is not a configuration key/],
    ['a value with a line break', { className: 'com.example.Rsm', config: { region: 'eu-west-1\nsuper.users=User:x' } }, { className: 'com.example.Rsm', config: { region: 'eu-west-1' } },
      /config\["region"\] must not contain a line break or other control character/],
  ])('%s fails, the right value passes', (_case, wrong, right, message) => {
    expect(() => TieredStorage.custom(wrong)).toThrow(message);
    expect(() => TieredStorage.custom(right)).not.toThrow();
  });

  test.each<[string, KafkaClusterProps, KafkaClusterProps, RegExp]>([
    ['remote.log.storage.system.enable: false beside tieredStorage', { tieredStorage: S3(), config: { 'remote.log.storage.system.enable': false } }, { tieredStorage: S3() },
      /KafkaCluster 'events' at test\/Kafka: config\['remote.log.storage.system.enable'\] is written by Strimzi from tieredStorage \(KafkaBrokerConfigurationBuilder.withTieredStorage\), .*this value would replace Strimzi's \(got false\); remove it/],
    ['a metadata manager option beside tieredStorage', { tieredStorage: S3(), config: { 'remote.log.metadata.manager.listener.name': 'TLS-9093' } }, { config: { 'remote.log.metadata.manager.listener.name': 'TLS-9093' } },
      /config\['remote.log.metadata.manager.listener.name'\] is written by Strimzi from tieredStorage/],
    ['remote.log.storage.system.enable: true by hand', { config: { 'remote.log.storage.system.enable': true } }, { config: { 'remote.log.storage.system.enable': false } },
      /config\['remote.log.storage.system.enable'\] turns tiered storage on by hand: .* \(got true\); use tieredStorage: TieredStorage.custom/],
    ['a broker local retention over the retention', { tieredStorage: S3(), config: { 'log.retention.hours': 24, 'log.local.retention.ms': 2 * DAY } }, { tieredStorage: S3(), config: { 'log.retention.hours': 24, 'log.local.retention.ms': DAY / 2 } },
      /config\['log.local.retention.ms'\] exceeds retention.ms 86400000 \(from log.retention.hours\): brokers with tiered storage refuse to start \(LogManager.apply → LogConfig.validateBrokerLogConfigValues\) \("Value must not be more than retention.ms property value: 86400000", LogConfig.validateRemoteStorageRetentionTime\) \(got 172800000\); keep it at most 86400000, or raise log.retention.ms/],
    ['an unlimited broker local size under a limited one', { tieredStorage: S3(), config: { 'log.retention.bytes': 1073741824, 'log.local.retention.bytes': -1 } }, { tieredStorage: S3(), config: { 'log.retention.bytes': 1073741824, 'log.local.retention.bytes': 104857600 } },
      /config\['log.local.retention.bytes'\] is -1 \(unlimited\) while retention.bytes is 1073741824 \(from log.retention.bytes\): brokers with tiered storage refuse to start/],
  ])('%s fails, the right value passes', (_case, wrong, right, message) => {
    expect(() => cluster(wrong)).toThrow(message);
    expectValid(synth(cluster(right).chart));
  });

  test('without tiered storage, broker local retentions are not judged (Kafka checks them only when it is on)', () => {
    expect(() => cluster({ config: { 'log.retention.hours': 24, 'log.local.retention.ms': 2 * DAY } })).not.toThrow();
  });
});

describe('remote storage on topics', () => {
  test('remoteStorage sets remote.storage.enable and the local retentions', () => {
    const { chart, kafka } = cluster({ tieredStorage: S3() });
    kafka.addTopic('orders', { partitions: 12, config: { 'retention.ms': 30 * DAY }, remoteStorage: { localRetention: Duration.hours(12), localRetentionSize: Size.gibibytes(10) } });
    kafka.addTopic('audit', { remoteStorage: {} });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaTopic', 'orders').spec).toEqual({
      partitions: 12,
      config: { 'retention.ms': 30 * DAY, 'remote.storage.enable': true, 'local.retention.ms': 43_200_000, 'local.retention.bytes': 10_737_418_240 },
    });
    expect(find(manifests, 'KafkaTopic', 'audit').spec).toEqual({ partitions: 3, config: { 'remote.storage.enable': true } });
    expectValid(manifests);
  });

  test('remote storage on a cluster without tiered storage fails as Kafka\'s controller would', () => {
    const { kafka } = cluster();
    expect(() => kafka.addTopic('orders', { remoteStorage: {} })).toThrow(
      "KafkaTopic 'orders' at test/Kafka/orders: remoteStorage turns on remote storage, but cluster 'events' has no tiered storage: Kafka's controller refuses the topic (\"Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.\", LogConfig.validateRemoteStorageOnlyIfSystemEnabled) and the KafkaTopic stays NotReady (got true); give the cluster tieredStorage: TieredStorage.custom({ className: ... }), or leave remote storage off");
    expect(() => kafka.addTopic('config', { config: { 'remote.storage.enable': 'TRUE' } })).toThrow(/config\['remote.storage.enable'\] turns on remote storage, but cluster 'events' has no tiered storage: .* \(got "TRUE"\)/);
    expect(() => kafka.addTopic('off', { config: { 'remote.storage.enable': false } })).not.toThrow();
    const tiered = cluster({ tieredStorage: S3() });
    expect(() => tiered.kafka.addTopic('orders', { remoteStorage: {} })).not.toThrow();
    expect(() => tiered.kafka.addTopic('config', { config: { 'remote.storage.enable': 'TRUE' } })).not.toThrow();
    expectValid(synth(tiered.chart));
  });

  test.each<[string, KafkaTopicOptions, KafkaTopicOptions, RegExp]>([
    ['a compacted topic', { remoteStorage: {}, config: { 'cleanup.policy': 'compact' } }, { remoteStorage: {}, config: { 'cleanup.policy': 'delete' } },
      /remoteStorage turns on remote storage with cleanup.policy compact \(config\['cleanup.policy'\]\): Kafka refuses it \("Remote log storage only supports topics with cleanup.policy=delete or cleanup.policy being an empty list.", LogConfig.validateRemoteStorageRequiresDeleteCleanupPolicy\)/],
    ['compact,delete as a list', { remoteStorage: {}, config: { 'cleanup.policy': ['compact', 'delete'] } }, { remoteStorage: {}, config: { 'cleanup.policy': ['delete'] } },
      /cleanup.policy compact,delete/],
    ['a local retention over the broker default (7 days)', { remoteStorage: { localRetention: Duration.days(8) } }, { remoteStorage: { localRetention: Duration.days(7) } },
      /KafkaTopic 'orders' at test\/Kafka\/orders: remoteStorage.localRetention exceeds retention.ms 604800000 \(from Kafka's log.retention.hours 168\): Kafka's controller refuses the topic \("Value must not be more than retention.ms property value: 604800000", LogConfig.validateRemoteStorageRetentionTime\) \(got Duration.millis\(691200000\)\); keep it at most 604800000, or raise retention.ms/],
    ["a local retention over the topic's", { remoteStorage: { localRetention: Duration.days(2) }, config: { 'retention.ms': DAY } }, { remoteStorage: { localRetention: Duration.hours(12) }, config: { 'retention.ms': DAY } },
      /remoteStorage.localRetention exceeds retention.ms 86400000: Kafka's controller refuses the topic/],
    ['a local size over the retention size', { remoteStorage: { localRetentionSize: Size.gibibytes(20) }, config: { 'retention.bytes': 10 * 2 ** 30 } }, { remoteStorage: { localRetentionSize: Size.gibibytes(5) }, config: { 'retention.bytes': 10 * 2 ** 30 } },
      /remoteStorage.localRetentionSize exceeds retention.bytes 10737418240: Kafka's controller refuses the topic \("Value must not be more than retention.bytes property value: 10737418240", LogConfig.validateRemoteStorageRetentionSize\)/],
    ['a compacted topic with a local size (unlimited retention.bytes is fine)', { remoteStorage: { localRetentionSize: Size.gibibytes(20) }, config: { 'cleanup.policy': 'compact' } }, { remoteStorage: { localRetentionSize: Size.gibibytes(20) } },
      /cleanup.policy compact/],
    ['an unlimited local retention under a limited one', { config: { 'remote.storage.enable': true, 'local.retention.ms': -1 } }, { config: { 'remote.storage.enable': true, 'local.retention.ms': -2 } },
      /config\['local.retention.ms'\] is -1 \(unlimited\) while retention.ms is 604800000 \(from Kafka's log.retention.hours 168\): Kafka's controller refuses the topic \("Value must not be -1 as retention.ms value is set as 604800000."/],
    ['copy disabled with a local retention of its own', { remoteStorage: { localRetention: Duration.days(1) }, config: { 'remote.log.copy.disable': true } }, { remoteStorage: { localRetention: Duration.days(7) }, config: { 'remote.log.copy.disable': true } },
      /remoteStorage.localRetention differs from retention.ms 604800000 .* while remote.log.copy.disable is true: .*LogConfig.validateRetentionConfigsWhenRemoteCopyDisabled/],
    ['the local retention twice', { remoteStorage: { localRetention: Duration.days(1) }, config: { 'local.retention.ms': DAY } }, { remoteStorage: { localRetention: Duration.days(1) } },
      /config\['local.retention.ms'\] is set and so is remoteStorage.localRetention, which sets it too \(got 86400000\); set it once: keep remoteStorage and drop config\['local.retention.ms'\]/],
    ['remote.storage.enable twice', { remoteStorage: {}, config: { 'remote.storage.enable': true } }, { remoteStorage: {} },
      /config\['remote.storage.enable'\] is set and so is remoteStorage, which sets it too \(got true\); set it once: keep remoteStorage$/],
    // checkArgs refuses a Duration that is no whole number of milliseconds (cdk8s' toMilliseconds() throws).
    ['a fraction of a millisecond', { remoteStorage: { localRetention: Duration.millis(1.5) } }, { remoteStorage: { localRetention: Duration.millis(2) } },
      /options.remoteStorage.localRetention must be a finite Duration \(got Duration.millis\(1.5\)\)/],
    ['a local retention that is not a Duration', { remoteStorage: { localRetention: 3600000 as unknown as Duration } }, { remoteStorage: { localRetention: Duration.hours(1) } },
      /remoteStorage.localRetention must be a cdk8s Duration/],
  ])('%s fails, the right value passes', (_case, wrong, right, message) => {
    const { kafka } = cluster({ tieredStorage: S3() });
    expect(() => kafka.addTopic('orders', wrong)).toThrow(message);
    const ok = cluster({ tieredStorage: S3() });
    ok.kafka.addTopic('orders', right);
    expectValid(synth(ok.chart));
  });

  test("the cluster's defaults count: a topic whose retention is under the cluster's local retention fails on its retention", () => {
    const { kafka } = cluster({ tieredStorage: S3(), config: { 'log.local.retention.ms': DAY } });
    expect(() => kafka.addTopic('orders', { remoteStorage: {}, config: { 'retention.ms': DAY / 2 } })).toThrow(
      "KafkaTopic 'orders' at test/Kafka/orders: config['retention.ms'] leaves the topic's local.retention.ms at 86400000 (from the cluster's log.local.retention.ms), which exceeds retention.ms 43200000: Kafka's controller refuses the topic (\"Value must not be more than retention.ms property value: 43200000\", LogConfig.validateRemoteStorageRetentionTime) (got 43200000); keep it at most 43200000, or raise retention.ms");
    expect(() => kafka.addTopic('ok', { remoteStorage: {}, config: { 'retention.ms': 2 * DAY } })).not.toThrow();
    const compacting = cluster({ tieredStorage: S3(), config: { 'log.cleanup.policy': 'compact' } });
    expect(() => compacting.kafka.addTopic('orders', { remoteStorage: {} })).toThrow(/remoteStorage turns on remote storage with cleanup.policy compact \(the cluster's log.cleanup.policy\)/);
    expect(() => compacting.kafka.addTopic('deleting', { remoteStorage: {}, config: { 'cleanup.policy': 'delete' } })).not.toThrow();
  });

  test('a cluster made elsewhere: tiered storage unknown (not judged), its declared defaults count', () => {
    const chart = Testing.chart();
    const platform = KafkaCluster.fromClusterAttributes(chart, 'Platform', { name: 'events', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }], config: { 'log.retention.hours': 24 } });
    expect(() => new KafkaTopic(chart, 'Orders', { cluster: platform, topicName: 'orders', remoteStorage: { localRetention: Duration.hours(12) } })).not.toThrow();
    expect(() => new KafkaTopic(chart, 'Audit', { cluster: platform, topicName: 'audit', remoteStorage: { localRetention: Duration.hours(36) } })).toThrow(
      /remoteStorage.localRetention exceeds retention.ms 86400000 \(from log.retention.hours\)/);
    expectValid(synth(chart));
  });
});

test('a class name that is a Java keyword, or of no package, fails (JLS 3.9; a plugin class is never in the unnamed package)', () => {
  expect(() => TieredStorage.custom({ className: 'io.aiven.class.Rsm' })).toThrow(/className has a part 'class', which is a Java keyword or literal/);
  expect(() => TieredStorage.custom({ className: 'RemoteStorageManager' })).toThrow(/className must be fully qualified/);
  expect(() => TieredStorage.custom({ className: 'io.aiven.kafka.tieredstorage.RemoteStorageManager' })).not.toThrow();
});
