import { configDefinitions, configValueIssue, unknownKeyIssue, type ConfigIssue, type ConfigSet } from './config-model';

/**
 * What the Connect workers' config of a KafkaConnect and of a KafkaMirrorMaker2 have in common:
 * the options Strimzi forbids in it, and the Kafka clients' keys under the workers' client
 * prefixes (`producer.`, `consumer.`, `admin.`), checked against Kafka's model.
 */

/**
 * The options Strimzi forbids in a Connect cluster's config (a spec's `FORBIDDEN_PREFIXES` and
 * `FORBIDDEN_PREFIX_EXCEPTIONS`): the cluster operator drops a key that starts with a prefix,
 * unless it is an exception, and only logs a warning (AbstractConfiguration.filterForbidden).
 * @internal
 */
export interface StrimziForbiddenOptions {
  /** Where Strimzi lists them, for messages. */
  readonly source: string;
  readonly prefixes: readonly string[];
  readonly exceptions: readonly string[];
  /**
   * Whether a key is matched lower-cased, as AbstractConfiguration.filterForbidden does
   * (`k.toLowerCase(Locale.ENGLISH).startsWith(prefix)`; the exceptions are matched as given).
   */
  readonly ignoreCase: boolean;
}

const FORBIDDEN_EXCEPTIONS = ['ssl.endpoint.identification.algorithm', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols'];

/** Strimzi 1.2's `KafkaConnectSpec.FORBIDDEN_PREFIXES` and `FORBIDDEN_PREFIX_EXCEPTIONS` (KafkaConnectConfiguration). @internal */
export const KAFKA_CONNECT_FORBIDDEN: StrimziForbiddenOptions = {
  source: 'KafkaConnectSpec.FORBIDDEN_PREFIXES',
  prefixes: ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic', 'ssl.', 'sasl.', 'security.', 'listeners', 'plugin.path', 'rest.', 'bootstrap.servers', 'consumer.interceptor.classes', 'producer.interceptor.classes', 'prometheus.metrics.reporter.'],
  exceptions: FORBIDDEN_EXCEPTIONS,
  ignoreCase: true,
};

/** Strimzi 1.2's `KafkaMirrorMaker2ClusterSpec.FORBIDDEN_PREFIXES` and its exceptions (matched ignoring case, as for Connect). @internal */
export const MIRROR_MAKER2_FORBIDDEN: StrimziForbiddenOptions = {
  source: 'KafkaMirrorMaker2ClusterSpec.FORBIDDEN_PREFIXES',
  prefixes: ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic', 'ssl.', 'sasl.', 'security.', 'listeners', 'plugin.path', 'rest.', 'bootstrap.servers', 'consumer.interceptor.classes', 'producer.interceptor.classes'],
  exceptions: FORBIDDEN_EXCEPTIONS,
  ignoreCase: true,
};

/** The forbidden prefix `key` starts with (and is no exception of), if any. @internal */
export function strimziForbiddenPrefix(key: string, forbidden: StrimziForbiddenOptions): string | undefined {
  const matched = forbidden.ignoreCase ? key.toLowerCase() : key;
  if (forbidden.exceptions.includes(key)) return undefined;
  return forbidden.prefixes.find((p) => matched.startsWith(p));
}

/** Client prefixes of the Connect workers' config (WorkerConfig / DistributedConfig pass `producer.`, `consumer.` and `admin.` to their clients). @internal */
export const WORKER_CLIENT_PREFIXES: ReadonlyArray<readonly [string, ConfigSet]> = (['consumer', 'producer', 'admin'] as const).map((client) => [`${client}.`, client] as const);

/** The client prefix `key` starts with, with its client's config set and the rest of the key. @internal */
export function workerClientKey(key: string): { prefix: string; client: ConfigSet; rest: string } | undefined {
  const found = WORKER_CLIENT_PREFIXES.find(([p]) => key.startsWith(p));
  return found === undefined ? undefined : { prefix: found[0], client: found[1], rest: key.slice(found[0].length) };
}

/** unknownKeyIssue's fix for a key that is no typo, nor another version's or set's: passed. */
const PASS = '\u0000pass';

/** What Kafka does with a key no ConfigDef of the set has. */
export const UNUSED_KEY = 'Kafka ignores it (it only logs an unused key), so it would do nothing';

/**
 * What is wrong with `rest`, under the client prefix `prefix`, as a key of `client`'s config in
 * Kafka `model`: not a key of it (with what `unknownKeyIssue` says: another version's, another
 * set's, a typo), or a value of the wrong type or range; undefined when Kafka takes it. `unknown`
 * says what to do with a key the client does not define: `refuse` it, or refuse only a `typo` of a
 * key it has (pass the rest: a plugin's own option, which the client hands on).
 * @internal
 */
export function workerClientIssue(model: string, client: ConfigSet, prefix: string, rest: string, value: unknown, unknown: 'refuse' | 'typo'): ConfigIssue | undefined {
  const definition = configDefinitions(client, model).get(rest);
  if (definition === undefined) {
    const issue = unknownKeyIssue(client, model, rest, UNUSED_KEY, unknown === 'typo' ? PASS : 'remove it');
    if (issue.fix === PASS) return undefined;
    return { problem: `names '${rest}' for the ${client} clients ('${prefix}'), which ${issue.problem}`, fix: issue.fix };
  }
  return configValueIssue(rest, definition, value);
}
