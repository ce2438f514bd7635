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

/** The value types of Kafka's `ConfigDef` the library can tell from a key's name. */
const VALUE_TYPES: ReadonlyArray<{ readonly suffix: RegExp; readonly type: string; readonly valid: (v: string | number | boolean) => boolean; readonly example: string }> = [
  // LONG and INT keys: durations in ms, sizes in bytes, counts (e.g. TopicConfig RETENTION_MS_CONFIG is Type.LONG).
  {
    // (Not every `.factor`: log.cleaner.io.buffer.load.factor is a DOUBLE.)
    suffix: /(\.(ms|bytes|messages|replicas|isr|partitions|threads)|replication\.factor)$/,
    type: 'a whole number (Kafka parses it as INT or LONG: no units)',
    valid: (v) => (typeof v === 'number' ? Number.isInteger(v) : typeof v === 'string' && /^-?\d+$/.test(v.trim())),
    example: "a number of the key's unit, e.g. 'retention.ms': 604800000 for 7 days",
  },
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
 * `config`) is a string, a finite number or a boolean, of the type its key implies where the key
 * names it (`*.ms`, `*.bytes`, … are whole numbers: `'retention.ms': '7d'` would leave Strimzi
 * reporting the resource NotReady).
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
