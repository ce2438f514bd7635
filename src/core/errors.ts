import { Duration, Size } from 'cdk8s';
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

/**
 * Throws the error of a static factory, which has no construct yet: the factory, the prop, the
 * value received and what to do, e.g.
 *
 *   KafkaStorage.persistentClaim(): size must be at least 1 MiB (got "0Gi"); use e.g. Size.gibibytes(100)
 */
export function throwFactoryError(factory: string, prop: string, problem: string, value: unknown, fix: string): never {
  throw new Error(`${factory}: ${prop} ${problem} (got ${formatValue(value)}); ${fix}`);
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

/** A value as it appears in a message: strings quoted, the rest as JSON; NaN and other non-JSON values as themselves. */
export function formatValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined': return 'undefined';
    case 'number': return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'bigint': return `${value}n`;
    case 'function': return `a function${value.name ? ` ${value.name}` : ''}`;
    case 'symbol': return value.toString();
    default:
      // A cdk8s Size or Duration as the call that makes it, e.g. Size.mebibytes(0.5).
      if (value instanceof Size) return `Size.${(value as unknown as { unit: { label: string } }).unit.label}(${formatValue((value as unknown as { amount: unknown }).amount)})`;
      if (value instanceof Duration) return `Duration.${(value as unknown as { unit: { label: string } }).unit.label}(${formatValue((value as unknown as { amount: unknown }).amount)})`;
      try {
        return JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
      } catch {
        return String(value); // a cycle
      }
  }
}
