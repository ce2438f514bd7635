import { createHash } from 'crypto';
import { formatValue, Subject, throwFactoryError, throwPropError } from './errors';

/**
 * The name formats, in one place: the Kubernetes ones the API server enforces in code
 * (k8s.io/apimachinery `validation`), the Kafka topic name rule, and the one way the library
 * turns free text into a name.
 */
export enum NameFormat {
  /** RFC 1123 label: lowercase alphanumerics and '-', at most 63 (Namespaces, most prefixes). */
  DNS1123_LABEL = 'a DNS-1123 label',
  /** RFC 1035 label: a DNS-1123 label that starts with a letter (Services). */
  DNS1035_LABEL = 'a DNS-1035 label',
  /** RFC 1123 subdomain: labels joined by '.', at most 253 (most object names). */
  DNS1123_SUBDOMAIN = 'a DNS-1123 subdomain',
  /** A URL path segment: anything but '.' and '..', without '/' or '%' (RBAC object names: `ValidateRBACName`). */
  PATH_SEGMENT = 'a path segment name',
  /** A key of a Secret's or ConfigMap's data: alphanumerics, '-', '_' and '.' (`IsConfigMapKey`). */
  DATA_KEY = 'a ConfigMap or Secret data key',
  /** A label value: empty, or alphanumerics, '-', '_' and '.' starting and ending with an alphanumeric (`IsValidLabelValue`). */
  LABEL_VALUE = 'a label value',
}

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const PATTERNS: Readonly<Record<NameFormat, RegExp>> = {
  [NameFormat.DNS1123_LABEL]: new RegExp(`^${LABEL}$`),
  [NameFormat.DNS1035_LABEL]: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  [NameFormat.DNS1123_SUBDOMAIN]: new RegExp(`^${LABEL}(\\.${LABEL})*$`),
  [NameFormat.PATH_SEGMENT]: /^(?!\.\.?$)[^/%]+$/,
  [NameFormat.DATA_KEY]: /^(?!\.\.?$)(?!\.\.)[-._a-zA-Z0-9]+$/,
  [NameFormat.LABEL_VALUE]: /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/,
};
const MAX_LENGTHS: Readonly<Record<NameFormat, number>> = {
  [NameFormat.DNS1123_LABEL]: 63,
  [NameFormat.DNS1035_LABEL]: 63,
  [NameFormat.DNS1123_SUBDOMAIN]: 253,
  // k8s.io/apimachinery path.IsValidPathSegmentName sets no limit of its own.
  [NameFormat.PATH_SEGMENT]: Number.MAX_SAFE_INTEGER,
  [NameFormat.DATA_KEY]: 253,
  [NameFormat.LABEL_VALUE]: 63,
};
const SPELLING: Readonly<Record<NameFormat, string>> = {
  [NameFormat.DNS1123_LABEL]: "lowercase alphanumerics and '-', starting and ending with an alphanumeric",
  [NameFormat.DNS1035_LABEL]: "lowercase alphanumerics and '-', starting with a letter and ending with an alphanumeric",
  [NameFormat.DNS1123_SUBDOMAIN]: "lowercase alphanumerics, '-' and '.', starting and ending with an alphanumeric",
  [NameFormat.PATH_SEGMENT]: "not '.' or '..', and without '/' or '%'",
  [NameFormat.DATA_KEY]: "alphanumerics, '-', '_' and '.', not '.' or '..'",
  [NameFormat.LABEL_VALUE]: "empty, or alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric",
};

/** What is wrong with `name` as a `format` name of at most `maxLength`, or undefined if nothing. */
export function nameProblem(name: string, format: NameFormat, maxLength: number = MAX_LENGTHS[format]): string | undefined {
  if (typeof name !== 'string') return `${formatValue(name)} is not a string`;
  if (name.length > maxLength) return `${JSON.stringify(name)} is ${name.length} characters; ${format} has at most ${maxLength}`;
  if (!PATTERNS[format].test(name)) return `${JSON.stringify(name)} is not ${format}: ${SPELLING[format]}`;
  return undefined;
}

/** Whether `name` is a `format` name of at most `maxLength`. */
export function isName(name: string, format: NameFormat, maxLength?: number): boolean {
  return nameProblem(name, format, maxLength) === undefined;
}

/** How a checked name is used, for the error message. */
export interface NameCheck {
  /** The format. */
  readonly format: NameFormat;
  /** What the name becomes, e.g. 'it prefixes every Service name'. */
  readonly use: string;
  /** An example of a good name. */
  readonly example: string;
  /** A tighter length limit than the format's. */
  readonly maxLength?: number;
}

/** Throws a prop error naming `subject` and `prop` unless `name` is a valid name per `check`. */
export function checkName(subject: Subject, prop: string, name: string, check: NameCheck): void {
  const maxLength = check.maxLength ?? MAX_LENGTHS[check.format];
  if (typeof name !== 'string' || !isName(name, check.format, maxLength)) {
    throwPropError(subject, prop, `must be ${SPELLING[check.format]}, at most ${maxLength} characters (${check.use})`, name, `use e.g. '${check.example}'`);
  }
}

/** Throws a factory error naming `factory` and `prop` unless `name` is a valid name per `check`. */
export function checkFactoryName(factory: string, prop: string, name: string, check: NameCheck): void {
  const maxLength = check.maxLength ?? MAX_LENGTHS[check.format];
  if (typeof name !== 'string' || !isName(name, check.format, maxLength)) {
    throwFactoryError(factory, prop, `must be ${SPELLING[check.format]}, at most ${maxLength} characters (${check.use})`, name, `use e.g. '${check.example}'`);
  }
}

/**
 * What is wrong with a label or annotation key, or undefined: an optional DNS-1123 subdomain
 * prefix and '/', then a name of at most 63 alphanumerics, '-', '_' and '.', starting and ending
 * with an alphanumeric (k8s.io/apimachinery `IsQualifiedName`).
 */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined && !isName(prefix, NameFormat.DNS1123_SUBDOMAIN)) return `the prefix of ${JSON.stringify(key)} is not a DNS-1123 subdomain`;
  if (name === '' || !isName(name, NameFormat.LABEL_VALUE)) return `${JSON.stringify(key)} is not a qualified name: at most 63 alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric, after an optional DNS subdomain and '/'`;
  return undefined;
}

/** Throws a prop error naming `subject` and `prop` unless `labels` are valid Kubernetes label keys and values. */
export function checkLabels(subject: Subject, prop: string, labels: Readonly<Record<string, string>> | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) throwPropError(subject, `${prop}['${key}']`, `has a bad key: ${keyProblem}`, key, "use e.g. 'app.kubernetes.io/name'");
    if (typeof value !== 'string' || !isName(value, NameFormat.LABEL_VALUE)) {
      throwPropError(subject, `${prop}['${key}']`, `must be ${NameFormat.LABEL_VALUE}: ${SPELLING[NameFormat.LABEL_VALUE]}, at most 63 characters`, value, "use e.g. 'enabled'");
    }
  }
}

/** Whether `cidr` is an IPv4 or IPv6 CIDR, as a NetworkPolicy `ipBlock.cidr` takes (`ValidateCIDR`). */
export function isCidr(cidr: string): boolean {
  if (typeof cidr !== 'string') return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (v4 !== null) return v4.slice(1, 5).every((o) => Number(o) <= 255 && !/^0\d/.test(o)) && Number(v4[5]) <= 32;
  const v6 = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(cidr);
  return v6 !== null && Number(v6[2]) <= 128 && /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(([0-9a-fA-F]{1,4}:){0,6}[0-9a-fA-F]{1,4})?::(([0-9a-fA-F]{1,4}:){0,6}[0-9a-fA-F]{1,4})?)$/.test(v6[1]);
}

/**
 * Throws a prop error naming `subject` and `prop` unless `namespace` is undefined (left to the
 * chart or kubectl's context) or a Namespace name: a DNS-1123 label (k8s.io/apimachinery
 * `ValidateNamespaceName`).
 */
export function checkNamespace(subject: Subject, prop: string, namespace: string | undefined): void {
  if (namespace !== undefined) checkName(subject, prop, namespace, { format: NameFormat.DNS1123_LABEL, use: 'it names a Namespace', example: 'kafka' });
}

/** Turns free text (a topic name, an id) into a DNS-1123 label: lowercase, runs of other characters as one '-'. */
export function toDnsLabel(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_LENGTHS[NameFormat.DNS1123_LABEL]).replace(/-+$/, '');
}

/**
 * A DNS-1123 label (at most 63 characters: a Deployment name that is also an
 * `app.kubernetes.io/name` label value) for `text` followed by `-<suffix>`, stable and distinct
 * for distinct texts: `<text>-<suffix>` when `text` is a DNS label and the whole fits;
 * otherwise `text` as a label (lowercase, every run of other characters as one '-'), cut to fit,
 * then `-<8 hex of sha256(text)>-<suffix>`. So topic `orders` gives `orders-producer`, `_` gives
 * `<hash>-producer`, `Orders` and `orders_v1` never share a name with `orders` or `orders-v1`,
 * and a 249-character topic name still gives 63 characters at most.
 * @param suffix a DNS label of at most 40 characters
 */
export function labelWithSuffix(text: string, suffix: string, maxLength: number = 63): string {
  const plain = `${text}-${suffix}`;
  if (isName(text, NameFormat.DNS1123_LABEL) && plain.length <= maxLength) return plain;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const room = maxLength - suffix.length - hash.length - 2;
  const base = toDnsLabel(text).slice(0, Math.max(0, room)).replace(/-+$/, '');
  return base === '' ? `${hash}-${suffix}` : `${base}-${hash}-${suffix}`;
}

/**
 * A Kubernetes object name (DNS-1123 subdomain) for `text`, stable and distinct for distinct
 * texts: `text` itself when it is one; otherwise its lowercase form with every run of other
 * characters as one '-', each label trimmed to start and end with an alphanumeric, and
 * `-<8 hex of sha256(text)>` appended, so that `orders_v1` and `orders-v1` (or `Orders` and
 * `orders`) never share a name. E.g. `_schemas` → `schemas-<hash>`, `..a` → `a-<hash>`.
 */
export function toResourceName(text: string): string {
  if (isName(text, NameFormat.DNS1123_SUBDOMAIN)) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const base = text.toLowerCase().replace(/[^a-z0-9.]+/g, '-').split('.')
    .map((label) => label.replace(/^-+|-+$/g, '')).filter((label) => label !== '').join('.')
    .slice(0, MAX_LENGTHS[NameFormat.DNS1123_SUBDOMAIN] - hash.length - 1).replace(/[-.]+$/, '');
  return base === '' ? `topic-${hash}` : `${base}-${hash}`;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Throws a prop error naming `subject` and `prop` unless `name` passes Kafka's topic name rule (`Topic.validate`). */
export function checkTopicName(subject: Subject, prop: string, name: string): void {
  if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
    throwPropError(subject, prop, "is not a valid Kafka topic name: 1-249 of letters, digits, '.', '_' and '-', not '.' or '..'", name, "use e.g. 'orders'");
  }
}

/** The Levenshtein distance of two strings (insertions, deletions and substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/**
 * The name of `names` nearest to `key` (case-insensitively), if one is near enough to be what was
 * meant: at most 2 edits, or a third of the key's length; for "did you mean" hints.
 */
export function closestName(key: string, names: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? best.name : undefined;
}
