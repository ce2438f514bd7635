import { checkArgs, constructId } from '../core/props';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { lazy } from '../core/lazy';
import { propError, Subject, throwFactoryError, throwPropError } from '../core/errors';
import { StrimziNames } from '../core/names';
import { checkName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import { grantRules, mergeGrants, type GrantCall, type GrantPart } from './grants';
import { KafkaCluster, type IKafkaCluster } from './kafka-cluster';
import { ListenerAuthenticationType } from './listener';

/**
 * Throws unless `username` is a SCRAM username Strimzi can write into a client's JAAS line: not
 * blank, on one line, without `"` or `\`. Strimzi writes it unescaped between double quotes
 * (`ScramLoginModule required username="<username>" password="...";`: KafkaBridgeConfigurationBuilder
 * and KafkaConnectConfigurationBuilder .withAuthentication, AuthenticationUtils.jaasConfig for
 * MirrorMaker 2's connectors) into a properties file:
 * a `"` ends the value early (Kafka's JaasConfig refuses the rest, or reads another option), a
 * `\` starts an escape of JaasConfig's StreamTokenizer, and a line break ends the property. The
 * rule of every SCRAM username the library writes (BridgeAuthentication.scramSha512,
 * MirrorMaker2Authentication.scramSha512).
 * @internal
 */
export function checkScramUsername(factory: string, prop: string, username: unknown, example: string): string {
  if (typeof username !== 'string' || username.trim() === '' || /["\\\u0000-\u001f\u007f]/.test(username)) {
    const bad = typeof username === 'string' ? /["\\]/.exec(username)?.[0] : undefined;
    throwFactoryError(factory, prop, `must be a SCRAM username on one line, without '"' or '\\'${bad === undefined ? '' : ` (it has '${bad}')`}: Strimzi writes it unescaped between double quotes into the JAAS line of a properties file (username="<username>"), where '"' ends the value, '\\' starts an escape and a line break ends the property`, username,
      `use the username as the cluster knows it, e.g. '${example}' (a Strimzi KafkaUser's name)`);
  }
  return username;
}

/** What an ACL allows or denies. */
export enum AclOperation {
  /** Consume from a topic; join a consumer group and commit its offsets. */
  READ = 'Read',
  /** Produce to a topic; use a transactional id. */
  WRITE = 'Write',
  /** Create topics. */
  CREATE = 'Create',
  /** Delete topics, records or consumer groups. */
  DELETE = 'Delete',
  /** Change a topic's partitions; change ACLs and partition reassignments (cluster). */
  ALTER = 'Alter',
  /** See metadata, offsets and group members. */
  DESCRIBE = 'Describe',
  /** Broker-to-broker requests (replication, controlled shutdown). */
  CLUSTER_ACTION = 'ClusterAction',
  /** Change configuration. */
  ALTER_CONFIGS = 'AlterConfigs',
  /** Read configuration. */
  DESCRIBE_CONFIGS = 'DescribeConfigs',
  /** Produce with the idempotent producer (a cluster operation). */
  IDEMPOTENT_WRITE = 'IdempotentWrite',
  /** Every operation. */
  ALL = 'All',
}

/** What an ACL applies to. */
export enum AclResourceType {
  /** A topic. */
  TOPIC = 'topic',
  /** A consumer group. */
  GROUP = 'group',
  /** The cluster itself. */
  CLUSTER = 'cluster',
  /** A transactional producer's id. */
  TRANSACTIONAL_ID = 'transactionalId',
}

/** How an ACL's resource name matches. */
export enum AclPatternType {
  /** The name exactly. */
  LITERAL = 'literal',
  /** Every name that starts with it. */
  PREFIX = 'prefix',
}

/** Whether an ACL allows or denies. */
export enum AclRuleType {
  /** Grants the operations. */
  ALLOW = 'allow',
  /** Refuses the operations, whatever allow rules say. */
  DENY = 'deny',
}

/** How a KafkaUser authenticates. */
export enum UserAuthenticationType {
  /** SCRAM-SHA-512, with the password in the user's Secret. */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** Mutual TLS, with a certificate the user operator issues from the clients CA. */
  TLS = 'tls',
  /** Mutual TLS, with a certificate issued outside Strimzi. */
  TLS_EXTERNAL = 'tls-external',
}

/** The operations Kafka defines for each resource type (Kafka's `AclEntry.supportedOperations`). */
const OPERATIONS: Readonly<Record<AclResourceType, readonly AclOperation[]>> = {
  [AclResourceType.TOPIC]: [AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.ALTER_CONFIGS, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALL],
  [AclResourceType.GROUP]: [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE, AclOperation.ALL],
  [AclResourceType.CLUSTER]: [AclOperation.CREATE, AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE, AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.ALL],
  [AclResourceType.TRANSACTIONAL_ID]: [AclOperation.DESCRIBE, AclOperation.WRITE, AclOperation.ALL],
};

/** A resource ACLs apply to: `Acl.topic('orders')`, `Acl.groupPrefix('app-')`, `Acl.cluster()`, … */
export class Acl {
  /** The topic `name`. */
  public static topic(name: string): Acl {
    checkArgs('Acl.topic()', 'Acl.topic', arguments);
    return new Acl(AclResourceType.TOPIC, name, AclPatternType.LITERAL);
  }

  /** Every topic whose name starts with `prefix`. */
  public static topicPrefix(prefix: string): Acl {
    checkArgs('Acl.topicPrefix()', 'Acl.topicPrefix', arguments);
    return new Acl(AclResourceType.TOPIC, prefix, AclPatternType.PREFIX);
  }

  /** The consumer group `name`. */
  public static group(name: string): Acl {
    checkArgs('Acl.group()', 'Acl.group', arguments);
    return new Acl(AclResourceType.GROUP, name, AclPatternType.LITERAL);
  }

  /** Every consumer group whose name starts with `prefix`. */
  public static groupPrefix(prefix: string): Acl {
    checkArgs('Acl.groupPrefix()', 'Acl.groupPrefix', arguments);
    return new Acl(AclResourceType.GROUP, prefix, AclPatternType.PREFIX);
  }

  /** The transactional id `name`. */
  public static transactionalId(name: string): Acl {
    checkArgs('Acl.transactionalId()', 'Acl.transactionalId', arguments);
    return new Acl(AclResourceType.TRANSACTIONAL_ID, name, AclPatternType.LITERAL);
  }

  /** Every transactional id that starts with `prefix`. */
  public static transactionalIdPrefix(prefix: string): Acl {
    checkArgs('Acl.transactionalIdPrefix()', 'Acl.transactionalIdPrefix', arguments);
    return new Acl(AclResourceType.TRANSACTIONAL_ID, prefix, AclPatternType.PREFIX);
  }

  /** The cluster itself (e.g. `IdempotentWrite`, `DescribeConfigs`). */
  public static cluster(): Acl {
    return new Acl(AclResourceType.CLUSTER, undefined, undefined);
  }

  private constructor(
    /** What the ACL applies to. */
    public readonly resourceType: AclResourceType,
    /** The resource's name or prefix; undefined for the cluster. */
    public readonly name: string | undefined,
    /** How the name matches; undefined for the cluster. */
    public readonly patternType: AclPatternType | undefined,
  ) {}

  /** A rule allowing `operations` on this resource. */
  public allow(...operations: AclOperation[]): AclRule {
    checkArgs('Acl.allow()', 'Acl.allow', arguments);
    return new AclRule(this, AclRuleType.ALLOW, operations);
  }

  /** A rule denying `operations` on this resource (deny wins over allow). */
  public deny(...operations: AclOperation[]): AclRule {
    checkArgs('Acl.deny()', 'Acl.deny', arguments);
    return new AclRule(this, AclRuleType.DENY, operations);
  }
}

/** One ACL rule of a user. */
export class AclRule {
  /** @internal */
  public constructor(
    /** The resource the rule applies to. */
    public readonly resource: Acl,
    /** Whether it allows or denies. */
    public readonly type: AclRuleType,
    /** The operations allowed or denied. */
    public readonly operations: readonly AclOperation[],
    /** The host connections must come from; undefined for any host. */
    public readonly host?: string,
  ) {}

  /** The same rule, only for connections from `host`. */
  public fromHost(host: string): AclRule {
    checkArgs('AclRule.fromHost()', 'AclRule.fromHost', arguments);
    return new AclRule(this.resource, this.type, this.operations, host);
  }

  /** @internal */
  public _render(): strimzi.KafkaUserSpecAuthorizationAcls {
    const r = this.resource;
    return {
      type: this.type as string as strimzi.KafkaUserSpecAuthorizationAclsType,
      resource: {
        type: r.resourceType as string as strimzi.KafkaUserSpecAuthorizationAclsResourceType,
        name: r.name,
        patternType: r.patternType as string as strimzi.KafkaUserSpecAuthorizationAclsResourcePatternType | undefined,
      },
      operations: this.operations.map((o) => o as string as strimzi.KafkaUserSpecAuthorizationAclsOperations),
      host: this.host,
    };
  }
}

/** A key of a Secret. */
export interface SecretKeyReference {
  /** The Secret's name. */
  readonly secretName: string;
  /** The key in the Secret. */
  readonly key: string;
}

/** How a user authenticates. */
export class UserAuthentication {
  /**
   * SCRAM-SHA-512. The user operator generates a password, or takes it from a Secret you manage.
   * @param password the Secret and key holding the password, if you manage it
   */
  public static scramSha512(password?: SecretKeyReference): UserAuthentication {
    checkArgs('UserAuthentication.scramSha512()', 'UserAuthentication.scramSha512', arguments);
    return new UserAuthentication(UserAuthenticationType.SCRAM_SHA_512, password);
  }

  /** Mutual TLS with a certificate the user operator issues from the clients CA. */
  public static tls(): UserAuthentication {
    return new UserAuthentication(UserAuthenticationType.TLS);
  }

  /** Mutual TLS with a certificate issued outside Strimzi; the user operator manages only ACLs and quotas. */
  public static tlsExternal(): UserAuthentication {
    return new UserAuthentication(UserAuthenticationType.TLS_EXTERNAL);
  }

  private constructor(
    /** How the user authenticates. */
    public readonly type: UserAuthenticationType,
    /** The Secret with the password to set, for SCRAM users; undefined when the user operator generates one. */
    public readonly password?: SecretKeyReference,
  ) {}

  /** The listener authentication this user needs: `tls` for both TLS kinds. */
  public get listenerAuthentication(): ListenerAuthenticationType {
    return this.type === UserAuthenticationType.SCRAM_SHA_512 ? ListenerAuthenticationType.SCRAM_SHA_512 : ListenerAuthenticationType.TLS;
  }

  /** @internal */
  public _render(): strimzi.KafkaUserSpecAuthentication {
    return {
      type: this.type as string as strimzi.KafkaUserSpecAuthenticationType,
      ...(this.password && { password: { valueFrom: { secretKeyRef: { name: this.password.secretName, key: this.password.key } } } }),
    };
  }
}

/** A user's quotas; Kafka throttles a user that exceeds them. */
export interface KafkaUserQuotas {
  /** Bytes per second each broker accepts from the user. */
  readonly producerByteRate?: number;
  /** Bytes per second each broker serves to the user. */
  readonly consumerByteRate?: number;
  /** Percent of one broker thread's time the user may take. */
  readonly requestPercentage?: number;
  /** Partition mutations (create, delete, add partitions) per second. */
  readonly controllerMutationRate?: number;
}

/** Options of `KafkaCluster.addUser()`. */
export interface KafkaUserOptions {
  /**
   * The user's name: its Kubernetes name, its Kafka principal (`User:<name>`, or `User:CN=<name>`
   * for TLS users) and the name of the Secret with its credentials.
   * @default - the construct id, lower-cased
   */
  readonly userName?: string;
  /**
   * How the user authenticates; some listener must accept it.
   * @default UserAuthentication.scramSha512()
   */
  readonly authentication?: UserAuthentication;
  /**
   * What the user may do. Needs an authorizer through which Strimzi's User Operator can write ACLs
   * (the Kafka Admin API): `KafkaAuthorization.simple()`, which enforces them, or
   * `KafkaAuthorization.custom({ supportsAdminApi: true })`, whose authorizer decides whether it
   * consults them; Strimzi refuses a KafkaUser with ACLs otherwise (KafkaUserModel.fromCrd). More
   * can be added later, as rules (`addAcl()`) or as grants of what a kind of client needs
   * (`topic.grantRead(user, …)`, `cluster.grantTransactionalWrite(user, …)`). A super user of the
   * cluster (`KafkaAuthorization.simple(superUsers)`) may do everything whatever its ACLs say.
   * @throws if the cluster's authorization is none, or custom without `supportsAdminApi`
   * @default - no ACL: with simple authorization, nothing
   */
  readonly acls?: AclRule[];
  /**
   * Quotas.
   * @default - none
   */
  readonly quotas?: KafkaUserQuotas;
}

/** Props of {@link KafkaUser}. */
export interface KafkaUserProps extends KafkaUserOptions {
  /** The cluster the user belongs to. */
  readonly cluster: IKafkaCluster;
}

/**
 * A Strimzi `KafkaUser`: credentials in a Secret, ACLs and quotas, managed by the user operator.
 * ACLs are rules (`acls`, `addAcl()`) or grants of what a kind of client needs
 * (`topic.grantRead(user, { group })`, `topic.grantWrite(user)`, the `grantXxx()` methods of
 * `KafkaCluster`); the user renders them when the app is synthesized.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * new KafkaUser(chart, 'OrdersApp', {
 *   cluster: kafka,
 *   userName: 'orders-app',
 *   acls: [
 *     Acl.topic('orders').allow(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE),
 *     Acl.group('orders-app').allow(AclOperation.READ),
 *   ],
 * });
 */
export class KafkaUser extends Construct {
  /** The user's name: its Kubernetes name, Secret name and principal name. */
  public readonly userName: string;
  /** How the user authenticates. */
  public readonly authentication: UserAuthentication;
  /**
   * The Secret the user operator writes the credentials to (same namespace as the cluster):
   * `password` and `sasl.jaas.config` for SCRAM; `ca.crt`, `user.crt`, `user.key`, `user.p12` and
   * `user.password` for TLS. Undefined for `tls-external` users, whose certificate comes from elsewhere.
   */
  public readonly secretName?: string;
  /** The cluster the user belongs to. */
  public readonly cluster: IKafkaCluster;
  /** The L1 `KafkaUser`. */
  public readonly resource: strimzi.KafkaUser;

  private readonly subject: Subject;
  /** The rules given (`acls`, then `addAcl()`), as given. */
  private readonly given: AclRule[] = [];
  /** The rules of every grant, merged when read ({@link acls}). */
  private readonly granted: AclRule[] = [];

  /** Creates a KafkaUser in the cluster's namespace; invalid names and ACLs throw at once. */
  public constructor(scope: Construct, id: string, props: KafkaUserProps) {
    super(scope, constructId('KafkaUser', scope, id));
    checkArgs({ scope: this, kind: 'KafkaUser', name: id }, 'KafkaUser.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.userName = props.userName ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaUser', name: this.userName };
    this.subject = subject;
    this.authentication = props.authentication ?? UserAuthentication.scramSha512();
    // The name is the KafkaUser's and its Secret's: a DNS-1123 subdomain of at most 253. The user
    // operator also labels the Secret app.kubernetes.io/instance=<name>, but cuts that label value
    // to 63 characters itself (Strimzi Labels.withKubernetesInstance: getOrValidInstanceLabelValue),
    // so a longer name is no problem there.
    checkName(subject, 'userName', this.userName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaUser and its Secret', example: 'orders-app' });
    // TLS users are certificates with CN=<name>: at most 64 characters (RFC 5280 ub-common-name;
    // Strimzi KafkaUserModel.validateTlsUsername rejects longer names of tls users).
    if (this.authentication.type !== UserAuthenticationType.SCRAM_SHA_512 && this.userName.length > 64) {
      throwPropError(subject, 'userName', 'is longer than 64 characters, the most an X.509 common name holds', this.userName, 'shorten it');
    }
    const acls = props.acls ?? [];
    acls.forEach((rule, i) => checkRule(subject, rule, i));

    for (const [key, value] of Object.entries(props.quotas ?? {})) {
      const whole = key !== 'controllerMutationRate';
      if (value !== undefined && (value < 0 || (whole && !Number.isInteger(value)))) {
        throwPropError(subject, `quotas.${key}`, `must be ${whole ? 'a whole number' : 'a number'} >= 0 (Strimzi KafkaUserQuotas)`, value, 'set the limit, or leave it unset for none');
      }
    }
    const cluster = props.cluster;
    this.cluster = cluster;
    this.checkAuthorization(acls.length);
    this.secretName = this.authentication.type === UserAuthenticationType.TLS_EXTERNAL ? undefined : StrimziNames.userSecret(this.userName);

    this.resource = new strimzi.KafkaUser(this, 'Resource', {
      metadata: {
        name: this.userName,
        namespace: cluster.namespace,
        labels: { 'strimzi.io/cluster': cluster.clusterName },
      },
      spec: {
        authentication: this.authentication._render(),
        // Rendered at synth: rules and grants may be added after construction.
        authorization: lazy(() => {
          const rules = this.acls;
          return rules.length > 0 ? { type: strimzi.KafkaUserSpecAuthorizationType.SIMPLE, acls: rules.map((a) => a._render()) } : undefined;
        }),
        ...(props.quotas && { quotas: compact({ ...props.quotas }) }),
      },
    });

    const pass = ConsistencyPass.of(this);
    const password = this.authentication.password;
    if (password !== undefined) {
      pass.refer(subject, 'authentication', secretRef(cluster.namespace, password.secretName), "the user operator reads the password Secret from the cluster's namespace: make it there", true);
    }
    // Strimzi's user operator watches KafkaUsers in its own Kubernetes cluster only (the entity
    // operator runs beside the Kafka resource): a KafkaUser in the chart of another cluster
    // (Environment.addCluster) would never get its credentials or ACLs. A cluster that is not a
    // KafkaCluster of the app may be made outside it, so its reference only warns when nothing has its name.
    const ours = cluster instanceof KafkaCluster;
    pass.refer(subject, 'cluster', { group: 'kafka.strimzi.io', kind: 'Kafka', namespace: cluster.namespace, name: cluster.clusterName },
      `create the user in the chart of the Kubernetes cluster that runs Kafka '${cluster.clusterName}' (${cluster.node.path}), e.g. with its addUser(): only its user operator reconciles it`,
      !ours);
    if (this.secretName !== undefined) {
      // The user operator writes the Secret where it runs: in the Kubernetes cluster of the Kafka
      // resource, whatever chart the KafkaUser is in. Recorded as made by that resource (not by the
      // KafkaCluster construct, whose own Secrets would then not clash with it: a user named like
      // the cluster CA Secret must).
      pass.provide(ours ? cluster.resource : this, secretRef(cluster.namespace, this.secretName), `the Strimzi user operator, from KafkaUser '${this.userName}' at ${this.node.path}`);
    }
    this.addRules(acls);

    this.node.addValidation({
      validate: () => {
        const needed = this.authentication.listenerAuthentication;
        return cluster.allListeners.some((l) => l.authentication.type === needed)
          ? []
          : [propError(subject, 'authentication', `is ${this.authentication.type}, but no listener of cluster '${cluster.clusterName}' authenticates with ${needed}`, this.authentication.type, 'addListener' in cluster
            ? `add a listener with ListenerAuthentication.${needed === ListenerAuthenticationType.TLS ? 'tls()' : 'scramSha512()'} or change the user's authentication`
            // A cluster made elsewhere: its listeners are what fromClusterAttributes() declares.
            : `declare the listener that takes it in KafkaCluster.fromClusterAttributes() (authentication: ListenerAuthentication.${needed === ListenerAuthenticationType.TLS ? 'tls()' : 'scramSha512()'}), or change the user's authentication`)];
      },
    });
  }

  /**
   * The user's ACL rules as the KafkaUser gets them: the rules given (`acls`, then `addAcl()`),
   * in order, then the granted ones, one rule per resource (see `KafkaTopic.grantRead()`).
   */
  public get acls(): readonly AclRule[] {
    return [...this.given, ...mergeGrants(this.granted, this.given)];
  }

  /**
   * Adds ACL rules after construction, checked like `acls`: operations Kafka defines for the
   * resource, no empty name, an authorizer on the cluster through which Strimzi writes ACLs
   * (simple, or custom with `supportsAdminApi`); a literal topic should be a topic of the cluster
   * (a warning at synth otherwise).
   */
  public addAcl(...rules: AclRule[]): void {
    checkArgs(this.subject, 'KafkaUser.addAcl', arguments);
    const first = this.given.length;
    rules.forEach((rule, i) => checkRule(this.subject, rule, first + i));
    this.checkAuthorization(first + rules.length);
    this.addRules(rules);
  }

  /**
   * Gives the user the rules of a grant (`KafkaTopic.grantRead()`, `KafkaCluster.grantXxx()`),
   * checked by the grant model; returns them, one rule per resource.
   * @internal
   */
  public _grant(call: GrantCall, parts: readonly GrantPart[]): AclRule[] {
    const rules = grantRules(call, this, parts);
    this.granted.push(...rules);
    return mergeGrants(rules, []);
  }

  /**
   * Gives the user rules a construct derives for what it does as this user (KafkaMirrorMaker2's,
   * for a user given to it), merged with the grants: operations the user's own rules allow are
   * not repeated.
   * @internal
   */
  public _addGranted(rules: readonly AclRule[]): void {
    this.granted.push(...rules);
  }

  /**
   * Throws when the user has `count` rules but Strimzi's User Operator cannot write them: it writes
   * ACLs through the Kafka Admin API, only when the authorizer supports it (simple, or custom with
   * supportsAdminApi), and otherwise refuses the KafkaUser ("Simple authorization ACL rules are
   * configured but not supported in the Kafka cluster configuration": KafkaUserModel.fromCrd).
   */
  private checkAuthorization(count: number): void {
    const authorization = this.cluster?.authorization;
    const unwritable = authorization?._aclsUnwritable();
    if (count === 0 || unwritable === undefined) return;
    if (authorization!.type === undefined) {
      throwPropError(this.subject, 'acls', `need simple authorization, but cluster '${this.cluster.clusterName}' has none`, `${count} rules`, 'set authorization: KafkaAuthorization.simple() on the cluster, or drop the ACLs');
    }
    throwPropError(this.subject, 'acls', `need an authorizer that supports the Kafka Admin API, through which Strimzi's User Operator writes them (it refuses a KafkaUser with ACLs otherwise: KafkaUserModel.fromCrd), but cluster '${this.cluster.clusterName}' has ${unwritable}`, `${count} rules`,
      `set supportsAdminApi: true in KafkaAuthorization.custom() on the cluster if ${authorization!.authorizerClass} manages ACLs through the Admin API, or drop the ACLs and give the access in the authorizer's own terms`);
  }

  /** Records checked rules: a literal topic is expected to be a topic of the cluster. */
  private addRules(rules: readonly AclRule[]): void {
    const pass = ConsistencyPass.of(this);
    for (const rule of rules) {
      const i = this.given.push(rule) - 1;
      if (rule.resource.resourceType === AclResourceType.TOPIC && rule.resource.patternType === AclPatternType.LITERAL && rule.resource.name !== '*') {
        pass.expect(this.subject, `acls[${i}]`, this.cluster, 'topic', rule.resource.name!, `add the topic to the cluster (addTopic), or correct the ACL's topic name`);
      }
    }
  }

  /**
   * The user's Kafka principal, `User:<name>` or `User:CN=<name>` (TLS), as Kafka's ACLs and
   * tooling name it; a super-user entry (`KafkaAuthorization.simple(superUsers)`) is it without
   * `User:`, which Strimzi adds.
   */
  public get principal(): string {
    return this.authentication.type === UserAuthenticationType.SCRAM_SHA_512 ? `User:${this.userName}` : `User:CN=${this.userName}`;
  }
}

function checkRule(subject: Subject, rule: AclRule, index: number): void {
  const allowed = OPERATIONS[rule.resource.resourceType];
  if (rule.operations.length === 0) {
    throwPropError(subject, `acls[${index}].operations`, 'is empty', [], `name at least one of ${allowed.join(', ')}`);
  }
  const wrong = rule.operations.filter((o) => !allowed.includes(o));
  if (wrong.length > 0) {
    throwPropError(subject, `acls[${index}].operations`, `include operations Kafka does not define for a ${rule.resource.resourceType}`, wrong, `use ${allowed.join(', ')}`);
  }
  if (rule.resource.name !== undefined && rule.resource.name === '') {
    throwPropError(subject, `acls[${index}].resource`, 'has an empty name', '', 'name the resource, or use a prefix rule');
  }
}
