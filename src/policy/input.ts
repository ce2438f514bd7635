import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ioProblem } from '../core/io';
import { FieldPath } from './structural';

/**
 * What the validator reads, and how: manifest files found as kubectl finds them, bytes decoded
 * as go-yaml decodes them, objects taken as the JSON they serialize to. Every I/O problem is a
 * one-line Error naming the path.
 */

/** Reads a file's bytes; an I/O error becomes a one-line Error naming the file. */
export function readBytes(file: string | number, name: string = String(file)): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new Error(`cannot read ${name}: ${ioProblem(e)}`);
  }
}

/**
 * The manifest files under `path`: itself if it is a file (whatever its name), else its `*.yaml`,
 * `*.yml` and `*.json`, recursively and sorted. Like kubectl's `-R` (filepath.Walk), symbolic links
 * to folders are not followed; hidden entries (`.git`, editor lock files) and `node_modules` are skipped.
 * @throws Error (one line) when `path`, or a manifest file under it, cannot be read.
 */
export function manifestFiles(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    throw new Error(`cannot read ${path}: ${ioProblem(e)}`);
  }
  if (!isDirectory) return [path];
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (e) {
    throw new Error(`cannot read ${path}: ${ioProblem(e)}`);
  }
  return entries
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return manifestFiles(child);
      if (!/\.(ya?ml|json)$/.test(entry.name)) return [];
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(child);
        } catch (e) {
          throw new Error(`cannot read ${child}: ${ioProblem(e)} (a symbolic link)`);
        }
        return target.isFile() ? [child] : [];
      }
      return entry.isFile() ? [child] : [];
    });
}

/** A manifest text, and where (if anywhere) its bytes were not valid UTF-8. */
export interface DecodedText {
  readonly text: string;
  /** The line (from 1) of the first byte sequence that is not UTF-8, which go-yaml rejects. */
  readonly invalidUtf8Line?: number;
}

/**
 * Decodes manifest bytes as go-yaml's reader does (go.yaml.in/yaml/v2 readerc.go
 * `yaml_parser_determine_encoding`): UTF-16 when a byte order mark says so, else UTF-8, where an
 * invalid sequence is an error ("invalid leading/trailing UTF-8 octet").
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.subarray(2).toString('utf16le') };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: Buffer.from(buffer.subarray(2)).swap16().toString('utf16le') };
  const text = buffer.toString('utf8');
  const bad = invalidUtf8Offset(buffer);
  if (bad === undefined) return { text };
  let line = 1;
  for (let i = 0; i < bad; i++) if (buffer[i] === 0x0a) line++;
  return { text, invalidUtf8Line: line };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function invalidUtf8Offset(b: Buffer): number | undefined {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const length = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > b.length) return i;
    for (let k = 1; k < length; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    const second = b[i + 1];
    // overlong forms, surrogates and code points above U+10FFFF
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return undefined;
}

/** A value that cannot be serialized to JSON, at its path. */
export interface NotJson {
  readonly path: FieldPath;
  readonly message: string;
}

/**
 * A copy of `value` as the JSON it serializes to (what a manifest is), with the parts JSON
 * cannot carry reported: functions, symbols, BigInts, NaN and infinities (kubectl fails on them
 * too). `toJSON` is honoured, as `JSON.stringify` does; `undefined` properties are dropped.
 */
export function toJsonData(value: unknown, problems: NotJson[], path: FieldPath = []): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return toJsonData((value as { toJSON: () => unknown }).toJSON(), problems, path);
  }
  switch (typeof value) {
    case 'string': case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      problems.push({ path, message: `${value} cannot be written as JSON (nor as YAML kubectl accepts)` });
      return null;
    case 'bigint': case 'function': case 'symbol':
      problems.push({ path, message: `a ${typeof value} is not JSON data; a manifest holds strings, numbers, booleans, lists and maps` });
      return null;
    case 'undefined':
      return null;
    default:
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item, i) => toJsonData(item, problems, [...path, i]));
      return Object.fromEntries(Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toJsonData(v, problems, [...path, k])]));
  }
}
