import { evaluateRule, CelRule } from './cel';
import { OpenApiSchema } from './openapi';

/** A field path as segments: property names and list indices. */
export type FieldPath = readonly (string | number)[];

/**
 * Renders a field path the way the API server does: `spec.listeners[0].name`, with keys
 * that are not plain identifiers in brackets (`metadata.labels[app.kubernetes.io/name]`).
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${segment}]`;
  }
  return out === '' ? '.' : out;
}

/** Turns `a.b` (a CEL rule's `fieldPath`, relative to the node) into segments. */
function parseRelativePath(fieldPath: string): FieldPath {
  const segments: (string | number)[] = [];
  for (const match of fieldPath.matchAll(/\.?([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3]);
  }
  return segments;
}

/** Where the walk reports what it finds. */
export interface StructuralReporter {
  error(path: FieldPath, message: string): void;
  /** A rule that could not be checked. */
  warning(path: FieldPath, message: string): void;
  /** A transition rule (`oldSelf`) that cannot run on a create. */
  skippedTransitionRule(): void;
}

type Deref = (node: OpenApiSchema) => OpenApiSchema;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What defaulting reports: a null the server drops, and each default it writes. */
export interface DefaultingReporter {
  readonly pruned: (path: FieldPath) => void;
  readonly defaulted?: (path: FieldPath, value: unknown) => void;
}

/**
 * Applies schema defaults in place, as the API server does before validation: a missing
 * property that declares a `default` gets it, at every level that exists in the object. A
 * `null` on a field that is not nullable is replaced by the default, or dropped (`pruned`).
 */
export function applyDefaults(schema: OpenApiSchema, value: unknown, deref: Deref, reporter: DefaultingReporter, path: FieldPath = []): void {
  const node = deref(schema);
  if (Array.isArray(value)) {
    if (node.items !== undefined) value.forEach((item, i) => applyDefaults(node.items!, item, deref, reporter, [...path, i]));
    return;
  }
  if (!isObject(value)) return;
  for (const [name, child] of Object.entries(value)) {
    const childSchema = node.properties?.[name] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (child === null && childSchema !== undefined && !deref(childSchema).nullable) {
      delete value[name];
      if (deref(childSchema).default === undefined) reporter.pruned([...path, name]);
    }
  }
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const resolved = deref(child);
    if (value[name] === undefined && resolved.default !== undefined) {
      value[name] = structuredClone(resolved.default);
      reporter.defaulted?.([...path, name], resolved.default);
    }
  }
  for (const [name, child] of Object.entries(value)) {
    const childSchema = node.properties?.[name] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (childSchema !== undefined) applyDefaults(childSchema, child, deref, reporter, [...path, name]);
  }
}

/** Whether a schema carries any CEL rule (core kinds do not). */
export function hasRules(schema: OpenApiSchema, deref: Deref, seen = new Set<OpenApiSchema>()): boolean {
  const node = deref(schema);
  if (seen.has(node)) return false;
  seen.add(node);
  if (node['x-kubernetes-validations'] !== undefined) return true;
  const children = [...Object.values(node.properties ?? {}), node.items, typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined];
  return children.some((c) => c !== undefined && hasRules(c, deref, seen));
}

/**
 * Checks what JSON Schema cannot express: `x-kubernetes-list-type` `set`/`map` uniqueness and
 * the `x-kubernetes-validations` CEL rules, at every node present in the object.
 */
export function checkStructural(
  schema: OpenApiSchema,
  value: unknown,
  deref: Deref,
  reporter: StructuralReporter,
  options: { readonly evaluateRules: boolean },
  path: FieldPath = [],
): void {
  const node = deref(schema);
  if (value === undefined || value === null) return;

  if (Array.isArray(value)) {
    checkListType(node, value, reporter, path);
    if (node.items !== undefined) value.forEach((item, i) => checkStructural(node.items!, item, deref, reporter, options, [...path, i]));
  } else if (isObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      const childSchema = node.properties?.[name] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      if (childSchema !== undefined) checkStructural(childSchema, child, deref, reporter, options, [...path, name]);
    }
  }

  if (!options.evaluateRules) return;
  for (const rule of (node['x-kubernetes-validations'] ?? []) as CelRule[]) {
    const outcome = evaluateRule(rule, value, node);
    switch (outcome.kind) {
      case 'fail':
        reporter.error(outcome.fieldPath ? [...path, ...parseRelativePath(outcome.fieldPath)] : path, outcome.message);
        break;
      case 'error':
        reporter.error(path, outcome.message);
        break;
      case 'unchecked':
        reporter.warning(path, outcome.message);
        break;
      case 'skipped':
        reporter.skippedTransitionRule();
        break;
      case 'pass':
        break;
    }
  }
}

function checkListType(node: OpenApiSchema, list: readonly unknown[], reporter: StructuralReporter, path: FieldPath): void {
  const listType = node['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map') return;
  const keys = node['x-kubernetes-list-map-keys'] ?? [];
  const identity = (item: unknown): string =>
    listType === 'set' || !isObject(item) ? JSON.stringify(item) : JSON.stringify(keys.map((k) => item[k] ?? null));
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const id = identity(item);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
    } else if (listType === 'set') {
      reporter.error([...path, i], `duplicate value ${id} (also at [${first}]); x-kubernetes-list-type "set" requires unique items`);
    } else {
      const keyText = keys.map((k) => `${k}=${isObject(item) && item[k] !== undefined ? JSON.stringify(item[k]) : '(unset)'}`).join(', ');
      reporter.error([...path, i], `duplicate entry with ${keyText} (also at [${first}]); x-kubernetes-list-type "map" requires unique keys (${keys.join(', ')})`);
    }
  });
}
