import { Lazy } from 'cdk8s';

/**
 * A value produced at synthesis, typed as what it produces, for L1 props that grow after
 * construction (listeners, config). cdk8s resolves it before the L1's `toJson_` maps the
 * TypeScript names to JSON, so the producer returns the L1's own (TypeScript-named) shape.
 */
export function lazy<T>(produce: () => T): T {
  return Lazy.any({ produce }) as unknown as T;
}
