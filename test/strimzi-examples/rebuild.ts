import type { Chart } from 'cdk8s';
import type { Deviation } from './effect';

/**
 * How one of Strimzi's example files is expressed through the library's public API: `build`
 * adds to an empty chart (no namespace, like the examples) what the file describes; the catalogue
 * test compares the result with the file and lists every difference `deviations` does not
 * explain. Rebuilds use only the package's exports: no `ApiObject`, no JSON patches, no L1
 * resources.
 */
export interface Rebuild {
  /** What the example is for, in a line. */
  readonly summary: string;
  /** Adds the example's resources to `chart`. */
  build(chart: Chart): void;
  /** Differences from the file the rebuild means, each with its reason. */
  readonly deviations?: readonly Deviation[];
}

/** An example file the library does not rebuild, and why. */
export interface NotRebuilt {
  readonly notRebuilt: string;
}
