import { readFileSync } from 'fs';
import { join } from 'path';
import { ManifestDocument, readManifests } from '../../src/policy/yaml';
import { testGoVectors } from '../support';

/** What tools/yamlvectors recorded from kubectl's decoder for one case of yaml-cases.json. */
interface Vector {
  readonly name: string;
  readonly yaml: string;
  /** Every document kubectl decoded, before the error if any; null where kubectl skips one. */
  readonly documents: readonly unknown[];
  readonly error: boolean;
  readonly message?: string;
}

const CASES = join(__dirname, 'yaml-cases.json');
const VECTORS = join(__dirname, 'yaml-vectors.json');
const vectors: readonly Vector[] = JSON.parse(readFileSync(VECTORS, 'utf8'));

/** Deep equality of JSON data, numbers compared by value (-0 equals 0, big integers lose bits on both sides). */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameJson(ka, kb) && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** What kubectl acts on: the values up to the first error (it stops there), without skipped documents. */
function asKubectlSees(docs: readonly ManifestDocument[]): { documents: unknown[]; error: boolean } {
  const documents: unknown[] = [];
  for (const d of docs) {
    if (d.errors.length > 0) return { documents, error: true };
    if (d.value !== undefined && d.value !== null) documents.push(d.value);
  }
  return { documents, error: false };
}

describe('readManifests against kubectl (yaml-vectors.json)', () => {
  test('has the cases the vectors were made from', () => {
    const cases: Array<{ name: string; yaml: string }> = JSON.parse(readFileSync(CASES, 'utf8'));
    expect(vectors.map((v) => [v.name, v.yaml])).toEqual(cases.map((c) => [c.name, c.yaml]));
    expect(vectors.length).toBeGreaterThanOrEqual(150);
  });

  test.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const got = asKubectlSees(readManifests(vector.yaml));
    const want = vector.documents.filter((d) => d !== null);
    if (!sameJson(got.documents, want)) expect(got.documents).toEqual(want);
    expect({ error: got.error, message: vector.message }).toEqual({ error: vector.error, message: vector.message });
  });
});

describe('readManifests', () => {
  test('reports the line of each document and counts every chunk', () => {
    const docs = readManifests([
      '# header', // 1
      '---', // 2
      'apiVersion: v1', // 3
      'kind: A',
      '---', // 5
      '',
      '# comment',
      '  ',
      'b: 2', // 9
      '...',
      '--- # x', // 11
      '---',
      '- 1', // 13
      '',
    ].join('\n'));
    expect(docs.map((d) => [d.index, d.line, d.value])).toEqual([
      [0, 1, undefined],
      [1, 3, { apiVersion: 'v1', kind: 'A' }],
      [2, 9, { b: 2 }],
      [3, 13, [1]],
    ]);
  });

  test('reports lines with CRLF line endings and after an error', () => {
    const docs = readManifests('a: 1\r\n--- x\r\nb: [\r\n  1]\r\n---\r\n\r\nc: .nan\r\n');
    expect(docs.map((d) => [d.index, d.line, d.value, d.errors.length])).toEqual([
      [0, 2, undefined, 1],
      [1, 3, { b: [1] }, 0],
      [2, 7, undefined, 1],
    ]);
    expect(docs[0].errors[0]).toMatch(/invalid Yaml document separator: x/);
    expect(docs[2].errors[0]).toMatch(/NaN/);
  });

  test('reads a JSON stream value by value', () => {
    const docs = readManifests('{"a": 1}\n  {"b": [2]}\nc: 3\n');
    expect(docs.map((d) => [d.line, d.value, d.errors.length])).toEqual([
      [1, { a: 1 }, 0],
      [2, { b: [2] }, 0],
      [3, undefined, 1],
    ]);
  });

  test('warns about duplicate keys, which kubectl resolves silently', () => {
    const [, doc] = readManifests('a: 1\n---\nmetadata:\n  name: a\n  labels: {x: "1"}\n  name: b\n');
    expect(doc.value).toEqual({ metadata: { name: 'b', labels: { x: '1' } } });
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([expect.stringMatching(/line 6: duplicate key "name"/)]);
  });

  test('warns about keys that become the same JSON key', () => {
    const [doc] = readManifests('1: a\n"1": b\n');
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([expect.stringMatching(/both become "1"/)]);
  });

  test('does not warn about keys a merge overrides', () => {
    const [, doc] = readManifests('a: 1\n---\nbase: &b {name: x, port: 1}\napp:\n  <<: *b\n  name: z\n');
    expect(doc.value).toEqual({ base: { name: 'x', port: 1 }, app: { name: 'z', port: 1 } });
    expect(doc.warnings).toEqual([]);
  });

  test('keeps a __proto__ key as data', () => {
    const [doc] = readManifests('__proto__: {polluted: true}\n');
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(Object.keys(doc.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('never throws, whatever it is fed', () => {
    // 2,000 cut and spliced variants of the cases, from a fixed seed (mulberry32).
    let seed = 0x5eed;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const texts = vectors.map((v) => v.yaml);
    const atoms = [':', ': ', '\t', '\n', '\n  ', '- ', '? ', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!!str ', '!', '"', "'", '|', '>-', '\\', '---', '...', '<<: ', '\r\n', '\ufeff', '\u2028', '\\u263A', '%YAML 1.1\n', '{"k": 1}'];
    for (let i = 0; i < 2000; i++) {
      let text = pick(texts);
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
        const at = Math.floor(random() * (text.length + 1));
        const other = pick(texts);
        const from = Math.floor(random() * (other.length + 1));
        const r = random();
        if (r < 0.4) text = text.slice(0, at) + pick(atoms) + text.slice(at);
        else if (r < 0.7) text = text.slice(0, at) + text.slice(at + Math.floor(random() * 8));
        else text = text.slice(0, at) + other.slice(from, from + Math.floor(random() * 40)) + text.slice(at);
      }
      const docs = readManifests(text);
      docs.forEach((d, index) => {
        expect(d.index).toBe(index);
        expect(d.line).toBeGreaterThanOrEqual(1);
        for (const e of d.errors) expect(e).not.toMatch(/internal error|\n/);
        if (d.errors.length > 0) expect(d.value).toBeUndefined();
      });
    }
  });
});

describe('the vectors', () => testGoVectors('yamlvectors', CASES, VECTORS));
