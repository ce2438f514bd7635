import { IConstruct } from 'constructs';

/**
 * Builds the message of a synth-time error: the construct (kind, name and path), the prop, the
 * value received and what to do.
 *
 *   KafkaCluster 'dev' at Dev/Kafka: controllers.replicas must be odd and >= 3 for a KRaft
 *   quorum (got 2); set 3 or 5, or profile: ClusterProfile.DEVELOPMENT for a throwaway cluster.
 */
export function propError(subject: Subject, prop: string, problem: string, value: unknown, fix: string): string {
  return `${describe(subject)}: ${prop} ${problem} (got ${formatValue(value)}); ${fix}`;
}

/** Throws {@link propError} at once: for constructor props. */
export function throwPropError(subject: Subject, prop: string, problem: string, value: unknown, fix: string): never {
  throw new Error(propError(subject, prop, problem, value, fix));
}

/** What an error is about: a construct, its kind and its Kubernetes name. */
export interface Subject {
  readonly scope: IConstruct;
  readonly kind: string;
  readonly name: string;
}

function describe(subject: Subject): string {
  return `${subject.kind} '${subject.name}' at ${subject.scope.node.path}`;
}

/** A value as it appears in a message: strings quoted, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}
