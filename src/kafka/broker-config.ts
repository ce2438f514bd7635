import { IConstruct } from 'constructs';
import { propError } from '../core/errors';
// ClusterProfile is read when a check runs, after kafka-cluster.ts (which imports this module) has loaded.
import { ClusterProfile, type IKafkaCluster } from './kafka-cluster';
import { Subject, throwPropError } from '../core/errors';
import { ConfigDefinition, configDefinitions, ConfigIssue, ConfigSet, ConfigType, configValueIssue, modelVersion, unknownKeyIssue } from './config-model';

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
  // One replica may be its own min ISR only where a single replica is allowed (DEVELOPMENT).
  const fits = (value: number) => Number.isInteger(value) && value >= 1 && (value < rf || (singleReplica && rf === 1 && value === 1));
  if (fits(isr)) return undefined;
  const problem = !Number.isInteger(isr) || isr < 1
    ? 'must be a whole number >= 1 (Kafka rejects less)'
    : rf <= 1
      ? 'must be less than the replication factor (1), which no min ISR can be: one replica has no spare'
      : `must be less than the replication factor (${rf}), or one replica down stops every acks=all write`;
  // A fix never proposes the value already set, nor one this check refuses in turn.
  const proposal = Math.max(1, rf - 1);
  const fix = fits(proposal) && proposal !== isr
    ? `set it to ${proposal}`
    : 'raise the replication factor to 3 (with min.insync.replicas 2), or use profile: ClusterProfile.DEVELOPMENT for a throwaway cluster';
  return { problem, fix };
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

/**
 * The Kafka version a configuration of `scope` is judged by: a `KafkaCluster`'s `version` (the
 * cluster resolves it before it checks its config), else the default version (Strimzi 1.2's).
 */
function clusterVersion(scope: IConstruct): string {
  return modelVersion((scope as { readonly version?: unknown }).version);
}

/** A Kafka 3.x key that Kafka 4.0 removed: why, and what to do. */
interface Removed {
  readonly why: string;
  readonly fix: string;
}

/**
 * Broker configs of Kafka 3.x that Kafka 4.0 removed, which the model (Kafka 4.2 on) cannot name:
 * the version pins KRaft replaces with the metadata version (KIP-724, KIP-778), the message-format
 * options that went with formats v0 and v1, ZooKeeper's, and options retired with them.
 */
const REMOVED_BROKER_CONFIGS: ReadonlyMap<string, Removed> = new Map([
  ['inter.broker.protocol.version', { why: 'is not used by KRaft clusters (Kafka 4 versions itself through metadataVersion)', fix: 'remove it; the cluster version sets the metadata version' }],
  ['log.message.format.version', { why: 'is not used by KRaft clusters (Kafka 4 versions itself through metadataVersion)', fix: 'remove it; the cluster version sets the metadata version' }],
  ['log.message.downconversion.enable', { why: 'is not a broker config of Kafka 4: Kafka 4.0 removed it with down-conversion (KIP-724): brokers no longer convert records for old consumers', fix: 'remove it' }],
  ['log.message.timestamp.difference.max.ms', { why: 'is not a broker config of Kafka 4: Kafka 4.0 removed it (KIP-937)', fix: "use 'log.message.timestamp.before.max.ms' and 'log.message.timestamp.after.max.ms'" }],
  ['offsets.commit.required.acks', { why: 'is not a broker config of Kafka 4: Kafka 4.0 removed it (KIP-1041): offset commits always wait for all in-sync replicas', fix: 'remove it' }],
  ['delegation.token.master.key', { why: 'is not a broker config of Kafka 4: Kafka 4.0 removed it', fix: "use 'delegation.token.secret.key'" }],
]);

/** ZooKeeper's options (`zookeeper.*`), which Kafka 4.0 removed with ZooKeeper. */
const ZOOKEEPER_REMOVED: Removed = { why: 'is not a broker config of Kafka 4: Kafka 4.0 removed ZooKeeper, and KRaft clusters keep their metadata in the controller quorum', fix: 'remove it' };

/**
 * Broker options that plugins read, not Kafka's `ConfigDef` (so not in the model), typed by hand:
 * `StandardAuthorizer`'s `super.users` (principals joined by ';') and
 * `allow.everyone.if.no.acl.found`, and the options of Cruise Control's metrics reporter that
 * Strimzi lets through (its `cruise.control.metrics.topic.*` exceptions), typed by their names (a
 * count, a replication factor, milliseconds).
 */
const PLUGIN_CONFIGS: ReadonlyMap<string, ConfigDefinition> = new Map([
  ['super.users', { type: 'STRING', importance: 'high' }],
  ['allow.everyone.if.no.acl.found', { type: 'BOOLEAN', default: 'false', importance: 'high' }],
  ...[
    ['cruise.control.metrics.topic.num.partitions', 'INT'],
    ['cruise.control.metrics.topic.replication.factor', 'SHORT'],
    ['cruise.control.metrics.topic.min.insync.replicas', 'INT'],
    ['cruise.control.metrics.topic.retention.ms', 'LONG'],
    ['cruise.control.metrics.topic.auto.create.retries', 'INT'],
    ['cruise.control.metrics.topic.auto.create.timeout.ms', 'LONG'],
  ].map(([key, type]): [string, ConfigDefinition] => [key, { type: type as ConfigType, importance: 'low', validator: { range: ['1', null] } }]),
]);

/**
 * The broker definition of `key`, also when it is prefixed with a listener
 * (`listener.name.<listener>.<config>`, and `listener.name.<listener>.<mechanism>.sasl.*` for one
 * SASL mechanism), as Kafka takes the security and connection options of one listener.
 */
function brokerDefinition(key: string, version: string): ConfigDefinition | undefined {
  const definitions = configDefinitions('broker', version);
  const definition = definitions.get(key) ?? PLUGIN_CONFIGS.get(key);
  if (definition !== undefined) return definition;
  const listener = /^listener\.name\.[^.]+\.(.+)$/.exec(key);
  if (listener === null) return undefined;
  return definitions.get(listener[1]) ?? definitions.get(listener[1].replace(/^[^.]+\.(?=sasl\.|connections\.max\.reauth\.ms$)/, ''));
}

/** What is wrong with `key`, which the broker configs of Kafka `version` do not define. */
function brokerKeyIssue(key: string, version: string): ConfigIssue {
  const removed = REMOVED_BROKER_CONFIGS.get(key) ?? (key.startsWith('zookeeper.') ? ZOOKEEPER_REMOVED : undefined);
  if (removed !== undefined) return { problem: removed.why, fix: removed.fix };
  const ignored = 'Kafka ignores a key it does not define (it only logs it as unused), so it would do nothing';
  const synonym = [...BROKER_TOPIC_SYNONYMS].find(([broker, s]) => s.topic === key && s.unit === undefined && broker !== key)?.[0];
  if (synonym !== undefined && configDefinitions('topic', version).has(key)) {
    return { problem: `is a topic config, not a broker config: ${ignored}`, fix: `use '${synonym}', the default of every topic, or set '${key}' on the topic (addTopic's config)` };
  }
  // The options of Cruise Control's metrics reporter, which runs in the brokers and reads them
  // from their configuration (CruiseControlMetricsReporterConfig): a plugin's, not Kafka's.
  if (key.startsWith('cruise.control.metrics.reporter.')) {
    return { problem: "is an option of Cruise Control's metrics reporter in the brokers, not of Kafka's broker config", fix: 'set it in pluginConfig (Strimzi writes the reporter\'s connection options itself: leave those out)' };
  }
  return unknownKeyIssue('broker', version, key, ignored, "check the name in Kafka's broker configs; if a plugin reads it (a custom authorizer's, a principal builder's or a metrics reporter's own option), set it in pluginConfig");
}

/**
 * Throws a prop error naming `subject` unless `pluginConfig` holds only options a plugin of the
 * brokers reads (a custom authorizer, a principal builder, a metrics reporter: Kafka hands every
 * option of `server.properties` to their `configure()`), which Kafka's model cannot judge: each key
 * one line of the properties file, none Strimzi manages (it would drop it), none Kafka defines
 * (that belongs in `config`, where its value is checked; so no key is in both), and every value
 * a string, a finite number or a boolean on one line.
 */
export function checkPluginConfig(subject: Subject, prop: string, pluginConfig: Readonly<Record<string, unknown>> | undefined, version: string): void {
  if (pluginConfig === undefined) return;
  const prototype = Object.getPrototypeOf(pluginConfig);
  if (typeof pluginConfig !== 'object' || pluginConfig === null || Array.isArray(pluginConfig) || (prototype !== Object.prototype && prototype !== null)) {
    throwPropError(subject, prop, 'must be a plain object of options', pluginConfig, "pass e.g. { 'strimzi.authorization.client.id': 'kafka' }");
  }
  for (const [key, value] of Object.entries(pluginConfig)) {
    const at = `${prop}[${/^[\w.-]+$/.test(key) ? `'${key}'` : JSON.stringify(key)}]`;
    const injection = lineBreakIssue(key, value);
    if (injection !== undefined) throwPropError(subject, at, injection.problem, value, injection.fix);
    if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'number' && !Number.isFinite(value))) {
      throwPropError(subject, at, 'must be a string, a finite number or a boolean', value, "give the value as the plugin reads it, e.g. 'false'");
    }
    const prefix = FORBIDDEN_PREFIXES.find((p) => key.startsWith(p));
    if (prefix !== undefined && !ALLOWED_EXCEPTIONS.has(key)) {
      throwPropError(subject, at, `is managed by Strimzi (options starting with '${prefix}' are ignored)`, value, 'remove it; use the listener, authorization or node pool props instead');
    }
    if (brokerDefinition(key, version) !== undefined || REMOVED_BROKER_CONFIGS.has(key)) {
      throwPropError(subject, at, `is a broker config Kafka ${version} defines, not a plugin's own option`, value, `set it in config, where its value is checked against Kafka's definition`);
    }
  }
}

/** What is wrong with `key`, which the topic configs of Kafka `version` do not define. */
function topicKeyIssue(key: string, value: unknown, version: string): ConfigIssue {
  const refused = `Kafka refuses it on a topic ("Unknown topic config name: ${key}") and the KafkaTopic stays NotReady`;
  const removed = REMOVED_TOPIC_CONFIGS.get(key);
  if (removed !== undefined) return { problem: `is not a topic config of Kafka 4: ${removed.why}; ${refused}`, fix: removed.fix };
  const broker = BROKER_TOPIC_SYNONYMS.get(key);
  if (broker !== undefined) return { problem: `is a broker config (the cluster's default for its topics), not a topic config: ${refused}`, fix: `use the topic config ${asTopicConfig(broker, value)}, or set '${key}' on the cluster's config for every topic` };
  const synonym = BROKER_TOPIC_SYNONYMS.get(`log.${key}`) ?? BROKER_TOPIC_SYNONYMS.get(`log.cleaner.${key}`);
  if (synonym !== undefined) return { problem: `is not a topic config of Kafka ${version}, the cluster's version: ${refused}`, fix: `did you mean ${asTopicConfig(synonym, value)}?` };
  return unknownKeyIssue('topic', version, key, refused, "use one of Kafka's topic configs (TopicConfig), e.g. 'retention.ms'");
}

/**
 * Throws a prop error naming `subject` unless a Kafka configuration (`prop`, e.g. `config`) is
 * one Kafka `version` takes for `set` (the brokers', or a topic's), judged by Kafka's own
 * configuration model (`config-model.ts`): every key a key of the set (else the message names the
 * key meant: a typo's nearest key, the topic config of a broker key, a key other versions define,
 * or what replaced a key Kafka 4 removed), every value a string, a finite number or a boolean of
 * the type Kafka parses the key as (`'retention.ms': '7d'` fails, naming LONG and e.g. 604800000),
 * within its validator's range and among its valid values. A topic's LIST may also be an array of
 * strings, which Strimzi's topic operator joins with commas. Broker keys may be prefixed with a
 * listener (`listener.name.<listener>.`); `version` defaults to the version of the cluster
 * `subject` is about.
 */
export function checkConfigValues(subject: Subject, prop: string, config: unknown, set: 'broker' | 'topic' = 'broker', version: string = clusterVersion(subject.scope)): void {
  if (config === undefined) return;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throwPropError(subject, prop, 'must be an object of Kafka configuration options', config, "pass e.g. { 'retention.ms': 604800000 }");
  }
  const prototype = Object.getPrototypeOf(config);
  if (prototype !== Object.prototype && prototype !== null) {
    // A Map, a Date or a class instance has no own entries: every option in it would be dropped.
    throwPropError(subject, prop, `must be a plain object of Kafka configuration options, not a ${(prototype as { constructor?: { name?: string } }).constructor?.name ?? 'class instance'}`, config, "pass an object literal, e.g. { 'retention.ms': 604800000 } (Object.fromEntries(map) for a Map)");
  }
  for (const [key, value] of Object.entries(config)) {
    const fail = (issue: ConfigIssue): never => throwPropError(subject, `${prop}[${/^[\w.-]+$/.test(key) ? `'${key}'` : JSON.stringify(key)}]`, issue.problem, value, issue.fix);
    const injection = lineBreakIssue(key, value);
    if (injection !== undefined) fail(injection);
    const definition = set === 'topic' ? configDefinitions('topic', version).get(key) : brokerDefinition(key, version);
    if (definition === undefined) fail(set === 'topic' ? topicKeyIssue(key, value, version) : brokerKeyIssue(key, version));
    const issue = configValueIssue(key, definition!, value, { arrays: set === 'topic', example: set === 'broker' ? DURABLE_BROKER_CONFIG[key] : undefined });
    if (issue !== undefined) fail(issue);
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
 * Rejects options Strimzi would silently drop, and broker configs Kafka 4 removed (the version
 * pins its spec checker warns about), so that nobody believes they are set; then judges every key
 * and value by Kafka's model for the cluster's `version` ({@link checkConfigValues}).
 */
export function checkBrokerConfig(subject: Subject, config: Readonly<Record<string, unknown>>, version: string = clusterVersion(subject.scope)): void {
  if (typeof config === 'object' && config !== null && !Array.isArray(config)) {
    for (const key of Object.keys(config)) {
      const removed = REMOVED_BROKER_CONFIGS.get(key);
      if (removed !== undefined) throwPropError(subject, `config['${key}']`, removed.why, config[key], removed.fix);
      const prefix = FORBIDDEN_PREFIXES.find((p) => key.startsWith(p));
      if (prefix !== undefined && !ALLOWED_EXCEPTIONS.has(key)) {
        throwPropError(subject, `config['${key}']`, `is managed by Strimzi (options starting with '${prefix}' are ignored)`, config[key], 'remove it; use the listener, authorization or node pool props instead');
      }
    }
  }
  checkConfigValues(subject, 'config', config, 'broker', version);
}

/**
 * What Kafka `version` would not take in a configuration the library writes for `set` (a KRaft
 * pod's `server.properties`, a client's properties file), one line per key (`key=value: what is
 * wrong; what to do`), or none: keys and values judged as {@link checkConfigValues} judges a
 * user's, for the tests that hold every emitted configuration to Kafka's model.
 */
export function configIssues(set: ConfigSet, version: string, config: Readonly<Record<string, unknown>>): string[] {
  const issues: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    const injection = lineBreakIssue(key, value);
    if (injection !== undefined) {
      issues.push(`${JSON.stringify(key)}=${JSON.stringify(value)}: ${injection.problem}; ${injection.fix}`);
      continue;
    }
    const definition = set === 'broker' ? brokerDefinition(key, version) : configDefinitions(set, version).get(key);
    const issue = definition === undefined
      ? (set === 'broker' ? brokerKeyIssue(key, version) : set === 'topic' ? topicKeyIssue(key, value, version) : unknownKeyIssue(set, version, key, 'Kafka ignores it', 'remove it'))
      : configValueIssue(key, definition, value, { arrays: set === 'topic' });
    if (issue !== undefined) issues.push(`${key}=${String(value)}: ${issue.problem}; ${issue.fix}`);
  }
  return issues;
}

/**
 * A key or value that would not stay one `key=value` line of a properties file (Kafka's
 * server.properties, the file Strimzi writes from spec.kafka.config, a client's properties): a
 * line break or other control character starts another key — a value could set `super.users` —
 * and a key with `=`, `:` or whitespace splits where Java's `Properties.load` splits.
 */
function lineBreakIssue(key: string, value: unknown): ConfigIssue | undefined {
  if (key.trim() === '' || /[\s=:#!\\]|[\u0000-\u001f\u007f]/.test(key)) {
    return { problem: 'is not a Kafka configuration key: a key is non-empty, with no whitespace, control character, =, :, #, ! or backslash', fix: "use the key as Kafka's documentation spells it, e.g. 'retention.ms'" };
  }
  const texts = Array.isArray(value) ? value : [value];
  if (texts.some((t) => typeof t === 'string' && /[\u0000-\u001f\u007f]/.test(t))) {
    return { problem: 'must not contain a line break or other control character: in the properties file Kafka reads, the rest would become keys of its own (e.g. super.users)', fix: 'give the value on one line; a list is comma-separated' };
  }
  return undefined;
}

/** The largest replication factor: a Java short (`NewTopic`, `ConfigDef.Type.SHORT`). */
export const MAX_REPLICATION_FACTOR = 32767;

/**
 * The replication factor Kafka gives a topic created with "the broker's default" (-1, Kafka's
 * `CreateTopicsRequest.NO_REPLICATION_FACTOR`).
 */
export const BROKER_DEFAULT_REPLICATION_FACTOR = -1;

/**
 * The replication factor of topics a component (Kafka Connect, MirrorMaker 2) creates on
 * `cluster`: `given`, checked to be -1 ("the broker's default": Connect's
 * `TopicCreationConfig.REPLICATION_FACTOR_VALIDATOR` takes "a positive number ... or -1 to use the
 * broker's default", MirrorMaker 2 sends it as the `NewTopic` replication factor, and the
 * controller gives such a topic its `default.replication.factor`:
 * `ReplicationControlManager.createTopic`) or a whole number from 1 to a Java short; else the
 * cluster's `default.replication.factor` where it tells one (a KafkaCluster's is 3, or its brokers
 * up to 3 in DEVELOPMENT), else 3. `cluster` is undefined for a cluster known only by its address.
 */
export function componentReplicationFactor(subject: Subject, prop: string, given: number | undefined, cluster: IKafkaCluster | undefined): number {
  if (given !== undefined) {
    if (given !== BROKER_DEFAULT_REPLICATION_FACTOR && (!Number.isInteger(given) || given < 1 || given > MAX_REPLICATION_FACTOR)) {
      throwPropError(subject, prop, `must be a whole number from 1 to ${MAX_REPLICATION_FACTOR} (a Java short), or -1 for the broker's default.replication.factor`, given, 'set 3, or -1 for the broker default');
    }
    return given;
  }
  const clusterDefault = Number(cluster?.brokerConfig?.['default.replication.factor']);
  return Number.isInteger(clusterDefault) && clusterDefault >= 1 ? clusterDefault : 3;
}

/**
 * What is wrong with replication factor `rf` of the topics (`what`) a component (`creator`) creates on `cluster`,
 * as the cluster is at synth: more than its brokers (CreateTopics fails with
 * INVALID_REPLICATION_FACTOR), or not above its `min.insync.replicas`, which the topics inherit
 * (acks=all writes stop with a replica down, or always). -1 is checked as the cluster's
 * `default.replication.factor`, which the topics then get. Undefined when fine or not known.
 */
export function componentReplicationProblem(subject: Subject, prop: string, given: number, cluster: IKafkaCluster, creator: string, what: string): string | undefined {
  // -1: the topics get the cluster's default.replication.factor, checked where the cluster tells it.
  const rf = given === BROKER_DEFAULT_REPLICATION_FACTOR ? Number(cluster.brokerConfig?.['default.replication.factor']) : given;
  if (!Number.isInteger(rf) || rf < 1) return undefined;
  const value = given === BROKER_DEFAULT_REPLICATION_FACTOR ? `-1 (the broker default, default.replication.factor ${rf})` : rf;
  const brokers = cluster.brokerCount;
  const where = `cluster '${cluster.clusterName}' (${cluster.node.path})`;
  if (brokers !== undefined && brokers > 0 && rf > brokers) {
    return propError(subject, prop, `exceeds the ${brokers} brokers of ${where}, where ${creator} creates ${what}: CreateTopics fails (INVALID_REPLICATION_FACTOR)`, value, `set at most ${brokers}, or add brokers`);
  }
  const isr = Number(cluster.brokerConfig?.['min.insync.replicas']);
  if (!Number.isInteger(isr) || minIsrProblem(rf, isr, cluster.profile === ClusterProfile.DEVELOPMENT) === undefined) return undefined;
  const fixRf = isr + 1;
  return propError(subject, prop, `is ${rf < isr ? 'below' : 'not above'} the min.insync.replicas (${isr}) of ${where}, which ${what} inherit: ${rf < isr ? 'every acks=all write fails (NOT_ENOUGH_REPLICAS)' : 'one replica down stops every acks=all write'}`, value,
    brokers === undefined || fixRf <= brokers ? `set ${fixRf}` : `add brokers (it has ${brokers}), or lower the cluster's min.insync.replicas`);
}
