import { Construct } from 'constructs';
import { Subject, throwPropError } from '../core/errors';
import { checkArgs } from '../core/props';
import type { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
import type { ClusterProfile, IKafkaCluster, KafkaAuthorization } from './kafka-cluster';
import type { KafkaListener } from './listener';
import type { KafkaTopic } from './topic';
import type { Acl, AclRule, KafkaUser } from './user';

/**
 * What every Kafka cluster a construct can refer to has: the facts of {@link IKafkaCluster} and
 * the cluster-level grants, the same for a {@link KafkaCluster} of the app and for one declared
 * with `KafkaCluster.fromClusterAttributes()`.
 */
export abstract class KafkaClusterBase extends Construct implements IKafkaCluster {
  public abstract readonly clusterName: string;
  public abstract readonly namespace?: string;
  public abstract readonly clusterCaCertSecretName: string;
  public abstract readonly clientsCaCertSecretName: string;
  public abstract readonly allListeners: readonly KafkaListener[];
  public abstract readonly version?: string;
  public abstract readonly authorization?: KafkaAuthorization;
  public abstract readonly brokerCount?: number;
  public abstract readonly brokerConfig?: Readonly<Record<string, string | number | boolean>>;
  public abstract readonly profile?: ClusterProfile;
  public abstract readonly remoteStorageEnabled?: boolean;
  /** What the cluster's messages name: the construct, its kind and name. */
  protected abstract readonly subject: Subject;

  // Grants: the ACLs a kind of client needs (the model and its Kafka sources: grants.ts). A topic
  // is a KafkaTopic or a topic pattern (Acl.topic(), Acl.topicPrefix()); a group or transactional
  // id is a name or a pattern (Acl.groupPrefix('orders-'), Acl.transactionalIdPrefix('tx-')).
  // What a grant changes for a super user and with allow.everyone.if.no.acl.found: KafkaAuthorization.

  /**
   * Lets `user` consume `topic` in a consumer group: topic Read and Describe, group Read and
   * Describe. Like `KafkaTopic.grantRead()`, for a topic pattern too (`Acl.topicPrefix('orders-')`).
   * Sources (Kafka `core/src/main/scala/kafka/server/KafkaApis.scala`): topic Read by Fetch
   * (`handleFetchRequest`) and OffsetCommit (`handleOffsetCommitRequest`); topic Describe by
   * Metadata (`handleTopicMetadataRequest`), ListOffsets (`handleListOffsetRequest`), OffsetFetch
   * (`handleOffsetFetchRequest`), OffsetForLeaderEpoch (`handleOffsetForLeaderEpochRequest`);
   * group Read by JoinGroup, SyncGroup, Heartbeat, LeaveGroup, ConsumerGroupHeartbeat and
   * OffsetCommit (`handleJoinGroupRequest`, `handleSyncGroupRequest`, `handleHeartbeatRequest`,
   * `handleLeaveGroupRequest`, `handleConsumerGroupHeartbeat`, `handleOffsetCommitRequest`); group
   * Describe by FindCoordinator (`handleFindCoordinatorRequest`) and OffsetFetch (`handleOffsetFetchRequest`).
   * @param user a user of this cluster
   * @param topic a KafkaTopic of this cluster, or `Acl.topic(name)`, `Acl.topicPrefix(prefix)`
   * @param options the consumer group
   * @returns the rules of the grant
   */
  public grantRead(user: KafkaUser, topic: KafkaTopic | Acl, options: GrantReadOptions): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantRead', arguments);
    return user._grant({ by: this.subject, method: 'grantRead()', cluster: this }, [
      { access: 'consume', resource: topic, prop: 'topic' },
      { access: 'group', resource: options.group, prop: 'options.group' },
    ]);
  }

  /**
   * Lets `user` produce to `topic`: topic Write and Describe, and with `transactionalId`,
   * transactional id Write and Describe. Sources (Kafka `KafkaApis.scala`): topic Write by Produce
   * (`handleProduceRequest`) and AddPartitionsToTxn (`handleAddPartitionsToTxnRequest`), and by
   * InitProducerId of the idempotent producer, which accepts Write on any topic
   * (`handleInitProducerIdRequest`, `AuthHelper.authorizeByResourceType`); topic Describe by
   * Metadata (`handleTopicMetadataRequest`); transactional id Write by InitProducerId, Produce,
   * AddPartitionsToTxn and EndTxn (`handleInitProducerIdRequest`, `handleProduceRequest`,
   * `handleAddPartitionsToTxnRequest`, `handleEndTxnRequest`), Describe by FindCoordinator
   * (`handleFindCoordinatorRequest`).
   * @param user a user of this cluster
   * @param topic a KafkaTopic of this cluster, or `Acl.topic(name)`, `Acl.topicPrefix(prefix)`
   * @param options the transactional id, for a transactional producer
   * @returns the rules of the grant
   */
  public grantWrite(user: KafkaUser, topic: KafkaTopic | Acl, options: GrantWriteOptions = {}): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantWrite', arguments);
    return user._grant({ by: this.subject, method: 'grantWrite()', cluster: this }, [
      { access: 'produce', resource: topic, prop: 'topic' },
      ...(options.transactionalId !== undefined ? [{ access: 'transactionalId' as const, resource: options.transactionalId, prop: 'options.transactionalId' }] : []),
    ]);
  }

  /**
   * Lets `user` consume `topic` in a consumer group and produce to it: what `grantRead()` and
   * `grantWrite()` give (with their sources), one rule per resource.
   * @param user a user of this cluster
   * @param topic a KafkaTopic of this cluster, or `Acl.topic(name)`, `Acl.topicPrefix(prefix)`
   * @param options the consumer group, and the transactional id of a transactional producer
   * @returns the rules of the grant
   */
  public grantReadWrite(user: KafkaUser, topic: KafkaTopic | Acl, options: GrantReadWriteOptions): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantReadWrite', arguments);
    return user._grant({ by: this.subject, method: 'grantReadWrite()', cluster: this }, [
      { access: 'consume', resource: topic, prop: 'topic' },
      { access: 'produce', resource: topic, prop: 'topic' },
      { access: 'group', resource: options.group, prop: 'options.group' },
      ...(options.transactionalId !== undefined ? [{ access: 'transactionalId' as const, resource: options.transactionalId, prop: 'options.transactionalId' }] : []),
    ]);
  }

  /**
   * Lets `user` get a producer id without a transactional id (the idempotent producer, Kafka's
   * default): IdempotentWrite on the cluster. A user granted Write on a topic needs no such rule:
   * InitProducerId (Kafka `KafkaApis.handleInitProducerIdRequest`) accepts IdempotentWrite on the
   * cluster or Write on any topic (`AuthHelper.authorizeByResourceType`, since Kafka 2.8), so
   * `grantWrite()` alone makes an idempotent producer. Use this for a principal whose
   * InitProducerId must not depend on its topic rules.
   * @param user a user of this cluster
   * @returns the rules of the grant
   */
  public grantIdempotentWrite(user: KafkaUser): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantIdempotentWrite', arguments);
    return user._grant({ by: this.subject, method: 'grantIdempotentWrite()', cluster: this }, [{ access: 'idempotent' }]);
  }

  /**
   * Lets `user` produce to `topics` in transactions as `transactionalId`: transactional id Write
   * and Describe, and topic Write and Describe for each topic. Sources (Kafka `KafkaApis.scala`):
   * transactional id Write by InitProducerId (`handleInitProducerIdRequest`), Produce of
   * transactional records (`handleProduceRequest`), AddPartitionsToTxn
   * (`handleAddPartitionsToTxnRequest`), EndTxn (`handleEndTxnRequest`); Describe by
   * FindCoordinator (`handleFindCoordinatorRequest`); topic Write by Produce and
   * AddPartitionsToTxn, Describe by Metadata (`handleTopicMetadataRequest`). A producer that also
   * commits consumed offsets in its transactions needs Read on the group and the input topics
   * (AddOffsetsToTxn, TxnOffsetCommit: `handleAddOffsetsToTxnRequest`,
   * `handleTxnOffsetCommitRequest`): `grantRead()` them.
   * @param user a user of this cluster
   * @param transactionalId the `transactional.id`: a name, `Acl.transactionalId(name)` or `Acl.transactionalIdPrefix(prefix)`
   * @param topics the topics it writes (at least one): KafkaTopics of this cluster, or `Acl.topic()`, `Acl.topicPrefix()`
   * @returns the rules of the grant
   */
  public grantTransactionalWrite(user: KafkaUser, transactionalId: string | Acl, ...topics: (KafkaTopic | Acl)[]): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantTransactionalWrite', arguments);
    if (topics.length === 0) throwPropError(this.subject, 'topics', 'are none: a transactional producer writes to some topic', [], 'name the topics it writes, e.g. grantTransactionalWrite(user, \'orders-tx\', ordersTopic)');
    return user._grant({ by: this.subject, method: 'grantTransactionalWrite()', cluster: this }, [
      { access: 'transactionalId', resource: transactionalId, prop: 'transactionalId' },
      ...topics.map((topic, i) => ({ access: 'produce' as const, resource: topic, prop: `topics[${i}]` })),
    ]);
  }

  /**
   * Lets `user` be a member of a consumer group and commit its offsets: group Read and Describe.
   * Sources (Kafka `KafkaApis.scala`): Read by JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
   * ConsumerGroupHeartbeat and OffsetCommit (`handleJoinGroupRequest`, `handleSyncGroupRequest`,
   * `handleHeartbeatRequest`, `handleLeaveGroupRequest`, `handleConsumerGroupHeartbeat`,
   * `handleOffsetCommitRequest`), and by AddOffsetsToTxn and TxnOffsetCommit of a transactional
   * producer (`handleAddOffsetsToTxnRequest`, `handleTxnOffsetCommitRequest`); Describe by
   * FindCoordinator (`handleFindCoordinatorRequest`) and OffsetFetch (`handleOffsetFetchRequest`).
   * @param user a user of this cluster
   * @param group the `group.id`: a name, `Acl.group(name)` or `Acl.groupPrefix(prefix)`
   * @returns the rules of the grant
   */
  public grantConsumerGroup(user: KafkaUser, group: string | Acl): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantConsumerGroup', arguments);
    return user._grant({ by: this.subject, method: 'grantConsumerGroup()', cluster: this }, [{ access: 'group', resource: group, prop: 'group' }]);
  }

  /**
   * Lets `user` use a transactional id: transactional id Write and Describe (the topics it writes
   * need `grantWrite()`). Sources (Kafka `KafkaApis.scala`): Write by InitProducerId, Produce,
   * AddPartitionsToTxn, AddOffsetsToTxn, EndTxn and TxnOffsetCommit (`handleInitProducerIdRequest`,
   * `handleProduceRequest`, `handleAddPartitionsToTxnRequest`, `handleAddOffsetsToTxnRequest`,
   * `handleEndTxnRequest`, `handleTxnOffsetCommitRequest`); Describe by FindCoordinator
   * (`handleFindCoordinatorRequest`).
   * @param user a user of this cluster
   * @param transactionalId the `transactional.id`: a name, `Acl.transactionalId(name)` or `Acl.transactionalIdPrefix(prefix)`
   * @returns the rules of the grant
   */
  public grantTransactionalId(user: KafkaUser, transactionalId: string | Acl): AclRule[] {
    checkArgs(this.subject, 'KafkaClusterBase.grantTransactionalId', arguments);
    return user._grant({ by: this.subject, method: 'grantTransactionalId()', cluster: this }, [{ access: 'transactionalId', resource: transactionalId, prop: 'transactionalId' }]);
  }
}
