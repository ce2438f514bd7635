import { closestName } from '../core/naming';
import { DEFAULT_KAFKA_VERSION, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { KAFKA_CONFIG_MODEL } from './config-model.generated';
import { javaClassNameProblem } from '../core/java';

/**
 * Apache Kafka's configuration model as data: every key of Kafka's own `ConfigDef`s, of brokers,
 * topics, clients, Connect workers and MirrorMaker 2, per Kafka version the library supports,
 * with its type, default and validator (`config-model.generated.ts`, which `npm run kafka-config`
 * writes from Kafka's jars: tools/kafka-config). And what Kafka makes of a value: the type it
 * parses it as (`ConfigDef.parseType`) and the validator it runs (`ConfigDef.Validator`), so a
 * value Kafka refuses fails at synth instead of after apply.
 */

/** A `ConfigDef.Type`. */
export type ConfigType = 'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';

/**
 * A config set, by where Kafka defines it: `broker` (`KafkaConfig`, with the broker's replication
 * quotas), `topic` (`LogConfig`), `producer`, `consumer`, `admin` (the clients' `*Config`), `connect`
 * (`DistributedConfig`), `mirrormaker` (`MirrorMakerConfig`) and the MirrorMaker 2 connectors'.
 */
export type ConfigSet = 'broker' | 'topic' | 'producer' | 'consumer' | 'admin' | 'connect' | 'mirrormaker' | 'mirror-source' | 'mirror-checkpoint' | 'mirror-heartbeat';

/**
 * A `ConfigDef.Validator` as data: `range` (`Range`: bounds as decimal strings, null where open),
 * `in` (`ValidString`, `CaseInsensitiveValidString`), `list` (`ValidList`: the values allowed, null
 * for any), `all` (`CompositeValidator`), `nonEmpty`, `nonNull`, `noControlChars`, `maxSize`
 * (`ListSize`); any other by its class and description (`text`), which the library cannot run.
 */
export interface ConfigValidator {
  readonly range?: readonly [string | null, string | null];
  readonly in?: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly list?: readonly string[] | null;
  readonly emptyAllowed?: boolean;
  readonly nullAllowed?: boolean;
  readonly all?: readonly ConfigValidator[];
  readonly nonEmpty?: boolean;
  readonly nonNull?: boolean;
  readonly noControlChars?: boolean;
  readonly maxSize?: number;
  readonly class?: string;
  readonly text?: string | null;
}

/** A key's definition (`ConfigDef.ConfigKey`): the default as `ConfigDef.convertToString` writes it, null for none. */
export interface ConfigDefinition {
  readonly type: ConfigType;
  readonly default?: string | null;
  /** No default: Kafka needs a value. */
  readonly required?: boolean;
  readonly validator?: ConfigValidator;
  readonly importance: 'high' | 'medium' | 'low';
  /** An internal config (`ConfigDef.defineInternal`): defined, but not documented. */
  readonly internal?: boolean;
}

/** A definition of a name, with the sets that define the name so and, unless every version, the versions. */
export interface ConfigVariant extends ConfigDefinition {
  readonly sets: readonly ConfigSet[];
  readonly versions?: readonly string[];
}

/** The generated model: every name with its variants. */
export interface ConfigModelData {
  /** The Kafka versions, oldest first. */
  readonly versions: readonly string[];
  readonly sets: readonly ConfigSet[];
  readonly configs: Readonly<Record<string, readonly ConfigVariant[]>>;
}

/** The versions of the model, oldest first: the Kafka versions the library supports. */
export const CONFIG_MODEL_VERSIONS: readonly string[] = KAFKA_CONFIG_MODEL.versions;

const DEFINITIONS = new Map<string, ReadonlyMap<string, ConfigDefinition>>();

/** The definitions of a config set in a Kafka version, by name (an unknown version has none). */
export function configDefinitions(set: ConfigSet, version: string): ReadonlyMap<string, ConfigDefinition> {
  const id = `${set}@${version}`;
  let definitions = DEFINITIONS.get(id);
  if (definitions === undefined) {
    const byName = new Map<string, ConfigDefinition>();
    for (const [name, variants] of Object.entries(KAFKA_CONFIG_MODEL.configs)) {
      const variant = variants.find((v) => v.sets.includes(set) && (v.versions ?? KAFKA_CONFIG_MODEL.versions).includes(version));
      if (variant !== undefined) byName.set(name, variant);
    }
    definitions = byName;
    DEFINITIONS.set(id, definitions);
  }
  return definitions;
}

/** The supported versions whose `set` defines `name`, oldest first. */
export function versionsDefining(set: ConfigSet, name: string): string[] {
  const variants = Object.prototype.hasOwnProperty.call(KAFKA_CONFIG_MODEL.configs, name) ? KAFKA_CONFIG_MODEL.configs[name] : [];
  return KAFKA_CONFIG_MODEL.versions.filter((version) => variants.some((v) => v.sets.includes(set) && (v.versions ?? KAFKA_CONFIG_MODEL.versions).includes(version)));
}

/**
 * The Kafka version a check judges by: `version` when the model has it, else the default one
 * (Strimzi 1.2's), e.g. for a cluster made outside the app.
 */
export function modelVersion(version: unknown): string {
  return typeof version === 'string' && SUPPORTED_KAFKA_VERSIONS.includes(version) ? version : DEFAULT_KAFKA_VERSION;
}

/** How a config set is named in messages. */
export const CONFIG_SET_NAMES: Readonly<Record<ConfigSet, string>> = {
  'broker': 'broker config',
  'topic': 'topic config',
  'producer': 'producer config',
  'consumer': 'consumer config',
  'admin': 'admin client config',
  'connect': 'Connect worker config',
  'mirrormaker': 'MirrorMaker 2 config',
  'mirror-source': 'MirrorSourceConnector config',
  'mirror-checkpoint': 'MirrorCheckpointConnector config',
  'mirror-heartbeat': 'MirrorHeartbeatConnector config',
};

/** What is wrong, and what to do. */
export interface ConfigIssue {
  readonly problem: string;
  readonly fix: string;
}

/**
 * What is wrong with `name` as a key of `set` in Kafka `version`, which does not define it
 * (`configDefinitions`): a key of other supported versions (added later, or removed), a key of
 * another set, or a typo of a key it has (else `otherwise` is the fix). `why` says what Kafka does
 * with an unknown key.
 */
export function unknownKeyIssue(set: ConfigSet, version: string, name: string, why: string, otherwise: string): ConfigIssue {
  const what = CONFIG_SET_NAMES[set];
  const position = (v: string) => CONFIG_MODEL_VERSIONS.indexOf(v);
  const elsewhere = versionsDefining(set, name);
  const later = elsewhere.filter((v) => position(v) > position(version));
  const earlier = elsewhere.filter((v) => position(v) < position(version));
  if (later.length > 0 && earlier.length === 0) {
    return { problem: `is a ${what} from Kafka ${later[0]} on, not of Kafka ${version}, the cluster's version: ${why}`, fix: `set the cluster's version to ${later[0]} or later, or remove it` };
  }
  if (earlier.length > 0) {
    const last = earlier[earlier.length - 1];
    const removedIn = CONFIG_MODEL_VERSIONS.find((v) => position(v) > position(last) && !elsewhere.includes(v)) ?? version;
    return { problem: `is not a ${what} of Kafka ${version}, the cluster's version: Kafka ${removedIn} removed it (${earlier.join(', ')} had it); ${why}`, fix: 'remove it' };
  }
  const others = KAFKA_CONFIG_MODEL.sets.filter((s) => s !== set && configDefinitions(s, version).has(name));
  if (others.length > 0) {
    const where = others.includes('topic') ? "a topic's config (addTopic)" : others.includes('broker') ? "the cluster's config" : 'the configuration of that client';
    return { problem: `is a ${others.map((s) => CONFIG_SET_NAMES[s]).join(', ')}, not a ${what}: ${why}`, fix: `set it in ${where}, or remove it` };
  }
  const meant = closestName(name, configDefinitions(set, version).keys());
  return { problem: `is not a ${what} of Kafka ${version}, the cluster's version: ${why}`, fix: meant !== undefined ? `did you mean '${meant}'?` : otherwise };
}

/** The Java range of Kafka's whole-number types (`int`, `short`, `long`). */
const WHOLE_RANGES: Readonly<Partial<Record<ConfigType, readonly [bigint, bigint, string]>>> = {
  SHORT: [-(2n ** 15n), 2n ** 15n - 1n, 'a Java short'],
  INT: [-(2n ** 31n), 2n ** 31n - 1n, 'a Java int'],
  LONG: [-(2n ** 63n), 2n ** 63n - 1n, 'a Java long'],
};

/** The units Kafka's key names end with, and what a number of them is called. */
const UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.ms$/, 'milliseconds'], [/\.bytes$/, 'bytes'], [/\.(seconds|secs)$/, 'seconds'], [/\.minutes$/, 'minutes'], [/\.hours$/, 'hours'],
];

/** Milliseconds per unit a duration may be written with (`7d`, `30s`, `1h`). */
const DURATION_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION_WORDS: Readonly<Record<string, string>> = { ms: 'milliseconds', s: 'seconds', sec: 'seconds', m: 'minutes', min: 'minutes', h: 'hours', d: 'days', w: 'weeks' };
/** Milliseconds per unit of a key that counts seconds, minutes or hours. */
const UNIT_MS: Readonly<Record<string, number>> = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 };
/** Bytes per size suffix (binary, as Kubernetes and most tools read them). */
const SIZE_BYTES: Readonly<Record<string, [number, string]>> = {
  k: [1024, 'KiB'], kb: [1024, 'KiB'], ki: [1024, 'KiB'], kib: [1024, 'KiB'],
  m: [1024 ** 2, 'MiB'], mb: [1024 ** 2, 'MiB'], mi: [1024 ** 2, 'MiB'], mib: [1024 ** 2, 'MiB'],
  g: [1024 ** 3, 'GiB'], gb: [1024 ** 3, 'GiB'], gi: [1024 ** 3, 'GiB'], gib: [1024 ** 3, 'GiB'],
};

/** The unit of a key by its name (`retention.ms`: milliseconds), if it says one. */
function unitOf(name: string): string | undefined {
  return UNITS.find(([pattern]) => pattern.test(name))?.[1];
}

/** `text` (e.g. `7d`, `1GB`) as a whole number of `unit`, with what it means, if it is an amount with a unit that converts exactly. */
function convertAmount(text: string, unit: string | undefined): { value: bigint; meaning: string } | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]+)$/.exec(text.trim());
  if (m === null || unit === undefined) return undefined;
  const amount = Number(m[1]);
  const suffix = m[2].toLowerCase();
  if (unit === 'bytes' && SIZE_BYTES[suffix] !== undefined) {
    const [bytes, label] = SIZE_BYTES[suffix];
    return Number.isSafeInteger(amount * bytes) ? { value: BigInt(amount * bytes), meaning: `${m[1]} ${label}` } : undefined;
  }
  const perUnit = UNIT_MS[unit];
  if (perUnit === undefined || DURATION_MS[suffix] === undefined) return undefined;
  const n = (amount * DURATION_MS[suffix]) / perUnit;
  const word = DURATION_WORDS[suffix];
  return Number.isSafeInteger(n) ? { value: BigInt(n), meaning: `${m[1]} ${amount === 1 ? word.slice(0, -1) : word}` } : undefined;
}

/** Kafka's `ConfigDef.parseType` of a LIST string: trimmed, empty for '', else split at commas with the spaces around them. */
function listItems(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s*,\s*/);
}

/** A value as Kafka's properties hold it: the text of a string, number or boolean; a list's items joined with commas. */
function asText(value: string | number | boolean | readonly string[]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** How a value is shown in an example: numbers and booleans bare, the rest quoted. */
function literal(text: string, type: ConfigType): string {
  return ['INT', 'SHORT', 'LONG', 'DOUBLE', 'BOOLEAN'].includes(type) ? text : `'${text}'`;
}

/** The range validators of a definition, as bigint (whole types) or number bounds. */
function ranges(validator: ConfigValidator | undefined): Array<readonly [string | null, string | null]> {
  if (validator === undefined) return [];
  return [...(validator.range !== undefined ? [validator.range] : []), ...(validator.all ?? []).flatMap(ranges)];
}

/** Whether a whole number or double `n` (as text) is within `[min, max]`. */
function inRange(n: string, range: readonly [string | null, string | null], whole: boolean): boolean {
  const [min, max] = range;
  if (whole) return (min === null || BigInt(n) >= BigInt(min)) && (max === null || BigInt(n) <= BigInt(max));
  return (min === null || Number(n) >= Number(min)) && (max === null || Number(n) <= Number(max));
}

/**
 * A value of the key that Kafka takes, for a message: the key's default where it is a real
 * setting (not Java's largest number, which means "never"), else the lower bound of its range.
 */
export function exampleValue(definition: ConfigDefinition): string | undefined {
  const whole = WHOLE_RANGES[definition.type];
  const bounds = ranges(definition.validator);
  const fits = (n: string) => bounds.every((r) => inRange(n, r, whole !== undefined));
  const d = definition.default;
  if (d !== undefined && d !== null && d !== '' && !(whole !== undefined && BigInt(d) === whole[1]) && (whole === undefined || fits(d))) return literal(d, definition.type);
  const low = bounds.map((r) => r[0]).find((b) => b !== null);
  if (low !== undefined && low !== null) return literal(whole !== undefined && BigInt(low) < 1n && fits('1') ? '1' : low, definition.type);
  if (whole !== undefined) return '1';
  if (definition.type === 'BOOLEAN') return 'true';
  if (definition.type === 'DOUBLE') return '0.5';
  return undefined;
}

/** Milliseconds as the largest whole unit, e.g. 604800000 → '7 days'. */
function describeMs(ms: bigint): string | undefined {
  for (const [unit, size] of [['days', 86_400_000n], ['hours', 3_600_000n], ['minutes', 60_000n], ['seconds', 1000n]] as const) {
    if (ms > 0n && ms % size === 0n) return `${ms / size} ${ms / size === 1n ? unit.slice(0, -1) : unit}`;
  }
  return undefined;
}

/**
 * What is wrong with `value` as Kafka parses and validates it for `name` (`definition`), or
 * undefined when Kafka takes it. Values are given as a properties file has them, or as numbers
 * and booleans (their text); `arrays`: a LIST may also be an array of strings (Strimzi's topic
 * operator joins it with commas); `example`: the value a message suggests (by default the key's
 * default, or the lower bound of its range).
 */
export function configValueIssue(name: string, definition: ConfigDefinition, value: unknown, options: { readonly arrays?: boolean; readonly example?: string | number | boolean } = {}): ConfigIssue | undefined {
  const type = definition.type;
  const unit = unitOf(name);
  const example = options.example !== undefined ? literal(String(options.example), definition.type) : exampleValue(definition);
  const useExample = (what?: string) => (example !== undefined ? `use e.g. '${name}': ${example}${what ?? ''}` : "give a value Kafka's documentation lists for it");
  const isList = type === 'LIST';
  if (Array.isArray(value)) {
    if (!(isList && options.arrays === true && value.every((item) => typeof item === 'string'))) {
      return { problem: isList && options.arrays === true ? 'must be a list of strings' : 'must be a string, a finite number or a boolean', fix: isList ? `give the list as one comma-separated string, e.g. '${name}': 'a,b'` : 'give the value as Kafka reads it from a properties file' };
    }
  } else if (!(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
    return { problem: 'must be a string, a finite number or a boolean', fix: 'give the value as Kafka reads it from a properties file' };
  }
  const given = value as string | number | boolean | readonly string[];
  const text = asText(given).trim();

  const whole = WHOLE_RANGES[type];
  if (whole !== undefined) {
    const [min, max, java] = whole;
    const units = unit !== undefined ? ` of ${unit}` : '';
    if (typeof given === 'number' && Number.isInteger(given) && !Number.isSafeInteger(given) && BigInt(given) >= min && BigInt(given) <= max) {
      return { problem: `is beyond ${Number.MAX_SAFE_INTEGER}, which a JavaScript number cannot hold exactly`, fix: 'give it as a string of digits' };
    }
    const digits = typeof given === 'number' ? (Number.isInteger(given) ? BigInt(given).toString() : undefined) : typeof given === 'string' && /^[+-]?\d+$/.test(text) ? text.replace(/^\+/, '') : undefined;
    if (digits === undefined) {
      const converted = typeof given === 'string' ? convertAmount(given, unit) : undefined;
      const meaning = converted !== undefined ? ` (${converted.meaning})` : unit === 'milliseconds' && example !== undefined && /^\d+$/.test(example) && describeMs(BigInt(example)) !== undefined ? ` (${describeMs(BigInt(example))})` : '';
      return {
        problem: `must be a whole number${units}, without a unit: Kafka reads it as ${type} (${java})`,
        fix: converted !== undefined ? `use '${name}': ${converted.value}${meaning}` : useExample(meaning),
      };
    }
    if (BigInt(digits) < min || BigInt(digits) > max) {
      return { problem: `must be from ${min} to ${max}: Kafka reads it as ${type} (${java})`, fix: `use a value within that range, e.g. ${example ?? 1}` };
    }
    return validatorIssue(name, definition, digits, [], useExample);
  }
  switch (type) {
    case 'BOOLEAN':
      if (typeof given === 'boolean' || (typeof given === 'string' && /^(true|false)$/i.test(text))) return undefined;
      return { problem: 'must be true or false: Kafka reads it as BOOLEAN', fix: `use '${name}': ${example ?? 'true'}` };
    case 'DOUBLE':
      if (typeof given === 'number' || (typeof given === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(text))) {
        return validatorIssue(name, definition, text.replace(/[dDfF]$/, ''), [], useExample);
      }
      return { problem: 'must be a number: Kafka reads it as DOUBLE', fix: useExample() };
    case 'CLASS':
      if (typeof given !== 'string' || javaClassNameProblem(text) !== undefined) {
        const why = typeof given === 'string' ? `: it ${javaClassNameProblem(text)}` : '';
        return { problem: `must be the name of a Java class: Kafka reads it as CLASS${why}`, fix: `use e.g. '${name}': '${definition.default ?? 'org.example.MyClass'}'` };
      }
      return validatorIssue(name, definition, text, [], useExample);
    case 'LIST': {
      const items = Array.isArray(given) ? given.map((item) => item.trim()) : listItems(String(given));
      if (items.some((item) => item === '')) {
        return { problem: 'must not have empty items: Kafka reads it as LIST (comma-separated) and refuses an empty one', fix: `remove the extra comma, e.g. '${name}': ${example ?? "'a,b'"}` };
      }
      return validatorIssue(name, definition, text, items, useExample);
    }
    default: // STRING, PASSWORD
      return validatorIssue(name, definition, text, [], useExample);
  }
}

/**
 * What is wrong with a parsed value (`text`, or `items` of a LIST) by the key's validator, or
 * undefined: the validators the model can run; a validator it only describes is not run, unless
 * it is Kafka's "[a,...,b] or c" (compression levels).
 */
function validatorIssue(name: string, definition: ConfigDefinition, text: string, items: readonly string[], useExample: (what?: string) => string, validator: ConfigValidator | undefined = definition.validator): ConfigIssue | undefined {
  if (validator === undefined) return undefined;
  const whole = WHOLE_RANGES[definition.type] !== undefined;
  const numeric = whole || definition.type === 'DOUBLE';
  if (validator.range !== undefined && numeric && !inRange(text, validator.range, whole)) {
    const [min, max] = validator.range;
    const bound = min !== null && max !== null ? `from ${min} to ${max}` : min !== null ? `at least ${min}` : `at most ${max}`;
    // As Kafka's Range.toString writes it.
    const shown = min !== null && max !== null ? `[${min},...,${max}]` : min !== null ? `[${min},...]` : `[...,${max}]`;
    return { problem: `must be ${bound} (Kafka's validator: ${shown}), or Kafka refuses the configuration`, fix: useExample() };
  }
  if (validator.in !== undefined) {
    const ok = validator.caseInsensitive ? validator.in.some((v) => v.toLowerCase() === text.toLowerCase()) : validator.in.includes(text);
    if (!ok) {
      // A hint for a misspelt word, not for a short value (acks 2 is not a typo of 0).
      const meant = text.length >= 3 ? closestName(text, validator.in) : undefined;
      return { problem: `must be one of ${validator.in.join(', ')} (Kafka's values${validator.caseInsensitive ? '' : ', case-sensitive'})`, fix: meant !== undefined ? `did you mean '${meant}'?` : `use e.g. '${validator.in[0]}'` };
    }
  }
  if (validator.list !== undefined || validator.emptyAllowed !== undefined) {
    if (items.length === 0 && validator.emptyAllowed === false) return { problem: 'must not be empty: Kafka needs at least one item', fix: useExample() };
    const allowed = validator.list;
    const wrong = allowed === null || allowed === undefined ? [] : items.filter((item) => !allowed.includes(item));
    if (allowed && wrong.length > 0) {
      const meant = closestName(wrong[0], allowed);
      return { problem: `must be a comma-separated list of ${allowed.join(', ')} (Kafka's values, case-sensitive; not ${wrong.map((w) => `'${w}'`).join(', ')})`, fix: meant !== undefined ? `did you mean '${meant}'?` : `use e.g. '${allowed[0]}'` };
    }
  }
  if (validator.nonEmpty && text === '') return { problem: 'must not be empty', fix: useExample() };
  // eslint-disable-next-line no-control-regex
  if (validator.noControlChars && /[\u0000-\u001f\u007f]/.test(text)) return { problem: 'must not contain control characters', fix: useExample() };
  if (validator.maxSize !== undefined && items.length > validator.maxSize) return { problem: `may have at most ${validator.maxSize} items`, fix: `keep ${validator.maxSize} of them` };
  // Kafka's ThrottledReplicaListValidator (storage internals.log): every item partition:broker
  // (or empty), or the whole list the literal '*'.
  if (validator.class?.endsWith('.ThrottledReplicaListValidator') && !(items.every((item) => /^(\d+:\d+)?$/.test(item.trim())) || items.join('').trim() === '*')) {
    return { problem: "must be the literal '*' or a list of replicas as [partitionId]:[brokerId],… (Kafka's ThrottledReplicaListValidator)", fix: `use e.g. '${name}': '0:101,1:102', or '*' for every replica` };
  }
  const orValue = /^\[(-?\d+),\.\.\.,(-?\d+)\] or (-?\d+)$/.exec(validator.text ?? '');
  if (orValue !== null && whole && !inRange(text, [orValue[1], orValue[2]], true) && BigInt(text) !== BigInt(orValue[3])) {
    return { problem: `must be from ${orValue[1]} to ${orValue[2]}, or ${orValue[3]} (Kafka's validator: ${validator.text})`, fix: useExample() };
  }
  for (const each of validator.all ?? []) {
    const issue = validatorIssue(name, definition, text, items, useExample, each);
    if (issue !== undefined) return issue;
  }
  return undefined;
}
