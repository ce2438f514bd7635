import { readFileSync } from 'fs';
import { join } from 'path';
import { FORMATS, formatValidator } from '../../src/policy/formats';
import { testGoVectors } from '../support';

/** What tools/formatvectors recorded from the API server's code for one group of format-cases.json. */
interface Vector {
  readonly format: string;
  /** Whether the API server checks this format in a CRD schema at all. */
  readonly validated: boolean;
  /** The values of the group it accepts and rejects, in their order. */
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
}

const CASES = join(__dirname, 'format-cases.json');
const VECTORS = join(__dirname, 'format-vectors.json');
const { formats: vectors }: { formats: readonly Vector[] } = JSON.parse(readFileSync(VECTORS, 'utf8'));

const normalized = (format: string): string => format.replaceAll('-', '');
const label = (value: string): string => JSON.stringify(value);

describe('FORMATS against the API server (format-vectors.json)', () => {
  test('has the cases the vectors were made from', () => {
    const cases: Array<{ format: string; values: string[] }> = JSON.parse(readFileSync(CASES, 'utf8'));
    expect(vectors.map((v) => [v.format, [...v.valid, ...v.invalid].sort()])).toEqual(cases.map((c) => [c.format, [...c.values].sort()]));
  });

  test('holds exactly the formats the API server validates, each with at least 40 cases', () => {
    const validated = [...new Set(vectors.filter((v) => v.validated).map((v) => normalized(v.format)))].sort();
    expect(Object.keys(FORMATS).sort()).toEqual(validated);
    for (const name of validated) {
      const cases = vectors.filter((v) => normalized(v.format) === name).flatMap((v) => [...v.valid, ...v.invalid]);
      expect({ name, enough: cases.length >= 40 }).toEqual({ name, enough: true });
    }
  });

  describe.each(vectors.map((v) => [v.format, v] as const))('format %j', (_format, vector) => {
    test(vector.validated ? 'is validated' : 'is ignored', () => {
      expect(formatValidator(vector.format) !== undefined).toBe(vector.validated);
    });

    if (vector.validated) {
      const cases = [...vector.valid.map((v) => [label(v), v, true] as const), ...vector.invalid.map((v) => [label(v), v, false] as const)];
      test.each(cases)('%s', (_label, value, valid) => {
        expect(formatValidator(vector.format)!(value)).toBe(valid);
      });
    }
  });

  test('ignores names the object prototype has', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(formatValidator(name)).toBeUndefined();
  });
});

describe('the vectors', () => testGoVectors('formatvectors', CASES, VECTORS));
