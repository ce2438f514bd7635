#!/usr/bin/env node
// Regenerates src/kafka/cruise-control-config.generated.ts: the keys of the ConfigDef Cruise
// Control's KafkaCruiseControlConfig builds, with each key's type, default (as Kafka's
// ConfigDef.convertToString writes it), Range validator and importance, for the Cruise Control
// version Strimzi ships (the tag below).
//
// Cruise Control is not on Maven Central, so the model is read from its Java sources at the tag
// (`git show`; nothing is compiled): KafkaCruiseControlConfig's static initialiser names the
// *Config classes whose define(ConfigDef) each adds keys; every `.define(` of those is parsed and
// its arguments evaluated as Java would: constants of any class of the repository (through the
// file's imports), literals, + - * / %, casts, `X.class.getName()`, `TimeUnit.X.toMillis(n)`,
// `new StringJoiner(",").add(..).toString()`, `Collections.emptyList()`, `ConfigDef.NO_DEFAULT_VALUE`,
// `atLeast(x)`, `between(a, b)`. The Kafka constants MonitorConfig reads (CommonClientConfigs) are
// not in the repository: KAFKA_CONSTANTS below holds them as Kafka declares them. Whatever else
// a define() uses fails the script, naming the file, line and expression; nothing is guessed.
// The client SSL/SASL keys Kafka's own ConfigDef.withClientSslSupport/withClientSaslSupport add
// are not Cruise Control's and are left out. The output is sorted by key: deterministic.
//
// usage: node scripts/cruise-control-config.mjs <git dir of a linkedin/cruise-control clone> [OUTPUT]
//   (OUTPUT defaults to src/kafka/cruise-control-config.generated.ts)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Cruise Control version: Strimzi 1.2.0's (docker-images/artifacts/kafka-thirdparty-libs/cc/pom.xml). */
const TAG = '2.5.146';
/** The Kafka version Cruise Control builds against at TAG (gradle.properties), whose constants KAFKA_CONSTANTS holds. */
const KAFKA_VERSION = '4.0.0';
/** The class whose ConfigDef is read. */
const CONFIG_CLASS = 'com.linkedin.kafka.cruisecontrol.config.KafkaCruiseControlConfig';
const CONFIG_DEF = 'org.apache.kafka.common.config.ConfigDef';

/**
 * Constants of Kafka classes that Cruise Control's sources read, as Kafka KAFKA_VERSION declares
 * them (clients/src/main/java/org/apache/kafka/clients/CommonClientConfigs.java), parsed as Java
 * like the repository's. Only the ones the defines read are needed; a missing one fails the script.
 */
const KAFKA_CONSTANTS = {
  'org.apache.kafka.clients.CommonClientConfigs': `
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String CLIENT_ID_CONFIG = "client.id";
    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    public static final String SECURITY_PROTOCOL_CONFIG = "security.protocol";
    public static final String DEFAULT_SECURITY_PROTOCOL = "PLAINTEXT";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG = "socket.connection.setup.timeout.ms";
    public static final Long DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MS = 10 * 1000L;
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG = "socket.connection.setup.timeout.max.ms";
    public static final Long DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS = 30 * 1000L;
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
  `,
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [gitDir, outArg] = process.argv.slice(2);
if (gitDir === undefined) {
  console.error('usage: node scripts/cruise-control-config.mjs <git dir of a linkedin/cruise-control clone> [OUTPUT]');
  process.exit(2);
}
const output = resolve(outArg ?? join(root, 'src', 'kafka', 'cruise-control-config.generated.ts'));

/** Runs git on the clone, failing with its output. */
function git(...args) {
  const r = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error !== undefined) throw new Error(`git: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

// ---------------------------------------------------------------------------------------------
// Java sources: tokens, imports, constants.

/** Java's tokens, each with its line: identifiers, literals and single-character punctuation. */
function tokenize(text, file) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const fail = (what) => { throw new Error(`${file}:${line}: ${what}`); };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (text.startsWith('//', i)) { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      for (let j = i; j < end; j++) if (text[j] === '\n') line++;
      i = end + 2;
      continue;
    }
    const start = line;
    if (text.startsWith('"""', i)) {
      // A text block: kept raw; evaluating one fails (no define needs one).
      const end = text.indexOf('"""', i + 3);
      if (end < 0) fail('unterminated text block');
      for (let j = i; j < end; j++) if (text[j] === '\n') line++;
      tokens.push({ kind: 'textblock', text: text.slice(i, end + 3), line: start });
      i = end + 3;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (text[j] !== c) {
        if (j >= text.length || text[j] === '\n') fail('unterminated literal');
        if (text[j] === '\\') {
          const e = text[j + 1];
          const simple = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\' };
          if (e in simple) { value += simple[e]; j += 2; } else if (e === 'u') {
            let k = j + 1;
            while (text[k] === 'u') k++;
            value += String.fromCharCode(parseInt(text.slice(k, k + 4), 16));
            j = k + 4;
          } else if (/[0-7]/.test(e)) {
            const m = /^[0-3]?[0-7]{1,2}/.exec(text.slice(j + 1, j + 4));
            value += String.fromCharCode(parseInt(m[0], 8));
            j += 1 + m[0].length;
          } else fail(`bad escape \\${e}`);
        } else value += text[j++];
      }
      tokens.push({ kind: c === '"' ? 'string' : 'char', value, text: text.slice(i, j + 1), line: start });
      i = j + 1;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F_]+[lL]?|0[bB][01_]+[lL]?|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?[fFdDlL]?)/.exec(text.slice(i, i + 80));
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      tokens.push({ kind: 'number', text: num[0], line: start });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i, i + 200));
    if (id !== null) {
      tokens.push({ kind: 'ident', text: id[0], line: start });
      i += id[0].length;
      continue;
    }
    tokens.push({ kind: 'punct', text: c, line: start });
    i++;
  }
  return tokens;
}

/** Tokens as source text, for messages. */
const show = (tokens) => tokens.map((t) => t.text).join(' ').replace(/ ?([.(),]) ?/g, '$1').replace(/,/g, ', ');

/** Every .java file of the tag's main sources, by fully qualified class name. */
function classIndex() {
  const index = new Map();
  for (const path of git('ls-tree', '-r', '--name-only', TAG).split('\n')) {
    const m = /(?:^|\/)src\/main\/java\/(.+)\.java$/.exec(path);
    if (m === null) continue;
    const fqcn = m[1].replace(/\//g, '.');
    index.set(fqcn, [...(index.get(fqcn) ?? []), path]);
  }
  return index;
}

/**
 * A parsed Java source: its package, imports (simple name → qualified name), static imports
 * (member → class), and its top-level class's static final fields (name → declared type and
 * initialiser tokens). `tokens` is kept for the define() chains.
 */
function parseSource(file, text, fqcn) {
  const tokens = tokenize(text, file);
  const src = { file, fqcn, pkg: fqcn.slice(0, fqcn.lastIndexOf('.')), imports: new Map(), staticImports: new Map(), fields: new Map(), tokens, wildcard: [] };
  let depth = 0;
  let paren = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth === 0 && t.text === 'package') {
      let j = i + 1;
      const parts = [];
      while (tokens[j].text !== ';') parts.push(tokens[j++].text);
      src.pkg = parts.join('');
      i = j;
      continue;
    }
    if (depth === 0 && t.text === 'import') {
      let j = i + 1;
      const isStatic = tokens[j].text === 'static';
      if (isStatic) j++;
      const parts = [];
      while (tokens[j].text !== ';') parts.push(tokens[j++].text);
      const name = parts.join('');
      const last = name.slice(name.lastIndexOf('.') + 1);
      if (last === '*') src.wildcard.push(name);
      else if (isStatic) src.staticImports.set(last, { owner: name.slice(0, name.lastIndexOf('.')), line: t.line });
      else src.imports.set(last, name);
      i = j;
      continue;
    }
    if (t.text === '{') depth++;
    else if (t.text === '}') depth--;
    else if (t.text === '(') paren++;
    else if (t.text === ')') paren--;
    else if (depth === 1 && paren === 0 && t.text === 'final') {
      // Modifiers before `final` must include `static`.
      let k = i - 1;
      let isStatic = false;
      while (k >= 0 && /^(public|private|protected|static|transient|volatile)$/.test(tokens[k].text)) {
        if (tokens[k].text === 'static') isStatic = true;
        k--;
      }
      for (let j = i + 1; j < tokens.length && /^(static)$/.test(tokens[j].text); j++) isStatic = true;
      if (!isStatic) continue;
      let j = i + 1;
      while (tokens[j].text === 'static') j++;
      const head = [];
      while (tokens[j].text !== '=' && tokens[j].text !== ';') head.push(tokens[j++]);
      if (tokens[j].text === ';') continue; // declared without an initialiser (a static block sets it)
      const name = head.pop().text;
      const type = head.map((h) => h.text).join('');
      const init = [];
      let d = 0;
      for (j++; !(d === 0 && tokens[j].text === ';'); j++) {
        if ('([{'.includes(tokens[j].text)) d++;
        else if (')]}'.includes(tokens[j].text)) d--;
        else if (d === 0 && tokens[j].text === ',') throw new Error(`${file}:${tokens[j].line}: several declarators in one field declaration (${name}, …)`);
        init.push(tokens[j]);
      }
      src.fields.set(name, { type, init, line: t.line });
      i = j;
    }
  }
  return src;
}

// ---------------------------------------------------------------------------------------------
// Java expressions: parsed from tokens, evaluated to typed values.

/**
 * Parses an expression of `tokens` (entirely) into a tree. Grammar: + - * / % over unary minus,
 * casts to primitive types, literals, parentheses, `new Name(args)`, and postfix chains of names,
 * `.class` and method calls.
 */
function parseExpression(tokens, file) {
  let p = 0;
  const peek = () => tokens[p];
  const fail = (what) => { throw new Error(`${file}:${(tokens[p] ?? tokens[tokens.length - 1]).line}: ${what} in \`${show(tokens)}\``); };
  const expect = (text) => { if (peek()?.text !== text) fail(`expected ${text}`); return tokens[p++]; };
  function args() {
    expect('(');
    const list = [];
    if (peek()?.text !== ')') {
      list.push(additive());
      while (peek()?.text === ',') { p++; list.push(additive()); }
    }
    expect(')');
    return list;
  }
  function additive() {
    let left = multiplicative();
    while (peek() !== undefined && (peek().text === '+' || peek().text === '-')) {
      const op = tokens[p++];
      left = { kind: 'binary', op: op.text, left, right: multiplicative(), line: op.line };
    }
    return left;
  }
  function multiplicative() {
    let left = unary();
    while (peek() !== undefined && '*/%'.includes(peek().text) && peek().kind === 'punct') {
      const op = tokens[p++];
      left = { kind: 'binary', op: op.text, left, right: unary(), line: op.line };
    }
    return left;
  }
  function unary() {
    const t = peek();
    if (t === undefined) fail('unexpected end');
    if (t.text === '-' || t.text === '+') { p++; return { kind: 'unary', op: t.text, operand: unary(), line: t.line }; }
    if (t.text === '(' && /^(int|long|short|byte|double|float|char)$/.test(tokens[p + 1]?.text ?? '') && tokens[p + 2]?.text === ')') {
      p += 3;
      return { kind: 'cast', type: tokens[p - 2].text, operand: unary(), line: t.line };
    }
    return postfix();
  }
  function postfix() {
    const t = peek();
    let node;
    if (t.kind === 'number' || t.kind === 'string' || t.kind === 'char' || t.kind === 'textblock') { p++; node = { kind: 'literal', token: t, line: t.line }; } else if (t.text === '(') {
      p++;
      node = additive();
      expect(')');
    } else if (t.text === 'new') {
      p++;
      const name = [expectIdent()];
      while (peek()?.text === '.') { p++; name.push(expectIdent()); }
      if (peek()?.text === '<') { expect('<'); expect('>'); }
      node = { kind: 'new', name, args: args(), line: t.line };
    } else if (t.kind === 'ident') {
      p++;
      if (peek()?.text === '(') node = { kind: 'call', target: null, name: t.text, args: args(), line: t.line };
      else node = { kind: 'name', parts: [t.text], line: t.line };
    } else fail(`unexpected ${t.text}`);
    while (peek()?.text === '.') {
      p++;
      const member = expectIdent();
      if (member === 'class') node = { kind: 'classLiteral', of: node, line: node.line };
      else if (peek()?.text === '(') node = { kind: 'call', target: node, name: member, args: args(), line: node.line };
      else if (node.kind === 'name') node = { ...node, parts: [...node.parts, member] };
      else node = { kind: 'field', target: node, name: member, line: node.line };
    }
    return node;
  }
  function expectIdent() {
    const t = tokens[p++];
    if (t?.kind !== 'ident') fail('expected a name');
    return t.text;
  }
  const tree = additive();
  if (p !== tokens.length) fail(`unexpected ${tokens[p].text}`);
  return tree;
}

const INT_TYPES = new Set(['int', 'long', 'short', 'byte', 'char']);
const NUMERIC = new Set([...INT_TYPES, 'double', 'float']);
const BITS = { int: 32, long: 64, short: 16, byte: 8 };
/** The type a declared type holds its value as (a boxed type as its primitive). */
const DECLARED = { int: 'int', Integer: 'int', long: 'long', Long: 'long', short: 'short', Short: 'short', double: 'double', Double: 'double', boolean: 'boolean', Boolean: 'boolean', String: 'String', Object: 'Object' };

/** Java's Double.toString. */
function javaDouble(d) {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const a = Math.abs(d);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exponent] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** A value as Java's string conversion writes it (in a concatenation, StringJoiner.add, Object.toString). */
function javaString(v, fail) {
  switch (v.t) {
    case 'String': return v.v;
    case 'null': return 'null';
    case 'boolean': return String(v.v);
    case 'char': return String.fromCharCode(Number(v.v));
    case 'int': case 'long': case 'short': case 'byte': return v.v.toString();
    case 'double': return javaDouble(v.v);
    default: return fail(`cannot write a ${v.t} as a string`);
  }
}

/** A numeric literal's value. */
function numberLiteral(text, fail) {
  const clean = text.replace(/_/g, '');
  if (/[fF]$/.test(clean)) return fail(`float literal ${text}`);
  if (/^(0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)[lL]?$/.test(clean)) {
    const isLong = /[lL]$/.test(clean);
    const digits = clean.replace(/[lL]$/, '');
    const v = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    const t = isLong ? 'long' : 'int';
    if (v > (1n << BigInt(BITS[t] - 1)) - 1n && !/^0[xXbB]/.test(digits)) return fail(`${t} literal ${text} out of range`);
    return { t, v: BigInt.asIntN(BITS[t], v) };
  }
  const d = Number(clean.replace(/[dD]$/, ''));
  if (Number.isNaN(d)) return fail(`bad number ${text}`);
  return { t: 'double', v: d };
}

/** Evaluates Java constant expressions of the repository's sources. */
class Evaluator {
  constructor(index) {
    this.index = index;
    this.sources = new Map();
    this.values = new Map();
    this.evaluating = new Set();
  }

  /** The parsed source of a class of the repository or of KAFKA_CONSTANTS; undefined when neither has it. */
  source(fqcn) {
    if (this.sources.has(fqcn)) return this.sources.get(fqcn);
    let src;
    if (fqcn in KAFKA_CONSTANTS) {
      src = parseSource(`Kafka ${KAFKA_VERSION} ${fqcn}`, `class X {${KAFKA_CONSTANTS[fqcn]}}`, fqcn);
    } else {
      const paths = this.index.get(fqcn);
      if (paths === undefined) return undefined;
      if (paths.length > 1) throw new Error(`${fqcn} is defined by several files: ${paths.join(', ')}`);
      src = parseSource(paths[0], git('show', `${TAG}:${paths[0]}`), fqcn);
    }
    this.sources.set(fqcn, src);
    return src;
  }

  /** Whether a fully qualified class name is a class of the repository (or a nested class of one). */
  known(fqcn) {
    return this.index.has(fqcn) || fqcn in KAFKA_CONSTANTS || fqcn === CONFIG_DEF || fqcn === 'java.util.concurrent.TimeUnit';
  }

  /**
   * The fully qualified name of the class a source names `parts` (a simple name, or a qualified
   * or nested one), with Java's binary name of a nested class (Outer$Inner); undefined if none.
   */
  resolveClass(src, parts) {
    const [first, ...rest] = parts;
    let outer;
    if (src.imports.has(first)) outer = src.imports.get(first);
    else if (this.known(`${src.pkg}.${first}`)) outer = `${src.pkg}.${first}`;
    else if (src.fqcn.endsWith(`.${first}`)) outer = src.fqcn;
    else if (/^(String|Long|Integer|Short|Double|Boolean|Object|Math)$/.test(first)) outer = `java.lang.${first}`;
    else {
      // A fully qualified name: the longest prefix that is a known class.
      for (let n = parts.length; n > 1; n--) {
        const name = parts.slice(0, n).join('.');
        if (this.known(name)) return [name, ...parts.slice(n)].join('$');
      }
      return undefined;
    }
    return [this.binaryName(outer), ...rest].join('$');
  }

  /** Java's binary name of a class named by its canonical name (a nested class: Outer$Inner). */
  binaryName(name) {
    const parts = name.split('.');
    for (let n = parts.length; n > 1; n--) {
      if (this.known(parts.slice(0, n).join('.'))) return [parts.slice(0, n).join('.'), ...parts.slice(n)].join('$');
    }
    return name;
  }

  /** The value of the static final field `name` of class `fqcn` (`where`: who reads it, for messages). */
  constant(fqcn, name, where) {
    if (fqcn === CONFIG_DEF && name === 'NO_DEFAULT_VALUE') return { t: 'noDefault' };
    const id = `${fqcn}#${name}`;
    if (this.values.has(id)) return this.values.get(id);
    const src = this.source(fqcn);
    if (src === undefined) throw new Error(`${where}: ${fqcn}.${name} is neither in the repository at ${TAG} nor in KAFKA_CONSTANTS`);
    const field = src.fields.get(name);
    if (field === undefined) throw new Error(`${where}: ${fqcn} (${src.file}) has no static final field ${name} with an initialiser`);
    if (this.evaluating.has(id)) throw new Error(`${src.file}:${field.line}: ${name} depends on itself`);
    this.evaluating.add(id);
    const fail = (what) => { throw new Error(`${src.file}:${field.line}: ${what} in \`${name} = ${show(field.init)}\``); };
    const declared = DECLARED[field.type] ?? (/^List<[A-Za-z]+>$/.test(field.type) ? 'List' : undefined);
    if (declared === undefined) fail(`unknown declared type ${field.type}`);
    let value;
    try {
      value = this.assign(declared, this.evaluate(src, parseExpression(field.init, src.file)), fail);
    } catch (e) {
      e.message += `\n  in ${src.file}:${field.line}: ${name} = ${show(field.init)}`;
      throw e;
    }
    this.evaluating.delete(id);
    this.values.set(id, value);
    return value;
  }

  /** A value assigned to a variable of `type` (Java's assignment conversion of constants). */
  assign(type, v, fail) {
    if (type === 'Object' || v.t === type) return v;
    if (v.t === 'null') return ['String', 'List'].includes(type) || /^[A-Z]/.test(type) || type !== 'boolean' ? v : fail('null assigned to a primitive');
    if (type === 'long' && ['int', 'short', 'byte', 'char'].includes(v.t)) return { t: 'long', v: v.v };
    if (type === 'int' && ['short', 'byte', 'char'].includes(v.t)) return { t: 'int', v: v.v };
    if (type === 'double' && INT_TYPES.has(v.t)) return { t: 'double', v: Number(v.v) };
    if ((type === 'short' || type === 'byte') && v.t === 'int' && BigInt.asIntN(BITS[type], v.v) === v.v) return { t: type, v: v.v };
    return fail(`a ${v.t} assigned to a ${type}`);
  }

  /** Evaluates an expression tree of source `src`. */
  evaluate(src, node) {
    const where = `${src.file}:${node.line}`;
    const fail = (what) => { throw new Error(`${where}: ${what}`); };
    switch (node.kind) {
      case 'literal': {
        const t = node.token;
        if (t.kind === 'string') return { t: 'String', v: t.value };
        if (t.kind === 'char') return { t: 'char', v: BigInt(t.value.charCodeAt(0)) };
        if (t.kind === 'textblock') return fail('a text block');
        return numberLiteral(t.text, fail);
      }
      case 'name': {
        const { parts } = node;
        if (parts.length === 1) {
          const [n] = parts;
          if (n === 'true' || n === 'false') return { t: 'boolean', v: n === 'true' };
          if (n === 'null') return { t: 'null' };
          if (src.fields.has(n)) return this.constant(src.fqcn, n, where);
          if (src.staticImports.has(n)) {
            const owner = this.resolveClass({ ...src, imports: new Map() }, src.staticImports.get(n).owner.split('.'));
            return this.constant(owner ?? src.staticImports.get(n).owner, n, where);
          }
          return fail(`cannot resolve ${n}`);
        }
        const owner = this.resolveClass(src, parts.slice(0, -1));
        if (owner === undefined) return fail(`cannot resolve the class of ${parts.join('.')}`);
        return this.constant(owner, parts[parts.length - 1], where);
      }
      case 'classLiteral': {
        if (node.of.kind !== 'name') return fail('a class literal of an expression');
        const fqcn = this.resolveClass(src, node.of.parts);
        const top = fqcn?.split('$')[0];
        if (fqcn === undefined || !this.index.has(top)) return fail(`${node.of.parts.join('.')}.class is not a class of the repository at ${TAG}`);
        return { t: 'Class', v: fqcn };
      }
      case 'unary': {
        const v = this.evaluate(src, node.operand);
        if (!NUMERIC.has(v.t)) return fail(`${node.op} of a ${v.t}`);
        if (node.op === '+') return v;
        if (v.t === 'double') return { t: 'double', v: -v.v };
        const t = v.t === 'long' ? 'long' : 'int';
        return { t, v: BigInt.asIntN(BITS[t], -v.v) };
      }
      case 'cast': {
        const v = this.evaluate(src, node.operand);
        if (!NUMERIC.has(v.t)) return fail(`a cast of a ${v.t}`);
        if (node.type === 'double') return { t: 'double', v: v.t === 'double' ? v.v : Number(v.v) };
        if (node.type === 'float' || node.type === 'char') return fail(`a cast to ${node.type}`);
        if (v.t === 'double') {
          // Java's narrowing of a double: towards zero, saturating at the int/long bounds.
          if (Number.isNaN(v.v)) return { t: node.type, v: 0n };
          const wide = node.type === 'long' ? 64 : 32;
          const max = (1n << BigInt(wide - 1)) - 1n;
          let n = Number.isFinite(v.v) ? BigInt(Math.trunc(v.v)) : v.v > 0 ? max : -max - 1n;
          if (n > max) n = max;
          if (n < -max - 1n) n = -max - 1n;
          return { t: node.type, v: BigInt.asIntN(BITS[node.type], n) };
        }
        return { t: node.type, v: BigInt.asIntN(BITS[node.type], v.v) };
      }
      case 'binary': {
        const l = this.evaluate(src, node.left);
        const r = this.evaluate(src, node.right);
        if (node.op === '+' && (l.t === 'String' || r.t === 'String')) return { t: 'String', v: javaString(l, fail) + javaString(r, fail) };
        if (!NUMERIC.has(l.t) || !NUMERIC.has(r.t)) return fail(`${l.t} ${node.op} ${r.t}`);
        if (l.t === 'double' || r.t === 'double') {
          const a = l.t === 'double' ? l.v : Number(l.v);
          const b = r.t === 'double' ? r.v : Number(r.v);
          const v = { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '%': a % b }[node.op];
          return { t: 'double', v };
        }
        const t = l.t === 'long' || r.t === 'long' ? 'long' : 'int';
        if ((node.op === '/' || node.op === '%') && r.v === 0n) return fail('division by zero');
        const v = { '+': l.v + r.v, '-': l.v - r.v, '*': l.v * r.v, '/': l.v / r.v, '%': l.v % r.v }[node.op];
        return { t, v: BigInt.asIntN(BITS[t], v) };
      }
      case 'new': {
        const fqcn = this.resolveClass(src, node.name) ?? node.name.join('.');
        if ((fqcn === 'java.util.StringJoiner' || node.name.join('.') === 'StringJoiner') && node.args.length === 1) {
          const sep = this.evaluate(src, node.args[0]);
          if (sep.t !== 'String') return fail('a StringJoiner whose delimiter is not a String');
          return { t: 'Joiner', sep: sep.v, parts: [] };
        }
        return fail(`new ${node.name.join('.')}(…)`);
      }
      case 'call': {
        const args = () => node.args.map((a) => this.evaluate(src, a));
        if (node.target === null) return fail(`a call of ${node.name}(…)`);
        // X.class.getName()
        if (node.name === 'getName' && node.target.kind === 'classLiteral' && node.args.length === 0) {
          return { t: 'String', v: this.evaluate(src, node.target).v };
        }
        // TimeUnit.UNIT.toMillis(n)
        if (node.target.kind === 'name' && node.target.parts.length === 2 && node.name === 'toMillis' && node.args.length === 1
          && this.resolveClass(src, [node.target.parts[0]]) === 'java.util.concurrent.TimeUnit') {
          const [n] = args();
          if (!['int', 'long', 'short', 'byte'].includes(n.t)) return fail(`toMillis of a ${n.t}`);
          const perUnit = { NANOSECONDS: [1n, 1000000n], MICROSECONDS: [1n, 1000n], MILLISECONDS: [1n, 1n], SECONDS: [1000n, 1n], MINUTES: [60000n, 1n], HOURS: [3600000n, 1n], DAYS: [86400000n, 1n] }[node.target.parts[1]];
          if (perUnit === undefined) return fail(`TimeUnit.${node.target.parts[1]}`);
          const v = (n.v * perUnit[0]) / perUnit[1];
          if (v !== BigInt.asIntN(64, v)) return fail('toMillis overflows');
          return { t: 'long', v };
        }
        // Collections.emptyList(), List.of(…), Arrays.asList(…)
        if (node.target.kind === 'name' && node.target.parts.length === 1) {
          const owner = this.resolveClass(src, node.target.parts) ?? node.target.parts[0];
          const call = `${owner}.${node.name}`;
          if (call === 'java.util.Collections.emptyList' && node.args.length === 0) return { t: 'List', v: [] };
          if (call === 'java.util.List.of' || call === 'java.util.Arrays.asList') return { t: 'List', v: args() };
        }
        if (node.target.kind === 'name' && !(node.target.parts.length === 1 && src.fields.has(node.target.parts[0]))
          && this.resolveClass(src, node.target.parts) !== undefined) {
          return fail(`a call of ${node.target.parts.join('.')}.${node.name}(…)`);
        }
        const target = this.evaluate(src, node.target);
        if (target.t === 'Joiner' && node.name === 'add' && node.args.length === 1) {
          const [v] = args();
          if (v.t !== 'String' && v.t !== 'null') return fail(`StringJoiner.add of a ${v.t}`);
          return { ...target, parts: [...target.parts, javaString(v, fail)] };
        }
        if (target.t === 'Joiner' && node.name === 'toString' && node.args.length === 0) return { t: 'String', v: target.parts.join(target.sep) };
        return fail(`a call of ${node.name}(…) on a ${target.t}`);
      }
      default:
        return fail(`cannot evaluate a ${node.kind}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// ConfigDef: the define() chains and what ConfigDef makes of each.

/** Splits tokens at top-level commas. */
function splitArgs(tokens) {
  const out = [[]];
  let d = 0;
  for (const t of tokens) {
    if ('([{'.includes(t.text)) d++;
    else if (')]}'.includes(t.text)) d--;
    if (d === 0 && t.text === ',') out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

/** The index of the token closing the bracket opened at `open`. */
function closing(tokens, open) {
  let d = 0;
  for (let i = open; i < tokens.length; i++) {
    if ('([{'.includes(tokens[i].text)) d++;
    else if (')]}'.includes(tokens[i].text) && --d === 0) return i;
  }
  throw new Error(`unbalanced ${tokens[open].text} at line ${tokens[open].line}`);
}

/**
 * The classes whose define(ConfigDef) KafkaCruiseControlConfig's static initialiser chains,
 * innermost (first applied) first, and the calls made on the result.
 */
function configClasses(ev) {
  const src = ev.source(CONFIG_CLASS);
  const t = src.tokens;
  const at = t.findIndex((x, i) => x.text === 'CONFIG' && t[i + 1]?.text === '=');
  if (at < 0) throw new Error(`${src.file}: no \`CONFIG = …\``);
  let end = at + 2;
  while (t[end].text !== ';') end++;
  const expr = t.slice(at + 2, end);
  const fail = (what) => { throw new Error(`${src.file}:${t[at].line}: ${what} in \`CONFIG = ${show(expr)}\``); };
  // X.define( inner ) … where inner is another such or `new ConfigDef()`; then .calls().
  const classes = [];
  function chain(from) {
    const tk = expr;
    if (tk[from]?.text === 'new' && tk[from + 1]?.text === 'ConfigDef' && tk[from + 2]?.text === '(' && tk[from + 3]?.text === ')') {
      if (ev.resolveClass(src, ['ConfigDef']) !== CONFIG_DEF) fail('ConfigDef is not Kafka\'s');
      return from + 4;
    }
    if (tk[from]?.kind === 'ident' && tk[from + 1]?.text === '.' && tk[from + 2]?.text === 'define' && tk[from + 3]?.text === '(') {
      const fqcn = ev.resolveClass(src, [tk[from].text]);
      if (fqcn === undefined || !ev.index.has(fqcn)) fail(`${tk[from].text} is not a class of the repository`);
      const after = chain(from + 4);
      if (tk[after]?.text !== ')') fail('expected ) after the inner ConfigDef');
      classes.push(fqcn);
      return after + 1;
    }
    return fail(`unexpected ${tk[from]?.text}`);
  }
  let p = chain(0);
  const calls = [];
  while (p < expr.length) {
    if (expr[p].text !== '.' || expr[p + 1]?.kind !== 'ident' || expr[p + 2]?.text !== '(' || expr[p + 3]?.text !== ')') fail(`unexpected ${expr[p].text}`);
    calls.push(expr[p + 1].text);
    p += 4;
  }
  for (const call of calls) {
    // Kafka's own client SSL/SASL keys: not Cruise Control's definitions.
    if (call !== 'withClientSslSupport' && call !== 'withClientSaslSupport') fail(`.${call}() on the ConfigDef`);
  }
  // Nothing else in the class may define a key.
  const defines = t.filter((x, i) => /^define(Internal)?$/.test(x.text) && t[i - 1]?.text === '.').length;
  if (defines !== classes.length) fail(`${defines - classes.length} define() call(s) outside the CONFIG chain`);
  return { classes, calls, line: t[at].line };
}

/** A define() argument naming a constant of a nested class of ConfigDef (`ConfigDef.Type.X`, `Type.X`). */
function configDefEnum(ev, src, tokens, enumName, allowed) {
  const parts = tokens.map((x) => x.text).join('').split('.');
  const value = parts.pop();
  const owner = ev.resolveClass(src, parts);
  if (owner !== `${CONFIG_DEF}$${enumName}` || !allowed.includes(value)) {
    throw new Error(`${src.file}:${tokens[0]?.line}: expected ConfigDef.${enumName}.X, got \`${show(tokens)}\``);
  }
  return value;
}

const TYPES = ['BOOLEAN', 'STRING', 'INT', 'SHORT', 'LONG', 'DOUBLE', 'LIST', 'CLASS', 'PASSWORD'];
const IMPORTANCE = ['HIGH', 'MEDIUM', 'LOW'];

/** A Java integer literal as Integer.parseInt / Long.parseLong / Short.parseShort accept it. */
function parseIntegral(s, bits, fail) {
  if (!/^[+-]?\d+$/.test(s)) return fail(`"${s}" is not a ${bits}-bit integer`);
  const v = BigInt(s);
  if (v !== BigInt.asIntN(bits, v)) return fail(`"${s}" is out of range`);
  return v.toString();
}

/** What ConfigDef.parseType then ConfigDef.convertToString make of a default value. */
function convertToString(v, type, fail) {
  if (v.t === 'noDefault') return { required: true };
  if (v.t === 'null') return { default: null };
  const s = v.t === 'String' ? v.v.trim() : undefined;
  switch (type) {
    case 'BOOLEAN':
      if (v.t === 'boolean') return { default: String(v.v) };
      if (s !== undefined && /^(true|false)$/i.test(s)) return { default: s.toLowerCase() };
      break;
    case 'PASSWORD':
      if (s !== undefined) return { default: '[hidden]' }; // Password.toString()
      break;
    case 'STRING':
      if (s !== undefined) return { default: s };
      break;
    case 'INT':
      if (v.t === 'int') return { default: v.v.toString() };
      if (s !== undefined) return { default: parseIntegral(s, 32, fail) };
      break;
    case 'SHORT':
      if (v.t === 'short') return { default: v.v.toString() };
      if (s !== undefined) return { default: parseIntegral(s, 16, fail) };
      break;
    case 'LONG':
      if (v.t === 'int' || v.t === 'long') return { default: v.v.toString() };
      if (s !== undefined) return { default: parseIntegral(s, 64, fail) };
      break;
    case 'DOUBLE':
      if (v.t === 'double') return { default: javaDouble(v.v) };
      if (INT_TYPES.has(v.t)) return { default: javaDouble(Number(v.v)) };
      if (s !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(s)) return { default: javaDouble(Number(s.replace(/[dDfF]$/, ''))) };
      break;
    case 'LIST':
      if (v.t === 'List') return { default: v.v.map((x) => javaString(x, fail)).join(',') };
      if (s !== undefined) return { default: s === '' ? '' : s.split(/\s*,\s*/).join(',') };
      break;
    case 'CLASS':
      if (v.t === 'Class') return { default: v.v };
      if (s !== undefined) return { default: s };
      break;
    default:
  }
  return fail(`a ${v.t} default for a ${type} key`);
}

/** A validator argument: null, or ConfigDef.Range.atLeast(x) / between(a, b). */
function validator(ev, src, tokens) {
  const fail = (what) => { throw new Error(`${src.file}:${tokens[0].line}: ${what}: \`${show(tokens)}\``); };
  const node = parseExpression(tokens, src.file);
  if (node.kind === 'name' && node.parts.join('.') === 'null') return undefined;
  if (node.kind !== 'call') return fail('a validator other than ConfigDef.Range');
  let owner;
  if (node.target === null) {
    const imported = src.staticImports.get(node.name);
    owner = imported === undefined ? undefined : ev.resolveClass({ ...src, imports: new Map() }, imported.owner.split('.'));
  } else if (node.target.kind === 'name') owner = ev.resolveClass(src, node.target.parts);
  if (owner !== `${CONFIG_DEF}$Range`) return fail('a validator other than ConfigDef.Range');
  const bound = (a) => {
    const v = ev.evaluate(src, a);
    if (v.t === 'null') return null;
    if (v.t === 'double') return javaDouble(v.v);
    if (INT_TYPES.has(v.t) && v.t !== 'char') return v.v.toString();
    return fail(`a Range bound of type ${v.t}`);
  };
  if (node.name === 'atLeast' && node.args.length === 1) return { range: [bound(node.args[0]), null] };
  if (node.name === 'between' && node.args.length === 2) return { range: [bound(node.args[0]), bound(node.args[1])] };
  return fail(`Range.${node.name} with ${node.args.length} argument(s)`);
}

/** Every key the define(ConfigDef) method of class `fqcn` defines, in order. */
function definesOf(ev, fqcn) {
  const src = ev.source(fqcn);
  const t = src.tokens;
  // public static ConfigDef define(ConfigDef configDef) { return configDef.define(…)…; }
  const at = t.findIndex((x, i) => x.text === 'static' && t[i + 1]?.text === 'ConfigDef' && t[i + 2]?.text === 'define' && t[i + 3]?.text === '(');
  if (at < 0) throw new Error(`${src.file}: no static ConfigDef define(ConfigDef)`);
  const paramsEnd = closing(t, at + 3);
  const param = t[paramsEnd - 1].text;
  const bodyEnd = closing(t, paramsEnd + 1);
  const body = t.slice(paramsEnd + 2, bodyEnd);
  const fail = (line, what) => { throw new Error(`${src.file}:${line}: ${what}`); };
  if (body[0]?.text !== 'return' || body[1]?.text !== param || body[body.length - 1]?.text !== ';') fail(t[at].line, `define(ConfigDef) is not \`return ${param}.define(…)…;\``);
  const keys = [];
  let p = 2;
  while (p < body.length - 1) {
    if (body[p].text !== '.' || body[p + 1]?.text !== 'define' || body[p + 2]?.text !== '(') fail(body[p].line, `expected .define( at \`${show(body.slice(p, p + 6))}\``);
    const close = closing(body, p + 2);
    const args = splitArgs(body.slice(p + 3, close));
    const line = body[p + 1].line;
    const call = `\`.define(${show(body.slice(p + 3, close))})\``;
    const failIn = (what) => fail(line, `${what} in ${call}`);
    try {
      // define(name, type, [default, [validator,]] importance, doc)
      if (args.length < 4 || args.length > 6) failIn(`${args.length} arguments`);
      const importanceAt = args.length - 2;
      const nameValue = ev.evaluate(src, parseExpression(args[0], src.file));
      if (nameValue.t !== 'String') failIn('a name that is not a String');
      const type = configDefEnum(ev, src, args[1], 'Type', TYPES);
      const importance = configDefEnum(ev, src, args[importanceAt], 'Importance', IMPORTANCE).toLowerCase();
      let definition = { type };
      if (args.length === 4) definition.required = true;
      else {
        const dflt = ev.evaluate(src, parseExpression(args[2], src.file));
        definition = { type, ...convertToString(dflt, type, (what) => failIn(`${what} (\`${show(args[2])}\`)`)) };
      }
      if (args.length === 6) {
        const v = validator(ev, src, args[3]);
        if (v !== undefined) definition.validator = v;
      }
      definition.importance = importance;
      keys.push({ name: nameValue.v, definition, where: `${src.file}:${line}` });
    } catch (e) {
      if (!e.message.includes(call)) e.message += `\n  in ${src.file}:${line}: ${call}`;
      throw e;
    }
    p = close + 1;
  }
  // Nothing else in the file may define a key.
  const defines = t.filter((x, i) => /^define(Internal)?$/.test(x.text) && t[i - 1]?.text === '.').length;
  if (defines !== keys.length) fail(t[at].line, `${defines - keys.length} define() call(s) outside define(ConfigDef)'s chain`);
  return keys;
}

// ---------------------------------------------------------------------------------------------

try {
  main();
} catch (e) {
  console.error(`cruise-control-config: ${e.message}`);
  process.exit(1);
}

function main() {
  git('rev-parse', '--verify', '--quiet', `${TAG}^{commit}`);
  const kafka = /^kafkaVersion=(.*)$/m.exec(git('show', `${TAG}:gradle.properties`))?.[1]?.trim();
  if (kafka !== KAFKA_VERSION) throw new Error(`Cruise Control ${TAG} builds against Kafka ${kafka}, not ${KAFKA_VERSION}: check KAFKA_CONSTANTS against that version's CommonClientConfigs and update both`);

  const ev = new Evaluator(classIndex());
  const { classes } = configClasses(ev);
  const model = new Map();
  for (const fqcn of classes) {
    for (const key of definesOf(ev, fqcn)) {
      if (model.has(key.name)) throw new Error(`${key.where}: ${key.name} is defined twice (ConfigDef refuses it; first at ${model.get(key.name).where})`);
      model.set(key.name, key);
    }
  }

  // The header names the classes read: {A,B}Config.java of one folder.
  const paths = classes.map((c) => ev.source(c).file);
  const folder = dirname(paths[0]);
  if (paths.some((p) => dirname(p) !== folder || !p.endsWith('Config.java'))) throw new Error(`the define() classes are not all *Config.java of ${folder}: ${paths.join(', ')}`);
  const names = paths.map((p) => p.slice(folder.length + 1, -'Config.java'.length)).sort();
  const expectedNames = 'Analyzer,AnomalyDetector,CruiseControlParameters,CruiseControlRequest,Executor,Monitor,UserTaskManager,WebServer';
  if (names.join(',') !== expectedNames || folder !== 'cruise-control/src/main/java/com/linkedin/kafka/cruisecontrol/config/constants') {
    throw new Error(`the define() classes are now ${folder}/{${names.join(',')}}Config.java: update the header this script writes`);
  }

  const lines = [
    `// Generated from Cruise Control ${TAG} (the version Strimzi 1.2.0 ships: docker-images/artifacts/`,
    `// kafka-thirdparty-libs/cc/pom.xml), linkedin/cruise-control tag ${TAG}: every define() of the ConfigDef`,
    '// KafkaCruiseControlConfig builds (cruise-control/src/main/java/com/linkedin/kafka/cruisecontrol/config/',
    '// constants/{Analyzer,AnomalyDetector,CruiseControlParameters,CruiseControlRequest,Executor,Monitor,',
    '// UserTaskManager,WebServer}Config.java), with each key\'s type, default (as ConfigDef.convertToString',
    '// writes it) and Range validator; not the client SSL/SASL keys Kafka\'s withClientSslSupport and',
    `// withClientSaslSupport add. Names and defaults MonitorConfig takes from Kafka's CommonClientConfigs are`,
    `// Kafka ${KAFKA_VERSION}'s (Cruise Control ${TAG} builds against it). Written by`,
    '// `node scripts/cruise-control-config.mjs <git dir of a linkedin/cruise-control clone>` from the Java',
    '// sources; do not edit.',
    "import type { ConfigDefinition } from './config-model';",
    '',
    `/** Every key Cruise Control ${TAG} defines (\`KafkaCruiseControlConfig\`), by name. */`,
    'export const CRUISE_CONTROL_CONFIG_MODEL: Readonly<Record<string, ConfigDefinition>> = {',
    ...[...model.keys()].sort().map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(model.get(name).definition)},`),
    '};',
    '',
  ];
  writeFileSync(output, lines.join('\n'));
  console.log(`${output}: ${model.size} keys`);
}
