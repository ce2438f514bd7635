/**
 * Runs the manifest corpus under `test/policy/corpus/` through the validator.
 *
 * - `valid/*.yaml`: realistic, correct manifests; each must produce no finding at all.
 * - `invalid/*.yaml`: one deliberate defect each; a header line per expected finding,
 *   `# expect: <severity> <path> /<regex on message>/[flags]`, and the findings must match the
 *   expectations exactly (same count, each expectation met by its own finding).
 * - `suspect/*.yaml` is not run: minimal reproductions of suspected validator bugs (see each file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { formatFinding, type Finding, type Severity } from '../../src/policy';
import { sharedValidator } from '../support';

const CORPUS_DIR = path.join(__dirname, 'corpus');

// The first document of a kind compiles its schema (some CRDs are over 1 MB); later ones hit the cache.
jest.setTimeout(60_000);

const validator = sharedValidator();

function corpusFiles(folder: 'valid' | 'invalid'): string[] {
  const dir = path.join(CORPUS_DIR, folder);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

function read(folder: 'valid' | 'invalid', name: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, folder, name), 'utf8');
}

interface Expectation {
  readonly severity: Severity;
  readonly path: string;
  readonly message: RegExp;
  /** The header line, for failure messages. */
  readonly source: string;
}

const EXPECT_LINE = /^#\s*expect:\s*(.*?)\s*$/;
const EXPECT_BODY = /^(error|warning)\s+(\S+)\s+\/(.*)\/([dgimsuy]*)$/;

/** The `# expect:` header lines of an invalid manifest. */
function parseExpectations(text: string, file: string): Expectation[] {
  const expectations: Expectation[] = [];
  for (const line of text.split('\n')) {
    const header = EXPECT_LINE.exec(line);
    if (header === null) continue;
    const body = EXPECT_BODY.exec(header[1]);
    if (body === null) throw new Error(`${file}: malformed expectation ${JSON.stringify(line)}; want "# expect: <error|warning> <path> /<regex>/"`);
    expectations.push({ severity: body[1] as Severity, path: body[2], message: new RegExp(body[3], body[4]), source: line.trim() });
  }
  return expectations;
}

function meets(expectation: Expectation, finding: Finding): boolean {
  return expectation.severity === finding.severity && expectation.path === finding.path && expectation.message.test(finding.message);
}

/**
 * Pairs expectations with findings, one to one, maximising the pairs (augmenting paths), so
 * that overlapping regexes cannot make a correct result look wrong. Returns what is left over.
 */
function match(expectations: readonly Expectation[], findings: readonly Finding[]): { unmet: Expectation[]; unexpected: Finding[] } {
  const owner: (number | undefined)[] = findings.map(() => undefined);
  const assign = (e: number, seen: Set<number>): boolean => {
    for (let f = 0; f < findings.length; f++) {
      if (seen.has(f) || !meets(expectations[e], findings[f])) continue;
      seen.add(f);
      const previous = owner[f];
      if (previous === undefined || assign(previous, seen)) {
        owner[f] = e;
        return true;
      }
    }
    return false;
  };
  const unmet = expectations.filter((_, e) => !assign(e, new Set()));
  const unexpected = findings.filter((_, f) => owner[f] === undefined);
  return { unmet, unexpected };
}

const validFiles = corpusFiles('valid');
const invalidFiles = corpusFiles('invalid');

describe('manifest corpus', () => {
  test('has at least 16 valid and 20 invalid manifests', () => {
    expect(validFiles.length).toBeGreaterThanOrEqual(16);
    expect(invalidFiles.length).toBeGreaterThanOrEqual(20);
  });

  test('invalid manifests cover every project', () => {
    const groups = new Set(
      invalidFiles.map((name) => {
        const apiVersion = String(parseDocument(read('invalid', name)).get('apiVersion') ?? '');
        return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
      }),
    );
    const projects: Record<string, (group: string) => boolean> = {
      strimzi: (g) => g === 'kafka.strimzi.io',
      'cert-manager': (g) => g === 'cert-manager.io',
      'gateway-api': (g) => g === 'gateway.networking.k8s.io',
      'envoy-gateway': (g) => g === 'gateway.envoyproxy.io',
      istio: (g) => g === 'networking.istio.io',
      kubernetes: (g) => g === '' || g === 'apps' || g === 'policy' || g === 'networking.k8s.io',
      'argo-cd': (g) => g === 'argoproj.io',
      'prometheus-operator': (g) => g === 'monitoring.coreos.com',
    };
    const missing = Object.entries(projects).filter(([, covers]) => ![...groups].some(covers)).map(([project]) => project);
    expect(missing).toEqual([]);
  });

  describe('valid', () => {
    test.each(validFiles)('%s has no findings', (name) => {
      const result = validator.validateText(read('valid', name), `valid/${name}`);
      expect(result.documents).toBe(1);
      if (result.findings.length > 0) {
        throw new Error(`expected no findings, got ${result.findings.length}:\n${result.findings.map(formatFinding).join('\n')}`);
      }
    });
  });

  describe('invalid', () => {
    test.each(invalidFiles)('%s has exactly the expected findings', (name) => {
      const text = read('invalid', name);
      const expectations = parseExpectations(text, name);
      expect(expectations.length).toBeGreaterThan(0);

      const result = validator.validateText(text, `invalid/${name}`);
      expect(result.documents).toBe(1);
      const { unmet, unexpected } = match(expectations, result.findings);
      if (unmet.length > 0 || unexpected.length > 0 || result.findings.length !== expectations.length) {
        throw new Error(
          [
            `expected ${expectations.length} finding(s), got ${result.findings.length}`,
            ...unmet.map((e) => `  not found:  ${e.source}`),
            ...unexpected.map((f) => `  unexpected: ${formatFinding(f)}`),
            'all findings:',
            ...result.findings.map((f) => `  ${formatFinding(f)}`),
          ].join('\n'),
        );
      }
    });
  });
});
