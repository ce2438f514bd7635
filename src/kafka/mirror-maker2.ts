import { checkArgs, constructId } from '../core/props';
import { App, Chart, Size } from 'cdk8s';
import { ContainerResources, Cpu } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass, differentKubernetesClusters, secretRef } from '../core/consistency';
import { propError, Subject, throwFactoryError, throwPropError } from '../core/errors';
import { isHostPort } from '../core/hostnames';
import { checkFactoryName, checkLabels, checkName, checkNamespace, checkTopicName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import { checkSizing, renderResources } from '../core/resources';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/security';
import { DEFAULT_KAFKA_VERSION, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { PodSecurityLevel } from '../policy/pod-security';
import { componentReplicationFactor, componentReplicationProblem } from './broker-config';
import { checkStorageTopicCollisions, claimConnectNames, connectClusterObjects } from './connect';
import { CONFIG_SET_NAMES, configDefinitions, configValueIssue, modelVersion, unknownKeyIssue, type ConfigSet } from './config-model';
import { MIRROR_MAKER2_FORBIDDEN, strimziForbiddenPrefix, WORKER_CLIENT_PREFIXES, workerClientIssue } from './connect-worker-config';
import { ANONYMOUS, mergeGrants, superUserEntry } from './grants';
import { ClusterProfile, type IKafkaCluster } from './kafka-cluster';
import { KafkaListener, ListenerAuthenticationType } from './listener';
import { KafkaMetrics } from './metrics';
import { checkReservedTopicName, KafkaTopic, topicNamesCollide } from './topic';
import { checkMutualTlsHasTls, checkTrustedCa, CLUSTER_CA_PATTERN, listenerTrust, renderTrust, trustsClusterCa, type TrustedCa } from './trust';
import { Acl, AclOperation, AclPatternType, AclResourceType, checkScramUsername, KafkaUser, UserAuthentication, UserAuthenticationType, type AclRule } from './user';

// MirrorMaker 2 as Strimzi 1.2 runs it (`KafkaMirrorMaker2`, kafka.strimzi.io/v1): a Kafka Connect
// cluster whose workers store their state in the TARGET cluster (`spec.target`), running a
// MirrorSourceConnector and a MirrorCheckpointConnector per source (`spec.mirrors[]`; the v1 API
// has no heartbeat connector: Strimzi CHANGELOG 0.49, "heartbeatConnector ... will be removed in the
// v1 CRD API", and KafkaMirrorMaker2Connectors.CONNECTORS holds the two). Strimzi writes each
// connector's config from the CR (cluster-operator KafkaMirrorMaker2Connectors
// .prepareMirrorMaker2ConnectorConfig: `source.cluster.*` and `target.cluster.*` from the clusters,
// then the connector's `config`, then `topics`/`groups` from topicsPattern/groupsPattern).
//
// What MirrorMaker 2 does with each cluster, and so the ACLs its users need, is read from Apache
// Kafka 4.3.1 (connect-mirror and connect-mirror-client 4.3.1; the request handlers in
// core/src/main/scala/kafka/server/KafkaApis.scala and ControllerApis.scala): see mirrorNeeds().

/** How mirrored topics are named on the target (Kafka's `replication.policy.class`). */
export enum MirrorReplicationPolicy {
  /**
   * Kafka's `DefaultReplicationPolicy`: a source topic `orders` of the cluster aliased `east` is
   * `east.orders` on the target (`formatRemoteTopic`: alias, separator `.`, topic). The alias tells
   * where a topic comes from, so MirrorMaker 2 never mirrors a topic back to the cluster it came from
   * (`MirrorSourceConnector.isCycle`): two-way mirroring is safe.
   */
  PREFIXED = 'prefixed',
  /**
   * Kafka's `IdentityReplicationPolicy`: topics keep their names (`formatRemoteTopic` returns the
   * topic; only heartbeats are prefixed), so consumers fail over without renaming. MirrorMaker 2
   * cannot tell a mirrored topic from a local one (`topicSource` is the configured source alias for
   * every topic, `upstreamTopic` the topic itself, so `isCycle` finds none): two-way mirroring of
   * the same topics loops, and is refused.
   */
  IDENTITY = 'identity',
}

/** Where the offset-syncs topic lives (Kafka's `offset-syncs.topic.location`). */
export enum OffsetSyncsTopicLocation {
  /**
   * On the source (Kafka's default), as `mm2-offset-syncs.<target alias>.internal`: MirrorMaker 2
   * then writes to the source cluster.
   */
  SOURCE = 'source',
  /**
   * On the target, as `mm2-offset-syncs.<source alias>.internal`: MirrorMaker 2 only reads from the
   * source cluster (Strimzi's example recommends it: packaging/examples/mirror-maker).
   */
  TARGET = 'target',
}

/** Options of {@link MirrorMaker2Cluster.local} and {@link MirrorMaker2Cluster.remote}. */
export interface MirrorClusterOptions {
  /**
   * The cluster's alias in MirrorMaker 2: the prefix of its topics on the other cluster
   * (`<alias>.orders`), and part of its internal topics' names. Letters, digits, '_' and '-' (no
   * '.', the policy's separator); each cluster of a topology needs its own.
   * @default - the Kafka cluster's name
   */
  readonly alias?: string;
  /**
   * The listener MirrorMaker 2 connects through: for `local()` one that serves clients inside the
   * Kubernetes cluster, for `remote()` one with a bootstrap host outside it (a Gateway listener:
   * `KafkaCluster.addExternalListener()`).
   * @default - the cluster's first listener of that kind
   */
  readonly listener?: string;
  /**
   * The Secret in MirrorMaker 2's namespace with a copy of the CA that signs the listener's
   * certificate (`ca.crt`, copied from the listener's `trustedCa` Secret), when MirrorMaker 2 is
   * not in the cluster's namespace (or Kubernetes cluster): Strimzi reads Secrets from its own.
   * Refused where no copy is read (MirrorMaker 2 in the cluster's namespace, a listener without
   * TLS), and when it names a Secret MirrorMaker 2 reads for something else.
   * @default '<mirror name>-source-ca' or '<mirror name>-target-ca'
   */
  readonly caSecretName?: string;
  /**
   * Trust every key of the CA Secret (the listener's, or its copy) that matches this glob
   * (Strimzi's `tls.trustedCertificates[].pattern`, Java glob syntax), e.g. `*.crt` as in Strimzi's
   * examples: for the cluster CA that is `ca.crt` and, while Strimzi replaces the CA key, the old
   * CA it keeps as `ca-<date>.crt`. It must match the CA certificate and no key that is not a
   * certificate (`ca.p12`, `ca.password`; a listener certificate's private key). Refused for a
   * listener without TLS. Not with `trustedCertificate`.
   * @default - `*.crt` for the cluster CA Secret (`<cluster>-cluster-ca-cert`) where MirrorMaker 2
   *   reads it where Strimzi writes it (`local()`, in the cluster's namespace), so that it keeps
   *   trusting brokers not yet rolled while Strimzi replaces the CA key; else (a copy, which holds
   *   the CA as `ca.crt`, or a listener certificate's Secret, e.g. cert-manager's) the CA key alone
   */
  readonly trustedCertificatesPattern?: string;
  /**
   * Trust one key of the CA Secret (Strimzi's `tls.trustedCertificates[].certificate`) instead of a
   * pattern: the listener's CA certificate key, `ca.crt` (or the listener certificate's
   * `caCertificate`; a copy holds it as `ca.crt`), e.g. to trust only the cluster CA's current
   * certificate (during a CA key replacement MirrorMaker 2 then reaches only brokers that have
   * their new certificate). Refused for a listener without TLS. Not with `trustedCertificatesPattern`.
   * @default - see `trustedCertificatesPattern`
   */
  readonly trustedCertificate?: string;
  /**
   * The Secret in MirrorMaker 2's namespace with a copy of the MirrorMaker 2 user's credentials
   * (the user operator writes them beside the Kafka cluster), when MirrorMaker 2 is not in the
   * cluster's namespace (or Kubernetes cluster). Refused where no copy is read, and when it names a
   * Secret MirrorMaker 2 reads for something else (`caSecretName` among them).
   * @default '<mirror name>-source-user' or '<mirror name>-target-user'
   */
  readonly userSecretName?: string;
  /**
   * The name of the KafkaUser the construct makes for MirrorMaker 2 in this cluster: the
   * KafkaUser's and its Secret's name, the SCRAM username (`User:<name>`) or the certificate's
   * common name (`User:CN=<name>`, at most 64 characters). It is granted what MirrorMaker 2 does on
   * the cluster (see `KafkaMirrorMaker2.sourceUser` and `.targetUser`). Not with `user`.
   * @default '<mirror name>-source' or '<mirror name>-target'
   */
  readonly userName?: string;
  /**
   * A KafkaUser of this cluster to authenticate as, instead of one the construct makes: a user
   * with a name and rules of your own, as Strimzi's security examples write `cluster-a-user`. Its
   * authentication must be the listener's: `UserAuthentication.scramSha512()` on a scram-sha-512
   * listener, `UserAuthentication.tls()` on a tls one (a `tlsExternal()` user has no Secret Strimzi
   * could read). The construct grants it what MirrorMaker 2 does on the cluster, as it would grant
   * a user it makes, merged with the user's own rules (operations a rule of the user already
   * allows on a resource are not repeated), where the cluster's authorizer takes KafkaUser ACLs
   * (simple, or custom with `supportsAdminApi`). Not with `userName`.
   * @default - a KafkaUser the construct makes, named `userName`
   */
  readonly user?: KafkaUser;
}

/** Options of {@link MirrorMaker2Cluster.fromAddress}. */
export interface MirrorAddressOptions {
  /**
   * The cluster's alias in MirrorMaker 2 (see `MirrorClusterOptions.alias`): letters, digits, '_'
   * and '-'. Required: there is no cluster name to take it from.
   */
  readonly alias: string;
  /**
   * Connect with TLS (Strimzi's `tls`): MirrorMaker 2 then trusts `trustedCertificates`, or the
   * public CAs of its JVM when none are given (Strimzi's `trustedCertificates: []`).
   * @default - true when `trustedCertificates` are given, else false (PLAINTEXT, or SASL_PLAINTEXT
   *   with scram-sha-512)
   */
  readonly tls?: boolean;
  /**
   * The Secrets in MirrorMaker 2's namespace with the CA certificates it trusts (Strimzi's
   * `tls.trustedCertificates`): each a Secret and a key (`certificate`), or a Secret and a glob of
   * keys (`pattern`, e.g. `'*.crt'`: every CA certificate of a Strimzi cluster CA Secret, also the
   * old ones Strimzi keeps there while it replaces the CA key). Needs TLS.
   * @default - none
   */
  readonly trustedCertificates?: TrustedCa[];
  /**
   * How MirrorMaker 2 authenticates, with credentials from a Secret in its namespace.
   * @default - no authentication
   */
  readonly authentication?: MirrorMaker2Authentication;
}

/**
 * How MirrorMaker 2 authenticates to a cluster known only by its address
 * ({@link MirrorMaker2Cluster.fromAddress}): Strimzi's `authentication`, with the credentials in a
 * Secret of MirrorMaker 2's namespace. (A cluster of the app authenticates it as a KafkaUser:
 * `MirrorClusterOptions.user`.)
 */
export class MirrorMaker2Authentication {
  /**
   * SASL SCRAM-SHA-512 as `username`, with the password in a Secret (a Strimzi KafkaUser's Secret
   * holds it under `password`).
   * @param username the SCRAM username: not blank, on one line, without `"` or `\` (Strimzi writes
   *   it unescaped into the connectors' and workers' JAAS line: AuthenticationUtils.jaasConfig,
   *   KafkaConnectConfigurationBuilder)
   * @param secretName the Secret with the password, in MirrorMaker 2's namespace
   * @throws when the username is blank, spans lines or has `"` or `\`, or a name is not a Secret name or key
   * @param passwordKey the password's key in the Secret
   */
  public static scramSha512(username: string, secretName: string, passwordKey: string = 'password'): MirrorMaker2Authentication {
    const factory = 'MirrorMaker2Authentication.scramSha512()';
    checkArgs(factory, 'MirrorMaker2Authentication.scramSha512', arguments);
    checkScramUsername(factory, 'username', username, 'mirror-maker');
    checkFactoryName(factory, 'secretName', secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: "it names a Secret in MirrorMaker 2's namespace", example: 'mirror-maker' });
    checkFactoryName(factory, 'passwordKey', passwordKey, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'password' });
    return new MirrorMaker2Authentication(ListenerAuthenticationType.SCRAM_SHA_512, secretName,
      { type: strimzi.KafkaMirrorMaker2SpecMirrorsSourceAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512, username, passwordSecret: { secretName, password: passwordKey } });
  }

  /**
   * Mutual TLS with a certificate and key from a Secret (a Strimzi KafkaUser's Secret holds them
   * under `user.crt` and `user.key`). Needs TLS.
   * @param secretName the Secret, in MirrorMaker 2's namespace
   * @param certificate the key of the PEM certificate in the Secret
   * @param key the key of the PEM private key in the Secret
   */
  public static tls(secretName: string, certificate: string = 'user.crt', key: string = 'user.key'): MirrorMaker2Authentication {
    const factory = 'MirrorMaker2Authentication.tls()';
    checkArgs(factory, 'MirrorMaker2Authentication.tls', arguments);
    checkFactoryName(factory, 'secretName', secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: "it names a Secret in MirrorMaker 2's namespace", example: 'mirror-maker' });
    checkFactoryName(factory, 'certificate', certificate, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'user.crt' });
    checkFactoryName(factory, 'key', key, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: 'user.key' });
    return new MirrorMaker2Authentication(ListenerAuthenticationType.TLS, secretName, { type: strimzi.KafkaMirrorMaker2SpecMirrorsSourceAuthenticationType.TLS, certificateAndKey: { secretName, certificate, key } });
  }

  private constructor(
    /** How the listener must authenticate MirrorMaker 2. */
    public readonly type: ListenerAuthenticationType,
    /** The Secret with the credentials, in MirrorMaker 2's namespace. */
    public readonly secretName: string,
    /** @internal */ public readonly _spec: strimzi.KafkaMirrorMaker2SpecMirrorsSourceAuthentication,
  ) {}
}

/**
 * A Kafka cluster as seen from where MirrorMaker 2 runs: through an in-cluster listener when
 * MirrorMaker 2 runs in the same Kubernetes cluster ({@link local}), through a listener reached
 * from outside, a Gateway listener ({@link remote}), or by its address alone for a cluster the app
 * does not model ({@link fromAddress}). For a cluster of the app (local, remote), MirrorMaker 2
 * trusts the CA that signs that listener's certificate (`KafkaListener.trustedCa`) and
 * authenticates as a KafkaUser of that cluster (one it makes, or `user`), the way the listener
 * authenticates. Strimzi reads both Secrets from MirrorMaker 2's namespace: where that is not the
 * cluster's (another namespace, another Kubernetes cluster), they are copies, which the runbook
 * makes before applying (`caSecretName`, `userSecretName`); the consistency pass follows each copy
 * to its source and checks the trust chain.
 */
export class MirrorMaker2Cluster {
  /**
   * A cluster in MirrorMaker 2's own Kubernetes cluster: its in-cluster bootstrap address
   * (`<cluster>-kafka-bootstrap.<namespace>.svc:<port>`, or `<cluster>-kafka-bootstrap:<port>` for
   * a cluster without namespace); the listener's CA Secret and the user's Secret are read where
   * Strimzi writes them when MirrorMaker 2 is in the cluster's namespace, else from copies.
   * @param cluster a KafkaCluster, or `KafkaCluster.fromClusterAttributes()`
   * @throws when the listener does not exist, advertises hosts outside the Kubernetes cluster, or
   *   authenticates in a way MirrorMaker 2 cannot be given (custom); when the alias is not a name;
   *   when `user` is not a user of the cluster that the listener authenticates, or comes with `userName`
   */
  public static local(cluster: IKafkaCluster, options: MirrorClusterOptions = {}): MirrorMaker2Cluster {
    checkArgs('MirrorMaker2Cluster.local()', 'MirrorMaker2Cluster.local', arguments);
    const factory = 'MirrorMaker2Cluster.local()';
    checkCluster(factory, cluster);
    const listener = pickListener(factory, cluster, options.listener, (l) => l.servesInCluster, 'serves clients inside the Kubernetes cluster',
      "use an internal or cluster-ip listener (the default 'tls' is one), or MirrorMaker2Cluster.remote() through a listener reached from outside");
    const alias = checkAlias(factory, options.alias ?? cluster.clusterName, cluster.clusterName);
    checkAuthentication(factory, cluster, listener);
    checkCopyNames(factory, options);
    checkUser(factory, cluster, listener, options);
    listenerTrust(factory, listener, cluster.clusterName, {
      pattern: options.trustedCertificatesPattern,
      certificate: options.trustedCertificate,
      props: { pattern: 'trustedCertificatesPattern', certificate: 'trustedCertificate' },
    });
    return new MirrorMaker2Cluster(cluster, alias, listener, listener.bootstrapAddress, false, { ...options });
  }

  /**
   * A cluster in another Kubernetes cluster (another region), reached through a listener from
   * outside: its bootstrap host and advertised port (e.g. `bootstrap.kafka.example.com:9092`). The
   * CA that signs that listener's certificate and the MirrorMaker 2 user's credentials are read
   * from copies in MirrorMaker 2's namespace, which the runbook makes before applying.
   * @param cluster a KafkaCluster of another chart of the environment, or
   *   `KafkaCluster.fromClusterAttributes()` in the chart of the cluster's Kubernetes cluster
   * @throws when the listener does not exist or has no address outside its Kubernetes cluster;
   *   when the alias or a Secret name is not a name; when `user` is not a user of the cluster that
   *   the listener authenticates, or comes with `userName`
   */
  public static remote(cluster: IKafkaCluster, options: MirrorClusterOptions = {}): MirrorMaker2Cluster {
    checkArgs('MirrorMaker2Cluster.remote()', 'MirrorMaker2Cluster.remote', arguments);
    const factory = 'MirrorMaker2Cluster.remote()';
    checkCluster(factory, cluster);
    const listener = pickListener(factory, cluster, options.listener, (l) => l.outsideBootstrapAddresses.length > 0, 'has a bootstrap address outside the Kubernetes cluster (a bootstrap host)',
      'add a listener reached through a Gateway (addExternalListener), or MirrorMaker2Cluster.local() from inside the same Kubernetes cluster');
    const alias = checkAlias(factory, options.alias ?? cluster.clusterName, cluster.clusterName);
    checkAuthentication(factory, cluster, listener);
    checkCopyNames(factory, options);
    checkUser(factory, cluster, listener, options);
    listenerTrust(factory, listener, cluster.clusterName, {
      pattern: options.trustedCertificatesPattern,
      certificate: options.trustedCertificate,
      props: { pattern: 'trustedCertificatesPattern', certificate: 'trustedCertificate' },
    });
    return new MirrorMaker2Cluster(cluster, alias, listener, listener.outsideBootstrapAddresses[0], true, { ...options });
  }

  /**
   * A cluster known only by its bootstrap address, as Strimzi's example files address theirs
   * (`cluster-a-kafka-bootstrap:9092`): one the app does not model (another team's, another
   * operator's, or a Strimzi cluster whose `Kafka` is applied from elsewhere). MirrorMaker 2
   * connects as the options say (TLS and the CA certificates it trusts, its authentication), with
   * Secrets it reads from its own namespace. The construct makes no KafkaUser there and grants no
   * ACL: the cluster's users are its owner's, who grants the MirrorMaker 2 user what
   * `KafkaMirrorMaker2.sourceUser` / `.targetUser` list. What the app does not know is not
   * checked: replication factors against the brokers, the topics' names against its topics
   * (KafkaTopics cannot be mirrored from it: name them with `Acl.topic()`).
   * @param bootstrapServers `host:port`, or several joined by commas
   * @param options the alias, TLS and authentication
   * @throws when an address has no port, the alias is not a name, trusted certificates come
   *   without TLS or name no Secret and key (or glob), or TLS authentication comes without TLS
   */
  public static fromAddress(bootstrapServers: string, options: MirrorAddressOptions): MirrorMaker2Cluster {
    const factory = 'MirrorMaker2Cluster.fromAddress()';
    checkArgs(factory, 'MirrorMaker2Cluster.fromAddress', arguments);
    const addresses = bootstrapServers.split(',').map((a) => a.trim());
    if (!addresses.every(isHostPort)) {
      throwFactoryError(factory, 'bootstrapServers', "must be host:port, or several joined by commas (Kafka's bootstrap.servers needs the port)", bootstrapServers, "use e.g. 'cluster-a-kafka-bootstrap:9092'");
    }
    const alias = checkAlias(factory, options.alias, bootstrapServers);
    const trusted = options.trustedCertificates;
    const tls = options.tls ?? trusted !== undefined;
    if (!tls && trusted !== undefined) {
      throwFactoryError(factory, 'trustedCertificates', 'are set with tls: false: a PLAINTEXT connection trusts no certificate', trusted.map((t) => t?.secretName), 'set tls: true (the default with trustedCertificates), or drop them');
    }
    const trustedCertificates = (trusted ?? []).map((t, i) => checkTrustedCa(factory, `trustedCertificates[${i}]`, t));
    const secrets = trustedCertificates.map((t) => t.secretName);
    checkMutualTlsHasTls(factory, 'authentication', tls, options.authentication?.type, 'set tls: true (and the trustedCertificates of the brokers\' CA), or authenticate with MirrorMaker2Authentication.scramSha512()');
    return new MirrorMaker2Cluster(undefined, alias, undefined, addresses.join(','), false, {}, {
      tls, trustedCertificates, authentication: options.authentication,
      secrets: [...new Set([...secrets, ...(options.authentication ? [options.authentication.secretName] : [])])],
    });
  }

  /** The options of local() or remote(). */
  private readonly options: MirrorClusterOptions;

  private constructor(
    /** The Kafka cluster; undefined for a cluster known only by its address ({@link fromAddress}). */
    public readonly cluster: IKafkaCluster | undefined,
    /** Its alias in MirrorMaker 2: the prefix of its topics on the other cluster under the prefixed policy. */
    public readonly alias: string,
    /** The listener MirrorMaker 2 connects through; undefined for a cluster known only by its address. */
    public readonly listener: KafkaListener | undefined,
    /** The `host:port` MirrorMaker 2 bootstraps from. */
    public readonly bootstrapServers: string,
    /** Whether it is reached from outside its Kubernetes cluster, with copied Secrets. */
    public readonly remote: boolean,
    options: MirrorClusterOptions,
    /** @internal How MirrorMaker 2 connects to a cluster known only by its address. */
    public readonly _address?: AddressConnection,
  ) {
    this.options = options;
  }

  /** @internal The copy of the listener's CA, when one is read. */
  public get _caSecretName(): string | undefined {
    return this.options.caSecretName;
  }

  /** @internal The copy of the user's Secret, when one is read. */
  public get _userSecretName(): string | undefined {
    return this.options.userSecretName;
  }

  /** @internal The glob of the CA Secret's keys to trust. */
  public get _trustPattern(): string | undefined {
    return this.options.trustedCertificatesPattern;
  }

  /** @internal The one key of the CA Secret to trust, if given. */
  public get _trustCertificate(): string | undefined {
    return this.options.trustedCertificate;
  }

  /** @internal The name of the user the construct makes. */
  public get _userName(): string | undefined {
    return this.options.userName;
  }

  /** @internal The user given to authenticate as. */
  public get _user(): KafkaUser | undefined {
    return this.options.user;
  }
}

/** How MirrorMaker 2 connects to a cluster known only by its address. */
interface AddressConnection {
  readonly tls: boolean;
  readonly trustedCertificates: readonly TrustedCa[];
  readonly authentication?: MirrorMaker2Authentication;
  /** The Secrets it reads, by name. */
  readonly secrets: readonly string[];
}

/** Props of {@link KafkaMirrorMaker2}. */
export interface KafkaMirrorMaker2Props {
  /** The cluster topics are mirrored from. */
  readonly source: MirrorMaker2Cluster;
  /**
   * The cluster topics are mirrored to, where the Kafka Connect workers of MirrorMaker 2 keep their
   * state (Strimzi's `spec.target`). MirrorMaker 2 is best run beside it (consume remotely, produce
   * locally): `MirrorMaker2Cluster.local(target)`.
   */
  readonly target: MirrorMaker2Cluster;
  /**
   * The topics to mirror, at least one: KafkaTopics of the source, or `Acl.topic(name)` and
   * `Acl.topicPrefix(prefix)` for topics made elsewhere (`Acl.topic('*')` for every topic). They
   * become both MirrorMaker 2's `topics` (a regular expression per topic or prefix) and the users'
   * ACLs, so each names exactly what it allows.
   */
  readonly topics: (KafkaTopic | Acl)[];
  /**
   * The consumer groups whose offsets are translated to the target (checkpoints, and with
   * `syncGroupOffsets` committed there): names, `Acl.group(name)` or `Acl.groupPrefix(prefix)`
   * (`Acl.group('*')` for every group: `groupsPattern: ".*"`). Required with checkpoints: a group's committed offsets are read on the source, and with
   * `syncGroupOffsets` written on the target, so each group is named, as its ACLs are.
   * @default - none (only with `checkpoints: false`)
   */
  readonly groups?: (string | Acl)[];
  /**
   * Topics selected by `topics` not to mirror ("everything except …"): Strimzi's
   * `topicsExcludePattern`, which Strimzi writes as `topics.exclude` into both connectors
   * (KafkaMirrorMaker2Connectors.prepareMirrorMaker2ConnectorConfig), where Kafka's
   * DefaultTopicFilter mirrors a topic that `topics` matches and `topics.exclude` does not. Each
   * entry is a KafkaTopic of the source, `Acl.topic(name)` or `Acl.topicPrefix(prefix)`
   * (escaped like `topics`), or a string: a Java regular expression matched against the whole
   * topic name, as Kafka's own `topics.exclude` entries are (e.g. `'.*-tmp'`; no ',', at which
   * Kafka splits the list; it is checked by compiling it as a JavaScript regular expression, so
   * Java-only syntax such as `(?i)` or possessive quantifiers is refused).
   *
   * An explicit `topics.exclude` REPLACES Kafka's default (`TOPICS_EXCLUDE_DEFAULT`, in Kafka 4.x
   * `mm2.*\.internal, .*\.replica, __.*`), so the construct renders the entries given followed
   * by that default of the Kafka `version` (see `keepDefaultExclusions`), and always by the
   * internal topics MirrorMaker 2 must never mirror: `__.*` (Kafka's `__consumer_offsets` and
   * `__transaction_state`, the workers' default `__<name>-*` topics), `mm2.*\.internal` (the
   * offset-syncs topics, MirrorClientConfig / ReplicationPolicy.offsetSyncsTopic) and
   * `.*\.checkpoints\.internal` (ReplicationPolicy.checkpointsTopic). The heartbeats topic is not
   * the filter's: MirrorSourceConnector.shouldReplicateTopic takes it past the filter when
   * `replicateHeartbeats` is on, so an exclusion matching `heartbeats` is refused then.
   *
   * Exclusions narrow what is mirrored, not the ACLs: the users' ACLs follow `topics` (an ACL
   * cannot subtract a regular expression), and `targetTopicName()` refuses an excluded topic.
   * @default - none (Kafka's default exclusions)
   * @throws when an entry is not one of these; a regular expression is empty, has a ',' or a
   *   control character, or does not compile; a KafkaTopic is not of the source or is named in
   *   `topics` too; the exclusions leave a literal topic of `topics` (or all of `topics`) unmirrored;
   *   or an entry excludes `heartbeats` with `replicateHeartbeats`
   */
  readonly topicsExclude?: (KafkaTopic | Acl | string)[];
  /**
   * Consumer groups selected by `groups` whose offsets are not translated: Strimzi's
   * `groupsExcludePattern`, written as `groups.exclude` into the connectors, which Kafka's
   * DefaultGroupFilter applies after `groups`. Each entry is `Acl.group(name)` or
   * `Acl.groupPrefix(prefix)` (escaped like `groups`), or a string: a Java regular expression
   * matched against the whole group id, as in Kafka's `groups.exclude` (checked as for
   * `topicsExclude`; note that a plain string here is a regular expression, where in `groups` it is
   * a group's name). Like `topics.exclude`, it REPLACES Kafka's default (`GROUPS_EXCLUDE_DEFAULT`:
   * `console-consumer-.*, connect-.*, __.*`), which the construct renders after the entries
   * (see `keepDefaultExclusions`), and `__.*` always. The groups' ACLs follow `groups`.
   * Only with checkpoints.
   * @default - none (Kafka's default exclusions)
   * @throws as `topicsExclude`; and without checkpoints
   */
  readonly groupsExclude?: (string | Acl)[];
  /**
   * Keep Kafka's default exclusions (DefaultTopicFilter.TOPICS_EXCLUDE_DEFAULT: `.*\.replica`
   * beside the internal topics; DefaultGroupFilter.GROUPS_EXCLUDE_DEFAULT: `console-consumer-.*`,
   * `connect-.*` beside `__.*`) in the rendered `topicsExcludePattern` and `groupsExcludePattern`.
   * `false` drops them, so that e.g. a topic `orders.replica` or a group `connect-billing` can be
   * mirrored; the patterns are then rendered even without `topicsExclude` / `groupsExclude`,
   * keeping only the internal topics (`__.*`, `mm2.*\.internal`, `.*\.checkpoints\.internal`)
   * and groups (`__.*`) that are never mirrored.
   * @default true
   */
  readonly keepDefaultExclusions?: boolean;
  /**
   * The `KafkaMirrorMaker2`'s name: Strimzi names its pods `<name>-mirrormaker2-<n>` and its
   * Service `<name>-mirrormaker2-api`, so at most 46 characters. The Connect group is
   * `<name>-group`, its topics `__<name>-config`, `__<name>-offset` and `__<name>-status` (Strimzi's
   * example names; `__` keeps them from being mirrored back), the users `<name>-source` and
   * `<name>-target`, unless `groupId`, the `*StorageTopic` props and the clusters' `userName` or
   * `user` say otherwise.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Labels on the KafkaMirrorMaker2 (`metadata.labels`), e.g. `app: my-mm2-cluster`. Strimzi copies
   * them to the objects it makes for it, its pods among them, except `app.kubernetes.io/` keys
   * other than `app.kubernetes.io/part-of` (`Labels.fromResource`,
   * `STRIMZI_LABELS_EXCLUSION_PATTERN`). Keys under `strimzi.io/` are Strimzi's own and refused.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * The Kafka Connect group of MirrorMaker 2's workers on the target (Strimzi's `target.groupId`,
   * Connect's `group.id`): unique among the Connect clusters of the target, or workers of two
   * clusters join one group and run each other's connectors (a KafkaConnect on the target is a
   * Connect cluster too, and is checked against it). The target user is granted Read and Describe
   * on it. To move an existing MirrorMaker 2 to the library, set this and the `*StorageTopic`
   * props to its current values: otherwise its workers start a new group on new topics, where
   * the source connector finds none of its offsets and mirrors every topic again from the start,
   * duplicating the records on the target.
   * @default '<name>-group'
   */
  readonly groupId?: string;
  /**
   * The topic on the target where the workers keep the connectors' configurations (Strimzi's
   * `target.configStorageTopic`). A name that does not start with `__` is one MirrorMaker 2 would
   * mirror, should another mirror read the target with a pattern that takes it.
   * @default '__<name>-config'
   */
  readonly configStorageTopic?: string;
  /**
   * The topic on the target where the workers keep the source connectors' offsets (Strimzi's
   * `target.offsetStorageTopic`).
   * @default '__<name>-offset'
   */
  readonly offsetStorageTopic?: string;
  /**
   * The topic on the target where the workers keep connector and task statuses (Strimzi's
   * `target.statusStorageTopic`).
   * @default '__<name>-status'
   */
  readonly statusStorageTopic?: string;
  /**
   * Its namespace. Strimzi reads the CA and user Secrets of both clusters from it: a local cluster
   * in this namespace is read directly, any other through copies (`MirrorClusterOptions.caSecretName`).
   * @default - the chart's namespace, else the namespace of the target (or source) if local
   */
  readonly namespace?: string;
  /**
   * How mirrored topics are named on the target.
   * @default MirrorReplicationPolicy.PREFIXED
   */
  readonly replicationPolicy?: MirrorReplicationPolicy;
  /**
   * Translate the consumer groups' offsets into the target's (MirrorCheckpointConnector, writing
   * `<source alias>.checkpoints.internal` on the target; MirrorSourceConnector then records offset
   * syncs). Off: no checkpoint connector, no offset syncs, no group ACLs.
   * @default true
   */
  readonly checkpoints?: boolean;
  /**
   * Commit the translated offsets of `groups` on the target while no consumer of the group is
   * connected there (`sync.group.offsets.enabled`), so that consumers fail over and resume where
   * they were: what an active/passive disaster recovery needs. Needs checkpoints. Kafka's own
   * default is false (MirrorCheckpointConfig), which Strimzi's examples without the key get.
   * @default - true with checkpoints
   */
  readonly syncGroupOffsets?: boolean;
  /**
   * Mirror the source's `heartbeats` topic to the target as `<source alias>.heartbeats`
   * (`heartbeats.replication.enabled`). Strimzi 1.2's KafkaMirrorMaker2 runs no heartbeat
   * connector (the v1 API dropped `heartbeatConnector`), so that topic exists only where a
   * MirrorHeartbeatConnector of a KafkaConnect writes it.
   * @default false
   */
  readonly replicateHeartbeats?: boolean;
  /**
   * Where the offset-syncs topic lives (only with checkpoints: without them there is none, and
   * setting it is refused).
   * Kafka's own default is the source (MirrorConnectorConfig), which Strimzi's examples without
   * the key get.
   * @default OffsetSyncsTopicLocation.TARGET - MirrorMaker 2 only reads from the source
   */
  readonly offsetSyncsTopicLocation?: OffsetSyncsTopicLocation;
  /**
   * The replication factor of the topics MirrorMaker 2 creates on the target for the mirrored
   * ones (`replication.factor`, whose Kafka default is 2). It must fit the target's brokers and
   * exceed its `min.insync.replicas`, which those topics inherit (MirrorMaker 2 does not copy a
   * topic's min ISR: `config.properties.exclude`). -1 gives them the target's own
   * `default.replication.factor` (Kafka's "broker default": MirrorSourceConnector.createNewTopics
   * sends it as the NewTopic's replication factor, and the controller takes -1 for its default),
   * as Strimzi's examples set; it is checked as that default where the target tells it. A whole
   * number from 1 to 32767 (a Java short), or -1.
   * @default 3, or the target's broker count if fewer in a DEVELOPMENT cluster
   */
  readonly replicationFactor?: number;
  /**
   * The replication factor of MirrorMaker 2's and Kafka Connect's internal topics: the checkpoints
   * and offset-syncs topics (`checkpoints.topic.replication.factor`,
   * `offset-syncs.topic.replication.factor`) and the Connect workers' config, offset and status
   * topics (`*.storage.replication.factor`), each checked against the brokers of the cluster it is
   * on. -1 gives them that cluster's `default.replication.factor` (Connect's
   * `TopicCreationConfig.REPLICATION_FACTOR_VALIDATOR`: "-1 to use the broker's default"), as
   * Strimzi's examples set. A whole number from 1 to 32767, or -1.
   * @default 3, or that cluster's broker count if fewer in a DEVELOPMENT cluster
   */
  readonly internalTopicReplicationFactor?: number;
  /**
   * Kafka Connect workers (pods).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * The most tasks the MirrorSourceConnector splits the mirrored partitions over (Strimzi's
   * `sourceConnector.tasksMax`).
   * @default 1
   */
  readonly tasksMax?: number;
  /**
   * The most tasks the MirrorCheckpointConnector splits the consumer groups over (Strimzi's
   * `checkpointConnector.tasksMax`). Only with checkpoints.
   * @default 1
   */
  readonly checkpointTasksMax?: number;
  /**
   * The Apache Kafka version of the Connect image (one Strimzi 1.2 supports).
   * @default - the target cluster's version, else '4.3.1'
   */
  readonly version?: string;
  /**
   * More MirrorSourceConnector config (Kafka's `MirrorSourceConfig`), checked against Kafka's model.
   * Keys the construct derives from its props (`topics`, `replication.policy.class`,
   * `replication.factor`, …), the ones Strimzi sets (`name`, `tasks.max`, `source.cluster.*`, …)
   * and those the ACLs depend on (`topic.filter.class`, `replication.policy.separator`,
   * `sync.topic.acls.enabled` unless `false`, the construct's value; `topics.exclude`: use
   * `topicsExclude`) are refused, as is a
   * transactional producer (`producer.transactional.id`, `producer.override.transactional.id`),
   * which needs transactional-id ACLs; a key of the checkpoint connector is pointed there.
   * @default - none
   */
  readonly sourceConnectorConfig?: Record<string, string | number | boolean>;
  /**
   * More MirrorCheckpointConnector config (Kafka's `MirrorCheckpointConfig`), checked like
   * `sourceConnectorConfig`; `groups.exclude` (use `groupsExclude`) and
   * `emit.checkpoints.interval.seconds` / `sync.group.offsets.interval.seconds` below 1 (a negative
   * one turns them off: set `checkpoints` / `syncGroupOffsets` instead) are refused.
   * @default - none
   */
  readonly checkpointConnectorConfig?: Record<string, string | number | boolean>;
  /**
   * More Kafka Connect worker config (Kafka's `DistributedConfig`, and `producer.`, `consumer.`,
   * `admin.` client config), checked against Kafka's model; Strimzi's forbidden options and
   * `exactly.once.source.support` and `producer.transactional.id` (which need transactional ACLs)
   * are refused; a connector's key is pointed to its connector's config, or to the prop that sets it.
   * @default - none
   */
  readonly connectConfig?: Record<string, string | number | boolean>;
  /**
   * CPU and memory of the Connect container.
   * @default - requests 250m CPU and 2 GiB, limit 2 GiB (100m and 1 GiB for a DEVELOPMENT target)
   */
  readonly resources?: ContainerResources;
  /**
   * The `restricted` Pod Security Standard's security context on the Connect pods.
   * @default true
   */
  readonly restrictedSecurityContext?: boolean;
  /**
   * Prometheus metrics: `KafkaMetrics.strimziMetricsReporter()` (Strimzi's default allow list for
   * MirrorMaker 2), or `KafkaMetrics.jmxPrometheusExporter()` (Strimzi's MirrorMaker 2 rules,
   * {@link JmxExporterRules.mirrorMaker2}, in a ConfigMap `<name>-mirrormaker2-metrics`), or a JMX
   * exporter ConfigMap of your own. `true` is `KafkaMetrics.strimziMetricsReporter()` with
   * Strimzi's default allow list (`metricsConfig: { type: strimziMetricsReporter }`, as `true`
   * rendered before this prop took a KafkaMetrics); `false` is none.
   * @default - none
   */
  readonly metrics?: boolean | KafkaMetrics;
}

/** The replication policy classes (connect-mirror-client 4.3.1). */
const POLICY_CLASSES: Readonly<Record<MirrorReplicationPolicy, string>> = {
  [MirrorReplicationPolicy.PREFIXED]: 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
  [MirrorReplicationPolicy.IDENTITY]: 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
};

/** The replication policies' separator (`DefaultReplicationPolicy.SEPARATOR_DEFAULT`), which the construct does not let change. */
const SEPARATOR = '.';
/** `ReplicationPolicy.heartbeatsTopic()`. */
const HEARTBEATS_TOPIC = 'heartbeats';
/** The longest Kafka topic name (`Topic.MAX_NAME_LENGTH`). */
const MAX_TOPIC_NAME = 249;
/** A Service name is a DNS-1035 label: at most 63 characters; Strimzi's MirrorMaker 2 Service is `<name>-mirrormaker2-api`. */
const MAX_MIRROR_NAME = 63 - '-mirrormaker2-api'.length;

/** A topic or group selection: a literal name (`*` for all), or a prefix. */
interface Pattern {
  readonly name: string;
  readonly prefix: boolean;
}

/** Every mirror of the app, in the order made, for the checks between mirrors (loops, clashes). */
const MIRRORS = new WeakMap<IConstruct, KafkaMirrorMaker2[]>();

/**
 * A Strimzi `KafkaMirrorMaker2` that mirrors topics (and translates consumer groups' offsets) from
 * one Kafka cluster to another, with its users made in each cluster and granted exactly what
 * MirrorMaker 2 does there (derived from its topics, groups and options, with the Kafka sources in
 * {@link KafkaMirrorMaker2.sourceUser} and {@link KafkaMirrorMaker2.targetUser}), the restricted
 * security context, and the checks that make it work: replication factors against each side's
 * brokers and min ISR, topics and groups MirrorMaker 2 would skip, loops between mirrors, and
 * config keys and values against Kafka's own MirrorMaker 2 and Connect models.
 *
 * Strimzi makes from it a Kafka Connect cluster (pods `<name>-mirrormaker2-<n>`, Service
 * `<name>-mirrormaker2-api`, an ingress NetworkPolicy for its REST API) and the connectors
 * `<source>-><target>.MirrorSourceConnector` and `.MirrorCheckpointConnector`.
 *
 * The users' ACLs are narrower than those of Strimzi's example users
 * (examples/security/scram-sha-512-auth/mirror-maker-2.yaml and its tls-auth twin), which this
 * library leaves out on purpose, each for a reason read in Kafka 4.3.1:
 * - no cluster Describe, on either side: on the source, the checkpoint connector's group listing
 *   (MirrorCheckpointConnector.listConsumerGroups, Admin listConsumerGroups) is answered with the
 *   groups the user may Describe (KafkaApis.handleListGroupsRequest: cluster Describe only widens
 *   it to every group), and the groups are granted Describe; the one call that needs it is
 *   MirrorSourceConnector.syncTopicAcls (describeAcls: handleDescribeAcls, and createAcls on the
 *   target, cluster Alter), which `sync.topic.acls.enabled: false` turns off (the user operator owns
 *   the ACLs). Nothing on the target needs it: topic creation, partitions and configs, group
 *   offsets and the workers' coordination are authorized on topics and groups, and the workers'
 *   cluster-id lookup (WorkerConfig.lookupKafkaClusterId: DescribeCluster) is not authorized at all;
 * - no DescribeConfigs on the offset-syncs topic: MirrorUtils.createCompactedTopic only sends
 *   CreateTopics (whose response leaves the configs out without it), and OffsetSyncStore reads the
 *   topic through KafkaBasedLog.withExistingClients with no topic initializer, so no
 *   TopicAdmin.verifyTopicCleanupPolicyOnlyCompact (which the Connect workers' own topics get, and
 *   for which they are granted DescribeConfigs);
 * - `*` narrowed to what is mirrored: the source's topics and groups to `topics` and `groups`, the
 *   target's topics to their names there (`prefix <source alias>.` under the prefixed policy,
 *   which writes no other name; the names themselves under the identity policy), its groups to
 *   `groups`.
 * What the library grants beyond the example (Describe on the topics, Read on the checkpoints
 * topic for CheckpointStore, Describe on the Connect group for FindCoordinator) is listed in
 * {@link KafkaMirrorMaker2.sourceUser} and {@link KafkaMirrorMaker2.targetUser}.
 *
 * @example
 * // east → west, MirrorMaker 2 in west's Kubernetes cluster, east reached through its Gateway:
 * const mirror = new KafkaMirrorMaker2(westChart, 'Mirror', {
 *   name: 'east-to-west',
 *   namespace: 'kafka',
 *   source: MirrorMaker2Cluster.remote(eastKafka, { alias: 'east' }),
 *   target: MirrorMaker2Cluster.local(westKafka, { alias: 'west' }),
 *   topics: [orders, Acl.topicPrefix('payments-')],
 *   groups: ['billing'],
 * });
 * mirror.targetTopicName('orders'); // 'east.orders'
 *
 * @example
 * // Strimzi's example: clusters applied from other files, by address; every topic and group,
 * // Connect's topics named as there, replication factors the brokers' default.
 * new KafkaMirrorMaker2(chart, 'MirrorMaker2', {
 *   name: 'my-mirror-maker-2',
 *   source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9093', {
 *     alias: 'cluster-a', trustedCertificates: [{ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }],
 *   }),
 *   target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9093', {
 *     alias: 'cluster-b', trustedCertificates: [{ secretName: 'cluster-b-cluster-ca-cert', pattern: '*.crt' }],
 *   }),
 *   topics: [Acl.topic('*')],
 *   groups: [Acl.group('*')],
 *   configStorageTopic: 'my-mirror-maker-2-config',
 *   offsetStorageTopic: 'my-mirror-maker-2-offset',
 *   statusStorageTopic: 'my-mirror-maker-2-status',
 *   replicationFactor: -1,
 *   internalTopicReplicationFactor: -1,
 *   checkpointConnectorConfig: { 'refresh.groups.interval.seconds': 600 },
 * });
 */
export class KafkaMirrorMaker2 extends Construct {
  /** The KafkaMirrorMaker2's name. */
  public readonly mirrorName: string;
  /** Its namespace. */
  public readonly namespace?: string;
  /** Labels on the KafkaMirrorMaker2. */
  public readonly labels: Readonly<Record<string, string>>;
  /** The cluster topics are mirrored from. */
  public readonly source: MirrorMaker2Cluster;
  /** The cluster topics are mirrored to. */
  public readonly target: MirrorMaker2Cluster;
  /** How mirrored topics are named on the target. */
  public readonly replicationPolicy: MirrorReplicationPolicy;
  /** Whether consumer groups' offsets are translated (checkpoints and offset syncs). */
  public readonly checkpoints: boolean;
  /** Whether translated offsets are committed on the target. */
  public readonly syncGroupOffsets: boolean;
  /** Whether the source's `heartbeats` topic is mirrored. */
  public readonly replicateHeartbeats: boolean;
  /** Where the offset-syncs topic lives (it exists only with checkpoints). */
  public readonly offsetSyncsTopicLocation: OffsetSyncsTopicLocation;
  /** The replication factor of the mirrored topics on the target. */
  public readonly replicationFactor: number;
  /** The replication factor of the internal topics on the target (checkpoints, Connect's, and offset syncs there). */
  public readonly internalTopicReplicationFactor: number;
  /** The replication factor of the offset-syncs topic, on the cluster it lives on. */
  public readonly offsetSyncsTopicReplicationFactor: number;
  /** How many Connect workers run. */
  public readonly replicas: number;
  /** The Kafka version of the Connect image. */
  public readonly version: string;
  /** The Kafka Connect group of the workers, on the target. */
  public readonly connectGroup: string;
  /** The Connect workers' config, offset and status topics, on the target. */
  public readonly connectTopics: {
    /** Connector configurations (`config.storage.topic`). */
    readonly config: string;
    /** Source connectors' offsets (`offset.storage.topic`). */
    readonly offset: string;
    /** Connector and task statuses (`status.storage.topic`). */
    readonly status: string;
  };
  /** The checkpoints topic on the target (`<source alias>.checkpoints.internal`); undefined without checkpoints. */
  public readonly checkpointsTopic?: string;
  /** The offset-syncs topic (`mm2-offset-syncs.<other alias>.internal`); undefined without checkpoints. */
  public readonly offsetSyncsTopic?: string;
  /** MirrorMaker 2's `topics`: the selection as one regular expression. */
  public readonly topicsPattern: string;
  /** MirrorMaker 2's `groups`: the selection as one regular expression; undefined without checkpoints. */
  public readonly groupsPattern?: string;
  /**
   * MirrorMaker 2's `topics.exclude` (Strimzi's `topicsExcludePattern`): `topicsExclude`, Kafka's
   * default exclusions (unless `keepDefaultExclusions` is false) and the internal topics, as one
   * regular expression; undefined when Kafka's default applies unchanged.
   */
  public readonly topicsExcludePattern?: string;
  /** MirrorMaker 2's `groups.exclude` (Strimzi's `groupsExcludePattern`), like `topicsExcludePattern`; undefined without checkpoints or when Kafka's default applies. */
  public readonly groupsExcludePattern?: string;
  /** Whether Kafka's default exclusions are kept (`keepDefaultExclusions`). */
  public readonly keepDefaultExclusions: boolean;
  /**
   * The user MirrorMaker 2 authenticates as on the source: the one given
   * (`MirrorClusterOptions.user`), granted these ACLs beside its own, or one made in the source's
   * chart (named `userName`); undefined for a listener without authentication (on a cluster
   * without authorization) and for a source known only by its address, whose owner grants them. Its ACLs, with the
   * request handlers of Kafka 4.3.1 that check them (`KafkaApis` unless said otherwise):
   * - mirrored topics: Read (MirrorSourceTask's consumer: Fetch, `handleFetchRequest`), Describe
   *   (MirrorSourceConnector.findSourceTopicPartitions lists and describes them: Metadata,
   *   `handleTopicMetadataRequest`; the consumer's ListOffsets, `handleListOffsetRequest`; the
   *   groups' offsets of these topics, OffsetFetch, `handleOffsetFetchRequest`), DescribeConfigs
   *   (MirrorSourceConnector.describeTopicConfigs, for createNewTopics and syncTopicConfigs:
   *   `handleDescribeConfigsRequest`, ConfigHelper);
   * - with `replicateHeartbeats`: the same on `heartbeats`;
   * - with checkpoints, the groups: Describe (MirrorCheckpointConnector.listConsumerGroups, Admin
   *   listGroups: `handleListGroupsRequest` lists the groups the user may Describe, so the cluster
   *   Describe of Strimzi's example is not needed; listConsumerGroupOffsets in the connector and in
   *   MirrorCheckpointTask: OffsetFetch and FindCoordinator, `handleOffsetFetchRequest`,
   *   `handleFindCoordinatorRequest`). MirrorMaker 2 commits nothing on the source: no Read.
   * - with checkpoints and the offset-syncs topic on the source: Create
   *   (MirrorSourceConnector.createOffsetSyncsTopic, MirrorUtils.createCompactedTopic: CreateTopics,
   *   `ControllerApis.createTopics`), Write (OffsetSyncWriter's producer: Produce,
   *   `handleProduceRequest`; its InitProducerId is allowed by Write on a topic), Read and Describe
   *   (OffsetSyncStore reads it in MirrorCheckpointTask: Fetch, Metadata, ListOffsets).
   */
  public readonly sourceUser?: KafkaUser;
  /**
   * The user MirrorMaker 2 authenticates as on the target (the Connect workers and both
   * connectors): the one given (`MirrorClusterOptions.user`), granted these ACLs beside its own,
   * or one made in the target's chart (named `userName`); undefined as for {@link sourceUser}. Its
   * ACLs (Kafka 4.3.1):
   * - the mirrored topics' names on the target: Create (MirrorSourceConnector.createNewTopics:
   *   CreateTopics, `ControllerApis.createTopics`), Alter (createNewPartitions when a source topic
   *   grows: CreatePartitions, `ControllerApis.handleCreatePartitions`), AlterConfigs
   *   (syncTopicConfigs: IncrementalAlterConfigs, `ControllerApis.authorizeAlterResource`; not with
   *   `sync.topic.configs.enabled: false`), Write (the Connect worker's producer: Produce), Describe
   *   (findTargetTopicPartitions: Metadata); with `syncGroupOffsets` also Read (OffsetCommit checks
   *   Read on each committed topic: `handleOffsetCommitRequest`);
   * - with `replicateHeartbeats`: the same on `<source alias>.heartbeats`, without Read;
   * - with checkpoints, the checkpoints topic: Create (MirrorCheckpointConnector.createInternalTopics),
   *   Write (the checkpoint records), Read and Describe (CheckpointStore.readCheckpoints reads it
   *   when a task starts); the offset-syncs topic when it is on the target: as on the source;
   * - with `syncGroupOffsets`, the groups: Read (MirrorCheckpointTask.syncGroupOffset,
   *   alterConsumerGroupOffsets: OffsetCommit, `handleOffsetCommitRequest`), Describe
   *   (refreshIdleConsumerGroupOffset: describeConsumerGroups, `handleConsumerGroupDescribe` /
   *   `handleDescribeGroupsRequest`, and listConsumerGroupOffsets, `handleOffsetFetchRequest`);
   * - the Connect group: Read (JoinGroup, SyncGroup, Heartbeat, LeaveGroup), Describe (FindCoordinator);
   * - the Connect config, offset and status topics: Create (KafkaTopicBasedBackingStore:
   *   TopicAdmin.createTopicsWithRetry), DescribeConfigs (verifyTopicCleanupPolicyOnlyCompact, which
   *   refuses a topic that is not compacted), Read, Write and Describe (KafkaBasedLog).
   * No cluster ACL: topic ACL syncing (which needs Describe on the source cluster and Alter on the
   * target's, `handleDescribeAcls`/`handleCreateAcls`) is off, as the user operator owns the ACLs.
   */
  public readonly targetUser?: KafkaUser;
  /** The L1 `KafkaMirrorMaker2`. */
  public readonly resource: strimzi.KafkaMirrorMaker2;

  private readonly subject: Subject;
  private readonly topicPatterns: readonly Pattern[];
  private readonly groupPatterns: readonly Pattern[];
  private readonly topicExclusions: readonly Exclusion[];
  private readonly groupExclusions: readonly Exclusion[];

  /** Creates the KafkaMirrorMaker2 and its users in each cluster; props MirrorMaker 2 or Strimzi would reject throw at once. */
  public constructor(scope: Construct, id: string, props: KafkaMirrorMaker2Props) {
    super(scope, constructId('KafkaMirrorMaker2', scope, id));
    checkArgs({ scope: this, kind: 'KafkaMirrorMaker2', name: id }, 'KafkaMirrorMaker2.constructor', arguments, 2);
    const pass = ConsistencyPass.of(this);
    this.mirrorName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaMirrorMaker2', name: this.mirrorName };
    this.subject = subject;
    checkName(subject, 'name', this.mirrorName, { format: NameFormat.DNS1035_LABEL, maxLength: MAX_MIRROR_NAME, use: `Strimzi names its Service '<name>-mirrormaker2-api', a DNS label of at most 63`, example: 'east-to-west' });
    const { source, target } = props;
    this.source = source;
    this.target = target;
    if (source.cluster !== undefined && source.cluster === target.cluster) {
      throwPropError(subject, 'target', `is the source cluster too ('${source.cluster.clusterName}' at ${source.cluster.node.path}): MirrorMaker 2 mirrors between two clusters`, target.alias, 'mirror to another cluster');
    }
    if (source._address !== undefined && source.bootstrapServers === target.bootstrapServers) {
      throwPropError(subject, 'target', `has the source's bootstrap address ${source.bootstrapServers}: MirrorMaker 2 mirrors between two clusters`, target.bootstrapServers, 'mirror to another cluster');
    }
    if (source.alias === target.alias) {
      throwPropError(subject, 'target', `has the source's alias '${source.alias}': MirrorMaker 2 names topics and internal topics by alias, and skips topics whose alias is the target's as cycles`, target.alias, "give each cluster its own alias, e.g. MirrorMaker2Cluster.remote(east, { alias: 'east' })");
    }
    for (const [prop, side] of [['source', source], ['target', target]] as const) {
      const elsewhere = side.remote || side.cluster === undefined ? undefined : differentKubernetesClusters(this, side.cluster);
      if (elsewhere !== undefined && side.cluster !== undefined) {
        throwPropError(subject, prop, `is MirrorMaker2Cluster.local(), but Kafka '${side.cluster.clusterName}' (${side.cluster.node.path}) is in another Kubernetes cluster than MirrorMaker 2 (${elsewhere}): its in-cluster address does not resolve here`, side.alias,
          `use MirrorMaker2Cluster.remote(${side.alias === side.cluster.clusterName ? 'cluster' : `cluster, { alias: '${side.alias}' }`}) through a listener reached from outside (a Gateway listener)`);
      }
    }
    const local = [target, source].find((c) => !c.remote && c.cluster !== undefined);
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? local?.cluster?.namespace;
    checkNamespace(subject, 'namespace', this.namespace);
    this.labels = { ...(props.labels ?? {}) };
    checkLabels(subject, 'labels', this.labels);
    const strimziLabel = Object.keys(this.labels).find((k) => k.startsWith('strimzi.io/'));
    if (strimziLabel !== undefined) throwPropError(subject, `labels['${strimziLabel}']`, 'is a Strimzi label: Strimzi sets the strimzi.io/ labels of what it makes itself', strimziLabel, "use a label of your own, e.g. 'app'");
    this.replicationPolicy = props.replicationPolicy ?? MirrorReplicationPolicy.PREFIXED;
    this.checkpoints = props.checkpoints ?? true;
    if (props.syncGroupOffsets === true && !this.checkpoints) {
      throwPropError(subject, 'syncGroupOffsets', 'is true without checkpoints: the offsets it commits are the checkpoints\' translations', true, 'turn checkpoints on, or syncGroupOffsets off');
    }
    this.syncGroupOffsets = props.syncGroupOffsets ?? this.checkpoints;
    if (props.offsetSyncsTopicLocation !== undefined && !this.checkpoints) {
      throwPropError(subject, 'offsetSyncsTopicLocation', 'is set without checkpoints: there is no offset-syncs topic (emit.offset-syncs.enabled is false), so it would be ignored', props.offsetSyncsTopicLocation, 'turn checkpoints on, or drop offsetSyncsTopicLocation');
    }
    this.replicateHeartbeats = props.replicateHeartbeats ?? false;
    this.offsetSyncsTopicLocation = props.offsetSyncsTopicLocation ?? OffsetSyncsTopicLocation.TARGET;
    this.replicas = wholeNumber(subject, 'replicas', props.replicas ?? 1, 1, 'run 1, or more for a standby worker');
    const tasksMax = wholeNumber(subject, 'tasksMax', props.tasksMax ?? 1, 1, 'use 1, or up to the number of mirrored partitions');
    if (props.checkpointTasksMax !== undefined && !this.checkpoints) {
      throwPropError(subject, 'checkpointTasksMax', 'is set without checkpoints: there is no checkpoint connector', props.checkpointTasksMax, 'turn checkpoints on, or drop it');
    }
    const checkpointTasksMax = wholeNumber(subject, 'checkpointTasksMax', props.checkpointTasksMax ?? 1, 1, 'use 1, or up to the number of consumer groups to translate');
    this.version = props.version ?? (SUPPORTED_KAFKA_VERSIONS.includes(target.cluster?.version ?? '') ? target.cluster!.version! : DEFAULT_KAFKA_VERSION);
    if (!SUPPORTED_KAFKA_VERSIONS.includes(this.version)) {
      throwPropError(subject, 'version', 'is not a Kafka version Strimzi 1.2 supports', this.version, `use one of ${SUPPORTED_KAFKA_VERSIONS.join(', ')} (default ${DEFAULT_KAFKA_VERSION})`);
    }
    const offsetSyncsCluster = this.offsetSyncsTopicLocation === OffsetSyncsTopicLocation.SOURCE ? source.cluster : target.cluster;
    this.replicationFactor = componentReplicationFactor(subject, 'replicationFactor', props.replicationFactor, target.cluster);
    this.internalTopicReplicationFactor = componentReplicationFactor(subject, 'internalTopicReplicationFactor', props.internalTopicReplicationFactor, target.cluster);
    this.offsetSyncsTopicReplicationFactor = componentReplicationFactor(subject, 'internalTopicReplicationFactor', props.internalTopicReplicationFactor, offsetSyncsCluster);

    this.connectGroup = props.groupId ?? `${this.mirrorName}-group`;
    checkGroupId(subject, 'groupId', this.connectGroup);
    this.connectTopics = this.storageTopics(props);
    // A Connect cluster on the target: its group and topics against the KafkaConnects there.
    if (target.cluster !== undefined) {
      claimConnectNames(target.cluster, {
        subject, groupId: this.connectGroup,
        topics: [['configStorageTopic', this.connectTopics.config], ['offsetStorageTopic', this.connectTopics.offset], ['statusStorageTopic', this.connectTopics.status]],
      }, true);
    }
    // What to mirror: the topics and groups, as patterns, checked against what MirrorMaker 2 skips.
    this.keepDefaultExclusions = props.keepDefaultExclusions ?? true;
    if (typeof this.keepDefaultExclusions !== 'boolean') throwPropError(subject, 'keepDefaultExclusions', 'must be true or false', this.keepDefaultExclusions, 'leave it unset (true) or set false');
    this.topicExclusions = this.exclusions('topicsExclude', props.topicsExclude, props.topics);
    if (!this.checkpoints && props.groupsExclude !== undefined) {
      throwPropError(subject, 'groupsExclude', 'is set without checkpoints: no connector reads groups', props.groupsExclude.map((g) => (g instanceof Acl ? g.name : g)), 'turn checkpoints on, or drop groupsExclude');
    }
    this.groupExclusions = this.exclusions('groupsExclude', props.groupsExclude, undefined);
    this.topicPatterns = this.topicSelection(props.topics);
    this.groupPatterns = this.groupSelection(props.groups);
    this.topicsPattern = this.topicPatterns.map(toRegex).join('|');
    this.groupsPattern = this.checkpoints ? this.groupPatterns.map(toRegex).join('|') : undefined;
    this.checkExclusionsLeaveSome();
    // An explicit exclude replaces Kafka's default (DefaultTopicFilter/DefaultGroupFilter): the
    // default of the version, unless dropped, and always what MirrorMaker 2 must never mirror.
    const model = modelVersion(this.version);
    const kafkaDefault = (set: ConfigSet, key: string) => (configDefinitions(set, model).get(key)?.default ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
    const excludePattern = (given: readonly Exclusion[], defaults: readonly string[], always: readonly string[]) => (given.length === 0 && this.keepDefaultExclusions ? undefined
      : [...new Set([...given.map((e) => e.rendered), ...(this.keepDefaultExclusions ? defaults : []), ...always])].join('|'));
    this.topicsExcludePattern = excludePattern(this.topicExclusions, kafkaDefault('mirror-source', 'topics.exclude'), ALWAYS_EXCLUDED_TOPICS);
    this.groupsExcludePattern = this.checkpoints ? excludePattern(this.groupExclusions, kafkaDefault('mirror-checkpoint', 'groups.exclude'), ALWAYS_EXCLUDED_GROUPS) : undefined;

    // Names: Kafka's (ReplicationPolicy.offsetSyncsTopic/checkpointsTopic, MirrorCheckpointConfig
    // .offsetSyncsTopic: the other cluster's alias), and the Connect group and topics (Strimzi's example).
    const offsetSyncsAlias = this.offsetSyncsTopicLocation === OffsetSyncsTopicLocation.SOURCE ? target.alias : source.alias;
    this.checkpointsTopic = this.checkpoints ? `${source.alias}${SEPARATOR}checkpoints${SEPARATOR}internal` : undefined;
    this.offsetSyncsTopic = this.checkpoints ? `mm2-offset-syncs${SEPARATOR}${offsetSyncsAlias}${SEPARATOR}internal` : undefined;

    // The user's config, checked against Kafka's models; what it turns off the ACLs need not allow.
    const context: MirrorConfigContext = { version: this.version, checkpoints: this.checkpoints, syncGroupOffsets: this.syncGroupOffsets };
    const sourceConfig = checkMirrorConfig(subject, 'sourceConnectorConfig', props.sourceConnectorConfig, 'mirror-source', context, SOURCE_OWNED);
    if (!this.checkpoints && props.checkpointConnectorConfig !== undefined) {
      throwPropError(subject, 'checkpointConnectorConfig', 'is set without checkpoints: there is no checkpoint connector', Object.keys(props.checkpointConnectorConfig), 'turn checkpoints on, or drop it');
    }
    const checkpointConfig = checkMirrorConfig(subject, 'checkpointConnectorConfig', props.checkpointConnectorConfig, 'mirror-checkpoint', context, CHECKPOINT_OWNED);
    const connectConfig = checkMirrorConfig(subject, 'connectConfig', props.connectConfig, 'connect', context, CONNECT_OWNED);
    const syncTopicConfigs = String(sourceConfig['sync.topic.configs.enabled'] ?? true).toLowerCase() !== 'false';

    checkSizing(subject, 'resources', props.resources);
    const restricted = props.restrictedSecurityContext ?? true;
    const dev = target.cluster?.profile === ClusterProfile.DEVELOPMENT;
    const resources = props.resources ?? (dev
      ? { cpu: { request: Cpu.millis(100) }, memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } }
      : { cpu: { request: Cpu.millis(250) }, memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) } });

    // The users, one in each cluster (in that cluster's chart: only its user operator reconciles it),
    // granted what mirrorNeeds() derives.
    const needs = this.mirrorNeeds(syncTopicConfigs);
    this.sourceUser = this.makeUser('source', source, needs.source);
    this.targetUser = this.makeUser('target', target, needs.target);
    this.checkSecrets();
    // The topics MirrorMaker 2 creates exist once it runs: ACLs on them are not on unknown topics.
    for (const [cluster, topics] of needs.creates) if (cluster !== undefined) for (const topic of topics) pass.declare(cluster, 'topic', topic);

    const metrics = KafkaMetrics._ofComponent(props.metrics);
    const metricsConfig = metrics?._bindComponent(this, 'mirrormaker2', this.mirrorName, this.namespace);
    const ownMetrics = metrics?.jmxExporter?.configMapName;
    if (ownMetrics !== undefined) {
      pass.refer(subject, 'metrics', { group: '', kind: 'ConfigMap', namespace: this.namespace, name: ownMetrics }, "Strimzi reads the JMX exporter's ConfigMap from MirrorMaker 2's namespace: create it there", true);
    }
    this.resource = new strimzi.KafkaMirrorMaker2(this, 'Resource', {
      metadata: { name: this.mirrorName, namespace: this.namespace, ...(Object.keys(this.labels).length > 0 && { labels: { ...this.labels } }) },
      spec: {
        version: this.version,
        replicas: this.replicas,
        target: {
          ...(this.connection(target) as Omit<strimzi.KafkaMirrorMaker2SpecTarget, 'groupId' | 'configStorageTopic' | 'offsetStorageTopic' | 'statusStorageTopic'>),
          groupId: this.connectGroup,
          configStorageTopic: this.connectTopics.config,
          offsetStorageTopic: this.connectTopics.offset,
          statusStorageTopic: this.connectTopics.status,
          config: {
            'config.storage.replication.factor': this.internalTopicReplicationFactor,
            'offset.storage.replication.factor': this.internalTopicReplicationFactor,
            'status.storage.replication.factor': this.internalTopicReplicationFactor,
            ...connectConfig,
          },
        },
        mirrors: [{
          source: this.connection(source),
          sourceConnector: {
            tasksMax,
            config: {
              'replication.policy.class': POLICY_CLASSES[this.replicationPolicy],
              'replication.factor': this.replicationFactor,
              // The user operator owns the users' ACLs; syncing them would also need Describe on the
              // source cluster and Alter on the target's (MirrorSourceConnector.syncTopicAcls).
              'sync.topic.acls.enabled': false,
              'heartbeats.replication.enabled': this.replicateHeartbeats,
              // MirrorSourceConnector.validate refuses offset-syncs.* keys with offset syncs off.
              ...(this.checkpoints
                ? { 'offset-syncs.topic.location': this.offsetSyncsTopicLocation, 'offset-syncs.topic.replication.factor': this.offsetSyncsTopicReplicationFactor }
                : { 'emit.offset-syncs.enabled': false }),
              ...sourceConfig,
            },
          },
          ...(this.checkpoints && {
            checkpointConnector: {
              tasksMax: checkpointTasksMax,
              config: {
                'replication.policy.class': POLICY_CLASSES[this.replicationPolicy],
                'checkpoints.topic.replication.factor': this.internalTopicReplicationFactor,
                'offset-syncs.topic.location': this.offsetSyncsTopicLocation,
                'sync.group.offsets.enabled': this.syncGroupOffsets,
                ...checkpointConfig,
              },
            },
            groupsPattern: this.groupsPattern,
            ...(this.groupsExcludePattern !== undefined && { groupsExcludePattern: this.groupsExcludePattern }),
          }),
          topicsPattern: this.topicsPattern,
          ...(this.topicsExcludePattern !== undefined && { topicsExcludePattern: this.topicsExcludePattern }),
        }],
        resources: renderResources(resources, strimzi.KafkaMirrorMaker2SpecResourcesRequests.fromString, strimzi.KafkaMirrorMaker2SpecResourcesLimits.fromString),
        ...(metricsConfig && {
          metricsConfig: {
            ...metricsConfig,
            type: metricsConfig.type === 'jmxPrometheusExporter' ? strimzi.KafkaMirrorMaker2SpecMetricsConfigType.JMX_PROMETHEUS_EXPORTER : strimzi.KafkaMirrorMaker2SpecMetricsConfigType.STRIMZI_METRICS_REPORTER,
            ...(metricsConfig.values && { values: { allowList: [...metricsConfig.values.allowList] } }),
          },
        }),
        template: compact({
          pod: restricted ? { securityContext: restrictedPodSecurityContext() } : undefined,
          connectContainer: restricted ? { securityContext: restrictedContainerSecurityContext() } : undefined,
        }),
      },
    });

    pass.namedBy(this.resource, subject, 'name');
    this.recordFacts();
    if (!restricted && this.namespace !== undefined) {
      pass.podSecurity(this, this.namespace, PodSecurityLevel.BASELINE, `KafkaMirrorMaker2 '${this.mirrorName}' runs with restrictedSecurityContext: false (Strimzi's default security context)`);
    }
    const mirrors = MIRRORS.get(App.of(this)) ?? [];
    mirrors.push(this);
    MIRRORS.set(App.of(this), mirrors);
    this.node.addValidation({ validate: () => [...this.replicationProblems(), ...this.problemsWithOthers(mirrors), ...this.loopProblems(mirrors), ...this.managedTopicProblems()] });
  }

  /**
   * The name consumers on the target see for a mirrored source topic: `<source alias>.<topic>`
   * with the prefixed policy (DefaultReplicationPolicy.formatRemoteTopic), the topic's own name with
   * the identity policy (IdentityReplicationPolicy.formatRemoteTopic, which still prefixes a name
   * ending in `heartbeats`), e.g. `east.orders` or `orders`.
   * @param topic a topic of the source: its name, or its KafkaTopic
   * @throws when the topic is not among the mirrored ones, or MirrorMaker 2 would skip it
   */
  public targetTopicName(topic: string | KafkaTopic): string {
    checkArgs(this.subject, 'KafkaMirrorMaker2.targetTopicName', arguments);
    const name = topic instanceof KafkaTopic ? topic.topicName : topic;
    if (topic instanceof KafkaTopic) this.checkSourceTopic('topic', topic);
    else checkTopicName(this.subject, 'topic', name);
    if (name === HEARTBEATS_TOPIC && this.replicateHeartbeats) return this.remoteName(name);
    const skipped = this.skipReason(name);
    if (skipped !== undefined) throwPropError(this.subject, 'topic', `is not mirrored: ${skipped}`, name, 'name a mirrored topic');
    if (!this.topicPatterns.some((p) => matches(p, name))) {
      throwPropError(this.subject, 'topic', `is not among the mirrored topics (${this.topicPatterns.map(describePattern).join(', ')})`, name, 'name a mirrored topic, or add it to topics');
    }
    return this.remoteName(name);
  }

  /** The Service of the Connect REST API Strimzi makes (`KafkaMirrorMaker2Resources.serviceName`). */
  public get serviceName(): string {
    return `${this.mirrorName}-mirrormaker2-api`;
  }

  /** The labels Strimzi gives the MirrorMaker 2 pods, to select them. */
  public get podSelectorLabels(): Record<string, string> {
    return { 'strimzi.io/cluster': this.mirrorName, 'strimzi.io/kind': 'KafkaMirrorMaker2' };
  }

  /**
   * A source topic's name on the target, by the policy: IdentityReplicationPolicy keeps it, except
   * a name ending in `heartbeats`, which it prefixes like DefaultReplicationPolicy
   * (`looksLikeHeartbeat`: `topic.endsWith(heartbeatsTopic())`).
   */
  private remoteName(topic: string): string {
    const keep = this.replicationPolicy === MirrorReplicationPolicy.IDENTITY && !topic.endsWith(HEARTBEATS_TOPIC);
    return keep ? topic : `${this.source.alias}${SEPARATOR}${topic}`;
  }

  /**
   * The patterns on the target of a source pattern: its names by the policy. A prefix under the
   * identity policy also covers `<alias>.<prefix>`, where the policy puts the topics of that prefix
   * whose names end in `heartbeats`.
   */
  private remotePatterns(p: Pattern): Pattern[] {
    const prefixed = (name: string): Pattern => ({ name: `${this.source.alias}${SEPARATOR}${name}`, prefix: true });
    if (!p.prefix && p.name === '*') return [this.replicationPolicy === MirrorReplicationPolicy.IDENTITY ? p : prefixed('')];
    if (p.prefix) return this.replicationPolicy === MirrorReplicationPolicy.IDENTITY ? [p, prefixed(p.name)] : [prefixed(p.name)];
    return [{ name: this.remoteName(p.name), prefix: false }];
  }

  /**
   * Why MirrorMaker 2 never mirrors the source topic `name` (or, for a prefix, any topic it
   * starts): MirrorSourceConnector.shouldReplicateTopic takes a topic the filter takes and that
   * is neither internal (ReplicationPolicy.isInternalTopic: `__` or `.` first, `mm2*.internal`,
   * `*.checkpoints.internal`) nor a cycle (isCycle: a topic whose alias, under the prefixed policy,
   * is the target's); DefaultTopicFilter excludes `mm2.*\.internal, .*\.replica, __.*` (4.3.1's
   * TOPICS_EXCLUDE_DEFAULT).
   */
  private skipReason(name: string, prefix: boolean = false): string | undefined {
    if (name.startsWith('__') || name.startsWith('.')) {
      return "MirrorMaker 2 takes topics starting with '__' or '.' for internal ones (ReplicationPolicy.isInternalTopic) and excludes them";
    }
    if (!prefix && ((name.startsWith('mm2') && name.endsWith('.internal')) || name.endsWith('.checkpoints.internal'))) {
      return 'it is named like a MirrorMaker 2 internal topic (ReplicationPolicy.isMM2InternalTopic)';
    }
    if (!prefix && name.endsWith('.replica') && this.keepDefaultExclusions) return "DefaultTopicFilter's default topics.exclude (.*\\.replica) excludes it (keepDefaultExclusions: false drops it)";
    // topicsExclude (undefined while the constructor checks the exclusions themselves).
    const by = (this.topicExclusions ?? []).find((e) => covers(e, { name, prefix }));
    if (by !== undefined) return `${by.prop} excludes ${prefix ? 'every topic it starts' : 'it'} (topics.exclude: DefaultTopicFilter mirrors what topics matches and topics.exclude does not)`;
    if (this.replicationPolicy === MirrorReplicationPolicy.PREFIXED) {
      const cycle = `${this.target.alias}${SEPARATOR}`;
      if (name.startsWith(cycle)) {
        return `under the prefixed policy it is a topic mirrored from '${this.target.alias}', the target, which MirrorMaker 2 never mirrors back (MirrorSourceConnector.isCycle)`;
      }
    }
    return undefined;
  }

  /** The topics, as patterns, checked: of the source, valid names, mirrored, not too long on the target. */
  private topicSelection(topics: readonly (KafkaTopic | Acl)[]): Pattern[] {
    if (topics.length === 0) {
      throwPropError(this.subject, 'topics', 'are empty: MirrorMaker 2 would take its default, every topic', [], 'name the topics to mirror: KafkaTopics of the source, Acl.topic(name) or Acl.topicPrefix(prefix)');
    }
    const patterns = topics.map((topic, i) => {
      const prop = `topics[${i}]`;
      if (topic instanceof KafkaTopic) {
        this.checkSourceTopic(prop, topic);
        return { name: topic.topicName, prefix: false };
      }
      if (!(topic instanceof Acl) || topic.resourceType !== AclResourceType.TOPIC) {
        throwPropError(this.subject, prop, 'must be a KafkaTopic of the source, Acl.topic() or Acl.topicPrefix()', topic instanceof Acl ? `${topic.resourceType} pattern ${topic.name ?? '(the cluster)'}` : topic, 'pass a topic of the source cluster');
      }
      const name = topic.name ?? '';
      const prefix = topic.patternType === AclPatternType.PREFIX;
      if (!(/^[a-zA-Z0-9._-]{1,249}$/.test(name) || (name === '*' && !prefix))) {
        throwPropError(this.subject, prop, "is not a Kafka topic name or prefix: letters, digits, '.', '_' and '-', at most 249 (or the literal '*' for every topic)", name, "use e.g. Acl.topic('orders')");
      }
      return { name, prefix };
    });
    patterns.forEach((p, i) => {
      const skipped = p.name === '*' && !p.prefix ? undefined : this.skipReason(p.name, p.prefix);
      if (skipped !== undefined) throwPropError(this.subject, `topics[${i}]`, `is never mirrored: ${skipped}`, describePattern(p), 'select the topics MirrorMaker 2 mirrors, or drop it');
      const remote = this.remotePatterns(p)[0];
      if (!remote.prefix && remote.name !== '*' && remote.name.length > MAX_TOPIC_NAME) {
        throwPropError(this.subject, `topics[${i}]`, `would be ${remote.name.length} characters on the target ('${this.source.alias}.' added), beyond Kafka's ${MAX_TOPIC_NAME}: MirrorMaker 2 could not create it`, p.name, 'shorten the topic name or the alias, or use the identity policy');
      }
    });
    return dedupe(patterns);
  }

  /** The groups, as patterns, checked: named, not ones MirrorMaker 2 skips, given when checkpoints need them. */
  private groupSelection(groups: readonly (string | Acl)[] = []): Pattern[] {
    if (!this.checkpoints) {
      if (groups.length > 0) throwPropError(this.subject, 'groups', 'are set without checkpoints: nothing reads them', groups.map((g) => (typeof g === 'string' ? g : g.name)), 'turn checkpoints on, or drop groups');
      return [];
    }
    if (groups.length === 0) {
      throwPropError(this.subject, 'groups', 'are empty, but checkpoints are on: MirrorMaker 2 would take every consumer group of the source, and with syncGroupOffsets commit offsets of any group of the target', [],
        "name the consumer groups to fail over (e.g. groups: ['billing'] or Acl.groupPrefix('billing-')), or set checkpoints: false");
    }
    return dedupe(groups.map((group, i) => {
      const prop = `groups[${i}]`;
      const pattern: Pattern | undefined = typeof group === 'string'
        ? { name: group, prefix: false }
        : group instanceof Acl && group.resourceType === AclResourceType.GROUP ? { name: group.name ?? '', prefix: group.patternType === AclPatternType.PREFIX } : undefined;
      if (pattern === undefined) throwPropError(this.subject, prop, 'must be a group name, Acl.group() or Acl.groupPrefix()', group instanceof Acl ? `${group.resourceType} pattern ${group.name ?? '(the cluster)'}` : group, "pass e.g. 'billing'");
      if (pattern.name.trim() === '') throwPropError(this.subject, prop, 'is empty', pattern.name, "name the group, e.g. 'billing'");
      if (/[\u0000-\u001f\u007f]/.test(pattern.name)) {
        throwPropError(this.subject, prop, "must not contain a line break or other control character (like Kafka's config values elsewhere in the library): consumers set group.id in a properties file, where a line break ends the value, so no consumer joins such a group", pattern.name, 'give the group id on one line, as the consumers set it');
      }
      if (pattern.name !== '*' && matches(pattern, this.connectGroup)) {
        throwPropError(this.subject, prop, `${pattern.prefix ? 'takes' : 'is'} '${this.connectGroup}', the Connect group of this KafkaMirrorMaker2's own workers on the target: MirrorMaker 2 would translate and commit offsets into the group its workers coordinate through`, describePattern(pattern),
          'name the consumer groups of the applications to fail over, not the mirror\'s own');
      }
      // DefaultGroupFilter's default groups.exclude (4.3.1): console-consumer-.*, connect-.*, __.*
      const excluded = [...(this.keepDefaultExclusions ? ['console-consumer-', 'connect-'] : []), '__'].find((x) => pattern.name.startsWith(x));
      if (excluded !== undefined) {
        throwPropError(this.subject, prop, `is never mirrored: DefaultGroupFilter's default groups.exclude drops groups starting with '${excluded}'`, describePattern(pattern),
          excluded === '__' ? 'name a group MirrorMaker 2 mirrors, or drop it' : 'name a group MirrorMaker 2 mirrors, or drop it (or set keepDefaultExclusions: false)');
      }
      const by = this.groupExclusions.find((e) => pattern.name !== '*' && covers(e, pattern));
      if (by !== undefined) {
        throwPropError(this.subject, prop, `is never checkpointed: ${by.prop} excludes ${pattern.prefix ? 'every group it starts' : 'it'} (groups.exclude: DefaultGroupFilter takes what groups matches and groups.exclude does not)`, describePattern(pattern),
          `drop it from groups or from groupsExclude`);
      }
      return pattern;
    }));
  }

  /**
   * The entries of `topicsExclude` or `groupsExclude`, checked: KafkaTopics of the source not named
   * in `topics` too, Acl topic (or group) patterns, or regular expressions that compile, without ','
   * (Kafka splits a LIST at commas: ConfigDef.parseType) or control characters.
   */
  private exclusions(prop: 'topicsExclude' | 'groupsExclude', given: readonly (KafkaTopic | Acl | string)[] | undefined, topics: readonly (KafkaTopic | Acl)[] | undefined): Exclusion[] {
    if (given === undefined) return [];
    if (!Array.isArray(given)) throwPropError(this.subject, prop, 'must be an array', given, prop === 'topicsExclude' ? "pass e.g. [Acl.topicPrefix('tmp-'), '.*-test']" : "pass e.g. [Acl.groupPrefix('test-'), '.*-canary']");
    const topic = prop === 'topicsExclude';
    const type = topic ? AclResourceType.TOPIC : AclResourceType.GROUP;
    return given.map((entry, i): Exclusion => {
      const at = `${prop}[${i}]`;
      if (topic && entry instanceof KafkaTopic) {
        this.checkSourceTopic(at, entry);
        const j = (topics ?? []).findIndex((t) => t === entry || (t instanceof KafkaTopic && t.topicName === entry.topicName));
        if (j >= 0) {
          throwPropError(this.subject, at, `is KafkaTopic '${entry.topicName}', which topics[${j}] names too: a topic cannot be both mirrored and excluded`, entry.topicName, `drop it from topics or from ${prop}`);
        }
        const p = { name: entry.topicName, prefix: false };
        return { prop: at, pattern: p, rendered: toRegex(p) };
      }
      if (entry instanceof Acl) {
        if (entry.resourceType !== type) {
          throwPropError(this.subject, at, topic ? 'must be a KafkaTopic of the source, Acl.topic(), Acl.topicPrefix() or a regular expression' : 'must be Acl.group(), Acl.groupPrefix() or a regular expression',
            `${entry.resourceType} pattern ${entry.name ?? '(the cluster)'}`, topic ? "pass e.g. Acl.topicPrefix('tmp-')" : "pass e.g. Acl.groupPrefix('test-')");
        }
        const p = { name: entry.name ?? '', prefix: entry.patternType === AclPatternType.PREFIX };
        if (p.name === '' || /[\u0000-\u001f\u007f]/.test(p.name)) throwPropError(this.subject, at, 'must name a topic or group on one line', p.name, 'name it');
        return { prop: at, pattern: p, rendered: toRegex(p) };
      }
      if (typeof entry !== 'string') {
        throwPropError(this.subject, at, topic ? 'must be a KafkaTopic of the source, Acl.topic(), Acl.topicPrefix() or a regular expression (a string)' : 'must be Acl.group(), Acl.groupPrefix() or a regular expression (a string)', entry, topic ? "pass e.g. '.*-tmp'" : "pass e.g. '.*-canary'");
      }
      const fix = topic ? "give a Java regular expression matched against the whole name, e.g. '.*-tmp'" : "give a Java regular expression matched against the whole group id, e.g. '.*-canary'";
      if (entry.trim() === '') throwPropError(this.subject, at, 'is empty', entry, fix);
      if (/[\u0000-\u001f\u007f]/.test(entry)) throwPropError(this.subject, at, 'must not contain a line break or other control character: Strimzi writes it into the connector config', entry, fix);
      if (entry.includes(',')) {
        throwPropError(this.subject, at, "must not contain ',': Kafka reads topics.exclude and groups.exclude as a LIST and splits it at commas before compiling each part (MirrorUtils.compilePatternList)", entry, 'give each alternative as its own entry');
      }
      let regex: RegExp;
      try {
        regex = new RegExp(`^(?:${entry})$`);
      } catch (e) {
        throwPropError(this.subject, at, `is not a valid regular expression (${(e as Error).message}); Java-only syntax such as inline flags (?i) or possessive quantifiers is not accepted`, entry, fix);
      }
      return { prop: at, regex: regex!, rendered: entry };
    });
  }

  /**
   * Throws when the exclusions leave nothing of the selection (every topic of `topics`, or every
   * group of `groups`, excluded), or exclude `heartbeats` while `replicateHeartbeats` mirrors it
   * past the filter (MirrorSourceConnector.shouldReplicateTopic: `topicFilter.shouldReplicateTopic(topic)
   * || (heartbeatsReplicationEnabled && isHeartbeatsTopic(topic))`).
   */
  private checkExclusionsLeaveSome(): void {
    const all = (exclusions: readonly Exclusion[], patterns: readonly Pattern[]) => exclusions.length > 0 && patterns.length > 0 && patterns.every((p) => exclusions.some((e) => covers(e, p)));
    if (all(this.topicExclusions, this.topicPatterns)) {
      throwPropError(this.subject, 'topicsExclude', `excludes every topic that topics selects (${this.topicPatterns.map(describePattern).join(', ')}): MirrorMaker 2 would mirror nothing`, this.topicExclusions.map((e) => e.rendered),
        'exclude only some of the selected topics, or drop the mirror');
    }
    if (this.checkpoints && all(this.groupExclusions, this.groupPatterns)) {
      throwPropError(this.subject, 'groupsExclude', `excludes every group that groups selects (${this.groupPatterns.map(describePattern).join(', ')}): no offset would be translated`, this.groupExclusions.map((e) => e.rendered),
        'exclude only some of the selected groups, or set checkpoints: false');
    }
    const heartbeats = this.topicExclusions.find((e) => this.replicateHeartbeats && covers(e, { name: HEARTBEATS_TOPIC, prefix: false }));
    if (heartbeats !== undefined) {
      throwPropError(this.subject, heartbeats.prop, "excludes 'heartbeats', which replicateHeartbeats mirrors past the topic filter (MirrorSourceConnector.shouldReplicateTopic), so it would not stop it", heartbeats.rendered,
        'set replicateHeartbeats: false to stop mirroring heartbeats, or exclude fewer topics');
    }
  }

  /**
   * The Connect workers' config, offset and status topics on the target, given or derived
   * (`__<name>-config`, …), checked: Kafka topic names, none of Kafka's own, three different ones
   * (Connect keeps connector configurations, source offsets and statuses each in a compacted topic
   * of its own: KafkaConfigBackingStore, KafkaOffsetBackingStore and KafkaStatusBackingStore each
   * read every record of theirs as their own kind).
   */
  private storageTopics(props: KafkaMirrorMaker2Props): { readonly config: string; readonly offset: string; readonly status: string } {
    const given = [
      ['configStorageTopic', props.configStorageTopic ?? `__${this.mirrorName}-config`],
      ['offsetStorageTopic', props.offsetStorageTopic ?? `__${this.mirrorName}-offset`],
      ['statusStorageTopic', props.statusStorageTopic ?? `__${this.mirrorName}-status`],
    ] as const;
    given.forEach(([prop, topic], i) => {
      checkTopicName(this.subject, prop, topic);
      checkReservedTopicName(this.subject, prop, topic);
      const earlier = given.slice(0, i).find(([, other]) => other === topic);
      if (earlier !== undefined) {
        throwPropError(this.subject, prop, `is ${earlier[0]} too: Connect keeps connector configurations, source offsets and statuses each in a compacted topic of its own (KafkaConfigBackingStore, KafkaOffsetBackingStore, KafkaStatusBackingStore), and would read one store's records as another's`, topic,
          `give each its own topic, e.g. '${this.mirrorName}-config', '${this.mirrorName}-offset' and '${this.mirrorName}-status'`);
      }
    });
    checkStorageTopicCollisions(this.subject, given);
    return { config: given[0][1], offset: given[1][1], status: given[2][1] };
  }

  /** Throws unless `topic` is a topic of the source cluster. */
  private checkSourceTopic(prop: string, topic: KafkaTopic): void {
    const cluster = this.source.cluster;
    if (cluster === undefined) {
      throwPropError(this.subject, prop, `is KafkaTopic '${topic.topicName}' of cluster '${topic.cluster.clusterName}' (${topic.cluster.node.path}), but the source is MirrorMaker2Cluster.fromAddress() (${this.source.bootstrapServers}), whose topics the app does not know`, topic.topicName,
        `name the topic with Acl.topic('${topic.topicName}'), or address the source with MirrorMaker2Cluster.local(cluster) if that is its cluster`);
    }
    const same = topic.cluster === cluster || (topic.cluster !== this.target.cluster && topic.cluster.clusterName === cluster.clusterName
      && topic.cluster.namespace === cluster.namespace && differentKubernetesClusters(topic.cluster, cluster) === undefined);
    if (!same) {
      throwPropError(this.subject, prop, `is a topic of cluster '${topic.cluster.clusterName}' (${topic.cluster.node.path}), not of the source '${cluster.clusterName}' (${cluster.node.path})`, topic.topicName, "pass a topic of the source cluster, or Acl.topic(name) for one made elsewhere");
    }
  }

  /**
   * What MirrorMaker 2 does on each cluster, as ACL rules (the sources are in the docs of
   * {@link sourceUser} and {@link targetUser}), and the topics it creates on each.
   */
  private mirrorNeeds(syncTopicConfigs: boolean): { source: AclRule[]; target: AclRule[]; creates: Array<[IKafkaCluster | undefined, string[]]> } {
    const { READ, WRITE, CREATE, ALTER, DESCRIBE, ALTER_CONFIGS, DESCRIBE_CONFIGS } = AclOperation;
    const acl = (p: Pattern) => (p.prefix ? Acl.topicPrefix(p.name) : Acl.topic(p.name));
    const group = (p: Pattern) => (p.prefix ? Acl.groupPrefix(p.name) : Acl.group(p.name));
    const source: AclRule[] = [];
    const target: AclRule[] = [];
    const mirrored = [...this.topicPatterns, ...(this.replicateHeartbeats ? [{ name: HEARTBEATS_TOPIC, prefix: false }] : [])];
    for (const p of mirrored) {
      source.push(acl(p).allow(READ, DESCRIBE, DESCRIBE_CONFIGS));
      const consumed = this.syncGroupOffsets && p.name !== HEARTBEATS_TOPIC;
      for (const remote of this.remotePatterns(p)) {
        target.push(acl(remote).allow(...[CREATE, ALTER, WRITE, DESCRIBE, ...(syncTopicConfigs ? [ALTER_CONFIGS] : []), ...(consumed ? [READ] : [])]));
      }
    }
    const internal = [CREATE, READ, WRITE, DESCRIBE];
    if (this.checkpoints) {
      for (const g of this.groupPatterns) source.push(group(g).allow(DESCRIBE));
      target.push(Acl.topic(this.checkpointsTopic!).allow(...internal));
      (this.offsetSyncsTopicLocation === OffsetSyncsTopicLocation.SOURCE ? source : target).push(Acl.topic(this.offsetSyncsTopic!).allow(...internal));
      if (this.syncGroupOffsets) for (const g of this.groupPatterns) target.push(group(g).allow(READ, DESCRIBE));
    }
    target.push(Acl.group(this.connectGroup).allow(READ, DESCRIBE));
    for (const topic of Object.values(this.connectTopics)) target.push(Acl.topic(topic).allow(...internal, DESCRIBE_CONFIGS));

    const onTarget = [
      ...mirrored.flatMap((p) => this.remotePatterns(p)).filter((p) => !p.prefix && p.name !== '*').map((p) => p.name),
      ...(this.checkpointsTopic ? [this.checkpointsTopic] : []),
      ...Object.values(this.connectTopics),
    ];
    const offsetSyncs = this.offsetSyncsTopic === undefined ? [] : [this.offsetSyncsTopic];
    const onSourceSide = this.offsetSyncsTopicLocation === OffsetSyncsTopicLocation.SOURCE;
    return {
      source,
      target,
      creates: [
        [this.source.cluster, [...(onSourceSide ? offsetSyncs : []), ...(this.replicateHeartbeats ? [HEARTBEATS_TOPIC] : [])]],
        [this.target.cluster, [...onTarget, ...(onSourceSide ? [] : offsetSyncs)]],
      ],
    };
  }

  /**
   * The KafkaUser of one side: the one given (`MirrorClusterOptions.user`), or one made in that
   * cluster's chart (a child of the cluster's construct, named `userName`), with the listener's
   * kind of authentication; granted the rules, merged one per resource, where the cluster has (or
   * may have) an authorizer that takes KafkaUser ACLs (simple, or custom with supportsAdminApi).
   * Undefined for a listener without authentication, and for a cluster known only by its address
   * (its users are its owner's).
   */
  private makeUser(prop: 'source' | 'target', side: MirrorMaker2Cluster, rules: readonly AclRule[]): KafkaUser | undefined {
    const { cluster, listener } = side;
    if (cluster === undefined || listener === undefined) return undefined;
    const type = listener.authentication.type;
    if (type === undefined) return undefined;
    const authorization = cluster.authorization;
    // Unknown authorization (a cluster made elsewhere that does not say): granted, as the library's
    // default is simple. A custom authorizer: granted only where Strimzi can write ACLs (supportsAdminApi).
    const grant = authorization === undefined || authorization.supportsAdminApi;
    const given = side._user;
    if (given !== undefined) {
      if (grant) given._addGranted(rules);
      return given;
    }
    // One per side, so that two clusters in one namespace (one Kubernetes cluster) get two users.
    const userName = side._userName ?? `${this.mirrorName}-${prop}`;
    const taken = cluster.node.tryFindChild(userName);
    if (taken !== undefined) {
      if (side._userName !== undefined) {
        throwPropError(this.subject, prop, `names the user it makes '${userName}' (userName), but ${taken.node.path} in cluster '${cluster.clusterName}' has that id already`, userName,
          taken instanceof KafkaUser ? 'pass that KafkaUser as user instead of userName, or choose another userName' : 'choose another userName');
      }
      throwPropError(this.subject, 'name', `makes the ${prop} user '${userName}' in cluster '${cluster.clusterName}' (${cluster.node.path}), which ${taken.node.path} already is: two KafkaMirrorMaker2 of one name mirror this cluster, and would share a user, a Connect group and topics`, this.mirrorName,
        'give each KafkaMirrorMaker2 its own name (or its users their own userName)');
    }
    const user = new KafkaUser(cluster, userName, {
      cluster,
      userName,
      authentication: type === ListenerAuthenticationType.TLS ? UserAuthentication.tls() : UserAuthentication.scramSha512(),
    });
    if (grant) user.addAcl(...mergeGrants(rules, []));
    return user;
  }

  /**
   * Throws when a copy's Secret name is given where no copy is read (the cluster's namespace, a
   * listener without TLS or authentication), or when two of the Secrets MirrorMaker 2 reads from its
   * namespace (each side's CA and user credentials, copies or the originals) are one Secret. The
   * Secrets of a cluster known only by its address are the user's: they may be shared between its
   * CA and credentials, or with the other side's, but not be a copy the runbook writes.
   */
  private checkSecrets(): void {
    const read: Array<{ name: string; what: string; prop: 'source' | 'target'; option?: 'caSecretName' | 'userSecretName'; fallback?: string; copy: boolean; address: boolean }> = [];
    for (const [prop, side] of [['source', this.source], ['target', this.target]] as const) {
      const { cluster, listener } = side;
      if (side._address !== undefined || cluster === undefined || listener === undefined) {
        for (const name of side._address?.secrets ?? []) read.push({ name, what: `a Secret given for the ${prop} cluster at ${side.bootstrapServers}`, prop, copy: false, address: true });
        continue;
      }
      const call = `MirrorMaker2Cluster.${side.remote ? 'remote' : 'local'}()`;
      const kafka = `Kafka '${cluster.clusterName}'`;
      const unused = (option: 'caSecretName' | 'userSecretName', value: string, why: string): never => throwPropError(this.subject, prop, `sets ${option} '${value}' (${call}), which is not used: ${why}`, value, `drop ${option}`);
      const trust = this.trustSecret(side);
      const credentials = this.userSecret(side);
      const copy = this.copied(side);
      if (side._caSecretName !== undefined) {
        if (trust === undefined) unused('caSecretName', side._caSecretName, `listener '${listener.name}' of ${kafka} has no TLS, so there is no CA to trust`);
        if (!copy) unused('caSecretName', side._caSecretName, `MirrorMaker 2 is in the namespace of ${kafka} (${this.namespace}), where it reads the listener's CA Secret '${trust!.secretName}' itself`);
      }
      if (side._userSecretName !== undefined) {
        if (credentials === undefined) unused('userSecretName', side._userSecretName, `listener '${listener.name}' of ${kafka} has no authentication, so there are no credentials to read`);
        if (!copy) unused('userSecretName', side._userSecretName, `MirrorMaker 2 is in the namespace of ${kafka} (${this.namespace}), where it reads the user's Secret '${credentials}' itself`);
      }
      if (trust !== undefined) read.push({ name: trust.secretName, what: `the CA of the ${prop} ${kafka}`, prop, option: side._caSecretName === undefined ? undefined : 'caSecretName', fallback: `${this.mirrorName}-${prop}-ca`, copy, address: false });
      if (credentials !== undefined) read.push({ name: credentials, what: `the credentials of the ${prop} user`, prop, option: side._userSecretName === undefined ? undefined : 'userSecretName', fallback: `${this.mirrorName}-${prop}-user`, copy, address: false });
    }
    const names = read.map((r) => r.name);
    read.forEach((later, j) => {
      // Two of the user's Secrets, or a user's and an original, may be one; a copy may be no other.
      const earlier = read.slice(0, j).find((r) => r.name === later.name && (r.copy || later.copy || (!r.address && !later.address)));
      if (earlier === undefined) return;
      // The one whose name was given is the one to change; else a derived copy.
      const [given, other] = later.option !== undefined || (later.copy && !earlier.copy && earlier.option === undefined) ? [later, earlier] : [earlier, later];
      const fallbackFree = given.fallback !== undefined && !names.includes(given.fallback);
      throwPropError(this.subject, given.prop, `reads ${given.what} from Secret '${given.name}' in namespace ${this.namespace ?? '(none)'}, where it reads ${other.what} too: one Secret cannot hold both, and the runbook would copy one over the other`, given.name,
        given.option === undefined ? 'give each copy its own name (caSecretName, userSecretName)'
          : `give ${given.option} another name${fallbackFree ? `, or leave it unset for '${given.fallback}'` : ''}`);
    });
  }

  /** Strimzi's `target` / `mirrors[].source` connection fields of one side (the same shape). */
  private connection(side: MirrorMaker2Cluster): strimzi.KafkaMirrorMaker2SpecMirrorsSource {
    const address = side._address;
    if (address !== undefined) {
      return {
        alias: side.alias,
        bootstrapServers: side.bootstrapServers,
        ...(address.tls && { tls: { trustedCertificates: address.trustedCertificates.map(renderTrust) } }),
        ...(address.authentication && { authentication: address.authentication._spec }),
      };
    }
    const trust = this.trustSecret(side);
    const user = this.userOf(side);
    const credentials = this.userSecret(side);
    const authentication = user && credentials && (user.authentication.type === UserAuthenticationType.SCRAM_SHA_512
      ? { type: 'scram-sha-512', username: user.userName, passwordSecret: { secretName: credentials, password: 'password' } }
      : { type: 'tls', certificateAndKey: { secretName: credentials, certificate: 'user.crt', key: 'user.key' } });
    return {
      alias: side.alias,
      bootstrapServers: side.bootstrapServers,
      ...(trust && { tls: { trustedCertificates: [renderTrust(trust)] } }),
      ...(authentication && { authentication: authentication as strimzi.KafkaMirrorMaker2SpecMirrorsSourceAuthentication }),
    };
  }

  private userOf(side: MirrorMaker2Cluster): KafkaUser | undefined {
    return side === this.source ? this.sourceUser : this.targetUser;
  }

  /** `source` or `target`. */
  private sideName(side: MirrorMaker2Cluster): 'source' | 'target' {
    return side === this.source ? 'source' : 'target';
  }

  /**
   * The CA MirrorMaker 2 trusts for one side of the app, in its own namespace: the listener's CA
   * Secret, or its copy (`<name>-<side>-ca`, with the CA as `ca.crt`); its one key, or the keys
   * `trustedCertificatesPattern` matches.
   */
  private trustSecret(side: MirrorMaker2Cluster): TrustedCa | undefined {
    const ca = side.listener?.trustedCa;
    if (ca === undefined) return undefined;
    const copied = this.copied(side);
    const secretName = copied ? side._caSecretName ?? `${this.mirrorName}-${this.sideName(side)}-ca` : ca.secretName;
    // The cluster CA Secret read where Strimzi writes it: every certificate of it by default
    // (CLUSTER_CA_PATTERN: the old CA too while its key is replaced). A copy holds the CA as ca.crt.
    const byDefault = !copied && side._trustCertificate === undefined && trustsClusterCa(side.listener!, side.cluster!.clusterName) ? CLUSTER_CA_PATTERN : undefined;
    const pattern = side._trustPattern ?? byDefault;
    return pattern !== undefined ? { secretName, pattern } : { secretName, certificate: copied ? 'ca.crt' : ca.certificate };
  }

  /** The user Secret MirrorMaker 2 reads for one side, in its own namespace: the user operator's, or its copy (`<name>-<side>-user`). */
  private userSecret(side: MirrorMaker2Cluster): string | undefined {
    const user = this.userOf(side);
    if (user?.secretName === undefined) return undefined;
    return this.copied(side) ? side._userSecretName ?? `${this.mirrorName}-${this.sideName(side)}-user` : user.secretName;
  }

  /** Whether MirrorMaker 2 reads copies of a side's Secrets: the cluster is in another Kubernetes cluster or namespace. */
  private copied(side: MirrorMaker2Cluster): boolean {
    return side.cluster !== undefined && (side.remote || side.cluster.namespace !== this.namespace);
  }

  /** What MirrorMaker 2 reads, dials and trusts, and what Strimzi makes from it, for the consistency pass. */
  private recordFacts(): void {
    const pass = ConsistencyPass.of(this);
    const subject = this.subject;
    const by = `Strimzi, from KafkaMirrorMaker2 '${this.mirrorName}' at ${this.node.path}`;
    pass.provide(this, () => connectClusterObjects(this.namespace, this.mirrorName, 'mirrormaker2', this.serviceName, this.replicas), by);
    for (const [prop, side] of [['source', this.source], ['target', this.target]] as const) {
      const { cluster, listener, _address: address } = side;
      if (address !== undefined || cluster === undefined || listener === undefined) {
        this.recordAddressFacts(prop, side);
        continue;
      }
      const trust = this.trustSecret(side);
      const credentials = this.userSecret(side);
      const user = this.userOf(side);
      if (this.copied(side)) {
        const origin = listener.trustedCa;
        if (trust !== undefined && origin !== undefined) {
          pass.copy(this, secretRef(this.namespace, trust.secretName), { scope: cluster, ref: secretRef(cluster.namespace, origin.secretName) },
            `a copy of the CA of listener '${listener.name}' of Kafka '${cluster.clusterName}' (${origin.secretName}), made by the runbook for KafkaMirrorMaker2 '${this.mirrorName}'`);
        }
        if (credentials !== undefined && user?.secretName !== undefined) {
          pass.copy(this, secretRef(this.namespace, credentials), { scope: user, ref: secretRef(cluster.namespace, user.secretName) },
            `a copy of the Secret of KafkaUser '${user.userName}' of Kafka '${cluster.clusterName}', made by the runbook for KafkaMirrorMaker2 '${this.mirrorName}'`);
        }
      }
      const fix = this.copied(side) ? `copy it into namespace ${this.namespace ?? '(none)'} before applying (the runbook's step)` : `put MirrorMaker 2 in the Kubernetes cluster of the ${prop} cluster, or reach it with MirrorMaker2Cluster.remote()`;
      if (trust !== undefined) pass.refer(subject, prop, secretRef(this.namespace, trust.secretName), `MirrorMaker 2 reads the CA from its own namespace: ${fix}`);
      if (credentials !== undefined) pass.refer(subject, prop, secretRef(this.namespace, credentials), `MirrorMaker 2 reads the user's credentials from its own namespace: ${fix}`);
      pass.tlsClient({
        subject, prop, address: side.bootstrapServers,
        trust: trust && secretRef(this.namespace, trust.secretName),
        // How MirrorMaker 2 authenticates: as its user (scram-sha-512 or tls), or not at all.
        authentication: user?.authentication.listenerAuthentication ?? 'none',
        namespace: this.namespace,
      });
    }
  }

  /**
   * What MirrorMaker 2 reads and dials for a cluster known only by its address: the Secrets given,
   * which the user makes in its namespace (a warning when nothing in the app has them), and each
   * bootstrap address, so that a listener of the app at that address is checked against its TLS,
   * CA (where one Secret is trusted) and authentication.
   */
  private recordAddressFacts(prop: 'source' | 'target', side: MirrorMaker2Cluster): void {
    const pass = ConsistencyPass.of(this);
    const address = side._address!;
    for (const secret of address.secrets) {
      pass.refer(this.subject, prop, secretRef(this.namespace, secret), `MirrorMaker 2 reads it from its own namespace (${this.namespace ?? 'the one kubectl applies to'}): make it there before applying`, true);
    }
    const trusted = address.trustedCertificates;
    // TLS on the JVM's CAs, or several CA Secrets: which one a listener's CA must be is not known.
    if (address.tls && trusted.length !== 1) return;
    for (const bootstrap of side.bootstrapServers.split(',')) {
      pass.tlsClient({
        subject: this.subject, prop, address: bootstrap,
        trust: address.tls ? secretRef(this.namespace, trusted[0].secretName) : undefined,
        authentication: address.authentication?.type ?? 'none',
        namespace: this.namespace,
      });
    }
  }

  /**
   * The replication factors against the brokers and min ISR of the cluster each topic is on, as
   * they are at synth: at most the brokers (CreateTopics fails with INVALID_REPLICATION_FACTOR), and
   * above the cluster's `min.insync.replicas`, which the topics inherit, so acks=all writes (the
   * Connect producers') go on with a replica down.
   */
  private replicationProblems(): string[] {
    const offsetSyncsCluster = this.offsetSyncsTopicLocation === OffsetSyncsTopicLocation.SOURCE ? this.source.cluster : this.target.cluster;
    const checks: Array<[string, number, IKafkaCluster | undefined, string]> = [
      ['replicationFactor', this.replicationFactor, this.target.cluster, 'the mirrored topics'],
      ['internalTopicReplicationFactor', this.internalTopicReplicationFactor, this.target.cluster, `the Connect topics${this.checkpoints ? ' and the checkpoints topic' : ''}`],
      ...(this.checkpoints ? [['internalTopicReplicationFactor', this.offsetSyncsTopicReplicationFactor, offsetSyncsCluster, `the offset-syncs topic ${this.offsetSyncsTopic}`] as [string, number, IKafkaCluster | undefined, string]] : []),
    ];
    const errors: string[] = [];
    const seen = new Set<string>();
    for (const [prop, rf, cluster, what] of checks) {
      // A cluster known only by its address: its brokers and min ISR are not known.
      if (cluster === undefined) continue;
      const key = `${prop}|${rf}|${cluster.node.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = componentReplicationProblem(this.subject, prop, rf, cluster, 'MirrorMaker 2', what);
      if (problem !== undefined) errors.push(problem);
    }
    return errors;
  }

  /**
   * The checks between mirrors of the estate, reported by the later of two: two mirrors in opposite
   * directions between the same clusters (by construct or alias) loop when either keeps topic names
   * (identity) and one reads what the other writes; two mirrors of the same direction write the same
   * topics twice; two mirrors from different sources must not write the same names into one
   * target (two logs would merge); two mirrors into one cluster must not share a Connect group or topics.
   */
  private problemsWithOthers(mirrors: readonly KafkaMirrorMaker2[]): string[] {
    const errors: string[] = [];
    const same = sameSide;
    // Mirrors of one estate: the charts of one Environment, or the plain charts of the app (the
    // environments of one app are alternatives, e.g. the examples).
    const estate = (m: KafkaMirrorMaker2) => Chart.of(m).node.scope;
    for (const other of mirrors.slice(0, mirrors.indexOf(this)).filter((m) => estate(m) === estate(this))) {
      const where = `KafkaMirrorMaker2 '${other.mirrorName}' at ${other.node.path}`;
      if (same(this.source, other.target) && same(this.target, other.source)) {
        const identity = this.replicationPolicy === MirrorReplicationPolicy.IDENTITY || other.replicationPolicy === MirrorReplicationPolicy.IDENTITY;
        const back = this.readsWhatWrites(other) ?? other.readsWhatWrites(this);
        if (identity && back !== undefined) {
          errors.push(propError(this.subject, 'replicationPolicy', `makes a loop with ${where}, which mirrors the other way: ${back}; with the identity policy MirrorMaker 2 cannot tell a mirrored topic from a local one (IdentityReplicationPolicy: no cycle detection), so every record goes around forever`, this.replicationPolicy,
            'use MirrorReplicationPolicy.PREFIXED on both (its alias prefix stops cycles), or mirror disjoint topics in each direction'));
        }
      }
      if (same(this.source, other.source) && same(this.target, other.target)) {
        const overlap = this.topicPatterns.flatMap((p) => other.topicPatterns.filter((q) => overlaps(p, q)).map((q) => `${describePattern(p)} and ${describePattern(q)}`))[0];
        if (overlap !== undefined) {
          errors.push(propError(this.subject, 'topics', `overlap the topics of ${where}, which mirrors from '${other.source.alias}' to '${other.target.alias}' too (${overlap}): both would write every record of them into the target`, this.topicPatterns.map(describePattern), 'mirror each topic once: drop it from one of them'));
        }
      }
      if (same(this.target, other.target) && !same(this.source, other.source)) {
        const theirs = other.writtenPatterns();
        const clash = this.writtenPatterns().flatMap((p) => theirs.filter((q) => overlaps(p, q)).map((q) => [p, q] as const))[0];
        if (clash !== undefined) {
          errors.push(propError(this.subject, 'topics', `write ${describePattern(clash[0])} from '${this.source.alias}' into '${this.target.alias}', where ${where} writes ${describePattern(clash[1])} from '${other.source.alias}': two sources' records would merge into one topic, and the checkpoints, which translate one source's offsets, would move consumers to the wrong records`, this.topicPatterns.map(describePattern),
            this.replicationPolicy === MirrorReplicationPolicy.IDENTITY
              ? "set replicationPolicy: MirrorReplicationPolicy.PREFIXED (each source's topics then carry its alias), or mirror each topic into the target from one source only"
              : 'mirror each topic into the target from one source only: drop it from one of them'));
        }
      }
      const [mine, theirs] = [this.target, other.target];
      const oneTarget = (mine.cluster !== undefined && mine.cluster === theirs.cluster) || mine.bootstrapServers === theirs.bootstrapServers
        || (mine.alias === theirs.alias && mine.cluster !== undefined && mine.cluster.clusterName === theirs.cluster?.clusterName);
      if (oneTarget) {
        const mine = [this.connectGroup, ...Object.values(this.connectTopics)];
        const shared = [other.connectGroup, ...Object.values(other.connectTopics)].find((n) => mine.includes(n));
        if (shared !== undefined) {
          errors.push(propError(this.subject, 'name', `gives its Connect group and topics the names of ${where}'s on the same target ('${shared}'): the two Connect clusters would join each other and share their connectors' state`, this.mirrorName, 'give each KafkaMirrorMaker2 on one target its own name'));
        } else {
          const theirs = Object.values(other.connectTopics);
          const collision = Object.values(this.connectTopics).flatMap((t) => theirs.filter((o) => topicNamesCollide(t, o)).map((o) => [t, o] as const))[0];
          if (collision !== undefined) {
            errors.push(propError(this.subject, 'name', `gives its Connect topic '${collision[0]}' a name that collides with '${collision[1]}' of ${where} on the same target: Kafka takes '.' and '_' as the same in topic names (metric names) and refuses to create the second (Topic.hasCollision), so the workers of one could not start`, collision[0],
              "rename the storage topics of one of them so that they differ in more than '.' against '_'"));
          }
        }
      }
    }
    return errors;
  }

  /** Whether MirrorMaker 2 writes the target topic `name`: the source topic it comes from (by the policy) is selected and not skipped. */
  private mirrors(name: string): boolean {
    const prefix = `${this.source.alias}${SEPARATOR}`;
    const candidates = [
      ...(this.replicationPolicy === MirrorReplicationPolicy.IDENTITY && !name.endsWith(HEARTBEATS_TOPIC) ? [name] : []),
      ...(name.startsWith(prefix) ? [name.slice(prefix.length)] : []),
    ];
    return candidates.some((source) => this.remoteName(source) === name && (source === HEARTBEATS_TOPIC ? this.replicateHeartbeats
      : this.skipReason(source) === undefined && this.topicPatterns.some((p) => matches(p, source))));
  }

  /** The names this mirror writes on the target, as patterns (the mirrored topics' by the policy, and heartbeats). */
  private writtenPatterns(): Pattern[] {
    return [...this.topicPatterns, ...(this.replicateHeartbeats ? [{ name: HEARTBEATS_TOPIC, prefix: false }] : [])].flatMap((p) => this.remotePatterns(p));
  }

  /**
   * Loops through three or more clusters, reported by the latest mirror of the loop: a name this
   * mirror writes, carried along the other mirrors (an identity mirror keeps it; a prefixed one
   * adds its source's alias, and skips a name that already carries its target's alias, as
   * MirrorSourceConnector.isCycle follows upstreamTopic), that comes back to the source and is
   * selected again. Two-cluster loops are problemsWithOthers'.
   */
  private loopProblems(mirrors: readonly KafkaMirrorMaker2[]): string[] {
    const same = sameSide;
    const estate = (m: KafkaMirrorMaker2) => Chart.of(m).node.scope;
    const others = mirrors.slice(0, mirrors.indexOf(this)).filter((m) => estate(m) === estate(this));
    if (others.length < 2) return [];
    type Carried = { pattern: Pattern; chain: readonly string[] };
    // Through mirror m: the names of `carried` it selects, as they are on its target.
    const through = (m: KafkaMirrorMaker2, carried: Carried): Carried[] => m.topicPatterns.flatMap((q) => {
      const hit = intersect(carried.pattern, q);
      if (hit === undefined || m.skipReason(hit.name, hit.prefix) !== undefined) return [];
      if (m.replicationPolicy === MirrorReplicationPolicy.IDENTITY) return [{ pattern: hit, chain: carried.chain }];
      if (carried.chain.includes(m.target.alias)) return [];
      const renamed = !hit.prefix && hit.name === '*' ? { name: `${m.source.alias}${SEPARATOR}`, prefix: true } : { name: `${m.source.alias}${SEPARATOR}${hit.name}`, prefix: hit.prefix };
      return [{ pattern: renamed, chain: [m.source.alias, ...carried.chain] }];
    });
    const walk = (at: MirrorMaker2Cluster, carried: Carried, path: readonly KafkaMirrorMaker2[]): KafkaMirrorMaker2[] | undefined => {
      for (const m of others) {
        if (path.includes(m) || !same(m.source, at)) continue;
        for (const next of through(m, carried)) {
          if (same(m.target, this.source)) {
            if (path.length > 0 && through(this, next).length > 0) return [...path, m];
            continue;
          }
          const found = walk(m.target, next, [...path, m]);
          if (found !== undefined) return found;
        }
      }
      return undefined;
    };
    for (const p of this.topicPatterns) {
      const start: Carried = this.replicationPolicy === MirrorReplicationPolicy.IDENTITY ? { pattern: p, chain: [] } : { pattern: this.remotePatterns(p)[0], chain: [this.source.alias] };
      const loop = walk(this.target, start, []);
      if (loop === undefined) continue;
      const all = [this, ...loop];
      const route = [this.source.alias, ...all.map((m) => m.target.alias)].join(' → ');
      const identity = all.filter((m) => m.replicationPolicy === MirrorReplicationPolicy.IDENTITY);
      const names = loop.map((m) => `KafkaMirrorMaker2 '${m.mirrorName}' at ${m.node.path}`).join(', ');
      const how = identity.length === all.length
        ? 'keeping its name at every step (the identity policy: MirrorMaker 2 cannot tell a mirrored topic from a local one)'
        : 'with a longer name each round that the topics still select (no alias in it is the target of the prefixed mirror that reads it, so MirrorSourceConnector.isCycle finds none)';
      return [propError(this.subject, identity.includes(this) ? 'replicationPolicy' : 'topics', `makes a loop through ${all.length} clusters with ${names}: ${describePattern(p)} goes ${route} and is mirrored again, ${how}, so every record goes around forever`,
        identity.includes(this) ? this.replicationPolicy : this.topicPatterns.map(describePattern),
        `drop the topic from one mirror of the loop, or set replicationPolicy: MirrorReplicationPolicy.PREFIXED on ${identity.map((m) => `'${m.mirrorName}'`).join(', ')} (with every mirror of the loop prefixed, isCycle stops it)`)];
    }
    return [];
  }

  /**
   * KafkaTopics of the app on the topics this mirror writes (the mirrored names on the target, the
   * checkpoints, offset-syncs and Connect topics): the Topic Operator would fight MirrorMaker 2's
   * CreatePartitions and AlterConfigs (or its compacted internal topics), and local writes would
   * mix with mirrored ones.
   */
  private managedTopicProblems(): string[] {
    // A cluster known only by its address is none of the app's.
    const sameCluster = (a: IKafkaCluster, b: IKafkaCluster | undefined) => b !== undefined
      && (a === b || (a.clusterName === b.clusterName && a.namespace === b.namespace && differentKubernetesClusters(a, b) === undefined));
    const onSource = this.offsetSyncsTopicLocation === OffsetSyncsTopicLocation.SOURCE;
    const topics = Chart.of(this).node.scope!.node.findAll().filter((c): c is KafkaTopic => c instanceof KafkaTopic);
    const errors: string[] = [];
    const storageProps: Record<string, string> = { [this.connectTopics.config]: 'configStorageTopic', [this.connectTopics.offset]: 'offsetStorageTopic', [this.connectTopics.status]: 'statusStorageTopic' };
    for (const topic of topics) {
      const onTarget = sameCluster(topic.cluster, this.target.cluster);
      if (!onTarget && !(onSource && this.offsetSyncsTopic !== undefined && sameCluster(topic.cluster, this.source.cluster))) continue;
      const name = topic.topicName;
      const managed = `KafkaTopic '${name}' at ${topic.node.path}`;
      // Names that collide with the topics MirrorMaker 2 and its workers create there ('.' against '_'): Kafka refuses the second.
      const own = [...(onTarget ? [...Object.values(this.connectTopics), ...(this.checkpointsTopic ? [this.checkpointsTopic] : [])] : []),
        ...(this.offsetSyncsTopic !== undefined && (onSource ? sameCluster(topic.cluster, this.source.cluster) : onTarget) ? [this.offsetSyncsTopic] : [])];
      const collides = own.find((t) => topicNamesCollide(t, name));
      if (collides !== undefined) {
        errors.push(propError(this.subject, storageProps[collides] ?? (collides === this.checkpointsTopic ? 'source' : 'offsetSyncsTopicLocation'),
          `makes MirrorMaker 2 create ${collides}, which collides with ${managed}: Kafka takes '.' and '_' as the same in topic names (metric names) and refuses to create the second (Topic.hasCollision), so ${storageProps[collides] !== undefined ? 'the workers could not start' : 'MirrorMaker 2 could not create it'}`, collides,
          storageProps[collides] !== undefined ? `rename that KafkaTopic or ${storageProps[collides]} so that they differ in more than '.' against '_'` : "rename that KafkaTopic so that it differs in more than '.' against '_'"));
        continue;
      }
      const drop = 'drop that KafkaTopic (MirrorMaker 2 creates the topic itself)';
      if (onTarget) {
        const written = this.writtenPatterns().find((p) => matches(p, name) && this.mirrors(name));
        if (written !== undefined) {
          const prefixedName = `${this.source.alias}${SEPARATOR}${name}`;
          const prefixedFree = this.replicationPolicy === MirrorReplicationPolicy.IDENTITY && !topics.some((t) => t.topicName === prefixedName && sameCluster(t.cluster, this.target.cluster));
          errors.push(propError(this.subject, 'topics', `write ${name} into '${this.target.alias}', which ${managed} manages there: MirrorMaker 2's CreatePartitions and AlterConfigs would fight the Topic Operator, and the target's own writes would mix with the mirrored records`, describePattern(written),
            `${drop}, or mirror another topic${prefixedFree ? ` (or set replicationPolicy: MirrorReplicationPolicy.PREFIXED, which writes '${prefixedName}')` : ''}`));
          continue;
        }
        const connect = Object.values(this.connectTopics).includes(name) || name === this.checkpointsTopic || (!onSource && name === this.offsetSyncsTopic);
        if (!connect) continue;
      } else if (name !== this.offsetSyncsTopic) {
        continue;
      }
      errors.push(propError(this.subject, Object.values(this.connectTopics).includes(name) ? 'name' : name === this.checkpointsTopic ? 'source' : 'offsetSyncsTopicLocation',
        `makes MirrorMaker 2 use ${name}, ${Object.values(this.connectTopics).includes(name) ? 'a topic of its Connect workers' : 'one of its internal topics'}, which ${managed} manages: MirrorMaker 2 and Connect create it compacted and write their state to it, the Topic Operator would change it under them`, name,
        Object.values(this.connectTopics).includes(name) ? `${drop}, or give this KafkaMirrorMaker2 another name` : drop));
    }
    return errors;
  }

  /**
   * Which topic `other` (mirroring the opposite way) reads from the cluster this mirror writes to,
   * among those this one writes there, in words; undefined when none.
   */
  private readsWhatWrites(other: KafkaMirrorMaker2): string | undefined {
    for (const written of this.topicPatterns.flatMap((p) => this.remotePatterns(p))) {
      const read = other.topicPatterns.find((q) => overlaps(written, q) && other.skipReason(written.name, written.prefix) === undefined);
      if (read !== undefined) {
        return `this one writes ${describePattern(written)} into '${this.target.alias}', which it reads (${describePattern(read)}) and mirrors back into '${this.source.alias}'`;
      }
    }
    return undefined;
  }
}

/**
 * Whether two sides of mirrors are one cluster: one construct, one alias (aliases name clusters
 * across an estate's mirrors), or one bootstrap address.
 */
function sameSide(a: MirrorMaker2Cluster, b: MirrorMaker2Cluster): boolean {
  return (a.cluster !== undefined && a.cluster === b.cluster) || a.alias === b.alias || a.bootstrapServers === b.bootstrapServers;
}

/** A Kafka Connect `group.id`, checked: not empty, on one line (Strimzi writes it into the worker's properties file). */
function checkGroupId(subject: Subject, prop: string, groupId: string): void {
  if (typeof groupId !== 'string' || groupId.trim() === '' || /[\u0000-\u001f\u007f]/.test(groupId)) {
    throwPropError(subject, prop, "must be a consumer group id on one line: Strimzi writes it into the Connect workers' properties file as group.id", groupId, "use e.g. 'east-to-west-group'");
  }
}

/** Throws unless `cluster` is an IKafkaCluster. */
function checkCluster(factory: string, cluster: IKafkaCluster): void {
  if (!(cluster instanceof Construct) || !Array.isArray((cluster as Partial<IKafkaCluster>).allListeners)) {
    throwFactoryError(factory, 'cluster', 'must be a KafkaCluster', cluster, 'pass the KafkaCluster construct, or KafkaCluster.fromClusterAttributes() for one made elsewhere');
  }
}

/** The listener named `name`, or the first that `fits`; throws unless it fits. */
function pickListener(factory: string, cluster: IKafkaCluster, name: string | undefined, fits: (l: KafkaListener) => boolean, what: string, fix: string): KafkaListener {
  const at = `KafkaCluster '${cluster.clusterName}' at ${cluster.node.path}`;
  if (name !== undefined && !cluster.allListeners.some((l) => l.name === name)) {
    throwFactoryError(factory, 'listener', `is not a listener of ${at} (it has ${cluster.allListeners.map((l) => l.name).join(', ') || 'none'})`, name, 'name one of them, or leave it unset');
  }
  const listener = cluster.allListeners.find((l) => (name === undefined ? fits(l) : l.name === name));
  if (listener === undefined || !fits(listener)) {
    throwFactoryError(factory, 'listener', listener === undefined ? `finds no listener of ${at} that ${what}` : `'${listener.name}' of ${at} is not one that ${what}`, name, fix);
  }
  return listener;
}


/** Throws unless the names of the copied Secrets are Secret names, two different ones. */
function checkCopyNames(factory: string, options: MirrorClusterOptions): void {
  if (options.caSecretName !== undefined) checkFactoryName(factory, 'caSecretName', options.caSecretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret in MirrorMaker 2\'s namespace', example: 'east-kafka-ca' });
  if (options.userSecretName !== undefined) checkFactoryName(factory, 'userSecretName', options.userSecretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret in MirrorMaker 2\'s namespace', example: 'east-mirror-user' });
  if (options.caSecretName !== undefined && options.caSecretName === options.userSecretName) {
    throwFactoryError(factory, 'userSecretName', 'is caSecretName too: one Secret cannot hold both the copy of the CA and the copy of the user\'s credentials (the runbook would copy one over the other)', options.userSecretName, "give each copy its own name, or leave userSecretName unset for the default '<mirror name>-<source|target>-user'");
  }
}

/** The alias, checked: a topic-name fragment without the separator. */
function checkAlias(factory: string, alias: string, cluster: string): string {
  if (typeof alias !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(alias)) {
    throwFactoryError(factory, 'alias', `must be 1-64 letters, digits, '_' and '-' (no '.', the replication policy's separator: DefaultReplicationPolicy.topicSource splits at the first '.'), for cluster '${cluster}'`, alias, "use e.g. 'east'");
  }
  return alias;
}

/**
 * Throws unless the user MirrorMaker 2 authenticates as fits: `userName` a KafkaUser name (and a
 * certificate's common name for a tls listener), or `user` a KafkaUser of the cluster with the
 * listener's authentication and a Secret Strimzi can read; not both.
 */
function checkUser(factory: string, cluster: IKafkaCluster, listener: KafkaListener, options: MirrorClusterOptions): void {
  const { user, userName } = options;
  const listenerType = listener.authentication.type;
  if (user !== undefined && userName !== undefined) {
    throwFactoryError(factory, 'userName', `is set with user '${user.userName}': the construct makes no user when given one`, userName, 'drop userName (the given user keeps its name), or drop user to have one made');
  }
  if ((user !== undefined || userName !== undefined) && listenerType === undefined) {
    throwFactoryError(factory, user !== undefined ? 'user' : 'userName', `is set, but listener '${listener.name}' of KafkaCluster '${cluster.clusterName}' has no authentication: MirrorMaker 2 connects as User:ANONYMOUS`, user?.userName ?? userName,
      'drop it, or use a listener with scram-sha-512 or tls authentication');
  }
  if (userName !== undefined) {
    checkFactoryName(factory, 'userName', userName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaUser and its Secret', example: 'mirror-maker' });
    // Strimzi KafkaUserModel.validateTlsUsername: a tls user is a certificate's CN (RFC 5280 ub-common-name: 64).
    if (listenerType === ListenerAuthenticationType.TLS && userName.length > 64) {
      throwFactoryError(factory, 'userName', `is longer than 64 characters, the most an X.509 common name holds (listener '${listener.name}' authenticates with tls: the user is CN=<name>)`, userName, 'shorten it');
    }
  }
  if (user === undefined) return;
  if (!(user instanceof KafkaUser)) throwFactoryError(factory, 'user', 'must be a KafkaUser', user, 'pass the KafkaUser MirrorMaker 2 authenticates as, e.g. cluster.addUser(...)');
  const other = user.cluster;
  const same = other === cluster || (other.clusterName === cluster.clusterName && other.namespace === cluster.namespace && differentKubernetesClusters(other, cluster) === undefined);
  if (!same) {
    throwFactoryError(factory, 'user', `is a user of cluster '${other.clusterName}' (${other.node.path}), not of '${cluster.clusterName}' (${cluster.node.path}): only that cluster's user operator gives it credentials there`, user.userName, `pass a KafkaUser of '${cluster.clusterName}'`);
  }
  if (user.authentication.type === UserAuthenticationType.TLS_EXTERNAL) {
    throwFactoryError(factory, 'user', "is a tls-external user: its certificate is issued outside Strimzi, so there is no Secret of the user operator's for MirrorMaker 2 to read", user.userName,
      'use a UserAuthentication.tls() or scramSha512() user, or MirrorMaker2Cluster.fromAddress() with MirrorMaker2Authentication.tls() and your certificate\'s Secret');
  }
  if (user.authentication.listenerAuthentication !== listenerType) {
    throwFactoryError(factory, 'user', `authenticates with ${user.authentication.type}, but listener '${listener.name}' of KafkaCluster '${cluster.clusterName}' authenticates clients with ${listenerType}`, user.userName,
      `give the user UserAuthentication.${listenerType === ListenerAuthenticationType.TLS ? 'tls()' : 'scramSha512()'}, or name a listener that takes ${user.authentication.type}`);
  }
}

/** Throws unless MirrorMaker 2 can authenticate the way the listener does, as a KafkaUser of the cluster. */
function checkAuthentication(factory: string, cluster: IKafkaCluster, listener: KafkaListener): void {
  const type = listener.authentication.type;
  if (type === ListenerAuthenticationType.CUSTOM) {
    throwFactoryError(factory, 'listener', `'${listener.name}' of KafkaCluster '${cluster.clusterName}' authenticates with a custom mechanism, for which no KafkaUser holds credentials`, listener.name, 'use a listener with scram-sha-512 or tls authentication');
  }
  if (type === undefined && cluster.authorization?.type !== undefined && superUserEntry(cluster.authorization, ANONYMOUS) === undefined) {
    throwFactoryError(factory, 'listener', `'${listener.name}' of KafkaCluster '${cluster.clusterName}' has no authentication, but the cluster has ${cluster.authorization._describe()} authorization: MirrorMaker 2 would be User:ANONYMOUS, which no KafkaUser grants`, listener.name, 'use a listener with scram-sha-512 or tls authentication');
  }
  if (type === undefined && cluster.authorization === undefined) {
    throwFactoryError(factory, 'listener', `'${listener.name}' of KafkaCluster '${cluster.clusterName}' has no authentication, and the cluster's authorization is not known: MirrorMaker 2 would be User:ANONYMOUS, which no KafkaUser grants`, listener.name, 'use a listener with scram-sha-512 or tls authentication, or declare authorization: KafkaAuthorization.none() if it has none');
  }
}

/** A whole number >= `min`, or a prop error. */
function wholeNumber(subject: Subject, prop: string, value: number, min: number, fix: string): number {
  if (!Number.isInteger(value) || value < min) throwPropError(subject, prop, `must be a whole number >= ${min}`, value, fix);
  return value;
}

/** A pattern as MirrorMaker 2's regular expression (java.util.regex, matched whole: DefaultTopicFilter, DefaultGroupFilter). */
function toRegex(p: Pattern): string {
  if (!p.prefix && p.name === '*') return '.*';
  // Letters, digits, '_' and '-' stand for themselves; other printable ASCII is escaped with a
  // backslash (always a literal in Java before a non-letter); the rest, and ',' (Kafka splits a
  // LIST at commas before compiling, MirrorUtils.compilePatternList) and spaces, as \x{…}.
  const escaped = [...p.name].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : /[!-~]/.test(c) && c !== ',' ? `\\${c}` : `\\x{${c.codePointAt(0)!.toString(16)}}`)).join('');
  return p.prefix ? `${escaped}.*` : escaped;
}

/** An entry of topicsExclude or groupsExclude: a name or prefix (escaped), or a regular expression. */
interface Exclusion {
  /** Where it was given, e.g. `topicsExclude[0]`. */
  readonly prop: string;
  readonly pattern?: Pattern;
  readonly regex?: RegExp;
  /** As rendered into the exclude pattern. */
  readonly rendered: string;
}

/**
 * What MirrorMaker 2 must never mirror, kept in every rendered `topics.exclude`: `__.*` (Kafka's
 * internal topics, `__consumer_offsets`, `__transaction_state`; the workers' default topics),
 * the offset-syncs topics (`mm2-offset-syncs.<alias>.internal`: ReplicationPolicy.offsetSyncsTopic,
 * in Kafka 4.x's TOPICS_EXCLUDE_DEFAULT as `mm2.*\.internal`) and the checkpoints topics
 * (`<alias>.checkpoints.internal`: ReplicationPolicy.checkpointsTopic).
 */
const ALWAYS_EXCLUDED_TOPICS = ['__.*', 'mm2.*\\.internal', '.*\\.checkpoints\\.internal'];
/** Groups kept excluded in every rendered `groups.exclude` (GROUPS_EXCLUDE_DEFAULT's `__.*`). */
const ALWAYS_EXCLUDED_GROUPS = ['__.*'];
/** Names a regular expression is tried on to tell whether it takes every name (or every name of a prefix). */
const PROBES = ['a', '0', 'Orders.EU-1_x', 'z'.repeat(200)];

/** Whether an exclusion takes every name of a pattern (for a regular expression: every probe name). */
function covers(e: Exclusion, p: Pattern): boolean {
  const all = !p.prefix && p.name === '*';
  if (e.pattern !== undefined) {
    if (!e.pattern.prefix && e.pattern.name === '*') return true;
    if (all) return false;
    if (!p.prefix) return matches(e.pattern, p.name);
    return e.pattern.prefix && p.name.startsWith(e.pattern.name);
  }
  const regex = e.regex!;
  if (all) return PROBES.every((x) => regex.test(x));
  if (!p.prefix) return regex.test(p.name);
  return PROBES.every((x) => regex.test(p.name + x));
}

/** Whether a name matches a pattern (literal `*`: every name). */
function matches(p: Pattern, name: string): boolean {
  return p.prefix ? name.startsWith(p.name) : p.name === '*' || p.name === name;
}

/** Whether two patterns have a name in common. */
function overlaps(a: Pattern, b: Pattern): boolean {
  if ((!a.prefix && a.name === '*') || (!b.prefix && b.name === '*')) return true;
  if (a.prefix && b.prefix) return a.name.startsWith(b.name) || b.name.startsWith(a.name);
  if (a.prefix) return b.name.startsWith(a.name);
  if (b.prefix) return a.name.startsWith(b.name);
  return a.name === b.name;
}

/** The names two patterns have in common, as a pattern; undefined when none. */
function intersect(a: Pattern, b: Pattern): Pattern | undefined {
  if (!a.prefix && a.name === '*') return b;
  if (!b.prefix && b.name === '*') return a;
  if (!a.prefix && !b.prefix) return a.name === b.name ? a : undefined;
  if (!a.prefix) return a.name.startsWith(b.name) ? a : undefined;
  if (!b.prefix) return b.name.startsWith(a.name) ? b : undefined;
  return a.name.startsWith(b.name) ? a : b.name.startsWith(a.name) ? b : undefined;
}

function describePattern(p: Pattern): string {
  return p.prefix ? `${p.name}*` : p.name;
}

function dedupe(patterns: readonly Pattern[]): Pattern[] {
  return [...new Map(patterns.map((p) => [`${p.prefix}|${p.name}`, p])).values()];
}

/** Connector keys the construct writes from its props, by the prop. */
const SOURCE_OWNED: Readonly<Record<string, string>> = {
  'topics': 'topics',
  'replication.policy.class': 'replicationPolicy',
  'replication.factor': 'replicationFactor',
  'heartbeats.replication.enabled': 'replicateHeartbeats',
  'offset-syncs.topic.location': 'offsetSyncsTopicLocation',
  'offset-syncs.topic.replication.factor': 'internalTopicReplicationFactor',
  'emit.offset-syncs.enabled': 'checkpoints',
};
const CHECKPOINT_OWNED: Readonly<Record<string, string>> = {
  'topics': 'topics',
  'groups': 'groups',
  'replication.policy.class': 'replicationPolicy',
  'checkpoints.topic.replication.factor': 'internalTopicReplicationFactor',
  'offset-syncs.topic.location': 'offsetSyncsTopicLocation',
  'sync.group.offsets.enabled': 'syncGroupOffsets',
  'emit.checkpoints.enabled': 'checkpoints',
  'emit.offset-syncs.enabled': 'checkpoints',
};
const CONNECT_OWNED: Readonly<Record<string, string>> = {
  'config.storage.replication.factor': 'internalTopicReplicationFactor',
  'offset.storage.replication.factor': 'internalTopicReplicationFactor',
  'status.storage.replication.factor': 'internalTopicReplicationFactor',
};

/** Keys refused because the derived names or ACLs depend on them, with why. */
const FIXED: Readonly<Record<string, string>> = {
  'replication.policy.separator': "targetTopicName() and the target's ACLs assume the policies' '.'",
  'replication.policy.internal.topic.separator.enabled': "the internal topics' names and ACLs assume the policies' '.'",
  'topic.filter.class': 'the ACLs are derived from the default filter and the topics prop',
  'group.filter.class': 'the ACLs are derived from the default filter and the groups prop',
  'sync.topic.acls.enabled': "the user operator owns the users' ACLs; syncing them would need Describe on the source cluster and Alter on the target's (MirrorSourceConnector.syncTopicAcls)",
  'exactly.once.source.support': "Connect's exactly-once source support needs transactional-id ACLs, which the target user is not granted",
};

/** Fixed keys that may be given with the value the construct writes itself. */
const FIXED_VALUES: Readonly<Record<string, string>> = {
  'sync.topic.acls.enabled': 'false',
};

/** Every key the construct writes, by the prop, whichever config it belongs in. */
const ANY_OWNED: Readonly<Record<string, string>> = { ...SOURCE_OWNED, ...CHECKPOINT_OWNED, ...CONNECT_OWNED };

/**
 * Keys refused because they change, behind the props' back, what the construct derives: which
 * topics and groups are mirrored (the ACLs and targetTopicName() follow the topics and groups
 * props), with the prop to use instead.
 */
const CONTRADICTS: Readonly<Record<string, { readonly why: string; readonly fix: string }>> = {
  'topics.exclude': {
    why: "it changes which topics are mirrored (DefaultTopicFilter) behind the props' back, and replaces Kafka's default exclusions (MirrorMaker 2's internal topics among them)",
    fix: "use the topicsExclude prop instead (rendered as Strimzi's topicsExcludePattern, keeping Kafka's default exclusions), or name only the topics to mirror in topics",
  },
  'groups.exclude': {
    why: "it changes which groups are checkpointed (DefaultGroupFilter) behind the props' back, and replaces Kafka's default exclusions",
    fix: "use the groupsExclude prop instead (rendered as Strimzi's groupsExcludePattern, keeping Kafka's default exclusions), or name only the groups to fail over in groups",
  },
};

/**
 * Checkpoint connector intervals that a value below 1 turns off or breaks, by the prop that turns
 * the task off, with what Kafka 4.3.1 does with a negative one.
 */
const INTERVALS: Readonly<Record<string, { readonly prop: 'checkpoints' | 'syncGroupOffsets'; readonly what: string; readonly negative: string; readonly zero: string }>> = {
  'emit.checkpoints.interval.seconds': {
    prop: 'checkpoints', what: 'checkpoints',
    negative: 'MirrorCheckpointConnector.taskConfigs starts no task when MirrorCheckpointConfig.emitCheckpointsInterval is negative',
    zero: 'the task would poll without pause',
  },
  'sync.group.offsets.interval.seconds': {
    prop: 'syncGroupOffsets', what: 'the group offset syncs',
    negative: 'MirrorCheckpointTask schedules them with Scheduler.scheduleRepeating, which skips a negative interval',
    zero: 'ScheduledExecutorService.scheduleAtFixedRate refuses a period of 0',
  },
};

/** Connector options Strimzi sets itself (`AbstractConnectorSpec.FORBIDDEN_PARAMETERS`). */
const STRIMZI_CONNECTOR_OPTIONS = ['name', 'connector.class', 'tasks.max', 'connector.plugin.version'];
/** Worker options Strimzi refuses (`KafkaMirrorMaker2ClusterSpec.FORBIDDEN_PREFIXES`), and its exceptions (connect-worker-config.ts). */
const STRIMZI_WORKER_EXCEPTIONS = MIRROR_MAKER2_FORBIDDEN.exceptions;
/** Client prefixes of connector config (MirrorConnectorConfig: `consumer.`, `source.consumer.`, … and Connect's `*.override.`), by client. */
const CLIENT_PREFIXES: ReadonlyArray<readonly [string, ConfigSet]> = [
  ...(['consumer', 'producer', 'admin'] as const).map((client) => [`${client}.override.`, client] as const),
  ...['source.', 'target.', ''].flatMap((side) => (['consumer', 'producer', 'admin'] as const).map((client) => [`${side}${client}.`, client] as const)),
];

/** What a config override is checked against: the Kafka version, and the props that decide whether a key is used. */
interface MirrorConfigContext {
  readonly version: string;
  readonly checkpoints: boolean;
  readonly syncGroupOffsets: boolean;
}

/** Where a key of the other connector (or, given to the workers, of a connector) belongs: its set and the fix. */
function connectorHome(set: ConfigSet, key: string, model: string, checkpoints: boolean): { set: ConfigSet; fix: string } | undefined {
  const homes: Array<[ConfigSet, string]> = [['mirror-source', 'sourceConnectorConfig'], ['mirror-checkpoint', 'checkpointConnectorConfig']];
  const home = homes.find(([s]) => s !== set && configDefinitions(s, model).has(key));
  if (home === undefined) return undefined;
  return { set: home[0], fix: home[0] === 'mirror-checkpoint' && !checkpoints ? 'turn checkpoints on and set it in checkpointConnectorConfig, or remove it' : `set it in ${home[1]} instead` };
}

/**
 * Checks a config override of a connector (`mirror-source`, `mirror-checkpoint`) or of the Connect
 * workers (`connect`) and returns it: a plain object; no key the construct derives (in any of the
 * three configs), Strimzi sets or refuses, the ACLs depend on, or that contradicts the props
 * (topics.exclude, groups.exclude, a checkpoint interval below 1, a transactional producer); each
 * key one Kafka version defines for the set (a key of the other connector is sent there), or a
 * client's key under a client prefix (`consumer.`, `source.admin.`, …), or a `transforms.` /
 * `predicates.` key of a connector; each value of the type and range Kafka's model says, on one line.
 */
function checkMirrorConfig(subject: Subject, prop: string, config: Record<string, string | number | boolean> | undefined, set: ConfigSet, context: MirrorConfigContext, owned: Readonly<Record<string, string>>): Record<string, string | number | boolean> {
  if (config === undefined) return {};
  if (typeof config !== 'object' || config === null || Array.isArray(config) || (Object.getPrototypeOf(config) !== Object.prototype && Object.getPrototypeOf(config) !== null)) {
    throwPropError(subject, prop, 'must be a plain object of Kafka configuration options', config, "pass an object literal, e.g. { 'refresh.topics.interval.seconds': 60 }");
  }
  const model = modelVersion(context.version);
  const connector = set !== 'connect';
  for (const [key, value] of Object.entries(config)) {
    const at = `${prop}[${/^[\w.-]+$/.test(key) ? `'${key}'` : JSON.stringify(key)}]`;
    const fail = (problem: string, fix: string): never => throwPropError(subject, at, problem, value, fix);
    if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) fail('must not contain a line break or other control character: Strimzi writes it into a properties file, where the rest would become keys of its own', 'give the value on one line');
    const definition = configDefinitions(set, model).get(key);
    // A key the construct writes, here or (given in the wrong config) in another: its prop, directly.
    const by = owned[key] ?? (definition === undefined ? ANY_OWNED[key] : undefined);
    if (by !== undefined) fail(`is set by the construct from its ${by} prop${owned[key] === undefined ? ' (in the connectors\' config, where it belongs)' : ''}`, `set ${by} instead`);
    // A fixed key may restate the construct's own value (Strimzi's examples set sync.topic.acls.enabled: "false").
    const kept = FIXED_VALUES[key];
    if (FIXED[key] !== undefined && !(kept !== undefined && String(value).trim().toLowerCase() === kept)) {
      fail(`cannot be changed: ${FIXED[key]}`, kept === undefined ? 'remove it' : `remove it, or set it to ${kept} (the construct's value)`);
    }
    if (CONTRADICTS[key] !== undefined) fail(`is refused: ${CONTRADICTS[key].why}`, CONTRADICTS[key].fix);
    if (connector && STRIMZI_CONNECTOR_OPTIONS.includes(key)) fail('is set by Strimzi (AbstractConnectorSpec.FORBIDDEN_PARAMETERS)', key === 'tasks.max' ? 'use the tasksMax prop' : 'remove it');
    if (connector && (key.startsWith('source.cluster.') || key.startsWith('target.cluster.'))) fail("is written by Strimzi from the source and target clusters (KafkaMirrorMaker2Connectors), and would override their connection", 'set the listener on MirrorMaker2Cluster.local() or .remote()');
    if (!connector) {
      const prefix = strimziForbiddenPrefix(key, MIRROR_MAKER2_FORBIDDEN);
      if (prefix !== undefined) fail(`is managed by Strimzi (options starting with '${prefix}' are refused: ${MIRROR_MAKER2_FORBIDDEN.source})`, 'remove it; the listener and user set the connection');
    }
    if (definition !== undefined) {
      const issue = configValueIssue(key, definition, value);
      if (issue !== undefined) fail(issue.problem, issue.fix);
      const interval = INTERVALS[key];
      if (set === 'mirror-checkpoint' && interval !== undefined && Number(value) < 1) {
        const fix = interval.prop === 'syncGroupOffsets' && !context.syncGroupOffsets
          ? 'remove it: syncGroupOffsets is false already, so the interval is not used'
          : `to turn ${interval.what} off, set ${interval.prop}: false instead; else give the interval in seconds, e.g. 60 (the default)`;
        fail(`must be at least 1 second: a negative interval turns ${interval.what} off behind the ${interval.prop} prop (${interval.negative}), while the ACLs and the consumers who fail over count on them; at 0 ${interval.zero}`, fix);
      }
      continue;
    }
    if (connector && (key.startsWith('transforms.') || key.startsWith('predicates.'))) continue;
    const client = (connector ? CLIENT_PREFIXES : WORKER_CLIENT_PREFIXES).find(([p]) => key.startsWith(p));
    if (client !== undefined) {
      const rest = key.slice(client[0].length);
      if (/^(ssl|sasl|security)\./.test(rest) && !STRIMZI_WORKER_EXCEPTIONS.includes(rest)) fail(`would override the ${rest.split('.')[0]} settings Strimzi writes from the listener and user`, 'remove it');
      // The clients would dial another cluster than the one the construct wires (and grants).
      if (rest === 'bootstrap.servers') fail('would point these clients at another cluster than the one Strimzi connects them to (the source or target of the mirror)', 'remove it: the clusters come from source and target');
      if (client[1] === 'producer' && rest === 'transactional.id') {
        fail("is not supported: a transactional producer needs TransactionalId ACLs (Write and Describe on the id: InitProducerId, AddPartitionsToTxn, EndTxn), which the construct does not grant the target user, and MirrorMaker 2 writes without transactions (exactly.once.source.support is refused too)", 'remove it');
      }
      const issue = workerClientIssue(model, client[1], client[0], rest, value, 'refuse');
      if (issue !== undefined) fail(issue.problem, issue.fix);
      continue;
    }
    // An option of the other connector (or, given to the workers, of a connector): where it belongs.
    const home = connectorHome(set, key, model, context.checkpoints);
    if (home !== undefined) {
      fail(`is a ${CONFIG_SET_NAMES[home.set]} key, not a ${CONFIG_SET_NAMES[set]} key: Kafka ignores it here (it only logs an unused key)`, home.fix);
    }
    const issue = unknownKeyIssue(set, model, key, 'Kafka ignores it (it only logs an unused key), so it would do nothing', 'remove it');
    fail(issue.problem, issue.fix);
  }
  return { ...config };
}

