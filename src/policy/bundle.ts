import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import type { OpenApiSchema } from './openapi';

/**
 * The validator's built-in schemas: `schemas/` at the package root, written by
 * `npm run import` (`scripts/schemas.ts`) from the pinned upstream CRDs and Kubernetes schema
 * and shipped with the package, so that validation needs no setup and no network.
 */

/** One version of a CRD, as the bundle lists it. */
export interface BundleCrdVersion {
  readonly name: string;
  readonly served: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning?: string;
  /** Whether the version has the status subresource (then the API server drops `status` on create). */
  readonly statusSubresource?: boolean;
}

/** `schemas/index.json`. */
export interface BundleIndex {
  readonly kubernetes: {
    /** The Kubernetes release of the definitions, e.g. `1.32.0`. */
    version: string;
    /** The definitions file, relative to the bundle. */
    definitions: string;
    /** `group/Kind` → version → definition name. */
    readonly kinds: Record<string, Record<string, string>>;
  };
  /** `group/Kind` → the CRD. */
  readonly crds: Record<string, {
    /** The CRD's schemas file, relative to the bundle. */
    readonly file: string;
    /** Where the CRD comes from: `<repository>@<tag> <file>`. */
    readonly source: string;
    readonly namespaced: boolean;
    readonly versions: readonly BundleCrdVersion[];
  }>;
}

/** A CRD's schemas file. */
export interface BundleCrd {
  /** Version → schema, or the name of an earlier version with the same schema. */
  readonly versions: Record<string, OpenApiSchema | string>;
  /** Its CEL expressions, parsed ahead of time: source → binary `cel.expr.ParsedExpr`, base64. */
  readonly cel?: Record<string, string>;
}

let location: string | undefined;

/** The bundle's folder: `schemas/` beside the package's `package.json` (found from this file, in `src/` or `lib/src/`). */
export function bundleDirectory(): string {
  if (location === undefined) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'schemas', 'index.json'))) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`cdk8s-kafka: the built-in schemas (schemas/index.json) are missing from the package installed at ${__dirname}; reinstall it`);
      dir = parent;
    }
    location = join(dir, 'schemas');
  }
  return location;
}

/** Reads a JSON file of the bundle. */
export function readBundleFile<T>(file: string): T {
  return JSON.parse(readFileSync(join(bundleDirectory(), file), 'utf8')) as T;
}
