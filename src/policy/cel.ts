/**
 * Offline evaluator for CRD `x-kubernetes-validations` CEL rules, modelled on the
 * Kubernetes API server (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel).
 *
 * Built on `@bufbuild/cel`, which has no type checker: a rule "compiles" here when it
 * parses, plans, and references only declared variables (`self`, `oldSelf`) and known
 * functions. Type errors that the API server would reject when the CRD is created
 * surface as runtime errors instead.
 */
import { isIP as netIsIP } from 'node:net';
import type { CelError, CelInput, CelMap, CelValue, CelEnv, parse as parseFn } from '@bufbuild/cel';
import type * as CelModule from '@bufbuild/cel';
import type * as SyntaxModule from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import type * as ProtobufModule from '@bufbuild/protobuf';

/** One entry of a schema node's `x-kubernetes-validations` list. */
export interface CelRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
}

/** Result of evaluating one {@link CelRule}. */
export type CelOutcome =
  /** The rule evaluated to `true` (or the value is null, which the API server does not validate). */
  | { readonly kind: 'pass' }
  /** The rule evaluated to `false`; `fieldPath` is the rule's own, relative to the schema node. */
  | { readonly kind: 'fail'; readonly message: string; readonly fieldPath?: string }
  /** The rule raised a runtime error (e.g. "no such key") or did not yield a bool: the API server rejects the object. */
  | { readonly kind: 'error'; readonly message: string }
  /**
   * The rule does not compile here. The API server compiles every rule when the CRD is created,
   * so a CRD in a cluster has none that fail: the rule uses what this evaluator lacks (a
   * Kubernetes CEL library such as `url()` or `quantity()`, optional syntax); it is not checked.
   */
  | { readonly kind: 'unchecked'; readonly message: string }
  /** Transition rule (references `oldSelf`): not evaluated, as there is no old object on create. */
  | { readonly kind: 'skipped' };

type Schema = { readonly [key: string]: unknown };
type Expr = ReturnType<typeof parseFn>['expr'];
type Program = (bindings: Record<string, CelInput>) => CelValue | CelError;
type Compiled =
  | { readonly kind: 'program'; readonly program: Program }
  | { readonly kind: 'transition' } // references oldSelf: never evaluated
  | { readonly kind: 'error'; readonly error: string };

/** `isIP(string) bool` from the Kubernetes IP library: IPv4 (no leading zeros) or IPv6, no zone. */
function isIP(s: string): boolean {
  return !s.includes('%') && netIsIP(s) !== 0;
}

/** `isCIDR(string) bool` from the Kubernetes CIDR library (netip.ParsePrefix semantics). */
function isCIDR(s: string): boolean {
  const slash = s.lastIndexOf('/');
  const bits = s.slice(slash + 1);
  if (slash < 0 || !/^(0|[1-9][0-9]{0,2})$/.test(bits)) return false;
  const addr = s.slice(0, slash);
  return isIP(addr) && Number(bits) <= (netIsIP(addr) === 4 ? 32 : 128);
}

/**
 * @bufbuild/cel and its environment, loaded on first use: loading the CEL engine costs ~100 ms,
 * which every `require('cdk8s-kafka')` would pay although only the validator needs it.
 */
interface Engine {
  readonly cel: typeof CelModule;
  readonly env: CelEnv;
  /** Decodes and encodes a binary `cel.expr.ParsedExpr`. */
  readonly fromBinary: (bytes: Uint8Array) => SyntaxModule.ParsedExpr;
  readonly toBinary: (ast: ReturnType<typeof CelModule.parse>) => Uint8Array;
}
let loaded: Engine | undefined;
function engine(): Engine {
  if (loaded === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cel = require('@bufbuild/cel') as typeof CelModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { strings } = require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext');
    const env = cel.celEnv({
      funcs: [
        ...strings,
        cel.celFunc('isIP', [cel.CelScalar.STRING], cel.CelScalar.BOOL, isIP),
        cel.celFunc('isCIDR', [cel.CelScalar.STRING], cel.CelScalar.BOOL, isCIDR),
      ],
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const protobuf = require('@bufbuild/protobuf') as typeof ProtobufModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ParsedExprSchema } = require('@bufbuild/cel-spec/cel/expr/syntax_pb.js') as typeof SyntaxModule;
    loaded = {
      cel,
      env,
      fromBinary: (bytes) => protobuf.fromBinary(ParsedExprSchema, bytes),
      toBinary: (ast) => protobuf.toBinary(ParsedExprSchema, ast),
    };
  }
  return loaded;
}

/** Calls the planner handles itself rather than through the function resolver. */
const PLANNER_CALLS = new Set(['_[_]', '_?_:_', '_&&_', '_||_', '@not_strictly_false', '__not_strictly_false__']);
/** Identifiers that denote CEL types (e.g. `type(self) == int`). */
const TYPE_IDENTS = new Set(['bool', 'bytes', 'double', 'dyn', 'int', 'list', 'map', 'null_type', 'string', 'type', 'uint']);

/**
 * Statically checks identifier and function references, mirroring the "undeclared reference"
 * errors cel-go reports at compile time. Returns the problems found; sets `refs.oldSelf`.
 */
function checkRefs(expr: Expr | undefined, scope: ReadonlySet<string>, refs: { oldSelf: boolean; errors: string[] }): void {
  if (!expr) return;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'identExpr': {
      const name = kind.value.name;
      if (name === 'oldSelf') refs.oldSelf = true;
      else if (name !== 'self' && !scope.has(name) && !TYPE_IDENTS.has(name)) refs.errors.push(`undeclared reference to '${name}'`);
      return;
    }
    case 'selectExpr':
      return checkRefs(kind.value.operand, scope, refs);
    case 'callExpr': {
      const { target, args } = kind.value;
      const fn = kind.value.function;
      const qualified = target?.exprKind.case === 'identExpr' ? `${target.exprKind.value.name}.${fn}` : undefined;
      if (qualified !== undefined && engine().env.funcs.find(qualified)) {
        args.forEach((a) => checkRefs(a, scope, refs));
        return;
      }
      if (!PLANNER_CALLS.has(fn) && !engine().env.funcs.find(fn)) refs.errors.push(`undeclared reference to '${fn}'`);
      checkRefs(target, scope, refs);
      args.forEach((a) => checkRefs(a, scope, refs));
      return;
    }
    case 'listExpr':
      kind.value.elements.forEach((e) => checkRefs(e, scope, refs));
      return;
    case 'structExpr':
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') checkRefs(entry.keyKind.value, scope, refs);
        checkRefs(entry.value, scope, refs);
      }
      return;
    case 'comprehensionExpr': {
      const c = kind.value;
      checkRefs(c.iterRange, scope, refs);
      checkRefs(c.accuInit, scope, refs);
      const inner = new Set([...scope, c.iterVar, c.iterVar2, c.accuVar].filter((v) => v !== ''));
      checkRefs(c.loopCondition, inner, refs);
      checkRefs(c.loopStep, inner, refs);
      checkRefs(c.result, inner, refs);
      return;
    }
    default:
      return;
  }
}

const compiled = new Map<string, Compiled>();

/** Expressions parsed ahead of time (the built-in schemas carry theirs): source → binary `cel.expr.ParsedExpr`, base64. */
const preparsed = new Map<string, string>();

/**
 * The parse of `source` as base64 of a binary `cel.expr.ParsedExpr`, which {@link addParsedExpressions}
 * takes back: parsing costs ~0.7 ms a rule, decoding ~0.1 ms. Throws when `source` does not parse.
 */
export function parsedExpression(source: string): string {
  return Buffer.from(engine().toBinary(engine().cel.parse(source))).toString('base64');
}

/** Registers expressions parsed ahead of time ({@link parsedExpression}), by source text. */
export function addParsedExpressions(expressions: Readonly<Record<string, string>>): void {
  for (const [source, ast] of Object.entries(expressions)) preparsed.set(source, ast);
}

/** Parses, checks and plans `source` once; later calls hit the cache. */
function compile(source: string): Compiled {
  let entry = compiled.get(source);
  if (entry === undefined) {
    try {
      const ready = preparsed.get(source);
      const ast = ready !== undefined ? engine().fromBinary(Buffer.from(ready, 'base64')) : engine().cel.parse(source);
      const refs = { oldSelf: false, errors: [] as string[] };
      checkRefs(ast.expr, new Set(), refs);
      // Transition rules may use the optional library (oldSelf.hasValue() ...); they are never run.
      if (refs.oldSelf) entry = { kind: 'transition' };
      else if (refs.errors.length > 0) entry = { kind: 'error', error: refs.errors.join('; ') };
      else entry = { kind: 'program', program: engine().cel.plan(engine().env, ast) as Program };
    } catch (e) {
      // @bufbuild/cel lacks optional syntax (`oldSelf.?x`); a transition rule is skipped regardless.
      entry = /\boldSelf\b/.test(source) ? { kind: 'transition' } : { kind: 'error', error: e instanceof Error ? e.message : String(e) };
    }
    compiled.set(source, entry);
  }
  return entry;
}

/** Runs a built-in conversion expression (e.g. `duration(self)`) on a string; undefined on error. */
function convertWith(source: string, self: string): CelValue | undefined {
  const c = compile(source);
  if (c.kind !== 'program') return undefined;
  const result = c.program({ self });
  return engine().cel.isCelError(result) ? undefined : result;
}

/** go-openapi/strfmt duration units beyond Go's time.ParseDuration ("3d", "1 week", ...). */
const STRFMT_UNITS: ReadonlyArray<readonly [readonly string[], string, number]> = [
  [['ns', 'nano'], 'ns', 1], [['us', 'µs', 'micro'], 'us', 1], [['ms', 'milli'], 'ms', 1],
  [['s', 'sec'], 's', 1], [['m', 'min'], 'm', 1], [['h', 'hr', 'hour'], 'h', 1],
  [['d', 'day'], 'h', 24], [['w', 'wk', 'week'], 'h', 168],
];

/** `format: duration` as the API server parses it (strfmt.ParseDuration). */
function toDuration(s: string): CelValue | undefined {
  const direct = convertWith('duration(self)', s);
  if (direct !== undefined) return direct;
  const parts: string[] = [];
  for (const [, count, rawUnit] of s.matchAll(/(\d+)\s*([A-Za-zµ]+)/g)) {
    const unit = rawUnit.toLowerCase();
    for (const [variants, goUnit, factor] of STRFMT_UNITS) {
      const last = variants.length - 1;
      if (variants.some((v, i) => v === unit || (i === last && unit.startsWith(v)))) parts.push(`${BigInt(count) * BigInt(factor)}${goUnit}`);
    }
  }
  return parts.length > 0 ? convertWith('duration(self)', parts.join('')) : undefined;
}

/** `format: date` / `date-time` as a CEL timestamp. */
function toTimestamp(s: string, format: string): CelValue | undefined {
  return convertWith('timestamp(self)', format === 'date' ? `${s}T00:00:00Z` : s);
}

/** The `__{keyword}__` escapes of CEL reserved words. */
const CEL_RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function',
  'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);
const ESCAPES: Readonly<Record<string, string>> = { '__': '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' };

/** Property name as seen from CEL (k8s model.Escape); undefined if not accessible. */
function escapeProperty(name: string): string | undefined {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  return name.replace(/__|[./-]/g, (m) => ESCAPES[m]);
}

function isRecord(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asRecord(v: unknown): Schema {
  return isRecord(v) ? v : {};
}

/** Always visible on embedded resources (k8s WithTypeAndObjectMeta); other metadata is hidden. */
const EMBEDDED_PROPS: Schema = {
  apiVersion: { type: 'string' },
  kind: { type: 'string' },
  metadata: { type: 'object', properties: { name: { type: 'string' }, generateName: { type: 'string' } } },
};

/** A CEL map; works around @bufbuild/cel 0.6 treating null-valued entries as absent in `has()` / `in`. */
function mapOf(entries: Map<string, CelInput>): CelMap {
  const map = engine().cel.celMap(entries);
  if ([...entries.values()].includes(null)) map.has = (key) => map.get(key) !== undefined;
  return map;
}

/** Untyped conversion (no schema / preserve-unknown-fields): whole numbers become ints. */
function fromJson(value: unknown): CelInput {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return engine().cel.celList(value.map(fromJson));
  if (isRecord(value)) return mapOf(new Map(Object.entries(value).map(([k, v]) => [k, fromJson(v)])));
  return null;
}

/**
 * Converts a JSON value to a CEL value typed by its structural schema, as the API server's
 * UnstructuredToVal does. Values that do not match their schema are converted by JSON type.
 */
function toCel(value: unknown, schema: unknown): CelInput {
  if (value === null || value === undefined) return null;
  if (!isRecord(schema)) return fromJson(value);
  if (schema['x-kubernetes-int-or-string'] === true) return fromJson(value);
  switch (schema.type) {
    case 'object': {
      if (!isRecord(value)) break;
      const props = schema['x-kubernetes-embedded-resource'] === true ? { ...asRecord(schema.properties), ...EMBEDDED_PROPS } : schema.properties;
      if (isRecord(props)) {
        const fields = new Map<string, CelInput>();
        for (const [name, v] of Object.entries(value)) {
          const propSchema = props[name];
          const key = escapeProperty(name);
          if (!isRecord(propSchema) || key === undefined) continue; // unknown fields are not visible
          if (v === null && propSchema.nullable !== true) continue; // pruned by the API server
          fields.set(key, toCel(v, propSchema));
        }
        return mapOf(fields);
      }
      const additional = schema.additionalProperties;
      if (isRecord(additional)) {
        return mapOf(new Map(Object.entries(value).map(([k, v]) => [k, toCel(v, additional)])));
      }
      break;
    }
    case 'array':
      if (Array.isArray(value)) return engine().cel.celList(value.map((v) => toCel(v, schema.items)));
      break;
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      break;
    case 'number':
      if (typeof value === 'number') return value; // always a double, even when whole
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'string': {
      if (typeof value !== 'string') break;
      switch (schema.format) {
        case 'byte': return new Uint8Array(Buffer.from(value, 'base64'));
        case 'duration': return toDuration(value) ?? value;
        case 'date':
        case 'date-time': return toTimestamp(value, schema.format) ?? value;
        default: return value;
      }
    }
    default:
      break;
  }
  return fromJson(value);
}

/** The rule's message, or the rule text, as the API server quotes it in errors. */
function ruleErrorString(rule: CelRule): string {
  return rule.message?.trim() || rule.rule.trim();
}

function runtimeError(err: CelError): string {
  // cel-go says "no such key: x" where @bufbuild/cel says "field not found: x".
  return err.message.replace(/^field not found: /, 'no such key: ');
}

/** Evaluates `messageExpression`; undefined when it fails or is not a usable string (k8s falls back). */
function evalMessageExpression(source: string, self: CelInput): string | undefined {
  const c = compile(source);
  if (c.kind !== 'program') return undefined;
  const result = c.program({ self });
  if (typeof result !== 'string') return undefined;
  const message = result.trim();
  return message.length > 0 && message.length <= 5 * 1024 && !message.includes('\n') ? message : undefined;
}

/**
 * Evaluates one rule with `self` bound to `value`, typed by `schema` (the raw OpenAPI schema node the rule sits on).
 *
 * - Null/undefined values pass: the API server does not run rules on null.
 * - Rules referencing `oldSelf` are skipped (no old object on create), even with `optionalOldSelf`.
 * - On failure the message is the evaluated `messageExpression`, else `message`, else `failed rule: <rule>`.
 * - A rule that does not compile here is `unchecked`; runtime errors are formatted like the API
 *   server's ("no such key: x evaluating rule: ...").
 */
export function evaluateRule(rule: CelRule, value: unknown, schema: object): CelOutcome {
  const c = compile(rule.rule);
  if (c.kind === 'error') return { kind: 'unchecked', message: `rule not checked: the offline validator cannot compile it (${c.error}): ${ruleErrorString(rule)}` };
  if (c.kind === 'transition') return { kind: 'skipped' };
  if (value === null || value === undefined) return { kind: 'pass' };

  const self = toCel(value, schema);
  const result = c.program({ self });
  if (engine().cel.isCelError(result)) return { kind: 'error', message: `${runtimeError(result)} evaluating rule: ${ruleErrorString(rule)}` };
  if (result === true) return { kind: 'pass' };
  if (result !== false) return { kind: 'error', message: `cel expression must evaluate to a bool: ${ruleErrorString(rule)}` };

  const message = (rule.messageExpression !== undefined ? evalMessageExpression(rule.messageExpression, self) : undefined)
    ?? (rule.message?.trim() || `failed rule: ${rule.rule.trim()}`);
  return rule.fieldPath !== undefined ? { kind: 'fail', message, fieldPath: rule.fieldPath } : { kind: 'fail', message };
}
