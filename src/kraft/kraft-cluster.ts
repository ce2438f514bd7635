import { checkArgs, constructId } from '../core/props';
import { Chart, Size } from 'cdk8s';
import { ContainerResources, Cpu, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Certificate, KeyUsage } from '../certs/certificate';
import type { IIssuer } from '../certs/issuer';
import type { IGateway } from '../gateway/kafka-gateway';
import { KafkaTlsRoutes } from '../gateway/tls-routes';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { Subject, throwPropError } from '../core/errors';
import { checkFactoryName, checkName, checkNamespace, NameFormat } from '../core/naming';
import { apacheKafkaImage, ImageUser, resolveImageUser } from '../core/images';
import { admit, checkPeers, NetworkPeer, workloadNetworkPolicy } from '../core/network';
import { checkSizing, ephemeralStorageFor, renderResources } from '../core/resources';
import { restrictedContainerSecurityContext, restrictedPodSecurityContextFor } from '../core/security';
import { jvmSize, mebibytes, quantity, sizeProblem } from '../core/units';
import { checkImage, spreadOverNodesAndZones } from '../core/workload';
import { DEFAULT_KAFKA_VERSION, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { storedClaimTemplates } from '../policy/immutable';
import { ALLOWED_EXCEPTIONS, checkConfigValues, configIssues, DURABLE_BROKER_CONFIG, replicationProblems } from '../kafka/broker-config';
import {
  ADMIN_PASSWORD_FILE, ADMIN_SECRET_DIR, DATA_DIR, KraftClientAuthenticationType, deterministicUuid, headlessService, initialControllers, KEYSTORE, KraftPool, KraftTopology,
  nodeConfig, podDnsName, podName, statefulSetName, TLS_DIR, toProperties,
} from './config';

/** How the nodes are laid out. */
export enum KraftMode {
  /** A controller StatefulSet and a broker StatefulSet: what production clusters run. */
  SPLIT = 'split',
  /** One StatefulSet of nodes that are both controllers and brokers: small clusters. */
  COMBINED = 'combined',
}

/** Where the admin password of a SCRAM cluster is. */
export interface KraftAdminPassword {
  /** The Secret (in the cluster's namespace): a Secret name, i.e. a DNS-1123 subdomain. */
  readonly secretName: string;
  /** The key in the Secret: alphanumerics, '-', '_' and '.' (a Secret data key). @default 'password' */
  readonly key?: string;
}

/** How clients authenticate on the client listener. */
export class KraftClientAuthentication {
  /**
   * SCRAM-SHA-512. Storage is formatted with an `admin` user whose password comes from a Secret
   * you create (it is never written to the manifests); `admin` is a super user (`super.users`)
   * and makes the others and their ACLs; every other user gets what its ACLs allow. The pods
   * mount the Secret as a read-only file (`/etc/kafka/admin/password`, mode 0400, readable by the
   * pod's group): the password is in no container's environment and on no command line.
   */
  public static scramSha512(adminPassword: KraftAdminPassword): KraftClientAuthentication {
    const factory = 'KraftClientAuthentication.scramSha512()';
    checkArgs(factory, 'KraftClientAuthentication.scramSha512', arguments);
    // Both end up in every pod's Secret volume (secretName, items[].key) and in the README's
    // `kubectl create secret generic <name> --from-literal=<key>=…`: names the API server and
    // kubectl refuse (ValidateSecretName on the Secret, IsConfigMapKey on its data) must fail here.
    checkFactoryName(factory, 'adminPassword.secretName', adminPassword.secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Secret the pods mount', example: 'events-admin' });
    const key = adminPassword.key ?? 'password';
    checkFactoryName(factory, 'adminPassword.key', key, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret\'s data', example: 'password' });
    return new KraftClientAuthentication(KraftClientAuthenticationType.SCRAM_SHA_512, { secretName: adminPassword.secretName, key });
  }

  /**
   * Mutual TLS: clients present a certificate the cluster's CA trusts and are
   * `User:<its subject>` (e.g. `User:CN=app`), with what their ACLs allow. The only super user is
   * the nodes' principal (`User:CN=<name>-kafka`, the cluster certificate's subject): make the
   * ACLs with the cluster certificate, e.g. from a broker pod.
   */
  public static tls(): KraftClientAuthentication {
    return new KraftClientAuthentication(KraftClientAuthenticationType.TLS);
  }

  /**
   * No authentication: every client is `User:ANONYMOUS`, which the cluster makes a super user
   * (no ACL could tell clients apart), so whoever reaches the client port (`allowFrom`) may do
   * everything. Not allowed with an `external` listener.
   */
  public static none(): KraftClientAuthentication {
    return new KraftClientAuthentication(KraftClientAuthenticationType.NONE);
  }

  private constructor(
    /** The authentication type. */
    public readonly type: KraftClientAuthenticationType,
    /** The Secret and key of the admin password (SCRAM). */
    public readonly adminSecret?: KraftAdminPassword,
  ) {}
}

/** The size of a StatefulSet's nodes. */
export interface KraftNodeOptions {
  /** @default 3 */
  readonly replicas?: number;
  /** Each pod's volume. @default - 10 GiB for controllers, 100 GiB for brokers and combined nodes */
  readonly storage?: Size;
  /** @default - the cluster's default StorageClass */
  readonly storageClass?: string;
  /**
   * CPU and memory, and ephemeral storage (the writable /tmp of 256 MiB and the kubelet's log files).
   * No CPU limit by default: it would throttle the JVM while the node has idle cores.
   * @default - requests 500m CPU and 2 GiB, limit 2 GiB (brokers and combined); 250m and 1 GiB
   * (controllers); ephemeral storage 320 MiB requested and limited, unless `ephemeralStorage` is given
   */
  readonly resources?: ContainerResources;
  /** The JVM heap. @default - half the memory limit */
  readonly heap?: Size;
}

/** The names of a KRaft cluster's listeners. */
export interface KraftListenerNameOptions {
  /** The client listener's name. @default 'CLIENTS' */
  readonly client?: string;
  /** The broker-to-broker listener's name. @default 'REPLICATION' */
  readonly replication?: string;
  /** The controller listener's name. @default 'CONTROLLER' */
  readonly controller?: string;
}

/** A per-broker Service of a KRaft cluster. */
export interface KraftBrokerService {
  /** The Service's name. */
  readonly name: string;
  /** The broker's node id. */
  readonly nodeId: number;
  /** The broker's pod. */
  readonly pod: string;
}

/** Props of {@link KraftCluster}. */
export interface KraftClusterProps {
  /** The cluster's name: it prefixes every object. @default - the construct id, lower-cased */
  readonly name?: string;
  /** @default - the chart's namespace */
  readonly namespace?: string;
  /** @default KraftMode.SPLIT */
  readonly mode?: KraftMode;
  /** The Kafka version: the `apache/kafka` image tag. @default '4.3.1' */
  readonly version?: string;
  /** The image. @default `apache/kafka:<version>` */
  readonly image?: string;
  /**
   * The numeric user and group the image runs as: the pods' `runAsUser` and `runAsGroup`, and
   * their `fsGroup`, which owns the data volumes. The pods run as non-root, and the kubelet
   * refuses an image whose user is a name it cannot verify.
   * @default - the image's, from the library's table of images (`IMAGE_FACTS`): every
   * `apache/kafka` version it supports; required for any other image
   */
  readonly imageUser?: ImageUser;
  /** The controllers (split mode). */
  readonly controllers?: KraftNodeOptions;
  /** The brokers (split mode). */
  readonly brokers?: KraftNodeOptions;
  /** The nodes (combined mode). */
  readonly combined?: KraftNodeOptions;
  /**
   * The issuer of the cluster's certificate, which covers every pod's DNS name and the Services:
   * every listener uses TLS, nodes authenticate each other with it.
   * @default - none: then `plaintext` must be set
   */
  readonly issuer?: IIssuer;
  /**
   * Run without TLS. Only for a throwaway cluster: on PLAINTEXT listeners the nodes connect to
   * each other as `User:ANONYMOUS` (they have no identity to prove), so `User:ANONYMOUS` is a
   * super user, and anyone who reaches the replication or controller port may do everything;
   * only the NetworkPolicy (the cluster's own pods on those ports) guards them.
   * @default false
   */
  readonly plaintext?: boolean;
  /**
   * How clients authenticate on the client (and external) listener.
   * @default - SCRAM-SHA-512 with the admin password in the Secret `<name>-admin`
   */
  readonly authentication?: KraftClientAuthentication;
  /** @default 9092 */
  readonly clientPort?: number;
  /** @default 9091 */
  readonly replicationPort?: number;
  /** @default 9093 */
  readonly controllerPort?: number;
  /** @default { client: 'CLIENTS', replication: 'REPLICATION', controller: 'CONTROLLER' } */
  readonly listenerNames?: KraftListenerNameOptions;
  /** Brokers' node ids start here, after the controllers' (split mode only). @default 100 */
  readonly brokerIdOffset?: number;
  /**
   * Broker configuration over the durable defaults (RF 3, min ISR 2, …). What the topology
   * computes (listeners, node ids, quorum, TLS stores, SASL, authorizer, super users) is
   * rejected, except what Strimzi lets through too: TLS tuning (`ssl.enabled.protocols`,
   * `ssl.cipher.suites`, `ssl.protocol`, `ssl.secure.random.implementation`),
   * `sasl.server.max.receive.size` and KRaft timeouts (`controller.quorum.election.timeout.ms`,
   * `controller.quorum.election.backoff.max.ms`, `controller.quorum.fetch.timeout.ms`,
   * `controller.socket.timeout.ms`).
   * @default - the durable defaults
   */
  readonly config?: Record<string, string | number | boolean>;
  /** Who may reach the client port; `[]` admits nobody. @default - pods in the cluster's namespace */
  readonly allowFrom?: NetworkPeer[];
  /**
   * A listener for clients outside the Kubernetes cluster, through a Gateway with TLS
   * passthrough: each broker advertises its host from the Gateway's scheme, and TLSRoutes go to
   * the per-broker Services (the gateway constructs' explicit mode). Needs an issuer.
   * @default - none
   */
  readonly external?: KraftExternalListener;
}

/** A listener reached through a Gateway. */
export interface KraftExternalListener {
  /** The Gateway clients come through; its hostname scheme names each broker. */
  readonly gateway: IGateway;
  /** The brokers' port for it. @default 9094 */
  readonly port?: number;
  /** The port brokers advertise: the one clients reach the Gateway on. @default - the Gateway's external port */
  readonly advertisedPort?: number;
  /** @default 'EXTERNAL' */
  readonly name?: string;
}

/**
 * Options the start script and the configuration own: setting them is an error, except the
 * options Strimzi lets through its own list (`ALLOWED_EXCEPTIONS`, Strimzi
 * `KafkaClusterSpec.FORBIDDEN_PREFIX_EXCEPTIONS`), none of which the configuration computes.
 */
/** The size of each node's writable /tmp (an emptyDir): Kafka's log files and the generated configuration. */
const TMP_SIZE = Size.mebibytes(256);

const MANAGED_CONFIG = [
  'process.roles', 'node.id', 'controller.', 'listeners', 'advertised.listeners', 'listener.', 'inter.broker.listener.name',
  'log.dirs', 'log.dir', 'metadata.log.dir', 'ssl.', 'sasl.', 'authorizer.class.name', 'super.users',
];
const LISTENER_NAME = /^[A-Z][A-Z0-9_]*$/;
/** The largest node id: `node.id` is a Java int. */
const MAX_NODE_ID = 2 ** 31 - 1;

/**
 * Apache Kafka in KRaft mode on plain StatefulSets, for clusters without an operator: the
 * official `apache/kafka` image, split controllers and brokers (or combined nodes), one volume
 * per pod, every pod's configuration computed at synth time, TLS between everything from a
 * cert-manager certificate, SCRAM or mutual TLS for clients, probes, a PDB, topology spread,
 * the restricted security context as the image's numeric user with a read-only root filesystem,
 * and a NetworkPolicy for both directions (the nodes with each other and DNS out).
 *
 * The cluster id is derived from the namespace and name (sha256 of `cdk8s-kafka/<ns>/<name>`),
 * so synth is byte-identical; storage is formatted with it only when a volume is empty.
 *
 * @example
 * const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: 'kafka' });
 * const kafka = new KraftCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', issuer: ca.issuer });
 */
export class KraftCluster extends Construct {
  /** The cluster's name: it prefixes every object. */
  public readonly clusterName: string;
  /** The cluster's namespace. */
  public readonly namespace: string;
  /** What every pod's configuration is computed from. */
  public readonly topology: KraftTopology;
  /** The Kafka image every pod runs. */
  public readonly image: string;
  /** The numeric user and group every pod runs as, and the group that owns its volumes. */
  public readonly imageUser: ImageUser;
  /** The certificate of every node and Service; undefined for a plaintext cluster. */
  public readonly certificate?: Certificate;
  /** The ConfigMap with every pod's properties and the start script. */
  public readonly configMap: k8s.KubeConfigMap;
  /** How clients authenticate (with the Secret of the admin password, for SCRAM). */
  public readonly authentication: KraftClientAuthentication;

  /** Creates the StatefulSets, Services, ConfigMap, certificate and NetworkPolicy; props that cannot work throw at once. */
  public constructor(scope: Construct, id: string, props: KraftClusterProps = {}) {
    super(scope, constructId('KraftCluster', scope, id));
    checkArgs({ scope: this, kind: 'KraftCluster', name: id }, 'KraftCluster.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.clusterName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KraftCluster', name: this.clusterName };
    const fail = (prop: string, problem: string, value: unknown, fix: string): never => throwPropError(subject, prop, problem, value, fix);
    checkName(subject, 'name', this.clusterName, { format: NameFormat.DNS1035_LABEL, maxLength: 30, use: 'it prefixes pod and Service names', example: 'events' });
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? fail('namespace', 'is needed for the pods\' DNS names', undefined, 'pass a namespace, or give the chart one');
    checkNamespace(subject, 'namespace', this.namespace);
    const version = props.version ?? DEFAULT_KAFKA_VERSION;
    if (!SUPPORTED_KAFKA_VERSIONS.includes(version)) fail('version', 'is not a supported Kafka version', version, `use one of ${SUPPORTED_KAFKA_VERSIONS.join(', ')}`);
    this.image = props.image ?? apacheKafkaImage(version);
    checkImage(subject, 'image', this.image);
    this.imageUser = resolveImageUser(subject, 'image', this.image, 'imageUser', props.imageUser);

    const mode = props.mode ?? KraftMode.SPLIT;
    if (mode === KraftMode.COMBINED && (props.controllers !== undefined || props.brokers !== undefined)) {
      fail(props.controllers !== undefined ? 'controllers' : 'brokers', 'do not apply in combined mode: every node is both, in one StatefulSet with one storage class', 'set', 'size the nodes with `combined`, or use KraftMode.SPLIT');
    }
    if (mode === KraftMode.SPLIT && props.combined !== undefined) fail('combined', 'only applies in KraftMode.COMBINED', 'set', 'size controllers and brokers separately');

    const ports = { client: props.clientPort ?? 9092, replication: props.replicationPort ?? 9091, controller: props.controllerPort ?? 9093 };
    for (const [key, port] of Object.entries(ports)) {
      if (!Number.isInteger(port) || port < 1024 || port > 65535) fail(`${key}Port`, 'must be from 1024 to 65535 (the pods run unprivileged)', port, 'use the defaults 9092, 9091, 9093');
    }
    if (new Set(Object.values(ports)).size !== 3) fail('clientPort', 'collides with another listener port', ports, 'give each listener its own port');
    const listenerNames = { client: 'CLIENTS', replication: 'REPLICATION', controller: 'CONTROLLER', ...props.listenerNames };
    for (const [key, name] of Object.entries(listenerNames)) {
      if (!LISTENER_NAME.test(name)) fail(`listenerNames.${key}`, 'must be upper-case letters, digits and _', name, "use e.g. 'CLIENTS'");
    }
    if (new Set(Object.values(listenerNames)).size !== 3) fail('listenerNames', 'reuse a name: each listener needs its own', listenerNames, 'name the client, replication and controller listeners differently');

    const tls = props.issuer !== undefined;
    if (!tls && !props.plaintext) fail('issuer', 'is missing: every listener should use TLS', undefined, 'pass a cert-manager issuer, or plaintext: true for a throwaway cluster');
    if (tls && props.plaintext) fail('plaintext', 'is set together with an issuer', true, 'drop one of them');
    const auth = props.authentication ?? KraftClientAuthentication.scramSha512({ secretName: `${this.clusterName}-admin` });
    this.authentication = auth;
    if (auth.type === KraftClientAuthenticationType.TLS && !tls) fail('authentication', 'is mutual TLS, which needs TLS', 'tls', 'pass an issuer, or use SCRAM');
    // Without client authentication every client is User:ANONYMOUS, a super user (config.ts
    // superUsers): through a Gateway that would open the whole cluster to the Gateway's network.
    if (auth.type === KraftClientAuthenticationType.NONE && props.external !== undefined) {
      fail('authentication', `is none, so every client would be User:ANONYMOUS, a super user, also through Gateway '${props.external.gateway.gatewayName}' (external)`, 'none', 'use KraftClientAuthentication.scramSha512() or KraftClientAuthentication.tls() with an external listener');
    }

    const ext = props.external;
    const external = ext && { name: ext.name ?? 'EXTERNAL', port: ext.port ?? 9094, hostTemplate: ext.gateway.hostnames.brokerTemplate, advertisedPort: ext.advertisedPort ?? ext.gateway.externalPort };
    if (ext && external) {
      if (!tls) fail('external', `passes TLS through Gateway '${ext.gateway.gatewayName}', so the brokers need TLS`, ext.gateway.gatewayName, 'pass an issuer');
      if (external.advertisedPort !== ext.gateway.externalPort) {
        fail('external.advertisedPort', `breaks the port chain: clients reach Gateway '${ext.gateway.gatewayName}' on ${ext.gateway.externalPort}`, external.advertisedPort, `advertise ${ext.gateway.externalPort}`);
      }
      if (!Number.isInteger(external.port) || external.port < 1024 || external.port > 65535) fail('external.port', 'must be a port from 1024 to 65535 (the brokers run unprivileged)', external.port, 'use e.g. 9094');
      if (Object.values(ports).includes(external.port)) fail('external.port', 'collides with another listener port', external.port, 'use e.g. 9094');
      if (!LISTENER_NAME.test(external.name) || Object.values(listenerNames).includes(external.name)) fail('external.name', 'must be a new upper-case listener name', external.name, "use 'EXTERNAL'");
    }
    if (mode === KraftMode.COMBINED && props.brokerIdOffset !== undefined) {
      fail('brokerIdOffset', 'does not apply in combined mode: every node is a controller and a broker with one node id, from 0', props.brokerIdOffset, 'remove it, or use KraftMode.SPLIT for broker ids of their own');
    }
    const brokerIdOffset = props.brokerIdOffset ?? 100;
    const pools: KraftPool[] = mode === KraftMode.COMBINED
      ? [{ name: 'combined', roles: ['controller', 'broker'], replicas: props.combined?.replicas ?? 3, idOffset: 0 }]
      : [
        { name: 'controller', roles: ['controller'], replicas: props.controllers?.replicas ?? 3, idOffset: 0 },
        { name: 'broker', roles: ['broker'], replicas: props.brokers?.replicas ?? 3, idOffset: brokerIdOffset },
      ];
    for (const pool of pools) {
      if (!Number.isInteger(pool.replicas) || pool.replicas < 1) fail(`${optionsKey(pool)}.replicas`, 'must be a whole number >= 1', pool.replicas, 'use 3');
    }
    const controllerCount = pools.filter((p) => p.roles.includes('controller')).reduce((n, p) => n + p.replicas, 0);
    const brokerCount = pools.filter((p) => p.roles.includes('broker')).reduce((n, p) => n + p.replicas, 0);
    if (controllerCount < 3 || controllerCount % 2 === 0) {
      fail(`${mode === KraftMode.COMBINED ? 'combined' : 'controllers'}.replicas`, 'must be odd and >= 3 for a KRaft quorum that survives a failure', controllerCount, 'use 3 or 5');
    }
    // Node ids are Java ints >= 0 (KRaftConfigs: node.id is Type.INT; KafkaConfig rejects a negative one), each broker's offset + ordinal.
    if (!Number.isInteger(brokerIdOffset) || brokerIdOffset < 0 || brokerIdOffset + brokerCount - 1 > MAX_NODE_ID) {
      fail('brokerIdOffset', `must be a whole number >= 0 with room for the ${brokerCount} broker ids below ${MAX_NODE_ID + 1} (node.id is a Java int)`, brokerIdOffset, 'use e.g. 100');
    }
    if (mode === KraftMode.SPLIT && brokerIdOffset < controllerCount) {
      fail('brokerIdOffset', `is below the ${controllerCount} controller ids: controller and broker node ids would collide`, brokerIdOffset, `use at least ${controllerCount}, e.g. 100`);
    }

    const userConfig = props.config ?? {};
    checkConfigValues(subject, 'config', userConfig, 'broker', version);
    for (const key of Object.keys(userConfig)) {
      if (!MANAGED_CONFIG.some((m) => key === m || (m.endsWith('.') && key.startsWith(m)))) continue;
      if (!ALLOWED_EXCEPTIONS.has(key)) {
        fail(`config['${key}']`, 'is computed from the topology (listeners, node ids, TLS, quorum)', userConfig[key], 'use the construct\'s props instead');
      }
      // The exceptions tune TLS and SASL: without them they would be silently unused.
      if (key.startsWith('ssl.') && !tls) fail(`config['${key}']`, 'tunes TLS, which this cluster does not use (plaintext: true)', userConfig[key], 'remove it, or pass an issuer for TLS');
      if (key.startsWith('sasl.') && auth.type !== KraftClientAuthenticationType.SCRAM_SHA_512) {
        fail(`config['${key}']`, `tunes SASL, which no listener of this cluster uses (authentication is ${auth.type})`, userConfig[key], 'remove it, or use KraftClientAuthentication.scramSha512()');
      }
    }
    const brokerConfig = { ...DURABLE_BROKER_CONFIG, ...userConfig };
    // The replication rules KafkaCluster applies too: every factor within the brokers, each min ISR below its factor.
    const [replication] = replicationProblems(brokerConfig, brokerCount, false);
    if (replication !== undefined) fail(replication.prop, replication.problem, replication.value, replication.fix);

    this.topology = {
      name: this.clusterName,
      namespace: this.namespace,
      clusterId: deterministicUuid(`cdk8s-kafka/${this.namespace}/${this.clusterName}`),
      pools,
      ports,
      listenerNames,
      tls,
      clientAuth: auth.type,
      external,
      // The cluster certificate's subject; on PLAINTEXT listeners Kafka makes every connection
      // User:ANONYMOUS (DefaultKafkaPrincipalBuilder), the nodes' too: it is then a super user.
      nodePrincipal: tls ? `CN=${this.clusterName}-kafka` : 'ANONYMOUS',
      brokerConfig,
    };

    if (props.issuer !== undefined) {
      this.certificate = new Certificate(this, 'Certificate', {
        issuer: props.issuer,
        name: `${this.clusterName}-tls`,
        namespace: this.namespace,
        commonName: `${this.clusterName}-kafka`,
        dnsNames: [
          ...pools.map((p) => `*.${headlessService(this.topology, p)}.${this.namespace}.svc`),
          `${this.bootstrapService}.${this.namespace}.svc`,
          ...this.brokerServices.map((s) => `${s.name}.${this.namespace}.svc`),
          ...(ext ? [ext.gateway.hostnames.bootstrap, ext.gateway.hostnames.wildcard] : []),
        ],
        // Nodes are servers to their clients and clients of each other.
        usages: [KeyUsage.DIGITAL_SIGNATURE, KeyUsage.SERVER_AUTH, KeyUsage.CLIENT_AUTH],
      });
    }

    this.configMap = new k8s.KubeConfigMap(this, 'Config', {
      metadata: { name: `${this.clusterName}-config`, namespace: this.namespace, labels: this.labels() },
      data: {
        'start.sh': startScript(this.topology, auth),
        ...Object.fromEntries(pools.flatMap((p) => Array.from({ length: p.replicas }, (_, i) => [`${podName(this.topology, p, i)}.properties`, toProperties(checkedNodeConfig(subject, version, nodeConfig(this.topology, p, i)))]))),
      },
    });

    for (const pool of pools) {
      const prop = mode === KraftMode.COMBINED ? 'combined' : pool.name === 'controller' ? 'controllers' : 'brokers';
      this.renderPool(subject, prop, pool, props[prop], auth);
    }
    this.renderServices();
    checkPeers(subject, 'allowFrom', props.allowFrom);
    if (auth.adminSecret !== undefined) {
      ConsistencyPass.of(this).refer(subject, 'authentication', secretRef(this.namespace, auth.adminSecret.secretName), "the pods read the admin password from their own namespace: make the Secret there", true);
    }
    this.renderNetworkPolicy(props.allowFrom);
    this.recordServers(ext);
    if (ext && external) {
      new KafkaTlsRoutes(this, 'Routes', {
        gateway: ext.gateway,
        port: external.port,
        backendNamespace: this.namespace,
        bootstrap: { name: this.bootstrapService, hostname: ext.gateway.hostnames.bootstrap, service: this.bootstrapService },
        brokers: this.brokerServices.map((b) => ({ name: b.name, hostname: ext.gateway.hostnames.broker(b.nodeId), service: b.name })),
      });
    }
  }

  /** The Service clients bootstrap from (every broker, client port). */
  public get bootstrapService(): string {
    return `${this.clusterName}-bootstrap`;
  }

  /** `host:port` for `bootstrap.servers`. */
  public get bootstrapAddress(): string {
    return `${this.bootstrapService}.${this.namespace}.svc:${this.topology.ports.client}`;
  }

  /** One Service per broker pod (for per-broker routes): name, node id and pod. */
  public get brokerServices(): KraftBrokerService[] {
    return this.topology.pools.filter((p) => p.roles.includes('broker')).flatMap((p) =>
      Array.from({ length: p.replicas }, (_, i) => ({ name: `${this.clusterName}-broker-${p.idOffset + i}`, nodeId: p.idOffset + i, pod: podName(this.topology, p, i) })));
  }

  /**
   * The listeners clients dial, for the consistency pass's trust chain (as `KafkaCluster` records
   * its listeners): the client listener at the bootstrap, per-broker and headless Services in each
   * DNS form, whose brokers advertise their pods' DNS names, and the external listener at the
   * Gateway's bootstrap host, whose brokers advertise the Gateway's per-broker hosts. Both trust
   * the CA in the cluster certificate's Secret (cert-manager writes `ca.crt` beside the key) and
   * are covered by that certificate.
   */
  private recordServers(ext: KraftExternalListener | undefined): void {
    const t = this.topology;
    const pass = ConsistencyPass.of(this);
    const ref = this.certificate && secretRef(this.namespace, this.certificate.secretName);
    const authentication = t.clientAuth === KraftClientAuthenticationType.NONE ? undefined : t.clientAuth;
    const brokerPools = t.pools.filter((p) => p.roles.includes('broker'));
    const inCluster = (service: string) => [service, `${service}.${t.namespace}`, `${service}.${t.namespace}.svc`, `${service}.${t.namespace}.svc.cluster.local`].map((host) => `${host}:${t.ports.client}`);
    pass.tlsServer({
      scope: this,
      what: `listener '${t.listenerNames.client}' of KraftCluster '${this.clusterName}'`,
      addresses: () => [this.bootstrapService, ...this.brokerServices.map((b) => b.name), ...brokerPools.map((p) => headlessService(t, p))].flatMap(inCluster),
      brokerHosts: () => brokerPools.flatMap((p) => Array.from({ length: p.replicas }, (_, i) => podDnsName(t, p, i))),
      trust: ref,
      certificate: ref,
      authentication,
    });
    if (ext !== undefined && t.external !== undefined) {
      const external = t.external;
      pass.tlsServer({
        scope: this,
        what: `listener '${external.name}' of KraftCluster '${this.clusterName}' (through Gateway '${ext.gateway.gatewayName}')`,
        addresses: () => [`${ext.gateway.hostnames.bootstrap}:${external.advertisedPort}`],
        brokerHosts: () => this.brokerServices.map((b) => external.hostTemplate.replace('{nodeId}', String(b.nodeId))),
        trust: ref,
        certificate: ref,
        authentication,
      });
    }
  }

  private labels(pool?: KraftPool): Record<string, string> {
    return { 'app.kubernetes.io/name': 'kafka', 'app.kubernetes.io/instance': this.clusterName, ...(pool && { 'app.kubernetes.io/component': pool.name }) };
  }

  private renderPool(subject: Subject, prop: string, pool: KraftPool, options: KraftNodeOptions | undefined, auth: KraftClientAuthentication): void {
    const t = this.topology;
    const id = pool.name[0].toUpperCase() + pool.name.slice(1);
    const labels = this.labels(pool);
    const controllerOnly = !pool.roles.includes('broker');
    const probePort = controllerOnly ? t.ports.controller : t.ports.client;
    const resources = {
      // The writable /tmp (logs, the generated configuration) full, plus the kubelet's log files.
      ephemeralStorage: ephemeralStorageFor(TMP_SIZE),
      ...(options?.resources ?? (controllerOnly
        ? { cpu: { request: Cpu.millis(250) }, memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } }
        : { cpu: { request: Cpu.millis(500) }, memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) } })),
    };
    checkSizing(subject, `${prop}.resources`, resources, `${prop}.heap`, options?.heap);
    const storageProblem = options?.storage === undefined ? undefined : sizeProblem(options.storage);
    if (storageProblem !== undefined) throwPropError(subject, `${prop}.storage`, storageProblem, options?.storage, 'use e.g. Size.gibibytes(100)');
    // A StorageClass name; '' (no class: bind a pre-made volume) would be dropped, so it is refused too.
    if (options?.storageClass !== undefined) checkName(subject, `${prop}.storageClass`, options.storageClass, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a StorageClass', example: 'fast-ssd' });
    const heap = options?.heap ?? Size.mebibytes(Math.max(1, Math.floor(mebibytes(resources.memory?.limit ?? Size.gibibytes(2)) / 2)));
    const containerPorts = [
      ...(pool.roles.includes('broker') ? [{ name: 'clients', containerPort: t.ports.client }, { name: 'replication', containerPort: t.ports.replication }] : []),
      ...(pool.roles.includes('broker') && t.external ? [{ name: 'external', containerPort: t.external.port }] : []),
      ...(pool.roles.includes('controller') ? [{ name: 'controller', containerPort: t.ports.controller }] : []),
    ];
    const tcp = (periodSeconds: number, failureThreshold: number) => ({ tcpSocket: { port: k8s.IntOrString.fromNumber(probePort) }, periodSeconds, failureThreshold, timeoutSeconds: 5 });

    new k8s.KubeService(this, `${id}Headless`, {
      metadata: { name: headlessService(t, pool), namespace: t.namespace, labels },
      spec: {
        clusterIp: 'None',
        // Peers must resolve each other before they are ready: the quorum forms from these names.
        publishNotReadyAddresses: true,
        selector: labels,
        ports: containerPorts.map((p) => ({ name: p.name, port: p.containerPort, targetPort: k8s.IntOrString.fromNumber(p.containerPort) })),
      },
    });
    new StatefulSet(this, id, {
      metadata: { name: statefulSetName(t, pool), namespace: t.namespace, labels },
      spec: {
        serviceName: headlessService(t, pool),
        replicas: pool.replicas,
        // Controllers must start together to form the quorum.
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            enableServiceLinks: false,
            automountServiceAccountToken: false,
            // The image's user (images.ts); its group owns the data volume, which Kafka writes.
            securityContext: restrictedPodSecurityContextFor(this.imageUser, { fsGroup: true }),
            topologySpreadConstraints: spreadOverNodesAndZones(labels, 'topology.kubernetes.io/zone'),
            containers: [{
              name: 'kafka',
              image: this.image,
              command: ['/bin/bash', '/config/start.sh'],
              env: [
                // apiVersion written out: fieldRef is an atomic struct whose apiVersion the server
                // defaults to v1, so without it server-side apply (Argo CD) conflicts with the
                // client-side apply that created the object.
                { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
                { name: 'FORMAT_ARGS', value: pool.roles.includes('controller') ? `--initial-controllers ${initialControllers(t)}` : '--no-initial-controllers' },
                { name: 'LOG_DIR', value: '/tmp/logs' },
                { name: 'KAFKA_HEAP_OPTS', value: `-Xms${jvmSize(heap)} -Xmx${jvmSize(heap)}` },
              ],
              ports: containerPorts,
              startupProbe: tcp(10, 60),
              readinessProbe: tcp(10, 3),
              livenessProbe: tcp(20, 3),
              resources: renderResources(resources, k8s.Quantity.fromString, k8s.Quantity.fromString),
              securityContext: { ...restrictedContainerSecurityContext(), readOnlyRootFilesystem: true },
              volumeMounts: [
                { name: 'data', mountPath: DATA_DIR },
                { name: 'config', mountPath: '/config', readOnly: true },
                { name: 'tmp', mountPath: '/tmp' },
                ...(t.tls ? [{ name: 'tls', mountPath: TLS_DIR, readOnly: true }] : []),
                // The admin password as a file, never an environment variable: the start script
                // reads it only to format storage (startScript).
                ...(auth.adminSecret ? [{ name: 'admin', mountPath: ADMIN_SECRET_DIR, readOnly: true }] : []),
              ],
            }],
            volumes: [
              { name: 'config', configMap: { name: `${this.clusterName}-config` } },
              { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString(quantity(TMP_SIZE)) } },
              ...(this.certificate ? [{ name: 'tls', secret: { secretName: this.certificate.secretName } }] : []),
              // Owner-read only (0400); the kubelet hands a Secret volume's files to the fsGroup
              // above with group read added (0440), which is how the image's user reads it.
              ...(auth.adminSecret ? [{
                name: 'admin',
                secret: { secretName: auth.adminSecret.secretName, items: [{ key: auth.adminSecret.key ?? 'password', path: 'password' }], defaultMode: 0o400 },
              }] : []),
            ],
          },
        },
        volumeClaimTemplates: [{
          metadata: { name: 'data', labels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(options?.storageClass && { storageClassName: options.storageClass }),
            resources: { requests: { storage: k8s.Quantity.fromString(quantity(options?.storage ?? Size.gibibytes(controllerOnly ? 10 : 100))) } },
          },
        }],
      },
    });
    new k8s.KubePodDisruptionBudget(this, `${id}Budget`, {
      metadata: { name: statefulSetName(t, pool), namespace: t.namespace, labels },
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: labels },
        // Written out (it is the default): a node that is not Ready while the budget is spent is
        // a quorum member or replica catching up, and evicting it would prolong the outage, so a
        // drain waits, as etcd's operator chose (openshift/cluster-etcd-operator#1171); the API
        // types: k8s.io/api policy/v1 PodDisruptionBudgetSpec.UnhealthyPodEvictionPolicy.
        unhealthyPodEvictionPolicy: 'IfHealthyBudget',
      },
    });
  }

  private renderServices(): void {
    const t = this.topology;
    const ports = [
      { name: 'clients', port: t.ports.client, targetPort: k8s.IntOrString.fromNumber(t.ports.client) },
      ...(t.external ? [{ name: 'external', port: t.external.port, targetPort: k8s.IntOrString.fromNumber(t.external.port) }] : []),
    ];
    const brokerPools = t.pools.filter((p) => p.roles.includes('broker'));
    new k8s.KubeService(this, 'Bootstrap', {
      metadata: { name: this.bootstrapService, namespace: t.namespace, labels: this.labels() },
      spec: { selector: this.labels(brokerPools.length === 1 ? brokerPools[0] : undefined), ports },
    });
    for (const broker of this.brokerServices) {
      new k8s.KubeService(this, `Broker${broker.nodeId}`, {
        metadata: { name: broker.name, namespace: t.namespace, labels: this.labels() },
        spec: { selector: { 'statefulset.kubernetes.io/pod-name': broker.pod }, ports },
      });
    }
  }

  /**
   * One NetworkPolicy for every pod of the cluster, both directions. In: the nodes from each
   * other on every port, `allowFrom` on the client port, anyone on the external port. Out: the
   * nodes to each other on every port (brokers to the controller quorum, replication, the
   * controllers to each other), and the cluster DNS, through which they find each other's pods
   * (`controller.quorum.bootstrap.servers` and the advertised listeners are pod DNS names). The
   * nodes dial nothing else: a broker configuration that does (a tiered storage plugin, a metrics
   * reporter) needs a NetworkPolicy of its own for that destination.
   */
  private renderNetworkPolicy(allowFrom: NetworkPeer[] | undefined): void {
    const t = this.topology;
    const nodes: NetworkPeer = { podLabels: this.labels() };
    workloadNetworkPolicy(this, 'NetworkPolicy', {
      name: this.clusterName,
      namespace: t.namespace,
      labels: this.labels(),
      podLabels: this.labels(),
      ingress: [
        // The nodes talk to each other on every listener.
        { from: [{ podSelector: { matchLabels: this.labels() } }] },
        ...admit(allowFrom, [{ port: k8s.IntOrString.fromNumber(t.ports.client), protocol: 'TCP' }]),
        // The external listener is reached through the Gateway's proxies; TLS and client authentication guard it.
        ...(t.external ? [{ ports: [{ port: k8s.IntOrString.fromNumber(t.external.port), protocol: 'TCP' }] }] : []),
      ],
      egress: [{ to: [nodes] }],
    });
  }
}

function optionsKey(pool: KraftPool): string {
  return pool.name === 'combined' ? 'combined' : `${pool.name}s`;
}

/**
 * The start script: assemble the PEM keystore, format empty storage once, start with this pod's
 * properties.
 *
 * With SCRAM, storage is formatted with the admin's credential. `kafka-storage format` takes it
 * only inline (`--add-scram 'SCRAM-SHA-512=[name=admin,password=…]'`: Kafka `StorageTool`,
 * `ScramParser`), but its parser reads arguments from a file too (`@file`, one argument a line:
 * `ArgumentParsers.newArgumentParser("kafka-storage", true, "-", "@")`, argparse4j's
 * `fromFilePrefix`). So the two arguments go in through a pipe (`@<(…)`) that a shell builtin
 * fills from the mounted Secret: the password is on no command line (`ps`, `/proc/<pid>/cmdline`)
 * and in no environment (`/proc/<pid>/environ`), not even of the short-lived format step, and is
 * never written to disk. `kafka-server-start` never sees it. The line where `format` prints the
 * bootstrap records (Kafka `Formatter`: "Bootstrap metadata: …", with the admin's salt, stored
 * and server keys) is kept out of the pod's log.
 */
function startScript(t: KraftTopology, auth: KraftClientAuthentication): string {
  const scram = auth.type === KraftClientAuthenticationType.SCRAM_SHA_512;
  const format = `/opt/kafka/bin/kafka-storage.sh format --cluster-id ${t.clusterId} --config "$CONFIG" $FORMAT_ARGS`;
  return `#!/bin/bash
# Starts this pod's KRaft node with the configuration computed at synth time (/config/<pod>.properties).
set -euo pipefail
CONFIG="/config/\${POD_NAME}.properties"
if [ ! -f "$CONFIG" ]; then
  echo "no configuration for pod \${POD_NAME}: scale the cluster by changing the code and synthesizing again" >&2
  exit 1
fi
${t.tls ? `cat ${TLS_DIR}/tls.key ${TLS_DIR}/tls.crt > ${KEYSTORE}\n` : ''}if [ ! -f ${DATA_DIR}/meta.properties ]; then
${scram ? `  # The admin's SCRAM credential, as an argument file (@) read from a pipe: never on a command
  # line or in an environment. The bootstrap records format prints carry its salted keys: not logged.
  if [ ! -s ${ADMIN_PASSWORD_FILE} ]; then
    echo "${ADMIN_PASSWORD_FILE} is missing or empty: put the admin password in Secret ${auth.adminSecret!.secretName}" >&2
    exit 1
  fi
  # shellcheck disable=SC2086
  ${format} \\
    @<(printf '%s\\n' --add-scram "SCRAM-SHA-512=[name=admin,password=$(< ${ADMIN_PASSWORD_FILE})]") \\
    | sed '/^Bootstrap metadata: /d'
` : `  # shellcheck disable=SC2086
  ${format}
`}fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
`;
}

/**
 * A StatefulSet whose claim templates are written as the API server stores them
 * (`storedClaimTemplates`), so that no sync sees drift; the L1 props carry neither the
 * templates' apiVersion/kind nor their status.
 */
class StatefulSet extends k8s.KubeStatefulSet {
  public toJson(): any {
    const json = super.toJson();
    json.spec.volumeClaimTemplates = storedClaimTemplates(json.spec.volumeClaimTemplates);
    return json;
  }
}

/**
 * A pod's `server.properties` as computed from the topology and the user's config, held to Kafka
 * `version`'s own model (`configIssues`): every key one Kafka defines, every value one it parses.
 * The user's keys were judged already, so an issue here is the library's own: an Error, never a
 * file the nodes would reject or ignore.
 */
function checkedNodeConfig(subject: Subject, version: string, config: Record<string, string>): Record<string, string> {
  const issues = configIssues('broker', version, config);
  if (issues.length > 0) {
    throw new Error(`${subject.kind} '${subject.name}' at ${subject.scope.node.path}: the generated server.properties has what Kafka ${version} would not take (a cdk8s-kafka bug; please report it): ${issues.join('; ')}`);
  }
  return config;
}
