import { checkArgs, constructId } from '../core/props';
import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import * as certmanager from '../../imports/certmanager-cert-manager.io';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { clusterScoped } from '../core/scope';
import { checkFactoryName, checkName, checkNamespace, NameFormat } from '../core/naming';

/** The kind of a cert-manager issuer. */
export enum IssuerKind {
  /** Namespaced: signs Certificates in its own namespace. */
  ISSUER = 'Issuer',
  /** Cluster-scoped: signs Certificates in every namespace. */
  CLUSTER_ISSUER = 'ClusterIssuer',
}

/** Something that signs certificates: a cert-manager `Issuer` or `ClusterIssuer`. */
export interface IIssuer extends IConstruct {
  /** The issuer's name (`metadata.name`). */
  readonly issuerName: string;
  /** Whether it is a namespaced `Issuer` or a `ClusterIssuer`. */
  readonly issuerKind: IssuerKind;
  /** The namespace of an `Issuer` (it only signs Certificates there); undefined for a `ClusterIssuer`. */
  readonly issuerNamespace?: string;
  /** The `issuerRef` of a Certificate signed by this issuer. */
  toIssuerRef(): IssuerRef;
}

/** A cert-manager `issuerRef`. */
export interface IssuerRef {
  /** The issuer's name. */
  readonly name: string;
  /** `Issuer` or `ClusterIssuer`. */
  readonly kind: string;
  /** The API group, `cert-manager.io`. */
  readonly group: string;
}

/** How an issuer signs: it signs its own certificates, or it signs with a CA key from a Secret. */
export class IssuerType {
  /** Each certificate signs itself: for bootstrapping a CA, not for serving. */
  public static selfSigned(): IssuerType {
    return new IssuerType({ selfSigned: {} });
  }

  /**
   * Signs with the CA in `secretName` (`tls.crt` and `tls.key`, e.g. a CA `Certificate`'s Secret).
   * A ClusterIssuer reads it from cert-manager's cluster resource namespace.
   */
  public static ca(secretName: string): IssuerType {
    checkArgs('IssuerType.ca()', 'IssuerType.ca', arguments);
    checkFactoryName('IssuerType.ca()', 'secretName', secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret', example: 'kafka-ca' });
    return new IssuerType({ ca: { secretName } });
  }

  private constructor(
    /** @internal */ public readonly _spec: certmanager.IssuerSpec & certmanager.ClusterIssuerSpec
  ) {}
}

/** The cert-manager namespace a ClusterIssuer reads its CA Secret from (the default `--cluster-resource-namespace`). */
export const CLUSTER_RESOURCE_NAMESPACE = 'cert-manager';

const TYPES = new WeakMap<IIssuer, IssuerType>();

/**
 * An id of the CA whose certificate cert-manager writes to `ca.crt` of a Certificate signed by
 * `issuer`: the CA Secret of a CA issuer, the certificate itself for a self-signed issuer;
 * undefined for an issuer made elsewhere. cert-manager's CA issuer returns the CA with the
 * certificate and the issuing controller writes it as `ca.crt` (cert-manager
 * `pkg/controller/certificaterequests/ca/ca.go`, `certificates/issuing/internal/secret.go`).
 */
export function caAnchor(issuer: IIssuer, certificateNamespace: string | undefined, secretName: string): string | undefined {
  const type = TYPES.get(issuer);
  if (type === undefined) return undefined;
  if (type._spec.ca === undefined) return caSecretAnchor(certificateNamespace, secretName);
  const caNamespace = issuer.issuerKind === IssuerKind.CLUSTER_ISSUER ? CLUSTER_RESOURCE_NAMESPACE : issuer.issuerNamespace;
  return caSecretAnchor(caNamespace, type._spec.ca.secretName);
}

/** The id of the CA whose key pair is in the Secret `namespace/secretName`, for the consistency pass's trust chain. */
export function caSecretAnchor(namespace: string | undefined, secretName: string): string {
  return `ca ${namespace ?? 'default'}/${secretName}`;
}

/** Props of {@link Issuer}. */
export interface IssuerProps {
  /**
   * The Issuer's name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Its namespace: it signs Certificates in that namespace only.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * How it signs.
   * @default IssuerType.selfSigned()
   */
  readonly type?: IssuerType;
}

/**
 * A namespaced cert-manager `Issuer`.
 *
 * @example
 * const issuer = new Issuer(chart, 'Ca', { namespace: 'kafka', type: IssuerType.ca('kafka-ca') });
 * new Certificate(chart, 'Listener', { issuer, namespace: 'kafka', dnsNames: ['kafka.example.com'] });
 */
export class Issuer extends Construct implements IIssuer {
  /** An Issuer made elsewhere. */
  public static fromIssuerName(scope: Construct, id: string, name: string, namespace: string): IIssuer {
    checkArgs('Issuer.fromIssuerName()', 'Issuer.fromIssuerName', arguments);
    return new ExistingIssuer(scope, id, name, IssuerKind.ISSUER, namespace);
  }

  public readonly issuerName: string;
  public readonly issuerKind = IssuerKind.ISSUER;
  public readonly issuerNamespace?: string;
  /** The L1 `Issuer`. */
  public readonly resource: certmanager.Issuer;

  /** Creates an Issuer (self-signed unless `props.type` says otherwise). */
  public constructor(scope: Construct, id: string, props: IssuerProps = {}) {
    super(scope, constructId('Issuer', scope, id));
    checkArgs({ scope: this, kind: 'Issuer', name: id }, 'Issuer.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.issuerName = props.name ?? id.toLowerCase();
    const subject = { scope: this, kind: 'Issuer', name: this.issuerName };
    checkName(subject, 'name', this.issuerName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it is the object name', example: 'kafka-ca' });
    this.issuerNamespace = props.namespace ?? Chart.of(this).namespace;
    checkNamespace(subject, 'namespace', this.issuerNamespace);
    const type = props.type ?? IssuerType.selfSigned();
    TYPES.set(this, type);
    if (type._spec.ca !== undefined) {
      ConsistencyPass.of(this).refer(subject, 'type', secretRef(this.issuerNamespace, type._spec.ca.secretName), "an Issuer reads its CA Secret from its own namespace: issue the CA Certificate there");
    }
    this.resource = new certmanager.Issuer(this, 'Resource', {
      metadata: { name: this.issuerName, namespace: this.issuerNamespace },
      spec: type._spec,
    });
  }

  public toIssuerRef(): IssuerRef {
    return issuerRef(this);
  }
}

/** Props of {@link ClusterIssuer}. */
export interface ClusterIssuerProps {
  /**
   * The ClusterIssuer's name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * How it signs.
   * @default IssuerType.selfSigned()
   */
  readonly type?: IssuerType;
}

/**
 * A cluster-scoped cert-manager `ClusterIssuer`: it signs Certificates in any namespace.
 *
 * @example
 * const issuer = new ClusterIssuer(chart, 'PlatformCa', { name: 'platform-ca', type: IssuerType.ca('platform-ca') });
 * new Certificate(chart, 'Listener', { issuer, namespace: 'kafka', dnsNames: ['kafka.example.com'] });
 */
export class ClusterIssuer extends Construct implements IIssuer {
  /** A ClusterIssuer made elsewhere. */
  public static fromClusterIssuerName(scope: Construct, id: string, name: string): IIssuer {
    checkArgs('ClusterIssuer.fromClusterIssuerName()', 'ClusterIssuer.fromClusterIssuerName', arguments);
    return new ExistingIssuer(scope, id, name, IssuerKind.CLUSTER_ISSUER, undefined);
  }

  public readonly issuerName: string;
  public readonly issuerKind = IssuerKind.CLUSTER_ISSUER;
  public readonly issuerNamespace = undefined;
  /** The L1 `ClusterIssuer`. */
  public readonly resource: certmanager.ClusterIssuer;

  /** Creates a ClusterIssuer (self-signed unless `props.type` says otherwise). */
  public constructor(scope: Construct, id: string, props: ClusterIssuerProps = {}) {
    super(scope, constructId('ClusterIssuer', scope, id));
    checkArgs({ scope: this, kind: 'ClusterIssuer', name: id }, 'ClusterIssuer.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.issuerName = props.name ?? id.toLowerCase();
    checkName({ scope: this, kind: 'ClusterIssuer', name: this.issuerName }, 'name', this.issuerName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it is the object name', example: 'kafka-ca' });
    const type = props.type ?? IssuerType.selfSigned();
    TYPES.set(this, type);
    if (type._spec.ca !== undefined) {
      // cert-manager reads a ClusterIssuer's CA Secret from its cluster resource namespace
      // (--cluster-resource-namespace, by default the namespace cert-manager runs in).
      ConsistencyPass.of(this).refer({ scope: this, kind: 'ClusterIssuer', name: this.issuerName }, 'type', secretRef(CLUSTER_RESOURCE_NAMESPACE, type._spec.ca.secretName), `a ClusterIssuer reads its CA Secret from cert-manager's cluster resource namespace (${CLUSTER_RESOURCE_NAMESPACE}): issue the CA Certificate there`, true);
    }
    this.resource = new certmanager.ClusterIssuer(this, 'Resource', {
      metadata: { name: this.issuerName },
      spec: type._spec,
    });
    clusterScoped(this.resource);
  }

  public toIssuerRef(): IssuerRef {
    return issuerRef(this);
  }
}

/**
 * A self-signed `ClusterIssuer`, as a one-liner.
 *
 * @example
 * const selfSigned = new SelfSignedClusterIssuer(chart, 'SelfSigned');
 * new Certificate(chart, 'RootCa', { issuer: selfSigned, namespace: 'cert-manager', commonName: 'Platform CA', isCa: true });
 */
export class SelfSignedClusterIssuer extends ClusterIssuer {
  /** Creates a self-signed ClusterIssuer, named `props.name` or the construct id, lower-cased. */
  public constructor(scope: Construct, id: string, props: { readonly name?: string } = {}) {
    super(scope, constructId('SelfSignedClusterIssuer', scope, id), { ...props, type: IssuerType.selfSigned() });
    checkArgs({ scope: this, kind: 'SelfSignedClusterIssuer', name: id }, 'SelfSignedClusterIssuer.constructor', arguments, 2);
  }
}

class ExistingIssuer extends Construct implements IIssuer {
  public constructor(
    scope: Construct,
    id: string,
    public readonly issuerName: string,
    public readonly issuerKind: IssuerKind,
    public readonly issuerNamespace: string | undefined,
  ) {
    super(scope, constructId('ExistingIssuer', scope, id));
    checkFactoryName(`${issuerKind}.from${issuerKind}Name()`, 'name', issuerName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the issuer', example: 'kafka-ca' });
    if (issuerNamespace !== undefined) checkFactoryName(`${issuerKind}.from${issuerKind}Name()`, 'namespace', issuerNamespace, { format: NameFormat.DNS1123_LABEL, use: 'it names a Namespace', example: 'kafka' });
    ConsistencyPass.of(this).provide(this, { group: 'cert-manager.io', kind: issuerKind, namespace: issuerNamespace, name: issuerName }, `${issuerKind} '${issuerName}', made beforehand (${this.node.path})`);
  }

  public toIssuerRef(): IssuerRef {
    return issuerRef(this);
  }
}

function issuerRef(issuer: IIssuer): IssuerRef {
  return { name: issuer.issuerName, kind: issuer.issuerKind, group: 'cert-manager.io' };
}
