import { App, Chart, Size, Testing } from 'cdk8s';
import {
  Acl, AclOperation, BridgeTrafficGenerators, ConsistencyPass, KafkaAuthorization, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaMetrics,
  KafkaNodePool, KafkaPodMonitor, KafkaStorage, KafkaTopic, KafkaUser, ListenerAuthentication, NodeRole, UserAuthentication,
} from '../../src';
import { checkConfigValues, replicationProblems } from '../../src/kafka/broker-config';
import { isName, labelWithSuffix, NameFormat } from '../../src/core/naming';
import { jvmSize, quantity, sizeProblem } from '../../src/core/units';
import { all, expectValid, find, synth } from '../support';

/** A chart and a production cluster `events` in namespace `kafka`. */
function setup(props: { metrics?: KafkaMetrics; kafkaExporter?: boolean; authorization?: KafkaAuthorization; config?: Record<string, string | number | boolean> } = {}) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', ...props });
  return { chart, kafka };
}

/** A second cluster in the same namespace, with pools of its own names (pools are named per namespace). */
function secondCluster(chart: Chart, name: string): KafkaCluster {
  const kafka = new KafkaCluster(chart, `Kafka-${name}`, { name, namespace: 'kafka', defaultNodePools: false });
  kafka.addNodePool('Controllers', { name: `${name}-controller`, roles: [NodeRole.CONTROLLER], replicas: 3 });
  kafka.addNodePool('Brokers', { name: `${name}-broker`, roles: [NodeRole.BROKER], replicas: 3 });
  return kafka;
}

describe('topics: Kafka rules', () => {
  test("topics that differ only in '.' against '_' collide in one cluster (Topic.hasCollision), naming both", () => {
    const { chart, kafka } = setup();
    kafka.addTopic('A', { topicName: 'orders.v1' });
    kafka.addTopic('B', { topicName: 'orders_v1' });
    expect(() => synth(chart)).toThrow(
      /KafkaTopic 'orders_v1' at test\/Kafka\/B: topicName collides with topic 'orders.v1' \(KafkaTopic at test\/Kafka\/A\) in cluster 'events': Kafka takes '.' and '_' as the same in metric names .*\(got "orders_v1"\); rename one of them/,
    );
  });

  test('the right value: the same names in two clusters, or names that differ otherwise', () => {
    const { chart, kafka } = setup();
    const other = secondCluster(chart, 'audit');
    kafka.addTopic('A', { topicName: 'orders.v1' });
    kafka.addTopic('B', { topicName: 'orders-v1' });
    other.addTopic('C', { topicName: 'orders_v1' });
    expect(() => synth(chart)).not.toThrow();
  });

  test('one topic twice in a cluster, under two resource names, fails', () => {
    const { chart, kafka } = setup();
    kafka.addTopic('A', { topicName: 'orders' });
    kafka.addTopic('B', { topicName: 'orders', resourceName: 'orders-again' });
    expect(() => synth(chart)).toThrow(/KafkaTopic 'orders' at test\/Kafka\/B: topicName is also the name of KafkaTopic at test\/Kafka\/A in cluster 'events'/);
  });

  test.each(['__consumer_offsets', '__transaction_state', '__cluster_metadata', '__share_group_state', '__remote_log_metadata'])('Kafka\'s internal topic %s is rejected', (topicName) => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('T', { topicName })).toThrow(new RegExp(`KafkaTopic '${topicName}' at test/Kafka/T: topicName is a topic Kafka makes and manages itself`));
  });

  test("a name that collides with an internal topic is rejected: '__consumer.offsets'", () => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('T', { topicName: '__consumer.offsets' })).toThrow(/topicName collides with Kafka's internal topic '__consumer_offsets'/);
  });

  test("the right value: another '__' name is a topic (with a warning), a plain name has none", () => {
    const { chart, kafka } = setup();
    kafka.addTopic('T', { topicName: '__consumer_offsets_mirror' });
    kafka.addTopic('U', { topicName: 'consumer_offsets' });
    expect(() => synth(chart)).not.toThrow();
    const warnings = ConsistencyPass.of(chart).warnings();
    expect(warnings).toEqual([expect.stringMatching(/KafkaTopic '__consumer_offsets_mirror' at test\/Kafka\/T: topicName starts with '__'/)]);
  });

  test.each<[string, { partitions?: number; replicas?: number }, RegExp]>([
    ['partitions above 2^31-1', { partitions: 2 ** 31 }, /partitions must be a whole number from 1 to 2147483647 \(Kafka's NumPartitions is an int32\) \(got 2147483648\)/],
    ['replicas above 32767', { replicas: 32768 }, /replicas must be a whole number from 1 to 32767 \(Kafka's ReplicationFactor is an int16\) \(got 32768\)/],
  ])('%s is rejected', (_case, options, message) => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('T', options)).toThrow(message);
  });

  test('the right value: the largest partitions and replicas Kafka takes', () => {
    const { kafka } = setup();
    expect(kafka.addTopic('T', { partitions: 2 ** 31 - 1 }).partitions).toBe(2147483647);
    expect(kafka.addTopic('U', { replicas: 32767 }).replicas).toBe(32767);
  });

  test('two clusters in one namespace, each with a topic orders: the default resource names clash', () => {
    const { chart, kafka } = setup();
    const other = secondCluster(chart, 'audit');
    kafka.addTopic('Orders', { topicName: 'orders' });
    other.addTopic('Orders', { topicName: 'orders' });
    expect(() => synth(chart)).toThrow(/KafkaTopic \(kafka.strimzi.io\) 'kafka\/orders' is emitted twice/);
  });

  test('the right value: resourceName gives each its own KafkaTopic, the Kafka name in spec.topicName', () => {
    const { chart, kafka } = setup();
    const other = secondCluster(chart, 'audit');
    const a = kafka.addTopic('Orders', { topicName: 'orders', resourceName: 'events-orders' });
    other.addTopic('Orders', { topicName: 'orders', resourceName: 'audit-orders' });
    const manifests = synth(chart);
    expect(a.resourceName).toBe('events-orders');
    expect(a.cluster).toBe(kafka);
    expect(find(manifests, 'KafkaTopic', 'events-orders')).toMatchObject({ metadata: { labels: { 'strimzi.io/cluster': 'events' } }, spec: { topicName: 'orders' } });
    expect(find(manifests, 'KafkaTopic', 'audit-orders')).toMatchObject({ metadata: { labels: { 'strimzi.io/cluster': 'audit' } }, spec: { topicName: 'orders' } });
    expectValid(manifests);
  });

  test('a resourceName that is not a DNS-1123 subdomain is rejected', () => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('T', { topicName: 'orders', resourceName: 'Orders_1' })).toThrow(/KafkaTopic 'orders' at test\/Kafka\/T: resourceName must be lowercase alphanumerics, '-' and '.'.*\(got "Orders_1"\)/);
  });
});

describe('derived names: valid for any legal topic name', () => {
  const topics = ['_', '-', '.x', 'Orders', 'orders', 'orders_v1', 'orders-v1', 'x'.repeat(60), 'y'.repeat(249), `${'a'.repeat(58)}-b`];

  test('labelWithSuffix: a DNS label of at most 63, stable and distinct', () => {
    for (const suffix of ['producer', 'consumer', 'consumer-a']) {
      const names = topics.map((t) => labelWithSuffix(t, suffix));
      for (const name of names) expect(isName(name, NameFormat.DNS1123_LABEL)).toBe(true);
      expect(new Set(names).size).toBe(topics.length);
      expect(topics.map((t) => labelWithSuffix(t, suffix))).toEqual(names);
    }
    // The right value: a topic that is a short DNS label keeps its name.
    expect(labelWithSuffix('orders', 'producer')).toBe('orders-producer');
    expect(labelWithSuffix('_', 'producer')).toMatch(/^[0-9a-f]{8}-producer$/);
    expect(labelWithSuffix('x'.repeat(60), 'producer')).toMatch(/^x{45}-[0-9a-f]{8}-producer$/);
  });

  function client(topicName: string) {
    const { chart, kafka } = setup();
    const topic = kafka.addTopic('T', { topicName });
    const user = kafka.addUser('app', { acls: [Acl.topic(topicName).allow(AclOperation.WRITE)] });
    new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    return synth(chart);
  }

  test.each(['_', 'x'.repeat(60), 'Payments.EU_v1'])('a client workload of topic %s: a valid Deployment name and app.kubernetes.io/name', (topicName) => {
    const manifests = client(topicName);
    const [deployment] = all(manifests, 'Deployment');
    expect(deployment.metadata.name).not.toMatch(/^-/);
    expect(deployment.metadata.name.length).toBeLessThanOrEqual(63);
    expect(deployment.metadata.labels!['app.kubernetes.io/name']).toBe(deployment.metadata.name);
    expect(deployment.spec.template.spec.containers[0].command[2]).toContain(`--topic ${topicName}`);
    expectValid(manifests);
  });

  test('the right value: topic orders gives orders-producer, as before', () => {
    expect(all(client('orders'), 'Deployment')[0].metadata.name).toBe('orders-producer');
  });

  test.each(['_', 'y'.repeat(249)])('traffic generators of topic %s: valid, distinct Deployment names and labels', (topic) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'traffic' });
    new BridgeTrafficGenerators(chart, 'Traffic', { endpoint: 'https://bridge.example.com', topic });
    const manifests = synth(chart);
    const names = all(manifests, 'Deployment').map((d) => d.metadata.name);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(isName(name, NameFormat.DNS1123_LABEL)).toBe(true);
    expectValid(manifests);
  });

  test('the right value: traffic generators of topic orders keep their names', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'traffic' });
    new BridgeTrafficGenerators(chart, 'Traffic', { endpoint: 'https://bridge.example.com:65535', topic: 'orders' });
    expect(all(synth(chart), 'Deployment').map((d) => d.metadata.name)).toEqual(['orders-producer', 'orders-consumer-a', 'orders-consumer-b']);
  });

  test.each(['https://bridge.example.com:99999', 'https://bridge.example.com:0'])('traffic generators with endpoint %s: the port is not a port', (endpoint) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'traffic' });
    expect(() => new BridgeTrafficGenerators(chart, 'Traffic', { endpoint, topic: 'orders' })).toThrow(/BridgeTrafficGenerators 'Traffic' at test\/Traffic: endpoint has port \d+, but a port is from 1 to 65535/);
  });
});

describe('KafkaUser names', () => {
  test('a SCRAM user name over 63 characters is fine: Strimzi cuts the Secret\'s app.kubernetes.io/instance label to 63 itself', () => {
    const { chart, kafka } = setup();
    const user = kafka.addUser('U', { userName: 'u'.repeat(100) });
    expect(user.secretName).toBe('u'.repeat(100));
    expect(user.cluster).toBe(kafka);
    expect(() => synth(chart)).not.toThrow();
  });

  test('a user name over 253 characters (the KafkaUser and Secret name) is rejected', () => {
    const { kafka } = setup();
    expect(() => kafka.addUser('U', { userName: 'u'.repeat(254) })).toThrow(/userName must be lowercase alphanumerics, '-' and '.'.*, at most 253 characters/);
  });

  test('a TLS user name over 64 characters (its certificate CN) is rejected; 64 is the right value', () => {
    const { kafka } = setup();
    expect(() => kafka.addUser('U', { userName: 'u'.repeat(65), authentication: UserAuthentication.tls() })).toThrow(/userName is longer than 64 characters, the most an X.509 common name holds/);
    expect(() => kafka.addUser('V', { userName: 'v'.repeat(64), authentication: UserAuthentication.tls() })).not.toThrow();
  });
});

describe('KafkaPodMonitor', () => {
  test('on a cluster without metrics or Kafka Exporter, it fails: no pod has tcp-prometheus', () => {
    const { chart, kafka } = setup();
    new KafkaPodMonitor(chart, 'Monitor', { cluster: kafka });
    expect(() => synth(chart)).toThrow(/KafkaPodMonitor 'events-kafka' at test\/Monitor: cluster is KafkaCluster 'events', which has no metrics and no Kafka Exporter: none of its pods has the port tcp-prometheus/);
  });

  test.each<[string, { metrics?: KafkaMetrics; kafkaExporter?: boolean }]>([
    ['the Strimzi metrics reporter', { metrics: KafkaMetrics.strimziMetricsReporter() }],
    ['the JMX exporter', { metrics: KafkaMetrics.jmxPrometheusExporter() }],
    ['Kafka Exporter alone', { kafkaExporter: true }],
  ])('the right value: a cluster with %s', (_case, props) => {
    const { chart, kafka } = setup(props);
    new KafkaPodMonitor(chart, 'Monitor', { cluster: kafka });
    expect(() => synth(chart)).not.toThrow();
  });

  test.each<[Record<string, string>, RegExp]>([
    [{ 'release/': 'monitoring' }, /labels\['release\/'\] has a bad key/],
    [{ release: 'kube prometheus' }, /labels\['release'\] must be a label value/],
    [{ release: 'x'.repeat(64) }, /labels\['release'\] must be a label value/],
  ])('labels %j are rejected', (labels, message) => {
    const { chart, kafka } = setup({ metrics: KafkaMetrics.strimziMetricsReporter() });
    expect(() => new KafkaPodMonitor(chart, 'Monitor', { cluster: kafka, labels })).toThrow(message);
  });

  test('the right value: labels Kubernetes takes', () => {
    const { chart, kafka } = setup({ metrics: KafkaMetrics.strimziMetricsReporter() });
    new KafkaPodMonitor(chart, 'Monitor', { cluster: kafka, labels: { 'release': 'monitoring', 'example.com/team': 'data_platform' } });
    expect(find(synth(chart), 'PodMonitor', 'events-kafka').metadata.labels).toEqual({ 'release': 'monitoring', 'example.com/team': 'data_platform' });
  });
});

describe('replication rules, one function for every cluster construct', () => {
  test('replicationProblems says what KafkaCluster says', () => {
    const durable = { 'default.replication.factor': 3, 'min.insync.replicas': 2, 'offsets.topic.replication.factor': 3, 'transaction.state.log.replication.factor': 3, 'transaction.state.log.min.isr': 2 };
    expect(replicationProblems(durable, 3, false)).toEqual([]);
    expect(replicationProblems({ ...durable, 'default.replication.factor': 5 }, 3, false)).toEqual([
      { prop: "config['default.replication.factor']", problem: 'exceeds the 3 brokers', value: 5, fix: 'add brokers or lower it to 3' },
    ]);
    expect(replicationProblems({ ...durable, 'min.insync.replicas': 0 }, 3, false)).toEqual([
      { prop: "config['min.insync.replicas']", problem: 'must be a whole number >= 1 (Kafka rejects less) (default.replication.factor is 3)', value: 0, fix: 'set it to 2' },
    ]);
    expect(replicationProblems({ ...durable, 'offsets.topic.replication.factor': 5 }, 3, false).map((p) => p.prop)).toEqual(["config['offsets.topic.replication.factor']"]);
    expect(replicationProblems({ ...durable, 'transaction.state.log.min.isr': 3 }, 3, false).map((p) => p.problem)).toEqual([
      'must be less than the replication factor (3), or one replica down stops every acks=all write (transaction.state.log.replication.factor is 3)',
    ]);
    expect(replicationProblems({ ...durable, 'offsets.topic.replication.factor': 0 }, 3, false).map((p) => p.problem)).toEqual(['must be a whole number >= 1: every partition needs a replica']);
    // A development cluster may run RF 1 / min ISR 1.
    const single = { 'default.replication.factor': 1, 'min.insync.replicas': 1, 'offsets.topic.replication.factor': 1, 'transaction.state.log.replication.factor': 1, 'transaction.state.log.min.isr': 1 };
    expect(replicationProblems(single, 1, true)).toEqual([]);
    expect(replicationProblems(single, 1, false)).toHaveLength(2);
  });
});

describe('config value types: as Kafka parses and validates them (its own ConfigDefs, config-model.ts)', () => {
  const subject = () => ({ scope: Testing.chart(), kind: 'KafkaTopic', name: 't' });
  const check = (config: Record<string, unknown>, set: 'broker' | 'topic') => () => checkConfigValues(subject(), 'config', config, set);

  test.each<[string, 'broker' | 'topic', Record<string, unknown>, RegExp]>([
    ["'log.retention.hours': '7d'", 'broker', { 'log.retention.hours': '7d' }, /config\['log.retention.hours'\] must be a whole number of hours, without a unit: Kafka reads it as INT \(a Java int\) \(got "7d"\); use 'log.retention.hours': 168 \(7 days\)/],
    ["'log.retention.minutes': '1h'", 'broker', { 'log.retention.minutes': '1h' }, /config\['log.retention.minutes'\] must be a whole number of minutes, .*; use 'log.retention.minutes': 60 \(1 hour\)/],
    ["'offsets.retention.minutes': 1.5", 'broker', { 'offsets.retention.minutes': 1.5 }, /must be a whole number of minutes, without a unit: Kafka reads it as INT/],
    ["'retention.ms' beyond a Java long", 'topic', { 'retention.ms': '99999999999999999999' }, /config\['retention.ms'\] must be from -9223372036854775808 to 9223372036854775807: Kafka reads it as LONG/],
    ["'retention.ms' a JavaScript number above 2^53", 'topic', { 'retention.ms': 2 ** 53 + 2 }, /config\['retention.ms'\] is beyond 9007199254740991, which a JavaScript number cannot hold exactly/],
    ["'retention.ms' 1e21", 'topic', { 'retention.ms': 1e21 }, /config\['retention.ms'\] must be from -9223372036854775808 to 9223372036854775807/],
    ["'segment.bytes' beyond a Java int", 'topic', { 'segment.bytes': 2 ** 31 }, /config\['segment.bytes'\] must be from -2147483648 to 2147483647: Kafka reads it as INT/],
    ["'max.message.bytes' beyond a Java int", 'topic', { 'max.message.bytes': '4294967296' }, /config\['max.message.bytes'\] must be from -2147483648 to 2147483647/],
    ["'offsets.topic.replication.factor' beyond a Java short", 'broker', { 'offsets.topic.replication.factor': 40000 }, /must be from -32768 to 32767: Kafka reads it as SHORT/],
    ["'cleanup.policy': 'Compact'", 'topic', { 'cleanup.policy': 'Compact' }, /config\['cleanup.policy'\] must be a comma-separated list of compact, delete \(Kafka's values, case-sensitive; not 'Compact'\) \(got "Compact"\); did you mean 'compact'\?/],
    ["'cleanup.policy': 'compact,'", 'topic', { 'cleanup.policy': 'compact,' }, /config\['cleanup.policy'\] must not have empty items: Kafka reads it as LIST/],
    ["'message.timestamp.type': 'logappendtime'", 'topic', { 'message.timestamp.type': 'logappendtime' }, /config\['message.timestamp.type'\] must be one of CreateTime, LogAppendTime \(Kafka's values, case-sensitive\) .*; did you mean 'LogAppendTime'\?/],
    ["'compression.type': 'brotli'", 'topic', { 'compression.type': 'brotli' }, /config\['compression.type'\] must be one of uncompressed, zstd, lz4, snappy, gzip, producer/],
    ["'compression.type': 1", 'topic', { 'compression.type': 1 }, /config\['compression.type'\] must be one of/],
    ["'compression.gzip.level': 0", 'topic', { 'compression.gzip.level': 0 }, /config\['compression.gzip.level'\] must be from 1 to 9, or -1 \(Kafka's validator: \[1,...,9\] or -1\)/],
    ["'min.cleanable.dirty.ratio': 1.5", 'topic', { 'min.cleanable.dirty.ratio': 1.5 }, /config\['min.cleanable.dirty.ratio'\] must be from 0 to 1 \(Kafka's validator: \[0,...,1\]\)/],
    ["'preallocate': 'yes'", 'topic', { 'preallocate': 'yes' }, /config\['preallocate'\] must be true or false: Kafka reads it as BOOLEAN/],
    ["'cleanup.policy': ['compact', 3]", 'topic', { 'cleanup.policy': ['compact', 3] }, /config\['cleanup.policy'\] must be a list of strings/],
    ["'ssl.enabled.protocols' an array on a cluster", 'broker', { 'ssl.enabled.protocols': ['TLSv1.3'] }, /config\['ssl.enabled.protocols'\] must be a string, a finite number or a boolean .*; give the list as one comma-separated string/],
  ])('%s is rejected', (_case, set, config, message) => {
    expect(check(config, set)).toThrow(message);
  });

  test('the right values', () => {
    expect(check({
      'log.retention.hours': 168, 'log.retention.minutes': '10080', 'offsets.topic.replication.factor': 3, 'log.cleanup.policy': 'compact, delete',
      'log.message.timestamp.type': 'LogAppendTime', 'compression.type': 'zstd', 'unclean.leader.election.enable': 'FALSE', 'ssl.enabled.protocols': 'TLSv1.3',
    }, 'broker')).not.toThrow();
    expect(check({
      'retention.ms': '9223372036854775807', 'retention.bytes': -1, 'segment.bytes': 2 ** 31 - 1, 'max.message.bytes': ' 1048588 ', 'cleanup.policy': ['compact', 'delete'],
      'message.timestamp.type': 'LogAppendTime', 'compression.type': 'zstd', 'leader.replication.throttled.replicas': '*', 'follower.replication.throttled.replicas': '0:101,1:102',
      'min.cleanable.dirty.ratio': 0.5, 'compression.gzip.level': -1, 'unclean.leader.election.enable': 'false', 'preallocate': true,
    }, 'topic')).not.toThrow();
  });

  test('a KafkaTopic and a KafkaCluster check them', () => {
    const { kafka } = setup();
    expect(() => kafka.addTopic('T', { config: { 'cleanup.policy': 'deleted' } })).toThrow(/KafkaTopic 'T' at test\/Kafka\/T: config\['cleanup.policy'\] must be a comma-separated list of compact, delete .*; did you mean 'delete'\?/);
    expect(() => new KafkaCluster(Testing.chart(), 'Kafka', { config: { 'log.retention.hours': '7d' } })).toThrow(/KafkaCluster 'kafka' at test\/Kafka: config\['log.retention.hours'\] must be a whole number of hours/);
  });
});

describe('sizes are written exactly', () => {
  test('quantity and jvmSize: whole GiB, MiB, KiB, else bytes', () => {
    expect([Size.gibibytes(2), Size.mebibytes(1536), Size.kibibytes(1536), Size.kibibytes(1025 * 1024 + 1)].map(quantity)).toEqual(['2Gi', '1536Mi', '1536Ki', '1049601Ki']);
    expect([Size.gibibytes(2), Size.mebibytes(1536), Size.kibibytes(1536)].map(jvmSize)).toEqual(['2g', '1536m', '1536k']);
  });

  test('a Size that is not a whole number of bytes is rejected', () => {
    expect(sizeProblem(Size.gibibytes(1.1))).toMatch(/must be a whole number of bytes, as Kubernetes quantities and the JVM's -Xmx take it \(it is 1181116006.4 bytes, 1126.4 MiB/);
    expect(sizeProblem(Size.gibibytes(1.5))).toBeUndefined();
  });

  test('a node pool heap of Size.kibibytes(1536) is -Xmx1536k, not -Xmx1m', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultNodePools: false });
    kafka.addNodePool('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER], replicas: 3 });
    const pool = new KafkaNodePool(kafka, 'Brokers', { cluster: kafka, name: 'broker', roles: [NodeRole.BROKER], replicas: 3, heap: Size.kibibytes(1536), resources: { memory: { limit: Size.gibibytes(1) } } });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.jvmOptions).toEqual({ '-Xms': '1536k', '-Xmx': '1536k' });
    expect(pool.poolName).toBe('broker');
  });

  test('the right value: a heap of whole MiB or GiB renders as before', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', brokers: { replicas: 3, heap: Size.mebibytes(1536), resources: { memory: { limit: Size.gibibytes(4) } } } });
    expect(kafka.brokerPool).toBeDefined();
    expect(find(synth(chart), 'KafkaNodePool', 'broker').spec.jvmOptions).toEqual({ '-Xms': '1536m', '-Xmx': '1536m' });
  });

  test('storage of Size.kibibytes(1536) is 1536Ki, and a fractional-byte size fails', () => {
    expect((KafkaStorage.persistentClaim({ size: Size.kibibytes(1536) }) as any)._spec.size).toBe('1536Ki');
    expect(() => KafkaStorage.persistentClaim({ size: Size.gibibytes(1.1) })).toThrow(/KafkaStorage.persistentClaim\(\): size must be a whole number of bytes/);
  });
});

describe('client workloads: the user and topic of the cluster they dial, allowed by its ACLs', () => {
  function twoClusters() {
    const { chart, kafka } = setup();
    const other = secondCluster(chart, 'audit');
    return { chart, kafka, other };
  }

  test('a user of another cluster in the namespace is rejected', () => {
    const { chart, kafka, other } = twoClusters();
    const topic = kafka.addTopic('orders');
    const user = other.addUser('app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE)] });
    expect(() => new KafkaClientWorkload(chart, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER })).toThrow(
      /KafkaClientWorkload 'P' at test\/P: user belongs to cluster 'audit' \(test\/Kafka-audit\), not to cluster 'events' \(test\/Kafka\) the workload connects to.*\(got "app"\)/,
    );
  });

  test('a topic of another cluster in the namespace is rejected', () => {
    const { chart, kafka, other } = twoClusters();
    const topic = other.addTopic('orders');
    const user = kafka.addUser('app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE)] });
    expect(() => new KafkaClientWorkload(chart, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER })).toThrow(
      /topic belongs to cluster 'audit' \(test\/Kafka-audit\), not to cluster 'events' \(test\/Kafka\) the workload connects to, which has no such topic \(got "orders"\)/,
    );
  });

  test('the right value: the user and topic of the cluster it dials', () => {
    const { chart, kafka } = twoClusters();
    const topic = kafka.addTopic('orders');
    const user = new KafkaUser(chart, 'App', { cluster: kafka, userName: 'app', acls: [Acl.topic('orders').allow(AclOperation.WRITE)] });
    new KafkaClientWorkload(chart, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    expect(() => synth(chart)).not.toThrow();
  });

  function workload(role: KafkaClientRole, acls: ReturnType<Acl['allow']>[], options: { group?: string; authorization?: KafkaAuthorization; authentication?: UserAuthentication; config?: Record<string, string | number | boolean> } = {}) {
    const { chart, kafka } = setup({ authorization: options.authorization, config: options.config });
    const topic = kafka.addTopic('orders');
    const user = kafka.addUser('app', { acls, ...(options.authentication && { authentication: options.authentication }) });
    if (options.authentication !== undefined) kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
    // The ACLs are judged at synth: a user may be granted more after the workload is made.
    return () => {
      const client = new KafkaClientWorkload(chart, 'Client', { cluster: kafka, user, topic, role, group: options.group });
      synth(chart);
      return client;
    };
  }

  test('a producer whose user may not write the topic fails, naming the ACL to add', () => {
    expect(workload(KafkaClientRole.PRODUCER, [Acl.topic('orders').allow(AclOperation.READ)])).toThrow(
      /KafkaClientWorkload 'Client' at test\/Client: user is 'app', whose ACLs do not allow Write on topic 'orders', which a producer needs: with simple authorization it would fail with TOPIC_AUTHORIZATION_FAILED \(got "app"\); grant it with topic.grantWrite\(user\), or add Acl.topic\('orders'\).allow\(AclOperation.WRITE, AclOperation.DESCRIBE\) to the user's acls/,
    );
    expect(workload(KafkaClientRole.PRODUCER, [])).toThrow(/do not allow Write on topic 'orders'/);
  });

  test('a consumer without Read on its group fails, naming the group ACL', () => {
    expect(workload(KafkaClientRole.CONSUMER, [Acl.topic('orders').allow(AclOperation.READ)])).toThrow(
      /whose ACLs do not allow Read on group 'app', which a consumer needs: with simple authorization it would fail with GROUP_AUTHORIZATION_FAILED \(got "app"\); grant it with topic.grantRead\(user, \{ group: 'app' \}\), or add Acl.group\('app'\).allow\(AclOperation.READ, AclOperation.DESCRIBE\) to the user's acls/,
    );
    expect(workload(KafkaClientRole.CONSUMER, [Acl.group('orders-app').allow(AclOperation.READ)], { group: 'orders-app' })).toThrow(
      /do not allow Read on topic 'orders', which a consumer needs.*or add Acl.topic\('orders'\).allow\(AclOperation.READ, AclOperation.DESCRIBE\) to the user's acls/,
    );
  });

  test('a deny wins over every allow', () => {
    expect(workload(KafkaClientRole.PRODUCER, [Acl.topicPrefix('o').allow(AclOperation.ALL), Acl.topic('orders').deny(AclOperation.DESCRIBE)])).toThrow(
      /user is 'app', whose acls\[1\] denies Describe on topic 'orders', which a producer needs; a deny wins over every allow .*remove acls\[1\] of user 'app'/,
    );
    expect(workload(KafkaClientRole.CONSUMER, [Acl.topic('*').allow(AclOperation.ALL), Acl.group('*').deny(AclOperation.ALL)])).toThrow(/acls\[1\] denies Read on group 'app'/);
  });

  test('an allow limited to a host does not count: pod addresses are not known at synth', () => {
    expect(workload(KafkaClientRole.PRODUCER, [Acl.topic('orders').allow(AclOperation.WRITE).fromHost('10.0.0.1')])).toThrow(/do not allow Write on topic 'orders'/);
  });

  test.each<[string, () => () => KafkaClientWorkload]>([
    ['literal ACLs (Write implies Describe)', () => workload(KafkaClientRole.PRODUCER, [Acl.topic('orders').allow(AclOperation.WRITE)])],
    ['prefix ACLs', () => workload(KafkaClientRole.CONSUMER, [Acl.topicPrefix('ord').allow(AclOperation.READ), Acl.groupPrefix('ap').allow(AclOperation.READ)])],
    ["'*' ACLs", () => workload(KafkaClientRole.CONSUMER, [Acl.topic('*').allow(AclOperation.ALL), Acl.group('*').allow(AclOperation.READ)])],
    ['a deny of something else (a deny of Read does not deny Describe)', () => workload(KafkaClientRole.PRODUCER, [Acl.topic('orders').allow(AclOperation.WRITE), Acl.topic('orders').deny(AclOperation.READ)])],
    ['a super user', () => workload(KafkaClientRole.PRODUCER, [], { authorization: KafkaAuthorization.simple(['CN=app']), authentication: UserAuthentication.tls() })],
    ['no authorization', () => workload(KafkaClientRole.PRODUCER, [], { authorization: KafkaAuthorization.none() })],
    ['allow.everyone.if.no.acl.found', () => workload(KafkaClientRole.PRODUCER, [], { config: { 'allow.everyone.if.no.acl.found': true } })],
  ])('the right value: %s', (_case, make) => {
    expect(make()).not.toThrow();
  });
});

describe('App-wide: nothing leaks between apps', () => {
  test('topics of one app do not collide with those of another', () => {
    for (let i = 0; i < 2; i++) {
      const chart = new Chart(new App({ outdir: Testing.app().outdir }), 'test');
      const kafka = new KafkaCluster(chart, 'Kafka', { namespace: 'kafka' });
      new KafkaTopic(chart, 'Orders', { cluster: kafka, topicName: 'orders.v1' });
      expect(() => synth(chart)).not.toThrow();
    }
  });
});
