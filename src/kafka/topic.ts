import { checkArgs, constructId } from '../core/props';
import { Construct, IConstruct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass } from '../core/consistency';
import { propError, Subject, throwPropError } from '../core/errors';
import { checkName, checkTopicName, NameFormat, toResourceName } from '../core/naming';
import { checkConfigValues, MAX_REPLICATION_FACTOR, minIsrProblem } from './broker-config';
import { modelVersion } from './config-model';
import type { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
import { ClusterProfile, KafkaCluster } from './kafka-cluster';
import type { IKafkaCluster } from './kafka-cluster';
import type { AclRule, KafkaUser } from './user';
import { checkTopicRemoteStorage, remoteStorageConfig, TopicRemoteStorage } from './tiered-storage';
import { zoneShare } from './zones';

/** Options of `KafkaCluster.addTopic()`. */
export interface KafkaTopicOptions {
  /**
   * The topic's name in Kafka: letters, digits, '.', '_' and '-', at most 249 characters.
   * @default - the construct id
   */
  readonly topicName?: string;
  /**
   * The `KafkaTopic` resource's name (`metadata.name`), a DNS-1123 subdomain unique in the
   * namespace: set it when two clusters in one namespace each have a topic of one name (e.g.
   * `events-orders` and `audit-orders` for two topics `orders`).
   * @default - the topic name when it is a DNS-1123 subdomain, else one derived from it (lowercase, with a hash)
   */
  readonly resourceName?: string;
  /**
   * Partitions: the most consumers of one group that can work in parallel. Can grow later, never shrink.
   * @default 3
   */
  readonly partitions?: number;
  /**
   * Replicas of each partition; at most the number of brokers.
   * @default - the cluster's `default.replication.factor` (3)
   */
  readonly replicas?: number;
  /**
   * Topic configuration, e.g. `{ 'retention.ms': 604800000, 'cleanup.policy': 'compact' }`: topic
   * configs of the cluster's Kafka version, which is all Kafka takes on a topic, judged by Kafka's
   * own configuration model: each value of the type Kafka parses the key as (`'retention.ms'` is a
   * LONG of milliseconds: `'7d'` fails), within its range and among its valid values. A broker key
   * such as `log.retention.ms`, or an unknown or removed key, is rejected with the key meant. A LIST
   * (e.g. `cleanup.policy`) may be a comma-separated string or an array of strings.
   * @default - the broker defaults
   */
  readonly config?: Record<string, string | number | boolean | string[]>;
  /**
   * Keep the topic's older segments in the cluster's remote store (tiered storage): sets
   * `remote.storage.enable` and, when given, `local.retention.ms` / `local.retention.bytes`
   * (which `config` must then not set). Checked at once as Kafka's controller checks a new topic
   * (`LogConfig.validate`, with the broker's defaults): the cluster has `tieredStorage`
   * (`validateRemoteStorageOnlyIfSystemEnabled`), `cleanup.policy` is `delete`
   * (`validateRemoteStorageRequiresDeleteCleanupPolicy`), and the local retention is at most the
   * topic's retention (`validateRemoteStorageRetentionTime` / `...Size`). The same checks apply to
   * `config: { 'remote.storage.enable': true }`.
   * @default - off: every segment stays on the brokers' disks
   */
  readonly remoteStorage?: TopicRemoteStorage;
}

/** Props of {@link KafkaTopic}. */
export interface KafkaTopicProps extends KafkaTopicOptions {
  /** The cluster the topic lives in. */
  readonly cluster: IKafkaCluster;
}

/**
 * A Strimzi `KafkaTopic`, managed by the cluster's topic operator.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * const orders = new KafkaTopic(chart, 'Orders', { cluster: kafka, topicName: 'orders', partitions: 12, config: { 'retention.ms': 604800000 } });
 * orders.grantRead(kafka.addUser('billing'), { group: 'billing' });
 */
export class KafkaTopic extends Construct {
  /** The topic's name in Kafka. */
  public readonly topicName: string;
  /** The number of partitions. */
  public readonly partitions: number;
  /** The replication factor, when set explicitly (otherwise the cluster default applies). */
  public readonly replicas?: number;
  /** The `KafkaTopic` resource's name (`metadata.name`). */
  public readonly resourceName: string;
  /** The cluster the topic lives in. */
  public readonly cluster: IKafkaCluster;
  /** The L1 `KafkaTopic`. */
  public readonly resource: strimzi.KafkaTopic;
  /** @internal The topic's configuration as rendered (`config` with the remote storage keys). */
  public readonly _config: Readonly<Record<string, string | number | boolean | string[]>>;

  private readonly subject: Subject;

  /** Creates a KafkaTopic in the cluster's namespace. */
  public constructor(scope: Construct, id: string, props: KafkaTopicProps) {
    super(scope, constructId('KafkaTopic', scope, id));
    checkArgs({ scope: this, kind: 'KafkaTopic', name: id }, 'KafkaTopic.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.topicName = props.topicName ?? id;
    const subject: Subject = { scope: this, kind: 'KafkaTopic', name: this.topicName };
    this.subject = subject;
    checkTopicName(subject, 'topicName', this.topicName);
    checkReservedTopicName(subject, 'topicName', this.topicName);
    if (this.topicName.startsWith('__')) {
      // Kafka reserves only the names above; tools take every '__' name for an internal topic.
      ConsistencyPass.of(this).warn(subject, 'topicName', "starts with '__', which Kafka's tools take for an internal topic: MirrorMaker 2 does not replicate it (ReplicationPolicy.isInternalTopic) and kafka-topics --exclude-internal hides it", this.topicName, 'use a name without the leading "__" unless the topic is a tool\'s own');
    }
    this.partitions = props.partitions ?? 3;
    // CreateTopics carries the partition count as an int32 and the replication factor as an int16.
    if (!Number.isInteger(this.partitions) || this.partitions < 1 || this.partitions > MAX_PARTITIONS) {
      throwPropError(subject, 'partitions', `must be a whole number from 1 to ${MAX_PARTITIONS} (Kafka's NumPartitions is an int32)`, this.partitions, 'set the parallelism you need, e.g. 12');
    }
    this.replicas = props.replicas;
    if (this.replicas !== undefined && (!Number.isInteger(this.replicas) || this.replicas < 1 || this.replicas > MAX_REPLICATION_FACTOR)) {
      throwPropError(subject, 'replicas', `must be a whole number from 1 to ${MAX_REPLICATION_FACTOR} (Kafka's ReplicationFactor is an int16)`, this.replicas, 'set 3, or leave it unset for the cluster default');
    }
    const config = props.config ?? {};
    const cluster = props.cluster;
    // Judged by the model of the cluster's Kafka version (the default one for a cluster made elsewhere).
    checkConfigValues(subject, 'config', config, 'topic', modelVersion(cluster?.version));
    this.cluster = cluster;

    // Kubernetes names are DNS subdomains; a topic name that is not one keeps its Kafka name in
    // spec.topicName and gets a derived, collision-free resource name.
    if (props.resourceName !== undefined) {
      checkName(subject, 'resourceName', props.resourceName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaTopic resource, unique in its namespace', example: `${cluster.clusterName}-${toResourceName(this.topicName)}`.slice(0, 253) });
    }
    const resourceName = props.resourceName ?? toResourceName(this.topicName);
    this.resourceName = resourceName;
    // Tiered storage: the remoteStorage prop's keys, then Kafka's checks of a new topic's remote storage.
    const remote = remoteStorageConfig(subject, props.remoteStorage, config);
    const topicConfig = { ...config, ...remote };
    this._config = { ...topicConfig };
    checkTopicRemoteStorage(subject, topicConfig, new Set(Object.keys(remote)), {
      name: cluster.clusterName,
      tieredStorage: cluster.remoteStorageEnabled,
      brokerConfig: cluster.brokerConfig ?? {},
    });
    this.resource = new strimzi.KafkaTopic(this, 'Resource', {
      metadata: {
        name: resourceName,
        namespace: cluster.namespace,
        labels: { 'strimzi.io/cluster': cluster.clusterName },
      },
      spec: {
        ...(resourceName !== this.topicName && { topicName: this.topicName }),
        partitions: this.partitions,
        ...(this.replicas !== undefined && { replicas: this.replicas }),
        ...(Object.keys(topicConfig).length > 0 && { config: topicConfig }),
      },
    });

    // Topics of one cluster by their name as Kafka's metrics see it, in the order they were made.
    const byName = TOPICS.get(cluster) ?? new Map<string, KafkaTopic[]>();
    TOPICS.set(cluster, byName);
    const unified = unifyCollisionChars(this.topicName);
    byName.set(unified, [...(byName.get(unified) ?? []), this]);
    this.node.addValidation({ validate: () => this.collisions(subject, unified) });
    this.node.addValidation({ validate: () => this.zoneLoss(subject, config) });

    ConsistencyPass.of(this).declare(cluster, 'topic', this.topicName);
    // Strimzi's topic operator watches KafkaTopics in its own Kubernetes cluster only (the entity
    // operator runs beside the Kafka resource): a KafkaTopic in the chart of another cluster
    // (Environment.addCluster) would never be reconciled. A cluster that is not a KafkaCluster of
    // the app may be made outside it, so its reference only warns when nothing has its name.
    ConsistencyPass.of(this).refer(subject, 'cluster', { group: 'kafka.strimzi.io', kind: 'Kafka', namespace: cluster.namespace, name: cluster.clusterName },
      `create the topic in the chart of the Kubernetes cluster that runs Kafka '${cluster.clusterName}' (${cluster.node.path}), e.g. with its addTopic(): only its topic operator reconciles it`,
      !(cluster instanceof KafkaCluster));

    this.node.addValidation({
      validate: () => {
        // What the cluster tells (a cluster made elsewhere may tell less: then less is checked).
        const brokerConfig = cluster.brokerConfig ?? {};
        const replicas = this.replicas ?? Number(brokerConfig['default.replication.factor'] ?? NaN);
        if (Number.isNaN(replicas)) return [];
        const errors: string[] = [];
        if (cluster.brokerCount !== undefined && replicas > cluster.brokerCount) {
          errors.push(propError(subject, 'replicas', `exceed the ${cluster.brokerCount} brokers of cluster '${cluster.clusterName}'`, replicas, `set at most ${cluster.brokerCount}, or add brokers`));
        }
        const minIsr = Number(config['min.insync.replicas'] ?? brokerConfig['min.insync.replicas'] ?? NaN);
        if (Number.isNaN(minIsr)) return errors;
        const problem = minIsrProblem(replicas, minIsr, cluster.profile === ClusterProfile.DEVELOPMENT);
        if (problem !== undefined) {
          const from = config['min.insync.replicas'] === undefined ? ` (the cluster's min.insync.replicas applies to the topic's ${replicas} replicas)` : ` (the topic has ${replicas} replicas)`;
          errors.push(propError(subject, "config['min.insync.replicas']", `${problem.problem}${from}`, minIsr, problem.fix));
        }
        return errors;
      },
    });
  }

  /**
   * The zone rule of a topic that sets its own replicas or min ISR on a production cluster whose
   * brokers are pinned to zones (the cluster checks its defaults): losing the zone that holds the
   * most replicas of a partition (Kafka's `StripedReplicaPlacer`, see `zones.ts`) must leave
   * `min.insync.replicas` of them, or acks=all writes fail.
   */
  private zoneLoss(subject: Subject, config: Readonly<Record<string, unknown>>): string[] {
    const cluster = this.cluster;
    if (!(cluster instanceof KafkaCluster) || cluster.profile !== ClusterProfile.PRODUCTION) return [];
    if (this.replicas === undefined && config['min.insync.replicas'] === undefined) return [];
    const rf = this.replicas ?? cluster.defaultReplicationFactor;
    const isr = Number(config['min.insync.replicas'] ?? cluster.brokerConfig['min.insync.replicas']);
    if (!Number.isInteger(isr) || isr < 1 || isr >= rf) return [];
    const share = zoneShare(cluster.nodePools, cluster.rackAwareness, rf);
    if (share === undefined || rf - share.worst >= isr) return [];
    const prop = this.replicas !== undefined ? 'replicas' : "config['min.insync.replicas']";
    return [propError(subject, prop, `leave ${rf - share.worst} of the ${rf} replicas when a zone is lost: cluster '${cluster.clusterName}' has its brokers in ${share.zones} zone${share.zones > 1 ? 's' : ''} (${cluster.brokerZones.join(', ')}), and Kafka's rack-aware placement (StripedReplicaPlacer) can put ${share.worst} replicas of a partition in one, fewer than min.insync.replicas ${isr} remain, and acks=all writes fail with NotEnoughReplicas`,
      this.replicas ?? isr, this.replicas !== undefined ? `raise replicas until replicas − replicas in one zone >= ${isr}, or leave it unset for the cluster's default` : `lower it to ${rf - share.worst} at most, or raise replicas`)];
  }

  /**
   * Lets `user` consume this topic in a consumer group: the ACLs a Kafka consumer needs, no more.
   * Each operation is checked by the handler of each request in Kafka's
   * `core/src/main/scala/kafka/server/KafkaApis.scala`:
   *
   * - topic, Read: Fetch (`handleFetchRequest`), OffsetCommit (`handleOffsetCommitRequest`);
   * - topic, Describe: Metadata (`handleTopicMetadataRequest`), ListOffsets
   *   (`handleListOffsetRequest`), OffsetFetch (`handleOffsetFetchRequest`), OffsetForLeaderEpoch
   *   (`handleOffsetForLeaderEpochRequest`), ConsumerGroupHeartbeat (`handleConsumerGroupHeartbeat`);
   * - group, Read: JoinGroup, SyncGroup, Heartbeat, LeaveGroup (`handleJoinGroupRequest`,
   *   `handleSyncGroupRequest`, `handleHeartbeatRequest`, `handleLeaveGroupRequest`),
   *   ConsumerGroupHeartbeat (`handleConsumerGroupHeartbeat`), OffsetCommit (`handleOffsetCommitRequest`);
   * - group, Describe: FindCoordinator (`handleFindCoordinatorRequest`), OffsetFetch (`handleOffsetFetchRequest`).
   *
   * Describe is written out although Kafka's authorizer lets Read imply it
   * (`StandardAuthorizerData.IMPLIES_DESCRIBE`): the rules say all the client does, as Strimzi's
   * example users do, and hold for authorizers that do not imply it. The user must be a user of
   * this topic's cluster, whose authorizer must take KafkaUser ACLs (`simple`, or `custom` with
   * `supportsAdminApi`). Granting again adds nothing; the grants of one resource make one rule.
   * A grant to a super user changes nothing; with `allow.everyone.if.no.acl.found: true` the
   * first ACL on the topic closes it to every client no ACL allows (see {@link KafkaAuthorization}).
   * @param user the user that consumes
   * @param options the consumer group
   * @returns the rules of the grant
   */
  public grantRead(user: KafkaUser, options: GrantReadOptions): AclRule[] {
    checkArgs(this.subject, 'KafkaTopic.grantRead', arguments);
    return user._grant({ by: this.subject, method: 'grantRead()', cluster: this.cluster }, [
      { access: 'consume', resource: this },
      { access: 'group', resource: options.group, prop: 'options.group' },
    ]);
  }

  /**
   * Lets `user` produce to this topic: the ACLs a Kafka producer needs, no more. Each operation is
   * checked by the handler of each request in Kafka's `core/src/main/scala/kafka/server/KafkaApis.scala`:
   *
   * - topic, Write: Produce (`handleProduceRequest`), and AddPartitionsToTxn of a transactional
   *   producer (`handleAddPartitionsToTxnRequest`). Write on a topic also lets the idempotent
   *   producer (Kafka's default) get its producer id: InitProducerId (`handleInitProducerIdRequest`)
   *   accepts IdempotentWrite on the cluster or Write on any topic (`AuthHelper.authorizeByResourceType`),
   *   so no cluster rule is written;
   * - topic, Describe: Metadata (`handleTopicMetadataRequest`);
   * - with `transactionalId`, transactional id, Write: InitProducerId (`handleInitProducerIdRequest`),
   *   Produce of transactional records (`handleProduceRequest`), AddPartitionsToTxn
   *   (`handleAddPartitionsToTxnRequest`), EndTxn (`handleEndTxnRequest`);
   * - with `transactionalId`, transactional id, Describe: FindCoordinator of the transaction
   *   coordinator (`handleFindCoordinatorRequest`).
   *
   * A transactional producer that also commits consumed offsets (`sendOffsetsToTransaction`)
   * needs Read on the group and the input topics too (AddOffsetsToTxn, TxnOffsetCommit):
   * `grantRead()` them. Describe is written out although Write implies it (see `grantRead()`).
   * @param user the user that produces
   * @param options the transactional id, for a transactional producer
   * @returns the rules of the grant
   */
  public grantWrite(user: KafkaUser, options: GrantWriteOptions = {}): AclRule[] {
    checkArgs(this.subject, 'KafkaTopic.grantWrite', arguments);
    return user._grant({ by: this.subject, method: 'grantWrite()', cluster: this.cluster }, [
      { access: 'produce', resource: this },
      ...(options.transactionalId !== undefined ? [{ access: 'transactionalId' as const, resource: options.transactionalId, prop: 'options.transactionalId' }] : []),
    ]);
  }

  /**
   * Lets `user` consume this topic in a consumer group and produce to it: what `grantRead()` and
   * `grantWrite()` give, merged into one rule per resource (topic: Read, Write, Describe; group:
   * Read, Describe; with `transactionalId`, transactional id: Write, Describe).
   * @param user the user that consumes and produces
   * @param options the consumer group, and the transactional id of a transactional producer
   * @returns the rules of the grant
   */
  public grantReadWrite(user: KafkaUser, options: GrantReadWriteOptions): AclRule[] {
    checkArgs(this.subject, 'KafkaTopic.grantReadWrite', arguments);
    return user._grant({ by: this.subject, method: 'grantReadWrite()', cluster: this.cluster }, [
      { access: 'consume', resource: this },
      { access: 'produce', resource: this },
      { access: 'group', resource: options.group, prop: 'options.group' },
      ...(options.transactionalId !== undefined ? [{ access: 'transactionalId' as const, resource: options.transactionalId, prop: 'options.transactionalId' }] : []),
    ]);
  }

  /**
   * The topics of the same cluster made before this one whose names collide with this one's:
   * the same name (two KafkaTopics for one topic: Strimzi reconciles only the oldest), or names
   * that differ only in '.' against '_', which Kafka refuses to create side by side because they
   * share metric names (`Topic.hasCollision`; the controller's `validateNewTopicNames` fails the
   * second with INVALID_TOPIC_EXCEPTION "collides with existing topic").
   */
  private collisions(subject: Subject, unified: string): string[] {
    const first = TOPICS.get(this.cluster)?.get(unified)?.[0];
    if (first === undefined || first === this) return [];
    const same = first.topicName === this.topicName;
    return [propError(subject, 'topicName', same
      ? `is also the name of KafkaTopic at ${first.node.path} in cluster '${this.cluster.clusterName}': two resources for one topic, of which Strimzi's topic operator reconciles only the oldest`
      : `collides with topic '${first.topicName}' (KafkaTopic at ${first.node.path}) in cluster '${this.cluster.clusterName}': Kafka takes '.' and '_' as the same in metric names and refuses to create the second (Topic.hasCollision)`,
    this.topicName, same ? 'remove one of them' : `rename one of them so that they differ in more than '.' against '_'`)];
  }
}

/** The topics of each cluster by {@link unifyCollisionChars} of their names, in the order they were made, for the collision check. */
const TOPICS = new WeakMap<IConstruct, Map<string, KafkaTopic[]>>();

/** The largest partition count: CreateTopics' `NumPartitions` is an int32. */
const MAX_PARTITIONS = 2 ** 31 - 1;

/**
 * The topics Kafka makes and manages itself: `Topic.GROUP_METADATA_TOPIC_NAME`,
 * `TRANSACTION_STATE_TOPIC_NAME` and `SHARE_GROUP_STATE_TOPIC_NAME` (`Topic.isInternal`, created
 * by their coordinators with the broker's `offsets.topic.*`, `transaction.state.log.*` and
 * `share.coordinator.state.topic.*` settings), `CLUSTER_METADATA_TOPIC_NAME` (the KRaft log,
 * whose creation CreateTopics refuses), and `TopicBasedRemoteLogMetadataManagerConfig
 * .REMOTE_LOG_METADATA_TOPIC_NAME` (tiered storage's metadata, made by the broker).
 */
const KAFKA_INTERNAL_TOPICS = ['__consumer_offsets', '__transaction_state', '__share_group_state', '__cluster_metadata', '__remote_log_metadata'];

/** Kafka's `Topic.unifyCollisionChars`: '.' as '_', for `Topic.hasCollision`. */
function unifyCollisionChars(name: string): string {
  return name.replace(/\./g, '_');
}

/**
 * Whether two different topic names collide: they differ only in '.' against '_', which Kafka
 * takes as the same in metric names, so it refuses to create the second (`Topic.hasCollision`;
 * the controller's `validateNewTopicNames`: "collides with existing topic").
 * @internal
 */
export function topicNamesCollide(a: string, b: string): boolean {
  return a !== b && unifyCollisionChars(a) === unifyCollisionChars(b);
}

/**
 * The KafkaTopics of `cluster` (the construct given as their `cluster`), in the order they were
 * made, as they are now: call it at synth (in a validation) to see the topics added later.
 * @internal
 */
export function topicsOf(cluster: IKafkaCluster): KafkaTopic[] {
  return [...(TOPICS.get(cluster)?.values() ?? [])].flat();
}

/**
 * The cleanup policies a KafkaTopic's topic gets: its `cleanup.policy` (a LIST: a string of
 * comma-separated values or an array), else the cluster's `log.cleanup.policy`, else Kafka's
 * default `delete`.
 * @internal
 */
export function topicCleanupPolicies(topic: KafkaTopic): string[] {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : String(v).split(',')).map((p) => p.trim()).filter((p) => p !== '');
  const own = topic._config['cleanup.policy'];
  if (own !== undefined) return list(own);
  const broker = topic.cluster.brokerConfig?.['log.cleanup.policy'];
  return broker !== undefined ? list(broker) : ['delete'];
}

/**
 * Throws unless `name` is a topic a KafkaTopic (or a component's own topic) may be: not one of
 * Kafka's internal topics, nor a name that collides with one (`__consumer.offsets` against
 * `__consumer_offsets`, which always exists, so Kafka refuses it: `Topic.hasCollision`).
 * @internal
 */
export function checkReservedTopicName(subject: Subject, prop: string, name: string): void {
  const internal = KAFKA_INTERNAL_TOPICS.find((t) => unifyCollisionChars(t) === unifyCollisionChars(name));
  if (internal === undefined) return;
  throwPropError(subject, prop, internal === name
    ? `is a topic Kafka makes and manages itself (an internal topic): ${prop === 'topicName' ? 'a KafkaTopic for it' : 'another use of it'} would fight the broker over its partitions and configuration`
    : `collides with Kafka's internal topic '${internal}' ('.' and '_' are the same in metric names: Topic.hasCollision), so Kafka refuses to create it`,
  name, internal === name ? "leave it out; set its options on the cluster's config (e.g. 'offsets.topic.replication.factor')" : "pick another name; names starting '__' are Kafka's by convention");
}
