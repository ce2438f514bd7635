import { checkArgs, constructId } from '../core/props';
import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import * as certmanager from '../../imports/certmanager-cert-manager.io';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { goDuration } from '../core/duration';
import { Subject, throwPropError } from '../core/errors';
import { isHostname, sanCovers } from '../core/hostnames';
import { caAnchor, IIssuer, IssuerKind } from './issuer';
import { checkName, checkNamespace, NameFormat } from '../core/naming';

/** The private key algorithm. */
export enum KeyAlgorithm {
  /** RSA: 2048, 3072 or 4096 bits. */
  RSA = 'RSA',
  /** ECDSA on P-256, P-384 or P-521. */
  ECDSA = 'ECDSA',
  /** Ed25519 (no size to choose). */
  ED25519 = 'Ed25519',
}

/** How the private key is written to the Secret. */
export enum KeyEncoding {
  /** PKCS#1 (SEC 1 for ECDSA keys): not what Kafka reads. */
  PKCS1 = 'PKCS1',
  /** What Kafka's PEM key loader reads: use it for any key a broker or client loads. */
  PKCS8 = 'PKCS8',
}

/** What a certificate may be used for (X.509 key usages and extended key usages). */
export enum KeyUsage {
  /** Signing with the key, as in a TLS handshake. */
  DIGITAL_SIGNATURE = 'digital signature',
  /** Encrypting keys with the key (RSA key exchange; RSA keys only). */
  KEY_ENCIPHERMENT = 'key encipherment',
  /** TLS server authentication (extended key usage). */
  SERVER_AUTH = 'server auth',
  /** TLS client authentication (extended key usage). */
  CLIENT_AUTH = 'client auth',
  /** Signing certificates: for a CA. */
  CERT_SIGN = 'cert sign',
  /** Signing certificate revocation lists: for a CA. */
  CRL_SIGN = 'crl sign',
}

/** A certificate others rely on: what names it covers and where its Secret is. */
export interface ICertificate {
  /** The Secret with `tls.crt`, `tls.key` and `ca.crt`. */
  readonly secretName: string;
  /** The namespace of the Certificate and its Secret. */
  readonly namespace?: string;
  /** The DNS names (SANs) it covers. */
  readonly dnsNames: readonly string[];
  /** Whether a SAN covers `hostname` (a wildcard covers exactly one label). */
  covers(hostname: string): boolean;
}

/** Props of {@link Certificate}. */
export interface CertificateProps {
  /** The issuer that signs it. A namespaced Issuer must be in the Certificate's namespace. */
  readonly issuer: IIssuer;
  /**
   * The Certificate's name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Its namespace, where the Secret is written.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * The Secret to write.
   * @default - the Certificate's name
   */
  readonly secretName?: string;
  /**
   * The DNS names (SANs). `*.example.com` covers exactly one label (`a.example.com`, not `a.b.example.com`).
   * @default - none (then `commonName` is required)
   */
  readonly dnsNames?: string[];
  /**
   * The subject common name; modern clients ignore it in favour of the SANs.
   * @default - none
   */
  readonly commonName?: string;
  /**
   * How long the certificate is valid; at least an hour.
   * @default Duration.days(90)
   */
  readonly duration?: Duration;
  /**
   * How long before expiry cert-manager renews it; less than `duration`, at least 5 minutes.
   * @default - a third of the duration (30 days for 90)
   */
  readonly renewBefore?: Duration;
  /**
   * The key algorithm.
   * @default KeyAlgorithm.ECDSA
   */
  readonly keyAlgorithm?: KeyAlgorithm;
  /**
   * The key size: 2048, 3072 or 4096 for RSA; 256, 384 or 521 for ECDSA; none for Ed25519.
   * @default - 256 for ECDSA, 2048 for RSA
   */
  readonly keySize?: number;
  /**
   * The key encoding.
   * @default KeyEncoding.PKCS8
   */
  readonly keyEncoding?: KeyEncoding;
  /**
   * Usages.
   * @default - digital signature and server auth (plus key encipherment for RSA); cert sign for a CA
   */
  readonly usages?: KeyUsage[];
  /**
   * A CA certificate, to back a CA issuer.
   * @default false
   */
  readonly isCa?: boolean;
}

/**
 * The longest `commonName` cert-manager accepts, in bytes: the X.509 upper bound `ub-common-name`
 * (RFC 5280), enforced by cert-manager's Certificate validation.
 */
export const MAX_COMMON_NAME_BYTES = 64;

const KEY_SIZES: Readonly<Record<KeyAlgorithm, readonly number[]>> = {
  [KeyAlgorithm.RSA]: [2048, 3072, 4096],
  [KeyAlgorithm.ECDSA]: [256, 384, 521],
  [KeyAlgorithm.ED25519]: [],
};

/**
 * A cert-manager `Certificate`: a key pair and certificate in a Secret, renewed before expiry,
 * with a new private key on every renewal (`rotationPolicy: Always`).
 *
 * @example
 * const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca' });
 * new Certificate(chart, 'Listener', {
 *   issuer: ca.issuer,
 *   namespace: 'kafka',
 *   dnsNames: ['bootstrap.kafka.example.com', '*.kafka.example.com'],
 *   duration: Duration.days(30),
 * });
 */
export class Certificate extends Construct implements ICertificate {
  /** The Certificate's name (`metadata.name`). */
  public readonly certificateName: string;
  public readonly namespace?: string;
  public readonly secretName: string;
  public readonly dnsNames: readonly string[];
  /** How long the certificate is valid. */
  public readonly duration: Duration;
  /** How long before expiry cert-manager renews it. */
  public readonly renewBefore: Duration;
  /** The L1 `Certificate`. */
  public readonly resource: certmanager.Certificate;

  /** Creates a Certificate; names, durations and key settings cert-manager would reject throw at once. */
  public constructor(scope: Construct, id: string, props: CertificateProps) {
    super(scope, constructId('Certificate', scope, id));
    checkArgs({ scope: this, kind: 'Certificate', name: id }, 'Certificate.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.certificateName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'Certificate', name: this.certificateName };
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    checkNamespace(subject, 'namespace', this.namespace);
    this.secretName = props.secretName ?? this.certificateName;
    checkName(subject, 'name', this.certificateName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it is the object name', example: 'kafka-tls' });
    checkName(subject, 'secretName', this.secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Secret', example: 'kafka-tls' });
    this.dnsNames = props.dnsNames ?? [];
    const issuer = props.issuer;

    if (issuer.issuerKind === IssuerKind.ISSUER && issuer.issuerNamespace !== this.namespace) {
      throwPropError(subject, 'issuer', `is the Issuer '${issuer.issuerName}' in namespace ${issuer.issuerNamespace ?? '(none)'}, but an Issuer only signs Certificates in its own namespace (${this.namespace ?? '(none)'})`, issuer.issuerName, 'use a ClusterIssuer, or an Issuer in the same namespace');
    }
    if (props.commonName !== undefined && (typeof props.commonName !== 'string' || Buffer.byteLength(props.commonName) > MAX_COMMON_NAME_BYTES)) {
      throwPropError(subject, 'commonName', `must be a string of at most ${MAX_COMMON_NAME_BYTES} bytes (cert-manager rejects longer ones; clients read the SANs anyway)`, props.commonName, 'shorten it, and put the hostnames in dnsNames');
    }
    // cert-manager takes an empty commonName for none (ValidateCertificateSpec: len(commonName) == 0),
    // and a certificate needs a name: "at least one of commonName (…), dnsNames, … must be set".
    if (props.commonName !== undefined && props.commonName.trim() === '') {
      throwPropError(subject, 'commonName', 'is empty, which cert-manager takes for no common name', props.commonName, this.dnsNames.length === 0 ? 'name the subject, or list the hostnames in dnsNames' : 'leave it unset: the dnsNames name the certificate');
    }
    if (this.dnsNames.length === 0 && props.commonName === undefined) {
      throwPropError(subject, 'dnsNames', 'are empty and there is no commonName', [], 'list the hostnames the certificate must cover');
    }
    this.dnsNames.forEach((name, i) => {
      // DNS names are case-insensitive (RFC 4343) and so is SAN matching (RFC 6125 §6.4.1; covers()
      // lowercases): `Kafka.Example.com` is a good SAN, checked in lowercase and written as given.
      if (typeof name !== 'string' || !isHostname(name.toLowerCase(), true)) {
        throwPropError(subject, `dnsNames[${i}]`, 'is not a DNS name (a wildcard is only allowed as the whole leftmost label)', name, "use e.g. 'kafka.example.com' or '*.kafka.example.com'");
      }
    });

    this.duration = props.duration ?? Duration.days(90);
    this.renewBefore = props.renewBefore ?? Duration.seconds(Math.floor(this.duration.toSeconds() / 3));
    if (this.duration.toSeconds() < 3600) {
      throwPropError(subject, 'duration', 'must be at least 1h (cert-manager\'s minimum)', goDuration(this.duration), 'use e.g. Duration.days(90)');
    }
    if (this.renewBefore.toSeconds() >= this.duration.toSeconds()) {
      throwPropError(subject, 'renewBefore', `must be less than the duration (${goDuration(this.duration)}), or cert-manager renews in a loop`, goDuration(this.renewBefore), 'use about a third of the duration');
    }
    if (this.renewBefore.toSeconds() < 300) {
      throwPropError(subject, 'renewBefore', 'must be at least 5m (cert-manager\'s minimum)', goDuration(this.renewBefore), 'use about a third of the duration');
    }

    const algorithm = props.keyAlgorithm ?? KeyAlgorithm.ECDSA;
    const sizes = KEY_SIZES[algorithm];
    const size = props.keySize ?? sizes[0];
    if (algorithm === KeyAlgorithm.ED25519 ? props.keySize !== undefined : !sizes.includes(size)) {
      throwPropError(subject, 'keySize', `is not a ${algorithm} key size`, props.keySize, sizes.length > 0 ? `use ${sizes.join(', ')}` : `leave it unset for ${algorithm}`);
    }
    const usages = props.usages ?? defaultUsages(algorithm, props.isCa ?? false);
    if (algorithm !== KeyAlgorithm.RSA && usages.includes(KeyUsage.KEY_ENCIPHERMENT)) {
      throwPropError(subject, 'usages', `include key encipherment, which only RSA keys support (the key is ${algorithm})`, usages, 'drop it, or use KeyAlgorithm.RSA');
    }

    const pass = ConsistencyPass.of(this);
    const issuerRef = issuer.toIssuerRef();
    pass.refer(subject, 'issuer', { group: issuerRef.group, kind: issuerRef.kind, namespace: issuer.issuerNamespace, name: issuerRef.name }, `add the ${issuerRef.kind} to this cluster (for one made beforehand: ${issuerRef.kind}.from${issuerRef.kind}Name())`);
    pass.provide(this, secretRef(this.namespace, this.secretName), `cert-manager, from Certificate '${this.certificateName}' at ${this.node.path}`, caAnchor(issuer, this.namespace, this.secretName), (hostname) => this.covers(hostname));

    this.resource = new certmanager.Certificate(this, 'Resource', {
      metadata: { name: this.certificateName, namespace: this.namespace },
      spec: {
        secretName: this.secretName,
        issuerRef,
        ...(props.commonName !== undefined && { commonName: props.commonName }),
        ...(this.dnsNames.length > 0 && { dnsNames: [...this.dnsNames] }),
        duration: goDuration(this.duration),
        renewBefore: goDuration(this.renewBefore),
        ...(props.isCa && { isCa: true }),
        privateKey: {
          algorithm: algorithm as string as certmanager.CertificateSpecPrivateKeyAlgorithm,
          ...(algorithm !== KeyAlgorithm.ED25519 && { size }),
          encoding: (props.keyEncoding ?? KeyEncoding.PKCS8) as string as certmanager.CertificateSpecPrivateKeyEncoding,
          rotationPolicy: certmanager.CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
        },
        usages: usages.map((u) => u as string as certmanager.CertificateSpecUsages),
      },
    });
  }

  public covers(hostname: string): boolean {
    return this.dnsNames.some((san) => sanCovers(san, hostname));
  }
}

function defaultUsages(algorithm: KeyAlgorithm, isCa: boolean): KeyUsage[] {
  if (isCa) return [KeyUsage.CERT_SIGN, KeyUsage.CRL_SIGN, KeyUsage.DIGITAL_SIGNATURE];
  return algorithm === KeyAlgorithm.RSA
    ? [KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, KeyUsage.SERVER_AUTH]
    : [KeyUsage.DIGITAL_SIGNATURE, KeyUsage.SERVER_AUTH];
}
