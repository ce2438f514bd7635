import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { StrimziNames } from '../core/names';
import { isName, NameFormat } from '../core/naming';
import type { KafkaListener, ListenerAuthenticationType } from './listener';

// The CA certificates a Strimzi client component (KafkaBridge, KafkaConnect, KafkaMirrorMaker2)
// trusts: Strimzi 1.2's CertSecretSource (`tls.trustedCertificates[]`, api/.../common/
// CertSecretSource.java), a Secret and either one key (`certificate`) or every key matching a glob
// (`pattern`): @OneOf certificate | pattern. The cluster operator reads the Secret from the
// component's namespace and copies the PEM certificates into the component's own trusted
// certificates Secret (ReconcilerUtils.getTrustedCertificateAsync: `FileSystems.getPathMatcher("glob:"
// + pattern)` over the Secret's keys; every match is parsed as an X.509 certificate, and one that
// is not fails the reconciliation: "Failed to load certificate from Secret").

/**
 * A Secret with the CA certificates a client of Kafka trusts (Strimzi's
 * `tls.trustedCertificates[]` entry): one key of it (`certificate`), or every key that matches a
 * glob (`pattern`), never both.
 *
 * `pattern: '*.crt'`, as in Strimzi's examples, trusts every certificate of a cluster CA Secret:
 * `ca.crt` and, while Strimzi replaces the CA key, the old CA kept beside it as
 * `ca-<date>.crt` (InternalCa), so that clients keep trusting brokers not yet rolled.
 */
export interface TrustedCa {
  /** The Secret with the CA certificate, in the client's namespace. */
  readonly secretName: string;
  /**
   * The key of the PEM CA certificate in the Secret. Not with `pattern`.
   * @default 'ca.crt', unless `pattern` is set
   */
  readonly certificate?: string;
  /**
   * A glob of the Secret's keys to trust, every match a PEM certificate (Java's `glob:` syntax:
   * `*` and `?` within a key, `[abc]`, `{crt,pem}`), e.g. `*.crt`. Not with `certificate`.
   * @default - none: the one key `certificate`
   */
  readonly pattern?: string;
}

/** The L1 shape every Strimzi CRD shares for a trusted certificate. @internal */
export interface RenderedTrustedCertificate {
  readonly secretName: string;
  readonly certificate?: string;
  readonly pattern?: string;
}

/** Where a trust setting was given: a construct's prop, or a factory's argument. */
type Where = Subject | string;

function fail(where: Where, prop: string, problem: string, value: unknown, fix: string): never {
  if (typeof where === 'string') throwFactoryError(where, prop, problem, value, fix);
  throwPropError(where, prop, problem, value, fix);
}

/**
 * A glob of Secret keys as a regular expression, by the rules of Java's `glob:` PathMatcher
 * (sun.nio.fs.Globs.toRegexPattern): `*` any run of characters but '/', `**` any run, `?` one
 * character but '/', `[...]` a class (`[!...]` negated, no '/'), `{a,b}` alternatives (not nested),
 * `\` escapes; undefined when Java would refuse it (PatternSyntaxException).
 * @internal
 */
export function globToRegExp(glob: string): RegExp | undefined {
  let out = '^';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    switch (c) {
      case '\\':
        if (i + 1 === glob.length) return undefined; // "No character to escape"
        out += escapeChar(glob[++i]);
        break;
      case '*':
        if (glob[i + 1] === '*') {
          out += '.*';
          i++;
        } else {
          out += '[^/]*';
        }
        break;
      case '?':
        out += '[^/]';
        break;
      case '[': {
        const end = glob.indexOf(']', i + 2);
        if (end < 0) return undefined; // "Missing ']'"
        let body = glob.slice(i + 1, end);
        if (body.includes('/')) return undefined; // "Explicit 'name separator' in class"
        const negate = body.startsWith('!');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
        i = end;
        break;
      }
      case '{':
        if (inGroup) return undefined; // "Cannot nest groups"
        inGroup = true;
        out += '(?:';
        break;
      case '}':
        if (inGroup) {
          inGroup = false;
          out += ')';
        } else {
          out += '\\}';
        }
        break;
      case ',':
        out += inGroup ? '|' : ',';
        break;
      default:
        out += escapeChar(c);
    }
  }
  if (inGroup) return undefined; // "Missing '}'"
  return new RegExp(`${out}$`);
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** A character a Secret data key may hold (Kubernetes `IsConfigMapKey`: `[-._a-zA-Z0-9]+`). */
const KEY_CHARACTER = /^[-._a-zA-Z0-9]$/;
/** The characters a Java glob adds: wildcards, classes (`[!...]` negated), groups, and `\` to escape. */
const GLOB_CHARACTER = /^[*?[\]{},!\\]$/;

/**
 * The first character of `pattern` that no Secret key can hold and that is no glob syntax: a
 * key character, or one of `* ? [ ] { } , !`, or `\` escaping a key character (an escaped `*` or
 * space is a literal no key has). Undefined when every character is one of these.
 */
function foreignCharacter(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const escaped = pattern[++i];
      if (!KEY_CHARACTER.test(escaped)) return escaped;
    } else if (!KEY_CHARACTER.test(c) && !GLOB_CHARACTER.test(c)) {
      return c;
    }
  }
  return undefined;
}

/**
 * Checks a pattern's syntax: a Java glob, non-empty, that could match a Secret key: of the
 * characters a key may hold (letters, digits, `-`, `_`, `.`: Kubernetes' `IsConfigMapKey`, which
 * Secret data keys follow) and the glob's own (`* ? [ ] { } , !`, `\` escaping a key character).
 * @internal
 */
export function checkTrustPattern(where: Where, prop: string, pattern: unknown): string {
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    fail(where, prop, 'must be a glob of the Secret\'s keys', pattern, "use e.g. '*.crt'");
  }
  const re = globToRegExp(pattern);
  if (re === undefined) fail(where, prop, "is not a glob Java accepts (Strimzi matches it with FileSystems.getPathMatcher(\"glob:\" + pattern)): an unclosed '[' or '{', a nested '{', a '/' in a class or a trailing '\\'", pattern, "use e.g. '*.crt'");
  if (pattern.includes('/')) fail(where, prop, "contains '/', which no Secret key has", pattern, "match the key only, e.g. '*.crt'");
  const foreign = foreignCharacter(pattern);
  if (foreign !== undefined) {
    fail(where, prop, `contains ${JSON.stringify(foreign)}, which no Secret key has (a key is letters, digits, '-', '_' and '.'; a glob adds * ? [ ] { } , ! and \\ before a key character)`, pattern,
      "match the keys as they are written, e.g. '*.crt' or 'ca-*.crt'");
  }
  return pattern;
}

/**
 * File extensions of Secret keys that hold no PEM certificate: private keys (`tls.key`, `ca.key`,
 * `user.key`), PKCS #12 and Java keystores (`ca.p12`, `user.p12`, cert-manager's `keystore.p12`,
 * `truststore.jks`), and their passwords (`ca.password`, `user.password`): the keys Strimzi and
 * cert-manager write beside the certificates.
 */
const NOT_CERTIFICATE_EXTENSIONS = ['key', 'p12', 'pfx', 'jks', 'keystore', 'truststore', 'password'];
/** Whole key names that hold no certificate: a SCRAM KafkaUser's Secret (`password`, `sasl.jaas.config`). */
const NOT_CERTIFICATE_NAMES = ['password', 'sasl.jaas.config'];

/**
 * Why a Secret key, by its name, certainly holds no PEM certificate, or undefined: a private key,
 * keystore or password by its extension (`*.key`, `*.p12`, `*.jks`, `*.password`, …), a PEM file
 * named as a private key (`key.pem`, `privkey.pem`, cfssl's `ca-key.pem`), or a SCRAM user's
 * `password` / `sasl.jaas.config`.
 */
function notCertificateReason(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (NOT_CERTIFICATE_NAMES.includes(lower)) return 'a SCRAM user\'s credentials';
  const dot = lower.lastIndexOf('.');
  const extension = dot < 0 ? '' : lower.slice(dot + 1);
  const base = dot < 0 ? lower : lower.slice(0, dot);
  if (extension === 'key') return 'a private key';
  if (['p12', 'pfx', 'jks', 'keystore', 'truststore'].includes(extension)) return 'a PKCS #12 or Java keystore';
  if (extension === 'password') return "a keystore's password";
  if (extension === 'pem' && /^(key|privkey|private|private[-_]key)$|[-_.]key$/.test(base)) return 'a private key (by its name)';
  return undefined;
}

/** Key names a certificate may have, to tell a pattern that can take one from a pattern that takes only keys that are none. */
const CERTIFICATE_PROBES = ['ca.crt', 'tls.crt', 'user.crt', 'ca-2025-01-01.crt', 'ca.pem', 'cert.pem', 'chain.pem', 'fullchain.pem', 'ca.cer', 'ca.cert', 'ca', 'cert', 'ca-bundle'];
/** Key names that hold no certificate (see notCertificateReason), one of each kind. */
const NOT_CERTIFICATE_PROBES = [
  ...NOT_CERTIFICATE_EXTENSIONS.flatMap((e) => [`ca.${e}`, `tls.${e}`, `user.${e}`, `keystore.${e}`, `truststore.${e}`]),
  'key.pem', 'privkey.pem', 'ca-key.pem', 'tls-key.pem', ...NOT_CERTIFICATE_NAMES,
];

/**
 * Throws when `certificate`, a key of a Secret whose keys the library does not know, is by its
 * name no PEM certificate (see notCertificateReason): Strimzi parses it as an X.509 certificate
 * and fails the reconciliation ("Failed to load certificate from Secret", ReconcilerUtils
 * .getTrustedCertificateAsync).
 */
function checkCertificateKey(where: Where, prop: string, certificate: string): void {
  const reason = notCertificateReason(certificate);
  if (reason === undefined) return;
  fail(where, prop, `names ${reason}, not a PEM certificate: Strimzi reads the key as an X.509 certificate and fails the reconciliation ("Failed to load certificate from Secret", ReconcilerUtils.getTrustedCertificateAsync)`, certificate,
    "name the CA certificate's key, e.g. 'ca.crt' (Strimzi's cluster CA Secret and a KafkaUser's Secret), 'tls.crt' or 'ca.pem'");
}

/**
 * Throws when a branch of `pattern` (the pattern, or one alternative of its `{a,b}` group) takes
 * only keys that are certainly no PEM certificate (`*.key`, `*.p12`, `{*.crt,*.password}`): in a
 * Secret whose keys the library does not know, a pattern that also takes certificates (`*.crt`,
 * `*.pem`, `*`) passes.
 */
function checkPatternTakesCertificates(where: Where, prop: string, pattern: string): void {
  const open = pattern.indexOf('{');
  const close = pattern.indexOf('}', open);
  const branches = open < 0 || close < 0 || (open > 0 && pattern[open - 1] === '\\')
    ? [pattern]
    : pattern.slice(open + 1, close).split(',').map((alternative) => pattern.slice(0, open) + alternative + pattern.slice(close + 1));
  const refuse = (branch: string, what: string): never => fail(where, prop, `${branch === pattern ? 'takes' : `takes, with '${branch}',`} only keys that hold no PEM certificate (${what}): Strimzi reads every key the pattern matches as an X.509 certificate and fails the reconciliation on the first that is none ("Failed to load certificate from Secret", ReconcilerUtils.getTrustedCertificateAsync)`, pattern,
    "match the CA certificates only, e.g. '*.crt' or '*.pem'");
  for (const branch of branches) {
    const re = globToRegExp(branch);
    if (re === undefined) continue;
    // The literal end of the branch (after its last wildcard or class): its extension, or the whole key.
    const lastWild = Math.max(branch.lastIndexOf('*'), branch.lastIndexOf('?'), branch.lastIndexOf(']'));
    const tail = branch.slice(lastWild + 1);
    if (!tail.includes('\\') && (lastWild < 0 || tail.includes('.'))) {
      // Every key the branch matches ends with the tail (is the tail, without a wildcard).
      const reason = notCertificateReason(lastWild < 0 ? tail : `x${tail}`);
      if (reason !== undefined) refuse(branch, `every key it matches is ${reason}, by its name`);
    }
    const taken = NOT_CERTIFICATE_PROBES.filter((k) => re.test(k));
    if (taken.length === 0 || CERTIFICATE_PROBES.some((k) => re.test(k))) continue;
    refuse(branch, `e.g. ${taken.slice(0, 3).map((k) => `'${k}'`).join(', ')}: ${notCertificateReason(taken[0])}`);
  }
}

/**
 * Checks a {@link TrustedCa} given by the user and returns it with its default
 * (`certificate: 'ca.crt'` when neither is set). The Secret's keys are not known: a `certificate`
 * whose name says it is no certificate (a private key, keystore or password: `*.key`, `*.p12`,
 * `*.jks`, `*.password`, `privkey.pem`), and a `pattern` that takes only such keys, are refused.
 * @internal
 */
export function checkTrustedCa(where: Where, prop: string, trust: TrustedCa): TrustedCa {
  if (typeof trust !== 'object' || trust === null || !isName(trust.secretName, NameFormat.DNS1123_SUBDOMAIN)) {
    fail(where, `${prop}.secretName`, "must name a Secret (a DNS-1123 subdomain) in the client's namespace", (trust as TrustedCa | undefined)?.secretName, "use e.g. { secretName: 'kafka-ca' }");
  }
  if (trust.certificate !== undefined && trust.pattern !== undefined) {
    fail(where, `${prop}.pattern`, 'is set with certificate: Strimzi takes one key or a pattern, not both (CertSecretSource @OneOf)', trust.pattern, 'drop one of them');
  }
  if (trust.certificate !== undefined && !isName(trust.certificate, NameFormat.DATA_KEY)) {
    fail(where, `${prop}.certificate`, 'must be a key of the Secret (letters, digits, -, _ and .)', trust.certificate, "use e.g. 'ca.crt'");
  }
  if (trust.certificate !== undefined) checkCertificateKey(where, `${prop}.certificate`, trust.certificate);
  if (trust.pattern !== undefined) {
    const pattern = checkTrustPattern(where, `${prop}.pattern`, trust.pattern);
    checkPatternTakesCertificates(where, `${prop}.pattern`, pattern);
    return { secretName: trust.secretName, pattern };
  }
  return { secretName: trust.secretName, certificate: trust.certificate ?? 'ca.crt' };
}

/**
 * The glob a client trusts Strimzi's cluster CA Secret (`<cluster>-cluster-ca-cert`) with by
 * default, as Strimzi's examples do: `ca.crt`, and while Strimzi replaces the CA key the old CA
 * certificate it keeps beside it as `ca-<notAfter>.crt` until every broker has its new
 * certificate (InternalCa.createRenewOrReplace, REPLACE_KEY: `certData.put("ca-" + notAfterDate +
 * ".crt", certData.remove(CA_CRT))`; Ca.maybeDeleteOldCerts drops it afterwards), but not
 * `ca.p12` or `ca.password`.
 */
export const CLUSTER_CA_PATTERN = '*.crt';

/**
 * Whether `listener`'s CA Secret is the cluster CA Secret Strimzi writes (`<cluster>-cluster-ca-cert`),
 * not a listener certificate's (`brokerCertificate`, e.g. cert-manager's).
 * @internal
 */
export function trustsClusterCa(listener: KafkaListener, clusterName: string): boolean {
  return listener.trustedCa?.secretName === StrimziNames.clusterCaCertSecret(clusterName);
}

/** What a client of a listener was given to pick the keys of the CA Secret, and the props that gave them. */
export interface ListenerTrustChoice {
  /** The glob of keys (`trustedCertificatesPattern`). */
  readonly pattern?: string;
  /** The one key (`trustedCertificate`). */
  readonly certificate?: string;
  /** The prop names, for messages. */
  readonly props: { readonly pattern: string; readonly certificate: string };
}

/**
 * The trust a client of `listener` gets, reading the listener's CA Secret itself (in the
 * cluster's namespace, `KafkaListener.trustedCa`): the keys `pattern` matches; or the one key
 * `certificate`; or by default, for the cluster CA Secret, every certificate of it
 * ({@link CLUSTER_CA_PATTERN}: the CA and, during a CA key replacement, the old one), for a listener
 * certificate's Secret its CA key. Where the library knows the Secret's keys, a pattern must take
 * the CA certificate and no key that is not a certificate: a cluster CA Secret holds `ca.crt`,
 * `ca.p12` and `ca.password` (and `ca-<date>.crt` while its key is replaced); a listener
 * certificate's Secret holds the certificate, its private key and the CA certificate; and a
 * certificate must be the CA certificate's key. Undefined for a listener without TLS.
 * @throws when a pattern or certificate is given for a listener without TLS, both are given, the
 *   pattern misses the CA certificate or takes a key Strimzi would fail to read as a certificate,
 *   or the certificate is not the CA certificate's key
 * @internal
 */
export function listenerTrust(where: Where, listener: KafkaListener, clusterName: string, choice: ListenerTrustChoice): TrustedCa | undefined {
  const ca = listener.trustedCa;
  const { pattern, certificate, props } = choice;
  if (certificate !== undefined) {
    if (pattern !== undefined) fail(where, props.certificate, `is set with ${props.pattern}: Strimzi takes one key or a pattern, not both (CertSecretSource @OneOf)`, certificate, 'drop one of them');
    if (typeof certificate !== 'string' || !isName(certificate, NameFormat.DATA_KEY)) {
      fail(where, props.certificate, 'must be a key of the Secret (letters, digits, -, _ and .)', certificate, "use e.g. 'ca.crt'");
    }
    if (ca === undefined) fail(where, props.certificate, `is set, but listener '${listener.name}' has no TLS: there is no certificate to trust`, certificate, 'drop it, or connect through a TLS listener');
    if (certificate !== ca.certificate) {
      fail(where, props.certificate, `is not '${ca.certificate}', the CA certificate of listener '${listener.name}' in Secret '${ca.secretName}': the client would not trust the brokers`, certificate,
        `give '${ca.certificate}', or a pattern (${props.pattern}) of the certificates to trust`);
    }
    return { secretName: ca.secretName, certificate };
  }
  if (pattern === undefined) {
    if (ca === undefined) return undefined;
    return trustsClusterCa(listener, clusterName) ? { secretName: ca.secretName, pattern: CLUSTER_CA_PATTERN } : { secretName: ca.secretName, certificate: ca.certificate };
  }
  const prop = props.pattern;
  checkTrustPattern(where, prop, pattern);
  if (ca === undefined) {
    fail(where, prop, `is set, but listener '${listener.name}' has no TLS: there is no certificate to trust`, pattern, 'drop it, or connect through a TLS listener');
  }
  const re = globToRegExp(pattern)!;
  const own = listener.options.brokerCertificate;
  const notCertificates = trustsClusterCa(listener, clusterName) ? ['ca.p12', 'ca.password'] : [own?.key ?? 'tls.key'];
  if (!re.test(ca.certificate)) {
    fail(where, prop, `does not match '${ca.certificate}', the CA certificate of listener '${listener.name}' in Secret '${ca.secretName}': the client would not trust the brokers`, pattern, `use a pattern that matches it, e.g. '*.crt'`);
  }
  const wrong = notCertificates.filter((key) => re.test(key));
  if (wrong.length > 0) {
    fail(where, prop, `matches ${wrong.map((k) => `'${k}'`).join(', ')} of Secret '${ca.secretName}', which ${wrong.length === 1 ? 'is' : 'are'} not a PEM certificate: Strimzi fails to load it ("Failed to load certificate from Secret")`, pattern, "match the certificates only, e.g. '*.crt'");
  }
  return { secretName: ca.secretName, pattern };
}

/**
 * The `tls.trustedCertificates` entry of a trust.
 * @internal
 */
export function renderTrust(trust: TrustedCa): RenderedTrustedCertificate {
  return trust.pattern !== undefined
    ? { secretName: trust.secretName, pattern: trust.pattern }
    : { secretName: trust.secretName, certificate: trust.certificate ?? 'ca.crt' };
}

/**
 * Throws when a client authenticates with mutual TLS over a connection without TLS: the client
 * certificate is presented in the TLS handshake, and without `tls` Strimzi writes
 * `security.protocol=PLAINTEXT` (KafkaBridgeConfigurationBuilder.withTls and withAuthentication,
 * KafkaConnectConfigurationBuilder and KafkaMirrorMaker2Connectors alike: only SASL changes the
 * protocol), so the certificate is never sent and the broker sees an unauthenticated client (a TLS
 * listener does not even answer the plain-text connection). The rule of every client with a
 * connection of its own (BridgeKafkaConnection.fromAddress, MirrorMaker2Cluster.fromAddress).
 * @internal
 */
export function checkMutualTlsHasTls(where: Where, prop: string, tls: boolean, authentication: ListenerAuthenticationType | string | undefined, fix: string): void {
  if (tls || authentication !== 'tls') return;
  fail(where, prop, 'is mutual TLS over a connection without TLS: the client certificate is presented in the TLS handshake, and without TLS Strimzi writes security.protocol=PLAINTEXT (its Bridge, Connect and MirrorMaker 2 configuration builders: only SASL changes it), so the certificate is never sent', 'tls', fix);
}
