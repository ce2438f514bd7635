import { Size, SizeRoundingBehavior } from 'cdk8s';

/**
 * What is wrong with `size` as an amount the library writes as a quantity, or undefined:
 * not a cdk8s `Size`, not finite, or under 1 MiB (written in whole MiB, it would be `0Mi`, and a
 * volume, heap or memory amount of 0 is a mistake).
 */
export function sizeProblem(size: unknown): string | undefined {
  if (typeof (size as Size | undefined)?.toMebibytes !== 'function') return 'must be a cdk8s Size, e.g. Size.gibibytes(10)';
  const mib = (size as Size).toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isFinite(mib)) return 'must be a finite amount';
  if (mib < 1) return 'must be at least 1 MiB';
  return undefined;
}

/** An amount in MiB for messages and comparisons; the Size is one {@link sizeProblem} accepts. */
export function mebibytes(size: Size): number {
  return size.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
}

/** A Size as a Kubernetes quantity: whole GiB as `Gi`, otherwise `Mi`. */
export function quantity(size: Size): string {
  const gib = size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (Number.isInteger(gib)) return `${gib}Gi`;
  return `${size.toMebibytes({ rounding: SizeRoundingBehavior.FLOOR })}Mi`;
}

/** A heap size in the JVM's syntax (`-Xmx`): whole gibibytes as `g`, else `m`. */
export function jvmSize(size: Size): string {
  return quantity(size).replace('Gi', 'g').replace('Mi', 'm');
}
