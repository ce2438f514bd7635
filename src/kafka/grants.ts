import { ConsistencyPass, differentKubernetesClusters } from '../core/consistency';
import { formatValue, Subject, throwPropError } from '../core/errors';
import type { IKafkaCluster, KafkaAuthorization } from './kafka-cluster';
import { KafkaTopic } from './topic';
import { Acl, AclOperation, AclPatternType, AclResourceType, AclRuleType, type AclRule, type KafkaUser } from './user';

// The authorization model: what each kind of Kafka client needs, in one place. The grants
// (KafkaTopic.grantRead(), KafkaCluster.grantTransactionalWrite(), …) write their ACLs from it,
// and KafkaClientWorkload checks a user's ACLs against it, so that a granted user always passes.
//
// Sources, Apache Kafka 4.3.1 (the default version; 4.2 checks the same):
// - core/src/main/scala/kafka/server/KafkaApis.scala: which operation each request needs
//   (handleFetchRequest, handleProduceRequest, handleInitProducerIdRequest, …);
// - core/src/main/scala/kafka/server/AuthHelper.scala: authorize() (one literal resource) and
//   authorizeByResourceType();
// - clients/src/main/java/org/apache/kafka/server/authorizer/Authorizer.java:
//   authorizeByResourceType() (StandardAuthorizer keeps the default);
// - metadata/src/main/java/org/apache/kafka/metadata/authorizer/StandardAuthorizerData.java:
//   findResult() and IMPLIES_DESCRIBE (an ALLOW of Read, Write, Delete or Alter also allows Describe).

/** Options of `grantRead()`: the consumer group the client reads in. */
export interface GrantReadOptions {
  /**
   * The consumer group (`group.id`) the client joins and commits its offsets in: a name
   * (`'orders-app'`), or a pattern (`Acl.group('orders-app')`, `Acl.groupPrefix('orders-')`).
   */
  readonly group: string | Acl;
}

/** Options of `grantWrite()`. */
export interface GrantWriteOptions {
  /**
   * The transactional id (`transactional.id`) of a transactional producer: a name
   * (`'orders-tx'`), or a pattern (`Acl.transactionalId('orders-tx')`,
   * `Acl.transactionalIdPrefix('orders-tx-')`, for one id per instance).
   * @default - none: an idempotent producer (Kafka's default), which needs nothing beyond Write on the topic
   */
  readonly transactionalId?: string | Acl;
}

/** Options of `grantReadWrite()`. */
export interface GrantReadWriteOptions extends GrantReadOptions, GrantWriteOptions {}

/**
 * What a client does with one resource, and the operations Kafka checks for it (KafkaApis.scala
 * of Kafka 4.3.1, request handler by request handler). Describe is written out wherever the
 * client needs it, although an ALLOW of Read or Write implies it in Kafka's StandardAuthorizer:
 * the rules then say all the client does (as Strimzi's example KafkaUser does), and stay right
 * for an authorizer that does not imply Describe (Strimzi's `custom` authorization, OPA, Keycloak).
 */
function accessOf(kind: Access): AccessModel {
  MODEL ??= {
    /**
     * Consume from a topic.
     * - Read: Fetch (handleFetchRequest), OffsetCommit and TxnOffsetCommit of its partitions
     *   (handleOffsetCommitRequest, handleTxnOffsetCommitRequest).
     * - Describe: Metadata (handleTopicMetadataRequest), ListOffsets (handleListOffsetRequest),
     *   OffsetFetch (handleOffsetFetchRequest), OffsetForLeaderEpoch
     *   (handleOffsetForLeaderEpochRequest), the subscribed topics of a ConsumerGroupHeartbeat
     *   (handleConsumerGroupHeartbeat).
     */
    consume: { type: AclResourceType.TOPIC, operations: [AclOperation.READ, AclOperation.DESCRIBE] },
    /**
     * Produce to a topic.
     * - Write: Produce (handleProduceRequest), AddPartitionsToTxn from a client (version < 4,
     *   handleAddPartitionsToTxnRequest).
     * - Describe: Metadata (handleTopicMetadataRequest).
     */
    produce: { type: AclResourceType.TOPIC, operations: [AclOperation.WRITE, AclOperation.DESCRIBE] },
    /**
     * Be a member of a consumer group and commit its offsets.
     * - Read: JoinGroup, SyncGroup, Heartbeat, LeaveGroup (handleJoinGroupRequest,
     *   handleSyncGroupRequest, handleHeartbeatRequest, handleLeaveGroupRequest),
     *   ConsumerGroupHeartbeat (handleConsumerGroupHeartbeat), OffsetCommit
     *   (handleOffsetCommitRequest); AddOffsetsToTxn and TxnOffsetCommit of a transactional
     *   producer that commits the group's offsets (handleAddOffsetsToTxnRequest, handleTxnOffsetCommitRequest).
     * - Describe: FindCoordinator of the group (handleFindCoordinatorRequest: getCoordinator),
     *   OffsetFetch (handleOffsetFetchRequest).
     */
    group: { type: AclResourceType.GROUP, operations: [AclOperation.READ, AclOperation.DESCRIBE] },
    /**
     * Use a transactional id.
     * - Write: InitProducerId with the id (handleInitProducerIdRequest), Produce of transactional
     *   records (handleProduceRequest), AddPartitionsToTxn (handleAddPartitionsToTxnRequest),
     *   AddOffsetsToTxn (handleAddOffsetsToTxnRequest), EndTxn (handleEndTxnRequest),
     *   TxnOffsetCommit (handleTxnOffsetCommitRequest).
     * - Describe: FindCoordinator of the transaction coordinator (handleFindCoordinatorRequest: getCoordinator).
     */
    transactionalId: { type: AclResourceType.TRANSACTIONAL_ID, operations: [AclOperation.WRITE, AclOperation.DESCRIBE] },
    /**
     * Get a producer id without a transactional id (the idempotent producer, Kafka's default
     * since 3.0): InitProducerId (handleInitProducerIdRequest) is allowed by IdempotentWrite on
     * the cluster, or by Write on any topic (AuthHelper.authorizeByResourceType; since Kafka 2.8,
     * KIP-679 / KAFKA-10619, so in every version the library supports). A producer with Write on
     * its topic therefore needs no cluster rule.
     */
    idempotent: { type: AclResourceType.CLUSTER, operations: [AclOperation.IDEMPOTENT_WRITE], orOnAny: { type: AclResourceType.TOPIC, operation: AclOperation.WRITE } },
  };
  return MODEL[kind];
}

/**
 * The model, made on first use: this module and user.ts import each other, so nothing here may
 * read user.ts's enums while the modules load.
 */
let MODEL: Record<Access, AccessModel> | undefined;

/** The kinds of access a grant gives (see {@link accessOf}). */
export type Access = 'consume' | 'produce' | 'group' | 'transactionalId' | 'idempotent';

/** One kind of access: the resource type and the operations, and an alternative Kafka accepts. */
interface AccessModel {
  readonly type: AclResourceType;
  readonly operations: readonly AclOperation[];
  readonly orOnAny?: { readonly type: AclResourceType; readonly operation: AclOperation };
}

/** The name Kafka gives the cluster resource (`ResourcePattern` of `CLUSTER`: `kafka-cluster`). */
const CLUSTER_NAME = 'kafka-cluster';

/** An operation on one resource a client sends a request about (Kafka's `Action`). */
export interface Need {
  /** The resource's type. */
  readonly type: AclResourceType;
  /** The resource's name, as the client sends it (a literal: a topic, a group, a transactional id). */
  readonly name: string;
  /** The operation Kafka checks. */
  readonly operation: AclOperation;
  /** Also allowed when `operation` is allowed on any resource of `type` (Kafka's `authorizeByResourceType`). */
  readonly orOnAny?: { readonly type: AclResourceType; readonly operation: AclOperation };
}

/** What a client needs for `access` to the resource `name` (ignored for the cluster). */
export function needs(access: Access, name: string = CLUSTER_NAME): Need[] {
  const a = accessOf(access);
  return a.operations.map((operation) => ({ type: a.type, name: a.type === AclResourceType.CLUSTER ? CLUSTER_NAME : name, operation, ...(a.orOnAny && { orOnAny: a.orOnAny }) }));
}

/** The operations that imply `operation` in an ALLOW rule, besides itself (Kafka `StandardAuthorizerData`: `IMPLIES_DESCRIBE`, `IMPLIES_DESCRIBE_CONFIGS`). */
function impliedBy(operation: AclOperation): readonly AclOperation[] {
  switch (operation) {
    case AclOperation.DESCRIBE: return [AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER];
    case AclOperation.DESCRIBE_CONFIGS: return [AclOperation.ALTER_CONFIGS];
    default: return [];
  }
}

/** Whether a rule counts for any connection: a rule limited to a host is not counted (pod addresses are not known at synth). */
function anyHost(rule: AclRule): boolean {
  return rule.host === undefined || rule.host === '*';
}

/**
 * Whether `rule` applies to `need`, as Kafka's `StandardAuthorizerData.findResult` decides:
 * the resource type; a literal name, the literal `*`, or a prefix (the cluster is one resource);
 * any host (a rule limited to a host is not counted: pod addresses are not known at synth);
 * `All`, the operation itself, or for an ALLOW rule an operation that implies it (`Write`
 * implies `Describe`; a DENY of `Read` does not deny `Describe`).
 */
export function applies(rule: AclRule, need: Need): boolean {
  const r = rule.resource;
  if (r.resourceType !== need.type || !anyHost(rule)) return false;
  const nameMatches = r.resourceType === AclResourceType.CLUSTER
    || (r.patternType === AclPatternType.PREFIX ? need.name.startsWith(r.name ?? '') : r.name === need.name || r.name === '*');
  if (!nameMatches) return false;
  return rule.operations.some((op) => op === AclOperation.ALL || op === need.operation
    || (rule.type === AclRuleType.ALLOW && impliedBy(need.operation).includes(op)));
}

/**
 * Whether the rules allow `operation` on some resource of `type`, as Kafka's
 * `Authorizer.authorizeByResourceType` decides (the default method, which `StandardAuthorizer`
 * keeps): only the operation itself or `All` counts (no implication); a DENY of the literal `*`
 * denies all; otherwise some ALLOW (the literal `*`, a literal, a prefix) that no DENY of the
 * same literal, and no DENY prefix of its name, dominates. Rules limited to a host are not counted.
 */
function allowedOnAny(rules: readonly AclRule[], type: AclResourceType, operation: AclOperation): boolean {
  const denied = { literal: new Set<string>(), prefix: new Set<string>() };
  const allowed: { name: string; literal: boolean }[] = [];
  for (const rule of rules) {
    const r = rule.resource;
    if (r.resourceType !== type || !anyHost(rule) || !rule.operations.some((op) => op === operation || op === AclOperation.ALL)) continue;
    const literal = r.patternType !== AclPatternType.PREFIX;
    const name = r.name ?? '';
    if (rule.type === AclRuleType.DENY) {
      if (literal && name === '*') return false;
      (literal ? denied.literal : denied.prefix).add(name);
    } else {
      allowed.push({ name, literal });
    }
  }
  if (allowed.some((a) => a.literal && a.name === '*')) return true;
  return allowed.some((a) => !(a.literal && denied.literal.has(a.name))
    && ![...a.name].some((_, i) => denied.prefix.has(a.name.slice(0, i + 1))));
}

/** Why some needs are not met: the first DENY that wins, or the needs no ALLOW meets. */
export type Refusal =
  | { readonly denied: { readonly need: Need; readonly index: number } }
  | { readonly missing: readonly Need[] };

/**
 * Whether `rules` (a user's ACLs, in order) let a client do what `wanted` says, as Kafka's
 * StandardAuthorizer would: undefined when they do; else the first need some DENY refuses (a
 * deny wins over every allow, and `acls[index]` is the rule), or every need no ALLOW meets. A
 * need with an alternative (`orOnAny`: InitProducerId) is met by either.
 */
export function judge(rules: readonly AclRule[], wanted: readonly Need[]): Refusal | undefined {
  const byAlternative = (need: Need) => need.orOnAny !== undefined && allowedOnAny(rules, need.orOnAny.type, need.orOnAny.operation);
  for (const need of wanted) {
    const index = rules.findIndex((rule) => rule.type === AclRuleType.DENY && applies(rule, need));
    if (index >= 0 && !byAlternative(need)) return { denied: { need, index } };
  }
  const missing = wanted.filter((need) => !rules.some((rule) => rule.type === AclRuleType.ALLOW && applies(rule, need)) && !byAlternative(need));
  return missing.length === 0 ? undefined : { missing };
}

/**
 * Whether Kafka checks `user`'s ACLs at all on `cluster`: with `simple` authorization, unless
 * the user is a super user (Strimzi writes each as `User:<name>` into `super.users`:
 * KafkaBrokerConfigurationBuilder) or `allow.everyone.if.no.acl.found` is true; never without
 * authorization. Undefined when it cannot be known: the cluster was made elsewhere and its
 * authorization is not known, or a custom authorizer decides on its own whether it consults the
 * ACLs Strimzi writes (`KafkaAuthorization.enforcesAcls`).
 */
export function aclsEnforced(cluster: IKafkaCluster, user: KafkaUser): boolean | undefined {
  const authorization = cluster.authorization;
  if (authorization === undefined) return undefined;
  if (authorization.enforcesAcls !== true) return authorization.enforcesAcls;
  if (superUserEntry(authorization, user.principal) !== undefined) return false;
  return !everyoneAllowedWithoutAcl(cluster.brokerConfig);
}

/** The principal of a client of a listener without authentication (Kafka's KafkaPrincipal.ANONYMOUS). */
export const ANONYMOUS = 'User:ANONYMOUS';

/**
 * The entry of `authorization.superUsers` that makes `principal` (`User:CN=app`, `User:app`,
 * `User:ANONYMOUS`) a super user (`CN=app` for a TLS user, `app` for a SCRAM user: Strimzi writes
 * `User:<entry>` into `super.users`), if one does.
 */
export function superUserEntry(authorization: KafkaAuthorization, principal: string): string | undefined {
  return authorization.superUsers.find((u) => `User:${u}` === principal);
}

/**
 * Whether the brokers let every principal use a resource no ACL names
 * (`allow.everyone.if.no.acl.found`, read as StandardAuthorizer.getDefaultResult reads it:
 * trimmed, any case).
 */
export function everyoneAllowedWithoutAcl(brokerConfig: Readonly<Record<string, unknown>> | undefined): boolean {
  return String(brokerConfig?.['allow.everyone.if.no.acl.found']).trim().toLowerCase() === 'true';
}

/** One resource of a grant: what the client does with it, the argument naming it, and where the argument was. */
export interface GrantPart {
  /** What the client does with the resource. */
  readonly access: Access;
  /** The resource: a KafkaTopic, a name, or an `Acl` pattern; nothing for the cluster. */
  readonly resource?: KafkaTopic | Acl | string;
  /** The argument's name in the grant method, for messages (`topic`, `options.group`, `topics[1]`). */
  readonly prop?: string;
}

/** A grant as a construct's `grantXxx()` method asks for it. */
export interface GrantCall {
  /** The construct whose method was called: named in every error. */
  readonly by: Subject;
  /** The method, e.g. `grantRead()`. */
  readonly method: string;
  /** The cluster of that construct: the user must belong to it. */
  readonly cluster: IKafkaCluster;
}

/** What makes a pattern of each resource type, for messages. */
function factories(type: AclResourceType): string {
  switch (type) {
    case AclResourceType.TOPIC: return 'a KafkaTopic, Acl.topic() or Acl.topicPrefix()';
    case AclResourceType.GROUP: return 'a group name, Acl.group() or Acl.groupPrefix()';
    case AclResourceType.TRANSACTIONAL_ID: return 'a transactional id, Acl.transactionalId() or Acl.transactionalIdPrefix()';
    case AclResourceType.CLUSTER: return 'Acl.cluster()';
  }
}

/**
 * Two references to one Kafka cluster: the same `Kafka` resource name in the same namespace, of
 * the same Kubernetes cluster where that can be known (two cluster charts of one environment are
 * two clusters, each with its own `events`).
 */
function sameCluster(a: IKafkaCluster, b: IKafkaCluster): boolean {
  return a === b || (a.clusterName === b.clusterName && a.namespace === b.namespace && differentKubernetesClusters(a, b) === undefined);
}

function describeCluster(cluster: IKafkaCluster): string {
  return `'${cluster.clusterName}' (namespace ${cluster.namespace ?? '(unset)'}, ${cluster.node.path})`;
}

/**
 * The ALLOW rules a grant gives `user`, one per resource, after checking the call: the user
 * belongs to the grant's cluster (same name and namespace), the cluster has an authorizer
 * through which Strimzi writes ACLs (simple, or custom with `supportsAdminApi`), and each resource
 * is of the right kind (a topic pattern for a topic, a group for a group, …), is not empty, and a
 * KafkaTopic is a topic of the cluster. A grant to a super user, or on a cluster with
 * `allow.everyone.if.no.acl.found`, records a warning ({@link warnSilentGrant}). A literal topic
 * given as `Acl.topic(name)` is expected to be a topic of the cluster, as a user's ACL is (a
 * warning at synth otherwise). Throws a prop error naming the construct the grant was called on.
 */
export function grantRules(call: GrantCall, user: KafkaUser, parts: readonly GrantPart[]): AclRule[] {
  const { by, method, cluster } = call;
  if (!sameCluster(user.cluster, cluster)) {
    throwPropError(by, 'user', `belongs to cluster ${describeCluster(user.cluster)}, not to cluster ${describeCluster(cluster)}: ${method} would give it ACLs on resources of a cluster whose user operator does not know it`, user.userName,
      `grant to a user of '${cluster.clusterName}' (its addUser()), or grant on the resources of '${user.cluster.clusterName}'`);
  }
  for (const c of [cluster, user.cluster]) {
    const authorization = c.authorization;
    const unwritable = authorization?._aclsUnwritable();
    if (unwritable === undefined) continue;
    const why = authorization!.type === undefined
      ? `whose authorization is none: Kafka checks no ACL there, so ${method} would grant nothing`
      : `whose authorization is ${unwritable}: Strimzi's User Operator writes ACLs only through an authorizer that supports the Kafka Admin API, and refuses a KafkaUser with ACLs otherwise (KafkaUserModel.fromCrd)`;
    throwPropError(by, 'user', `is '${user.userName}' of cluster '${c.clusterName}' (${c.node.path}), ${why}`, user.userName, authorization!._aclsFix(c.clusterName, 'drop the grant'));
  }
  // Every part is checked before anything is recorded: a grant that fails leaves nothing behind.
  const patterns = parts.map((part) => patternOf(call, part, accessOf(part.access).type));
  warnSilentGrant(call, user);
  return parts.map((part, i) => {
    const pattern = patterns[i];
    if (pattern.resourceType === AclResourceType.TOPIC && pattern.patternType === AclPatternType.LITERAL && pattern.name !== '*' && !(part.resource instanceof KafkaTopic)) {
      ConsistencyPass.of(by.scope).expect(by, part.prop ?? 'topic', cluster, 'topic', pattern.name!,
        'add the topic to the cluster (addTopic) and grant on the KafkaTopic, or correct the topic name');
    }
    return pattern.allow(...accessOf(part.access).operations);
  });
}

/** The clusters whose `allow.everyone.if.no.acl.found` a grant has warned about: once per cluster. */
const WARNED_ALLOW_EVERYONE = new WeakSet<IKafkaCluster>();

/**
 * Records a warning where a grant changes less than it seems to: `user` is a super user of the
 * cluster (Kafka's authorizer allows a principal of `super.users` everything without reading an
 * ACL: StandardAuthorizerData.authorize, SuperUserRule), so the grant changes nothing; or the
 * brokers have `allow.everyone.if.no.acl.found: true` (once per cluster), where a resource with
 * no ACL at all is open to every principal, and the grant's ACL closes it to every principal that
 * no ACL allows (StandardAuthorizerData.MatchingRuleBuilder: the default applies only to a
 * resource without ACLs, of any principal).
 */
function warnSilentGrant(call: GrantCall, user: KafkaUser): void {
  const { by, method, cluster } = call;
  const authorization = cluster.authorization;
  if (authorization === undefined) return;
  const pass = ConsistencyPass.of(by.scope);
  const entry = superUserEntry(authorization, user.principal);
  if (entry !== undefined) {
    pass.warn(by, 'user', `is '${user.userName}' (${user.principal}), a super user of cluster '${cluster.clusterName}' (superUsers entry '${entry}'): the authorizer allows it everything without reading its ACLs, so ${method} changes nothing`, user.userName,
      `drop the grant, or remove '${entry}' from the cluster's superUsers if the user should have only what it is granted`);
  }
  if (authorization.enforcesAcls === true && everyoneAllowedWithoutAcl(cluster.brokerConfig) && !WARNED_ALLOW_EVERYONE.has(cluster)) {
    WARNED_ALLOW_EVERYONE.add(cluster);
    pass.warn(by, 'user', `is granted ${method} on cluster '${cluster.clusterName}', whose brokers have allow.everyone.if.no.acl.found: true: a resource without any ACL is open to every principal, and once a grant writes an ACL on it only the principals an ACL allows (and super users) may use it`, user.userName,
      'grant every client of the granted resources what it needs, or set allow.everyone.if.no.acl.found to false so that the ACLs alone decide');
  }
}

/** The pattern a part names, checked to be of `type`. */
function patternOf(call: GrantCall, part: GrantPart, type: AclResourceType): Acl {
  const { by, cluster } = call;
  const prop = part.prop ?? 'resource';
  const value = part.resource;
  if (type === AclResourceType.CLUSTER) return Acl.cluster();
  if (value instanceof KafkaTopic) {
    if (type !== AclResourceType.TOPIC) throwPropError(by, prop, `must be ${factories(type)}, not a KafkaTopic`, value.topicName, `pass ${factories(type)}`);
    if (!sameCluster(value.cluster, cluster)) {
      throwPropError(by, prop, `is a topic of cluster ${describeCluster(value.cluster)}, not of cluster ${describeCluster(cluster)}`, value.topicName, `grant on a topic of '${cluster.clusterName}' (its addTopic()), or use the grants of '${value.cluster.clusterName}'`);
    }
    return Acl.topic(value.topicName);
  }
  if (typeof value === 'string') {
    if (type === AclResourceType.TOPIC) throwPropError(by, prop, 'must be a KafkaTopic or a topic pattern, not a name', value, `pass the KafkaTopic (cluster.addTopic()), or Acl.topic(${formatValue(value)}) for a topic made elsewhere`);
    if (value.trim() === '') throwPropError(by, prop, 'is empty', value, `name it, e.g. ${type === AclResourceType.GROUP ? "'orders-app'" : "'orders-tx'"}`);
    return type === AclResourceType.GROUP ? Acl.group(value) : Acl.transactionalId(value);
  }
  if (!(value instanceof Acl) || value.resourceType !== type) {
    if (value instanceof Acl) {
      throwPropError(by, prop, `must be ${factories(type)}, not a ${value.resourceType} pattern (${value.name === undefined ? 'Acl.cluster()' : `${value.patternType} ${formatValue(value.name)}`})`, value.name ?? 'cluster', `pass ${factories(type)}`);
    }
    throwPropError(by, prop, `must be ${factories(type)}`, value, `pass ${factories(type)}`);
  }
  if (value.name === undefined || value.name === '') throwPropError(by, prop, 'has an empty name', '', 'name the resource; a prefix rule needs a prefix of at least one character');
  return value;
}

/**
 * The granted ALLOW rules of a user, merged: one rule per resource (type, pattern type, name)
 * with the union of the operations granted on it, in a fixed order (topics, groups,
 * transactional ids, the cluster; literal before prefix; by name), without the operations that
 * a rule of `given` (the user's own ACLs) already allows on the same resource for any host. So
 * granting twice, or in another order, writes the same rules.
 */
export function mergeGrants(granted: readonly AclRule[], given: readonly AclRule[]): AclRule[] {
  // Operations in the order AclOperation declares them (Read, Write, …, Describe, …).
  const operationOrder = Object.values(AclOperation);
  const typeOrder = [AclResourceType.TOPIC, AclResourceType.GROUP, AclResourceType.TRANSACTIONAL_ID, AclResourceType.CLUSTER];
  const byResource = new Map<string, { resource: Acl; operations: Set<AclOperation> }>();
  const key = (r: Acl) => JSON.stringify([r.resourceType, r.patternType ?? null, r.name ?? null]);
  for (const rule of granted) {
    const entry = byResource.get(key(rule.resource)) ?? { resource: rule.resource, operations: new Set<AclOperation>() };
    rule.operations.forEach((op) => entry.operations.add(op));
    byResource.set(key(rule.resource), entry);
  }
  const compare = (a: Acl, b: Acl) => typeOrder.indexOf(a.resourceType) - typeOrder.indexOf(b.resourceType)
    || Number(a.patternType === AclPatternType.PREFIX) - Number(b.patternType === AclPatternType.PREFIX)
    || ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0);
  return [...byResource.values()]
    .sort((a, b) => compare(a.resource, b.resource))
    .flatMap(({ resource, operations }) => {
      const covered = given.filter((g) => g.type === AclRuleType.ALLOW && anyHost(g) && key(g.resource) === key(resource)).flatMap((g) => g.operations);
      const left = operationOrder.filter((op) => operations.has(op) && !covered.includes(op) && !covered.includes(AclOperation.ALL));
      return left.length === 0 ? [] : [resource.allow(...left)];
    });
}

/** A need in words, for messages: `Write on topic 'orders'`. */
export function describeNeed(need: Need): string {
  if (need.type === AclResourceType.CLUSTER) {
    return need.orOnAny === undefined ? `${need.operation} on the cluster` : `${need.operation} on the cluster (or ${need.orOnAny.operation} on any ${need.orOnAny.type})`;
  }
  const kind = need.type === AclResourceType.TRANSACTIONAL_ID ? 'transactional id' : need.type;
  return `${need.operation} on ${kind} ${quoted(need.name)}`;
}

/** A string as a single-quoted JavaScript literal, for the code a message suggests. */
export function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
