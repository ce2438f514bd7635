import { Subject, throwPropError } from '../core/errors';

/**
 * Broker defaults for a cluster that must not lose acknowledged writes: three replicas, two of
 * them in sync for `acks=all`, the same for the internal topics, and no topics created by
 * accident (a typo in a producer would otherwise create a topic with broker defaults).
 */
export const DURABLE_BROKER_CONFIG: Readonly<Record<string, number | boolean>> = {
  'default.replication.factor': 3,
  'min.insync.replicas': 2,
  'offsets.topic.replication.factor': 3,
  'transaction.state.log.replication.factor': 3,
  'transaction.state.log.min.isr': 2,
  'auto.create.topics.enable': false,
};

/** What is wrong with a min ISR for a replication factor, and the fix. */
export interface MinIsrProblem {
  readonly problem: string;
  readonly fix: string;
}

/**
 * The durability rule for a replication factor `rf` and its `min.insync.replicas` `isr`, the
 * one the cluster and its topics share: `1 <= isr < rf`, so that one replica can be down and
 * acks=all writes go on (Kafka itself rejects `min.insync.replicas` below 1: `atLeast(1)`).
 * `rf = isr = 1` is allowed where `singleReplica` is (a development cluster).
 */
export function minIsrProblem(rf: number, isr: number, singleReplica: boolean): MinIsrProblem | undefined {
  if (!Number.isInteger(isr) || isr < 1) {
    return { problem: 'must be a whole number >= 1 (Kafka rejects less)', fix: `set it to ${Math.max(1, rf - 1)}` };
  }
  if (isr < rf || (singleReplica && rf === 1 && isr === 1)) return undefined;
  if (rf <= 1) {
    return {
      problem: 'must be less than the replication factor (1), which no min ISR can be: one replica has no spare',
      fix: singleReplica ? 'set it to 1' : 'raise the replication factor to 3 (with min.insync.replicas 2), or use profile: ClusterProfile.DEVELOPMENT for a throwaway cluster',
    };
  }
  return { problem: `must be less than the replication factor (${rf}), or one replica down stops every acks=all write`, fix: `set it to ${rf - 1}` };
}

/** What is wrong with a value of a Kafka configuration, for {@link replicationProblems}. */
export interface ConfigProblem {
  /** The prop, e.g. `config['min.insync.replicas']`. */
  readonly prop: string;
  /** What is wrong, e.g. `exceeds the 3 brokers`. */
  readonly problem: string;
  /** The value received. */
  readonly value: unknown;
  /** What to do. */
  readonly fix: string;
}

/**
 * The replication factors of a broker configuration and the min ISR that goes with each: the
 * default for new topics, and the internal topics' (`__transaction_state`, `__consumer_offsets`).
 */
const REPLICATION_PAIRS: ReadonlyArray<readonly [rf: string, isr: string | undefined]> = [
  ['default.replication.factor', 'min.insync.replicas'],
  ['transaction.state.log.replication.factor', 'transaction.state.log.min.isr'],
  ['offsets.topic.replication.factor', undefined],
];

/**
 * The replication rules of a broker configuration (`config`: the durable defaults under the
 * user's) for a cluster of `brokers` brokers, shared by every cluster construct: each replication
 * factor is a whole number >= 1 (Kafka: `offsets.topic.replication.factor` and
 * `transaction.state.log.replication.factor` are `atLeast(1)`; a topic needs a replica) and at
 * most the brokers (Kafka cannot place more replicas than brokers: the internal topic is never
 * created, so consumers cannot commit offsets and transactions never start), and each min ISR
 * follows {@link minIsrProblem} against its factor. `singleReplica` allows RF 1 with min ISR 1
 * (a development cluster). Messages as `propError` takes them, one per problem, in key order.
 */
export function replicationProblems(config: Readonly<Record<string, unknown>>, brokers: number, singleReplica: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [rfKey, isrKey] of REPLICATION_PAIRS) {
    const rf = Number(config[rfKey]);
    if (!Number.isInteger(rf) || rf < 1) {
      problems.push({ prop: `config['${rfKey}']`, problem: 'must be a whole number >= 1: every partition needs a replica', value: config[rfKey], fix: `set it to ${Math.max(1, Math.min(3, brokers))}` });
      continue;
    }
    if (brokers > 0 && rf > brokers) {
      problems.push({ prop: `config['${rfKey}']`, problem: `exceeds the ${brokers} brokers`, value: rf, fix: `add brokers or lower it to ${brokers}` });
    }
    if (isrKey === undefined) continue;
    const isr = Number(config[isrKey]);
    const problem = minIsrProblem(rf, isr, singleReplica);
    if (problem !== undefined) problems.push({ prop: `config['${isrKey}']`, problem: `${problem.problem} (${rfKey} is ${rf})`, value: isr, fix: problem.fix });
  }
  return problems;
}

/** Kafka's whole-number `ConfigDef` types and their ranges (Java `int`, `short`, `long`). */
type WholeType = 'INT' | 'SHORT' | 'LONG';
const RANGES: Readonly<Record<WholeType, readonly [bigint, bigint]>> = {
  INT: [-(2n ** 31n), 2n ** 31n - 1n],
  SHORT: [-(2n ** 15n), 2n ** 15n - 1n],
  LONG: [-(2n ** 63n), 2n ** 63n - 1n],
};

/**
 * Keys Kafka defines as `Type.INT` (or `Type.SHORT`), by name: the topic configs of `LogConfig`
 * and the broker configs of `ServerConfigs`, `ServerLogConfigs`, `SocketServerConfigs`,
 * `ReplicationConfigs`, `KRaftConfigs`, `QuorumConfig`, `CleanerConfig`, `GroupCoordinatorConfig`,
 * `ShareCoordinatorConfig`, `TransactionLogConfig`, `TransactionStateManagerConfig`,
 * `RemoteLogManagerConfig`, `QuotaConfig` and `MetricConfigs` (apache/kafka). Kafka parses them
 * with `Integer.parseInt` (`Short.parseShort`), so `'segment.bytes': 4294967296` fails.
 */
const WHOLE_KEYS: ReadonlyMap<string, WholeType> = new Map<string, WholeType>([
  // LogConfig (topic configs and their broker defaults)
  ...['segment.bytes', 'log.segment.bytes', 'segment.index.bytes', 'log.index.size.max.bytes', 'index.interval.bytes', 'log.index.interval.bytes',
    'max.message.bytes', 'message.max.bytes', 'min.insync.replicas', 'compression.gzip.level', 'compression.lz4.level', 'compression.zstd.level',
    'log.retention.hours', 'log.retention.minutes', 'log.roll.hours', 'log.roll.jitter.hours', 'num.partitions', 'num.recovery.threads.per.data.dir',
    'log.flush.offset.checkpoint.interval.ms', 'log.flush.start.offset.checkpoint.interval.ms',
  ].map((k): [string, WholeType] => [k, 'INT']),
  // ServerConfigs, SocketServerConfigs, ReplicationConfigs, KRaftConfigs, QuorumConfig, CleanerConfig, MetricConfigs
  ...['background.threads', 'num.io.threads', 'num.network.threads', 'num.replica.alter.log.dirs.threads', 'num.replica.fetchers', 'queued.max.requests',
    'request.timeout.ms', 'socket.receive.buffer.bytes', 'socket.send.buffer.bytes', 'socket.request.max.bytes', 'socket.listen.backlog.size',
    'max.connections', 'max.connections.per.ip', 'max.connection.creation.rate', 'connection.failed.authentication.delay.ms',
    'default.replication.factor', 'replica.fetch.max.bytes', 'replica.fetch.min.bytes', 'replica.fetch.response.max.bytes', 'replica.fetch.wait.max.ms',
    'replica.fetch.backoff.ms', 'replica.socket.timeout.ms', 'replica.socket.receive.buffer.bytes', 'controller.socket.timeout.ms',
    'leader.imbalance.per.broker.percentage', 'fetch.purgatory.purge.interval.requests', 'producer.purgatory.purge.interval.requests',
    'delete.records.purgatory.purge.interval.requests', 'broker.heartbeat.interval.ms', 'broker.session.timeout.ms', 'initial.broker.registration.timeout.ms',
    'metadata.log.segment.bytes', 'metadata.max.idle.interval.ms', 'controller.quorum.append.linger.ms', 'controller.quorum.election.backoff.max.ms',
    'controller.quorum.election.timeout.ms', 'controller.quorum.fetch.timeout.ms', 'controller.quorum.request.timeout.ms', 'controller.quorum.retry.backoff.ms',
    'log.cleaner.threads', 'log.cleaner.io.buffer.size', 'metrics.num.samples', 'kafka.metrics.polling.interval.secs',
  ].map((k): [string, WholeType] => [k, 'INT']),
  // GroupCoordinatorConfig, ShareCoordinatorConfig, TransactionLogConfig, TransactionStateManagerConfig
  ...['group.initial.rebalance.delay.ms', 'group.min.session.timeout.ms', 'group.max.session.timeout.ms', 'group.max.size', 'group.coordinator.threads',
    'group.coordinator.append.linger.ms', 'group.consumer.session.timeout.ms', 'group.consumer.min.session.timeout.ms', 'group.consumer.max.session.timeout.ms',
    'group.consumer.heartbeat.interval.ms', 'group.consumer.min.heartbeat.interval.ms', 'group.consumer.max.heartbeat.interval.ms', 'group.consumer.max.size',
    'group.share.session.timeout.ms', 'group.share.min.session.timeout.ms', 'group.share.max.session.timeout.ms', 'group.share.heartbeat.interval.ms',
    'group.share.min.heartbeat.interval.ms', 'group.share.max.heartbeat.interval.ms', 'group.share.max.size',
    'offsets.topic.num.partitions', 'offsets.topic.segment.bytes', 'offsets.topic.compression.codec', 'offsets.load.buffer.size', 'offsets.retention.minutes',
    'offsets.commit.timeout.ms', 'offset.metadata.max.bytes', 'share.coordinator.state.topic.num.partitions', 'share.coordinator.state.topic.segment.bytes',
    'share.coordinator.state.topic.compression.codec', 'share.coordinator.threads', 'share.coordinator.load.buffer.size', 'share.coordinator.append.linger.ms',
    'share.coordinator.write.timeout.ms', 'share.coordinator.snapshot.update.records.per.snapshot', 'transaction.state.log.num.partitions',
    'transaction.state.log.segment.bytes', 'transaction.state.log.load.buffer.size', 'transaction.state.log.min.isr', 'producer.id.expiration.ms',
    'transaction.max.timeout.ms', 'transactional.id.expiration.ms', 'transaction.abort.timed.out.transaction.cleanup.interval.ms',
    'transaction.remove.expired.transaction.cleanup.interval.ms',
  ].map((k): [string, WholeType] => [k, 'INT']),
  // RemoteLogManagerConfig, QuotaConfig
  ...['remote.fetch.max.wait.ms', 'remote.log.manager.thread.pool.size', 'remote.log.manager.copier.thread.pool.size', 'remote.log.manager.expiration.thread.pool.size',
    'remote.log.manager.copy.quota.window.num', 'remote.log.manager.copy.quota.window.size.seconds', 'remote.log.manager.fetch.quota.window.num',
    'remote.log.manager.fetch.quota.window.size.seconds', 'remote.log.metadata.custom.metadata.max.bytes', 'remote.log.reader.threads',
    'remote.log.reader.max.pending.tasks', 'quota.window.num', 'quota.window.size.seconds', 'replication.quota.window.num', 'replication.quota.window.size.seconds',
    'alter.log.dirs.replication.quota.window.num', 'alter.log.dirs.replication.quota.window.size.seconds', 'controller.quota.window.num', 'controller.quota.window.size.seconds',
  ].map((k): [string, WholeType] => [k, 'INT']),
  // Type.SHORT
  ...['offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'share.coordinator.state.topic.replication.factor',
    'share.coordinator.state.topic.min.isr',
  ].map((k): [string, WholeType] => [k, 'SHORT']),
  // Type.LONG keys the suffixes below do not name
  ...['leader.replication.throttled.rate', 'follower.replication.throttled.rate', 'replica.alter.log.dirs.io.max.bytes.per.second',
    'remote.log.manager.copy.max.bytes.per.second', 'remote.log.manager.fetch.max.bytes.per.second', 'metadata.log.max.record.bytes.between.snapshots',
  ].map((k): [string, WholeType] => [k, 'LONG']),
]);

/**
 * Keys whose name ends like a whole number's but that are lists: the throttled replicas of a
 * topic (`LogConfig` `Type.LIST`, e.g. `'0:101,1:102'` or `'*'`).
 */
const NOT_WHOLE = new Set(['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas']);

/**
 * The name endings of Kafka's LONG and INT keys (durations in ms, hours, minutes or seconds,
 * sizes in bytes, counts): a key Kafka does not define by name above (a plugin's, a newer
 * Kafka's) that ends so is taken as a LONG, the widest. (Not every `.factor`:
 * log.cleaner.io.buffer.load.factor is a DOUBLE; `.replicas` also ends the throttled-replica lists.)
 */
const WHOLE_SUFFIX = /(\.(ms|bytes|messages|replicas|isr|partitions|threads|hours|minutes|seconds|secs|size|requests|num)|replication\.factor)$/;

/**
 * Enumerated values, as Kafka's `ConfigDef` validators take them (case-sensitive, after trimming):
 * `cleanup.policy` is a list of `compact` and `delete` (`LogConfig`: `ValidList.in(CLEANUP_POLICY_COMPACT,
 * CLEANUP_POLICY_DELETE)`), `message.timestamp.type` `ValidString.in("CreateTime", "LogAppendTime")`,
 * `compression.type` `in(BrokerCompressionType.names())`; and their broker defaults (`log.` prefix,
 * `ServerTopicConfigSynonyms`).
 */
const ENUMS: ReadonlyMap<string, { readonly values: readonly string[]; readonly list: boolean }> = new Map([
  ['cleanup.policy', { values: ['compact', 'delete'], list: true }],
  ['log.cleanup.policy', { values: ['compact', 'delete'], list: true }],
  ['message.timestamp.type', { values: ['CreateTime', 'LogAppendTime'], list: false }],
  ['log.message.timestamp.type', { values: ['CreateTime', 'LogAppendTime'], list: false }],
  ['compression.type', { values: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'], list: false }],
]);

/** What is wrong with `value` as a whole number of `type`, or undefined. */
function wholeNumberProblem(value: string | number | boolean, type: WholeType): { problem: string; fix: string } | undefined {
  const notWhole = { problem: 'must be a whole number (Kafka parses it as INT or LONG: no units)', fix: "use a number of the key's unit, e.g. 'retention.ms': 604800000 for 7 days" };
  const [min, max] = RANGES[type];
  const range = type === 'LONG' ? 'a Java long' : type === 'INT' ? 'a Java int' : 'a Java short';
  const outOfRange = { problem: `must be from ${min} to ${max}: Kafka parses it as ${type} (${range})`, fix: `use a value within that range${type === 'LONG' ? '' : `, at most ${max}`}` };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return notWhole;
    // Above 2^53 a JavaScript number is not the integer it was written as (and 1e21 is written '1e+21').
    if (!Number.isSafeInteger(value)) {
      return BigInt(value) < min || BigInt(value) > max ? outOfRange : { problem: `is beyond ${Number.MAX_SAFE_INTEGER}, which a JavaScript number cannot hold exactly`, fix: 'give it as a string of digits' };
    }
    return BigInt(value) < min || BigInt(value) > max ? outOfRange : undefined;
  }
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) return notWhole;
  const n = BigInt(value.trim());
  return n < min || n > max ? outOfRange : undefined;
}

/** The value types of Kafka's `ConfigDef` the library can tell from a key's name. */
const VALUE_TYPES: ReadonlyArray<{ readonly suffix: RegExp; readonly type: string; readonly valid: (v: string | number | boolean) => boolean; readonly example: string }> = [
  // DOUBLE keys, e.g. min.cleanable.dirty.ratio.
  {
    suffix: /\.ratio$/,
    type: 'a number (Kafka parses it as DOUBLE)',
    valid: (v) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))),
    example: 'e.g. 0.5',
  },
  // BOOLEAN keys (ConfigDef accepts true or false, any case).
  {
    suffix: /\.enable$/,
    type: 'true or false (Kafka parses it as BOOLEAN)',
    valid: (v) => typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v.trim())),
    example: 'true or false',
  },
];

/**
 * Throws a prop error naming `subject` unless every value of a Kafka configuration (`prop`, e.g.
 * `config`) is a string, a finite number or a boolean, of the type Kafka parses it as where the
 * library knows the key: whole numbers (`*.ms`, `*.bytes`, `*.hours`, … and the INT keys by
 * name) within the Java type's range (`'retention.ms': '7d'` or `'segment.bytes': 2 ** 32` would
 * leave Strimzi reporting the resource NotReady), booleans, doubles, and the values of the
 * enumerated keys (`cleanup.policy`, `message.timestamp.type`, `compression.type`).
 */
export function checkConfigValues(subject: Subject, prop: string, config: unknown): void {
  if (config === undefined) return;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throwPropError(subject, prop, 'must be an object of Kafka configuration options', config, "pass e.g. { 'retention.ms': 604800000 }");
  }
  for (const [key, value] of Object.entries(config)) {
    const fail = (problem: string, fix: string) => throwPropError(subject, `${prop}['${key}']`, problem, value, fix);
    if (!(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
      fail('must be a string, a finite number or a boolean', 'give the value as Kafka reads it from a properties file');
    }
    const whole = WHOLE_KEYS.get(key) ?? (!NOT_WHOLE.has(key) && WHOLE_SUFFIX.test(key) ? 'LONG' : undefined);
    if (whole !== undefined) {
      const problem = wholeNumberProblem(value, whole);
      if (problem !== undefined) fail(problem.problem, problem.fix);
      continue;
    }
    const choices = ENUMS.get(key);
    if (choices !== undefined) {
      const items = typeof value !== 'string' ? [String(value)] : choices.list ? (value.trim() === '' ? [] : value.trim().split(/\s*,\s*/)) : [value.trim()];
      const wrong = typeof value !== 'string' ? items : items.filter((item) => !choices.values.includes(item));
      if (wrong.length > 0) {
        fail(`must be ${choices.list ? 'a comma-separated list of' : 'one of'} ${choices.values.join(', ')} (Kafka's values, case-sensitive)`, `use e.g. '${choices.values[0]}'`);
      }
      continue;
    }
    const rule = VALUE_TYPES.find((t) => t.suffix.test(key));
    if (rule !== undefined && !rule.valid(value)) fail(`must be ${rule.type}`, `use ${rule.example}`);
  }
}

/**
 * Options Strimzi sets itself and ignores in `spec.kafka.config` (cluster-operator
 * `KafkaConfiguration.FORBIDDEN_PREFIXES`), and the exceptions it lets through.
 */
const FORBIDDEN_PREFIXES = [
  'listeners', 'advertised.', 'broker.', 'listener.', 'host.name', 'port', 'inter.broker.listener.name',
  'sasl.', 'ssl.', 'security.', 'password.', 'log.dir', 'zookeeper.connect', 'zookeeper.set.acl',
  'zookeeper.ssl', 'zookeeper.clientCnxnSocket', 'authorizer.', 'super.user', 'cruise.control.metrics.topic',
  'cruise.control.metrics.reporter.bootstrap.servers', 'node.id', 'process.roles', 'controller.', 'metadata.log.dir',
];
const ALLOWED_EXCEPTIONS = new Set([
  'zookeeper.connection.timeout.ms', 'broker.session.timeout.ms', 'broker.heartbeat.interval.ms',
  'controller.socket.timeout.ms', 'sasl.server.max.receive.size', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols',
  'ssl.secure.random.implementation', 'cruise.control.metrics.topic.num.partitions',
  'cruise.control.metrics.topic.replication.factor', 'cruise.control.metrics.topic.retention.ms',
  'cruise.control.metrics.topic.auto.create.retries', 'cruise.control.metrics.topic.auto.create.timeout.ms',
  'cruise.control.metrics.topic.min.insync.replicas', 'controller.quorum.election.backoff.max.ms',
  'controller.quorum.election.timeout.ms', 'controller.quorum.fetch.timeout.ms',
]);

/** Options KRaft clusters ignore, which Strimzi's spec checker warns about. */
const KRAFT_IGNORED = new Set(['inter.broker.protocol.version', 'log.message.format.version']);

/**
 * Rejects options Strimzi would silently drop, and the ZooKeeper-era version options its spec
 * checker warns about, so that nobody believes they are set.
 */
export function checkBrokerConfig(subject: Subject, config: Readonly<Record<string, unknown>>): void {
  checkConfigValues(subject, 'config', config);
  for (const key of Object.keys(config)) {
    if (KRAFT_IGNORED.has(key)) {
      throwPropError(subject, `config['${key}']`, 'is not used by KRaft clusters (Kafka 4 versions itself through metadataVersion)', config[key], 'remove it; the cluster version sets the metadata version');
    }
    const prefix = FORBIDDEN_PREFIXES.find((p) => key.startsWith(p));
    if (prefix !== undefined && !ALLOWED_EXCEPTIONS.has(key)) {
      throwPropError(subject, `config['${key}']`, `is managed by Strimzi (options starting with '${prefix}' are ignored)`, config[key], 'remove it; use the listener, authorization or node pool props instead');
    }
  }
}
