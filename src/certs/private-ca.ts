import { checkArgs, constructId } from '../core/props';
import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Certificate, KeyAlgorithm, MAX_COMMON_NAME_BYTES } from './certificate';
import { ClusterIssuer, CLUSTER_RESOURCE_NAMESPACE, IIssuer, Issuer, IssuerType } from './issuer';
import { ConsistencyPass } from '../core/consistency';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { throwPropError } from '../core/errors';

/** Props of {@link PrivateCa}. */
export interface PrivateCaProps {
  /**
   * The CA issuer's name; the self-signed issuer is `<name>-selfsigned`, the CA Certificate and
   * its Secret `<name>-ca`.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Make ClusterIssuers (sign in every namespace) rather than namespaced Issuers.
   * @default true
   */
  readonly clusterScoped?: boolean;
  /**
   * Where the CA Certificate and Secret live: cert-manager's cluster resource namespace for
   * ClusterIssuers, the issuers' namespace otherwise.
   * @default - 'cert-manager' for ClusterIssuers, the chart's namespace for Issuers
   */
  readonly namespace?: string;
  /**
   * How long the CA is valid.
   * @default Duration.days(3650)
   */
  readonly duration?: Duration;
}

/**
 * A private CA the way cert-manager recommends: a self-signed issuer signs one CA certificate,
 * and a CA issuer signs everything else with it, so that clients trust one CA that outlives
 * every server certificate.
 *
 * @example
 * const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca' });
 * new Certificate(chart, 'Listener', { issuer: ca.issuer, namespace: 'kafka', dnsNames: ['*.kafka.example.com'] });
 */
export class PrivateCa extends Construct {
  /** The issuer that signs with the CA: the one to give Certificates. */
  public readonly issuer: IIssuer;
  /** The CA Certificate (its Secret's `ca.crt` is what clients trust). */
  public readonly certificate: Certificate;
  /** The self-signed issuer that signs only the CA certificate. */
  public readonly selfSignedIssuer: IIssuer;

  /** Creates the self-signed issuer, the CA Certificate and the CA issuer. */
  public constructor(scope: Construct, id: string, props: PrivateCaProps = {}) {
    super(scope, constructId('PrivateCa', scope, id));
    checkArgs({ scope: this, kind: 'PrivateCa', name: id }, 'PrivateCa.constructor', arguments, 2);
    ConsistencyPass.of(this);
    const name = props.name ?? id.toLowerCase();
    const subject = { scope: this, kind: 'PrivateCa', name };
    checkName(subject, 'name', name, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it prefixes the issuers, the Certificate and its Secret', example: 'kafka-ca' });
    const commonName = `${name} CA`;
    if (Buffer.byteLength(commonName) > MAX_COMMON_NAME_BYTES) {
      throwPropError(subject, 'name', `makes the CA's common name ${JSON.stringify(commonName)}, ${Buffer.byteLength(commonName)} bytes; cert-manager rejects a commonName over ${MAX_COMMON_NAME_BYTES} bytes (the X.509 upper bound, RFC 5280)`, name, `shorten the name to at most ${MAX_COMMON_NAME_BYTES - 3} characters`);
    }
    const cluster = props.clusterScoped ?? true;
    const namespace = props.namespace ?? (cluster ? CLUSTER_RESOURCE_NAMESPACE : Chart.of(this).namespace);
    checkNamespace(subject, 'namespace', namespace);
    const issuer = (issuerId: string, issuerName: string, type: IssuerType): IIssuer =>
      cluster ? new ClusterIssuer(this, issuerId, { name: issuerName, type }) : new Issuer(this, issuerId, { name: issuerName, namespace, type });

    this.selfSignedIssuer = issuer('SelfSigned', `${name}-selfsigned`, IssuerType.selfSigned());
    this.certificate = new Certificate(this, 'Certificate', {
      issuer: this.selfSignedIssuer,
      name: `${name}-ca`,
      namespace,
      commonName,
      isCa: true,
      duration: props.duration ?? Duration.days(3650),
      keyAlgorithm: KeyAlgorithm.ECDSA,
    });
    this.issuer = issuer('Issuer', name, IssuerType.ca(this.certificate.secretName));
  }
}
