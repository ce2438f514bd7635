import { Size, SizeRoundingBehavior } from 'cdk8s';

const NONE = { rounding: SizeRoundingBehavior.NONE };

/** The amount of `size` in bytes; fractional when the Size is not a whole number of bytes. */
function bytesOf(size: Size): number {
  return size.toKibibytes(NONE) * 1024;
}

/**
 * The most bytes an amount the library writes may be: 2^63-1, the largest number a Kubernetes
 * quantity holds (k8s.io/apimachinery `resource.Quantity`: "no quantity may represent a number
 * greater than 2^63-1 in magnitude"; `ParseQuantity` caps a larger binary-SI one at 2^63-1, so
 * the API server would store another amount than the one written) and a Java `long` counts
 * (`-Xmx`, Strimzi's own parsing of sizes). 8 EiB less one byte. A JavaScript number cannot hold
 * 2^63-1 exactly: an amount is over the bound when it is at least 2^63.
 */
export const MAX_QUANTITY_BYTES = 2 ** 63;

/**
 * What is wrong with `size` as an amount the library writes as a quantity, or undefined:
 * not a cdk8s `Size`, not finite, under 1 MiB (a volume, heap or memory amount that small is a
 * mistake; with `minimum: 'positive'`, for a limit such as an emptyDir's, any amount above 0), beyond 2^63-1 bytes ({@link MAX_QUANTITY_BYTES}: what a Kubernetes quantity and a Java
 * long hold), or not a whole number of bytes (`Size.gibibytes(1.1)`: neither a Kubernetes memory
 * quantity nor the JVM's `-Xmx` can say it exactly).
 */
export function sizeProblem(size: unknown, minimum: 'mebibyte' | 'positive' = 'mebibyte'): string | undefined {
  if (typeof (size as Size | undefined)?.toMebibytes !== 'function') return 'must be a cdk8s Size, e.g. Size.gibibytes(10)';
  let mib: number;
  try {
    mib = (size as Size).toMebibytes(NONE);
  } catch {
    return 'must be a finite amount';
  }
  if (!Number.isFinite(mib)) return 'must be a finite amount';
  if (minimum === 'mebibyte' && mib < 1) return 'must be at least 1 MiB';
  if (mib <= 0) return 'must be more than 0';
  const bytes = bytesOf(size as Size);
  if (bytes >= MAX_QUANTITY_BYTES) {
    return 'must be less than 8 EiB (at most 2^63-1 bytes): no Kubernetes quantity holds more (k8s.io/apimachinery resource.Quantity caps it at 2^63-1), nor does a Java long';
  }
  if (!Number.isInteger(bytes)) return `must be a whole number of bytes, as Kubernetes quantities and the JVM's -Xmx take it (it is ${bytes} bytes, ${mib} MiB; e.g. Size.mebibytes(${Math.floor(mib)}) is whole)`;
  return undefined;
}

/** An amount in MiB for messages and comparisons; the Size is one {@link sizeProblem} accepts. */
export function mebibytes(size: Size): number {
  return size.toMebibytes(NONE);
}

/**
 * A Size as a Kubernetes quantity, exactly: whole GiB as `Gi`, else whole MiB as `Mi`, else
 * whole KiB as `Ki`, else bytes (`Size.kibibytes(1536)` is `1536Ki`, never a rounded `1Mi`).
 * A Size of a fractional number of bytes, which {@link sizeProblem} rejects, is written in MiB
 * with decimals (only messages show it).
 */
export function quantity(size: Size): string {
  const gib = size.toGibibytes(NONE);
  if (Number.isInteger(gib)) return `${gib}Gi`;
  const mib = size.toMebibytes(NONE);
  if (Number.isInteger(mib)) return `${mib}Mi`;
  const kib = size.toKibibytes(NONE);
  if (Number.isInteger(kib)) return `${kib}Ki`;
  const bytes = bytesOf(size);
  return Number.isInteger(bytes) ? String(bytes) : `${mib}Mi`;
}

/**
 * A heap size in the JVM's syntax (`-Xmx`), exactly: whole GiB as `g`, else whole MiB as `m`,
 * else whole KiB as `k`, else bytes (HotSpot's `-Xmx` takes a number of bytes with an optional
 * `k`, `m` or `g`).
 */
export function jvmSize(size: Size): string {
  return quantity(size).replace(/Gi$/, 'g').replace(/Mi$/, 'm').replace(/Ki$/, 'k');
}

