import { RE2JS } from '@bufbuild/re2';
import { parseQuantity } from './core-rules';
import { formatValidator } from './formats';
import { OpenApiSchema } from './openapi';
import { FieldPath } from './structural';

/** Marks the core Quantity type, which the checker parses as the API server does (a number or a string). */
export const QUANTITY = 'x-cdk8s-kafka-quantity';

/**
 * Checks a value against a Kubernetes OpenAPI schema, as the API server's schema stage does for
 * a create with field validation `Strict` (k8s.io/apiextensions-apiserver `schema/validation`,
 * k8s.io/kube-openapi `pkg/validation/validate`): types, unknown fields, required fields, enums,
 * formats, RE2 patterns and bounds. An interpreter over the schema, not generated code: nothing
 * is compiled, so a run costs what it validates.
 *
 * CRD schemas are structural: an object that declares no properties is closed unless it
 * preserves unknown fields, and the branches of `allOf`/`anyOf`/`oneOf`/`not` only restrict
 * values, so they never reject unknown fields. The Kubernetes definitions leave objects without
 * properties open. `metadata` at the root and in embedded resources is an `ObjectMeta`.
 */

/** How the schemas of one kind are read. */
export interface SchemaContext {
  /** Resolves a `$ref` of the Kubernetes definitions. */
  readonly resolveRef: (ref: string) => OpenApiSchema | undefined;
  /** The `ObjectMeta` definition, checked at the root and in embedded resources. */
  readonly objectMeta: OpenApiSchema;
  /** Whether an object that declares no properties rejects unknown fields (CRDs) or not (Kubernetes definitions). */
  readonly closeEmptyObjects: boolean;
  /**
   * Whether `format`s are checked: for CRDs, as k8s.io/apiextensions-apiserver does (the formats
   * of `formats.ts`); Kubernetes kinds are decoded into Go types instead, which the formats of
   * their schema only describe.
   */
  readonly checkFormats: boolean;
  /** `required` entries the API server does not enforce, by definition name (`$ref` target). */
  readonly unenforcedRequired?: Readonly<Record<string, readonly string[]>>;
}

/** Where problems go; `blocking` ones stop CEL rules from running, as in the API server. */
export type SchemaReporter = (path: FieldPath, message: string, blocking: boolean) => void;

/** What the walk does at a node. */
const enum Mode {
  /** Every check. */
  FULL,
  /** Inside a junctor branch: values only, never unknown fields. */
  JUNCTOR,
  /** A part the API server drops before validation (`status` on create): only unknown fields, which the decoder reports. */
  UNKNOWN_FIELDS,
}

/** Checks `value` against `schema` (the root of a kind, so `metadata` is an `ObjectMeta`). */
export function checkSchema(schema: OpenApiSchema, value: unknown, context: SchemaContext, report: SchemaReporter, path: FieldPath = []): void {
  new Walk(context, report).check(schema, value, path, Mode.FULL, true);
}

/** Checks only for fields the schema does not declare (what the decoder reports in a part the API server then drops). */
export function checkUnknownFields(schema: OpenApiSchema, value: unknown, context: SchemaContext, report: SchemaReporter, path: FieldPath): void {
  new Walk(context, report).check(schema, value, path, Mode.UNKNOWN_FIELDS, false);
}

/** The kinds of JSON value a schema `type` names. */
const TYPES: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  // a JSON integer the API server decodes as an int64; larger ones become floats
  integer: (v) => Number.isInteger(v) && (v as number) >= -(2 ** 63) && (v as number) < 2 ** 63,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => isObject(v),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go RE2 patterns (CRD `pattern`s are RE2: inline flags anywhere, `\pL`, `\z`, ...), compiled once each. */
const patterns = new Map<string, RE2JS | Error>();

/** Whether `value` matches the RE2 `pattern`; an Error when the pattern is not valid RE2. */
export function matchesPattern(pattern: string, value: string): boolean | Error {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RE2JS(pattern);
    } catch (e) {
      re = new Error(`pattern ${JSON.stringify(pattern)} in the schema is not valid RE2 (${(e as Error).message}), so it was not checked`);
    }
    patterns.set(pattern, re);
  }
  return re instanceof Error ? re : re.test(value);
}

const json = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * `multipleOf` as kube-openapi checks it (validate.MultipleOf with swag.IsFloat64AJSONInteger):
 * the quotient, truncated, is itself within a relative error of 1e-9, so 0.3 is a multiple of 0.1.
 */
function isMultiple(value: number, factor: number): boolean {
  const quotient = factor < 1 ? (1 / factor) * value : value / factor;
  if (!Number.isFinite(quotient)) return false;
  const nearest = Math.trunc(quotient);
  return quotient === nearest || Math.abs(quotient - nearest) / (Math.abs(quotient) + Math.abs(nearest)) < 1e-9;
}

/** A copy without the null values of maps (a null field decoded into a Go struct is its zero value). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

class Walk {
  public constructor(private readonly context: SchemaContext, private readonly report: SchemaReporter) {}

  public check(schema: OpenApiSchema, value: unknown, path: FieldPath, mode: Mode, resource: boolean): void {
    let node = schema;
    let definition: string | undefined;
    while (node.$ref !== undefined) {
      definition = node.$ref.replace('#/definitions/', '');
      const target = this.context.resolveRef(node.$ref);
      if (target === undefined) return this.report(path, `the schema refers to ${node.$ref}, which it does not define, so the value was not checked`, false);
      node = target;
    }

    if (value === null) {
      // A null the API server did not prune (applyDefaults drops the others) must be allowed.
      if (!node.nullable && node.type !== undefined && mode !== Mode.UNKNOWN_FIELDS) this.report(path, `must be of type ${node.type} (got null)`, true);
      return;
    }
    if (node[QUANTITY] === true) {
      if (mode !== Mode.UNKNOWN_FIELDS && parseQuantity(value) === undefined) {
        this.report(path, `must be a quantity: a number, or a string such as 500m, 1.5 or 2Gi (resource.ParseQuantity) (got ${json(value)})`, true);
      }
      return;
    }
    const types = node['x-kubernetes-int-or-string'] ? ['integer', 'string'] : node.type !== undefined ? [node.type] : undefined;
    if (types !== undefined && types.some((t) => TYPES[t] === undefined)) {
      this.report(path, `the schema's type ${JSON.stringify(node.type)} is not a JSON type (object, array, string, integer, number, boolean), so the value was not checked`, false);
      return;
    }
    if (types !== undefined && !types.some((t) => TYPES[t](value))) {
      if (mode !== Mode.UNKNOWN_FIELDS) this.report(path, `must be of type ${types.join(' or ')} (got ${json(value)})`, true);
      return;
    }
    if (mode !== Mode.UNKNOWN_FIELDS) this.values(node, value, path);

    if (Array.isArray(value)) {
      if (node.items !== undefined) value.forEach((item, i) => this.check(node.items!, item, [...path, i], mode, false));
    } else if (isObject(value)) {
      this.object(node, value, path, mode, resource || node['x-kubernetes-embedded-resource'] === true, definition);
    }
    if (mode !== Mode.UNKNOWN_FIELDS) this.junctors(node, value, path);
  }

  /** The keywords that constrain a value itself. */
  private values(node: OpenApiSchema, value: unknown, path: FieldPath): void {
    if (node.enum !== undefined && !node.enum.some((allowed) => json(allowed) === json(value))) {
      this.report(path, `must be one of ${node.enum.map(json).join(', ')} (got ${json(value)})`, true);
    }
    if (typeof value === 'string') {
      const length = [...value].length;
      if (typeof node.maxLength === 'number' && length > node.maxLength) this.report(path, `must be at most ${node.maxLength} characters long (got ${length})`, true);
      if (typeof node.minLength === 'number' && length < node.minLength) this.report(path, `must be at least ${node.minLength} characters long (got ${length}: ${json(value)})`, false);
      if (typeof node.pattern === 'string') {
        const matched = matchesPattern(node.pattern, value);
        if (matched instanceof Error) this.report(path, matched.message, false);
        else if (!matched) this.report(path, `must match ${node.pattern} (got ${json(value)})`, false);
      }
      const format = node.format === undefined || !this.context.checkFormats ? undefined : formatValidator(node.format);
      if (format !== undefined && !format(value)) this.report(path, `must be a valid ${node.format} (got ${json(value)})`, false);
    } else if (typeof value === 'number') {
      this.bound(node.minimum, node.exclusiveMinimum, value, path, '>');
      this.bound(node.maximum, node.exclusiveMaximum, value, path, '<');
      if (typeof node.multipleOf === 'number' && node.multipleOf > 0 && !isMultiple(value, node.multipleOf)) {
        this.report(path, `must be a multiple of ${node.multipleOf} (got ${value})`, false);
      }
    } else if (Array.isArray(value)) {
      if (typeof node.maxItems === 'number' && value.length > node.maxItems) this.report(path, `must have at most ${node.maxItems} items (got ${value.length})`, true);
      if (typeof node.minItems === 'number' && value.length < node.minItems) this.report(path, `must have at least ${node.minItems} items (got ${value.length})`, false);
    } else if (isObject(value)) {
      const count = Object.keys(value).length;
      if (typeof node.maxProperties === 'number' && count > node.maxProperties) this.report(path, `must have at most ${node.maxProperties} entries (got ${count})`, true);
      if (typeof node.minProperties === 'number' && count < node.minProperties) this.report(path, `must have at least ${node.minProperties} entries (got ${count})`, false);
    }
  }

  /** `minimum`/`maximum`; in OpenAPI 3.0 and 2.0 `exclusiveMinimum`/`exclusiveMaximum` are booleans that make them strict. */
  private bound(limit: unknown, exclusive: unknown, value: number, path: FieldPath, side: '>' | '<'): void {
    if (typeof limit !== 'number') return;
    const strict = exclusive === true;
    const ok = side === '>' ? (strict ? value > limit : value >= limit) : (strict ? value < limit : value <= limit);
    if (!ok) this.report(path, `must be ${side}${strict ? '' : '='} ${limit} (got ${value})`, false);
  }

  private object(node: OpenApiSchema, value: Record<string, unknown>, path: FieldPath, mode: Mode, resource: boolean, definition: string | undefined): void {
    const properties: Readonly<Record<string, OpenApiSchema>> = node.properties ?? {};
    const extra = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    const open = node['x-kubernetes-preserve-unknown-fields'] === true || node.additionalProperties === true || mode === Mode.JUNCTOR;
    const closed = !open && extra === undefined
      && (node.properties !== undefined || resource || (this.context.closeEmptyObjects && node.type === 'object'));

    // Fields the schema does not declare: rejected by strict field validation, unless preserved.
    for (const [name, child] of Object.entries(value)) {
      if (Object.prototype.hasOwnProperty.call(properties, name) || (resource && RESOURCE_FIELDS.has(name))) continue;
      if (extra !== undefined) this.check(extra, child, [...path, name], mode, false);
      else if (closed) this.report([...path, name], `unknown field ${json(name)}: not declared in the schema`, false);
    }
    if (mode !== Mode.UNKNOWN_FIELDS) {
      const unenforced = definition === undefined ? undefined : this.context.unenforcedRequired?.[definition];
      for (const name of node.required ?? []) {
        if (value[name] === undefined && !unenforced?.includes(name)) this.report([...path, name], 'required value', true);
      }
    }
    for (const [name, child] of Object.entries(properties)) {
      if (value[name] !== undefined && !(resource && RESOURCE_FIELDS.has(name))) this.check(child, value[name], [...path, name], mode, false);
    }
    if (resource) {
      // An embedded resource needs both (the root's were checked before its schema was chosen).
      for (const name of ['apiVersion', 'kind'] as const) {
        if (value[name] === undefined || value[name] === '') {
          if (mode === Mode.FULL) this.report([...path, name], 'required value', true);
        } else if (typeof value[name] !== 'string') {
          this.report([...path, name], `must be of type string (got ${json(value[name])})`, true);
        }
      }
      // Metadata is decoded into ObjectMeta, where a null is simply an absent field.
      if (value.metadata !== undefined) this.check(this.context.objectMeta, withoutNulls(value.metadata), [...path, 'metadata'], mode === Mode.JUNCTOR ? Mode.FULL : mode, false);
    }
  }

  /** `allOf`, `anyOf`, `oneOf` and `not`: value constraints only. */
  private junctors(node: OpenApiSchema, value: unknown, path: FieldPath): void {
    for (const branch of node.allOf ?? []) this.check(branch, value, path, Mode.JUNCTOR, false);
    if (node.anyOf !== undefined && !node.anyOf.some((branch) => this.passes(branch, value))) {
      this.report(path, alternatives('at least one of', node.anyOf, value), typeOnly(node.anyOf));
    }
    if (node.oneOf !== undefined) {
      const passing = node.oneOf.filter((branch) => this.passes(branch, value)).length;
      if (passing !== 1) this.report(path, alternatives('exactly one of', node.oneOf, value, passing), passing === 0 && typeOnly(node.oneOf));
    }
    if (node.not !== undefined && this.passes(node.not, value)) {
      const required = requiredOnly(node.not);
      this.report(path, required !== undefined ? `must not set ${required.join(' and ')}` : `must not match the schema under "not" (got ${json(value)})`, false);
    }
  }

  private passes(branch: OpenApiSchema, value: unknown): boolean {
    let ok = true;
    new Walk(this.context, () => { ok = false; }).check(branch, value, [], Mode.JUNCTOR, false);
    return ok;
  }
}

/** Fields every resource has, checked apart: `apiVersion`, `kind` and `metadata`. */
const RESOURCE_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The fields of a branch that only requires fields (`{required: [a]}`), the usual way a schema says "one of these fields". */
function requiredOnly(branch: OpenApiSchema): readonly string[] | undefined {
  const keys = Object.keys(branch);
  return keys.length === 1 && keys[0] === 'required' ? branch.required : undefined;
}

/** Whether every branch only names a type (int-or-string, Quantity): a failure is then a type error. */
function typeOnly(branches: readonly OpenApiSchema[]): boolean {
  return branches.every((b) => Object.keys(b).length === 1 && typeof b.type === 'string');
}

/** The message for an `anyOf`/`oneOf` that does not hold, in the terms of its branches where they are simple. */
function alternatives(quantifier: string, branches: readonly OpenApiSchema[], value: unknown, passing?: number): string {
  if (typeOnly(branches) && passing === 0) return `must be of type ${branches.map((b) => b.type).join(' or ')} (got ${json(value)})`;
  const fields = branches.map(requiredOnly);
  if (fields.every((f) => f !== undefined) && isObject(value)) {
    const names = [...new Set(fields.flat() as string[])];
    const set = names.filter((n) => value[n] !== undefined);
    return `must set ${quantifier} ${names.join(', ')} (got ${set.length === 0 ? 'none' : set.join(', ')})`;
  }
  const keyword = quantifier === 'exactly one of' ? 'oneOf' : 'anyOf';
  return passing !== undefined && passing > 1
    ? `must match exactly one of the schemas in ${keyword}, but matches ${passing} (got ${json(value)})`
    : `must match ${quantifier} the schemas in ${keyword} (got ${json(value)})`;
}
