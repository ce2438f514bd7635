// kube-score and kube-linter, the policy tools platform teams run, on every example folder of
// dist/ with the configuration the project ships (lint/): no finding on anything the library
// writes. Each check the configuration turns off carries its reason there.
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { clusterFolders, ROOT } from '../kube/clusters';
import { kubeLinter, lintTool, lintToolVersion } from '../lint-tools';

const DIST = join(ROOT, 'dist');
const SCORE_ARGS_FILE = join(ROOT, 'lint', 'kube-score.args');
const LINTER_CONFIG = join(ROOT, 'lint', 'kube-linter.yaml');
/** The README's use of lint/kube-score.args: the file less its comments, split on whitespace. */
const SCORE_ARGS = readFileSync(SCORE_ARGS_FILE, 'utf8').replace(/#.*/g, '').split(/\s+/).filter((a) => a !== '');

/** Writes past jest's console decoration: the stage's notes are a report. */
const report = (line: string) => process.stderr.write(`${line}\n`);

const kubeScore = lintTool('kube-score')?.path;
if (kubeScore === undefined) report('skipped kube-score: go is not on PATH (in CI this fails)');
const linter = kubeLinter();
if (linter === undefined) {
  report('skipped kube-linter: the Go module proxy serves no kube-linter (golang.stackrox.io/kube-linter and '
    + 'github.com/stackrox/kube-linter are refused), so it cannot be built here; set KUBE_LINTER to a kube-linter binary to run it');
}

/** The example folders: every dist/<environment>/<cluster>/ and argocd/ folder, as `kubectl apply` takes them. */
const folders = clusterFolders(DIST).map((f) => ({ name: f.path, dir: join(ROOT, f.path) }));
const manifests = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort().map((f) => join(dir, f));

/** kube-score's findings (lines other than [OK] and [SKIPPED] in its ci format) with the shipped arguments. */
function scoreFindings(files: readonly string[]): string[] {
  const run = spawnSync(kubeScore!, ['score', '--output-format', 'ci', '--exit-one-on-warning', ...SCORE_ARGS, ...files], { encoding: 'utf8' });
  if (run.error !== undefined) throw run.error;
  const findings = run.stdout.split('\n').filter((l) => l !== '' && !/^\[(OK|SKIPPED)\]/.test(l));
  // kube-score exits 1 on a critical finding (and, with --exit-one-on-warning, a warning); anything else is a failure to run.
  if (run.status !== 0 && (run.status !== 1 || findings.length === 0)) throw new Error(`kube-score exited ${run.status}: ${run.stderr}`);
  return findings;
}

describe('the shipped policy configuration (lint/)', () => {
  test('every argument of kube-score.args has its reason in a comment above it', () => {
    const lines = readFileSync(SCORE_ARGS_FILE, 'utf8').split('\n');
    const unexplained = lines.flatMap((line, i) => {
      if (!line.startsWith('--')) return [];
      // The comment block above, across the other arguments of the same block.
      let j = i - 1;
      while (j >= 0 && lines[j].startsWith('--')) j--;
      return j >= 0 && lines[j].startsWith('# ') ? [] : [line];
    });
    expect(unexplained).toEqual([]);
    expect(SCORE_ARGS.length).toBeGreaterThan(0);
  });

  test('every check kube-linter.yaml excludes has its reason in a comment above it', () => {
    const lines = readFileSync(LINTER_CONFIG, 'utf8').split('\n');
    const excluded = lines.flatMap((line, i) => (/^\s+- /.test(line) ? [{ line, reason: /^\s+# /.test(lines[i - 1]) }] : []));
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.filter((e) => !e.reason)).toEqual([]);
  });
});

(kubeScore === undefined ? describe.skip : describe)(`kube-score ${lintToolVersion('kube-score')} (tools/lint/kube-score) with lint/kube-score.args`, () => {
  test.each(folders)('$name: no finding', ({ dir }) => {
    expect(scoreFindings(manifests(dir))).toEqual([]);
  });

  test('a check the configuration keeps still finds what it looks for (a container without resources, as root)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kube-score-'));
    try {
      const file = join(tmp, 'deployment.yaml');
      writeFileSync(file, stringify({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'bare', namespace: 'x' },
        spec: { selector: { matchLabels: { app: 'bare' } }, template: { metadata: { labels: { app: 'bare' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.37' }] } } },
      }));
      const findings = scoreFindings([file]);
      expect(findings.some((f) => f.includes('Memory limit is not set'))).toBe(true);
      expect(findings.some((f) => f.includes('Container has no configured security context'))).toBe(true);
      expect(findings.some((f) => f.includes('Ephemeral Storage limit is not set'))).toBe(true);
      expect(findings.some((f) => f.includes('NetworkPolicy'))).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

(linter === undefined ? describe.skip : describe)('kube-linter ($KUBE_LINTER) with lint/kube-linter.yaml', () => {
  test.each(folders)('$name: no finding', ({ dir }) => {
    const run = spawnSync(linter!, ['lint', '--config', LINTER_CONFIG, dir], { encoding: 'utf8' });
    expect({ status: run.status, output: run.stdout.trim().split('\n').filter((l) => l !== '' && !l.startsWith('KubeLinter ')) }).toEqual({ status: 0, output: ['No lint errors found!'] });
  });
});
