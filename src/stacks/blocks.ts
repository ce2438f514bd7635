import { Acl, KafkaCluster, KafkaTopic, KafkaTopicOptions, KafkaUser, UserAuthentication } from '../kafka';
import { Subject, throwPropError } from '../core/errors';

/** A topic of an environment: its name in Kafka and its options. */
export interface TopicDefinition extends Omit<KafkaTopicOptions, 'topicName'> {
  /** The topic's name in Kafka, e.g. `orders`. */
  readonly name: string;
}

/**
 * A user of an environment and what it does, as grants: `consumes` and `produces` name topics of
 * the environment, and each becomes `topic.grantRead(user, { group })`,
 * `topic.grantWrite(user)` or `topic.grantReadWrite(user, { group })`, which give exactly the
 * ACLs Kafka checks for that role.
 */
export interface UserDefinition {
  /** The user's name: its KafkaUser, its Secret and (SCRAM) its principal. */
  readonly name: string;
  /**
   * How the user authenticates.
   * @default UserAuthentication.scramSha512()
   */
  readonly authentication?: UserAuthentication;
  /**
   * Topics the user reads, in consumer group `group`.
   * @default - none
   */
  readonly consumes?: readonly string[];
  /**
   * Topics the user writes (an idempotent producer, Kafka's default).
   * @default - none
   */
  readonly produces?: readonly string[];
  /**
   * The consumer group of `consumes`: a name, or a pattern such as `Acl.groupPrefix('orders-')`.
   * @default - the user's name
   */
  readonly group?: string | Acl;
}

/** The topics and users an environment made, by name. */
export interface TopicsAndUsers {
  readonly topics: Readonly<Record<string, KafkaTopic>>;
  readonly users: Readonly<Record<string, KafkaUser>>;
}

/**
 * Adds `topics` and `users` to `cluster`, granting each user what `consumes` and `produces` say.
 * Throws a prop error naming `subject` (the environment) and `props` for a definition that is not
 * an object, a name that is empty, given twice or `reserved`, or a grant of a topic the
 * environment does not define. Names are looked up as data (a topic may be called `constructor`).
 */
export function addTopicsAndUsers(subject: Subject, cluster: KafkaCluster, topics: readonly TopicDefinition[], users: readonly UserDefinition[],
  props: { topics: string; users: string; reservedUsers?: Readonly<Record<string, string>> } = { topics: 'topics', users: 'users' }): TopicsAndUsers {
  const madeTopics = new Map<string, KafkaTopic>();
  listOf(subject, props.topics, topics, "[{ name: 'orders', partitions: 12 }]").forEach((definition, i) => {
    const prop = `${props.topics}[${i}]`;
    objectOf(subject, prop, definition, "{ name: 'orders', partitions: 12 }");
    const { name, ...options } = definition;
    nameOf(subject, `${prop}.name`, name, 'orders');
    if (madeTopics.has(name)) throwPropError(subject, `${prop}.name`, 'is given twice', name, 'define each topic once');
    madeTopics.set(name, cluster.addTopic(`Topic-${name}`, { ...options, topicName: name }));
  });
  const topicNames = () => [...madeTopics.keys()].map((t) => `'${t}'`).join(', ') || '(none defined)';
  const madeUsers = new Map<string, KafkaUser>();
  listOf(subject, props.users, users, "[{ name: 'app', consumes: ['orders'], produces: ['orders'] }]").forEach((definition, i) => {
    const prop = `${props.users}[${i}]`;
    objectOf(subject, prop, definition, "{ name: 'app', consumes: ['orders'] }");
    nameOf(subject, `${prop}.name`, definition.name, 'app');
    if (madeUsers.has(definition.name)) throwPropError(subject, `${prop}.name`, 'is given twice', definition.name, 'define each user once');
    const reserved = props.reservedUsers !== undefined && Object.prototype.hasOwnProperty.call(props.reservedUsers, definition.name) ? props.reservedUsers[definition.name] : undefined;
    if (reserved !== undefined) throwPropError(subject, `${prop}.name`, `is the name of ${reserved}, which the environment makes`, definition.name, 'give the user another name');
    // The name as given: KafkaUser refuses what Kubernetes and Kafka would (no silent lower-casing).
    const user = cluster.addUser(`User-${definition.name}`, { userName: definition.name, authentication: definition.authentication });
    const topicOf = (key: 'consumes' | 'produces') => listOf(subject, `${prop}.${key}`, definition[key] ?? [], "['orders']").map((name, j) => {
      const topic = typeof name === 'string' ? madeTopics.get(name) : undefined;
      if (topic === undefined) throwPropError(subject, `${prop}.${key}[${j}]`, 'is not a topic of the environment', name, `define it in ${props.topics}, or use one of ${topicNames()}`);
      return topic;
    });
    const consumes = topicOf('consumes');
    const produces = topicOf('produces');
    const group = definition.group ?? definition.name;
    for (const topic of consumes) {
      if (produces.includes(topic)) topic.grantReadWrite(user, { group });
      else topic.grantRead(user, { group });
    }
    for (const topic of produces.filter((t) => !consumes.includes(t))) topic.grantWrite(user);
    madeUsers.set(definition.name, user);
  });
  return { topics: Object.fromEntries(madeTopics), users: Object.fromEntries(madeUsers) };
}

/** Throws unless `value` is a non-empty string (a name of the environment's model). */
function nameOf(subject: Subject, prop: string, value: unknown, example: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throwPropError(subject, prop, 'must be a non-empty name', value, `use e.g. '${example}'`);
}

function listOf<T>(subject: Subject, prop: string, value: readonly T[], example: string): readonly T[] {
  if (!Array.isArray(value)) throwPropError(subject, prop, 'must be an array', value, `use e.g. ${example}`);
  return value;
}

function objectOf(subject: Subject, prop: string, value: unknown, example: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throwPropError(subject, prop, 'must be an object', value, `use e.g. ${example}`);
}
