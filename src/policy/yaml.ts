/**
 * Reads YAML manifest streams exactly as `kubectl apply -f` does.
 *
 * kubectl splits a stream with k8s.io/apimachinery/pkg/util/yaml (`NewYAMLOrJSONDecoder`,
 * `YAMLReader`) and turns each document into JSON with sigs.k8s.io/yaml `YAMLToJSON`, which is
 * built on go.yaml.in/yaml/v2: a YAML 1.1 dialect whose scanner, parser and scalar resolution
 * differ from YAML 1.2 parsers (such as the npm `yaml` package) in many places: where a plain
 * scalar ends in a flow collection (`[001:db8::]` is one string, `[a?b]` an error), which
 * comments need a space before them, where tabs are allowed, how flow collections may be
 * indented, what follows the first document in a chunk (ignored), `y`/`on` booleans, `0777`
 * octals, and more. Those token boundaries cannot be corrected after a YAML 1.2 parse, so this
 * module is a port of the Go code paths kubectl runs, not a wrapper around a 1.2 parser:
 *
 * - stream splitting: k8s.io/apimachinery@v0.37.2 pkg/util/yaml/decoder.go
 *   (`YAMLOrJSONDecoder.Decode`, `YAMLReader.Read`, `LineReader.Read`, `GuessJSONStream`);
 * - scanning and parsing: go.yaml.in/yaml/v2@v2.4.4 (identical to v2.4.2) scannerc.go,
 *   parserc.go and readerc.go (a port of libyaml), and the node builder of decode.go (`parser`);
 * - decoding: decode.go (`decoder`: merge keys, aliases, the alias-expansion limit) and
 *   resolve.go (`resolve`: implicit and explicit tags);
 * - JSON conversion: sigs.k8s.io/yaml@v1.6.0 yaml.go (`convertToJSONableObject`) and Go's
 *   `encoding/json` (no NaN or infinity; invalid UTF-8 becomes U+FFFD).
 *
 * Versions are the ones the Go module graph of k8s.io/apimachinery v0.37.2 selects; the test
 * vectors in test/policy/yaml-vectors.json are produced by that code (tools/yamlvectors).
 */

/** One document of a manifest stream, as kubectl reads it. */
export interface ManifestDocument {
  /** The document as JSON-compatible data (what sigs.k8s.io/yaml.YAMLToJSON yields); undefined when the document is empty/only comments (kubectl skips those) or could not be read. */
  readonly value: unknown;
  /** The 1-based line of the document's first content (its first key/node, after any `---` marker, directives and comments). */
  readonly line: number;
  /** 0-based index of the document in the stream (counting every `---`-separated chunk, empty ones included). */
  readonly index: number;
  /** Problems that make kubectl reject the document (invalid YAML, `.nan`/`.inf` which JSON cannot carry, an unsupported map key, ...). One line each, no stack. */
  readonly errors: readonly string[];
  /** Things kubectl accepts silently but that are almost certainly mistakes (a duplicate map key: kubectl keeps the last one). */
  readonly warnings: readonly string[];
}

/**
 * Reads a YAML (or JSON) manifest stream the way kubectl does.
 *
 * There is one entry per document kubectl decodes (one `Decode` call of its
 * `YAMLOrJSONDecoder`), in order. Unlike kubectl, which stops at the first bad document, reading
 * goes on after an error wherever kubectl's decoder could go on; a JSON stream that breaks after
 * two or more values cannot be read further, as in kubectl. Never throws.
 */
export function readManifests(text: string): ManifestDocument[] {
  const stream = new ManifestStream(text);
  try {
    stream.read();
  } catch (e) {
    // Only a bug can get here: report it on a document rather than throw.
    stream.documents.push({ value: undefined, line: 1, index: stream.documents.length, errors: [errorMessage(e)], warnings: [] });
  }
  return stream.documents;
}

// ---------------------------------------------------------------------------------------------
// Stream splitting: k8s.io/apimachinery@v0.37.2 pkg/util/yaml/decoder.go.

/** kubectl's resource builder peeks this many bytes to guess JSON (cli-runtime StreamVisitor). */
const JSON_GUESS_BYTES = 4096;

class ManifestStream {
  public readonly documents: ManifestDocument[] = [];
  /** Offsets of every '\n' in the text, for line numbers. */
  private newlines: number[] | undefined;

  public constructor(private readonly text: string) {}

  /** `YAMLOrJSONDecoder`: JSON values while the stream looks like JSON, then YAML documents. */
  public read(): void {
    if (!guessJson(this.text)) return this.readYaml(0, undefined);
    // `Decode` with d.json set: one JSON value per call. After a failure with at most one value
    // decoded, it rewinds to the end of the last value, eats white space up to and including the
    // first newline (`consumeWhitespace`) and goes on as YAML; with two or more, the stream is
    // JSON and the error is final.
    let pos = 0;
    for (let count = 0; ; count++) {
      const start = skipJsonSpace(this.text, pos);
      if (start === this.text.length) return; // io.EOF
      const end = scanJsonValue(this.text, start);
      if (typeof end !== 'number') {
        const jsonError = `json: offset ${utf8Length(this.text, 0, end.offset)}: ${end.message}`;
        const yamlStart = count > 1 ? undefined : consumeWhitespace(this.text, pos);
        // Without a YAML decoder (consumeWhitespace failed), the JSON error stands.
        if (yamlStart === undefined) return this.push({ value: undefined, line: this.lineAt(start), errors: [jsonError], warnings: [] });
        return this.readYaml(yamlStart, jsonError);
      }
      this.push({ value: JSON.parse(this.text.slice(start, end)), line: this.lineAt(start), errors: [], warnings: [] });
      pos = end;
    }
  }

  /**
   * `YAMLToJSONDecoder` over `YAMLReader`: documents are runs of lines between lines that start
   * with `---`. `firstError` replaces the message of a failure of the first YAML document (the
   * JSON error kubectl reports when a stream that looked like JSON is not).
   */
  private readYaml(from: number, firstError: string | undefined): void {
    const text = this.text;
    let pos = from;
    let buffer: string[] = [];
    let bufferStart = pos;
    const flush = (): void => {
      const chunk = buffer.join('');
      this.push(this.decodeChunk(chunk, bufferStart, firstError));
      firstError = undefined;
      buffer = [];
    };
    // `YAMLReader.Read` and `LineReader.Read`: bufio.Reader.ReadLine drops "\n" or "\r\n", then
    // "\n" is added back; a last line without "\n" still counts.
    while (pos < text.length) {
      const lineStart = pos;
      const nl = text.indexOf('\n', pos);
      let line: string;
      if (nl < 0) {
        line = text.slice(pos) + '\n';
        pos = text.length;
      } else {
        const cut = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        line = text.slice(pos, cut) + '\n';
        pos = nl + 1;
      }
      if (line.startsWith('---')) {
        const trimmed = goTrimSpace(line.slice(3));
        if (trimmed.length > 0 && trimmed[0] !== '#') {
          // The lines read so far are lost with the error; reading goes on after this line.
          this.push({ value: undefined, line: this.lineAt(lineStart), errors: [`invalid Yaml document separator: ${trimmed}`], warnings: [] });
          firstError = undefined;
          buffer = [];
          continue;
        }
        if (buffer.length > 0) {
          flush();
          continue;
        }
      }
      if (buffer.length === 0) bufferStart = lineStart;
      buffer.push(line);
    }
    if (buffer.length > 0) flush();
  }

  /** yaml.Unmarshal (sigs.k8s.io/yaml) of one chunk, then json.Marshal. */
  private decodeChunk(chunk: string, offset: number, firstError: string | undefined): Omit<ManifestDocument, 'index'> {
    const warnings: string[] = [];
    let rootPos = -1;
    try {
      const root = parseFirstDocument(chunk);
      if (root === undefined) return { value: undefined, line: this.lineAt(offset) + countNewlines(chunk, firstContent(chunk)), errors: [], warnings };
      rootPos = root.pos;
      const value = new Decoder((pos) => this.lineAt(offset) + countNewlines(chunk, pos), warnings).document(root);
      const line = this.lineAt(offset) + countNewlines(chunk, root.pos);
      return { value: root.empty ? undefined : value, line, errors: [], warnings };
    } catch (e) {
      const message = firstError ?? errorMessage(e);
      const line = this.lineAt(offset) + countNewlines(chunk, rootPos >= 0 ? rootPos : firstContent(chunk));
      return { value: undefined, line, errors: [message], warnings };
    }
  }

  private push(doc: Omit<ManifestDocument, 'index'>): void {
    this.documents.push({ ...doc, index: this.documents.length });
  }

  /** The 1-based line of a text offset. */
  private lineAt(offset: number): number {
    if (this.newlines === undefined) {
      this.newlines = [];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.newlines.push(i);
    }
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The offset of the first line of a chunk that is not blank, a comment or a `---` marker. */
function firstContent(chunk: string): number {
  const m = /^(?:[ \t]*(?:#[^\n]*)?\n|---[ \t]*(?:#[^\n]*)?\n|\uFEFF)*/.exec(chunk);
  return m !== null && m[0].length < chunk.length ? m[0].length : 0;
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** strings.TrimSpace. */
function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** The UTF-8 length of text[from, to). */
function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** `GuessJSONStream`/`IsJSONBuffer`: the first non-space rune of the first 4096 bytes is '{'. */
function guessJson(text: string): boolean {
  let i = 0;
  while (i < text.length && isGoSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x7b && utf8Length(text, 0, i + 1) <= JSON_GUESS_BYTES;
}

/**
 * `consumeWhitespace`: the offset after spaces up to and including the first newline. Undefined
 * when it fails: it reads 4 bytes at a time and gives up (io.EOF) when fewer are left, and it
 * rejects utf8.RuneError, which a real U+FFFD also decodes to.
 */
function consumeWhitespace(text: string, pos: number): number | undefined {
  let left = utf8Length(text, pos, text.length);
  for (let i = pos; i < text.length; i++) {
    if (left < 4) return undefined;
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0xd800 && c <= 0xdfff && !(c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00))) return undefined;
    if (!isGoSpace(c)) return i;
    if (c === 10) return i + 1;
    left -= utf8Length(text, i, i + 1);
  }
  return undefined;
}

function skipJsonSpace(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    pos++;
  }
  return pos;
}

interface JsonError {
  readonly offset: number;
  readonly message: string;
}

/** The end of the JSON value at `pos` (encoding/json's scanner), or where and why it is not JSON. */
function scanJsonValue(text: string, pos: number): number | JsonError {
  const fail = (at: number, what: string): JsonError => at >= text.length
    ? { offset: at, message: 'unexpected EOF' }
    : { offset: at, message: `invalid character ${JSON.stringify(text[at])} ${what}` };
  const value = (p: number, depth: number): number | JsonError => {
    if (depth > 10000) return { offset: p, message: 'exceeded max depth' };
    p = skipJsonSpace(text, p);
    const c = text.charCodeAt(p);
    if (c === 0x7b || c === 0x5b) {
      const close = c === 0x7b ? 0x7d : 0x5d;
      p = skipJsonSpace(text, p + 1);
      if (text.charCodeAt(p) === close) return p + 1;
      for (;;) {
        if (close === 0x7d) {
          if (text.charCodeAt(p) !== 0x22) return fail(p, 'looking for beginning of object key string');
          const k = jsonString(p);
          if (typeof k !== 'number') return k;
          p = skipJsonSpace(text, k);
          if (text.charCodeAt(p) !== 0x3a) return fail(p, 'after object key');
          p++;
        }
        const v = value(p, depth + 1);
        if (typeof v !== 'number') return v;
        p = skipJsonSpace(text, v);
        const d = text.charCodeAt(p);
        if (d === close) return p + 1;
        if (d !== 0x2c) return fail(p, close === 0x7d ? 'after object key:value pair' : 'after array element');
        p = skipJsonSpace(text, p + 1);
      }
    }
    if (c === 0x22) return jsonString(p);
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, p)) return p + word.length;
    }
    return jsonNumber(p);
  };
  const digits = (p: number): number => {
    while (isDigit(text.charCodeAt(p))) p++;
    return p;
  };
  // The number states of encoding/json's scanner: a '.' or an 'e' must be followed by digits.
  const jsonNumber = (p: number): number | JsonError => {
    if (text.charCodeAt(p) === 0x2d) {
      p++;
      if (!isDigit(text.charCodeAt(p))) return fail(p, 'in numeric literal');
    } else if (!isDigit(text.charCodeAt(p))) {
      return fail(p, 'looking for beginning of value');
    }
    p = text.charCodeAt(p) === 0x30 ? p + 1 : digits(p);
    if (text.charCodeAt(p) === 0x2e) {
      p++;
      if (!isDigit(text.charCodeAt(p))) return fail(p, 'after decimal point in numeric literal');
      p = digits(p);
    }
    if (text.charCodeAt(p) === 0x65 || text.charCodeAt(p) === 0x45) {
      p++;
      if (text.charCodeAt(p) === 0x2b || text.charCodeAt(p) === 0x2d) p++;
      if (!isDigit(text.charCodeAt(p))) return fail(p, 'in exponent of numeric literal');
      p = digits(p);
    }
    return p;
  };
  const jsonString = (p: number): number | JsonError => {
    for (let i = p + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return i + 1;
      if (c < 0x20) return fail(i, 'in string literal');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i + 2, 'in \\u hexadecimal character escape');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else return fail(i + 1, 'in string escape code');
      }
    }
    return { offset: text.length, message: 'unexpected EOF' };
  };
  return value(pos, 0);
}

/** The message of a document kubectl rejects; anything else is a bug here, and says so. */
function errorMessage(e: unknown): string {
  if (e instanceof YamlError) return e.message;
  // The parser recurses once per level, as go-yaml's does; JavaScript's stack is smaller than
  // Go's, which grows, so nesting deeper than about 2,000 levels (go-yaml allows 10,000) ends here.
  if (e instanceof RangeError && /call stack/.test(e.message)) return 'yaml: nesting too deep for this reader';
  return `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

/** A document kubectl rejects; the message is one line. */
class YamlError extends Error {}

function fail(message: string): never {
  throw new YamlError(message);
}

// ---------------------------------------------------------------------------------------------
// Scanner: go.yaml.in/yaml/v2@v2.4.4 scannerc.go (libyaml's scanner.c), over a JS string. Marks
// count code points, as go-yaml's do (`skip`, `skip_line`, `read_line`).

const T_STREAM_START = 1;
const T_STREAM_END = 2;
const T_VERSION_DIRECTIVE = 3;
const T_TAG_DIRECTIVE = 4;
const T_DOCUMENT_START = 5;
const T_DOCUMENT_END = 6;
const T_BLOCK_SEQUENCE_START = 7;
const T_BLOCK_MAPPING_START = 8;
const T_BLOCK_END = 9;
const T_FLOW_SEQUENCE_START = 10;
const T_FLOW_SEQUENCE_END = 11;
const T_FLOW_MAPPING_START = 12;
const T_FLOW_MAPPING_END = 13;
const T_BLOCK_ENTRY = 14;
const T_FLOW_ENTRY = 15;
const T_KEY = 16;
const T_VALUE = 17;
const T_ALIAS = 18;
const T_ANCHOR = 19;
const T_TAG = 20;
const T_SCALAR = 21;

const STYLE_PLAIN = 1;
const STYLE_SINGLE = 2;
const STYLE_DOUBLE = 3;
const STYLE_LITERAL = 4;
const STYLE_FOLDED = 5;

class Token {
  /** Tag handle, tag directive handle, or major version. */
  public handle = '';
  /** Tag suffix, tag directive prefix, or minor version. */
  public suffix = '';
  public constructor(
    public readonly type: number,
    /** UTF-16 offset of the token in the chunk. */
    public readonly pos: number,
    /** 0-based line (go-yaml's mark.line). */
    public readonly line: number,
    public readonly column: number,
    public readonly value: string = '',
    public readonly style: number = 0,
  ) {}
}

class SimpleKey {
  public constructor(
    public possible: boolean,
    public required: boolean,
    public tokenNumber: number,
    public index: number,
    public line: number,
    public column: number,
    public pos: number,
  ) {}
}

/** The scanner's limits (scannerc.go `max_flow_level`, `max_indents`). */
const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}
/** is_breakz: a line break or the end of the input (0: the chunk holds no NUL, see `checkCharacters`). */
function isBreakZ(c: number): boolean {
  return c === 10 || c === 13 || c === 0 || c === 0x85 || c === 0x2028 || c === 0x2029;
}
function isBlankZ(c: number): boolean {
  return c === 32 || c === 9 || isBreakZ(c);
}
/** is_alpha: `[0-9A-Za-z_-]`. */
function isAlpha(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Characters a tag URI may hold (scannerc.go `yaml_parser_scan_tag_uri`), besides is_alpha and '%'. */
const URI_CHARS = new Set(';/?:@&=+$,.!~*\'()[]'.split('').map((c) => c.charCodeAt(0)));

/** readerc.go `yaml_parser_update_buffer`: only these code points may appear in the input. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Scanner {
  private pos = 0;
  private index = 0;
  private line = 0;
  private column = 0;

  private readonly tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;

  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByTok = new Map<number, number>();
  private flowLevel = 0;

  public constructor(private readonly s: string) {
    // readerc.go `yaml_parser_determine_encoding` drops a byte order mark at the start; the
    // reader rejects control characters anywhere it reads (here: anywhere in the chunk).
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
    const bad = FORBIDDEN_CHARACTER.exec(s);
    if (bad !== null) fail(bad[0].charCodeAt(0) >= 0xd800 && bad[0].charCodeAt(0) <= 0xdfff ? 'yaml: invalid Unicode character' : 'yaml: control characters are not allowed');
  }

  /** peek_token. */
  public peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** skip_token. */
  public skip(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.head++;
  }

  private ch(k: number = 0): number {
    const c = this.s.charCodeAt(this.pos + k);
    return c === c ? c : 0; // NaN past the end: is_z
  }

  /** skip: one character. */
  private adv(): void {
    const c = this.s.charCodeAt(this.pos);
    this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    this.index++;
    this.column++;
  }

  /** skip_line. */
  private advLine(): void {
    const c = this.ch();
    if (c === 13 && this.ch(1) === 10) {
      this.pos += 2;
      this.index += 2;
      this.column = 0;
      this.line++;
    } else if (isBreak(c)) {
      this.pos++;
      this.index++;
      this.column = 0;
      this.line++;
    }
  }

  /** read_line: consumes a line break and returns it as go-yaml stores it. */
  private readLine(): string {
    const c = this.ch();
    let out: string;
    if (c === 13 && this.ch(1) === 10) {
      this.pos += 2;
      this.index++;
      out = '\n';
    } else if (c === 13 || c === 10 || c === 0x85) {
      this.pos++;
      out = '\n';
    } else if (c === 0x2028 || c === 0x2029) {
      this.pos++;
      out = String.fromCharCode(c);
    } else {
      return '';
    }
    this.index++;
    this.column = 0;
    this.line++;
    return out;
  }

  private error(problem: string, line: number = this.line): never {
    // parser.fail() reports scanner errors at problem_mark.line + 1.
    fail(line > 0 || this.line > 0 ? `yaml: line ${line + 1}: ${problem}` : `yaml: ${problem}`);
  }

  private insertToken(at: number, token: Token): void {
    if (at < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + at, 0, token);
  }

  private token(type: number, value: string = '', style: number = 0): Token {
    return new Token(type, this.pos, this.line, this.column, value, style);
  }

  /** yaml_parser_fetch_more_tokens. */
  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const i = this.simpleKeysByTok.get(this.tokensParsed);
        if (i === undefined || !this.simpleKeyIsValid(this.simpleKeys[i])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  /** yaml_parser_fetch_next_token. */
  private fetchNextToken(): void {
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.column);
    const c = this.ch();
    if (c === 0) return this.fetchStreamEnd();
    if (this.column === 0 && c === 37 /* % */) return this.fetchDirective();
    if (this.column === 0 && this.isDocumentIndicator(45)) return this.fetchDocumentIndicator(T_DOCUMENT_START);
    if (this.column === 0 && this.isDocumentIndicator(46)) return this.fetchDocumentIndicator(T_DOCUMENT_END);
    switch (c) {
      case 91: return this.fetchFlowCollectionStart(T_FLOW_SEQUENCE_START);
      case 123: return this.fetchFlowCollectionStart(T_FLOW_MAPPING_START);
      case 93: return this.fetchFlowCollectionEnd(T_FLOW_SEQUENCE_END);
      case 125: return this.fetchFlowCollectionEnd(T_FLOW_MAPPING_END);
      case 44: return this.fetchFlowEntry();
      default:
    }
    const next = this.ch(1);
    if (c === 45 && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === 63 && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === 58 && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === 124 && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === 62 && this.flowLevel === 0) return this.fetchBlockScalar(false);
    // A plain scalar may not start with an indicator, except '-' before a non-blank, and (in
    // the block context) '?' or ':' before a non-blank.
    const plain = !(isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(c)))
      || (c === 45 && !isBlank(next))
      || (this.flowLevel === 0 && (c === 63 || c === 58) && !isBlankZ(next));
    if (!plain && c !== 42 && c !== 38 && c !== 33 && c !== 39 && c !== 34) this.error('found character that cannot start any token');
    // yaml_parser_fetch_anchor, _tag, _flow_scalar and _plain_scalar: the node may be a simple
    // key, and no simple key can follow it.
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(plain ? this.scanPlainScalar()
      : c === 42 ? this.scanAnchor(T_ALIAS)
        : c === 38 ? this.scanAnchor(T_ANCHOR)
          : c === 33 ? this.scanTag()
            : this.scanFlowScalar(c === 39));
  }

  private isDocumentIndicator(c: number): boolean {
    return this.ch() === c && this.ch(1) === c && this.ch(2) === c && isBlankZ(this.ch(3));
  }

  /** yaml_simple_key_is_valid. */
  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.line < this.line || key.index + 1024 < this.index) {
      if (key.required) this.error("could not find expected ':'", key.line);
      key.possible = false;
      return false;
    }
    return true;
  }

  /** yaml_parser_save_simple_key. */
  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (this.simpleKeyAllowed) {
      const key = new SimpleKey(true, required, this.tokensParsed + (this.tokens.length - this.head), this.index, this.line, this.column, this.pos);
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  /** yaml_parser_remove_simple_key. */
  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible) {
      if (key.required) this.error("could not find expected ':'", key.line);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push(new SimpleKey(false, false, this.tokensParsed + (this.tokens.length - this.head), this.index, this.line, this.column, this.pos));
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) this.error(`exceeded max depth of ${MAX_FLOW_LEVEL}`);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const key = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  /** yaml_parser_roll_indent. */
  private rollIndent(column: number, tokenNumber: number, type: number, token: Token): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) this.error(`exceeded max depth of ${MAX_INDENTS}`);
      const t = new Token(type, token.pos, token.line, token.column);
      this.insertToken(tokenNumber > -1 ? tokenNumber - this.tokensParsed : -1, t);
    }
  }

  /** yaml_parser_unroll_indent. */
  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.tokens.push(this.token(T_BLOCK_END));
      this.indent = this.indents.pop()!;
    }
  }

  /** Queues the token of an indicator `length` characters long at the current position. */
  private pushIndicator(type: number, length: number = 1): void {
    this.tokens.push(this.token(type));
    for (let i = 0; i < length; i++) this.adv();
  }

  /** What a directive, a document marker and the end of the stream do first: close every block collection. */
  private resetBlockContext(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push(new SimpleKey(false, false, 0, 0, 0, 0, 0));
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.tokens.push(this.token(T_STREAM_START));
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.resetBlockContext();
    this.tokens.push(this.token(T_STREAM_END));
  }

  private fetchDirective(): void {
    this.resetBlockContext();
    this.tokens.push(this.scanDirective());
  }

  private fetchDocumentIndicator(type: number): void {
    this.resetBlockContext();
    this.pushIndicator(type, 3);
  }

  private fetchFlowCollectionStart(type: number): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.pushIndicator(type);
  }

  private fetchFlowCollectionEnd(type: number): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.pushIndicator(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.pushIndicator(T_FLOW_ENTRY);
  }

  /** In the block context, where a simple key could start: a new block collection if the column is deeper. */
  private openBlockCollection(type: number, notAllowed: string): void {
    if (this.flowLevel > 0) return;
    if (!this.simpleKeyAllowed) this.error(notAllowed);
    this.rollIndent(this.column, -1, type, this.token(type));
  }

  private fetchBlockEntry(): void {
    this.openBlockCollection(T_BLOCK_SEQUENCE_START, 'block sequence entries are not allowed in this context');
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.pushIndicator(T_BLOCK_ENTRY);
  }

  private fetchKey(): void {
    this.openBlockCollection(T_BLOCK_MAPPING_START, 'mapping keys are not allowed in this context');
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.pushIndicator(T_KEY);
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      const at = new Token(T_KEY, key.pos, key.line, key.column);
      this.insertToken(key.tokenNumber - this.tokensParsed, at);
      this.rollIndent(key.column, key.tokenNumber, T_BLOCK_MAPPING_START, at);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      // The ':' of a complex key ('?').
      this.openBlockCollection(T_BLOCK_MAPPING_START, 'mapping values are not allowed in this context');
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.pushIndicator(T_VALUE);
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.tokens.push(this.scanBlockScalar(literal));
  }

  /**
   * yaml_parser_scan_to_next_token. Tabs are white space only in the flow context or where a
   * simple key is not allowed (not at the start of a line, nor after '-', '?' or ':'). The BOM
   * check there tests the start of go-yaml's internal buffer, not the current position, so in
   * effect only the byte order mark at the start of the input is skipped (see the constructor).
   */
  private scanToNextToken(): void {
    for (;;) {
      let c = this.ch();
      while (c === 32 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && c === 9)) {
        this.adv();
        c = this.ch();
      }
      if (c === 35) {
        while (!isBreakZ(c)) {
          this.adv();
          c = this.ch();
        }
      }
      if (!isBreak(c)) break;
      this.advLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  /** yaml_parser_scan_directive. */
  private scanDirective(): Token {
    const t = this.token(T_VERSION_DIRECTIVE);
    this.adv();
    const nameStart = this.pos;
    while (isAlpha(this.ch())) this.adv();
    const name = this.s.slice(nameStart, this.pos);
    if (name === '') this.error('could not find expected directive name', t.line);
    if (!isBlankZ(this.ch())) this.error('found unexpected non-alphabetical character', t.line);
    let result: Token;
    if (name === 'YAML') {
      while (isBlank(this.ch())) this.adv();
      const major = this.scanVersionNumber(t);
      if (this.ch() !== 46) this.error("did not find expected digit or '.' character", t.line);
      this.adv();
      const minor = this.scanVersionNumber(t);
      result = new Token(T_VERSION_DIRECTIVE, t.pos, t.line, t.column);
      result.handle = major;
      result.suffix = minor;
    } else if (name === 'TAG') {
      while (isBlank(this.ch())) this.adv();
      const handle = this.scanTagHandle(true, t);
      if (!isBlank(this.ch())) this.error('did not find expected whitespace', t.line);
      while (isBlank(this.ch())) this.adv();
      const prefix = this.scanTagUri(true, '', t);
      if (!isBlankZ(this.ch())) this.error('did not find expected whitespace or line break', t.line);
      result = new Token(T_TAG_DIRECTIVE, t.pos, t.line, t.column);
      result.handle = handle;
      result.suffix = prefix;
    } else {
      this.error('found unknown directive name', t.line);
    }
    while (isBlank(this.ch())) this.adv();
    if (this.ch() === 35) while (!isBreakZ(this.ch())) this.adv();
    if (!isBreakZ(this.ch())) this.error('did not find expected comment or line break', t.line);
    if (isBreak(this.ch())) this.advLine();
    return result;
  }

  private scanVersionNumber(t: Token): string {
    const start = this.pos;
    while (isDigit(this.ch())) {
      if (this.pos - start >= 2) this.error('found extremely long version number', t.line);
      this.adv();
    }
    if (this.pos === start) this.error('did not find expected version number', t.line);
    return String(Number(this.s.slice(start, this.pos)));
  }

  /** yaml_parser_scan_anchor. */
  private scanAnchor(type: number): Token {
    const t = this.token(type);
    this.adv();
    const start = this.pos;
    while (isAlpha(this.ch())) this.adv();
    const c = this.ch();
    if (this.pos === start || !(isBlankZ(c) || c === 63 || c === 58 || c === 44 || c === 93 || c === 125 || c === 37 || c === 64 || c === 96)) {
      this.error('did not find expected alphabetic or numeric character', t.line);
    }
    return new Token(type, t.pos, t.line, t.column, this.s.slice(start, this.pos));
  }

  /** yaml_parser_scan_tag. */
  private scanTag(): Token {
    const t = this.token(T_TAG);
    let handle: string;
    let suffix: string;
    if (this.ch(1) === 60 /* < */) {
      handle = '';
      this.adv();
      this.adv();
      suffix = this.scanTagUri(false, '', t);
      if (this.ch() !== 62) this.error("did not find the expected '>'", t.line);
      this.adv();
    } else {
      handle = this.scanTagHandle(false, t);
      if (handle.length > 1 && handle[0] === '!' && handle[handle.length - 1] === '!') {
        suffix = this.scanTagUri(false, '', t);
      } else {
        suffix = this.scanTagUri(false, handle, t);
        handle = '!';
        if (suffix === '') {
          suffix = handle;
          handle = '';
        }
      }
    }
    if (!isBlankZ(this.ch())) this.error('did not find expected whitespace or line break', t.line);
    const result = new Token(T_TAG, t.pos, t.line, t.column);
    result.handle = handle;
    result.suffix = suffix;
    return result;
  }

  /** yaml_parser_scan_tag_handle. */
  private scanTagHandle(directive: boolean, t: Token): string {
    if (this.ch() !== 33) this.error(directive ? "while parsing a %TAG directive: did not find expected '!'" : "while parsing a tag: did not find expected '!'", t.line);
    const start = this.pos;
    this.adv();
    while (isAlpha(this.ch())) this.adv();
    if (this.ch() === 33) this.adv();
    else if (directive && this.pos - start !== 1) this.error("did not find expected '!'", t.line);
    return this.s.slice(start, this.pos);
  }

  /** yaml_parser_scan_tag_uri: `head` is a scanned handle that is part of the URI. */
  private scanTagUri(directive: boolean, head: string, t: Token): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    for (;;) {
      const c = this.ch();
      if (c === 37) {
        s += this.scanUriEscapes(directive, t);
      } else if (isAlpha(c) || URI_CHARS.has(c)) {
        s += this.s[this.pos];
        this.adv();
      } else {
        break;
      }
      hasTag = true;
    }
    if (!hasTag) this.error('did not find expected tag URI', t.line);
    return s;
  }

  /** yaml_parser_scan_uri_escapes: %-escaped UTF-8. */
  private scanUriEscapes(directive: boolean, t: Token): string {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      const hi = hexValue(this.ch(1));
      const lo = hexValue(this.ch(2));
      if (this.ch() !== 37 || hi < 0 || lo < 0) this.error(`${directive ? 'while parsing a %TAG directive' : 'while parsing a tag'}: did not find URI escaped octet`, t.line);
      const octet = (hi << 4) + lo;
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) this.error('found an incorrect leading UTF-8 octet', t.line);
      } else if ((octet & 0xc0) !== 0x80) {
        this.error('found an incorrect trailing UTF-8 octet', t.line);
      }
      bytes.push(octet);
      this.adv();
      this.adv();
      this.adv();
      w--;
    }
    return goString(Uint8Array.from(bytes));
  }

  /** yaml_parser_scan_block_scalar. */
  private scanBlockScalar(literal: boolean): Token {
    const t = this.token(T_SCALAR);
    this.adv();
    let chomping = 0;
    let increment = 0;
    let c = this.ch();
    if (c === 43 || c === 45) {
      chomping = c === 43 ? 1 : -1;
      this.adv();
      if (isDigit(this.ch())) {
        if (this.ch() === 48) this.error('found an indentation indicator equal to 0', t.line);
        increment = this.ch() - 48;
        this.adv();
      }
    } else if (isDigit(c)) {
      if (c === 48) this.error('found an indentation indicator equal to 0', t.line);
      increment = c - 48;
      this.adv();
      c = this.ch();
      if (c === 43 || c === 45) {
        chomping = c === 43 ? 1 : -1;
        this.adv();
      }
    }
    while (isBlank(this.ch())) this.adv();
    if (this.ch() === 35) while (!isBreakZ(this.ch())) this.adv();
    if (!isBreakZ(this.ch())) this.error('did not find expected comment or line break', t.line);
    if (isBreak(this.ch())) this.advLine();

    const state = { indent: 0, breaks: '' };
    if (increment > 0) state.indent = this.indent >= 0 ? this.indent + increment : increment;
    let s = '';
    let leadingBreak = '';
    let leadingBlank = false;
    let trailingBlank: boolean;
    this.scanBlockScalarBreaks(state, t);
    while (this.column === state.indent && this.ch() !== 0) {
      trailingBlank = isBlank(this.ch());
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
        if (state.breaks.length === 0) s += ' ';
      } else {
        s += leadingBreak;
      }
      leadingBreak = '';
      s += state.breaks;
      state.breaks = '';
      leadingBlank = isBlank(this.ch());
      const start = this.pos;
      while (!isBreakZ(this.ch())) this.adv();
      s += this.s.slice(start, this.pos);
      leadingBreak = this.readLine();
      this.scanBlockScalarBreaks(state, t);
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += state.breaks;
    return new Token(T_SCALAR, t.pos, t.line, t.column, s, literal ? STYLE_LITERAL : STYLE_FOLDED);
  }

  /** yaml_parser_scan_block_scalar_breaks: indentation and empty lines; sets the indentation when unknown. */
  private scanBlockScalarBreaks(state: { indent: number; breaks: string }, t: Token): void {
    let maxIndent = 0;
    for (;;) {
      while ((state.indent === 0 || this.column < state.indent) && this.ch() === 32) this.adv();
      if (this.column > maxIndent) maxIndent = this.column;
      if ((state.indent === 0 || this.column < state.indent) && this.ch() === 9) {
        this.error('found a tab character where an indentation space is expected', t.line);
      }
      if (!isBreak(this.ch())) break;
      state.breaks += this.readLine();
    }
    if (state.indent === 0) {
      state.indent = Math.max(maxIndent, this.indent + 1, 1);
    }
  }

  /** yaml_parser_scan_flow_scalar. */
  private scanFlowScalar(single: boolean): Token {
    const t = this.token(T_SCALAR);
    this.adv();
    let s = '';
    const fold = new Folding();
    const quote = single ? 39 : 34;
    for (;;) {
      if (this.column === 0 && (this.isDocumentIndicator(45) || this.isDocumentIndicator(46))) {
        this.error('found unexpected document indicator', t.line);
      }
      if (this.ch() === 0) this.error('found unexpected end of stream', t.line);
      let c = this.ch();
      while (!isBlankZ(c)) {
        if (c === quote) {
          if (!single || this.ch(1) !== 39) break;
          s += "'"; // ''
          this.adv();
          this.adv();
        } else if (!single && c === 92 && isBreak(this.ch(1))) {
          // An escaped line break: no folding, and the next line's indentation goes.
          this.adv();
          this.advLine();
          fold.leadingBlanks = true;
          break;
        } else if (!single && c === 92) {
          s += this.scanEscape(t);
        } else {
          const start = this.pos;
          do {
            this.adv();
            c = this.ch();
          } while (!isBlankZ(c) && c !== 39 && c !== 34 && c !== 92);
          s += this.s.slice(start, this.pos);
        }
        c = this.ch();
      }
      if (this.ch() === quote) break;
      this.scanBlanks(fold, -1, t);
      s += fold.join();
    }
    this.adv();
    return new Token(T_SCALAR, t.pos, t.line, t.column, s, single ? STYLE_SINGLE : STYLE_DOUBLE);
  }

  /** The escape sequences of yaml_parser_scan_flow_scalar (YAML 1.1: `\'` yes, `\/` no). */
  private scanEscape(t: Token): string {
    let out: string;
    let codeLength = 0;
    switch (this.ch(1)) {
      case 48: out = '\0'; break;
      case 97: out = '\x07'; break;
      case 98: out = '\b'; break;
      case 116: case 9: out = '\t'; break;
      case 110: out = '\n'; break;
      case 118: out = '\v'; break;
      case 102: out = '\f'; break;
      case 114: out = '\r'; break;
      case 101: out = '\x1b'; break;
      case 32: out = ' '; break;
      case 34: out = '"'; break;
      case 39: out = "'"; break;
      case 92: out = '\\'; break;
      case 78: out = '\x85'; break;
      case 95: out = '\xa0'; break;
      case 76: out = '\u2028'; break;
      case 80: out = '\u2029'; break;
      case 120: out = ''; codeLength = 2; break;
      case 117: out = ''; codeLength = 4; break;
      case 85: out = ''; codeLength = 8; break;
      default: this.error('found unknown escape character', t.line);
    }
    this.adv();
    this.adv();
    if (codeLength > 0) {
      let value = 0;
      for (let k = 0; k < codeLength; k++) {
        const h = hexValue(this.ch(k));
        if (h < 0) this.error('did not find expected hexdecimal number', t.line);
        value = value * 16 + h;
      }
      if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.error('found invalid Unicode character escape code', t.line);
      out = String.fromCodePoint(value);
      for (let k = 0; k < codeLength; k++) this.adv();
    }
    return out;
  }

  /** yaml_parser_scan_plain_scalar. */
  private scanPlainScalar(): Token {
    const t = this.token(T_SCALAR);
    let s = '';
    const fold = new Folding();
    const indent = this.indent + 1;
    const flow = this.flowLevel > 0;
    for (;;) {
      if (this.column === 0 && (this.isDocumentIndicator(45) || this.isDocumentIndicator(46))) break;
      let c = this.ch();
      if (c === 35) break;
      const start = this.pos;
      while (!isBlankZ(c)) {
        // In the flow context a plain scalar ends at ',', '?', '[', ']', '{', '}'; a ':' ends
        // it only before a blank, so `[001:db8::]` holds one scalar.
        if (c === 58 && isBlankZ(this.ch(1))) break;
        if (flow && (c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125)) break;
        this.adv();
        c = this.ch();
      }
      if (this.pos > start) s += fold.join() + this.s.slice(start, this.pos);
      if (!(isBlank(c) || isBreak(c))) break;
      this.scanBlanks(fold, indent, t);
      if (!flow && this.column < indent) break;
    }
    if (fold.leadingBlanks) this.simpleKeyAllowed = true;
    return new Token(T_SCALAR, t.pos, t.line, t.column, s, STYLE_PLAIN);
  }

  /**
   * The blanks and line breaks inside a flow or plain scalar, into `fold`. A tab that starts a
   * continuation line left of `tabIndent` is an error (plain scalars).
   */
  private scanBlanks(fold: Folding, tabIndent: number, t: Token): void {
    let c = this.ch();
    while (isBlank(c) || isBreak(c)) {
      if (isBlank(c)) {
        if (fold.leadingBlanks && c === 9 && this.column < tabIndent) this.error('found a tab character that violates indentation', t.line);
        if (!fold.leadingBlanks) fold.whitespaces += this.s[this.pos];
        this.adv();
      } else if (!fold.leadingBlanks) {
        fold.whitespaces = '';
        fold.leadingBreak = this.readLine();
        fold.leadingBlanks = true;
      } else {
        fold.trailingBreaks += this.readLine();
      }
      c = this.ch();
    }
  }
}

/** The white space between the parts of a flow or plain scalar, and how it folds (scannerc.go). */
class Folding {
  public whitespaces = '';
  public leadingBreak = '';
  public trailingBreaks = '';
  public leadingBlanks = false;

  /** What joins the next part to the text before it: the blanks, or the folded line breaks. */
  public join(): string {
    let out: string;
    if (!this.leadingBlanks) out = this.whitespaces;
    else if (this.leadingBreak[0] === '\n') out = this.trailingBreaks.length === 0 ? ' ' : this.trailingBreaks;
    else out = this.leadingBreak + this.trailingBreaks;
    this.whitespaces = '';
    this.leadingBreak = '';
    this.trailingBreaks = '';
    this.leadingBlanks = false;
    return out;
  }
}

/** A Go string of bytes as encoding/json writes it: each byte of an invalid UTF-8 sequence becomes U+FFFD. */
function goString(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    // utf8.DecodeRune: the shortest form, no surrogates, at most U+10FFFF; else (RuneError, 1).
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let cp = n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      const c = bytes[i + k];
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok) {
      out += String.fromCodePoint(cp);
      i += n;
    } else {
      out += '\ufffd';
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser: go.yaml.in/yaml/v2@v2.4.4 parserc.go (libyaml's parser.c) as recursive descent that
// consumes tokens exactly as its state machine does, building the node tree of decode.go
// (`parser.parse`, `parser.node`, `parser.anchor`, `parser.alias`). Only the first document of a
// chunk is parsed: yaml.Unmarshal decodes one document and never scans past its end.

const MAPPING = 2;
const SEQUENCE = 4;
const SCALAR = 8;
const ALIAS = 16;

const TAG_PREFIX = 'tag:yaml.org,2002:';
const STR_TAG = 'tag:yaml.org,2002:str';
const BOOL_TAG = 'tag:yaml.org,2002:bool';
const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';
const NULL_TAG = 'tag:yaml.org,2002:null';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
const BINARY_TAG = 'tag:yaml.org,2002:binary';
const MERGE_TAG = 'tag:yaml.org,2002:merge';

class YamlNode {
  public tag = '';
  public value = '';
  /** The scalar was plain without a tag, or tagged `!` (parserc.go `plain_implicit`). */
  public implicit = false;
  /** An empty scalar the parser made up for a missing node (`yaml_parser_process_empty_scalar`), with no anchor or tag. */
  public empty = false;
  public children: YamlNode[] = [];
  public alias: YamlNode | undefined;
  public constructor(public readonly kind: number, public readonly pos: number, public readonly line: number) {}
}

/** The root node of the first document of a chunk; undefined when the chunk has none (only comments). */
function parseFirstDocument(chunk: string): YamlNode | undefined {
  return new Parser(new Scanner(chunk.length === 0 ? '\n' : chunk)).parse();
}

class Parser {
  private readonly anchors = new Map<string, YamlNode>();
  private readonly tagDirectives: Array<{ handle: string; prefix: string }> = [];

  public constructor(private readonly scanner: Scanner) {}

  public parse(): YamlNode | undefined {
    const sc = this.scanner;
    let token = sc.peek();
    if (token.type !== T_STREAM_START) this.error('did not find expected <stream-start>', token);
    sc.skip();
    // yaml_parser_parse_document_start with implicit = true.
    token = sc.peek();
    let root: YamlNode;
    if (token.type !== T_VERSION_DIRECTIVE && token.type !== T_TAG_DIRECTIVE && token.type !== T_DOCUMENT_START && token.type !== T_STREAM_END) {
      this.processDirectives();
      root = this.node(true, false);
    } else if (token.type !== T_STREAM_END) {
      this.processDirectives();
      token = sc.peek();
      if (token.type !== T_DOCUMENT_START) this.error('did not find expected <document start>', token);
      sc.skip();
      // yaml_parser_parse_document_content.
      token = sc.peek();
      const t = token.type;
      root = t === T_VERSION_DIRECTIVE || t === T_TAG_DIRECTIVE || t === T_DOCUMENT_START || t === T_DOCUMENT_END || t === T_STREAM_END
        ? this.emptyScalar(token)
        : this.node(true, false);
    } else {
      return undefined;
    }
    // yaml_parser_parse_document_end peeks one more token; go-yaml stops there.
    sc.peek();
    return root;
  }

  private error(problem: string, token: Token): never {
    fail(token.line > 0 ? `yaml: line ${token.line}: ${problem}` : `yaml: ${problem}`);
  }

  /** yaml_parser_process_directives. */
  private processDirectives(): void {
    const sc = this.scanner;
    let token = sc.peek();
    let version = false;
    while (token.type === T_VERSION_DIRECTIVE || token.type === T_TAG_DIRECTIVE) {
      if (token.type === T_VERSION_DIRECTIVE) {
        if (version) this.error('found duplicate %YAML directive', token);
        if (token.handle !== '1' || token.suffix !== '1') this.error('found incompatible YAML document', token);
        version = true;
      } else {
        if (this.tagDirectives.some((d) => d.handle === token.handle)) this.error('found duplicate %TAG directive', token);
        this.tagDirectives.push({ handle: token.handle, prefix: token.suffix });
      }
      sc.skip();
      token = sc.peek();
    }
    for (const d of [{ handle: '!', prefix: '!' }, { handle: '!!', prefix: TAG_PREFIX }]) {
      if (!this.tagDirectives.some((e) => e.handle === d.handle)) this.tagDirectives.push(d);
    }
  }

  /** yaml_parser_process_empty_scalar. */
  private emptyScalar(at: Token): YamlNode {
    const n = new YamlNode(SCALAR, at.pos, at.line);
    n.implicit = true;
    n.empty = true;
    return n;
  }

  /** yaml_parser_parse_node. */
  private node(block: boolean, indentlessSequence: boolean): YamlNode {
    const sc = this.scanner;
    let token = sc.peek();
    if (token.type === T_ALIAS) {
      sc.skip();
      const n = new YamlNode(ALIAS, token.pos, token.line);
      n.value = token.value;
      n.alias = this.anchors.get(token.value);
      if (n.alias === undefined) fail(`yaml: unknown anchor '${token.value}' referenced`);
      return n;
    }
    const start = token;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (token.type === T_ANCHOR) {
      anchor = token.value;
      sc.skip();
      token = sc.peek();
      if (token.type === T_TAG) {
        tagToken = token;
        sc.skip();
        token = sc.peek();
      }
    } else if (token.type === T_TAG) {
      tagToken = token;
      sc.skip();
      token = sc.peek();
      if (token.type === T_ANCHOR) {
        anchor = token.value;
        sc.skip();
        token = sc.peek();
      }
    }
    let tag = '';
    if (tagToken !== undefined) {
      if (tagToken.handle === '') {
        tag = tagToken.suffix;
      } else {
        const d = this.tagDirectives.find((e) => e.handle === tagToken!.handle);
        if (d === undefined) this.error('found undefined tag handle', tagToken);
        tag = d.prefix + tagToken.suffix;
      }
    }
    let n: YamlNode;
    if (indentlessSequence && token.type === T_BLOCK_ENTRY) {
      n = this.withProps(new YamlNode(SEQUENCE, start.pos, start.line), anchor, tag);
      this.indentlessSequence(n);
    } else if (token.type === T_SCALAR) {
      n = this.withProps(new YamlNode(SCALAR, start.pos, start.line), anchor, tag);
      n.value = token.value;
      n.implicit = (tag === '' && token.style === STYLE_PLAIN) || tag === '!';
      sc.skip();
    } else if (token.type === T_FLOW_SEQUENCE_START) {
      n = this.withProps(new YamlNode(SEQUENCE, start.pos, start.line), anchor, tag);
      this.flowSequence(n);
    } else if (token.type === T_FLOW_MAPPING_START) {
      n = this.withProps(new YamlNode(MAPPING, start.pos, start.line), anchor, tag);
      this.flowMapping(n);
    } else if (block && token.type === T_BLOCK_SEQUENCE_START) {
      n = this.withProps(new YamlNode(SEQUENCE, start.pos, start.line), anchor, tag);
      this.blockSequence(n);
    } else if (block && token.type === T_BLOCK_MAPPING_START) {
      n = this.withProps(new YamlNode(MAPPING, start.pos, start.line), anchor, tag);
      this.blockMapping(n);
    } else if (anchor !== undefined || tag !== '') {
      n = this.withProps(new YamlNode(SCALAR, start.pos, start.line), anchor, tag);
      n.implicit = tag === '';
    } else {
      this.error('did not find expected node content', token);
    }
    return n;
  }

  /** Sets the tag and registers the anchor before the children are parsed (decode.go `parser.anchor`). */
  private withProps(n: YamlNode, anchor: string | undefined, tag: string): YamlNode {
    n.tag = tag;
    if (anchor !== undefined) this.anchors.set(anchor, n);
    return n;
  }

  /** The node at the next token, or the empty scalar libyaml makes up when that token is one of `stops`. */
  private nodeOr(stops: readonly number[], block: boolean, indentlessSequence: boolean): YamlNode {
    const token = this.scanner.peek();
    return stops.includes(token.type) ? this.emptyScalar(token) : this.node(block, indentlessSequence);
  }

  /** A mapping value: after ':' the node (empty at `stops`), without ':' an empty scalar. */
  private mappingValue(stops: readonly number[], block: boolean): YamlNode {
    const token = this.scanner.peek();
    if (token.type !== T_VALUE) return this.emptyScalar(token);
    this.scanner.skip();
    return this.nodeOr(stops, block, block);
  }

  /** The first token of a flow entry: every entry but the first must follow a ','. */
  private flowEntry(first: boolean, end: number): Token {
    let token = this.scanner.peek();
    if (!first && token.type !== end) {
      if (token.type !== T_FLOW_ENTRY) this.error(`did not find expected ',' or '${end === T_FLOW_SEQUENCE_END ? ']' : '}'}'`, token);
      this.scanner.skip();
      token = this.scanner.peek();
    }
    return token;
  }

  /** yaml_parser_parse_block_sequence_entry, at BLOCK-SEQUENCE-START. */
  private blockSequence(n: YamlNode): void {
    const sc = this.scanner;
    sc.skip();
    for (let token = sc.peek(); token.type !== T_BLOCK_END; token = sc.peek()) {
      if (token.type !== T_BLOCK_ENTRY) this.error("did not find expected '-' indicator", token);
      sc.skip();
      n.children.push(this.nodeOr(BLOCK_SEQUENCE_STOPS, true, false));
    }
    sc.skip();
  }

  /** yaml_parser_parse_indentless_sequence_entry: entries at the indentation of the mapping. */
  private indentlessSequence(n: YamlNode): void {
    const sc = this.scanner;
    while (sc.peek().type === T_BLOCK_ENTRY) {
      sc.skip();
      n.children.push(this.nodeOr(INDENTLESS_SEQUENCE_STOPS, true, false));
    }
  }

  /** yaml_parser_parse_block_mapping_key and _value, at BLOCK-MAPPING-START. */
  private blockMapping(n: YamlNode): void {
    const sc = this.scanner;
    sc.skip();
    for (let token = sc.peek(); token.type !== T_BLOCK_END; token = sc.peek()) {
      if (token.type !== T_KEY) this.error('did not find expected key', token);
      sc.skip();
      n.children.push(this.nodeOr(BLOCK_MAPPING_STOPS, true, true), this.mappingValue(BLOCK_MAPPING_STOPS, true));
    }
    sc.skip();
  }

  /** yaml_parser_parse_flow_sequence_entry, and _entry_mapping_* for the single-pair mappings in it. */
  private flowSequence(n: YamlNode): void {
    const sc = this.scanner;
    sc.skip();
    for (let token = this.flowEntry(true, T_FLOW_SEQUENCE_END); token.type !== T_FLOW_SEQUENCE_END; token = this.flowEntry(false, T_FLOW_SEQUENCE_END)) {
      if (token.type !== T_KEY) {
        n.children.push(this.node(false, false));
        continue;
      }
      const pair = new YamlNode(MAPPING, token.pos, token.line);
      sc.skip();
      token = sc.peek();
      if (FLOW_PAIR_KEY_STOPS.includes(token.type)) {
        // libyaml skips the token after an empty key, be it ':', ',' or ']'.
        sc.skip();
        pair.children.push(this.emptyScalar(token));
      } else {
        pair.children.push(this.node(false, false));
      }
      pair.children.push(this.mappingValue(FLOW_SEQUENCE_STOPS, false));
      sc.peek(); // _entry_mapping_end
      n.children.push(pair);
    }
    sc.skip();
  }

  /** yaml_parser_parse_flow_mapping_key and _value. */
  private flowMapping(n: YamlNode): void {
    const sc = this.scanner;
    sc.skip();
    for (let token = this.flowEntry(true, T_FLOW_MAPPING_END); token.type !== T_FLOW_MAPPING_END; token = this.flowEntry(false, T_FLOW_MAPPING_END)) {
      if (token.type === T_KEY) {
        sc.skip();
        n.children.push(this.nodeOr(FLOW_MAPPING_KEY_STOPS, false, false), this.mappingValue(FLOW_MAPPING_STOPS, false));
      } else {
        // A key without '?' and without ':' after it: an empty value (FLOW_MAPPING_EMPTY_VALUE_STATE).
        n.children.push(this.node(false, false));
        n.children.push(this.emptyScalar(sc.peek()));
      }
    }
    sc.skip();
  }
}

/** The tokens at which libyaml's parser makes up an empty node instead of parsing one. */
const BLOCK_SEQUENCE_STOPS = [T_BLOCK_ENTRY, T_BLOCK_END];
const INDENTLESS_SEQUENCE_STOPS = [T_BLOCK_ENTRY, T_KEY, T_VALUE, T_BLOCK_END];
const BLOCK_MAPPING_STOPS = [T_KEY, T_VALUE, T_BLOCK_END];
const FLOW_SEQUENCE_STOPS = [T_FLOW_ENTRY, T_FLOW_SEQUENCE_END];
const FLOW_PAIR_KEY_STOPS = [T_VALUE, T_FLOW_ENTRY, T_FLOW_SEQUENCE_END];
const FLOW_MAPPING_STOPS = [T_FLOW_ENTRY, T_FLOW_MAPPING_END];
const FLOW_MAPPING_KEY_STOPS = [T_VALUE, T_FLOW_ENTRY, T_FLOW_MAPPING_END];

// ---------------------------------------------------------------------------------------------
// Decoder: go.yaml.in/yaml/v2@v2.4.4 decode.go (`decoder`) into interface{}, fused with
// sigs.k8s.io/yaml@v1.6.0 `convertToJSONableObject` (map keys become strings) and the checks of
// encoding/json.Marshal (no NaN or infinity).

/** decode.go `allowedAliasRatio`. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400000) return 0.99;
  if (decodeCount >= 4000000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400000) / 3600000);
}

/** The Go type a scalar decodes to, which decides how it works as a map key. */
const K_STRING = 1;
const K_INT = 2;
const K_UINT = 3;
const K_FLOAT = 4;
const K_BOOL = 5;
const K_NULL = 6;
const K_COLLECTION = 7;

/** One entry of a Go map[interface{}]interface{}. */
interface GoEntry {
  /** The Go key as YAML source, for messages. */
  readonly source: string;
  readonly kind: number;
  /** The key as sigs.k8s.io/yaml writes it to JSON; undefined when it cannot (nil, uint64). */
  readonly jsonKey: string | undefined;
  value: unknown;
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<YamlNode>();
  private sawNonFinite = false;
  /** Maps with a key sigs.k8s.io/yaml cannot convert (nil, uint64), and its message. */
  private readonly unsupportedKeys = new Map<object, string>();
  private nanKeys = 0;
  /** The Go type of the last scalar decoded; the text of the last integer. */
  private kind = K_NULL;
  private intText = '';

  /** `lineOf` gives the line in the stream of an offset in the chunk. */
  public constructor(private readonly lineOf: (pos: number) => number, private readonly warnings: string[]) {}

  /** decode.go `decoder.document`, then the JSON checks. */
  public document(root: YamlNode): unknown {
    this.count();
    const value = this.unmarshal(root);
    // Go converts and encodes the final tree, so a bad map or number that a later duplicate key
    // replaced does not count.
    if (this.sawNonFinite || this.unsupportedKeys.size > 0) {
      const bad = this.unencodable(value);
      if (bad !== undefined) fail(bad);
    }
    return value;
  }

  /** The counting of decode.go `decoder.unmarshal` that limits alias expansion. */
  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      fail('yaml: document contains excessive aliasing');
    }
  }

  /** decode.go `decoder.unmarshal` into an interface{}; `into` is the map a merge writes to. */
  private unmarshal(n: YamlNode, into?: Map<string, GoEntry>): unknown {
    this.count();
    switch (n.kind) {
      case ALIAS: return this.alias(n, into);
      case SCALAR: return this.scalar(n);
      case MAPPING: return this.mapping(n, into);
      default: return this.sequence(n);
    }
  }

  /** decode.go `decoder.alias`. */
  private alias(n: YamlNode, into?: Map<string, GoEntry>): unknown {
    if (this.active.has(n)) fail(`yaml: anchor '${n.value}' value contains itself`);
    this.active.add(n);
    this.aliasDepth++;
    const value = this.unmarshal(n.alias!, into);
    this.aliasDepth--;
    this.active.delete(n);
    return value;
  }

  /** decode.go `decoder.sequence`. */
  private sequence(n: YamlNode): unknown[] {
    const out = new Array<unknown>(n.children.length);
    for (let i = 0; i < n.children.length; i++) out[i] = this.unmarshal(n.children[i]);
    this.kind = K_COLLECTION;
    return out;
  }

  /** decode.go `decoder.scalar` into an interface{}, with resolve.go `resolve`. */
  private scalar(n: YamlNode): unknown {
    if (n.tag === '' && !n.implicit) {
      this.kind = K_STRING;
      return n.value;
    }
    const r = resolve(n.tag, n.value);
    this.kind = r.kind;
    if (r.kind === K_INT || r.kind === K_UINT) this.intText = r.intText;
    if (r.tag === BINARY_TAG) {
      const data = decodeBase64(n.value);
      if (data === undefined) fail('yaml: !!binary value contains invalid base64 data');
      return data;
    }
    if (r.tag === TIMESTAMP_TAG) return n.value; // "for backward compatibility ... set it as a string"
    if (r.kind === K_FLOAT && !Number.isFinite(r.value as number)) this.sawNonFinite = true;
    return r.value;
  }

  /** decode.go `decoder.mapping` (and `merge`); the map becomes a JSON object when `into` is not given. */
  private mapping(n: YamlNode, into?: Map<string, GoEntry>): unknown {
    const map = into ?? new Map<string, GoEntry>();
    const explicit = new Set<string>();
    const children = n.children;
    for (let i = 0; i < children.length; i += 2) {
      const k = children[i];
      if (k.kind === SCALAR && k.value === '<<' && (k.implicit || k.tag === MERGE_TAG)) {
        this.merge(children[i + 1], map);
        continue;
      }
      const key = this.unmarshal(k);
      const kind = this.kind;
      if (kind === K_COLLECTION) fail(`yaml: invalid map key: ${JSON.stringify(key)}`);
      const entry = goMapKey(key, kind, this.intText, () => this.nanKeys++);
      const value = this.unmarshal(children[i + 1]);
      if (explicit.has(entry.id)) {
        this.warnings.push(`line ${this.lineOf(k.pos)}: duplicate key ${entry.source}: kubectl keeps the last value`);
      }
      explicit.add(entry.id);
      map.set(entry.id, { source: entry.source, kind, jsonKey: entry.jsonKey, value });
    }
    this.kind = K_COLLECTION;
    return into === undefined ? this.toObject(map) : undefined;
  }

  /** decode.go `decoder.merge`: a merge overrides keys set before it; in a sequence, earlier maps win. */
  private merge(n: YamlNode, into: Map<string, GoEntry>): void {
    const wantMap = (): never => fail('yaml: map merge requires map or sequence of maps as the value');
    if (n.kind === MAPPING) {
      this.unmarshal(n, into);
    } else if (n.kind === ALIAS) {
      if (n.alias!.kind !== MAPPING) wantMap();
      this.unmarshal(n, into);
    } else if (n.kind === SEQUENCE) {
      for (let i = n.children.length - 1; i >= 0; i--) {
        const c = n.children[i];
        if (c.kind === ALIAS ? c.alias!.kind !== MAPPING : c.kind !== MAPPING) wantMap();
        this.unmarshal(c, into);
      }
    } else {
      wantMap();
    }
  }

  /** Why the final tree cannot become JSON: a map key sigs.k8s.io/yaml rejects, or a number encoding/json rejects. */
  private unencodable(v: unknown): string | undefined {
    if (typeof v === 'number') return Number.isFinite(v) ? undefined : `json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`;
    if (typeof v !== 'object' || v === null) return undefined;
    const key = this.unsupportedKeys.get(v);
    if (key !== undefined) return key;
    for (const e of Array.isArray(v) ? v : Object.values(v)) {
      const bad = this.unencodable(e);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }

  /** sigs.k8s.io/yaml `convertToJSONableObject` for one map. */
  private toObject(map: Map<string, GoEntry>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const from = new Map<string, string>();
    for (const e of map.values()) {
      if (e.jsonKey === undefined) {
        this.unsupportedKeys.set(out, `unsupported map key of type: ${e.kind === K_NULL ? '%!s(<nil>)' : 'uint64'}, key: ${e.source}`);
        continue;
      }
      const earlier = from.get(e.jsonKey);
      if (earlier !== undefined) {
        this.warnings.push(`keys ${earlier} and ${e.source} both become ${JSON.stringify(e.jsonKey)} in JSON: kubectl keeps one of them, at random`);
      }
      from.set(e.jsonKey, e.source);
      if (e.jsonKey === '__proto__') Object.defineProperty(out, e.jsonKey, { value: e.value, enumerable: true, writable: true, configurable: true });
      else out[e.jsonKey] = e.value;
    }
    return out;
  }
}

/** The identity of a decoded key in a Go map[interface{}]interface{}, and its JSON form. */
function goMapKey(key: unknown, kind: number, intText: string, nan: () => number): { id: string; source: string; jsonKey: string | undefined } {
  switch (kind) {
    case K_STRING: return { id: `s${key as string}`, source: JSON.stringify(key), jsonKey: key as string };
    case K_INT: return { id: `i${intText}`, source: intText, jsonKey: intText };
    case K_UINT: return { id: `u${intText}`, source: intText, jsonKey: undefined };
    case K_BOOL: return { id: `b${String(key)}`, source: String(key), jsonKey: String(key) };
    case K_NULL: return { id: 'n', source: 'null', jsonKey: undefined };
    default: {
      const f = key as number;
      // Every NaN is a distinct Go map key.
      const id = Number.isNaN(f) ? `fNaN${nan()}` : `f${Object.is(f, -0) ? '-0' : String(f)}`;
      return { id, source: String(f), jsonKey: formatFloat32(f) };
    }
  }
}

/** strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's spellings of infinity and NaN (sigs.k8s.io/yaml map keys). */
function formatFloat32(f: number): string {
  const x = Math.fround(f);
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let exp = '';
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    const e = Math.abs(x).toExponential(p - 1);
    if (Math.fround(Number(e)) === Math.abs(x)) {
      const [mantissa, ex] = e.split('e');
      digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
      exp = ex;
      break;
    }
  }
  const sign = x < 0 ? '-' : '';
  const e = Number(exp);
  // %g with the shortest digits: %e when the exponent is < -4 or >= 6 (eprec), else %f.
  if (e < -4 || e >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ee = Math.abs(e) < 10 ? `0${Math.abs(e)}` : String(Math.abs(e));
    return `${sign}${m}e${e < 0 ? '-' : '+'}${ee}`;
  }
  const dp = e + 1; // digits before the decimal point
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return `${sign}${digits}${'0'.repeat(dp - digits.length)}`;
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** base64.StdEncoding.DecodeString: padding required, '\r' and '\n' ignored; the bytes as JSON writes them. */
function decodeBase64(s: string): string | undefined {
  const b = s.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b)) return undefined;
  return goString(Buffer.from(b, 'base64'));
}

// ---------------------------------------------------------------------------------------------
// Scalar resolution: go.yaml.in/yaml/v2@v2.4.4 resolve.go `resolve`.

interface Resolved {
  readonly tag: string;
  readonly kind: number;
  readonly value: unknown;
  /** The decimal text of an integer (keys keep all 64 bits). */
  readonly intText: string;
}

/** resolve.go `resolveMap`: the words YAML 1.1 reads as booleans, null, infinity, NaN and merge. */
const RESOLVE_MAP = new Map<string, Resolved>();
for (const [value, tag, kind, words] of [
  [true, BOOL_TAG, K_BOOL, 'y Y yes Yes YES true True TRUE on On ON'],
  [false, BOOL_TAG, K_BOOL, 'n N no No NO false False FALSE off Off OFF'],
  [null, NULL_TAG, K_NULL, '~ null Null NULL'],
  [NaN, FLOAT_TAG, K_FLOAT, '.nan .NaN .NAN'],
  [Infinity, FLOAT_TAG, K_FLOAT, '.inf .Inf .INF +.inf +.Inf +.INF'],
  [-Infinity, FLOAT_TAG, K_FLOAT, '-.inf -.Inf -.INF'],
  ['<<', MERGE_TAG, K_STRING, '<<'],
] as const) {
  for (const w of words.split(' ')) RESOLVE_MAP.set(w, { tag, kind, value, intText: '' });
}
RESOLVE_MAP.set('', { tag: NULL_TAG, kind: K_NULL, value: null, intText: '' });

/** resolve.go `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What strconv.ParseFloat accepts after a '.' (underscores only between digits). */
const GO_DOT_FLOAT = /^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/;
/** Decimal integers that a double holds exactly. */
const SMALL_DECIMAL = /^[-+]?(0|[1-9][0-9]{0,14})$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** resolve.go `resolve(tag, in)` for a scalar decoded into interface{}. */
function resolve(tag: string, input: string): Resolved {
  if (!(tag === '' || tag === STR_TAG || tag === BOOL_TAG || tag === INT_TAG || tag === FLOAT_TAG || tag === NULL_TAG || tag === TIMESTAMP_TAG)) {
    // Not resolvable (unknown tags, !!binary, !!merge): the text as a string.
    return { tag, kind: K_STRING, value: input, intText: '' };
  }
  const r = resolveImplicit(tag, input);
  if (tag === '' || tag === r.tag || tag === STR_TAG) return r;
  if (tag === FLOAT_TAG && r.tag === INT_TAG && r.kind === K_INT) return { tag: FLOAT_TAG, kind: K_FLOAT, value: Number(r.value), intText: '' };
  return fail(`yaml: cannot decode ${shortTag(r.tag)} \`${input}\` as a ${shortTag(tag)}`);
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : tag;
}

function resolveImplicit(tag: string, input: string): Resolved {
  const str: Resolved = { tag: STR_TAG, kind: K_STRING, value: input, intText: '' };
  if (tag === STR_TAG) return str;
  const c = input.charCodeAt(0);
  // The hint of resolve.go `resolveTable`.
  const hint = input === '' ? 'N'
    : c === 43 || c === 45 ? 'S'
      : c >= 48 && c <= 57 ? 'D'
        : c === 46 ? '.'
          : 'yYnNtTfFoO~'.includes(input[0]) ? 'M' : '';
  if (hint === '') return str;
  const known = RESOLVE_MAP.get(input);
  if (known !== undefined) return known;
  if (hint === '.') {
    if (GO_DOT_FLOAT.test(input)) {
      const f = Number(input.replace(/_/g, ''));
      if (Number.isFinite(f)) return { tag: FLOAT_TAG, kind: K_FLOAT, value: f, intText: '' };
    }
    return str;
  }
  if (hint === 'M') return str;
  // 'D' or 'S'. Timestamps stay strings in interface{}; only an explicit !!timestamp is checked.
  if (tag === TIMESTAMP_TAG && isGoTimestamp(input)) return { tag: TIMESTAMP_TAG, kind: K_STRING, value: input, intText: '' };
  const plain = input.includes('_') ? input.replace(/_/g, '') : input;
  if (SMALL_DECIMAL.test(plain)) {
    const v = Number(plain) + 0; // no -0
    return { tag: INT_TAG, kind: K_INT, value: v, intText: String(v) };
  }
  const i = parseGoInt(plain, true);
  if (i !== undefined && i >= INT64_MIN && i <= INT64_MAX) return integer(i, K_INT);
  const u = parseGoInt(plain, false);
  if (u !== undefined && u <= UINT64_MAX) return integer(u, K_UINT);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { tag: FLOAT_TAG, kind: K_FLOAT, value: f, intText: '' };
  }
  // The '0b' and '-0b' fallbacks of resolve.go, for binary literals strconv's base 0 rejects.
  if (plain.startsWith('0b') || plain.startsWith('-0b')) {
    const neg = plain[0] === '-';
    const digits = plain.slice(neg ? 3 : 2);
    if (/^[01]+$/.test(digits)) {
      const b = BigInt(`0b${digits}`);
      if (!neg && b <= INT64_MAX) return integer(b, K_INT);
      if (!neg && b <= UINT64_MAX) return integer(b, K_UINT);
      if (neg && -b >= INT64_MIN) return integer(-b, K_INT);
    }
  }
  return str;
}

function integer(v: bigint, kind: number): Resolved {
  return { tag: INT_TAG, kind, value: Number(v) + 0, intText: v.toString() };
}

/**
 * strconv.ParseInt(s, 0, 64) (`signed`) or ParseUint(s, 0, 64) without the range check: an
 * optional sign (ParseInt only), then 0x/0o/0b or a leading 0 for octal.
 */
function parseGoInt(s: string, signed: boolean): bigint | undefined {
  let neg = false;
  let body = s;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  if (body === '') return undefined;
  let digits: RegExp;
  let prefix = '';
  if (body[0] === '0' && body.length >= 3 && /[xX]/.test(body[1])) {
    digits = /^[0-9a-fA-F]+$/;
    prefix = '0x';
    body = body.slice(2);
  } else if (body[0] === '0' && body.length >= 3 && /[oO]/.test(body[1])) {
    digits = /^[0-7]+$/;
    prefix = '0o';
    body = body.slice(2);
  } else if (body[0] === '0' && body.length >= 3 && /[bB]/.test(body[1])) {
    digits = /^[01]+$/;
    prefix = '0b';
    body = body.slice(2);
  } else if (body[0] === '0') {
    digits = /^[0-7]*$/;
    prefix = '0o';
    body = body.slice(1);
    if (body === '') return 0n;
  } else {
    digits = /^[0-9]+$/;
  }
  if (!digits.test(body)) return undefined;
  const v = BigInt(prefix + body);
  return neg ? -v : v;
}

/**
 * resolve.go `parseTimestamp`: one of the time.Parse layouts "2006-1-2T15:4:5.999999999Z07:00"
 * (also with 't'), "2006-1-2 15:4:5.999999999" or "2006-1-2", with time.Parse's range checks.
 */
function isGoTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:([Tt])|( +))(\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(Z|[+-]\d\d:\d\d)?)?$/.exec(s);
  if (m === null) return false;
  const [, y, mo, d, t, space, h, mi, se, zone] = m;
  if (space !== undefined && zone !== undefined) return false;
  if (t !== undefined && zone === undefined) return false;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > days) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return false;
  if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
  return true;
}
