/**
 * The string formats the API server checks in custom resources, ported from the Go code that
 * checks them, so that a value is valid here exactly when it is valid there.
 *
 * Which formats: k8s.io/apiextensions-apiserver@v0.37.2 pkg/apiserver/validation/formats.go
 * (`supportedVersionedFormats`, filtered by `StripUnsupportedFormatsPostProcessorForVersion`)
 * keeps these in a CRD schema of `type: string` (or no type) and blanks every other format, so the
 * validator (k8s.io/kube-openapi pkg/validation/validate formats.go) ignores it. How: the
 * validators registered in `strfmt.Default` by k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad
 * pkg/validation/strfmt, and the Go 1.26 standard library functions they call.
 * test/policy/format-vectors.json (tools/formatvectors) records what that Go code says.
 */

/** Go's `\s` (RE2: ASCII space, \t, \n, \f, \r; JavaScript's `\s` is wider). */
const GO_SPACE = String.raw`[\t\n\f\r ]`;

// ---- IP addresses ----------------------------------------------------------------------------

/** IPv4 as net/netip parseIPv4Fields reads it (Go 1.26 net/netip/netip.go): no leading zeros. */
function strictIPv4(s: string): boolean {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(s);
  return m !== null && m.slice(1).every((f) => Number(f) <= 255);
}

/**
 * IPv4 as k8s.io/utils@v0.0.0-20260626114624-be93311217bd internal/third_party/forked/golang/net
 * ip.go parseIPv4 reads it (Go 1.16's net.ParseIP): any number of leading zeros.
 */
function sloppyIPv4(s: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  return m !== null && m.slice(1).every((f) => Number(f) <= 255);
}

/**
 * IPv6 without a zone, as Go 1.26 net/netip/netip.go parseIPv6 reads it (at most 4 hex digits a
 * group, strict embedded IPv4) or, `sloppy`, as the k8s.io/utils fork of Go 1.16's parseIPv6
 * does (any number of digits worth at most 0xffff, embedded IPv4 with leading zeros).
 */
function ipv6(s: string, sloppy: boolean): boolean {
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return true;
  }
  let i = 0;
  while (i < 16) {
    const digits = /^[0-9a-fA-F]*/.exec(s)![0];
    if (digits === '' || (sloppy ? parseInt(digits, 16) > 0xffff : digits.length > 4)) return false;
    if (s[digits.length] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16 || !(sloppy ? sloppyIPv4(s) : strictIPv4(s))) return false;
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(digits.length);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return false;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  return s === '' && (i < 16 ? ellipsis >= 0 : ellipsis < 0);
}

/** Go 1.26 net/netip/netip.go ParseAddr: the family of the address `s` writes, and whether it names a zone. */
function parseAddr(s: string): { readonly family: 4 | 6; readonly zone: boolean } | undefined {
  const first = /[.:%]/.exec(s)?.[0];
  if (first === '.') return strictIPv4(s) ? { family: 4, zone: false } : undefined;
  if (first !== ':') return undefined;
  const percent = s.indexOf('%');
  if (percent === s.length - 1) return undefined;
  return ipv6(percent < 0 ? s : s.slice(0, percent), false) ? { family: 6, zone: percent >= 0 } : undefined;
}

/** k8s.io/utils@v0.0.0-20260626114624-be93311217bd net/parse.go ParseIPSloppy. */
function parseIPSloppy(s: string): boolean {
  const first = /[.:]/.exec(s)?.[0];
  return first === '.' ? sloppyIPv4(s) : first === ':' && ipv6(s, true);
}

/** k8s.io/utils@v0.0.0-20260626114624-be93311217bd net/parse.go ParseCIDRSloppy (the prefix may have leading zeros). */
function parseCIDRSloppy(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = sloppyIPv4(addr) ? 32 : ipv6(addr, true) ? 128 : undefined;
  const prefix = s.slice(slash + 1);
  return bits !== undefined && /^\d+$/.test(prefix) && Number(prefix) <= bits;
}

/** Go 1.26 net/mac.go ParseMAC: 6, 8 or 20 bytes, as `xx:xx…`, `xx-xx…`, `xxxx.xxxx…` or bare hex digits. */
function parseMAC(s: string): boolean {
  if (s.length < 12) return false;
  const separator = s[2] === ':' || s[2] === '-' ? s[2] : s[4] === '.' ? '.' : undefined;
  const width = separator === undefined ? s.length : separator === '.' ? 4 : 2;
  const groups = separator === undefined ? [s] : s.split(separator);
  return groups.every((g) => g.length === width && /^[0-9a-fA-F]+$/.test(g)) && [6, 8, 20].includes((groups.length * width) / 2);
}

// ---- URIs --------------------------------------------------------------------------------------

/** The ASCII characters Go's net/url lets a host or zone hold unescaped (Go 1.26 net/url/encoding_table.go, encodeHost). */
const HOST_CHAR = /[A-Za-z0-9\-._~!"$&'()*+,;=:[\]<>]/;

const enum Escaping { PATH, HOST, ZONE, USER }

/** Go 1.26 net/url/url.go unescape, over UTF-8 bytes (one char each); undefined where Go fails. */
function unescape(s: string, mode: Escaping): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      const v = parseInt(hex, 16);
      if (mode === Escaping.HOST && v < 0x80 && hex !== '25') return undefined;
      if (mode === Escaping.ZONE && hex !== '25' && v !== 0x20 && !(v < 0x80 && HOST_CHAR.test(String.fromCharCode(v)))) return undefined;
      out += String.fromCharCode(v);
      i += 2;
    } else {
      if ((mode === Escaping.HOST || mode === Escaping.ZONE) && s.charCodeAt(i) < 0x80 && !HOST_CHAR.test(s[i])) return undefined;
      out += s[i];
    }
  }
  return out;
}

/** Go 1.26 net/url/url.go validOptionalPort. */
const validOptionalPort = (port: string): boolean => /^(?::\d*)?$/.test(port);

/**
 * Go 1.26 net/url/url.go parseHost, with GODEBUG urlstrictcolons=1: the default for a main module
 * at go 1.26, as Kubernetes v1.37.2's go.mod is (`godebug default=go1.26`).
 */
function validHost(scheme: string, host: string): boolean {
  const open = host.lastIndexOf('[');
  if (open > 0) return false;
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0 || !validOptionalPort(host.slice(close + 1))) return false;
    const hostname = host.slice(1, close);
    const zone = hostname.indexOf('%25');
    const parts = zone < 0 ? [unescape(hostname, Escaping.HOST)] : [unescape(hostname.slice(0, zone), Escaping.HOST), unescape(hostname.slice(zone), Escaping.ZONE)];
    return !parts.includes(undefined) && parseAddr(parts.join(''))?.family === 6;
  }
  const colon = host.indexOf(':');
  if (colon >= 0 && !validOptionalPort(host.slice(scheme === 'http' || scheme === 'https' ? colon : host.lastIndexOf(':')))) return false;
  return unescape(host, Escaping.HOST) !== undefined;
}

/** Go 1.26 net/url/url.go parseAuthority. */
function validAuthority(scheme: string, authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (!validHost(scheme, authority.slice(at + 1))) return false;
  if (at < 0) return true;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo) && parts.every((p) => unescape(p, Escaping.USER) !== undefined);
}

/** Go 1.26 net/url/url.go ParseRequestURI (parse with viaRequest), over the UTF-8 bytes of `value`. */
function isRequestURI(value: string): boolean {
  const s = Buffer.from(value, 'utf8').toString('latin1');
  if (s === '' || s[0] === ':' || /[\x00-\x1f\x7f]/.test(s)) return false;
  if (s === '*') return true;
  const m = /^([a-zA-Z][a-zA-Z0-9+\-.]*):/.exec(s);
  const scheme = m === null ? '' : m[1].toLowerCase();
  let rest = (m === null ? s : s.slice(m[0].length)).split('?')[0];
  if (!rest.startsWith('/')) return scheme !== '';
  if (scheme !== '' && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    if (!validAuthority(scheme, rest.slice(2, slash < 0 ? undefined : slash))) return false;
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  return unescape(rest, Escaping.PATH) !== undefined;
}

// ---- Email addresses ------------------------------------------------------------------------

/** RFC 5322 VCHAR as Go's net/mail takes it (isVchar): printable ASCII or any non-ASCII character (RFC 6532). */
const isVchar = (c: number): boolean => (c >= 0x21 && c <= 0x7e) || c >= 0x80;
const isWSP = (c: number): boolean => c === 0x20 || c === 0x09;
const isAtext = (c: number, dot: boolean): boolean => (c === 0x2e ? dot : !'()<>[]:;@\\,"'.includes(String.fromCharCode(c)) && isVchar(c));
const isQtext = (c: number): boolean => c !== 0x5c && c !== 0x22 && isVchar(c);
const isDtext = (c: number): boolean => c !== 0x5b && c !== 0x5d && c !== 0x5c && isVchar(c);

/**
 * What net/mail's decodeRFC2047Word makes of a word (Go 1.26 mime/encodedword.go
 * WordDecoder.Decode): not an encoded-word, one with no text or with some, or one whose charset
 * net/mail cannot read (an error, but only once the encoded text decoded).
 */
function encodedWord(word: string): 'plain' | 'empty' | 'text' | 'charset' {
  const m = /^=\?([^?]+)\?([\x00-\x3e\x40-\x7f])\?([^?]*)\?=$/.exec(word);
  if (m === null) return 'plain';
  const [, charset, encoding, text] = m;
  const base64 = text.replace(/[\r\n]/g, '');
  const decodes = 'Bb'.includes(encoding) ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(base64)
    : 'Qq'.includes(encoding) && /^(?:=[0-9A-Fa-f]{2}|[\t\n\r\x20-\x3c\x3e-\x7e])*$/.test(text);
  if (!decodes) return 'plain';
  // strings.EqualFold: among the letters of these names only 's' has a non-ASCII fold, 'ſ'.
  const folded = charset.replace(/[A-Zſ]/g, (c) => (c === 'ſ' ? 's' : c.toLowerCase()));
  if (!['utf-8', 'iso-8859-1', 'us-ascii'].includes(folded)) return 'charset';
  return ('Bb'.includes(encoding) ? base64 : text) === '' ? 'empty' : 'text';
}

/**
 * Go 1.26 net/mail/message.go addrParser, as ParseAddress uses it. It reads UTF-16 code units
 * where Go reads bytes and runes: every non-ASCII character is a VCHAR to Go, so only ASCII decides.
 */
class AddressParser {
  private pos = 0;

  public constructor(private readonly s: string) {}

  /** parseSingleAddress: one mailbox, or a group of one. */
  public single(): boolean {
    const n = this.address(true);
    return n !== undefined && this.skipCFWS() && this.pos === this.s.length && n === 1;
  }

  /** parseAddress: how many addresses there are (a group may have none or several); undefined when malformed. */
  private address(handleGroup: boolean): number | undefined {
    this.skipSpace();
    if (this.pos === this.s.length) return undefined;
    if (this.addrSpec()) {
      this.skipSpace();
      return this.s[this.pos] === '(' && !this.displayNameComment() ? undefined : 1;
    }
    if (this.s[this.pos] !== '<' && !this.phrase()) return undefined;
    this.skipSpace();
    if (handleGroup && this.consume(':')) return this.groupList();
    return this.consume('<') && this.addrSpec() && this.consume('>') ? 1 : undefined;
  }

  /** consumeGroupList. */
  private groupList(): number | undefined {
    this.skipSpace();
    if (this.consume(';')) return this.skipCFWS() ? 0 : undefined;
    let n = 0;
    for (;;) {
      this.skipSpace();
      const got = this.address(false);
      if (got === undefined || !this.skipCFWS()) return undefined;
      n += got;
      if (this.consume(';')) return this.skipCFWS() ? n : undefined;
      if (!this.consume(',')) return undefined;
    }
  }

  /** consumeAddrSpec: local-part "@" domain; where it fails, nothing is consumed. */
  private addrSpec(): boolean {
    const start = this.pos;
    this.skipSpace();
    const local = this.pos === this.s.length ? undefined : this.s[this.pos] === '"' ? this.quotedString() : this.atom(true, false);
    let ok = local !== undefined && local !== '' && this.consume('@');
    if (ok) {
      this.skipSpace();
      ok = this.pos < this.s.length && (this.s[this.pos] === '[' ? this.domainLiteral() : this.atom(true, false) !== undefined);
    }
    if (!ok) this.pos = start;
    return ok;
  }

  /** consumePhrase: words, some of them RFC 2047 encoded-words; an error only when there is no word. */
  private phrase(): boolean {
    let words = 0;
    let encoded = false; // decoded text not yet a word (Go's non-empty sb)
    let failed = false;
    for (;;) {
      if (words > 0 && !this.skipCFWS()) return false;
      this.skipSpace();
      if (this.pos === this.s.length) break;
      let kind: ReturnType<typeof encodedWord> = 'plain';
      if (this.s[this.pos] === '"') {
        failed = this.quotedString() === undefined;
      } else {
        const atom = this.atom(true, true);
        if (atom !== undefined) kind = encodedWord(atom);
        failed = atom === undefined || kind === 'charset';
      }
      if (failed) break;
      if (kind === 'plain') {
        words += encoded ? 2 : 1;
        encoded = false;
      } else {
        encoded ||= kind === 'text';
      }
    }
    if (encoded) words++;
    return !failed || words > 0;
  }

  /** consumeQuotedString: the text between the quotes; undefined when malformed. */
  private quotedString(): string | undefined {
    let text = '';
    let escaped = false;
    for (let i = this.pos + 1; i < this.s.length; i++) {
      const c = this.s.charCodeAt(i);
      if (escaped) {
        if (!isVchar(c) && !isWSP(c)) return undefined;
        escaped = false;
      } else if (c === 0x22) {
        this.pos = i + 1;
        return text;
      } else if (c === 0x5c) {
        escaped = true;
        continue;
      } else if (!isQtext(c) && !isWSP(c)) {
        return undefined;
      }
      text += this.s[i];
    }
    return undefined;
  }

  /** consumeAtom: a dot-atom (`dot`); `permissive` allows leading, trailing and double dots. */
  private atom(dot: boolean, permissive: boolean): string | undefined {
    let end = this.pos;
    while (end < this.s.length && isAtext(this.s.charCodeAt(end), dot)) end++;
    if (end === this.pos) return undefined;
    const atom = this.s.slice(this.pos, end);
    this.pos = end;
    return permissive || !/^\.|\.\.|\.$/.test(atom) ? atom : undefined;
  }

  /** consumeDomainLiteral: `[` dtext `]`, where the dtext must be an IP address (net.ParseIP). */
  private domainLiteral(): boolean {
    const start = ++this.pos;
    while (this.pos < this.s.length && this.s[this.pos] !== ']') {
      if (!isDtext(this.s.charCodeAt(this.pos++))) return false;
    }
    if (!this.consume(']')) return false;
    const addr = parseAddr(this.s.slice(start, this.pos - 1));
    return addr !== undefined && !addr.zone;
  }

  /** consumeDisplayNameComment: a comment after an addr-spec, whose encoded-words must have known charsets. */
  private displayNameComment(): boolean {
    this.pos++;
    const comment = this.comment();
    return comment !== undefined && comment.split(/[ \t]+/).every((w) => encodedWord(w) !== 'charset');
  }

  /** consumeComment, after its `(`: the text without the quoting backslashes; undefined when unclosed. */
  private comment(): string | undefined {
    let depth = 1;
    let text = '';
    while (this.pos < this.s.length && depth > 0) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length) this.pos++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth > 0) text += this.s[this.pos];
      this.pos++;
    }
    return depth === 0 ? text : undefined;
  }

  /** skipCFWS: spaces and comments; false for an unclosed comment. */
  private skipCFWS(): boolean {
    this.skipSpace();
    while (this.consume('(')) {
      if (this.comment() === undefined) return false;
      this.skipSpace();
    }
    return true;
  }

  private skipSpace(): void {
    while (this.s[this.pos] === ' ' || this.s[this.pos] === '\t') this.pos++;
  }

  private consume(c: string): boolean {
    if (this.s[this.pos] !== c) return false;
    this.pos++;
    return true;
  }
}

// ---- Hostnames ------------------------------------------------------------------------------

/** strfmt HostnamePattern; `\p{L}` and `\p{S}` as Go 1.26 reads them once AFTER_UNICODE_15_0 is ruled out. */
const HOSTNAME = /^(?:[a-zA-Z0-9\p{S}\p{L}](?:-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?|(?:[a-zA-Z0-9\p{S}\p{L}](?:[a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?\.)+[a-zA-Z\p{L}]{2,63})$/u;

/**
 * The letters and symbols Unicode 15.1 to 17.0 added: Go 1.26's regexp tables are Unicode 15.0, so
 * no class of the hostname pattern holds them there, while Node's tables may. (Node 20.20 has 17.0;
 * characters a later Unicode adds would slip through.)
 */
const AFTER_UNICODE_15_0 = new RegExp(`[${(
  '88f c5c cdc 1c89-1c8a 20c1 2427-2429 2b96 2ffc-2fff 31e4-31e5 31ef a7cb-a7cf a7d2 a7d4 a7da-a7dc a7f1 fbc3-fbd2 ' +
  'fd90-fd91 fdc8-fdce 105c0-105f3 10940-10959 10d4a-10d65 10d6f-10d85 10d8e-10d8f 10ec2-10ec7 10ed1-10ed8 11380-11389 ' +
  '1138b 1138e 11390-113b5 113b7 113d1 113d3 11bc0-11be0 11db0-11ddb 13460-143fa 16100-1611d 16d40-16d6c 16ea0-16eb8 ' +
  '16ebb-16ed3 16ff2-16ff3 187f8-187ff 18cff 18d09-18d1e 18d80-18df2 1cc00-1ccef 1ccfa-1ccfc 1cd00-1ceb3 1ceba-1ced0 ' +
  '1cee0-1cef0 1e5d0-1e5ed 1e5f0 1e6c0-1e6de 1e6e0-1e6e2 1e6e4-1e6e5 1e6e7-1e6ed 1e6f0-1e6f4 1e6fe-1e6ff 1f6d8 ' +
  '1f777-1f77a 1f8b2-1f8bb 1f8c0-1f8c1 1f8d0-1f8d8 1fa54-1fa57 1fa89-1fa8a 1fa8e-1fa8f 1fabe 1fac6 1fac8 1facd 1fadc ' +
  '1fadf 1fae9-1faea 1faef 1fbcb-1fbef 1fbfa 2b73a-2b73f 2cea2-2cead 2ebf0-2ee5d 323b0-33479'
).replace(/[0-9a-f]+/g, (cp) => `\\u{${cp}}`).replace(/ /g, '')}]`, 'u');

/** k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad pkg/validation/strfmt/default.go IsHostname (lengths in UTF-8 bytes). */
function isHostname(s: string): boolean {
  return Buffer.byteLength(s) <= 255 && !AFTER_UNICODE_15_0.test(s) && HOSTNAME.test(s) && s.split('.').every((p) => Buffer.byteLength(p) <= 63);
}

// ---- Dates, times and durations -------------------------------------------------------------

/** Go 1.26 time.Parse("2006-01-02", s) (time/format.go): the day must exist in its month. */
function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** strfmt DateTimePattern; Go's `.` is any character but \n. */
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:[^\n]\d+)?(?:z|[+-]\d{2}:\d{2})$/u;

/**
 * k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad pkg/validation/strfmt/time.go IsDateTime:
 * lowercased and split at every `t`, a date before the first and a time after it; anything after a
 * second `t` is ignored. (Go's strings.ToLower maps no non-ASCII character to ASCII that matters here.)
 */
function isDateTime(s: string): boolean {
  const parts = s.replace(/[A-Z]+/g, (c) => c.toLowerCase()).split('t');
  const m = parts.length < 2 || !isDate(parts[0]) ? null : TIME.exec(parts[1]);
  return m !== null && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

const NANOSECONDS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n], ['us', 1000n], ['µs', 1000n], ['μs', 1000n], ['ms', 1000_000n], ['s', 1000_000_000n], ['m', 60_000_000_000n], ['h', 3600_000_000_000n],
]);

/** Go 1.26 time.ParseDuration (time/format.go), overflow checks included. */
function goParseDuration(s: string): boolean {
  const max = 1n << 63n;
  const sign = /^[-+]?/.exec(s)![0];
  s = s.slice(sign.length);
  if (s === '0') return true;
  if (s === '') return false;
  let total = 0n;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?([^.0-9]*)/.exec(s)!;
    const [, whole, fraction, unitName] = m;
    s = s.slice(m[0].length);
    const unit = NANOSECONDS.get(unitName);
    if ((whole === '' && !fraction) || unit === undefined) return false;
    let v = 0n;
    for (const d of whole) {
      if (v > max / 10n) return false;
      v = v * 10n + BigInt(d);
      if (v > max) return false;
    }
    let f = 0n;
    let scale = 1;
    for (const d of fraction ?? '') {
      if (f > (max - 1n) / 10n || f * 10n + BigInt(d) > max) break;
      f = f * 10n + BigInt(d);
      scale *= 10;
    }
    if (v > max / unit) return false;
    v = v * unit + (f > 0n ? BigInt(Math.trunc(Number(f) * (Number(unit) / scale))) : 0n);
    total += v;
    if (v > max || total > max) return false;
  }
  return sign === '-' || total < max;
}

/** The scala-style units of strfmt/duration.go: a unit matches its names, or starts with the last one. */
const DURATION_UNITS = [['ns', 'nano'], ['us', 'µs', 'micro'], ['ms', 'milli'], ['s', 'sec'], ['m', 'min'], ['h', 'hr', 'hour'], ['d', 'day'], ['w', 'wk', 'week']];

/**
 * strfmt/duration.go durationMatcher, `((\d+)\s*([A-Za-zµ]+))`. Its matches start where a run of
 * digits starts and take all of it, so the run is matched atomically (a lookahead and a
 * back-reference) and only from its start: RE2 is linear, a backtracking engine would not be.
 */
const DURATION_PART = new RegExp(`(?<![0-9])(?=([0-9]+))\\1${GO_SPACE}*([A-Za-zµ]+)`, 'g');

/**
 * k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad pkg/validation/strfmt/duration.go
 * IsDuration (ParseDuration): Go's time.ParseDuration, else any `<digits> <unit>` found anywhere
 * in the string (the rest is ignored), failing only when a number does not fit an int64.
 */
function isDuration(s: string): boolean {
  if (goParseDuration(s)) return true;
  let ok = false;
  for (const [, digits, name] of s.matchAll(DURATION_PART)) {
    if (BigInt(digits) >= 1n << 63n) return false;
    const unit = name.toLowerCase();
    ok ||= DURATION_UNITS.some((names) => names.some((n, i) => n === unit || (i === names.length - 1 && unit.startsWith(n))));
  }
  return ok;
}

// ---- Numbers and codes ----------------------------------------------------------------------

/** govalidator whiteSpacesAndMinus. */
const ISBN_SEPARATORS = new RegExp(`(?:${GO_SPACE}|-)+`, 'g');

/** k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad pkg/internal/third_party/govalidator validator.go IsISBN. */
function isISBN(s: string, version: 10 | 13): boolean {
  const digits = s.replace(ISBN_SEPARATORS, '');
  const d = (i: number): number => digits.charCodeAt(i) - 48;
  if (version === 10) {
    if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(digits)) return false;
    let sum = digits[9] === 'X' ? 100 : 10 * d(9);
    for (let i = 0; i < 9; i++) sum += (i + 1) * d(i);
    return sum % 11 === 0;
  }
  if (!/^[0-9]{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * d(i);
  return d(12) === (10 - (sum % 10)) % 10;
}

/** k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad pkg/internal/third_party/govalidator validator.go IsCreditCard: the digits, a known issuer prefix, the Luhn sum. */
function isCreditCard(s: string): boolean {
  const digits = s.replace(/[^0-9]+/g, '');
  if (!/^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const d = (digits.charCodeAt(i) - 48) * (double ? 2 : 1);
    sum += d >= 10 ? (d % 10) + 1 : d;
  }
  return sum % 10 === 0;
}

const RGB_BYTE = '(?:0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])';
const RGB_COLOR = new RegExp(`^rgb\\(${GO_SPACE}*${RGB_BYTE}${GO_SPACE}*,${GO_SPACE}*${RGB_BYTE}${GO_SPACE}*,${GO_SPACE}*${RGB_BYTE}${GO_SPACE}*\\)$`);

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const SHORT_NAME = new RegExp(`^${LABEL}$`);
const LONG_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

// ---- The table ------------------------------------------------------------------------------

/**
 * The formats the API server validates in custom resources, by the name it knows them by: every
 * `-` dropped (`datetime` for `date-time`, `k8sshortname` for `k8s-short-name`). Use
 * {@link formatValidator} to look a schema's `format` up the way the API server does.
 *
 * Each is true when the API server accepts the string. Unless cited otherwise, a function lives
 * in k8s.io/kube-openapi@v0.0.0-20260721132016-d427ff9ee9ad, pkg/validation/strfmt (the named
 * file) or pkg/internal/third_party/govalidator (govalidator.*).
 */
export const FORMATS: Readonly<Record<string, (value: string) => boolean>> = Object.freeze({
  /** bson.go IsBSONObjectID: strfmt/bson ObjectIDFromHex, 24 hex digits. */
  bsonobjectid: (s: string) => /^[0-9a-fA-F]{24}$/.test(s),
  /** default.go: govalidator.IsRequestURI, Go's url.ParseRequestURI. */
  uri: isRequestURI,
  /** default.go IsEmail: Go's mail.ParseAddress. */
  email: (s: string) => new AddressParser(s).single(),
  /** default.go IsHostname. */
  hostname: isHostname,
  /** default.go isIPv4: k8s.io/utils net.ParseIPSloppy, and a `.` somewhere. */
  ipv4: (s: string) => parseIPSloppy(s) && s.includes('.'),
  /** default.go: govalidator.IsIPv6, Go's net.ParseIP (netip, no zone), and a `:` somewhere. */
  ipv6: (s: string) => {
    const addr = parseAddr(s);
    return addr?.family === 6 && !addr.zone;
  },
  /** default.go isCIDR: k8s.io/utils net.ParseCIDRSloppy. */
  cidr: parseCIDRSloppy,
  /** default.go: govalidator.IsMAC, Go's net.ParseMAC. */
  mac: parseMAC,
  /** default.go IsUUID (UUIDPattern). */
  uuid: (s: string) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  /** default.go IsUUID3 (UUID3Pattern). */
  uuid3: (s: string) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  /** default.go IsUUID4 (UUID4Pattern). */
  uuid4: (s: string) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s),
  /** default.go IsUUID5 (UUID5Pattern). */
  uuid5: (s: string) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s),
  /** default.go: govalidator.IsISBN10 or IsISBN13. */
  isbn: (s: string) => isISBN(s, 10) || isISBN(s, 13),
  /** default.go: govalidator.IsISBN10. */
  isbn10: (s: string) => isISBN(s, 10),
  /** default.go: govalidator.IsISBN13. */
  isbn13: (s: string) => isISBN(s, 13),
  /** default.go: govalidator.IsCreditCard. */
  creditcard: isCreditCard,
  /** default.go: govalidator.IsSSN (11 bytes, SSN pattern). */
  ssn: (s: string) => s.length === 11 && /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s),
  /** default.go: govalidator.IsHexcolor. */
  hexcolor: (s: string) => /^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s),
  /** default.go: govalidator.IsRGBcolor. */
  rgbcolor: (s: string) => RGB_COLOR.test(s),
  /** default.go: govalidator.IsBase64, padded standard alphabet, nothing else (no newlines). */
  byte: (s: string) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(s),
  /** default.go: anything. */
  password: () => true,
  /** date.go IsDate. */
  date: isDate,
  /** duration.go IsDuration. */
  duration: isDuration,
  /** time.go IsDateTime. */
  datetime: isDateTime,
  /** kubernetes-extensions.go IsShortName: a DNS label in lowercase, at most 63 characters. */
  k8sshortname: (s: string) => s.length <= 63 && SHORT_NAME.test(s),
  /** kubernetes-extensions.go IsLongName: dot-separated lowercase labels of any length, at most 253 characters. */
  k8slongname: (s: string) => s.length <= 253 && LONG_NAME.test(s),
});

/**
 * The check the API server makes of a string whose CRD schema (of `type: string`, or with no
 * type) has this `format`, or undefined when it ignores the format. Like go-openapi's registry it
 * drops every `-` from the name first, so `date-time`, `datetime` and `date-ti-me` are one format.
 */
export function formatValidator(format: string): ((value: string) => boolean) | undefined {
  const name = format.replaceAll('-', '');
  return Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
}
