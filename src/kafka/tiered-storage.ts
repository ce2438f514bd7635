import { Duration, Size, SizeRoundingBehavior } from 'cdk8s';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { checkArgs } from '../core/props';
import { javaClassNameProblem } from '../core/java';

/**
 * Tiered storage (KIP-405): brokers copy closed log segments to a remote store and keep only the
 * newest data on their disks. Strimzi configures the broker side (`spec.kafka.tieredStorage`,
 * `KafkaBrokerConfigurationBuilder.withTieredStorage`): `remote.log.storage.system.enable=true`,
 * Kafka's topic-based remote log metadata manager over the replication listener, and the
 * `RemoteStorageManager` plugin named here, whose options become `rsm.config.*`. Topics opt in
 * one by one (`KafkaTopicOptions.remoteStorage`).
 */

/** Options of {@link TieredStorage.custom}. */
export interface CustomTieredStorageOptions {
  /**
   * The `RemoteStorageManager` implementation, a Java class name
   * (`remote.log.storage.manager.class.name`), e.g.
   * `io.aiven.kafka.tieredstorage.RemoteStorageManager`. The plugin's jars must be in the Kafka
   * image (a custom image: Strimzi's does not ship one).
   */
  readonly className: string;
  /**
   * Where the plugin's jars are in the broker image (`remote.log.storage.manager.class.path`,
   * paths joined by ':', a trailing `/*` for every jar of a folder), loaded child-first
   * (`ChildFirstClassLoader`), e.g. `/opt/kafka/plugins/tiered-storage/*`.
   * @default - the broker's own class path (Strimzi then writes `class.path=null`, a path that
   * does not exist, which Kafka's ChildFirstClassLoader skips)
   */
  readonly classPath?: string;
  /**
   * The plugin's options, without the `rsm.config.` prefix Strimzi adds to each key (e.g.
   * `{ 'storage.backend.class': 'io.aiven.kafka.tieredstorage.storage.s3.S3Storage',
   * 'storage.s3.bucket.name': 'kafka-tiered' }`). Values are written as strings; keep secrets
   * out of them (`${strimzienv:...}` or `${secrets:...}` placeholders with a config provider).
   * @default - none
   */
  readonly config?: Record<string, string | number | boolean>;
}

/** The remote store of a cluster's tiered storage: Strimzi's `spec.kafka.tieredStorage`. */
export class TieredStorage {
  /**
   * A `RemoteStorageManager` plugin (Strimzi's only type, `custom`). Checked at once: the class
   * name is a Java class name, the class path and option keys and values fit on one
   * `server.properties` line, and no key carries the `rsm.config.` prefix Strimzi adds.
   */
  public static custom(options: CustomTieredStorageOptions): TieredStorage {
    checkArgs('TieredStorage.custom()', 'TieredStorage.custom', arguments);
    const factory = 'TieredStorage.custom()';
    const classProblem = javaClassNameProblem(options.className, { qualified: true });
    if (classProblem !== undefined) {
      throwFactoryError(factory, 'className', classProblem, options.className, "use the plugin's RemoteStorageManager class, e.g. 'io.aiven.kafka.tieredstorage.RemoteStorageManager'");
    }
    if (options.classPath !== undefined && (options.classPath.trim() === '' || /[\u0000-\u001f\u007f]/.test(options.classPath))) {
      throwFactoryError(factory, 'classPath', 'must be a non-empty class path on one line', options.classPath, "use e.g. '/opt/kafka/plugins/tiered-storage/*', or leave it unset for the broker's class path");
    }
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.config ?? {})) {
      const prop = `config[${JSON.stringify(key)}]`;
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(key)) {
        throwFactoryError(factory, prop, "is not a configuration key: letters, digits, '.', '_' and '-' (it becomes a key of the brokers' server.properties)", key, "use the plugin's option name, e.g. 'storage.s3.bucket.name'");
      }
      if (key.startsWith('rsm.config.')) {
        throwFactoryError(factory, prop, "carries the 'rsm.config.' prefix, which Strimzi adds to every key itself (KafkaBrokerConfigurationBuilder.withTieredStorage)", key, `use '${key.slice('rsm.config.'.length)}'`);
      }
      if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) {
        throwFactoryError(factory, prop, 'must not contain a line break or other control character: in server.properties the rest would become keys of its own', value, 'give the value on one line');
      }
      config[key] = String(value);
    }
    return new TieredStorage({
      type: strimzi.KafkaSpecKafkaTieredStorageType.CUSTOM,
      remoteStorageManager: {
        className: options.className,
        ...(options.classPath !== undefined && { classPath: options.classPath }),
        ...(Object.keys(config).length > 0 && { config }),
      },
    });
  }

  private constructor(
    /** @internal */ public readonly _spec: strimzi.KafkaSpecKafkaTieredStorage,
  ) {}

  /** The `RemoteStorageManager` class. */
  public get className(): string {
    return this._spec.remoteStorageManager!.className!;
  }
}

/** What a topic keeps on the brokers' disks once its segments are in the remote store. */
export interface TopicRemoteStorage {
  /**
   * How long a segment stays on the brokers' disks (`local.retention.ms`, whole milliseconds):
   * at most the topic's `retention.ms` (Kafka refuses more).
   * @default - the cluster's `log.local.retention.ms`, -2 unless set: as long as `retention.ms`
   */
  readonly localRetention?: Duration;
  /**
   * How much of each partition stays on the brokers' disks (`local.retention.bytes`, whole
   * bytes): at most the topic's `retention.bytes` when that is limited (Kafka refuses more).
   * @default - the cluster's `log.local.retention.bytes`, -2 unless set: as much as `retention.bytes`
   */
  readonly localRetentionSize?: Size;
}

/** A topic's configuration value as Kafka parses a BOOLEAN: `true` or `'true'` in any case. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/**
 * @internal The topic configuration of `remoteStorage`: `remote.storage.enable: true` and the
 * local retentions given, which must not be in `config` too.
 */
export function remoteStorageConfig(subject: Subject, remoteStorage: TopicRemoteStorage | undefined, config: Readonly<Record<string, unknown>>): Record<string, number | boolean> {
  if (remoteStorage === undefined) return {};
  const out: Record<string, number | boolean> = { 'remote.storage.enable': true };
  const once = (key: string, prop: string) => {
    if (config[key] !== undefined) throwPropError(subject, `config['${key}']`, `is set and so is ${prop}, which sets it too`, config[key], `set it once: keep remoteStorage${prop === 'remoteStorage' ? '' : ` and drop config['${key}']`}`);
  };
  once('remote.storage.enable', 'remoteStorage');
  if (remoteStorage.localRetention !== undefined) {
    once('local.retention.ms', 'remoteStorage.localRetention');
    const ms = remoteStorage.localRetention.toMilliseconds({ integral: false });
    if (!Number.isSafeInteger(ms)) throwPropError(subject, 'remoteStorage.localRetention', 'must be a whole number of milliseconds (local.retention.ms is a LONG of milliseconds)', remoteStorage.localRetention, 'use e.g. Duration.hours(12)');
    out['local.retention.ms'] = ms;
  }
  if (remoteStorage.localRetentionSize !== undefined) {
    once('local.retention.bytes', 'remoteStorage.localRetentionSize');
    const bytes = remoteStorage.localRetentionSize.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
    if (!Number.isSafeInteger(bytes)) throwPropError(subject, 'remoteStorage.localRetentionSize', 'must be a whole number of bytes (local.retention.bytes is a LONG of bytes)', remoteStorage.localRetentionSize, 'use e.g. Size.gibibytes(10)');
    out['local.retention.bytes'] = bytes;
  }
  return out;
}

/** What the tiered storage rules of a topic read of its cluster. */
export interface RemoteStorageCluster {
  /** The cluster's name, for messages. */
  readonly name: string;
  /** Whether the cluster has tiered storage; undefined when not known (a cluster made elsewhere). */
  readonly tieredStorage: boolean | undefined;
  /** The broker configuration: the topic defaults (`log.retention.*`, `log.local.retention.*`, `log.cleanup.policy`). */
  readonly brokerConfig: Readonly<Record<string, unknown>>;
}

/** The topic-level value of `key` in a configuration (a number, or NaN). */
function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
}

/**
 * The retention a topic gets from the broker (`KafkaConfig.extractLogConfigMap`), each with where
 * it comes from: `retention.ms` from `log.retention.ms`, else `log.retention.minutes`, else
 * `log.retention.hours` (168) (`KafkaConfig.logRetentionTimeMillis`, negative as -1);
 * `retention.bytes` from `log.retention.bytes` (-1); `local.retention.*` from
 * `log.local.retention.*` (-2: as the non-local one).
 */
function brokerRetention(broker: Readonly<Record<string, unknown>>): Record<'retention.ms' | 'retention.bytes' | 'local.retention.ms' | 'local.retention.bytes', { value: number; from: string }> {
  const ms = broker['log.retention.ms'] !== undefined ? { value: numberOf(broker['log.retention.ms']), from: 'log.retention.ms' }
    : broker['log.retention.minutes'] !== undefined ? { value: numberOf(broker['log.retention.minutes']) * 60_000, from: 'log.retention.minutes' }
      : { value: (broker['log.retention.hours'] !== undefined ? numberOf(broker['log.retention.hours']) : 168) * 3_600_000, from: broker['log.retention.hours'] !== undefined ? 'log.retention.hours' : "Kafka's log.retention.hours 168" };
  const pick = (key: string, fallback: number) => (broker[key] !== undefined ? { value: numberOf(broker[key]), from: key } : { value: fallback, from: `Kafka's ${key} ${fallback}` });
  return {
    'retention.ms': { value: ms.value < 0 ? -1 : ms.value, from: ms.from },
    'retention.bytes': pick('log.retention.bytes', -1),
    'local.retention.ms': pick('log.local.retention.ms', -2),
    'local.retention.bytes': pick('log.local.retention.bytes', -2),
  };
}

/** One retention rule's failure: the keys (topic names), what is wrong and the fix. */
interface RetentionProblem {
  /** The local key, e.g. `local.retention.ms`. */
  readonly key: string;
  /** Its non-local key, e.g. `retention.ms`. */
  readonly total: string;
  readonly problem: string;
  readonly value: number;
  readonly fix: string;
}

/**
 * Kafka's retention rules of tiered storage, over effective values (`-2`: as the non-local
 * one): `LogConfig.validateRemoteStorageRetentionSize` and `validateRemoteStorageRetentionTime`
 * (when `retention.*` is limited, `local.retention.*` is not -1 and at most it), and with
 * `copyDisabled`, `validateRetentionConfigsWhenRemoteCopyDisabled` (local equal to non-local).
 * `refusal` says what Kafka does then.
 */
function retentionProblems(values: Readonly<Record<string, { value: number; from: string }>>, copyDisabled: boolean, refusal: string): RetentionProblem[] {
  const problems: RetentionProblem[] = [];
  for (const unit of ['ms', 'bytes'] as const) {
    const key = `local.retention.${unit}`;
    const totalKey = `retention.${unit}`;
    const total = values[totalKey];
    const local = values[key];
    if (!Number.isFinite(total.value) || !Number.isFinite(local.value) || local.value === -2) continue;
    const what = unit === 'ms' ? 'Time' : 'Size';
    const from = total.from === totalKey ? '' : ` (from ${total.from})`;
    const base = { key, total: totalKey, value: local.value };
    if (total.value !== -1 && local.value === -1) {
      problems.push({ ...base, problem: `is -1 (unlimited) while ${totalKey} is ${total.value}${from}: ${refusal} ("Value must not be -1 as ${totalKey} value is set as ${total.value}.", LogConfig.validateRemoteStorageRetention${what})`, fix: `keep it at most ${total.value}, or leave it unset (-2: as ${totalKey})` });
    } else if (total.value !== -1 && local.value > total.value) {
      problems.push({ ...base, problem: `exceeds ${totalKey} ${total.value}${from}: ${refusal} ("Value must not be more than ${totalKey} property value: ${total.value}", LogConfig.validateRemoteStorageRetention${what})`, fix: `keep it at most ${total.value}, or raise ${totalKey}` });
    } else if (copyDisabled && local.value !== total.value) {
      problems.push({ ...base, problem: `differs from ${totalKey} ${total.value}${from} while remote.log.copy.disable is true: ${refusal} ("When \`remote.log.copy.disable\` is set to true, the \`${key}\` and \`${totalKey}\` must be set to the identical value because there will be no more logs copied to the remote storage.", LogConfig.validateRetentionConfigsWhenRemoteCopyDisabled)`, fix: `set it to ${total.value}, or leave it unset` });
    }
  }
  return problems;
}

/**
 * @internal Throws unless a topic with remote storage (`remote.storage.enable` true in `config`,
 * its whole configuration) passes the checks Kafka's controller runs when it creates the topic
 * (`ControllerConfigurationValidator.validate` → `LogConfig.validate` with the broker's topic
 * defaults, `KafkaConfig.extractLogConfigMap`), or the KafkaTopic stays NotReady:
 *
 * - the cluster has tiered storage, or "Tiered Storage functionality is disabled in the broker.
 *   Topic cannot be configured with remote log storage." (`validateRemoteStorageOnlyIfSystemEnabled`);
 * - `cleanup.policy` is `delete` (`validateRemoteStorageRequiresDeleteCleanupPolicy`);
 * - local retention within retention ({@link retentionProblems}).
 *
 * `fromProp` lists the keys set by the `remoteStorage` prop, so that messages name it.
 */
export function checkTopicRemoteStorage(subject: Subject, config: Readonly<Record<string, unknown>>, fromProp: ReadonlySet<string>, cluster: RemoteStorageCluster): void {
  if (!isTrue(config['remote.storage.enable'])) return;
  const propOf = (key: string) => (!fromProp.has(key) ? `config['${key}']` : key === 'remote.storage.enable' ? 'remoteStorage' : key === 'local.retention.ms' ? 'remoteStorage.localRetention' : 'remoteStorage.localRetentionSize');
  const on = propOf('remote.storage.enable');
  const onValue = config['remote.storage.enable'];
  if (cluster.tieredStorage === false) {
    throwPropError(subject, on, `turns on remote storage, but cluster '${cluster.name}' has no tiered storage: Kafka's controller refuses the topic ("Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.", LogConfig.validateRemoteStorageOnlyIfSystemEnabled) and the KafkaTopic stays NotReady`, onValue, "give the cluster tieredStorage: TieredStorage.custom({ className: ... }), or leave remote storage off");
  }
  const broker = cluster.brokerConfig;
  const policy = config['cleanup.policy'] ?? broker['log.cleanup.policy'] ?? 'delete';
  const policies = (Array.isArray(policy) ? policy.map(String) : String(policy).split(',')).map((p) => p.trim()).filter((p) => p !== '');
  if (policies.length > 0 && (policies.length !== 1 || policies[0] !== 'delete')) {
    const from = config['cleanup.policy'] !== undefined ? "config['cleanup.policy']" : "the cluster's log.cleanup.policy";
    throwPropError(subject, on, `turns on remote storage with cleanup.policy ${policies.join(',')} (${from}): Kafka refuses it ("Remote log storage only supports topics with cleanup.policy=delete or cleanup.policy being an empty list.", LogConfig.validateRemoteStorageRequiresDeleteCleanupPolicy)`, onValue, "keep remote storage for topics with cleanup.policy 'delete' (compacted topics stay local)");
  }
  const values = brokerRetention(broker);
  for (const key of ['retention.ms', 'retention.bytes', 'local.retention.ms', 'local.retention.bytes'] as const) {
    if (config[key] !== undefined) values[key] = { value: numberOf(config[key]), from: key };
  }
  const [problem] = retentionProblems(values, isTrue(config['remote.log.copy.disable']), "Kafka's controller refuses the topic");
  if (problem === undefined) return;
  // The topic's own key is at fault: its local retention if it sets one, else its retention.
  const key = config[problem.key] !== undefined ? problem.key : config[problem.total] !== undefined ? problem.total : 'remote.storage.enable';
  const value = key === problem.key ? (fromProp.has(key) ? (key === 'local.retention.ms' ? Duration.millis(problem.value) : Size.kibibytes(problem.value / 1024)) : config[key]) : key === 'remote.storage.enable' ? onValue : config[key];
  throwPropError(subject, propOf(key), key === problem.key ? problem.problem : `leaves the topic's ${problem.key} at ${problem.value} (from the cluster's log.${problem.key}), which ${problem.problem}`, value, problem.fix);
}

/**
 * @internal Throws unless a cluster's configuration agrees with its tiered storage: with it, the
 * keys Strimzi writes for it are not set again (Strimzi writes the user's configuration after them,
 * `KafkaCluster.generatePerBrokerConfiguration`, so `remote.log.storage.system.enable: false` would
 * turn it off), and the broker's local retention is within its retention (`LogManager.apply` →
 * `LogConfig.validateBrokerLogConfigValues`: brokers do not start); without it,
 * `remote.log.storage.system.enable` is not turned on by hand.
 */
export function checkClusterTieredStorage(subject: Subject, config: Readonly<Record<string, unknown>>, tiered: boolean): void {
  const managed = ['remote.log.storage.system.enable', 'remote.log.metadata.manager.', 'remote.log.storage.manager.'];
  for (const key of Object.keys(config)) {
    if (!managed.some((m) => key === m || (m.endsWith('.') && key.startsWith(m)))) continue;
    if (tiered) {
      throwPropError(subject, `config['${key}']`, 'is written by Strimzi from tieredStorage (KafkaBrokerConfigurationBuilder.withTieredStorage), and the configuration comes after it in server.properties: this value would replace Strimzi\'s', config[key], "remove it; give the plugin's own options in TieredStorage.custom({ config })");
    }
    if (key === 'remote.log.storage.system.enable' && isTrue(config[key])) {
      throwPropError(subject, `config['${key}']`, 'turns tiered storage on by hand: without the remote storage manager and the metadata manager Strimzi configures from tieredStorage', config[key], 'use tieredStorage: TieredStorage.custom({ className: ... }) instead');
    }
  }
  if (!tiered) return;
  const [problem] = retentionProblems(brokerRetention(config), false, 'brokers with tiered storage refuse to start (LogManager.apply → LogConfig.validateBrokerLogConfigValues)');
  if (problem !== undefined) throwPropError(subject, `config['log.${problem.key}']`, problem.problem, problem.value, problem.fix.replace(/retention\.(ms|bytes)/g, 'log.retention.$1'));
}
