import { checkArgs, constructId } from '../core/props';
import { Chart, Duration, Size } from 'cdk8s';
import { ContainerResources, Cpu, k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass, ObjectRef, secretRef, serviceRef } from '../core/consistency';
import { PodSecurityLevel } from '../policy/pod-security';
import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { isHostPort } from '../core/hostnames';
import { serviceHost, StrimziNames } from '../core/names';
import { checkFactoryName, checkLabels, checkName, checkNamespace, NameFormat } from '../core/naming';
import { admit, checkPeers, NetworkPeer, peersAdmit, tcpPort, workloadNetworkPolicy } from '../core/network';
import { compact } from '../core/objects';
import { checkSizing, renderResources } from '../core/resources';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/security';
import type { IKafkaCluster } from '../kafka/kafka-cluster';
import { ListenerAuthenticationType } from '../kafka/listener';
import { KafkaMetrics } from '../kafka/metrics';
import { checkMutualTlsHasTls, checkTrustedCa, listenerTrust, renderTrust, type TrustedCa } from '../kafka/trust';
import { checkScramUsername, UserAuthenticationType, type KafkaUser } from '../kafka/user';

/**
 * The certificate a bridge serves its HTTP API with (Strimzi `http.tls`): the bridge then speaks
 * HTTPS on its HTTP port (Strimzi writes `http.ssl.enable=true` and mounts the Secret at
 * `/opt/strimzi/bridge-http-certs/<secret>`: KafkaBridgeConfigurationBuilder.withHttp,
 * KafkaBridgeCluster.getVolumes). Its health and metrics endpoints stay plain HTTP on the
 * management port 8081, which Strimzi's probes use.
 */
export interface BridgeHttpTls {
  /**
   * The Secret with the certificate and its private key, in the bridge's namespace (e.g. a
   * cert-manager Certificate's, made beforehand).
   */
  readonly secretName: string;
  /**
   * The key of the PEM certificate (chain) in the Secret.
   * @default 'tls.crt'
   */
  readonly certificate?: string;
  /**
   * The key of the PEM private key in the Secret: unencrypted, PKCS #8 (Strimzi's CRD; for
   * cert-manager, `privateKey.encoding: PKCS8`).
   * @default 'tls.key'
   */
  readonly key?: string;
  /**
   * The TLS versions the bridge accepts (`http.ssl.enabled.protocols`), by their JSSE names:
   * `TLSv1.2`, `TLSv1.3`. Older versions (`SSLv3`, `TLSv1`, `TLSv1.1`) are refused: the bridge's
   * JDK disables them (`jdk.tls.disabledAlgorithms`, JDK-8202343) and RFC 8996 deprecates them.
   * @default - the bridge's: TLSv1.2 and TLSv1.3 (HttpConfig.DEFAULT_SSL_ENABLED_PROTOCOLS)
   */
  readonly enabledProtocols?: string[];
  /**
   * The cipher suites the bridge accepts (`http.ssl.enabled.cipher.suites`), by their IANA/JSSE
   * names: TLS 1.3 suites (`TLS_AES_256_GCM_SHA384`, `TLS_AES_128_GCM_SHA256`,
   * `TLS_CHACHA20_POLY1305_SHA256`), TLS 1.2 suites (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`, …).
   * A suite is negotiated only under its own TLS versions (RFC 8446 B.4), so some suite must suit
   * an enabled protocol: TLS 1.3 suites alone with `enabledProtocols: ['TLSv1.2']` (or TLS 1.2
   * suites alone with `['TLSv1.3']`) leave no handshake possible and are refused.
   * @default - the JVM's
   */
  readonly cipherSuites?: string[];
}

/** CORS settings of a bridge's HTTP API. */
export interface BridgeCors {
  /** The origins allowed, e.g. `https://app.example.com`. */
  readonly allowedOrigins: string[];
  /**
   * The HTTP methods allowed.
   * @default - GET, POST, PUT, DELETE, OPTIONS and PATCH
   */
  readonly allowedMethods?: string[];
}

/** Where a bridge finds Kafka, and how it trusts the brokers' certificates. */
export class BridgeKafkaConnection {
  /**
   * A cluster in the same Kubernetes cluster: its listener's bootstrap address, trusting the CA
   * that signs that listener's certificate (the listener's `trustedCa`: its own certificate's
   * Secret, or the cluster CA's), no TLS for a listener without it. The bridge must be in the
   * cluster's namespace to read the CA Secret. The cluster CA Secret is trusted by the pattern
   * `*.crt` unless `options` say otherwise, so that the bridge keeps trusting brokers not yet
   * rolled while Strimzi replaces the CA key (it keeps the old CA as `ca-<date>.crt`).
   * @param listener the listener's name; by default the first that serves in-cluster clients
   * @param options how the CA Secret's certificates are picked
   * @throws when the cluster has no such listener, or the listener advertises hosts outside the
   *   Kubernetes cluster (a Gateway's), where a bridge that bootstraps in-cluster would be sent;
   *   when `options.trustedCertificatesPattern` is not a glob, misses the CA certificate or takes
   *   a key that is not a certificate; when `options.trustedCertificate` is not the CA
   *   certificate's key, or comes with a pattern
   */
  public static fromCluster(cluster: IKafkaCluster, listener?: string, options: ClusterConnectionOptions = {}): BridgeKafkaConnection {
    checkArgs('BridgeKafkaConnection.fromCluster()', 'BridgeKafkaConnection.fromCluster', arguments);
    const factory = 'BridgeKafkaConnection.fromCluster()';
    if (!(cluster instanceof Construct) || !Array.isArray((cluster as Partial<IKafkaCluster>).allListeners)) {
      throwFactoryError(factory, 'cluster', 'must be a KafkaCluster', cluster, 'pass the KafkaCluster construct, or KafkaCluster.fromClusterAttributes() for one made elsewhere');
    }
    const subject = { scope: cluster, kind: 'KafkaCluster', name: cluster.clusterName };
    if (cluster.allListeners.length === 0) {
      throwPropError(subject, 'listeners', 'are empty: a bridge has nothing to connect to', [], 'add a listener (addListener) before BridgeKafkaConnection.fromCluster(), or keep defaultListener on');
    }
    if (listener !== undefined && (typeof listener !== 'string' || !cluster.allListeners.some((l) => l.name === listener))) {
      throwFactoryError(factory, 'listener', `is not a listener of KafkaCluster '${cluster.clusterName}' at ${cluster.node.path} (it has ${cluster.allListeners.map((l) => l.name).join(', ')})`, listener, 'name one of them, or leave it unset for the first in-cluster listener');
    }
    const l = cluster.allListeners.find((x) => (listener === undefined ? x.servesInCluster : x.name === listener));
    if (l === undefined || !l.servesInCluster) {
      throwFactoryError(factory, 'listener', `${l === undefined ? `finds no listener of KafkaCluster '${cluster.clusterName}' at ${cluster.node.path} that serves clients inside the Kubernetes cluster` : `'${l.name}' of KafkaCluster '${cluster.clusterName}' at ${cluster.node.path} advertises hosts outside the Kubernetes cluster`}: a bridge that bootstraps from a Service would be sent to those hosts`, listener, "use an internal or cluster-ip listener (the default 'tls' is one), or BridgeKafkaConnection.fromAddress() with the outside bootstrap address and a copy of its CA");
    }
    const trust = listenerTrust(factory, l, cluster.clusterName, {
      pattern: options.trustedCertificatesPattern,
      certificate: options.trustedCertificate,
      props: { pattern: 'options.trustedCertificatesPattern', certificate: 'options.trustedCertificate' },
    });
    return new BridgeKafkaConnection(l.bootstrapAddress, trust, cluster.namespace, l.authentication.type, true, cluster);
  }

  /**
   * A cluster at a plain address: one elsewhere (another Kubernetes cluster, through its Gateway)
   * or one this app does not model, e.g. `my-cluster-kafka-bootstrap:9093`. With `trustedCa` (a
   * Secret in the bridge's namespace with the CA that signed the brokers' certificates, for a
   * cluster elsewhere a copy made beforehand: the environment's runbook has the command) the
   * bridge connects with TLS; without it, in plain text, which only a listener without TLS
   * accepts (`my-cluster-kafka-bootstrap:9092` in Strimzi's examples).
   * @param bootstrapServers `host:port`, or several joined by commas
   * @param trustedCa the CA Secret, its key (default `ca.crt`) or a `pattern` of keys; omit it for
   *   a listener without TLS
   * @throws when an address has no port, or `trustedCa` does not name a Secret and one key or a
   *   glob pattern of keys
   */
  public static fromAddress(bootstrapServers: string, trustedCa?: TrustedCa): BridgeKafkaConnection {
    checkArgs('BridgeKafkaConnection.fromAddress()', 'BridgeKafkaConnection.fromAddress', arguments);
    const factory = 'BridgeKafkaConnection.fromAddress()';
    const addresses = typeof bootstrapServers === 'string' ? bootstrapServers.split(',') : [];
    if (addresses.length === 0 || !addresses.every(isHostPort)) {
      throwFactoryError(factory, 'bootstrapServers', 'must be host:port, or several joined by commas (Kafka\'s bootstrap.servers needs the port)', bootstrapServers, "use e.g. 'bootstrap.kafka.example.com:9092'");
    }
    const trust = trustedCa === undefined ? undefined : checkTrustedCa(factory, 'trustedCa', trustedCa);
    return new BridgeKafkaConnection(bootstrapServers, trust, undefined, undefined, false);
  }

  /**
   * A cluster of the app in another Kubernetes cluster (another region), reached through a
   * listener from outside (a Gateway listener: `KafkaCluster.addExternalListener()`): its bootstrap
   * host and advertised port, trusting a copy, in the bridge's namespace, of the CA that signs that
   * listener's certificate. The copy is recorded for the consistency pass (which follows it to the
   * listener's Secret for the trust-chain check) and made by the environment's runbook.
   * @param cluster a KafkaCluster (or `KafkaCluster.fromClusterAttributes()`) in another chart
   * @param options the listener (default: the first with a bootstrap host) and the copy's Secret name
   * @throws when the cluster has no such listener, or it has no address outside its Kubernetes cluster
   */
  public static fromRemoteCluster(cluster: IKafkaCluster, options: RemoteClusterOptions): BridgeKafkaConnection {
    checkArgs('BridgeKafkaConnection.fromRemoteCluster()', 'BridgeKafkaConnection.fromRemoteCluster', arguments);
    const factory = 'BridgeKafkaConnection.fromRemoteCluster()';
    checkFactoryName(factory, 'options.caSecretName', options.caSecretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: "it names the copy of the listener's CA in the bridge's namespace", example: 'kafka-ca' });
    const outside = cluster.allListeners.filter((l) => l.outsideBootstrapAddresses.length > 0);
    const l = options.listener === undefined ? outside[0] : cluster.allListeners.find((x) => x.name === options.listener);
    if (l === undefined || l.outsideBootstrapAddresses.length === 0) {
      const what = l !== undefined
        ? `is listener '${l.name}' of Kafka '${cluster.clusterName}' at ${cluster.node.path}, which has no bootstrap address outside its Kubernetes cluster`
        : options.listener !== undefined
          ? `is not a listener of Kafka '${cluster.clusterName}' at ${cluster.node.path} (it has ${cluster.allListeners.map((x) => x.name).join(', ') || 'none'})`
          : `finds no listener of Kafka '${cluster.clusterName}' at ${cluster.node.path} with a bootstrap address outside its Kubernetes cluster`;
      throwFactoryError(factory, 'options.listener', what, options.listener,
        'add a listener reached through a Gateway (addExternalListener), or BridgeKafkaConnection.fromCluster() from inside the same Kubernetes cluster');
    }
    const ca = l.trustedCa;
    const pattern = options.trustedCertificatesPattern;
    if (pattern !== undefined) listenerTrust(factory, l, cluster.clusterName, { pattern, props: { pattern: 'options.trustedCertificatesPattern', certificate: 'options.trustedCertificate' } });
    // The copy holds the CA certificate as `ca.crt` (the runbook's command).
    const trust: TrustedCa | undefined = ca && (pattern === undefined ? { secretName: options.caSecretName, certificate: 'ca.crt' } : { secretName: options.caSecretName, pattern });
    return new BridgeKafkaConnection(l.outsideBootstrapAddresses[0], trust, undefined, l.authentication.type, false, undefined,
      { cluster, caOrigin: ca && secretRef(cluster.namespace, ca.secretName) });
  }

  private constructor(
    /** The bootstrap address, `host:port`. */
    public readonly bootstrapServers: string,
    /** The CA certificate the bridge trusts; undefined for a listener without TLS. */
    public readonly trustedCa: TrustedCa | undefined,
    /** @internal */ public readonly _namespace: string | undefined,
    /** @internal */ public readonly _listenerAuthentication: ListenerAuthenticationType | undefined,
    /** @internal whether the address and trust are derived from a cluster of the app */ public readonly _derived: boolean,
    /** @internal the cluster of the app it connects to */ public readonly _cluster?: IConstruct,
    /** @internal a cluster in another Kubernetes cluster, and where its CA Secret copy comes from */ public readonly _remote?: { readonly cluster: IKafkaCluster; readonly caOrigin?: ObjectRef },
  ) {}
}

/** Options of {@link BridgeKafkaConnection.fromRemoteCluster}. */
export interface RemoteClusterOptions {
  /**
   * The listener: one with a bootstrap host outside its Kubernetes cluster.
   * @default - the first such listener
   */
  readonly listener?: string;
  /** The Secret in the bridge's namespace with a copy of the listener's CA (`ca.crt`). */
  readonly caSecretName: string;
  /**
   * Trust every key of the copy that matches this glob (Strimzi's
   * `tls.trustedCertificates[].pattern`), e.g. `*.crt`, instead of `ca.crt` alone.
   * @default - the key `ca.crt`
   */
  readonly trustedCertificatesPattern?: string;
}

/** Options of {@link BridgeKafkaConnection.fromCluster}. */
export interface ClusterConnectionOptions {
  /**
   * Trust every key of the listener's CA Secret that matches this glob (Strimzi's
   * `tls.trustedCertificates[].pattern`, Java glob syntax), e.g. `*.crt` as in Strimzi's
   * examples: for the cluster CA that is `ca.crt` and, while Strimzi replaces the CA key, the old
   * CA it keeps as `ca-<date>.crt`. It must match the CA certificate and no key that is not a
   * certificate (`ca.p12`, `ca.password`; a listener certificate's private key). Not with
   * `trustedCertificate`.
   * @default - `*.crt` for the cluster CA Secret (`<cluster>-cluster-ca-cert`), read where Strimzi
   *   writes it, so that the bridge keeps trusting brokers not yet rolled while Strimzi replaces the
   *   CA key; else (a listener certificate's Secret, e.g. cert-manager's) its CA key alone
   */
  readonly trustedCertificatesPattern?: string;
  /**
   * Trust one key of the listener's CA Secret (Strimzi's `tls.trustedCertificates[].certificate`)
   * instead of a pattern: the CA certificate's key, `ca.crt` (or the listener certificate's
   * `caCertificate`), e.g. to trust only the cluster CA's current certificate (during a CA key
   * replacement the bridge then reaches only brokers that have their new certificate). Not with
   * `trustedCertificatesPattern`.
   * @default - see `trustedCertificatesPattern`
   */
  readonly trustedCertificate?: string;
}

/** How a bridge authenticates to Kafka. */
export class BridgeAuthentication {
  /** As a KafkaUser of the same cluster (its Secret, in the bridge's namespace). */
  public static fromUser(user: KafkaUser): BridgeAuthentication {
    checkArgs('BridgeAuthentication.fromUser()', 'BridgeAuthentication.fromUser', arguments);
    const secretName = user.secretName;
    if (secretName === undefined) throw new Error(`BridgeAuthentication.fromUser: KafkaUser '${user.userName}' is tls-external and has no Secret; use BridgeAuthentication.tls() with your certificate's Secret`);
    const auth = user.authentication.type === UserAuthenticationType.SCRAM_SHA_512
      ? BridgeAuthentication.scramSha512(user.userName, secretName)
      : BridgeAuthentication.tls(secretName);
    return new BridgeAuthentication(auth.type, auth.secretName, auth._spec, true, user.cluster);
  }

  /**
   * As a KafkaUser of a cluster in another Kubernetes cluster (with
   * `BridgeKafkaConnection.fromRemoteCluster()`), from a copy of its Secret in the bridge's
   * namespace, which the environment's runbook makes; the copy is recorded for the consistency pass.
   * @param user a SCRAM-SHA-512 or TLS KafkaUser of that cluster
   * @param secretName the copy's name
   */
  public static fromRemoteUser(user: KafkaUser, secretName: string): BridgeAuthentication {
    const factory = 'BridgeAuthentication.fromRemoteUser()';
    checkArgs(factory, 'BridgeAuthentication.fromRemoteUser', arguments);
    if (user.secretName === undefined) throwFactoryError(factory, 'user', 'is tls-external and has no Secret to copy', user.userName, "use BridgeAuthentication.tls() with your certificate's Secret");
    const auth = user.authentication.type === UserAuthenticationType.SCRAM_SHA_512 ? BridgeAuthentication.scramSha512(user.userName, secretName) : BridgeAuthentication.tls(secretName);
    return new BridgeAuthentication(auth.type, auth.secretName, auth._spec, false, undefined, { user, origin: secretRef(user.cluster.namespace, user.secretName) });
  }

  /**
   * SCRAM-SHA-512 with a password from a Secret.
   * @param username the SCRAM username (a Strimzi KafkaUser's name): not blank, on one line,
   *   without `"` or `\` (Strimzi writes it unescaped into the bridge's JAAS line:
   *   KafkaBridgeConfigurationBuilder.withAuthentication)
   * @param secretName the Secret with the password, in the bridge's namespace
   * @param passwordKey the password's key in the Secret
   * @throws when the username is blank, spans lines or has `"` or `\`, or a name is not a Secret name or key
   */
  public static scramSha512(username: string, secretName: string, passwordKey: string = 'password'): BridgeAuthentication {
    const factory = 'BridgeAuthentication.scramSha512()';
    checkArgs(factory, 'BridgeAuthentication.scramSha512', arguments);
    checkScramUsername(factory, 'username', username, 'bridge');
    checkFactoryName(factory, 'secretName', secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret', example: 'kafka-ca' });
    checkFactoryName(factory, 'passwordKey', passwordKey, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'password' });
    return new BridgeAuthentication(ListenerAuthenticationType.SCRAM_SHA_512, secretName, {
      type: strimzi.KafkaBridgeSpecAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512,
      username,
      passwordSecret: { secretName, password: passwordKey },
    });
  }

  /** Mutual TLS with a certificate and key from a Secret (a KafkaUser's by default keys). */
  public static tls(secretName: string, certificate: string = 'user.crt', key: string = 'user.key'): BridgeAuthentication {
    const factory = 'BridgeAuthentication.tls()';
    checkArgs(factory, 'BridgeAuthentication.tls', arguments);
    checkFactoryName(factory, 'secretName', secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret', example: 'kafka-ca' });
    checkFactoryName(factory, 'certificate', certificate, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'password' });
    checkFactoryName(factory, 'key', key, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'password' });
    return new BridgeAuthentication(ListenerAuthenticationType.TLS, secretName, {
      type: strimzi.KafkaBridgeSpecAuthenticationType.TLS,
      certificateAndKey: { secretName, certificate, key },
    });
  }

  private constructor(
    /** The listener authentication this needs. */
    public readonly type: ListenerAuthenticationType,
    /** The Secret with the credentials. */
    public readonly secretName: string,
    /** @internal */ public readonly _spec: strimzi.KafkaBridgeSpecAuthentication,
    /** @internal whether the Secret is a KafkaUser's of the app */ public readonly _derived: boolean = false,
    /** @internal the cluster of that KafkaUser */ public readonly _cluster?: IConstruct,
    /** @internal a KafkaUser of a cluster elsewhere, and its Secret the copy comes from */ public readonly _remote?: { readonly user: KafkaUser; readonly origin: ObjectRef },
  ) {}
}

/** Props of {@link KafkaBridge}. */
export interface KafkaBridgeProps {
  /** Where Kafka is. */
  readonly kafka: BridgeKafkaConnection;
  /**
   * How the bridge authenticates; it must match the listener's authentication.
   * @default - none (only for a listener without authentication)
   */
  readonly authentication?: BridgeAuthentication;
  /**
   * The bridge's name: its Service is `<name>-bridge-service`, so at most 48 characters (a
   * Service name has at most 63).
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Its namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Bridge pods. Consumers live in one pod's memory: more than one needs session affinity in
   * front of the bridge.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * The HTTP port (1023 or above; Strimzi's KafkaBridgeHttpConfig `@Minimum(1023)`); with
   * `httpTls`, the HTTPS port (Strimzi's example uses 8443). Not 8081, the bridge's management
   * port (health, readiness and metrics: KafkaBridgeCluster.REST_API_MANAGEMENT_PORT), nor, with
   * `istioSidecar`, a port of the sidecar (15000, 15001, 15004, 15006, 15008, 15020, 15021, 15053,
   * 15090).
   * @default 8080
   */
  readonly httpPort?: number;
  /**
   * Serve the HTTP API over TLS with a certificate from a Secret (Strimzi `http.tls`). Clients
   * then use `https://` on `httpPort`; a failover gateway's regional gateways, which forward plain
   * HTTP to the bridge, refuse such a bridge.
   * @default - plain HTTP
   */
  readonly httpTls?: BridgeHttpTls;
  /**
   * CORS for browser clients.
   * @default - none
   */
  readonly cors?: BridgeCors;
  /**
   * How long an idle consumer lives before the bridge deletes it. Strimzi's default never
   * deletes, so consumers abandoned by crashed clients pile up.
   * @default Duration.minutes(5)
   */
  readonly consumerTimeout?: Duration;
  /**
   * Serve the consumer API.
   * @default true
   */
  readonly consumer?: boolean;
  /**
   * Serve the producer API.
   * @default true
   */
  readonly producer?: boolean;
  /**
   * Prometheus metrics: `KafkaMetrics.strimziMetricsReporter()` (Strimzi's default allow list for
   * the bridge's Kafka clients), or `KafkaMetrics.jmxPrometheusExporter()` (Strimzi's bridge rules,
   * {@link JmxExporterRules.bridge}, in a ConfigMap `<name>-bridge-metrics`), or a JMX exporter
   * ConfigMap of your own. The bridge's own HTTP metrics are served either way. `true` is
   * `KafkaMetrics.strimziMetricsReporter()` with Strimzi's default allow list (`metricsConfig:
   * { type: strimziMetricsReporter }`, as `true` rendered before this prop took a KafkaMetrics);
   * `false` is none.
   * @default - none
   */
  readonly metrics?: boolean | KafkaMetrics;
  /**
   * Labels on the KafkaBridge and its pods (e.g. `failover: enabled`).
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * CPU and memory of the bridge container.
   * @default - requests 100m CPU and 256 MiB, limit 512 MiB
   */
  readonly resources?: ContainerResources;
  /**
   * The `restricted` Pod Security Standard's security context on the bridge pods.
   * @default true
   */
  readonly restrictedSecurityContext?: boolean;
  /**
   * Who may reach the bridge's HTTP port: the gateway or the mesh. Strimzi makes no
   * NetworkPolicy for bridges; this one denies everything else. `[]` admits nobody; a peer of
   * `podLabels: {}` alone admits every pod of the bridge's namespace; `namespaceLabels: {}`
   * without pod labels (every pod of every namespace) is rejected. Behind a
   * {@link FailoverGateway}, it must admit the provider's gateway proxies
   * (`IFailoverRenderer.gatewayPeer`).
   * @default - pods in the bridge's namespace
   */
  readonly allowFrom?: NetworkPeer[];
  /**
   * Inject the Istio sidecar into the bridge pods.
   * @default false
   */
  readonly istioSidecar?: boolean;
}

const MIN_HTTP_PORT = 1023;
/**
 * The port of the bridge's management endpoints (`/healthy`, `/ready`, `/metrics`), which Strimzi
 * opens on every bridge pod and points the probes at (KafkaBridgeCluster.REST_API_MANAGEMENT_PORT,
 * the bridge's HttpConfig.DEFAULT_MANAGEMENT_PORT). The bridge opens no other port: both kinds of
 * metrics are served there (the Strimzi metrics reporter with its own listener off,
 * `prometheus.metrics.reporter.listener.enable=false`: KafkaBridgeConfigurationBuilder
 * .withStrimziMetricsReporter), and a KafkaBridge has no JMX options.
 */
const BRIDGE_MANAGEMENT_PORT = 8081;
/**
 * The ports the Istio sidecar (Envoy and its agent) listens on in the pod it is injected into, by
 * use (istio.io "Ports used by Istio"; the injected istio-proxy container and its iptables
 * redirection, pkg/kube/inject): an application port among them clashes with the sidecar.
 */
const ISTIO_SIDECAR_PORTS: Readonly<Record<number, string>> = {
  15000: "Envoy's admin port",
  15001: "Envoy's outbound port, where iptables redirects the pod's outgoing traffic",
  15004: "the agent's debug port",
  15006: "Envoy's inbound port, where iptables redirects the pod's incoming traffic",
  15008: 'the HBONE mTLS tunnel port',
  15020: "the agent's merged Prometheus telemetry port",
  15021: "the sidecar's health check port",
  15053: "the agent's DNS proxy port",
  15090: "Envoy's Prometheus telemetry port",
};

/** Why `port` is taken on the bridge pod (by Strimzi's management port, or with `istioSidecar` by the sidecar), or undefined. */
function reservedBridgePort(port: number, istioSidecar: boolean): string | undefined {
  if (port === BRIDGE_MANAGEMENT_PORT) {
    return `it is the bridge's management port, where it serves /healthy, /ready and /metrics and which Strimzi's probes use (KafkaBridgeCluster.REST_API_MANAGEMENT_PORT = ${BRIDGE_MANAGEMENT_PORT}); the HTTP API cannot listen there too`;
  }
  if (istioSidecar && ISTIO_SIDECAR_PORTS[port] !== undefined) {
    return `with istioSidecar it is ${ISTIO_SIDECAR_PORTS[port]} (istio.io "Ports used by Istio": applications must not use the sidecar's ports)`;
  }
  return undefined;
}
/** A Service name is a DNS-1035 label: at most 63 characters. */
const MAX_SERVICE_NAME = 63;
/** The longest bridge name whose Strimzi-derived names all fit: its Service, `<name>-bridge-service`, is the longest DNS label. */
const MAX_BRIDGE_NAME = MAX_SERVICE_NAME - StrimziNames.bridgeService('').length;

/**
 * A Strimzi `KafkaBridge`: the Kafka HTTP (REST) bridge, with a bounded consumer lifetime, the
 * restricted security context and a NetworkPolicy that admits only its clients.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * const user = kafka.addUser('bridge', { acls: [Acl.topic('orders').allow(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)] });
 * new KafkaBridge(chart, 'Bridge', {
 *   name: 'events',
 *   namespace: 'kafka',
 *   kafka: BridgeKafkaConnection.fromCluster(kafka),
 *   authentication: BridgeAuthentication.fromUser(user),
 * });
 */
export class KafkaBridge extends Construct {
  /** The KafkaBridge's name; its Service is `<name>-bridge-service`. */
  public readonly bridgeName: string;
  /** The bridge's namespace. */
  public readonly namespace?: string;
  /** How many bridge pods run. */
  public readonly replicas: number;
  /** The port of the HTTP API. */
  public readonly httpPort: number;
  /** The certificate the HTTP API is served with; undefined for plain HTTP. */
  public readonly httpTls?: BridgeHttpTls;
  /** The Prometheus metrics, if any. */
  public readonly metrics?: KafkaMetrics;
  /** Whether the bridge serves the consumer API (consumers live in one pod's memory). */
  public readonly consumerEnabled: boolean;
  /** Labels on the KafkaBridge and its pods. */
  public readonly labels: Readonly<Record<string, string>>;
  /** The L1 `KafkaBridge`. */
  public readonly resource: strimzi.KafkaBridge;
  /** The NetworkPolicy that admits only `allowFrom` to the HTTP port. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /**
   * Who the NetworkPolicy admits to the HTTP port, as given: undefined for every pod of the
   * bridge's namespace, `[]` for nobody.
   */
  public readonly allowFrom?: readonly NetworkPeer[];

  /** Creates the KafkaBridge and its NetworkPolicy; props Strimzi or the listener would reject throw at once. */
  public constructor(scope: Construct, id: string, props: KafkaBridgeProps) {
    super(scope, constructId('KafkaBridge', scope, id));
    checkArgs({ scope: this, kind: 'KafkaBridge', name: id }, 'KafkaBridge.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.bridgeName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaBridge', name: this.bridgeName };
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    checkNamespace(subject, 'namespace', this.namespace);
    this.replicas = props.replicas ?? 1;
    this.httpPort = props.httpPort ?? 8080;
    this.labels = props.labels ?? {};
    this.consumerEnabled = props.consumer ?? true;
    const kafka = props.kafka;
    const timeout = props.consumerTimeout ?? Duration.minutes(5);

    // Strimzi derives the bridge's objects from its name (KafkaBridgeResources: `<name>-bridge` for
    // the Deployment, ServiceAccount and PDB, `<name>-bridge-config`, `<name>-bridge-service`): the
    // Service name is the longest and a DNS-1035 label of at most 63 characters, so the name may
    // have 63 minus the length of '-bridge-service'.
    checkName(subject, 'name', this.bridgeName, { format: NameFormat.DNS1035_LABEL, maxLength: MAX_BRIDGE_NAME, use: `Strimzi names the bridge's Service '${StrimziNames.bridgeService('<name>')}', a DNS label of at most ${MAX_SERVICE_NAME}`, example: 'events' });
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      throwPropError(subject, 'replicas', 'must be a whole number >= 1', this.replicas, 'run 1 per region behind a failover gateway');
    }
    if (!Number.isInteger(this.httpPort) || this.httpPort < MIN_HTTP_PORT || this.httpPort > 65535) {
      throwPropError(subject, 'httpPort', `must be from ${MIN_HTTP_PORT} to 65535 (the bridge runs unprivileged)`, this.httpPort, 'use 8080');
    }
    const reserved = reservedBridgePort(this.httpPort, props.istioSidecar === true);
    if (reserved !== undefined) {
      throwPropError(subject, 'httpPort', `is taken on the bridge pod: ${reserved}`, this.httpPort, `use another port, e.g. ${this.httpPort === 8080 ? 8443 : 8080}`);
    }
    this.httpTls = props.httpTls === undefined ? undefined : checkHttpTls(subject, props.httpTls);
    this.metrics = KafkaMetrics._ofComponent(props.metrics);
    if (timeout.toSeconds() < 1) {
      throwPropError(subject, 'consumerTimeout', 'must be at least a second; consumers that never time out pile up', timeout.toSeconds(), 'use e.g. Duration.minutes(5)');
    }
    if (kafka._namespace !== undefined && kafka._namespace !== this.namespace) {
      throwPropError(subject, 'namespace', `differs from the Kafka cluster's (${kafka._namespace}), where its CA and user Secrets are`, this.namespace ?? '(none)', "put the bridge in the cluster's namespace, or use BridgeKafkaConnection.fromAddress with copied Secrets");
    }
    // Without a CA to trust the bridge connects in plain text (Strimzi's spec.tls is unset).
    checkMutualTlsHasTls(subject, 'authentication', kafka.trustedCa !== undefined, props.authentication?.type,
      'give BridgeKafkaConnection.fromAddress() the trustedCa of the brokers\' CA (the listener must have TLS), or authenticate with BridgeAuthentication.scramSha512()');
    const needed = kafka._listenerAuthentication;
    if (needed !== undefined && needed !== (props.authentication?.type)) {
      // A cluster made elsewhere has the listeners fromClusterAttributes() declares, with
      // addListener()'s defaults (SCRAM-SHA-512) where a declaration leaves authentication out.
      const declared = kafka._cluster !== undefined && !('addListener' in kafka._cluster)
        ? '; if the cluster\'s listener has no authentication, declare it so in KafkaCluster.fromClusterAttributes() (authentication: ListenerAuthentication.none())' : '';
      throwPropError(subject, 'authentication', `does not match the listener, which authenticates with ${needed}`, props.authentication?.type ?? 'none',
        (needed === ListenerAuthenticationType.SCRAM_SHA_512 || needed === ListenerAuthenticationType.TLS ? `use BridgeAuthentication.fromUser() with a ${needed} KafkaUser` : 'use a listener the bridge can authenticate to') + declared);
    }
    const remoteUser = props.authentication?._remote?.user;
    if (remoteUser !== undefined && kafka._remote !== undefined && remoteUser.cluster !== kafka._remote.cluster) {
      throwPropError(subject, 'authentication', `is a copy of KafkaUser '${remoteUser.userName}' of the cluster at ${remoteUser.cluster.node.path}, but the bridge connects to the cluster at ${kafka._remote.cluster.node.path}: the user does not exist there`, props.authentication!.secretName, 'use a user of the cluster the bridge connects to');
    }
    const userCluster = props.authentication?._cluster;
    if (userCluster !== undefined && kafka._cluster !== undefined && userCluster !== kafka._cluster) {
      throwPropError(subject, 'authentication', `is a KafkaUser of the cluster at ${userCluster.node.path}, but the bridge connects to the cluster at ${kafka._cluster.node.path}: the user does not exist there`, props.authentication!.secretName, 'add the user to the cluster the bridge connects to');
    }
    checkSizing(subject, 'resources', props.resources);
    checkLabels(subject, 'labels', this.labels);
    checkPeers(subject, 'allowFrom', props.allowFrom);
    this.allowFrom = props.allowFrom?.map((peer) => ({ ...peer }));
    if (props.producer === false && props.consumer === false) {
      throwPropError(subject, 'producer', 'and consumer are both off: the bridge would serve nothing', false, 'turn one of them on');
    }

    const restricted = props.restrictedSecurityContext ?? true;
    const podLabels = { ...this.labels, ...(props.istioSidecar && { 'sidecar.istio.io/inject': 'true' }) };
    if (props.istioSidecar && this.namespace !== undefined) {
      // Istio without its CNI plugin injects istio-init, which needs NET_ADMIN and NET_RAW to set
      // up the traffic redirection: capabilities beyond baseline (istio.io: "Pod Security Admission").
      ConsistencyPass.of(this).podSecurity(this, this.namespace, PodSecurityLevel.PRIVILEGED, `the Istio sidecar of KafkaBridge '${this.bridgeName}': istio-init needs NET_ADMIN and NET_RAW unless Istio runs with its CNI plugin`);
    }
    const metricsConfig = this.metrics?._bindComponent(this, 'bridge', this.bridgeName, this.namespace);
    this.resource = new strimzi.KafkaBridge(this, 'Resource', {
      metadata: { name: this.bridgeName, namespace: this.namespace, ...(Object.keys(this.labels).length > 0 && { labels: { ...this.labels } }) },
      spec: {
        replicas: this.replicas,
        bootstrapServers: kafka.bootstrapServers,
        ...(kafka.trustedCa && { tls: { trustedCertificates: [renderTrust(kafka.trustedCa)] } }),
        ...(props.authentication && { authentication: props.authentication._spec }),
        http: {
          port: this.httpPort,
          ...(this.httpTls && { tls: renderHttpTls(this.httpTls) }),
          ...(props.cors && { cors: { allowedOrigins: props.cors.allowedOrigins, allowedMethods: props.cors.allowedMethods ?? ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] } }),
        },
        consumer: { enabled: this.consumerEnabled, timeoutSeconds: Math.round(timeout.toSeconds()) },
        producer: { enabled: props.producer ?? true },
        resources: renderResources(
          props.resources ?? { cpu: { request: Cpu.millis(100) }, memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) } },
          strimzi.KafkaBridgeSpecResourcesRequests.fromString,
          strimzi.KafkaBridgeSpecResourcesLimits.fromString,
        ),
        ...(metricsConfig && {
          metricsConfig: {
            ...metricsConfig,
            type: metricsConfig.type === 'jmxPrometheusExporter' ? strimzi.KafkaBridgeSpecMetricsConfigType.JMX_PROMETHEUS_EXPORTER : strimzi.KafkaBridgeSpecMetricsConfigType.STRIMZI_METRICS_REPORTER,
            ...(metricsConfig.values && { values: { allowList: [...metricsConfig.values.allowList] } }),
          },
        }),
        template: compact({
          pod: compact({
            metadata: Object.keys(podLabels).length > 0 ? { labels: podLabels } : undefined,
            securityContext: restricted ? restrictedPodSecurityContext() : undefined,
          }),
          bridgeContainer: restricted ? { securityContext: restrictedContainerSecurityContext() } : undefined,
        }),
      },
    });

    const pass = ConsistencyPass.of(this);
    pass.provide(this, serviceRef(this.namespace, this.serviceName), `Strimzi, from KafkaBridge '${this.bridgeName}' at ${this.node.path}`);
    // The copies a bridge of another Kubernetes cluster reads, made by the runbook.
    if (kafka._remote?.caOrigin !== undefined && kafka.trustedCa !== undefined) {
      pass.copy(this, secretRef(this.namespace, kafka.trustedCa.secretName), { scope: kafka._remote.cluster, ref: kafka._remote.caOrigin }, `a copy of the CA of Kafka '${kafka._remote.cluster.clusterName}''s listener, made by the runbook for KafkaBridge '${this.bridgeName}'`);
    }
    if (props.authentication?._remote !== undefined) {
      pass.copy(this, secretRef(this.namespace, props.authentication.secretName), { scope: props.authentication._remote.user, ref: props.authentication._remote.origin }, `a copy of the Secret of KafkaUser '${props.authentication._remote.user.userName}', made by the runbook for KafkaBridge '${this.bridgeName}'`);
    }
    const trust = kafka.trustedCa && secretRef(this.namespace, kafka.trustedCa.secretName);
    if (trust !== undefined) {
      pass.refer(subject, 'kafka', trust, "the bridge reads the CA Secret from its own namespace: put the bridge in the cluster's, or copy the CA", !kafka._derived);
    }
    // Every bootstrap address must reach a listener the bridge can talk to: TLS, CA and authentication.
    for (const address of kafka.bootstrapServers.split(',')) {
      pass.tlsClient({ subject, prop: 'kafka', address: address.trim(), trust, authentication: props.authentication?.type ?? 'none', namespace: this.namespace });
    }
    if (this.httpTls !== undefined) {
      pass.refer(subject, 'httpTls', secretRef(this.namespace, this.httpTls.secretName), "Strimzi mounts the HTTP certificate's Secret from the bridge's namespace: create it there (e.g. with a cert-manager Certificate) before applying", true);
    }
    const ownMetrics = this.metrics?.jmxExporter?.configMapName;
    if (ownMetrics !== undefined) {
      pass.refer(subject, 'metrics', { group: '', kind: 'ConfigMap', namespace: this.namespace, name: ownMetrics }, "Strimzi reads the JMX exporter's ConfigMap from the bridge's namespace: create it there", true);
    }
    if (props.authentication !== undefined) {
      pass.refer(subject, 'authentication', secretRef(this.namespace, props.authentication.secretName), "the bridge reads its credentials from its own namespace: put the bridge in the user's, or copy the Secret", !props.authentication._derived);
    }

    const ingress = admit(this.allowFrom, [{ port: k8s.IntOrString.fromNumber(this.httpPort), protocol: 'TCP' }]);
    const kafkaPorts = [...new Set(kafka.bootstrapServers.split(',').map((a) => Number(/:(\d+)$/.exec(a.trim())![1])))].map(tcpPort);
    this.networkPolicy = props.istioSidecar
      // With a sidecar the pod also talks to istiod and through the mesh: egress is left to the mesh.
      ? new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
        metadata: { name: `${this.bridgeName}-bridge`, namespace: this.namespace },
        spec: { podSelector: { matchLabels: this.podSelectorLabels }, policyTypes: ['Ingress'], ingress },
      })
      : workloadNetworkPolicy(this, 'NetworkPolicy', {
        name: `${this.bridgeName}-bridge`,
        namespace: this.namespace,
        podLabels: this.podSelectorLabels,
        ingress,
        // Out: Kafka only. A cluster of the app: its broker pods on the listener's port; one
        // elsewhere (through its Gateway): that port at any address.
        egress: [kafka._cluster !== undefined
          ? { to: [{ podLabels: StrimziNames.brokerPodLabels((kafka._cluster as unknown as { clusterName: string }).clusterName) }], ports: kafkaPorts }
          : { ports: kafkaPorts }],
      });
  }

  /**
   * Whether the NetworkPolicy admits the pods `peer` describes (e.g. a failover provider's
   * gateway proxies): some `allowFrom` entry's podLabels are a subset of the peer's, and its
   * namespaceLabels a subset of the peer's namespace labels, an entry or peer without
   * namespaceLabels meaning the bridge's namespace (whose name label,
   * `kubernetes.io/metadata.name`, is all that is known of it). Unset `allowFrom` admits the
   * bridge's namespace only; `[]` admits nobody.
   */
  public admits(peer: NetworkPeer): boolean {
    checkArgs({ scope: this, kind: 'KafkaBridge', name: this.bridgeName }, 'KafkaBridge.admits', arguments);
    return peersAdmit(this.allowFrom, this.namespace, peer);
  }

  /** The bridge's Service (`<name>-bridge-service`). */
  public get serviceName(): string {
    return StrimziNames.bridgeService(this.bridgeName);
  }

  /** `host:port` of the bridge Service inside the Kubernetes cluster. */
  public get serviceAddress(): string {
    return `${serviceHost(this.serviceName, this.namespace)}:${this.httpPort}`;
  }

  /** The labels Strimzi gives the bridge's pods, to select them. */
  public get podSelectorLabels(): Record<string, string> {
    return { 'strimzi.io/cluster': this.bridgeName, 'strimzi.io/kind': 'KafkaBridge' };
  }
}

/** Volume names Strimzi gives the bridge pod itself (VolumeUtils, KafkaBridgeCluster): an HTTP certificate Secret of one of these names is not mounted. */
const BRIDGE_VOLUMES = ['kube-api-access', 'strimzi-tmp', 'kafka-bridge-configurations', 'rack-volume'];
/** TLS versions a bridge's HTTP server may accept: the JVM's current ones (TLSv1 and TLSv1.1 are disabled by Java since 2021, JDK-8202343). */
const HTTP_TLS_PROTOCOLS = ['TLSv1.2', 'TLSv1.3'];

/** The HTTP TLS settings, checked, with their default keys. */
function checkHttpTls(subject: Subject, tls: BridgeHttpTls): BridgeHttpTls {
  checkName(subject, 'httpTls.secretName', tls.secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: "it names the Secret with the bridge's HTTP certificate", example: 'bridge-http-tls' });
  if (BRIDGE_VOLUMES.includes(tls.secretName)) {
    throwPropError(subject, 'httpTls.secretName', `is the name of a volume Strimzi gives the bridge pod itself: Strimzi names the certificate's volume after the Secret and skips it when the name is taken (KafkaBridgeCluster.getVolumes), so the bridge would find no certificate`, tls.secretName, "give the Secret another name, e.g. 'bridge-http-tls'");
  }
  const certificate = tls.certificate ?? 'tls.crt';
  const key = tls.key ?? 'tls.key';
  checkName(subject, 'httpTls.certificate', certificate, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'tls.crt' });
  checkName(subject, 'httpTls.key', key, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'tls.key' });
  if (certificate === key) throwPropError(subject, 'httpTls.key', 'is the certificate\'s key too: the certificate and the private key are two entries of the Secret', key, "use e.g. certificate 'tls.crt' and key 'tls.key'");
  const list = (prop: 'enabledProtocols' | 'cipherSuites', test: (v: string) => boolean, what: string, example: string): string[] | undefined => {
    const values = tls[prop];
    if (values === undefined) return undefined;
    if (values.length === 0) throwPropError(subject, `httpTls.${prop}`, 'is empty: the bridge would accept no TLS connection', [], `list at least one, e.g. ['${example}'], or leave it unset`);
    values.forEach((v, i) => {
      if (!test(v)) throwPropError(subject, `httpTls.${prop}[${i}]`, `must be ${what}`, v, `use e.g. '${example}'`);
      if (values.indexOf(v) !== i) throwPropError(subject, `httpTls.${prop}[${i}]`, 'is listed twice', v, 'list each once');
    });
    return [...values];
  };
  (tls.enabledProtocols ?? []).forEach((v, i) => {
    if (typeof v === 'string' && !HTTP_TLS_PROTOCOLS.includes(v)) {
      throwPropError(subject, `httpTls.enabledProtocols[${i}]`, `must be one of ${HTTP_TLS_PROTOCOLS.join(', ')} as JSSE names them: ${protocolProblem(v)}`, v, "use 'TLSv1.3', or 'TLSv1.2' for older clients (or leave enabledProtocols unset for both)");
    }
  });
  const enabledProtocols = list('enabledProtocols', (v) => HTTP_TLS_PROTOCOLS.includes(v), `one of ${HTTP_TLS_PROTOCOLS.join(', ')}`, 'TLSv1.3');
  const cipherSuites = list('cipherSuites', (v) => /^(TLS|SSL)_[A-Z0-9_]+$/.test(v.replace('_anon_', '_ANON_')) && (TLS13_SUITE.test(v) || v.includes('_WITH_') || v === SCSV), "a cipher suite name as JSSE writes it: a TLS 1.3 suite (TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256) or a TLS 1.2 one (TLS_<key exchange>_WITH_<cipher>_<hash>, e.g. TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)", 'TLS_AES_256_GCM_SHA384');
  if (cipherSuites !== undefined) {
    // The JDK refuses suites of the algorithms its java.security disables by default
    // (jdk.tls.disabledAlgorithms: RC4, DES, 3DES_EDE_CBC, anon, NULL; export suites are gone):
    // such a suite can never be negotiated.
    cipherSuites.forEach((suite, i) => {
      const weak = /_(RC4|DES|3DES_EDE_CBC|NULL)_|_anon_|_EXPORT/.exec(suite)?.[0].replace(/_/g, '');
      if (weak !== undefined) {
        throwPropError(subject, `httpTls.cipherSuites[${i}]`, `uses ${weak}, which the JDK disables (jdk.tls.disabledAlgorithms): the bridge can never negotiate it`, suite, "use an AEAD suite, e.g. 'TLS_AES_256_GCM_SHA384' or 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'");
      }
    });
    // TLS 1.3 suites name only the cipher and hash; the earlier versions' name the key exchange too
    // (RFC 8446 B.4): each is negotiated only under its own versions, so some enabled protocol
    // must take some listed suite, or no handshake can succeed.
    const protocols = enabledProtocols ?? HTTP_TLS_PROTOCOLS;
    const usable = cipherSuites.filter((suite) => suite !== SCSV && protocols.includes(TLS13_SUITE.test(suite) ? 'TLSv1.3' : 'TLSv1.2'));
    if (usable.length === 0) {
      const kinds = cipherSuites.every((suite) => suite === SCSV) ? 'only the renegotiation signalling value TLS_EMPTY_RENEGOTIATION_INFO_SCSV, which is no cipher suite'
        : cipherSuites.some((suite) => TLS13_SUITE.test(suite)) ? `only TLS 1.3 suites (TLS_AES_*, TLS_CHACHA20_*), which TLSv1.2 cannot negotiate, while enabledProtocols is ${protocols.join(', ')}`
          : `only suites of TLS 1.2 and earlier (TLS_*_WITH_*), which TLSv1.3 cannot negotiate (RFC 8446 B.4), while enabledProtocols is ${protocols.join(', ')}`;
      throwPropError(subject, 'httpTls.cipherSuites', `are ${kinds}: no TLS handshake could succeed, and the bridge would serve no HTTPS client`, cipherSuites,
        protocols.includes('TLSv1.3') ? "add a TLS 1.3 suite, e.g. 'TLS_AES_256_GCM_SHA384', or enable TLSv1.2 for these suites" : "add a TLS 1.2 suite, e.g. 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', or enable TLSv1.3 for these suites");
    }
  }
  return { secretName: tls.secretName, certificate, key, ...(enabledProtocols && { enabledProtocols }), ...(cipherSuites && { cipherSuites }) };
}

/** A TLS 1.3 cipher suite (RFC 8446 B.4: TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_CCM(_8)_SHA256): no key exchange in its name. */
const TLS13_SUITE = /^TLS_(AES|CHACHA20)_[A-Z0-9_]+$/;
/** The renegotiation signalling value (RFC 5746), which JSSE lists among cipher suites but negotiates no cipher. */
const SCSV = 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV';

/** Why a protocol name other than TLSv1.2 and TLSv1.3 is refused. */
function protocolProblem(name: string): string {
  if (['SSLv2', 'SSLv2Hello', 'SSLv3', 'TLSv1', 'TLSv1.1'].includes(name)) {
    return `${name} is disabled in the bridge's JDK (java.security's jdk.tls.disabledAlgorithms lists SSLv3, TLSv1 and TLSv1.1 since JDK 11.0.11 and 8u291, JDK-8202343; SSLv2 was never supported), so the bridge would skip it, and it is broken (RFC 8996 deprecates TLS 1.0 and 1.1)`;
  }
  const same = HTTP_TLS_PROTOCOLS.find((p) => p.toLowerCase() === name.toLowerCase().replace(/^tls(?=\d)/, 'tlsv'));
  if (same !== undefined) return `protocol names are case-sensitive JSSE names: write '${same}'`;
  return "the bridge's JDK knows no such protocol (JSSE's names are SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, of which only the last two are enabled)";
}

/** `http.tls` of a checked {@link BridgeHttpTls}. */
function renderHttpTls(tls: BridgeHttpTls): strimzi.KafkaBridgeSpecHttpTls {
  const config: Record<string, string> = {
    ...(tls.enabledProtocols && { 'ssl.enabled.protocols': tls.enabledProtocols.join(',') }),
    ...(tls.cipherSuites && { 'ssl.enabled.cipher.suites': tls.cipherSuites.join(',') }),
  };
  return {
    certificateAndKey: { secretName: tls.secretName, certificate: tls.certificate!, key: tls.key! },
    ...(Object.keys(config).length > 0 && { config }),
  };
}
