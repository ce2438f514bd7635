import { checkArgs } from '../core/props';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { serviceHost, StrimziNames } from '../core/names';
import { compact } from '../core/objects';

/** How a listener is exposed (Strimzi `spec.kafka.listeners[].type`). */
export enum ListenerType {
  /** Inside the Kubernetes cluster, through the shared `<cluster>-kafka-bootstrap` Service. */
  INTERNAL = 'internal',
  /** Inside the cluster, through a bootstrap Service and one ClusterIP Service per broker (for gateways and meshes). */
  CLUSTER_IP = 'cluster-ip',
  /** NodePort Services. */
  NODEPORT = 'nodeport',
  /** LoadBalancer Services. */
  LOADBALANCER = 'loadbalancer',
  /** OpenShift Routes (TLS passthrough). */
  ROUTE = 'route',
  /** Ingress resources with TLS passthrough (e.g. ingress-nginx). */
  INGRESS = 'ingress',
  /** Gateway API TLSRoutes, created by Strimzi (1.1 or later), attached to a Gateway's TLS passthrough listener. */
  TLSROUTE = 'tlsroute',
}

/** Strimzi's listener authentication types. */
export enum ListenerAuthenticationType {
  /** SASL SCRAM-SHA-512: username and password. */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** Mutual TLS: a client certificate signed by the clients CA. */
  TLS = 'tls',
  /** A custom mechanism (OAuth and others) set up with raw listener configuration. */
  CUSTOM = 'custom',
}

/** The Kafka client `security.protocol` of a listener. */
export enum SecurityProtocol {
  /** Neither TLS nor SASL. */
  PLAINTEXT = 'PLAINTEXT',
  /** TLS without SASL (no authentication, or a client certificate). */
  SSL = 'SSL',
  /** SASL without TLS. */
  SASL_PLAINTEXT = 'SASL_PLAINTEXT',
  /** SASL over TLS. */
  SASL_SSL = 'SASL_SSL',
}

/** How clients authenticate on a listener. */
export class ListenerAuthentication {
  /** SASL SCRAM-SHA-512: username and password, stored by the user operator in the user's Secret. */
  public static scramSha512(): ListenerAuthentication {
    return new ListenerAuthentication(ListenerAuthenticationType.SCRAM_SHA_512);
  }

  /** Mutual TLS: clients present a certificate signed by the clients CA. Needs `tls: true`. */
  public static tls(): ListenerAuthentication {
    return new ListenerAuthentication(ListenerAuthenticationType.TLS);
  }

  /**
   * A custom mechanism (OAuth and others) configured with raw listener configuration.
   * @param sasl whether the mechanism is SASL-based
   * @param listenerConfig `listener.name.<listener>.*` options, without that prefix
   */
  public static custom(sasl: boolean, listenerConfig: Record<string, string | number | boolean> = {}): ListenerAuthentication {
    checkArgs('ListenerAuthentication.custom()', 'ListenerAuthentication.custom', arguments);
    return new ListenerAuthentication(ListenerAuthenticationType.CUSTOM, { sasl, listenerConfig });
  }

  /** No authentication: every client is `User:ANONYMOUS`. Only for a listener you protect otherwise. */
  public static none(): ListenerAuthentication {
    return new ListenerAuthentication(undefined);
  }

  private constructor(
    /** Strimzi's authentication type; undefined for none. */
    public readonly type: ListenerAuthenticationType | undefined,
    private readonly options: { readonly sasl?: boolean; readonly listenerConfig?: Record<string, unknown> } = {},
  ) {}

  /** @internal */
  public _render(): strimzi.KafkaSpecKafkaListenersAuthentication | undefined {
    if (this.type === undefined) return undefined;
    return { type: this.type as string as strimzi.KafkaSpecKafkaListenersAuthenticationType, ...this.options };
  }
}

/** A Gateway API parent a `tlsroute` listener's routes attach to. */
export interface ListenerParentRef {
  /** The Gateway's name. */
  readonly name: string;
  /**
   * The Gateway's namespace.
   * @default - the Kafka cluster's namespace
   */
  readonly namespace?: string;
  /**
   * The Gateway listener to attach to.
   * @default - every listener of the Gateway the route fits
   */
  readonly sectionName?: string;
  /**
   * The Gateway port to attach to.
   * @default - any
   */
  readonly port?: number;
}

/** Who may connect to a listener (a NetworkPolicy peer). Set one field. */
export interface ListenerPeer {
  /** Pods with these labels (in the cluster's namespace, unless `namespaceLabels` is set too). */
  readonly podLabels?: Record<string, string>;
  /** Pods in namespaces with these labels. */
  readonly namespaceLabels?: Record<string, string>;
  /** Addresses in this CIDR. */
  readonly cidr?: string;
  /**
   * Every pod and address: the listener's NetworkPolicy admits all (Strimzi writes no peers).
   * The explicit way to open an in-cluster listener; set it alone.
   */
  readonly anyone?: boolean;
}

/** Per-broker settings of a listener, by node id. */
export interface ListenerBrokerOptions {
  /** The broker's node id (see `KafkaNodePool.nodeIds`). */
  readonly nodeId: number;
  /** The host the broker advertises to clients. */
  readonly advertisedHost?: string;
  /** The port the broker advertises to clients. */
  readonly advertisedPort?: number;
  /** The host of the broker's route, ingress or TLSRoute. */
  readonly host?: string;
  /** The broker's node port (`nodeport` listeners). */
  readonly nodePort?: number;
}

/** The server certificate of a listener, from a Secret (e.g. a cert-manager `Certificate`'s). */
export interface ListenerCertificate {
  /** The Secret holding the certificate chain and key. */
  readonly secretName: string;
  /**
   * The key of the certificate chain in the Secret.
   * @default 'tls.crt'
   */
  readonly certificate?: string;
  /**
   * The key of the private key in the Secret.
   * @default 'tls.key'
   */
  readonly key?: string;
  /**
   * The key of the CA certificate clients of the listener trust, in the same Secret.
   * @default 'ca.crt' (what cert-manager writes for a CA issuer)
   */
  readonly caCertificate?: string;
}

/** A Secret holding a CA certificate that clients trust. */
export interface CaCertificateSecret {
  /** The Secret, in the Kafka cluster's namespace. */
  readonly secretName: string;
  /** The key of the PEM CA certificate in the Secret, e.g. `ca.crt`. */
  readonly certificate: string;
}

/** Options of a Kafka listener. */
export interface KafkaListenerOptions {
  /** The port the brokers listen on: 9092 or above, not 9404 (metrics) or 9999 (JMX). */
  readonly port: number;
  /**
   * How the listener is exposed.
   * @default ListenerType.INTERNAL
   */
  readonly type?: ListenerType;
  /**
   * Encrypt traffic with TLS. Only turn it off for a listener that never leaves a trusted network.
   * @default true
   */
  readonly tls?: boolean;
  /**
   * How clients authenticate.
   * @default ListenerAuthentication.scramSha512()
   */
  readonly authentication?: ListenerAuthentication;
  /**
   * Who may connect; Strimzi writes them into the listener's NetworkPolicy.
   * @default - for a listener that serves in-cluster clients (internal, cluster-ip): the pods of
   *   the cluster's namespace, where its users' Secrets are; for a listener reached from outside:
   *   anyone. `[{ anyone: true }]` opens an in-cluster listener explicitly.
   */
  readonly networkPolicyPeers?: ListenerPeer[];
  /**
   * The server certificate, instead of one signed by the cluster CA.
   * @default - a certificate from Strimzi's cluster CA
   */
  readonly brokerCertificate?: ListenerCertificate;
  /**
   * The bootstrap host (route, ingress, tlsroute), also added to the certificate.
   * @default - none
   */
  readonly bootstrapHost?: string;
  /**
   * Extra names for the bootstrap certificate.
   * @default - none
   */
  readonly bootstrapAlternativeNames?: string[];
  /**
   * The node port of the bootstrap Service (`nodeport` listeners).
   * @default - assigned by Kubernetes
   */
  readonly bootstrapNodePort?: number;
  /**
   * Per-broker settings.
   * @default - none
   */
  readonly brokers?: ListenerBrokerOptions[];
  /**
   * The per-broker host (route, ingress, tlsroute), with `{nodeId}` or `{nodePodName}`.
   * @default - none
   */
  readonly hostTemplate?: string;
  /**
   * The per-broker advertised host, with `{nodeId}` or `{nodePodName}`.
   * @default - Strimzi's choice for the listener type
   */
  readonly advertisedHostTemplate?: string;
  /**
   * The per-broker advertised port: a number, or arithmetic on `{nodeId}` (`9000 + {nodeId}`).
   * @default - Strimzi's choice for the listener type (443 for route, ingress and tlsroute)
   */
  readonly advertisedPortTemplate?: string;
  /**
   * The Gateways a `tlsroute` listener's TLSRoutes attach to.
   * @default - none
   */
  readonly parentRefs?: ListenerParentRef[];
  /**
   * The addresses a `loadbalancer` listener's load balancers accept connections from (CIDRs), for
   * providers that honour `loadBalancerSourceRanges`.
   * @default - every address (a production cluster warns)
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * The IngressClass (`ingress`) or LoadBalancer class (`loadbalancer`).
   * @default - the cluster's default
   */
  readonly className?: string;
}

/** A listener of a {@link KafkaCluster}, as added by `cluster.addListener()`. */
export class KafkaListener {
  /** How the listener is exposed. */
  public readonly type: ListenerType;
  /** Whether traffic is encrypted with TLS. */
  public readonly tls: boolean;
  /** How clients authenticate. */
  public readonly authentication: ListenerAuthentication;
  private readonly routedBootstrap: string[] = [];

  /** @internal */
  public constructor(
    private readonly cluster: { readonly clusterName: string; readonly namespace?: string },
    /** The listener's name, unique in the cluster. */
    public readonly name: string,
    /** The options the listener was added with. */
    public readonly options: KafkaListenerOptions,
  ) {
    this.type = options.type ?? ListenerType.INTERNAL;
    this.tls = options.tls ?? true;
    this.authentication = options.authentication ?? ListenerAuthentication.scramSha512();
  }

  /** The port the brokers listen on. */
  public get port(): number {
    return this.options.port;
  }

  /** The Service in-cluster clients bootstrap from: the shared one for `internal`, the listener's own otherwise. */
  public get bootstrapService(): string {
    return this.type === ListenerType.INTERNAL
      ? StrimziNames.bootstrapService(this.cluster.clusterName)
      : StrimziNames.listenerBootstrapService(this.cluster.clusterName, this.name);
  }

  /** `host:port` for `bootstrap.servers`, from inside the Kubernetes cluster. */
  public get bootstrapAddress(): string {
    return `${serviceHost(this.bootstrapService, this.cluster.namespace)}:${this.port}`;
  }

  /**
   * Whether clients inside the Kubernetes cluster can use the listener: its brokers advertise
   * in-cluster addresses. Not so for `route`, `ingress` and `tlsroute` listeners, or any listener
   * with advertised hosts set (a Gateway's hostnames): a client that bootstraps from the
   * listener's Service would then be sent to hosts outside.
   */
  public get servesInCluster(): boolean {
    const o = this.options;
    // An advertised host in the cluster's DNS (a Service or pod name under .svc) stays inside.
    const inside = (host: string | undefined) => host === undefined || /\.svc(\.cluster\.local)?\.?$/.test(host);
    return ![ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLSROUTE].includes(this.type)
      && inside(o.advertisedHostTemplate) && (o.brokers ?? []).every((b) => inside(b.advertisedHost));
  }

  /**
   * The Secret with the CA certificate (`ca.crt`) that clients of this listener trust, in the
   * cluster's namespace: the `brokerCertificate`'s Secret where one is set (Strimzi then serves
   * that certificate on this listener only: `KafkaBrokerConfigurationBuilder.configureTlsOnListener`;
   * cert-manager writes the issuing CA to its `ca.crt`), else the cluster CA's
   * (`<cluster>-cluster-ca-cert`). Undefined without TLS.
   */
  public get trustedCa(): CaCertificateSecret | undefined {
    if (!this.tls) return undefined;
    const own = this.options.brokerCertificate;
    return own === undefined
      ? { secretName: StrimziNames.clusterCaCertSecret(this.cluster.clusterName), certificate: 'ca.crt' }
      : { secretName: own.secretName, certificate: own.caCertificate ?? 'ca.crt' };
  }

  /**
   * The `host:port`s clients outside the Kubernetes cluster bootstrap from: the bootstrap host and
   * alternative names (and routed addresses), at the advertised port; none for a listener reached
   * only through its Service.
   */
  public get outsideBootstrapAddresses(): string[] {
    const service = this.bootstrapService;
    return this.bootstrapAddresses.filter((a) => {
      const host = a.replace(/:\d+$/, '');
      return host !== service && !host.startsWith(`${service}.`);
    });
  }

  /**
   * Every `host:port` a client may dial to bootstrap: the bootstrap Service by each of its DNS
   * names, and the bootstrap host and alternative names at the advertised port.
   */
  public get bootstrapAddresses(): string[] {
    const service = this.bootstrapService;
    const namespace = this.cluster.namespace;
    const inCluster = [service, ...(namespace === undefined ? [] : [`${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`])]
      .map((host) => `${host}:${this.port}`);
    const o = this.options;
    const advertisedPort = /^\d+$/.test(o.advertisedPortTemplate ?? '') ? Number(o.advertisedPortTemplate) : this.type === ListenerType.INGRESS || this.type === ListenerType.ROUTE || this.type === ListenerType.TLSROUTE ? 443 : this.port;
    const outside = [...(o.bootstrapHost === undefined ? [] : [o.bootstrapHost]), ...(o.bootstrapAlternativeNames ?? [])].map((host) => `${host}:${advertisedPort}`);
    return [...new Set([...inCluster, ...outside, ...this.routedBootstrap])];
  }

  /** @internal A `host:port` routed to the listener from outside by routes the library writes (RouteMode.EXPLICIT). */
  public _addRoutedBootstrap(address: string): void {
    this.routedBootstrap.push(address);
  }

  /**
   * Who may connect, as Strimzi gets it: the peers given, the cluster's namespace for an
   * in-cluster listener that gives none, and undefined (Strimzi: everyone) for `anyone`.
   */
  public get networkPolicyPeers(): readonly ListenerPeer[] | undefined {
    const peers = this.options.networkPolicyPeers;
    if (peers?.some((p) => p.anyone === true)) return undefined;
    if (peers !== undefined) return peers;
    const inCluster = (this.type === ListenerType.INTERNAL || this.type === ListenerType.CLUSTER_IP) && this.servesInCluster;
    if (!inCluster || this.cluster.namespace === undefined) return undefined;
    // The cluster's namespace, plus the namespaces of the app's clients that dial this listener.
    const namespaces = [...new Set([this.cluster.namespace, ...this.clientNamespaces()])];
    return namespaces.map((ns) => ({ namespaceLabels: { 'kubernetes.io/metadata.name': ns } }));
  }

  /** @internal The namespaces of the app's clients that dial this listener (set by the cluster). */
  public _clientNamespaces?: () => readonly string[];

  private clientNamespaces(): readonly string[] {
    return this._clientNamespaces?.() ?? [];
  }

  /** The Kafka client `security.protocol` this listener expects. */
  public get securityProtocol(): SecurityProtocol {
    const sasl = this.authentication.type === ListenerAuthenticationType.SCRAM_SHA_512 || this.authentication._render()?.sasl === true;
    if (sasl) return this.tls ? SecurityProtocol.SASL_SSL : SecurityProtocol.SASL_PLAINTEXT;
    return this.tls ? SecurityProtocol.SSL : SecurityProtocol.PLAINTEXT;
  }

  /** @internal */
  public _render(): strimzi.KafkaSpecKafkaListeners {
    const o = this.options;
    const configuration: strimzi.KafkaSpecKafkaListenersConfiguration | undefined = compact({
      brokerCertChainAndKey: o.brokerCertificate && {
        secretName: o.brokerCertificate.secretName,
        certificate: o.brokerCertificate.certificate ?? 'tls.crt',
        key: o.brokerCertificate.key ?? 'tls.key',
      },
      class: o.className,
      loadBalancerSourceRanges: o.loadBalancerSourceRanges && [...o.loadBalancerSourceRanges],
      bootstrap: compact({ host: o.bootstrapHost, alternativeNames: o.bootstrapAlternativeNames, nodePort: o.bootstrapNodePort }),
      brokers: o.brokers?.map((b) => ({ broker: b.nodeId, advertisedHost: b.advertisedHost, advertisedPort: b.advertisedPort, host: b.host, nodePort: b.nodePort })),
      hostTemplate: o.hostTemplate,
      advertisedHostTemplate: o.advertisedHostTemplate,
      advertisedPortTemplate: o.advertisedPortTemplate,
      parentRefs: o.parentRefs?.map((p) => ({ name: p.name, namespace: p.namespace, sectionName: p.sectionName, port: p.port })),
    });
    return {
      name: this.name,
      port: this.port,
      type: this.type as string as strimzi.KafkaSpecKafkaListenersType,
      tls: this.tls,
      authentication: this.authentication._render(),
      configuration,
      networkPolicyPeers: this.networkPolicyPeers?.map((peer) => ({
        podSelector: peer.podLabels && { matchLabels: peer.podLabels },
        namespaceSelector: peer.namespaceLabels && { matchLabels: peer.namespaceLabels },
        ipBlock: peer.cidr === undefined ? undefined : { cidr: peer.cidr },
      })),
    };
  }
}
