import type { IConstruct } from 'constructs';
import { formatValue, Subject, throwFactoryError, throwPropError } from './errors';
import { closestName } from './naming';
import { INTERFACES, SIGNATURES } from './prop-shapes.generated';

/**
 * Runtime checks of arguments against the library's own TypeScript types, for callers the
 * compiler does not stand behind (plain JavaScript, `as any`, data read from a file): a wrong
 * type fails at once with the construct or factory, the prop, the value and what to give,
 * instead of a TypeError deep inside a construct or a manifest the API server rejects. The
 * shapes are generated from the types by `scripts/prop-shapes.ts`; the semantic rules (ranges,
 * names, cross-checks) stay with each construct.
 */

/** The runtime shape of a TypeScript type. */
export type Shape =
  | { readonly t: 'any' | 'string' | 'number' | 'boolean' | 'function' | 'duration' | 'size' }
  | { readonly t: 'enum'; readonly values: ReadonlyArray<string | number>; readonly names?: readonly string[] }
  | { readonly t: 'array' | 'record'; readonly of: Shape }
  | { readonly t: 'object'; readonly ref?: string; readonly props?: Readonly<Record<string, { readonly shape: Shape; readonly optional: boolean }>> }
  | { readonly t: 'union'; readonly of: readonly Shape[] }
  | { readonly t: 'instance'; readonly name: string; readonly members: Readonly<Record<string, 'function' | 'present'>>; readonly factories?: readonly string[] };

/** The parameters of a function, in order. */
export type Signature = ReadonlyArray<{ readonly name: string; readonly shape: Shape; readonly optional: boolean; readonly rest?: boolean }>;

interface Problem {
  readonly path: string;
  readonly problem: string;
  readonly value: unknown;
  readonly fix: string;
}

/**
 * The construct id a constructor passes to `super()`, checked first: the constructs library
 * fails on a non-string id with a TypeError and on an empty one with a message that names
 * neither the construct nor the call.
 */
export function constructId(kind: string, scope: unknown, id: unknown, param: string = 'id'): string {
  const path = (scope as { node?: { path?: unknown } } | undefined)?.node?.path;
  if (typeof path !== 'string') {
    throw new Error(`${kind}: scope must be a construct, an App or a Chart or a construct in one (got ${formatValue(scope)}); pass the chart it belongs to`);
  }
  if (typeof id !== 'string' || id === '') {
    throw new Error(`${kind} in ${path === '' ? 'the app' : path}: ${param} must be a non-empty string, unique in its scope (got ${formatValue(id)}); use e.g. '${param === 'id' ? kind : 'prod'}'`);
  }
  // constructs' own message for a taken id names neither the kind nor what holds the id.
  const taken = (scope as IConstruct).node.tryFindChild(id);
  if (taken !== undefined) {
    throw new Error(`${kind} in ${path === '' ? 'the app' : path}: ${param} ${formatValue(id)} is already the id of ${taken.constructor.name} at ${taken.node.path} (got ${formatValue(id)}); give each construct of a scope its own ${param}, e.g. '${id}${kind}'`);
  }
  return id;
}

/**
 * Throws a prop error unless `args` fit `signature` (`Class.method`, `Class.constructor`),
 * skipping the first `skip` (a constructor's scope and id). A parameter named `props` is the
 * construct's props: its fields are named bare (`brokers.replicas`), like every other message.
 * @param where the construct (for constructors and methods) or the factory call, e.g. `HostnameScheme.subdomain()`
 */
export function checkArgs(where: Subject | string, signature: string, args: ArrayLike<unknown>, skip: number = 0): void {
  const params = SIGNATURES[signature];
  if (params === undefined) throw new Error(`checkArgs: no signature ${signature}; run scripts/prop-shapes.ts`);
  // Plain loops, no closures: constructors and addTopic/addUser call this once per object.
  for (let i = skip; i < params.length; i++) {
    const param = params[i];
    if (param.rest) {
      for (let j = i; j < args.length; j++) checkArg(where, param, args[j], `${param.name}[${j - i}]`);
    } else {
      checkArg(where, param, args[i], param.name);
    }
  }
}

/** Throws a prop error unless `value` fits `param` (named `name`, e.g. `operations[1]`). */
function checkArg(where: Subject | string, param: Signature[number], value: unknown, name: string): void {
  const problem = value === undefined
    ? (param.optional && !param.rest ? undefined : { path: name, problem: 'is required', value, fix: `give ${describe(param.shape)}` })
    : problemOf(param.shape, value, name);
  if (problem === undefined) return;
  const path = param.name === 'props' && problem.path !== 'props' ? problem.path.replace(/^props\.?/, '') : problem.path;
  if (typeof where === 'string') throwFactoryError(where, path, problem.problem, problem.value, problem.fix);
  throwPropError(where, path, problem.problem, problem.value, problem.fix);
}

/** What `value` does not fit as a `shape` at `path`: made only when it does not fit. */
function wrong(shape: Shape, value: unknown, path: string, problem?: string, fix?: string): Problem {
  return { path, problem: problem ?? `must be ${describe(shape)}`, value, fix: fix ?? `give ${describe(shape)}` };
}

/** `Object.entries` of a generated shape (constant data), made once per shape. */
const ENTRIES = new WeakMap<object, ReadonlyArray<readonly [string, unknown]>>();
function entriesOf<V>(record: Readonly<Record<string, V>>): ReadonlyArray<readonly [string, V]> {
  let entries = ENTRIES.get(record);
  if (entries === undefined) {
    entries = Object.entries(record);
    ENTRIES.set(record, entries);
  }
  return entries as ReadonlyArray<readonly [string, V]>;
}

/** What is wrong with `value` as a `shape`, or undefined. */
function problemOf(shape: Shape, value: unknown, path: string): Problem | undefined {
  switch (shape.t) {
    case 'any': return undefined;
    case 'string': return typeof value === 'string' ? undefined : wrong(shape, value, path);
    case 'number': return typeof value === 'number' && Number.isFinite(value) ? undefined : wrong(shape, value, path);
    case 'boolean': return typeof value === 'boolean' ? undefined : wrong(shape, value, path, undefined, 'give true or false (a boolean, not a string)');
    case 'function': return typeof value === 'function' ? undefined : wrong(shape, value, path);
    case 'duration': return durationProblem(value) === undefined ? undefined : wrong(shape, value, path, durationProblem(value), 'use e.g. Duration.seconds(30)');
    case 'size': return sizeProblem(value) === undefined ? undefined : wrong(shape, value, path, sizeProblem(value), 'use e.g. Size.gibibytes(10)');
    case 'enum': return shape.values.includes(value as string | number) ? undefined : wrong(shape, value, path, undefined, shape.names ? `use ${shape.names.join(', ')}` : `use ${shape.values.map((v) => formatValue(v)).join(', ')}`);
    case 'array':
      if (!Array.isArray(value)) return wrong(shape, value, path);
      for (const [i, item] of value.entries()) {
        const problem = problemOf(shape.of, item, `${path}[${i}]`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    case 'record':
      if (!isObject(value)) return wrong(shape, value, path);
      for (const [key, item] of Object.entries(value)) {
        const problem = problemOf(shape.of, item, `${path}['${key}']`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    case 'object': {
      if (!isObject(value)) return wrong(shape, value, path);
      const props = shape.props ?? INTERFACES[shape.ref!];
      // A key the interface does not have is a typo TypeScript would have caught ({ nmae: 'x' }).
      if (shape.ref !== undefined && Object.getPrototypeOf(value) === Object.prototype) {
        const unknown = Object.keys(value).find((key) => !(key in props) && (value as Record<string, unknown>)[key] !== undefined);
        if (unknown !== undefined) {
          const near = closestName(unknown, Object.keys(props));
          return { path: path === '' ? unknown : `${path}.${unknown}`, problem: `is not a prop of ${shape.ref}`, value: (value as Record<string, unknown>)[unknown], fix: near === undefined ? `use one of ${Object.keys(props).join(', ')}` : `did you mean ${near}?` };
        }
      }
      for (const [key, prop] of entriesOf(props)) {
        const item = (value as Record<string, unknown>)[key];
        const at = path === '' ? key : `${path}.${key}`;
        if (item === undefined) {
          if (!prop.optional) return { path: at, problem: 'is required', value: item, fix: `give ${describe(prop.shape)}` };
          continue;
        }
        const problem = problemOf(prop.shape, item, at);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'union': {
      if (shape.of.some((s) => problemOf(s, value, path) === undefined)) return undefined;
      // An object given where `true` or options are taken is meant as the options: what is
      // wrong inside it says more than "must be true or false or an options object".
      const meant = shape.of.filter((s) => sameKind(s, value));
      return meant.length === 1 ? problemOf(meant[0], value, path) : wrong(shape, value, path);
    }
    case 'instance': {
      const members = entriesOf(shape.members);
      const fits = (typeof value === 'object' || typeof value === 'function') && value !== null
        && members.every(([name, kind]) => (kind === 'function' ? typeof (value as Record<string, unknown>)[name] === 'function' : name in value));
      return fits ? undefined : wrong(shape, value, path, undefined, shape.factories !== undefined
        ? `make it with ${shape.factories.map((f) => `${shape.name}.${f}()`).join(', ')}`
        : `pass ${describe(shape)}, made with its constructor or static factories`);
    }
  }
}

/** A shape in words: `a string`, `one of 'a', 'b'`, `a KafkaCluster`. */
function describe(shape: Shape): string {
  switch (shape.t) {
    case 'any': return 'a value';
    case 'string': return 'a string';
    case 'number': return 'a finite number';
    case 'boolean': return 'true or false';
    case 'function': return 'a function';
    case 'duration': return 'a cdk8s Duration';
    case 'size': return 'a cdk8s Size';
    case 'enum': return shape.names ? `one of ${shape.names.join(', ')}` : `one of ${shape.values.map((v) => formatValue(v)).join(', ')}`;
    // Each alternative in the plural: an array of KafkaTopics or Acls.
    case 'array': return `an array of ${(shape.of.t === 'union' ? shape.of.of : [shape.of]).map((s) => plural(describe(s))).join(' or ')}`;
    case 'record': return 'an object of named values';
    case 'object': return shape.ref ? `a ${shape.ref} object` : 'an object';
    case 'union': return shape.of.map(describe).join(' or ');
    case 'instance': return `a${/^[AEIOU]/.test(shape.name) ? 'n' : ''} ${shape.name}`;
  }
}

/** `a KafkaTopic` → `KafkaTopics`, `a string` → `strings`, `a Size object` → `Size objects`. */
function plural(description: string): string {
  return `${description.replace(/^(a|an) /, '')}s`.replace(/ss$/, 'ses');
}

/** Whether `value` is of the JavaScript kind `shape` takes (an object for an interface, a string for an enum of strings, …). */
function sameKind(shape: Shape, value: unknown): boolean {
  switch (shape.t) {
    case 'object': case 'record': return isObject(value) && Object.getPrototypeOf(value) === Object.prototype;
    case 'array': return Array.isArray(value);
    case 'enum': return shape.values.some((v) => typeof v === typeof value);
    case 'instance': case 'duration': case 'size': return isObject(value) && Object.getPrototypeOf(value) !== Object.prototype;
    case 'union': return shape.of.some((s) => sameKind(s, value));
    case 'any': return true;
    default: return typeof value === shape.t;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function durationProblem(value: unknown): string | undefined {
  if (typeof (value as { toMilliseconds?: unknown } | undefined)?.toMilliseconds !== 'function') return 'must be a cdk8s Duration';
  try {
    return Number.isFinite((value as { toMilliseconds(): number }).toMilliseconds()) ? undefined : 'must be a finite Duration';
  } catch {
    return 'must be a finite Duration';
  }
}

function sizeProblem(value: unknown): string | undefined {
  if (typeof (value as { toMebibytes?: unknown } | undefined)?.toMebibytes !== 'function') return 'must be a cdk8s Size';
  try {
    return Number.isFinite((value as { toMebibytes(o: object): number }).toMebibytes({ rounding: 2 })) ? undefined : 'must be a finite Size';
  } catch {
    return 'must be a finite Size';
  }
}

