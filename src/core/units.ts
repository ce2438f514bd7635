import { Size, SizeRoundingBehavior } from 'cdk8s';

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
