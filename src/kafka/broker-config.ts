import { Subject, throwPropError } from '../core/errors';
import { closestName } from '../core/naming';

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
 * default for new topics, and the internal topics' (`__transaction_state`, `__consumer_offsets`;
 * `__share_group_state` in `SHARE_STATE_PAIR`).
 */
const REPLICATION_PAIRS: ReadonlyArray<readonly [rf: string, isr: string | undefined]> = [
  ['default.replication.factor', 'min.insync.replicas'],
  ['transaction.state.log.replication.factor', 'transaction.state.log.min.isr'],
  ['offsets.topic.replication.factor', undefined],
];

/**
 * The share-group state topic (`__share_group_state`, KIP-932): its replication factor and min
 * ISR (Kafka `ShareCoordinatorConfig`: `share.coordinator.state.topic.replication.factor` and
 * `share.coordinator.state.topic.min.isr`, both `SHORT`, `atLeast(1)`, defaults 3 and 2). The
 * durable defaults do not set them, so they are checked when the configuration sets either, the
 * other one taking Kafka's default.
 */
const SHARE_STATE_PAIR = { rf: 'share.coordinator.state.topic.replication.factor', isr: 'share.coordinator.state.topic.min.isr', defaults: { rf: 3, isr: 2 } } as const;

/**
 * The replication rules of a broker configuration (`config`: the durable defaults under the
 * user's) for a cluster of `brokers` brokers, shared by every cluster construct: each replication
 * factor is a whole number >= 1 (Kafka: `offsets.topic.replication.factor`,
 * `transaction.state.log.replication.factor` and `share.coordinator.state.topic.replication.factor`
 * are `atLeast(1)`; a topic needs a replica) and at most the brokers (Kafka cannot place more
 * replicas than brokers: the internal topic is never created, so consumers cannot commit offsets,
 * transactions never start and share groups never get their state), and each min ISR
 * follows {@link minIsrProblem} against its factor. `singleReplica` allows RF 1 with min ISR 1
 * (a development cluster). Messages as `propError` takes them, one per problem, in key order.
 */
export function replicationProblems(config: Readonly<Record<string, unknown>>, brokers: number, singleReplica: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const share = SHARE_STATE_PAIR;
  const shareSet = config[share.rf] !== undefined || config[share.isr] !== undefined;
  const values: Readonly<Record<string, unknown>> = shareSet ? { [share.rf]: share.defaults.rf, [share.isr]: share.defaults.isr, ...config } : config;
  const pairs = shareSet ? [...REPLICATION_PAIRS, [share.rf, share.isr] as const] : REPLICATION_PAIRS;
  for (const [rfKey, isrKey] of pairs) {
    const rf = Number(values[rfKey]);
    if (!Number.isInteger(rf) || rf < 1) {
      problems.push({ prop: `config['${rfKey}']`, problem: 'must be a whole number >= 1: every partition needs a replica', value: values[rfKey], fix: `set it to ${Math.max(1, Math.min(3, brokers))}` });
      continue;
    }
    const rfDefault = config[rfKey] === undefined;
    if (brokers > 0 && rf > brokers) {
      problems.push({ prop: `config['${rfKey}']`, problem: `exceeds the ${brokers} brokers${rfDefault ? " (Kafka's default: the configuration does not set it)" : ''}`, value: rf, fix: `add brokers or ${rfDefault ? 'set' : 'lower'} it to ${brokers}` });
    }
    if (isrKey === undefined) continue;
    const isr = Number(values[isrKey]);
    const problem = minIsrProblem(rf, isr, singleReplica);
    if (problem !== undefined) {
      const isrDefault = config[isrKey] === undefined ? "; it is Kafka's default: the configuration does not set it" : '';
      problems.push({ prop: `config['${isrKey}']`, problem: `${problem.problem} (${rfKey} is ${rf}${rfDefault ? ", Kafka's default" : ''})${isrDefault}`, value: isr, fix: problem.fix });
    }
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
 * Lower bounds of whole-number keys users commonly set, as their `ConfigDef` validators have
 * them (`atLeast(1)`): Kafka refuses to start a broker (or to take a topic config) below them.
 * `LogConfig` (`num.partitions`, `log.roll.hours`, `log.cleanup.interval.ms`,
 * `log.flush.interval.messages`, `num.recovery.threads.per.data.dir`; topic `segment.ms`,
 * `flush.messages`, `max.compaction.lag.ms`), `CleanerConfig`, `ServerConfigs` (`num.io.threads`,
 * `background.threads`), `SocketServerConfigs` (`num.network.threads`, `queued.max.requests`,
 * `socket.request.max.bytes`), `GroupCoordinatorConfig` (`offsets.topic.num.partitions`,
 * `offsets.retention.minutes`), `TransactionLogConfig`, `TransactionStateManagerConfig` and
 * `ShareCoordinatorConfig` (apache/kafka). Replication factors and min ISRs have rules of their
 * own ({@link replicationProblems}, {@link minIsrProblem}).
 */
const AT_LEAST: ReadonlyMap<string, bigint> = new Map([
  'num.partitions', 'log.roll.hours', 'log.cleanup.interval.ms', 'log.flush.interval.messages', 'num.recovery.threads.per.data.dir',
  'segment.ms', 'flush.messages', 'max.compaction.lag.ms', 'log.cleaner.max.compaction.lag.ms',
  'num.io.threads', 'background.threads', 'num.network.threads', 'queued.max.requests', 'socket.request.max.bytes',
  'offsets.topic.num.partitions', 'offsets.retention.minutes', 'transaction.state.log.num.partitions', 'transaction.max.timeout.ms',
  'transactional.id.expiration.ms', 'share.coordinator.state.topic.num.partitions',
].map((k): [string, bigint] => [k, 1n]));

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
 * leave Strimzi reporting the resource NotReady), at least the lower bound Kafka's `ConfigDef`
 * sets where the library knows it (`'num.partitions': 0`), booleans, doubles, and the values of
 * the enumerated keys (`cleanup.policy`, `message.timestamp.type`, `compression.type`).
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
      const min = AT_LEAST.get(key);
      if (min !== undefined && BigInt(String(value).trim()) < min) {
        fail(`must be at least ${min} (Kafka's ConfigDef: atLeast(${min})), or Kafka refuses the configuration`, key.endsWith('partitions') ? 'set it to 1 or more, e.g. 3' : `set it to ${min} or more, or remove it for Kafka's default`);
      }
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
 * `KafkaConfiguration.FORBIDDEN_PREFIXES`), and the exceptions it lets through
 * (`KafkaClusterSpec.FORBIDDEN_PREFIX_EXCEPTIONS`: TLS tuning, SASL's receive size and KRaft
 * timeouts, which `KraftCluster` lets through too).
 */
const FORBIDDEN_PREFIXES = [
  'listeners', 'advertised.', 'broker.', 'listener.', 'host.name', 'port', 'inter.broker.listener.name',
  'sasl.', 'ssl.', 'security.', 'password.', 'log.dir', 'zookeeper.connect', 'zookeeper.set.acl',
  'zookeeper.ssl', 'zookeeper.clientCnxnSocket', 'authorizer.', 'super.user', 'cruise.control.metrics.topic',
  'cruise.control.metrics.reporter.bootstrap.servers', 'node.id', 'process.roles', 'controller.', 'metadata.log.dir',
];
export const ALLOWED_EXCEPTIONS: ReadonlySet<string> = new Set([
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

/**
 * The topic configs of the Kafka versions the library supports (4.2 and 4.3): the names of
 * `LogConfig`'s topic `ConfigDef` (apache/kafka `storage/.../log/LogConfig.java`, `CONFIG`: the
 * keys of `TopicConfig` and `QuotaConfig`'s throttled-replica lists), which is all
 * `LogConfig.validateNames` takes ("Unknown topic config name" otherwise), without the three Kafka
 * 4.0 removed (`REMOVED_TOPIC_CONFIGS`).
 */
export const TOPIC_CONFIG_NAMES: ReadonlySet<string> = new Set([
  'cleanup.policy', 'compression.gzip.level', 'compression.lz4.level', 'compression.type', 'compression.zstd.level',
  'delete.retention.ms', 'file.delete.delay.ms', 'flush.messages', 'flush.ms', 'follower.replication.throttled.replicas',
  'index.interval.bytes', 'leader.replication.throttled.replicas', 'local.retention.bytes', 'local.retention.ms',
  'max.compaction.lag.ms', 'max.message.bytes', 'message.timestamp.after.max.ms', 'message.timestamp.before.max.ms',
  'message.timestamp.type', 'min.cleanable.dirty.ratio', 'min.compaction.lag.ms', 'min.insync.replicas', 'preallocate',
  'remote.log.copy.disable', 'remote.log.delete.on.disable', 'remote.storage.enable', 'retention.bytes', 'retention.ms',
  'segment.bytes', 'segment.index.bytes', 'segment.jitter.ms', 'segment.ms', 'unclean.leader.election.enable',
]);

/**
 * Topic configs of Kafka 3.x that Kafka 4.0 removed: `message.format.version` and
 * `message.downconversion.enable` went with the message formats v0 and v1 (KIP-724: every record
 * is written as v2, so there is nothing to pin or down-convert), and
 * `message.timestamp.difference.max.ms` gave way to the before/after pair (KIP-937).
 */
const REMOVED_TOPIC_CONFIGS: ReadonlyMap<string, { readonly why: string; readonly fix: string }> = new Map([
  ['message.format.version', { why: 'Kafka 4.0 removed it with message formats v0 and v1 (KIP-724): every record is written in format v2', fix: 'remove it' }],
  ['message.downconversion.enable', { why: 'Kafka 4.0 removed it with down-conversion (KIP-724): brokers no longer convert records for old consumers', fix: 'remove it' }],
  ['message.timestamp.difference.max.ms', { why: 'Kafka 4.0 removed it (KIP-937)', fix: "use 'message.timestamp.before.max.ms' and 'message.timestamp.after.max.ms'" }],
]);

/**
 * Broker configs that set the default of a topic config, by broker key, with the unit to convert
 * from where the topic config takes milliseconds (apache/kafka `ServerTopicConfigSynonyms
 * .ALL_TOPIC_CONFIG_SYNONYMS`, without those the topic config shares its name with): a topic
 * given the broker key is refused ("Unknown topic config name").
 */
const BROKER_TOPIC_SYNONYMS: ReadonlyMap<string, { readonly topic: string; readonly unit?: 'hours' | 'minutes' }> = new Map([
  ['log.segment.bytes', { topic: 'segment.bytes' }],
  ['log.roll.ms', { topic: 'segment.ms' }],
  ['log.roll.hours', { topic: 'segment.ms', unit: 'hours' }],
  ['log.roll.jitter.ms', { topic: 'segment.jitter.ms' }],
  ['log.roll.jitter.hours', { topic: 'segment.jitter.ms', unit: 'hours' }],
  ['log.index.size.max.bytes', { topic: 'segment.index.bytes' }],
  ['log.flush.interval.messages', { topic: 'flush.messages' }],
  ['log.flush.interval.ms', { topic: 'flush.ms' }],
  ['log.flush.scheduler.interval.ms', { topic: 'flush.ms' }],
  ['log.retention.bytes', { topic: 'retention.bytes' }],
  ['log.retention.ms', { topic: 'retention.ms' }],
  ['log.retention.minutes', { topic: 'retention.ms', unit: 'minutes' }],
  ['log.retention.hours', { topic: 'retention.ms', unit: 'hours' }],
  ['message.max.bytes', { topic: 'max.message.bytes' }],
  ['log.index.interval.bytes', { topic: 'index.interval.bytes' }],
  ['log.cleaner.delete.retention.ms', { topic: 'delete.retention.ms' }],
  ['log.cleaner.min.compaction.lag.ms', { topic: 'min.compaction.lag.ms' }],
  ['log.cleaner.max.compaction.lag.ms', { topic: 'max.compaction.lag.ms' }],
  ['log.segment.delete.delay.ms', { topic: 'file.delete.delay.ms' }],
  ['log.cleaner.min.cleanable.ratio', { topic: 'min.cleanable.dirty.ratio' }],
  ['log.cleanup.policy', { topic: 'cleanup.policy' }],
  ['log.preallocate', { topic: 'preallocate' }],
  ['log.message.timestamp.type', { topic: 'message.timestamp.type' }],
  ['log.message.timestamp.before.max.ms', { topic: 'message.timestamp.before.max.ms' }],
  ['log.message.timestamp.after.max.ms', { topic: 'message.timestamp.after.max.ms' }],
  ['log.local.retention.ms', { topic: 'local.retention.ms' }],
  ['log.local.retention.bytes', { topic: 'local.retention.bytes' }],
]);

const MS_PER: Readonly<Record<'hours' | 'minutes', number>> = { hours: 3_600_000, minutes: 60_000 };

/** How to give `value` of a broker synonym as its topic config: the key, converted to milliseconds where the synonym counts hours or minutes. */
function asTopicConfig(synonym: { readonly topic: string; readonly unit?: 'hours' | 'minutes' }, value: unknown): string {
  if (synonym.unit === undefined) return `'${synonym.topic}'`;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  const ms = Number.isSafeInteger(n * MS_PER[synonym.unit]) ? ` (milliseconds: ${synonym.unit} × ${MS_PER[synonym.unit]}, e.g. '${synonym.topic}': ${n * MS_PER[synonym.unit]})` : ` (milliseconds: ${synonym.unit} × ${MS_PER[synonym.unit]})`;
  return `'${synonym.topic}'${ms}`;
}

/**
 * Throws a prop error naming `subject` unless every key of a topic configuration (`prop`, e.g.
 * `config`) is a topic config of the supported Kafka versions ({@link TOPIC_CONFIG_NAMES}): Kafka
 * refuses any other (`LogConfig.validateNames`: "Unknown topic config name"), so Strimzi's topic
 * operator leaves the KafkaTopic NotReady. The message names the topic config meant: the one a
 * broker config sets the default of (`log.retention.ms` → `retention.ms`; `retention.hours`, the
 * topic form of `log.retention.hours`, → `retention.ms` in milliseconds), else the nearest name.
 */
export function checkTopicConfigNames(subject: Subject, prop: string, config: unknown): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return; // checkConfigValues names a wrong shape
  for (const [key, value] of Object.entries(config)) {
    if (TOPIC_CONFIG_NAMES.has(key)) continue;
    const fail = (problem: string, fix: string): never => throwPropError(subject, `${prop}['${key}']`, problem, value, fix);
    const refused = `Kafka refuses it on a topic ("Unknown topic config name: ${key}") and the KafkaTopic stays NotReady`;
    const removed = REMOVED_TOPIC_CONFIGS.get(key);
    if (removed !== undefined) fail(`is not a topic config of Kafka 4: ${removed.why}; ${refused}`, removed.fix);
    const broker = BROKER_TOPIC_SYNONYMS.get(key);
    if (broker !== undefined) fail(`is a broker config (the cluster's default for its topics), not a topic config: ${refused}`, `use the topic config ${asTopicConfig(broker, value)}, or set '${key}' on the cluster's config for every topic`);
    const synonym = BROKER_TOPIC_SYNONYMS.get(`log.${key}`) ?? BROKER_TOPIC_SYNONYMS.get(`log.cleaner.${key}`);
    const meant = synonym !== undefined ? asTopicConfig(synonym, value) : closestName(key, TOPIC_CONFIG_NAMES);
    fail(`is not a topic config of Kafka 4.2 or 4.3: ${refused}`, meant !== undefined ? `did you mean ${synonym !== undefined ? meant : `'${meant}'`}?` : "use one of Kafka's topic configs (TopicConfig), e.g. 'retention.ms'");
  }
}
