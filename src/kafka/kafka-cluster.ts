import { checkArgs, constructId } from '../core/props';
import { Chart, Size, SizeRoundingBehavior } from 'cdk8s';
import { ContainerResources, Cpu } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass, EVERY_LISTENER, secretRef, serviceRef } from '../core/consistency';
import { PodSecurityLevel } from '../policy/pod-security';
import { propError, Subject, throwFactoryError, throwPropError } from '../core/errors';
import { addGatewayListener, ExternalListenerOptions } from '../gateway/external-listener';
import { serviceHost, StrimziNames } from '../core/names';
import { checkName, checkNamespace, labelKeyProblem, NameFormat } from '../core/naming';
import { lazy } from '../core/lazy';
import { compact } from '../core/objects';
import { javaClassNameProblem } from '../core/java';
import { MAX_QUANTITY_BYTES, sizeProblem } from '../core/units';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/security';
import { DEFAULT_KAFKA_VERSION, KAFKA_METADATA_VERSIONS, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { spreadOverNodesAndZones } from '../core/workload';
import { checkBrokerConfig, checkPluginConfig, DURABLE_BROKER_CONFIG, replicationProblems } from './broker-config';
import { KafkaListener, KafkaListenerOptions, ListenerAuthentication, ListenerAuthenticationType, ListenerType } from './listener';
import { checkListener, listenerBrokerProblems } from './listener-rules';
import { KafkaMetrics } from './metrics';
import { autoRebalanceSpec, checkCruiseControlConfig, checkGoals, cpuCapacity, cruiseControlConfigProblems, CruiseControlGoalSettings, CruiseControlOptions, goalSettingProblems, networkCapacity, qualifiedGoal, rebalanceGoalProblems, resolveGoals } from './cruise-control';
import { CRUISE_CONTROL_RULES } from './metrics-rules';
import { KafkaRebalance, KafkaRebalanceOptions } from './rebalance';
import { KafkaNodePool, KafkaNodePoolOptions, NodeIdRange, NodeRole, INodePoolParent } from './node-pool';
import { KafkaTopic, KafkaTopicOptions } from './topic';
import { Acl, AclRule, KafkaUser, KafkaUserOptions } from './user';
import { ANONYMOUS, everyoneAllowedWithoutAcl, superUserEntry, type GrantReadOptions, type GrantReadWriteOptions, type GrantWriteOptions } from './grants';
import { checkClusterTieredStorage, TieredStorage } from './tiered-storage';
import { addZonePools, KafkaZonedNodeOptions, KafkaZonePoolsOptions, zoneProblems } from './zones';
import { ImportedKafkaCluster, KafkaClusterAttributes } from './imported-cluster';
import { KafkaClusterBase } from './cluster-base';
import { AdditionalVolume, AdditionalVolumeMount, podVolumeProblems, podVolumesOf, renderMount } from './additional-volume';

/** How strict the durability and availability checks are. */
export enum ClusterProfile {
  /** 3+ brokers, an odd quorum of 3+ controllers, RF 3 / min ISR 2, persistent storage. */
  PRODUCTION = 'production',
  /**
   * A throwaway cluster (a laptop, a CI run): one controller, one or two brokers and ephemeral
   * storage are allowed, and replication defaults shrink to the broker count. Says so in an
   * annotation on the Kafka resource.
   */
  DEVELOPMENT = 'development',
}

/** Strimzi's authorization types (`spec.kafka.authorization.type`). */
export enum AuthorizationType {
  /** Kafka's ACL authorizer (`org.apache.kafka.metadata.authorizer.StandardAuthorizer`). */
  SIMPLE = 'simple',
  /** An authorizer class of your own (Keycloak's, OPA's, …) on the brokers' classpath. */
  CUSTOM = 'custom',
}

/** Options of {@link KafkaAuthorization.custom}. */
export interface CustomAuthorizationOptions {
  /**
   * The authorizer's fully qualified Java class, on the brokers' classpath, implementing
   * `org.apache.kafka.server.authorizer.Authorizer` (Strimzi writes it as `authorizer.class.name`:
   * `KafkaBrokerConfigurationBuilder.configureCustomAuthorization`), e.g.
   * `io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer` (in Strimzi's Kafka image). Its own
   * settings go in the cluster's `config` (e.g. `strimzi.authorization.token.endpoint.uri`).
   */
  readonly authorizerClass: string;
  /**
   * Principals allowed everything without asking the authorizer, e.g. `CN=admin` (a TLS user) or
   * `admin` (a SCRAM user); Strimzi writes each as `User:<principal>` into `super.users`, with its own
   * components' principals.
   * @default - none besides Strimzi's own
   */
  readonly superUsers?: string[];
  /**
   * Whether the authorizer supports the Kafka Admin API for ACLs (`createAcls`, `deleteAcls`,
   * `describeAcls`), as `KeycloakAuthorizer` does when it delegates to Kafka's ACLs
   * (`strimzi.authorization.delegate.to.kafka.acl: true`). Strimzi's User Operator writes
   * KafkaUsers' ACL rules only then, and otherwise refuses a KafkaUser that has any ("Simple
   * authorization ACL rules are configured but not supported in the Kafka cluster configuration":
   * `KafkaUserModel.fromCrd`, from `KafkaAuthorizationCustom.supportsAdminApi`); so do the
   * library's ACLs and grants. Whether the authorizer then consults those ACLs is its own business.
   * @default false
   */
  readonly supportsAdminApi?: boolean;
}

/** Kafka's ACL authorizer in KRaft, which Strimzi configures for `simple` authorization (`KafkaAuthorizationSimple.KRAFT_AUTHORIZER_CLASS_NAME`). */
const STANDARD_AUTHORIZER = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';

/**
 * Who may do what on the cluster (Strimzi `spec.kafka.authorization`): Kafka's ACLs
 * ({@link KafkaAuthorization.simple}), an authorizer of your own ({@link KafkaAuthorization.custom}),
 * or none.
 *
 * ACL rules of KafkaUsers (`acls`, `addAcl()`) and the grants (`grantRead()`, …) are KafkaUser ACLs:
 * Strimzi's User Operator writes them through the Kafka Admin API, which it does only when the
 * authorizer supports it ({@link supportsAdminApi}); only `simple` authorization is known to enforce
 * them ({@link enforcesAcls}).
 *
 * What a grant changes, with Kafka's authorizer (StandardAuthorizerData.authorize):
 * - a super user (`superUsers`: `CN=app` is TLS user `app`, `app` is SCRAM user `app`) may do
 *   everything without its ACLs being read: a grant to it changes nothing (a warning at synth);
 * - with `allow.everyone.if.no.acl.found: true` in the brokers' `config`, a resource that has no
 *   ACL at all, for any principal, is open to every principal; the first ACL on it (a grant's
 *   too) closes it to every principal no ACL allows. A grant is then what keeps the granted user
 *   in, not what lets it in, and other clients of the resource need grants of their own (a
 *   warning at synth, once per cluster). By default (`false`) only what an ACL allows is allowed.
 */
export class KafkaAuthorization {
  /**
   * Kafka's ACL authorizer (`StandardAuthorizer`): users get only what their ACLs allow (with
   * `allow.everyone.if.no.acl.found: true`, also what no ACL at all is written for: see
   * {@link KafkaAuthorization}).
   * @param superUsers principals allowed everything whatever their ACLs (a grant to one changes
   *   nothing), e.g. `CN=admin` (a TLS user) or `admin` (a SCRAM user), without `User:` (Strimzi
   *   adds it)
   * @throws if a super user is empty, starts with `User:`, has surrounding whitespace or a `;`
   */
  public static simple(superUsers: string[] = []): KafkaAuthorization {
    checkArgs('KafkaAuthorization.simple()', 'KafkaAuthorization.simple', arguments);
    checkSuperUsers('KafkaAuthorization.simple()', 'superUsers', superUsers);
    return new KafkaAuthorization(AuthorizationType.SIMPLE, [...superUsers], STANDARD_AUTHORIZER, true);
  }

  /**
   * An authorizer of your own (Strimzi `type: custom`), e.g. Keycloak's:
   * `KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', superUsers: ['service-account-kafka'] })`,
   * with its settings in the cluster's `config`. KafkaUser ACLs and grants need
   * `supportsAdminApi: true`; the library does not judge a user's access otherwise (the
   * authorizer decides).
   * @throws if `authorizerClass` is not a fully qualified Java binary class name (identifiers of
   *   JLS 3.8 joined by `.`, none a keyword or literal such as `class` or `null`: JLS 3.9; `$` for a
   *   nested class), or a super user is empty, starts with `User:`, has surrounding whitespace or a `;`
   */
  public static custom(options: CustomAuthorizationOptions): KafkaAuthorization {
    checkArgs('KafkaAuthorization.custom()', 'KafkaAuthorization.custom', arguments);
    const factory = 'KafkaAuthorization.custom()';
    const classProblem = javaClassNameProblem(options.authorizerClass, { qualified: true });
    if (classProblem !== undefined) {
      throwFactoryError(factory, 'authorizerClass', `must be a fully qualified Java class name (identifiers joined by '.': the brokers load the authorizer with Class.forName, and fail to start without it): it ${classProblem}`, options.authorizerClass,
        "use e.g. 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer'");
    }
    if (options.authorizerClass === STANDARD_AUTHORIZER) {
      throwFactoryError(factory, 'authorizerClass', "is Kafka's own ACL authorizer, which is simple authorization", options.authorizerClass, 'use KafkaAuthorization.simple(superUsers)');
    }
    const superUsers = options.superUsers ?? [];
    checkSuperUsers(factory, 'superUsers', superUsers);
    return new KafkaAuthorization(AuthorizationType.CUSTOM, [...superUsers], options.authorizerClass, options.supportsAdminApi ?? false);
  }

  /** No authorization: every authenticated client may do everything. */
  public static none(): KafkaAuthorization {
    return new KafkaAuthorization(undefined, [], undefined, false);
  }

  private constructor(
    /** The authorizer's kind; undefined for none. */
    public readonly type: AuthorizationType | undefined,
    /** Principals allowed everything. */
    public readonly superUsers: readonly string[],
    /**
     * The Java class the brokers run as `authorizer.class.name`: Kafka's `StandardAuthorizer` for
     * simple, the given class for custom; undefined for none.
     */
    public readonly authorizerClass: string | undefined,
    /**
     * Whether Strimzi's User Operator may write KafkaUsers' ACL rules (Strimzi
     * `KafkaAuthorization.supportsAdminApi()`): always for simple, as declared for custom, never
     * without authorization. KafkaUser ACLs and grants need it.
     */
    public readonly supportsAdminApi: boolean,
  ) {}

  /**
   * Whether Kafka enforces KafkaUsers' ACL rules: true for simple (for users that are no super
   * user), false without authorization; undefined for a custom authorizer, which decides on its own.
   */
  public get enforcesAcls(): boolean | undefined {
    return this.type === AuthorizationType.SIMPLE ? true : this.type === undefined ? false : undefined;
  }

  /**
   * The authorization as messages name it: `none`, `simple`, or `custom (<class>)`.
   * @internal
   */
  public _describe(): string {
    return this.type === undefined ? 'none' : this.type === AuthorizationType.CUSTOM ? `custom (${this.authorizerClass})` : this.type;
  }

  /**
   * Why Strimzi's User Operator cannot write KafkaUser ACLs here, completing "cluster 'x' has …":
   * `none` without authorization, `a custom authorizer (<class>) without supportsAdminApi`;
   * undefined when it can (simple, or custom with supportsAdminApi).
   * @internal
   */
  public _aclsUnwritable(): string | undefined {
    if (this.supportsAdminApi) return undefined;
    return this.type === undefined ? 'none' : `a custom authorizer (${this.authorizerClass}) without supportsAdminApi`;
  }

  /**
   * The fix for {@link _aclsUnwritable}'s problem, ending "…, or <alternative>".
   * @internal
   */
  public _aclsFix(cluster: string, alternative: string): string {
    return this.type === undefined
      ? `set authorization: KafkaAuthorization.simple() on KafkaCluster '${cluster}' (every authenticated client may do everything without it), or ${alternative}`
      : `set supportsAdminApi: true in KafkaAuthorization.custom() on KafkaCluster '${cluster}' if ${this.authorizerClass} manages ACLs through the Kafka Admin API (Strimzi's User Operator writes them only then: KafkaUserModel.fromCrd), or ${alternative}`;
  }

  /** @internal The `spec.kafka.authorization` Strimzi gets; undefined for none. */
  public _render(): strimzi.KafkaSpecKafkaAuthorization | undefined {
    if (this.type === undefined) return undefined;
    return compact({
      type: this.type as string as strimzi.KafkaSpecKafkaAuthorizationType,
      authorizerClass: this.type === AuthorizationType.CUSTOM ? this.authorizerClass : undefined,
      superUsers: this.superUsers.length > 0 ? [...this.superUsers] : undefined,
      supportsAdminApi: this.type === AuthorizationType.CUSTOM && this.supportsAdminApi ? true : undefined,
    }) as strimzi.KafkaSpecKafkaAuthorization;
  }
}

/**
 * Throws unless every super user is a principal Strimzi writes as one entry of `super.users`:
 * not empty, without `User:` (Strimzi adds it: `KafkaBrokerConfigurationBuilder.configureSimpleAuthorization`,
 * so `User:admin` would become `User:User:admin`, a principal nobody has), without surrounding
 * whitespace and without `;` (Kafka splits `super.users` on `;` and trims each:
 * `StandardAuthorizer.getConfiguredSuperUsers`).
 */
function checkSuperUsers(factory: string, prop: string, superUsers: readonly string[]): void {
  const example = "name a principal, e.g. 'CN=admin' (a TLS user) or 'admin' (a SCRAM user)";
  superUsers.forEach((u, i) => {
    const at = `${prop}[${i}]`;
    if (u.trim() === '') throwFactoryError(factory, at, 'is empty', u, example);
    if (/^User:/i.test(u)) throwFactoryError(factory, at, `starts with 'User:', which Strimzi adds itself (it would write User:${u}, a principal nobody has)`, u, `give ${JSON.stringify(u.replace(/^User:/i, ''))}`);
    if (u !== u.trim()) throwFactoryError(factory, at, 'has leading or trailing whitespace, which is no part of a principal', u, `give ${JSON.stringify(u.trim())}`);
    if (u.includes(';')) throwFactoryError(factory, at, "contains ';', which separates principals in super.users (Kafka would read several)", u, 'give each principal as its own entry');
    if (/[\u0000-\u001f\u007f]/.test(u)) throwFactoryError(factory, at, 'contains a line break or other control character, which would end the super.users line of the broker configuration', u, example);
  });
}

/**
 * A Kafka cluster other constructs refer to: a {@link KafkaCluster} of the app, or one made
 * elsewhere ({@link KafkaCluster.fromClusterAttributes}). Topics, users, grants, bridges and
 * client workloads check themselves against what it tells; a fact left undefined is not checked.
 */
export interface IKafkaCluster extends IConstruct {
  /** The `Kafka` resource's name; every name Strimzi derives starts with it. */
  readonly clusterName: string;
  /** The namespace of the cluster and its topics and users; undefined when left to kubectl's context. */
  readonly namespace?: string;
  /** The Secret with the cluster CA certificate (`ca.crt`) clients trust. */
  readonly clusterCaCertSecretName: string;
  /** The Secret with the clients CA certificate that signs `tls` users. */
  readonly clientsCaCertSecretName: string;
  /** The listeners clients connect through, in order (users' authentication is checked against them). */
  readonly allListeners: readonly KafkaListener[];
  /** The Apache Kafka version (topic configuration is judged by it); undefined when not known. */
  readonly version?: string;
  /** The authorizer (ACLs and grants are checked against it); undefined when not known. */
  readonly authorization?: KafkaAuthorization;
  /** How many brokers (topic replicas are checked against it); undefined when not known. */
  readonly brokerCount?: number;
  /**
   * The broker configuration the checks read (`default.replication.factor`,
   * `min.insync.replicas`, `allow.everyone.if.no.acl.found`); undefined when not known.
   */
  readonly brokerConfig?: Readonly<Record<string, string | number | boolean>>;
  /** How strict the durability checks are; undefined for production's. */
  readonly profile?: ClusterProfile;
  /**
   * Whether the brokers have tiered storage on (topics may then turn on remote storage);
   * undefined when not known.
   */
  readonly remoteStorageEnabled?: boolean;
  /** Lets `user` consume `topic` in a consumer group (see {@link KafkaClusterBase.grantRead}). */
  grantRead(user: KafkaUser, topic: KafkaTopic | Acl, options: GrantReadOptions): AclRule[];
  /** Lets `user` produce to `topic` (see {@link KafkaClusterBase.grantWrite}). */
  grantWrite(user: KafkaUser, topic: KafkaTopic | Acl, options?: GrantWriteOptions): AclRule[];
  /** Lets `user` consume `topic` in a group and produce to it (see {@link KafkaClusterBase.grantReadWrite}). */
  grantReadWrite(user: KafkaUser, topic: KafkaTopic | Acl, options: GrantReadWriteOptions): AclRule[];
  /** Lets `user` get a producer id without a transactional id (see {@link KafkaClusterBase.grantIdempotentWrite}). */
  grantIdempotentWrite(user: KafkaUser): AclRule[];
  /** Lets `user` produce to `topics` in transactions (see {@link KafkaClusterBase.grantTransactionalWrite}). */
  grantTransactionalWrite(user: KafkaUser, transactionalId: string | Acl, ...topics: (KafkaTopic | Acl)[]): AclRule[];
  /** Lets `user` be a member of a consumer group (see {@link KafkaClusterBase.grantConsumerGroup}). */
  grantConsumerGroup(user: KafkaUser, group: string | Acl): AclRule[];
  /** Lets `user` use a transactional id (see {@link KafkaClusterBase.grantTransactionalId}). */
  grantTransactionalId(user: KafkaUser, transactionalId: string | Acl): AclRule[];
}

/** Props of {@link KafkaCluster}. */
export interface KafkaClusterProps {
  /**
   * The `Kafka` resource's name: lowercase alphanumerics and '-', starting with a letter.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * The namespace of the cluster, its pools, topics and users.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * The Apache Kafka version, one Strimzi 1.2 supports; the KRaft metadata version follows it.
   * @default '4.3.1'
   */
  readonly version?: string;
  /**
   * The KRaft metadata version (Strimzi `spec.kafka.metadataVersion`, Kafka's `metadata.version`
   * feature), `<release>-IV<n>` or a release alone (`4.2`, its newest one). Set an older one while
   * an upgrade is under way: Strimzi upgrades the brokers first, and raising the metadata version
   * afterwards is the upgrade's last step (it cannot be lowered again once the cluster runs it);
   * Strimzi's spec checker warns while it lags `version` ("KafkaMetadataVersion").
   * @default - the metadata version of `version` (`4.3-IV0` for 4.3.1)
   * @throws if it is not a metadata version Kafka defines (apache/kafka `MetadataVersion`), is
   *   older than 3.3-IV3 (Strimzi: "The oldest supported metadata version is 3.3-IV3":
   *   `KafkaCluster.validateMetadataVersion`), or newer than `version`'s own (Strimzi ignores it then:
   *   `KRaftVersionChangeCreator.metadataVersionWithoutKafkaVersionChange`)
   */
  readonly metadataVersion?: string;
  /**
   * How strict the durability checks are.
   * @default ClusterProfile.PRODUCTION
   */
  readonly profile?: ClusterProfile;
  /**
   * The `controller` pool, or with `zones` one pool per zone (`controller-<zone suffix>`, each
   * pinned to its zone, `replicasPerZone` controllers each). Pinned controllers must keep a
   * KRaft majority when any one zone is lost (production; checked at synth).
   * @default - 3 controllers in one pool, 10 GiB persistent claims
   */
  readonly controllers?: KafkaZonedNodeOptions;
  /**
   * The `broker` pool, or with `zones` one pool per zone (`broker-<zone suffix>`, each pinned to
   * its zone, `replicasPerZone` brokers each), e.g.
   * `{ zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], replicasPerZone: 2 }`. A production
   * cluster whose brokers are pinned to zones must survive the loss of any one zone: rack
   * awareness on, and for every replication factor RF with its min ISR M (new topics',
   * `__consumer_offsets`', `__transaction_state`'s), RF − (most replicas of a partition one zone
   * can hold) >= M. Checked at synth, with the sources in {@link KafkaCluster}.
   * @default - 3 brokers in one pool, 100 GiB persistent claims
   */
  readonly brokers?: KafkaZonedNodeOptions;
  /**
   * Create the `controller` and `broker` pools. Turn off to add your own with `addNodePool()`
   * (e.g. dual-role nodes).
   * @default true
   */
  readonly defaultNodePools?: boolean;
  /**
   * Create the internal `tls` listener on 9093 (TLS, SCRAM-SHA-512). Turn off to add your own
   * with `addListener()`, e.g. Strimzi's examples' `plain` (9092, `tls: false`) and `tls` (9093)
   * listeners without authentication (`authentication: ListenerAuthentication.none()`).
   * @default true
   */
  readonly defaultListener?: boolean;
  /**
   * Broker configuration, over the durable defaults (`default.replication.factor` 3,
   * `min.insync.replicas` 2, internal topics RF 3 / min ISR 2, `auto.create.topics.enable` false).
   * Options Strimzi manages itself (listeners, security, node ids, …) are rejected.
   * @default - the durable defaults
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * Options that a plugin of the brokers reads but Kafka does not define, so that `config`'s check
   * against Kafka's configuration model would refuse them: a custom authorizer's
   * (`strimzi.authorization.token.endpoint.uri` for `KeycloakAuthorizer`), a principal builder's,
   * a metrics reporter's. Kafka hands every option of the broker configuration to a plugin's
   * `configure()`; Strimzi writes these, like `config`, into `spec.kafka.config`. Keys Kafka
   * defines belong in `config` (rejected here), and so do the ones Strimzi manages.
   * @default - none
   * @throws if a key is one Kafka defines or Strimzi manages, or a key or value would not stay
   *   one line of the properties file
   */
  readonly pluginConfig?: Record<string, string | number | boolean>;
  /**
   * Who may do what (Strimzi `spec.kafka.authorization`): `KafkaAuthorization.simple(superUsers)`
   * (Kafka's ACLs, which KafkaUsers' `acls` and the grants write), `KafkaAuthorization.custom({
   * authorizerClass, superUsers, supportsAdminApi })` (an authorizer of your own, e.g. Keycloak's,
   * with its options in `pluginConfig`), or `KafkaAuthorization.none()`.
   * @default KafkaAuthorization.simple()
   */
  readonly authorization?: KafkaAuthorization;
  /**
   * Spread replicas over zones (`broker.rack` from the node's zone label) and pods over zones and
   * nodes. Strimzi then schedules Kafka pods only on nodes that carry the `rackTopologyKey` label
   * (a required node affinity): label the nodes of clusters that lack it (KIND does). Needs
   * Strimzi's ClusterRoleBinding that lets brokers read node labels (installed by default).
   * @default true
   */
  readonly rackAwareness?: boolean;
  /**
   * The node label that names a pod's rack.
   * @default 'topology.kubernetes.io/zone'
   */
  readonly rackTopologyKey?: string;
  /**
   * Run every container Strimzi makes for this cluster with the `restricted` Pod Security
   * Standard's security context (non-root, no privilege escalation, all capabilities dropped,
   * RuntimeDefault seccomp).
   * @default true
   */
  readonly restrictedSecurityContext?: boolean;
  /**
   * How many Kafka pods may be evicted at once (the PodDisruptionBudget).
   * @default 1
   */
  readonly maxUnavailable?: number;
  /**
   * Prometheus metrics.
   * @default - none
   */
  readonly metrics?: KafkaMetrics;
  /**
   * Deploy Kafka Exporter (consumer lag and topic metrics).
   * @default false
   */
  readonly kafkaExporter?: boolean;
  /**
   * Deploy Cruise Control (rebalancing, Strimzi `spec.cruiseControl`): `true` for Strimzi's
   * settings, or {@link CruiseControlOptions} for goals, broker capacity, automatic rebalancing
   * on scale-up and scale-down, and metrics. Rebalance with {@link KafkaCluster.addRebalance}.
   * @default false
   * @throws if a goal is not one Strimzi 1.2 knows (with the name meant), default goals are not
   *   among the goals or hard goals not among the default goals (Cruise Control would not start),
   *   a capacity does not fit Strimzi's pattern, or an override names a node id that is no broker
   */
  readonly cruiseControl?: boolean | CruiseControlOptions;
  /**
   * Log levels by logger, e.g. `{ 'rootLogger.level': 'INFO' }`.
   * @default - Strimzi's
   */
  readonly logging?: Record<string, string>;
  /**
   * Tiered storage (Strimzi `spec.kafka.tieredStorage`): brokers copy closed segments to a
   * remote store through a `RemoteStorageManager` plugin, and topics with `remoteStorage` keep
   * only their newest data on disk. With it, `config` must not set what Strimzi writes for it
   * (`remote.log.storage.system.enable`, `remote.log.metadata.manager.*`,
   * `remote.log.storage.manager.*`), and `log.local.retention.*` must be within
   * `log.retention.*` (brokers refuse to start otherwise: `LogConfig.validateBrokerLogConfigValues`).
   * @default - none: topics cannot turn remote storage on
   */
  readonly tieredStorage?: TieredStorage;
  /**
   * Volumes added to every Kafka pod (Strimzi `spec.kafka.template.pod.volumes`, and each pool's
   * `template.pod.volumes`, since a pool's pod template replaces the cluster's:
   * `KafkaPool.processTemplate`), e.g. `AdditionalVolume.secret('oauth-certs', 'oauth-server-cert')`.
   * A volume that only `volumeMounts` name is added too, so list here only volumes no Kafka
   * container mounts. Names are DNS-1123 labels (Kubernetes), unique in the pod, and not one of
   * the volumes Strimzi gives Kafka pods (`data`, `data-<id>`, `kube-api-access`, `strimzi-tmp`,
   * `kafka-metrics-and-logging`, `ready-files`, `rack-volume`: `KafkaCluster.getNonDataVolumes`,
   * `VolumeUtils`; Strimzi refuses a duplicate: `TemplateUtils.addAdditionalVolumes`).
   * @default - none
   * @throws if a name is one of Strimzi's, or two different volumes share a name
   */
  readonly additionalVolumes?: AdditionalVolume[];
  /**
   * Mounts into the Kafka container of every pod (Strimzi `spec.kafka.template.kafkaContainer.volumeMounts`,
   * and each pool's), e.g. `[{ volume: certs, mountPath: '/mnt/oauth-certs' }]`; each mount's
   * volume joins the pods' volumes. Paths are absolute, under `/mnt` (Strimzi refuses others:
   * `TemplateUtils.addAdditionalVolumeMounts`), without a `..` element, and unique in the container.
   * @default - none
   * @throws if a path is not under `/mnt` or is used twice, a sub-path is absolute or climbs with
   *   `..`, or a volume's name is one of Strimzi's
   */
  readonly volumeMounts?: AdditionalVolumeMount[];
}

/**
 * The newest internal version (`-IV<n>`) of each release's KRaft metadata versions that Kafka 4.2
 * and 4.3 read, from the minimum, 3.3-IV3 (apache/kafka `server-common` `MetadataVersion`:
 * `MINIMUM_VERSION`, and the enum's `IBP_<release>_IV<n>` constants up to each release's production
 * version; 4.2 and 4.3 up to the metadata versions Strimzi pairs with them in `kafka-versions.yaml`).
 */
const METADATA_RELEASES: ReadonlyMap<string, number> = new Map([
  ['3.3', 3], ['3.4', 0], ['3.5', 2], ['3.6', 2], ['3.7', 4], ['3.8', 0], ['3.9', 0], ['4.0', 3], ['4.1', 1], ['4.2', 1], ['4.3', 0],
]);
/** The oldest metadata version Strimzi 1.2 and Kafka 4 take (`MetadataVersion.MINIMUM_VERSION`). */
const MIN_METADATA_IV = 3;

/** A metadata version as `[major, minor, iv]`, the short form as its release's newest; undefined when malformed or unknown. */
function parseMetadataVersion(text: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)(?:-IV(\d+))?$/.exec(text);
  if (m === null) return undefined;
  const newest = METADATA_RELEASES.get(`${Number(m[1])}.${Number(m[2])}`);
  if (newest === undefined) return undefined;
  const iv = m[3] === undefined ? newest : Number(m[3]);
  return iv > newest ? undefined : [Number(m[1]), Number(m[2]), iv];
}

/** Returns `given` if it is a metadata version a cluster of Kafka `version` (whose own is `own`) can run; throws a prop error otherwise. */
function checkMetadataVersion(subject: Subject, given: string, version: string, own: string): string {
  const known = [...METADATA_RELEASES].map(([release, newest]) => (release === '3.3' ? '3.3-IV3' : `${release}-IV0${newest > 0 ? `…IV${newest}` : ''}`)).join(', ');
  const parsed = parseMetadataVersion(given);
  if (parsed === undefined) {
    throwPropError(subject, 'metadataVersion', `is not a KRaft metadata version Kafka ${version} knows: '<release>-IV<n>' or '<release>' (${known})`, given, `use '${own}', ${version}'s own, or leave it unset`);
  }
  const [major, minor, iv] = parsed;
  if (major === 3 && minor === 3 && iv < MIN_METADATA_IV) {
    throwPropError(subject, 'metadataVersion', 'is older than 3.3-IV3, the oldest metadata version Strimzi and Kafka 4 take ("The oldest supported metadata version is 3.3-IV3")', given, "use '3.3-IV3' or newer");
  }
  const [ownMajor, ownMinor, ownIv] = parseMetadataVersion(own)!;
  const newer = major !== ownMajor ? major > ownMajor : minor !== ownMinor ? minor > ownMinor : iv > ownIv;
  if (newer) {
    throwPropError(subject, 'metadataVersion', `is newer than ${own}, the metadata version of Kafka ${version}: Strimzi would ignore it ("Desired metadata version ... is newer than the used Kafka version")`, given, `use '${own}' or older, or raise version first`);
  }
  return given;
}

/**
 * The volumes Strimzi 1.2 gives every Kafka pod, which additional volumes must not be named as
 * (cluster-operator `KafkaCluster.getNonDataVolumes`, `VolumeUtils`, `AbstractModel.INIT_VOLUME_NAME`).
 */
const KAFKA_POD_VOLUMES: Readonly<Record<string, string>> = {
  'kube-api-access': "Strimzi's service account token volume (VolumeUtils.SERVICE_ACCOUNT_TOKEN_VOLUME_NAME)",
  'strimzi-tmp': "Strimzi's /tmp volume (VolumeUtils.STRIMZI_TMP_DIRECTORY_DEFAULT_VOLUME_NAME)",
  'kafka-metrics-and-logging': "Strimzi's configuration volume (KafkaCluster.LOG_AND_METRICS_CONFIG_VOLUME_NAME)",
  'ready-files': "Strimzi's readiness volume (KafkaCluster.getNonDataVolumes)",
  'rack-volume': "Strimzi's init container volume for rack awareness and node ports (AbstractModel.INIT_VOLUME_NAME)",
};

/** What a Kafka pod's volume called `name` already is, or undefined: Strimzi's own volumes and the data volumes (`data`, `data-<id>`). */
function kafkaPodVolume(name: string): string | undefined {
  if (name === 'data' || /^data-\d+$/.test(name)) return "the name of Strimzi's data volumes (data, data-<JBOD id>: VolumeUtils.createVolumePrefix)";
  return Object.prototype.hasOwnProperty.call(KAFKA_POD_VOLUMES, name) ? KAFKA_POD_VOLUMES[name] : undefined;
}

/** Requests and limit of the entity operator's topic and user operator containers. */
const OPERATOR_RESOURCES = {
  requests: { cpu: strimzi.KafkaSpecEntityOperatorTopicOperatorResourcesRequests.fromString('100m'), memory: strimzi.KafkaSpecEntityOperatorTopicOperatorResourcesRequests.fromString('256Mi') },
  limits: { memory: strimzi.KafkaSpecEntityOperatorTopicOperatorResourcesLimits.fromString('512Mi') },
};

/** Listener types whose clients are outside the Kubernetes cluster. */
const OUTSIDE_TYPES: readonly ListenerType[] = [ListenerType.NODEPORT, ListenerType.LOADBALANCER, ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLSROUTE];

/** A Service name is a DNS label: at most 63 characters. */
const MAX_SERVICE_NAME = 63;
const ID_BLOCK = 100;

/**
 * A Kafka cluster run by Strimzi in KRaft mode: the `Kafka` resource, its node pools
 * (3 controllers and 3 brokers by default), listeners, users and topics, with durable and
 * secure defaults.
 *
 * Pools pinned to zones (`brokers.zones`, `controllers.zones`, `addZonePools()`, a pool's
 * `zone`) make a production cluster check at synth that it survives the loss of any one zone:
 *
 * - rack awareness is on: the zones are the racks (Strimzi sets `broker.rack` from the node's
 *   `rackTopologyKey` label); without it Kafka places replicas as if there were one rack;
 * - for each replication factor RF and its min ISR M (`default.replication.factor` /
 *   `min.insync.replicas`, `offsets.topic.replication.factor` / `min.insync.replicas`,
 *   `transaction.state.log.replication.factor` / `transaction.state.log.min.isr`, and the
 *   share-group state topic's when set), RF − (most replicas of a partition one zone can hold)
 *   >= M. Kafka's controller places a new partition's replicas round-robin over racks
 *   (`StripedReplicaPlacer.RackList.place`, kafka-metadata 4.3.1), so with Z zones of equal size
 *   one zone holds at most ceil(RF/Z); with unequal sizes the library runs the same round-robin.
 *   Fewer than M in sync fail acks=all writes with NotEnoughReplicas
 *   (`Partition.appendRecordsToLeader`). Brokers of unpinned pools are counted in whichever zone
 *   is worst. Topics that set their own replicas or min ISR are held to the same rule;
 * - controllers pinned to zones keep a majority of the KRaft voters without their largest zone
 *   (`CandidateState.majoritySize`: voters / 2 + 1).
 *
 * A DEVELOPMENT cluster skips these rules. Pools of unequal size across zones only warn: they
 * work, but Kafka gives every zone a replica of nearly every partition, so the smaller zones'
 * brokers carry more (`StripedReplicaPlacer`'s javadoc calls unequal racks a user error); brokers
 * in zones with unpinned controllers warn too. The rules cover where Kafka's controller places
 * new partitions; reassignments (by hand, or Cruise Control without its rack-aware goals) can
 * place replicas otherwise.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * kafka.addTopic('orders', { partitions: 12 });
 *
 * @example
 * // One broker pool and one controller per zone, with tiered storage.
 * const kafka = new KafkaCluster(chart, 'Kafka', {
 *   name: 'events',
 *   namespace: 'kafka',
 *   brokers: { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], replicasPerZone: 2 },
 *   controllers: { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
 *   tieredStorage: TieredStorage.custom({ className: 'io.aiven.kafka.tieredstorage.RemoteStorageManager', classPath: '/opt/kafka/plugins/tiered-storage/*' }),
 * });
 * kafka.addTopic('orders', { partitions: 12, remoteStorage: { localRetention: Duration.hours(12) } });
 */
export class KafkaCluster extends KafkaClusterBase implements IKafkaCluster, INodePoolParent {
  /**
   * A cluster the app does not make (the platform team's, from another repository), as an
   * {@link IKafkaCluster} that topics, users, grants, bridges and client workloads accept, with
   * the same checks wherever the attributes allow: users' authentication against the declared
   * listeners, ACLs and grants against the declared authorization, topic replicas against a
   * declared broker count and configuration. It emits nothing.
   * @throws when the attributes are not what a Strimzi cluster can have (names, listeners, version)
   */
  public static fromClusterAttributes(scope: Construct, id: string, attributes: KafkaClusterAttributes): IKafkaCluster {
    checkArgs('KafkaCluster.fromClusterAttributes()', 'KafkaCluster.fromClusterAttributes', arguments);
    return new ImportedKafkaCluster(scope, id, attributes);
  }

  public readonly clusterName: string;
  public readonly namespace?: string;
  /** The Apache Kafka version. */
  public readonly version: string;
  /** The KRaft metadata version: `metadataVersion` if given, else the one that goes with {@link version}. */
  public readonly metadataVersion: string;
  /** How strict the durability and availability checks are. */
  public readonly profile: ClusterProfile;
  /** Who may do what on the cluster. */
  public readonly authorization: KafkaAuthorization;
  /** Whether replicas and pods are spread over racks (zones). */
  public readonly rackAwareness: boolean;
  /** The node label that names a pod's rack. */
  public readonly rackTopologyKey: string;
  /** Whether every container Strimzi makes runs with the `restricted` security context. */
  public readonly restrictedSecurityContext: boolean;
  /** Whether Cruise Control is deployed. */
  public readonly cruiseControl: boolean;
  /** The Cruise Control options, if Cruise Control is deployed (`{}` for `cruiseControl: true`). */
  public readonly cruiseControlOptions?: CruiseControlOptions;
  /** The Prometheus metrics, if any. */
  public readonly metrics?: KafkaMetrics;
  /** Whether Kafka Exporter is deployed. */
  public readonly kafkaExporter: boolean;
  /** The default `controller` pool, if made. */
  public readonly controllerPool?: KafkaNodePool;
  /** The default `broker` pool, if made. */
  public readonly brokerPool?: KafkaNodePool;
  /** The tiered storage, if any. */
  public readonly tieredStorage?: TieredStorage;
  /** Volumes every Kafka pod gets: `additionalVolumes`, then the volumes only `volumeMounts` name. */
  public readonly additionalVolumes: readonly AdditionalVolume[];
  /** Mounts into the Kafka container of every pod. */
  public readonly volumeMounts: readonly AdditionalVolumeMount[];
  /** Options of the brokers' plugins (`pluginConfig`), rendered into `spec.kafka.config` after the broker configuration. */
  public readonly pluginConfig: Readonly<Record<string, string | number | boolean>>;
  /** The L1 `Kafka`. */
  public readonly resource: strimzi.Kafka;

  protected readonly subject: Subject;
  private readonly userConfig: Readonly<Record<string, string | number | boolean>>;
  private readonly pools: KafkaNodePool[] = [];
  private readonly poolRanges = new Map<KafkaNodePool, NodeIdRange>();
  private readonly listeners: KafkaListener[] = [];
  private readonly maxUnavailable: number;
  private readonly ccGoals: { goals?: string[]; defaultGoals?: string[]; hardGoals?: string[] } = {};

  /** Creates the `Kafka` resource with the default node pools and `tls` listener, unless turned off. */
  public constructor(scope: Construct, id: string, props: KafkaClusterProps = {}) {
    super(scope, constructId('KafkaCluster', scope, id));
    checkArgs({ scope: this, kind: 'KafkaCluster', name: id }, 'KafkaCluster.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.clusterName = props.name ?? id.toLowerCase();
    this.subject = { scope: this, kind: 'KafkaCluster', name: this.clusterName };
    checkName(this.subject, 'name', this.clusterName, { format: NameFormat.DNS1035_LABEL, use: 'it prefixes every Service name', example: 'my-cluster' });
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    checkNamespace(this.subject, 'namespace', this.namespace);
    this.version = props.version ?? DEFAULT_KAFKA_VERSION;
    const metadataVersion = KAFKA_METADATA_VERSIONS[this.version];
    if (metadataVersion === undefined) {
      throwPropError(this.subject, 'version', 'is not a Kafka version Strimzi 1.2 supports', this.version, `use one of ${SUPPORTED_KAFKA_VERSIONS.join(', ')} (default ${DEFAULT_KAFKA_VERSION})`);
    }
    this.metadataVersion = props.metadataVersion === undefined ? metadataVersion : checkMetadataVersion(this.subject, props.metadataVersion, this.version, metadataVersion);
    this.profile = props.profile ?? ClusterProfile.PRODUCTION;
    this.authorization = props.authorization ?? KafkaAuthorization.simple();
    this.rackAwareness = props.rackAwareness ?? true;
    this.rackTopologyKey = props.rackTopologyKey ?? 'topology.kubernetes.io/zone';
    const keyProblem = labelKeyProblem(this.rackTopologyKey);
    if (keyProblem !== undefined) throwPropError(this.subject, 'rackTopologyKey', `must be a node label key: ${keyProblem}`, this.rackTopologyKey, "use e.g. 'topology.kubernetes.io/zone'");
    this.restrictedSecurityContext = props.restrictedSecurityContext ?? true;
    this.cruiseControl = props.cruiseControl !== undefined && props.cruiseControl !== false;
    if (this.cruiseControl) this.cruiseControlOptions = props.cruiseControl === true ? {} : props.cruiseControl as CruiseControlOptions;
    const ccSpec = this.cruiseControlOptions && this.cruiseControlSpec(this.cruiseControlOptions);
    this.metrics = props.metrics;
    this.kafkaExporter = props.kafkaExporter ?? false;
    this.userConfig = props.config ?? {};
    checkBrokerConfig(this.subject, this.userConfig, this.version);
    checkPluginConfig(this.subject, 'pluginConfig', props.pluginConfig, this.version);
    this.pluginConfig = { ...props.pluginConfig };
    this.tieredStorage = props.tieredStorage;
    checkClusterTieredStorage(this.subject, this.userConfig, this.tieredStorage !== undefined);
    const maxUnavailable = props.maxUnavailable ?? 1;
    this.maxUnavailable = maxUnavailable;
    if (!Number.isInteger(maxUnavailable) || maxUnavailable < 0) {
      throwPropError(this.subject, 'maxUnavailable', 'must be a whole number >= 0', maxUnavailable, 'set 1 (one pod at a time) or 0 to forbid voluntary evictions');
    }

    const volumeMounts = [...props.volumeMounts ?? []];
    const [volumeProblem] = podVolumeProblems(this.subject, { volumes: 'additionalVolumes', mounts: 'volumeMounts' }, props.additionalVolumes ?? [], volumeMounts, kafkaPodVolume);
    if (volumeProblem !== undefined) throw new Error(volumeProblem);
    this.additionalVolumes = podVolumesOf(props.additionalVolumes ?? [], volumeMounts);
    this.volumeMounts = volumeMounts;

    const metricsConfig = props.metrics?._bind(this, this.clusterName, this.namespace);
    this.resource = new strimzi.Kafka(this, 'Resource', {
      metadata: {
        name: this.clusterName,
        namespace: this.namespace,
        ...(this.profile === ClusterProfile.DEVELOPMENT && {
          annotations: { 'kafka.cdk8s.io/profile': 'development: single replicas and ephemeral storage allowed; not for data that matters' },
        }),
      },
      spec: {
        kafka: {
          version: this.version,
          metadataVersion: this.metadataVersion,
          listeners: lazy(() => this.listeners.map((l) => l._render())),
          config: lazy(() => ({ ...this.brokerConfig, ...this.pluginConfig })),
          authorization: this.authorization._render(),
          ...(this.rackAwareness && { rack: { topologyKey: this.rackTopologyKey } }),
          ...(this.tieredStorage && { tieredStorage: this.tieredStorage._spec }),
          ...(metricsConfig && { metricsConfig }),
          ...(props.logging && { logging: { type: strimzi.KafkaSpecKafkaLoggingType.INLINE, loggers: props.logging } }),
          template: compact({
            podDisruptionBudget: { maxUnavailable },
            pod: compact({
              securityContext: this.restrictedSecurityContext ? restrictedPodSecurityContext() : undefined,
              volumes: this.additionalVolumes.length > 0 ? this.additionalVolumes.map((v) => v._render()) as strimzi.KafkaSpecKafkaTemplatePodVolumes[] : undefined,
            }),
            kafkaContainer: compact({
              securityContext: this.restrictedSecurityContext ? restrictedContainerSecurityContext() : undefined,
              volumeMounts: this.volumeMounts.length > 0 ? this.volumeMounts.map(renderMount) : undefined,
            }),
            initContainer: this.restrictedSecurityContext ? { securityContext: restrictedContainerSecurityContext() } : undefined,
          }),
        },
        entityOperator: {
          // Strimzi's example sizes (packaging/examples: 128Mi-512Mi): never BestEffort.
          topicOperator: { resources: OPERATOR_RESOURCES },
          userOperator: { resources: OPERATOR_RESOURCES },
          ...(this.restrictedSecurityContext && {
            template: {
              pod: { securityContext: restrictedPodSecurityContext() },
              topicOperatorContainer: { securityContext: restrictedContainerSecurityContext() },
              userOperatorContainer: { securityContext: restrictedContainerSecurityContext() },
            },
          }),
        },
        ...(props.kafkaExporter && {
          kafkaExporter: {
            topicRegex: '.*',
            groupRegex: '.*',
            resources: { requests: { cpu: strimzi.KafkaSpecKafkaExporterResourcesRequests.fromString('100m'), memory: strimzi.KafkaSpecKafkaExporterResourcesRequests.fromString('64Mi') }, limits: { memory: strimzi.KafkaSpecKafkaExporterResourcesLimits.fromString('128Mi') } },
            ...(this.restrictedSecurityContext && {
              template: { pod: { securityContext: restrictedPodSecurityContext() }, container: { securityContext: restrictedContainerSecurityContext() } },
            }),
          },
        }),
        ...(ccSpec && {
          cruiseControl: {
            ...ccSpec,
            resources: { requests: { cpu: strimzi.KafkaSpecCruiseControlResourcesRequests.fromString('200m'), memory: strimzi.KafkaSpecCruiseControlResourcesRequests.fromString('512Mi') }, limits: { memory: strimzi.KafkaSpecCruiseControlResourcesLimits.fromString('1Gi') } },
            ...(this.restrictedSecurityContext && {
              template: { pod: { securityContext: restrictedPodSecurityContext() }, cruiseControlContainer: { securityContext: restrictedContainerSecurityContext() } },
            }),
          },
        }),
      },
    });

    if (props.defaultNodePools ?? true) {
      this.controllerPool = this.defaultPools('Controllers', 'controller', NodeRole.CONTROLLER, 'controllers', props.controllers);
      this.brokerPool = this.defaultPools('Brokers', 'broker', NodeRole.BROKER, 'brokers', props.brokers);
      if (this.profile === ClusterProfile.PRODUCTION && props.brokers?.zones !== undefined && props.controllers?.zones === undefined) {
        ConsistencyPass.of(this).warn(this.subject, 'controllers.zones',
          'are unset while the brokers are pinned to zones: the controllers are spread over zones only on a best-effort basis (a ScheduleAnyway topology spread), so one zone may hold a majority of them, and losing it stops leader elections',
          undefined, `pin them too: controllers: { zones: [...] } with one controller in each of 3 zones`);
      }
    }
    if (props.defaultListener ?? true) {
      this.addListener('tls', { port: 9093, type: ListenerType.INTERNAL, tls: true, authentication: ListenerAuthentication.scramSha512() });
    }
    ConsistencyPass.of(this).namedBy(this.resource, this.subject, 'name');
    if (!this.restrictedSecurityContext && this.namespace !== undefined) {
      ConsistencyPass.of(this).podSecurity(this, this.namespace, PodSecurityLevel.BASELINE, `KafkaCluster '${this.clusterName}' runs with restrictedSecurityContext: false (Strimzi's default security context)`);
    }
    this.node.addValidation({ validate: () => this.validateCluster() });
    this.node.addValidation({
      validate: () => zoneProblems({
        subject: this.subject, production: this.profile === ClusterProfile.PRODUCTION, rackAwareness: this.rackAwareness, pools: this.pools,
        config: this.brokerConfig, brokersProp: props.brokers?.zones !== undefined ? 'brokers.zones' : 'nodePools (zones of the broker pools)',
        controllersProp: props.controllers?.zones !== undefined ? 'controllers.zones' : 'nodePools (zones of the controller pools)',
      }),
    });
    this.recordFacts();
  }

  /** Adds a node pool (a `KafkaNodePool` owned by this cluster). */
  public addNodePool(id: string, options: KafkaNodePoolOptions): KafkaNodePool {
    checkArgs(this.subject, 'KafkaCluster.addNodePool', arguments);
    return new KafkaNodePool(this, id, { ...options, cluster: this });
  }

  /**
   * Adds one node pool per zone, each pinned to its zone (a required node affinity on the
   * cluster's `rackTopologyKey`, through the pool's `template.pod.affinity`), named
   * `<name>-<zone suffix>` (or as each zone says) with its own node id range; for clusters made
   * with `defaultNodePools: false` (e.g. dual-role nodes per zone). Checked at once like the
   * `brokers.zones` prop; the zone rules of a production cluster run at synth.
   * @param id the id of the construct that holds the pools (their ids are the zones)
   * @param options roles, zones and what every pool shares
   * @returns the pools, in the order of the zones
   */
  public addZonePools(id: string, options: KafkaZonePoolsOptions): KafkaNodePool[] {
    checkArgs(this.subject, 'KafkaCluster.addZonePools', arguments);
    return addZonePools(this, this.subject, id, `addZonePools('${id}')`, options);
  }

  /** The zones the broker pools are pinned to, in the order the pools were added. */
  public get brokerZones(): string[] {
    return [...new Set(this.pools.filter((p) => p.isBroker && p.zone !== undefined).map((p) => p.zone!))];
  }

  /** Adds a listener; Strimzi's rules for listeners are checked at once. */
  public addListener(name: string, options: KafkaListenerOptions): KafkaListener {
    checkArgs(this.subject, 'KafkaCluster.addListener', arguments);
    if (typeof options !== 'object' || options === null) throwPropError(this.subject, `listeners['${name}']`, 'must be listener options', options, 'pass e.g. { port: 9094, type: ListenerType.CLUSTER_IP }');
    const listener = new KafkaListener(this, name, options);
    listener._clientNamespaces = () => ConsistencyPass.of(this).clientNamespaces(this, listener.bootstrapAddresses);
    checkListener({ ...this.subject, listener, others: this.listeners });
    this.listeners.push(listener);
    this.recordListenerFacts(listener);
    if (this.profile === ClusterProfile.PRODUCTION && listener.type === ListenerType.LOADBALANCER && options.loadBalancerSourceRanges === undefined) {
      ConsistencyPass.of(this).warn(this.subject, `listeners['${name}'].loadBalancerSourceRanges`, 'are unset: the load balancers take connections from every address on the internet', undefined, 'list the CIDRs your clients come from');
    }
    return listener;
  }

  /**
   * Adds a listener clients outside the Kubernetes cluster reach through a Gateway with TLS
   * passthrough: bootstrap and per-broker hostnames from the Gateway's scheme, the port clients
   * use advertised, and the TLSRoutes made by Strimzi (default) or by the library. Synthesis
   * fails if the certificate, the Gateway listener and the hosts do not agree.
   */
  public addExternalListener(name: string, options: ExternalListenerOptions): KafkaListener {
    checkArgs(this.subject, 'KafkaCluster.addExternalListener', arguments);
    return addGatewayListener(this, name, options);
  }

  /**
   * Adds a `KafkaRebalance` of this cluster (Strimzi `KafkaRebalance`, in its namespace).
   * @throws as {@link KafkaRebalance}: without Cruise Control, or with goals or brokers the
   *   cluster does not have
   */
  public addRebalance(id: string, options: KafkaRebalanceOptions = {}): KafkaRebalance {
    checkArgs(this.subject, 'KafkaCluster.addRebalance', arguments);
    return new KafkaRebalance(this, id, { ...options, cluster: this });
  }

  /**
   * The goals Cruise Control runs with, resolved as Strimzi 1.2 does
   * (`CruiseControlConfiguration.generateDefaultPropertiesMap`); undefined without Cruise Control.
   */
  public get cruiseControlGoals(): CruiseControlGoalSettings | undefined {
    return this.cruiseControlOptions && resolveGoals(this.cruiseControlOptions, this.ccGoals, this.brokerNodeIds);
  }

  /** Adds a `KafkaTopic` in this cluster's namespace. */
  public addTopic(id: string, options: KafkaTopicOptions = {}): KafkaTopic {
    checkArgs(this.subject, 'KafkaCluster.addTopic', arguments);
    return new KafkaTopic(this, id, { ...options, cluster: this });
  }

  /** Adds a `KafkaUser` in this cluster's namespace. */
  public addUser(id: string, options: KafkaUserOptions = {}): KafkaUser {
    checkArgs(this.subject, 'KafkaCluster.addUser', arguments);
    return new KafkaUser(this, id, { ...options, cluster: this });
  }

  /** Whether the brokers have tiered storage on: `tieredStorage` is set. */
  public get remoteStorageEnabled(): boolean {
    return this.tieredStorage !== undefined;
  }

  /** The listener named `name`. */
  public listener(name: string): KafkaListener {
    checkArgs(this.subject, 'KafkaCluster.listener', arguments);
    const listener = this.listeners.find((l) => l.name === name);
    if (listener === undefined) {
      throwPropError(this.subject, 'listeners', `have no listener ${JSON.stringify(name)}`, this.listeners.map((l) => l.name), `name one of ${this.listeners.map((l) => `'${l.name}'`).join(', ') || 'them (there are none yet: add one first)'}`);
    }
    return listener;
  }

  /** Every listener, in the order added. */
  public get allListeners(): readonly KafkaListener[] {
    return this.listeners;
  }

  /** Every node pool, in the order added. */
  public get nodePools(): readonly KafkaNodePool[] {
    return this.pools;
  }

  /**
   * `host:port` for a client's `bootstrap.servers` inside the Kubernetes cluster.
   * @param listener the listener's name; the first listener by default
   */
  public bootstrapAddress(listener?: string): string {
    checkArgs(this.subject, 'KafkaCluster.bootstrapAddress', arguments);
    const target = listener === undefined ? this.listeners[0] : this.listener(listener);
    if (target === undefined) throw new Error(`KafkaCluster '${this.clusterName}' at ${this.node.path} has no listener yet; add one before asking for its address`);
    return target.bootstrapAddress;
  }

  public get clusterCaCertSecretName(): string {
    return StrimziNames.clusterCaCertSecret(this.clusterName);
  }

  public get clientsCaCertSecretName(): string {
    return StrimziNames.clientsCaCertSecret(this.clusterName);
  }

  /** The headless Service through which every pod has a DNS name. */
  public get brokersServiceHost(): string {
    return serviceHost(StrimziNames.brokersService(this.clusterName), this.namespace);
  }

  /** How many brokers the cluster has (over every pool with the broker role). */
  public get brokerCount(): number {
    return this.pools.filter((p) => p.isBroker).reduce((n, p) => n + p.replicas, 0);
  }

  /** How many KRaft controllers the cluster has. */
  public get controllerCount(): number {
    return this.pools.filter((p) => p.isController).reduce((n, p) => n + p.replicas, 0);
  }

  /** The node ids of every broker, ascending. */
  public get brokerNodeIds(): number[] {
    return this.pools.filter((p) => p.isBroker).flatMap((p) => p.nodeIds).sort((a, b) => a - b);
  }

  /** The broker configuration Strimzi receives: the durable defaults, sized by profile, under the user's. */
  public get brokerConfig(): Record<string, string | number | boolean> {
    const defaults: Record<string, string | number | boolean> = { ...DURABLE_BROKER_CONFIG };
    if (this.profile === ClusterProfile.DEVELOPMENT) {
      const rf = Math.max(1, Math.min(3, this.brokerCount));
      const minIsr = Math.max(1, Math.min(2, rf - 1));
      Object.assign(defaults, {
        'default.replication.factor': rf,
        'min.insync.replicas': minIsr,
        'offsets.topic.replication.factor': rf,
        'transaction.state.log.replication.factor': rf,
        'transaction.state.log.min.isr': minIsr,
        // Kafka's defaults for the share-group state topic (RF 3, min ISR 2) only fit 3 brokers.
        ...(rf < 3 && { 'share.coordinator.state.topic.replication.factor': rf, 'share.coordinator.state.topic.min.isr': minIsr }),
      });
    }
    return { ...defaults, ...this.userConfig };
  }

  /** The replication factor topics get unless they say otherwise. */
  public get defaultReplicationFactor(): number {
    return Number(this.brokerConfig['default.replication.factor']);
  }

  /** Whether some listener authenticates clients by `type`. */
  public hasListenerAuthentication(type: ListenerAuthenticationType): boolean {
    return this.listeners.some((l) => l.authentication.type === type);
  }

  /** @internal */
  public _registerNodePool(pool: KafkaNodePool, requested?: NodeIdRange): NodeIdRange {
    const subject = { scope: pool, kind: 'KafkaNodePool', name: pool.poolName };
    const clash = this.pools.find((p) => p.poolName === pool.poolName);
    if (clash) throwPropError(subject, 'name', `is already used by the pool at ${clash.node.path}`, pool.poolName, 'give each pool its own name');
    const range = requested ?? this.nextFreeRange(pool.replicas);
    if (range.first < 0 || range.last < range.first) {
      throwPropError(subject, 'nodeIds', 'must be a range of ids >= 0, first <= last', range.toString(), 'use NodeIdRange.of(first, last), e.g. NodeIdRange.of(100, 199)');
    }
    if (range.size < pool.replicas) {
      throwPropError(subject, 'nodeIds', `holds ${range.size} ids, fewer than the pool's ${pool.replicas} replicas`, range.toString(), `give the pool at least ${pool.replicas} ids, with room to scale, e.g. NodeIdRange.of(${range.first}, ${range.first + ID_BLOCK - 1})`);
    }
    for (const [other, otherRange] of this.poolRanges) {
      if (range.overlaps(otherRange)) {
        throwPropError(subject, 'nodeIds', `overlaps pool '${other.poolName}' ${otherRange} (node ids must be unique across pools)`, range.toString(), 'pick a disjoint range, or leave nodeIds unset to get the next free block of 100');
      }
    }
    this.pools.push(pool);
    this.poolRanges.set(pool, range);
    return range;
  }

  /**
   * @internal Requests and a memory limit for a pool that sets none, so that no Kafka pod is
   * BestEffort (the first the kubelet evicts) and its heap is sized: Strimzi gives the JVM 50% of
   * the memory limit, at most 5 GiB, when no heap is set (KafkaCluster: `heapOptions(…, 50,
   * 5 GiB)`), or twice the heap when one is set. Brokers need more than controllers; a
   * DEVELOPMENT cluster fits a laptop.
   */
  public _defaultResources(roles: readonly NodeRole[], heap?: Size): ContainerResources {
    const dev = this.profile === ClusterProfile.DEVELOPMENT;
    const broker = roles.includes(NodeRole.BROKER);
    const byRole = dev ? Size.mebibytes(broker ? 1024 : 512) : Size.gibibytes(broker ? 8 : 2);
    // With a heap, the limit is twice it (Strimzi's own ratio: heap = 50% of the limit), whole MiB.
    // A heap the pool refuses (checkSizing: not a Size, not whole, 2^63 bytes or more), or one so
    // large that twice it is no quantity, derives nothing: the pool's check then names the heap.
    const fromHeap = heap === undefined || sizeProblem(heap) !== undefined ? 0 : Math.ceil(heap.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) * 2);
    const memory = fromHeap > byRole.toMebibytes() && fromHeap * 1024 * 1024 < MAX_QUANTITY_BYTES ? Size.mebibytes(fromHeap) : byRole;
    const cpu = dev ? Cpu.millis(broker ? 250 : 100) : Cpu.millis(broker ? 1000 : 250);
    return { cpu: { request: cpu }, memory: { request: memory, limit: memory } };
  }

  /** @internal */
  public _podTemplate(pool: KafkaNodePool): strimzi.KafkaNodePoolSpecTemplate {
    // A pool's template.pod and template.kafkaContainer replace the cluster's (KafkaPool.processTemplate):
    // the cluster's volumes and mounts are repeated here, with the pool's own.
    const poolSubject = { scope: pool, kind: 'KafkaNodePool', name: pool.poolName };
    const [volumeProblem] = podVolumeProblems(poolSubject, { volumes: 'additionalVolumes', mounts: 'volumeMounts' }, pool.additionalVolumes, pool.volumeMounts, kafkaPodVolume,
      { volumes: [...this.additionalVolumes], mounts: this.volumeMounts });
    if (volumeProblem !== undefined) throw new Error(volumeProblem);
    const volumes = podVolumesOf([...this.additionalVolumes, ...pool.additionalVolumes], [...this.volumeMounts, ...pool.volumeMounts]);
    const mounts = [...this.volumeMounts, ...pool.volumeMounts];
    return {
      pod: compact({
        metadata: pool.podLabels && { labels: pool.podLabels },
        volumes: volumes.length > 0 ? volumes.map((v) => v._render()) as strimzi.KafkaNodePoolSpecTemplatePodVolumes[] : undefined,
        securityContext: this.restrictedSecurityContext ? restrictedPodSecurityContext() : undefined,
        // A pool pinned to a zone: required onto its nodes. Strimzi adds "rackTopologyKey exists"
        // to each term for rack-aware brokers (ModelUtils.affinityWithRackLabelSelector).
        affinity: pool.zone === undefined ? undefined : {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: this.rackTopologyKey, operator: 'In', values: [pool.zone] }] }] } },
        },
        // Strimzi no longer adds anti-affinity: spread each pool itself (over nodes only when pinned to a zone).
        topologySpreadConstraints: spreadOverNodesAndZones(
          { 'strimzi.io/cluster': this.clusterName, 'strimzi.io/pool-name': pool.poolName },
          this.rackAwareness && pool.zone === undefined ? this.rackTopologyKey : undefined,
        ),
      }),
      kafkaContainer: compact({
        securityContext: this.restrictedSecurityContext ? restrictedContainerSecurityContext() : undefined,
        volumeMounts: mounts.length > 0 ? mounts.map(renderMount) : undefined,
      }),
    };
  }

  /** What Strimzi makes from this cluster, for the consistency pass: the CA Secrets and the shared Services. */
  private recordFacts(): void {
    const pass = ConsistencyPass.of(this);
    const by = `Strimzi, from KafkaCluster '${this.clusterName}' at ${this.node.path}`;
    pass.provide(this, secretRef(this.namespace, this.clusterCaCertSecretName), by, StrimziNames.caAnchor('cluster', this.namespace, this.clusterName));
    pass.provide(this, secretRef(this.namespace, this.clientsCaCertSecretName), by, StrimziNames.caAnchor('clients', this.namespace, this.clusterName));
    const operatorSecrets = [StrimziNames.clusterCaKeySecret(this.clusterName), StrimziNames.clientsCaKeySecret(this.clusterName), ...StrimziNames.entityOperatorSecrets(this.clusterName)]
      .map((name) => secretRef(this.namespace, name));
    pass.provide(this, () => operatorSecrets, by);
    pass.provide(this, () => [StrimziNames.bootstrapService(this.clusterName), StrimziNames.brokersService(this.clusterName)].map((name) => serviceRef(this.namespace, name)), by);
    // The pods and their StrimziPodSets, whose names clusters in one namespace must not share
    // (cluster 'a' with pool 'b-broker' and cluster 'a-b' with pool 'broker' both make a-b-broker-<id>).
    pass.provide(this, () => this.pools.flatMap((pool) => [
      { group: 'core.strimzi.io', kind: 'StrimziPodSet', namespace: this.namespace, name: `${this.clusterName}-${pool.poolName}` },
      ...pool.podNames(this.clusterName).map((name) => ({ group: '', kind: 'Pod', namespace: this.namespace, name })),
    ]), by);
  }

  /** What a listener serves and claims, for the consistency pass. */
  private recordListenerFacts(listener: KafkaListener): void {
    const pass = ConsistencyPass.of(this);
    const o = listener.options;
    const subject = this.subject;
    const prop = `listeners['${listener.name}']`;
    if (listener.type !== ListenerType.INTERNAL) {
      pass.provide(this, () => [
        listener.bootstrapService,
        ...this.pools.filter((p) => p.isBroker).flatMap((p) => p.nodeIds.map((id) => StrimziNames.perBrokerService(this.clusterName, p.poolName, listener.name, listener.port, id))),
      ].map((name) => serviceRef(this.namespace, name)), `Strimzi, from listener '${listener.name}' of KafkaCluster '${this.clusterName}' at ${this.node.path}`);
    }
    const trustedCa = listener.trustedCa;
    pass.tlsServer({
      scope: this,
      what: `listener '${listener.name}' of KafkaCluster '${this.clusterName}'`,
      addresses: () => [
        ...listener.bootstrapAddresses,
        // The headless Service reaches every broker too, on an internal listener's port.
        ...(listener.type === ListenerType.INTERNAL ? [`${this.brokersServiceHost}:${listener.port}`] : []),
      ],
      brokerHosts: () => this.advertisedHosts(listener),
      trust: trustedCa && secretRef(this.namespace, trustedCa.secretName),
      certificate: o.brokerCertificate && secretRef(this.namespace, o.brokerCertificate.secretName),
      authentication: listener.authentication.type,
      admits: (namespace) => {
        const peers = listener.networkPolicyPeers;
        if (peers === undefined) return true;
        // A peer without namespaceLabels selects pods of the cluster's namespace; labels other
        // than the namespace's name may match anything, so they count as admitting.
        return peers.some((p) => p.cidr !== undefined || (p.namespaceLabels === undefined
          ? namespace === this.namespace
          : p.namespaceLabels['kubernetes.io/metadata.name'] === undefined || p.namespaceLabels['kubernetes.io/metadata.name'] === namespace));
      },
    });
    if (o.bootstrapNodePort !== undefined) pass.nodePort(subject, `${prop}.bootstrapNodePort`, o.bootstrapNodePort);
    (o.brokers ?? []).forEach((b, i) => {
      if (b.nodePort !== undefined) pass.nodePort(subject, `${prop}.brokers[${i}].nodePort`, b.nodePort);
    });
    if (o.brokerCertificate !== undefined) {
      pass.refer(subject, `${prop}.brokerCertificate`, secretRef(this.namespace, o.brokerCertificate.secretName), "Strimzi reads the listener certificate from the cluster's namespace: issue the Certificate there", true);
    }
    if (listener.type === ListenerType.TLSROUTE) {
      for (const [i, parent] of (o.parentRefs ?? []).entries()) {
        const gateway = { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: parent.namespace ?? this.namespace, name: parent.name };
        pass.refer(subject, `${prop}.parentRefs[${i}]`, gateway, 'add the Gateway to this cluster, or name one that is', true);
        pass.route({
          subject, prop, gateway, sectionName: parent.sectionName ?? EVERY_LISTENER, port: parent.port, namespace: this.namespace,
          hostnames: () => this.listenerHosts(listener),
          tls: listener.tls,
          // Strimzi advertises 443 on a tlsroute listener unless told otherwise (KafkaCluster.TLSROUTE_PORT).
          advertisedPort: o.advertisedPortTemplate === undefined ? 443 : /^\d+$/.test(o.advertisedPortTemplate.trim()) ? Number(o.advertisedPortTemplate) : undefined,
        });
      }
    }
  }

  /**
   * The host each broker advertises on `listener`, which clients dial after bootstrapping: an
   * override (`brokers[].advertisedHost`, `advertisedHostTemplate`), else the pod's DNS name
   * through the headless Service (internal) or the per-broker Service (cluster-ip); other types
   * advertise addresses known only at run time (Strimzi `KafkaListenersReconciler`).
   */
  private advertisedHosts(listener: KafkaListener): string[] {
    const o = listener.options;
    return this.pools.filter((p) => p.isBroker).flatMap((pool) => pool.nodeIds.flatMap((nodeId) => {
      const override = o.brokers?.find((b) => b.nodeId === nodeId)?.advertisedHost
        ?? o.advertisedHostTemplate?.replace('{nodeId}', String(nodeId)).replace('{nodePodName}', StrimziNames.podName(this.clusterName, pool.poolName, nodeId));
      if (override !== undefined) return [override];
      if (listener.type === ListenerType.INTERNAL) return [StrimziNames.podDnsName(this.clusterName, pool.poolName, nodeId, this.namespace)];
      if (listener.type === ListenerType.CLUSTER_IP) return [serviceHost(StrimziNames.perBrokerService(this.clusterName, pool.poolName, listener.name, listener.port, nodeId), this.namespace)];
      return [];
    }));
  }

  /** The hosts of a listener's routes: the bootstrap host and each broker's. */
  private listenerHosts(listener: KafkaListener): string[] {
    const o = listener.options;
    const brokers = this.brokerNodeIds.map((id) => o.brokers?.find((b) => b.nodeId === id)?.host ?? o.hostTemplate?.replace('{nodeId}', String(id)));
    return [o.bootstrapHost, ...brokers].filter((h): h is string => h !== undefined);
  }

  /**
   * The default pools of one role: one pool (`id`, named `name`), or with `options.zones` one
   * per zone under `id`; returns the single pool, undefined for zone pools.
   */
  private defaultPools(id: string, name: string, role: NodeRole, prop: string, options: KafkaZonedNodeOptions = {}): KafkaNodePool | undefined {
    const { zones, replicasPerZone, ...pool } = options;
    if (zones === undefined) {
      if (replicasPerZone !== undefined) throwPropError(this.subject, `${prop}.replicasPerZone`, 'is set without zones', replicasPerZone, `list the zones (${prop}: { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], replicasPerZone: ${replicasPerZone} }), or set ${prop}.replicas for one pool`);
      return this.addNodePool(id, { name, roles: [role], ...pool });
    }
    addZonePools(this, this.subject, id, prop, { name, roles: [role], zones, replicasPerZone, ...pool });
    return undefined;
  }

  private nextFreeRange(replicas: number): NodeIdRange {
    const size = Math.ceil(Math.max(replicas, 1) / ID_BLOCK) * ID_BLOCK;
    for (let first = 0; ; first += ID_BLOCK) {
      const candidate = NodeIdRange.of(first, first + size - 1);
      if (![...this.poolRanges.values()].some((r) => r.overlaps(candidate))) return candidate;
    }
  }

  private validateCluster(): string[] {
    const errors: string[] = [];
    const err = (prop: string, problem: string, value: unknown, fix: string) => errors.push(propError(this.subject, prop, problem, value, fix));
    const production = this.profile === ClusterProfile.PRODUCTION;
    const dev = 'or profile: ClusterProfile.DEVELOPMENT for a throwaway cluster';

    const controllers = this.controllerCount;
    const brokers = this.brokerCount;
    if (controllers === 0) err('nodePools', 'have no controller: KRaft needs a controller quorum', 0, 'add a pool with NodeRole.CONTROLLER (the default pools do)');
    else if (production && (controllers < 3 || controllers % 2 === 0)) {
      err(this.controllerPool !== undefined ? 'controllers.replicas' : 'nodePools (the replicas of the controller pools)', 'must be odd and >= 3 for a KRaft quorum that survives a failure', controllers, `set 3 or 5, ${dev}`);
    }
    if (brokers === 0) err('nodePools', 'have no broker', 0, 'add a pool with NodeRole.BROKER (the default pools do)');
    else if (production && brokers < 3) err(this.brokerPool !== undefined ? 'brokers.replicas' : 'nodePools (the replicas of the broker pools)', 'must be >= 3 for RF 3 / min ISR 2', brokers, `set 3 or more, ${dev}`);

    for (const pool of this.pools) {
      // The prop the user set: a default pool's, or the pool's own (addNodePool, addZonePools).
      const storageProp = pool === this.controllerPool ? 'controllers.storage' : pool === this.brokerPool ? 'brokers.storage' : `nodePools['${pool.poolName}'].storage`;
      if (production && pool.storage.isEphemeral) {
        const ids = pool.storage.ephemeralVolumeIds;
        if (ids.length === 0) err(storageProp, 'is ephemeral: every restart loses that pod\'s data', 'ephemeral', `use KafkaStorage.persistentClaim(), ${dev}`);
        else err(storageProp, `has ephemeral JBOD volumes (ids ${ids.join(', ')}): every restart loses their data`, 'ephemeral', `use JbodVolume.persistentClaim() for each, ${dev}`);
      }
    }

    const config = this.brokerConfig;
    for (const p of replicationProblems(config, brokers, !production)) err(p.prop, p.problem, p.value, p.fix);

    // A client of a listener without authentication is User:ANONYMOUS (Kafka's
    // DefaultKafkaPrincipalBuilder: KafkaPrincipal.ANONYMOUS for PLAINTEXT and for SSL without a
    // client certificate), which no KafkaUser's ACLs name: StandardAuthorizer denies it everything
    // unless allow.everyone.if.no.acl.found is on or it is a super user. A cluster whose every
    // listener is so, with ACLs enforced, refuses every client.
    if (this.authorization.enforcesAcls === true && this.listeners.length > 0 && this.listeners.every((l) => l.authentication.type === undefined)
      && !everyoneAllowedWithoutAcl(config) && superUserEntry(this.authorization, ANONYMOUS) === undefined) {
      err('authorization', `is ${this.authorization.type} while no listener authenticates (${this.listeners.map((l) => `'${l.name}'`).join(', ')}): every client is User:ANONYMOUS, which no KafkaUser's ACLs name, so Kafka's authorizer denies every client everything`,
        this.authorization.type, 'use authorization: KafkaAuthorization.none() for a cluster without authentication (as Strimzi\'s examples with plain listeners do), or authenticate a listener (authentication: ListenerAuthentication.scramSha512() or .tls())');
    }

    // Strimzi makes one PodDisruptionBudget over every Kafka pod of the cluster, all pools together
    // (KafkaCluster.generatePodDisruptionBudget: createCustomControllerPodDisruptionBudget(..., nodes().size())).
    const quorumLoss = Math.floor((controllers - 1) / 2) + 1;
    if (production && controllers > 0 && this.maxUnavailable >= quorumLoss) {
      err('maxUnavailable', `lets a drain evict ${quorumLoss} of the ${controllers} controllers at once, which loses the KRaft quorum`, this.maxUnavailable,
        quorumLoss > 1 ? `set at most ${quorumLoss - 1}` : 'run 3 controllers (a quorum of one survives no eviction), or use profile: ClusterProfile.DEVELOPMENT for a throwaway cluster');
    }
    const spare = Number(config['default.replication.factor']) - Number(config['min.insync.replicas']);
    // With no spare replica (min ISR = replication factor) the min ISR is what is wrong, and is
    // reported: maxUnavailable 0 would block every drain instead.
    if (production && brokers > 0 && Number.isInteger(spare) && spare >= 1 && this.maxUnavailable > spare && this.maxUnavailable < quorumLoss) {
      err('maxUnavailable', `lets a drain evict ${this.maxUnavailable} brokers at once; with replication factor ${config['default.replication.factor']} and min.insync.replicas ${config['min.insync.replicas']}, partitions with replicas on them stop taking acks=all writes`, this.maxUnavailable, `set at most ${spare}`);
    }
    const smallest = this.pools.reduce<KafkaNodePool | undefined>((min, p) => (min === undefined || p.replicas < min.replicas ? p : min), undefined);
    if (smallest !== undefined && this.maxUnavailable > Math.max(1, smallest.replicas - 1)) {
      err('maxUnavailable', `lets a drain evict every pod of pool '${smallest.poolName}' (${smallest.replicas} replicas) at once`, this.maxUnavailable, `set at most ${Math.max(1, smallest.replicas - 1)}`);
    }
    if (this.cruiseControl && brokers < 2) err('cruiseControl', 'needs at least 2 brokers', brokers, 'add brokers or turn Cruise Control off');
    if (this.cruiseControlOptions !== undefined) errors.push(...this.cruiseControlProblems(this.cruiseControlOptions));
    for (const listener of this.listeners) errors.push(...listenerBrokerProblems(this.subject, listener, this.brokerNodeIds));
    // A listener reachable from outside the Kubernetes cluster is an open door without TLS (anyone
    // on the path reads the records and credentials) or without authentication (anyone connects).
    for (const listener of this.listeners.filter((l) => production && OUTSIDE_TYPES.includes(l.type))) {
      if (!listener.tls) err(`listeners['${listener.name}'].tls`, `is false on a ${listener.type} listener, which clients reach from outside the Kubernetes cluster: records and credentials would cross networks in clear text`, false, `set tls: true, ${dev}`);
      if (listener.authentication.type === undefined) err(`listeners['${listener.name}'].authentication`, `is none on a ${listener.type} listener: anyone who reaches it connects`, 'none', `use ListenerAuthentication.scramSha512() or .tls(), ${dev}`);
    }
    if (this.listeners.length === 0) err('listeners', 'are empty: Strimzi needs at least one', [], 'leave defaultListener on or call addListener()');
    errors.push(...this.checkDerivedNames());
    return errors;
  }

  /** The `spec.cruiseControl` fields the options set; checks what can be checked at once. */
  private cruiseControlSpec(options: CruiseControlOptions): strimzi.KafkaSpecCruiseControl {
    const prop = (p: string) => `cruiseControl.${p}`;
    for (const key of ['goals', 'defaultGoals', 'hardGoals'] as const) {
      const names = options[key];
      if (names !== undefined) this.ccGoals[key] = checkGoals(this.subject, prop(key), names);
    }
    const capacity = options.brokerCapacity;
    const brokerCapacity = capacity && compact({
      cpu: capacity.cpu && cpuCapacity(this.subject, prop('brokerCapacity.cpu'), capacity.cpu),
      inboundNetwork: capacity.inboundNetwork && networkCapacity(this.subject, prop('brokerCapacity.inboundNetwork'), capacity.inboundNetwork),
      outboundNetwork: capacity.outboundNetwork && networkCapacity(this.subject, prop('brokerCapacity.outboundNetwork'), capacity.outboundNetwork),
      overrides: capacity.overrides?.map((o, i) => {
        const at = (f: string) => prop(`brokerCapacity.overrides[${i}].${f}`);
        if (o.brokers.length === 0) throwPropError(this.subject, at('brokers'), 'is empty', o.brokers, 'name the node ids of the brokers this capacity is for');
        o.brokers.forEach((b, j) => {
          if (!Number.isInteger(b) || b < 0) throwPropError(this.subject, `${at('brokers')}[${j}]`, 'must be a node id (a whole number >= 0)', b, 'use a broker node id, see brokerNodeIds');
        });
        if (o.cpu === undefined && o.inboundNetwork === undefined && o.outboundNetwork === undefined) {
          throwPropError(this.subject, prop(`brokerCapacity.overrides[${i}]`), 'sets no capacity', o, 'set cpu, inboundNetwork or outboundNetwork, or drop the override');
        }
        return compact({
          brokers: [...o.brokers],
          cpu: o.cpu && cpuCapacity(this.subject, at('cpu'), o.cpu),
          inboundNetwork: o.inboundNetwork && networkCapacity(this.subject, at('inboundNetwork'), o.inboundNetwork),
          outboundNetwork: o.outboundNetwork && networkCapacity(this.subject, at('outboundNetwork'), o.outboundNetwork),
        }) as strimzi.KafkaSpecCruiseControlBrokerCapacityOverrides;
      }),
    }) as strimzi.KafkaSpecCruiseControlBrokerCapacity;
    const autoRebalance = options.autoRebalance && autoRebalanceSpec(this, this.subject, this.clusterName, this.namespace, options.autoRebalance);
    const config = options.config && checkCruiseControlConfig(this.subject, prop('config'), options.config);
    const metricsConfig = options.metrics?._bind(this, 'CruiseControlMetricsConfig', `${this.clusterName}-cruise-control-metrics`, CRUISE_CONTROL_RULES, this.clusterName, this.namespace);
    const explicitGoals = Object.keys(this.ccGoals).length > 0;
    return compact({
      brokerCapacity,
      // Goals only when given: otherwise Strimzi writes its own defaults, the same ones.
      config: explicitGoals ? lazy(() => {
        const goals = this.cruiseControlGoals!;
        return {
          ...config,
          'goals': goals.goals.map(qualifiedGoal).join(','),
          'default.goals': goals.defaultGoals.map(qualifiedGoal).join(','),
          'hard.goals': goals.hardGoals.map(qualifiedGoal).join(','),
        };
      }) : config,
      autoRebalance,
      metricsConfig: metricsConfig && { type: strimzi.KafkaSpecCruiseControlMetricsConfigType.JMX_PROMETHEUS_EXPORTER, valueFrom: metricsConfig.valueFrom },
    }) ?? {};
  }

  /** What Cruise Control would refuse, once the brokers are known. */
  private cruiseControlProblems(options: CruiseControlOptions): string[] {
    const settings = this.cruiseControlGoals!;
    const problems = goalSettingProblems(this.subject, settings, { defaultGoals: this.ccGoals.defaultGoals !== undefined, hardGoals: this.ccGoals.hardGoals !== undefined });
    const brokers = this.brokerNodeIds;
    (options.brokerCapacity?.overrides ?? []).forEach((o, i) => {
      const unknown = o.brokers.filter((b) => !brokers.includes(b));
      if (unknown.length > 0) {
        problems.push(propError(this.subject, `cruiseControl.brokerCapacity.overrides[${i}].brokers`, `names node ids ${unknown.join(', ')}, which are no brokers of the cluster (its brokers: ${brokers.join(', ') || 'none'})`, o.brokers, 'use the node ids of brokers, see brokerNodeIds'));
      }
    });
    for (const key of ['addBrokers', 'removeBrokers'] as const) {
      const template = options.autoRebalance?.[key];
      if (template?.goals === undefined) continue;
      problems.push(...rebalanceGoalProblems(this.subject, `cruiseControl.autoRebalance.${key}.goals`, checkGoals(this.subject, `cruiseControl.autoRebalance.${key}.goals`, template.goals), template.skipHardGoalCheck ?? false, settings));
    }
    if (options.config !== undefined) problems.push(...cruiseControlConfigProblems(this.subject, 'cruiseControl.config', options.config, settings));
    return problems;
  }

  /** Every Service and pod name Strimzi will derive must be a DNS label (63 characters at most). */
  private checkDerivedNames(): string[] {
    // The Services every cluster has (the shared bootstrap and the headless brokers Service).
    const names: string[] = [StrimziNames.bootstrapService(this.clusterName), StrimziNames.brokersService(this.clusterName)];
    for (const pool of this.pools) {
      names.push(...pool.podNames(this.clusterName));
      for (const listener of this.listeners.filter((l) => l.type !== ListenerType.INTERNAL)) {
        names.push(listener.bootstrapService);
        if (pool.isBroker) names.push(...pool.nodeIds.map((id) => StrimziNames.perBrokerService(this.clusterName, pool.poolName, listener.name, listener.port, id)));
      }
    }
    const tooLong = names.find((n) => n.length > MAX_SERVICE_NAME);
    return tooLong === undefined
      ? []
      : [propError(this.subject, 'name', `makes Strimzi derive ${JSON.stringify(tooLong)}, ${tooLong.length} characters; Service and pod names are DNS labels of at most ${MAX_SERVICE_NAME}`, this.clusterName, 'shorten the cluster, pool or listener name')];
  }
}
