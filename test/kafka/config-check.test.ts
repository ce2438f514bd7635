import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { KafkaCluster, KraftCluster, renderEnvironment } from '../../src';
import { exampleEnvironments } from '../../src/examples';
import { configIssues } from '../../src/kafka/broker-config';
import { ConfigSet, modelVersion } from '../../src/kafka/config-model';
import { parseProperties } from '../../src/kraft/config';
import { synth } from '../support';

/** A chart with a production cluster `events` of Kafka `version`. */
function setup(version?: string) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', version });
  return { chart, kafka };
}

describe("every config the library accepts is judged by Kafka's own model of the cluster's version", () => {
  test("the issue's case: 'retention.ms': '7d' fails at synth, naming the key, the value, the type and a valid example", () => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('orders', { config: { 'retention.ms': '7d' } })).toThrow(
      "KafkaTopic 'orders' at test/Kafka/orders: config['retention.ms'] must be a whole number of milliseconds, without a unit: Kafka reads it as LONG (a Java long) (got \"7d\"); use 'retention.ms': 604800000 (7 days)",
    );
    // Right beside it: the number, as a number or as its digits.
    expect(() => kafka.addTopic('payments', { config: { 'retention.ms': 604800000 } })).not.toThrow();
    expect(() => kafka.addTopic('refunds', { config: { 'retention.ms': '604800000' } })).not.toThrow();
  });

  test.each<[string, 'topic' | 'broker', Record<string, unknown>, string, Record<string, unknown>]>([
    ['an unknown topic key, with the closest known key', 'topic', { 'retention.msec': 1000 },
      "KafkaTopic 'orders' at test/Kafka/orders: config['retention.msec'] is not a topic config of Kafka 4.3.1, the cluster's version: Kafka refuses it on a topic (\"Unknown topic config name: retention.msec\") and the KafkaTopic stays NotReady (got 1000); did you mean 'retention.ms'?",
      { 'retention.ms': 1000 }],
    ['an unknown broker key, with the closest known key', 'broker', { 'log.retention.hour': 168 },
      "KafkaCluster 'events' at test/Kafka: config['log.retention.hour'] is not a broker config of Kafka 4.3.1, the cluster's version: Kafka ignores a key it does not define (it only logs it as unused), so it would do nothing (got 168); did you mean 'log.retention.hours'?",
      { 'log.retention.hours': 168 }],
    ['a topic key on the cluster', 'broker', { 'retention.ms': 604800000 },
      "KafkaCluster 'events' at test/Kafka: config['retention.ms'] is a topic config, not a broker config: Kafka ignores a key it does not define (it only logs it as unused), so it would do nothing (got 604800000); use 'log.retention.ms', the default of every topic, or set 'retention.ms' on the topic (addTopic's config)",
      { 'log.retention.ms': 604800000 }],
    ['a client key on the cluster', 'broker', { 'acks': 'all' },
      "KafkaCluster 'events' at test/Kafka: config['acks'] is a producer config, not a broker config: Kafka ignores a key it does not define (it only logs it as unused), so it would do nothing (got \"all\"); set it in the configuration of that client, or remove it",
      {}],
    ['out of range (atLeast(1048576))', 'topic', { 'segment.bytes': 1024 },
      "KafkaTopic 'orders' at test/Kafka/orders: config['segment.bytes'] must be at least 1048576 (Kafka's validator: [1048576,...]), or Kafka refuses the configuration (got 1024); use e.g. 'segment.bytes': 1073741824",
      { 'segment.bytes': 1048576 }],
    ['out of range (between 0 and 1)', 'topic', { 'min.cleanable.dirty.ratio': 2 },
      "KafkaTopic 'orders' at test/Kafka/orders: config['min.cleanable.dirty.ratio'] must be from 0 to 1 (Kafka's validator: [0,...,1]), or Kafka refuses the configuration (got 2); use e.g. 'min.cleanable.dirty.ratio': 0.5",
      { 'min.cleanable.dirty.ratio': '0.1' }],
    ['out of range on the cluster', 'broker', { 'log.cleaner.min.cleanable.ratio': -0.5 },
      "KafkaCluster 'events' at test/Kafka: config['log.cleaner.min.cleanable.ratio'] must be from 0 to 1 (Kafka's validator: [0,...,1]), or Kafka refuses the configuration (got -0.5); use e.g. 'log.cleaner.min.cleanable.ratio': 0.5",
      { 'log.cleaner.min.cleanable.ratio': 0.5 }],
    ['not a valid value: cleanup.policy deleted', 'topic', { 'cleanup.policy': 'deleted' },
      "KafkaTopic 'orders' at test/Kafka/orders: config['cleanup.policy'] must be a comma-separated list of compact, delete (Kafka's values, case-sensitive; not 'deleted') (got \"deleted\"); did you mean 'delete'?",
      { 'cleanup.policy': 'compact,delete' }],
    ['not a valid value: compression.type', 'broker', { 'compression.type': 'zstandard' },
      "KafkaCluster 'events' at test/Kafka: config['compression.type'] must be one of uncompressed, zstd, lz4, snappy, gzip, producer (Kafka's values, case-sensitive) (got \"zstandard\"); use e.g. 'uncompressed'",
      { 'compression.type': 'zstd' }],
    ['a broker key Kafka 4.0 removed', 'broker', { 'log.message.downconversion.enable': true },
      "KafkaCluster 'events' at test/Kafka: config['log.message.downconversion.enable'] is not a broker config of Kafka 4: Kafka 4.0 removed it with down-conversion (KIP-724): brokers no longer convert records for old consumers (got true); remove it",
      {}],
    ["ZooKeeper's options, which Kafka 4.0 removed (Strimzi still lets zookeeper.connection.timeout.ms through)", 'broker', { 'zookeeper.connection.timeout.ms': 18000 },
      "KafkaCluster 'events' at test/Kafka: config['zookeeper.connection.timeout.ms'] is not a broker config of Kafka 4: Kafka 4.0 removed ZooKeeper, and KRaft clusters keep their metadata in the controller quorum (got 18000); remove it",
      {}],
    ['a wrong type on the cluster', 'broker', { 'auto.create.topics.enable': 'no' },
      "KafkaCluster 'events' at test/Kafka: config['auto.create.topics.enable'] must be true or false: Kafka reads it as BOOLEAN (got \"no\"); use 'auto.create.topics.enable': false",
      { 'auto.create.topics.enable': 'FALSE' }],
    ['a size with a unit', 'topic', { 'max.message.bytes': '2MB' },
      "KafkaTopic 'orders' at test/Kafka/orders: config['max.message.bytes'] must be a whole number of bytes, without a unit: Kafka reads it as INT (a Java int) (got \"2MB\"); use 'max.message.bytes': 2097152 (2 MiB)",
      { 'max.message.bytes': 2097152 }],
  ])('%s fails, and the right value passes', (_case, where, wrong, message, right) => {
    const add = (chart: ReturnType<typeof setup>, config: Record<string, unknown>) => (where === 'topic'
      ? () => chart.kafka.addTopic('orders', { config: config as Record<string, string> })
      : () => new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', config: config as Record<string, string> }));
    expect(add(setup(), wrong)).toThrow(message);
    const good = setup();
    add(good, right)();
    expect(() => synth(good.chart)).not.toThrow();
  });

  test("options Strimzi manages stay rejected as before, whatever Kafka's model says of them", () => {
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { config: { 'ssl.keystore.location': '/x' } })).toThrow(/config\['ssl.keystore.location'\] is managed by Strimzi \(options starting with 'ssl.' are ignored\)/);
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { config: { 'inter.broker.protocol.version': '3.9' } })).toThrow(/config\['inter.broker.protocol.version'\] is not used by KRaft clusters/);
    // What Strimzi lets through is judged by the model (or by hand, for Cruise Control's reporter).
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { config: { 'ssl.enabled.protocols': 'TLSv1.3', 'cruise.control.metrics.topic.retention.ms': 3600000, 'controller.quorum.fetch.timeout.ms': 2000 } })).not.toThrow();
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { config: { 'cruise.control.metrics.topic.retention.ms': '1h' } })).toThrow(/config\['cruise.control.metrics.topic.retention.ms'\] must be a whole number of milliseconds, without a unit: .*; use 'cruise.control.metrics.topic.retention.ms': 3600000 \(1 hour\)/);
  });

  test("the cluster's version decides: Kafka 4.3.0 removed group.share.enable and added cordoned.log.dirs", () => {
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { version: '4.2.1', config: { 'group.share.enable': true } })).not.toThrow();
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { version: '4.3.1', config: { 'group.share.enable': true } })).toThrow(
      "KafkaCluster 'kafka' at test/Kafka: config['group.share.enable'] is not a broker config of Kafka 4.3.1, the cluster's version: Kafka 4.3.0 removed it (4.2.0, 4.2.1 had it); Kafka ignores a key it does not define (it only logs it as unused), so it would do nothing (got true); remove it",
    );
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { version: '4.3.0', config: { 'cordoned.log.dirs': '' } })).not.toThrow();
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { version: '4.2.0', config: { 'cordoned.log.dirs': '' } })).toThrow(
      /config\['cordoned.log.dirs'\] is a broker config from Kafka 4.3.0 on, not of Kafka 4.2.0, the cluster's version: .*; set the cluster's version to 4.3.0 or later, or remove it/,
    );
    // A topic is judged by its cluster's version; the range of a key may change too.
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { version: '4.2.0', config: { 'share.coordinator.snapshot.update.records.per.snapshot': 1000 } })).not.toThrow();
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { version: '4.3.0', config: { 'share.coordinator.snapshot.update.records.per.snapshot': 1000 } })).toThrow(/must be from 0 to 500 \(Kafka's validator: \[0,...,500\]\)/);
  });

  test('a topic LIST may be a comma-separated string or an array of strings (Strimzi joins it)', () => {
    const { chart, kafka } = setup();
    kafka.addTopic('orders', { config: { 'cleanup.policy': ['compact', 'delete'] } });
    kafka.addTopic('payments', { config: { 'cleanup.policy': 'compact, delete' } });
    expect(() => synth(chart)).not.toThrow();
    expect(() => kafka.addTopic('refunds', { config: { 'cleanup.policy': ['compact', 'removed'] } })).toThrow(/config\['cleanup.policy'\] must be a comma-separated list of compact, delete .*not 'removed'/);
  });

  test('a KraftCluster is judged as a cluster is', () => {
    expect(() => new KraftCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', plaintext: true, config: { 'log.retention.hour': 1 } })).toThrow(/KraftCluster 'events' at test\/Kafka: config\['log.retention.hour'\] is not a broker config of Kafka 4.3.1.*; did you mean 'log.retention.hours'\?/);
    expect(() => new KraftCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', plaintext: true, config: { 'log.retention.hours': 1 } })).not.toThrow();
  });
});

describe("every config the example environments write passes Kafka's model", () => {
  const files = exampleEnvironments(Testing.app()).flatMap((env) => Object.entries(renderEnvironment(env)).map(([path, text]) => ({ path: `${env.environmentName}/${path}`, text })));
  const objects = files.filter((f) => f.path.endsWith('.yaml')).flatMap((f) => [parse(f.text)].filter((o) => o?.kind !== undefined).map((o) => ({ path: f.path, object: o })));
  const kafkaVersions = new Map(objects.filter(({ object }) => object.kind === 'Kafka').map(({ object }) => [`${object.metadata.namespace}/${object.metadata.name}`, object.spec.kafka.version as string]));
  /** Every string of an object (a container's script is one). */
  const strings = (o: unknown): string[] => (typeof o === 'string' ? [o] : typeof o === 'object' && o !== null ? Object.values(o).flatMap(strings) : []);
  /** Every properties file a shell script writes (`cat > x.properties <<EOF … EOF`): in a file of its own, or in an object's strings. */
  const scripts = [
    ...files.filter((f) => !f.path.endsWith('.yaml')),
    ...objects.flatMap(({ path, object }) => strings(object).map((text) => ({ path, text }))),
  ];
  const heredocs = scripts.flatMap((f) => [...f.text.matchAll(/cat > (\S+\.properties) <<'?EOF'?\n([\s\S]*?)\nEOF/g)].map((m) => ({ path: `${f.path}: ${m[1]}`, properties: parseProperties(m[2]) })));

  test('the environments have what this test judges', () => {
    expect(kafkaVersions.size).toBeGreaterThan(0);
    expect(objects.some(({ object }) => object.kind === 'KafkaTopic' && object.spec.config !== undefined)).toBe(true);
    expect(objects.some(({ object }) => object.kind === 'ConfigMap' && Object.keys(object.data ?? {}).some((k) => k.endsWith('.properties')))).toBe(true);
    expect(heredocs.length).toBeGreaterThan(0);
  });

  test.each(objects.filter(({ object }) => object.kind === 'Kafka').map(({ path, object }) => [path, object] as const))('%s: spec.kafka.config, as broker configs', (_path, object) => {
    expect(configIssues('broker', object.spec.kafka.version, object.spec.kafka.config ?? {})).toEqual([]);
  });

  test.each(objects.filter(({ object }) => object.kind === 'KafkaTopic').map(({ path, object }) => [path, object] as const))('%s: spec.config, as topic configs of its cluster\'s version', (_path, object) => {
    const version = kafkaVersions.get(`${object.metadata.namespace}/${object.metadata.labels['strimzi.io/cluster']}`);
    expect(version).toBeDefined();
    expect(configIssues('topic', version!, object.spec.config ?? {})).toEqual([]);
  });

  test.each(objects.filter(({ object }) => object.kind === 'ConfigMap' && Object.keys(object.data ?? {}).some((k) => k.endsWith('.properties'))).map(({ path, object }) => [path, object] as const))(
    "%s: every KRaft pod's server.properties, as broker configs of the image's version", (path, object) => {
      const image = objects.find((o) => o.object.kind === 'StatefulSet' && o.object.metadata.namespace === object.metadata.namespace
        && o.path.split('/')[0] === path.split('/')[0])?.object.spec.template.spec.containers[0].image as string;
      const version = modelVersion(/^apache\/kafka:(.+)$/.exec(image)?.[1]);
      expect(image).toBe(`apache/kafka:${version}`);
      for (const [file, text] of Object.entries(object.data as Record<string, string>).filter(([k]) => k.endsWith('.properties'))) {
        expect({ file, issues: configIssues('broker', version, parseProperties(text)) }).toEqual({ file, issues: [] });
      }
    });

  test.each(heredocs.map(({ path, properties }) => [path, properties] as const))('%s: a client properties file, as producer and consumer configs', (_path, properties) => {
    for (const set of ['producer', 'consumer'] as ConfigSet[]) expect(configIssues(set, modelVersion(undefined), properties)).toEqual([]);
  });
});

describe('a configuration stays one key=value line of a properties file (no injection)', () => {
  const kraft = (config: Record<string, unknown>) => () => new KraftCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', plaintext: true, config: config as Record<string, string> });
  test('a line break in a value would add keys of its own (super.users): refused, the key printed on one line', () => {
    expect(kraft({ 'log.cleaner.threads': '2\nsuper.users=User:ANONYMOUS' })).toThrow(/config\['log.cleaner.threads'\] must not contain a line break or other control character.*super.users/);
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', config: { 'log.cleaner.threads': '2\r\nauto.create.topics.enable=true' } })).toThrow(/must not contain a line break/);
    expect(kraft({ 'log.cleaner.threads': '2' })).not.toThrow();
  });

  test('a key with whitespace, =, a control character or nothing at all is not a key', () => {
    for (const key of ['', ' ', 'num.partitions ', 'a=b', 'num\npartitions']) {
      expect(kraft({ [key]: '1' })).toThrow(/is not a Kafka configuration key: a key is non-empty/);
    }
  });

  test('a Map or a class instance as config would drop every option: refused, naming what it got', () => {
    expect(kraft(new Map([['num.partitions', '6']]) as unknown as Record<string, unknown>)).toThrow(/config must be a plain object of Kafka configuration options, not a Map.*Object.fromEntries/);
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', config: new Date() as unknown as Record<string, string> })).toThrow(/not a Date/);
  });

  test('a backslash in a value is written as Properties.load reads it back', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', plaintext: true, config: { 'delegation.token.secret.key': 'a\\b' } });
    const configMap = synth(chart).find((o) => o.kind === 'ConfigMap')!;
    const file = Object.entries(configMap.data as Record<string, string>).find(([name]) => name.endsWith('.properties'))![1];
    expect(file).toContain('delegation.token.secret.key=a\\\\b\n');
    expect(parseProperties(file)['delegation.token.secret.key']).toBe('a\\b');
  });
});

describe("a topic's throttled replicas are judged as Kafka's ThrottledReplicaListValidator judges them", () => {
  const topic = (value: string | string[]) => () => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' }).addTopic('orders', { config: { 'leader.replication.throttled.replicas': value } });
  };
  test.each([['0:101,1:102'], ['*'], [''], [['0:101', '1:102']]])('%j is taken', (value) => expect(topic(value)).not.toThrow());
  test.each([['x:y'], ['abc'], ['0:101,*'], ['0-101']])('%j is refused, naming the format', (value) => {
    expect(topic(value)).toThrow(/config\['leader.replication.throttled.replicas'\] must be the literal '\*' or a list of replicas as \[partitionId\]:\[brokerId\]/);
  });
});

test('a CLASS value is judged by Java\'s rules for class names (JLS 3.8, 3.9): a keyword part fails, a real class passes', () => {
  const cluster = (value: string) => new KafkaCluster(Testing.chart(), 'Kafka', { namespace: 'kafka', config: { 'principal.builder.class': value } });
  expect(() => cluster('com.example.class.Builder')).toThrow(/config\['principal\.builder\.class'\] must be the name of a Java class: Kafka reads it as CLASS: it has a part 'class', which is a Java keyword or literal/);
  expect(() => cluster('io.strimzi.kafka.oauth.server.OAuthKafkaPrincipalBuilder')).not.toThrow();
});

test("an option of Cruise Control's metrics reporter in config is sent to pluginConfig, where the reporter in the brokers reads it (Strimzi's own system tests set it)", () => {
  const key = 'cruise.control.metrics.reporter.metrics.reporting.interval.ms';
  expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { namespace: 'kafka', cruiseControl: true, config: { [key]: 60000 } }))
    .toThrow(/is an option of Cruise Control's metrics reporter in the brokers, not of Kafka's broker config \(got 60000\); set it in pluginConfig/);
  expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { namespace: 'kafka', cruiseControl: true, pluginConfig: { [key]: 60000 } })).not.toThrow();
});
