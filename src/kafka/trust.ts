import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { StrimziNames } from '../core/names';
import { isName, NameFormat } from '../core/naming';
import type { KafkaListener } from './listener';

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

/**
 * Checks a pattern's syntax: a Java glob, non-empty, that could match a Secret key.
 * @internal
 */
export function checkTrustPattern(where: Where, prop: string, pattern: unknown): string {
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    fail(where, prop, 'must be a glob of the Secret\'s keys', pattern, "use e.g. '*.crt'");
  }
  const re = globToRegExp(pattern);
  if (re === undefined) fail(where, prop, "is not a glob Java accepts (Strimzi matches it with FileSystems.getPathMatcher(\"glob:\" + pattern)): an unclosed '[' or '{', a nested '{', a '/' in a class or a trailing '\\'", pattern, "use e.g. '*.crt'");
  if (pattern.includes('/')) fail(where, prop, "contains '/', which no Secret key has", pattern, "match the key only, e.g. '*.crt'");
  return pattern;
}

/**
 * Checks a {@link TrustedCa} given by the user and returns it with its default
 * (`certificate: 'ca.crt'` when neither is set).
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
  if (trust.pattern !== undefined) {
    return { secretName: trust.secretName, pattern: checkTrustPattern(where, `${prop}.pattern`, trust.pattern) };
  }
  return { secretName: trust.secretName, certificate: trust.certificate ?? 'ca.crt' };
}

/**
 * The trust a client of `listener` gets: the listener's CA Secret (`KafkaListener.trustedCa`),
 * with its one CA key or, given `pattern`, every key matching it. Where the library knows the
 * Secret's keys, the pattern must take the CA certificate and no key that is not a certificate:
 * a cluster CA Secret (`<cluster>-cluster-ca-cert`) holds `ca.crt`, `ca.p12` and `ca.password`
 * (and `ca-<date>.crt` while its key is replaced); a listener certificate's Secret holds the
 * certificate, its private key and the CA certificate. Undefined for a listener without TLS.
 * @throws when the pattern is given for a listener without TLS, misses the CA certificate, or
 *   takes a key Strimzi would fail to read as a certificate
 * @internal
 */
export function listenerTrust(where: Where, prop: string, listener: KafkaListener, clusterName: string, pattern: string | undefined): TrustedCa | undefined {
  const ca = listener.trustedCa;
  if (pattern === undefined) return ca && { secretName: ca.secretName, certificate: ca.certificate };
  checkTrustPattern(where, prop, pattern);
  if (ca === undefined) {
    fail(where, prop, `is set, but listener '${listener.name}' has no TLS: there is no certificate to trust`, pattern, 'drop it, or connect through a TLS listener');
  }
  const re = globToRegExp(pattern)!;
  const clusterCa = ca.secretName === StrimziNames.clusterCaCertSecret(clusterName);
  const own = listener.options.brokerCertificate;
  const notCertificates = clusterCa ? ['ca.p12', 'ca.password'] : [own?.key ?? 'tls.key'];
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
