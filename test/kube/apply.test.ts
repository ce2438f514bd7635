// Kubernetes itself as the judge of dist/: every cluster folder applied to a real API server
// (tools/kube, Kubernetes 1.37) exactly as its README says, then re-applied (unchanged), diffed
// (empty), applied server-side as Argo CD does (no conflict), its workloads' pods created by the
// real controllers and admitted by Pod Security admission; and the previous dist/ upgraded to
// this one with no immutable-field rejection.
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseDocument, stringify } from 'yaml';
import { immutableChanges } from '../../src/policy/immutable';
import { UPSTREAM_CRDS } from '../support';
import { ClusterFolder, clusterFolders, installPrerequisites, ROOT } from './clusters';
import { ControlPlane, KUBERNETES_VERSION, kubeBinary } from './control-plane';
import { applyAsDocumented, judgeFolder } from './judge';

jest.setTimeout(30 * 60 * 1000);

/** Writes past jest's console decoration: this stage's output is a report. */
const report = (line: string) => process.stdout.write(`${line}\n`);

// Without the pinned CRDs nothing can be applied: then the binary is not even built.
const binary = UPSTREAM_CRDS === undefined ? undefined : kubeBinary();
const folders = clusterFolders(join(ROOT, 'dist'));
const runs = binary !== undefined && UPSTREAM_CRDS !== undefined;
if (!runs && process.env.CI === 'true') throw new Error('the API-server stage needs go and the upstream CRDs (../shared/crds) in CI');
if (!runs) report(`skipped the API-server stage: ${UPSTREAM_CRDS === undefined ? 'the upstream CRDs (../shared/crds or $CDK8S_KAFKA_CRDS) are not here' : 'go is not on PATH'}`);
const describeStage = runs ? describe : describe.skip;

describeStage(`dist/ on a real API server (Kubernetes ${KUBERNETES_VERSION})`, () => {
  beforeAll(() => {
    report(binary!.builtInSeconds === undefined
      ? `API-server stage: tools/kube from the cache (${binary!.path})`
      : `API-server stage: built tools/kube (Kubernetes ${KUBERNETES_VERSION}) in ${binary!.builtInSeconds.toFixed(0)} s`);
  });

  test.concurrent.each(folders.map((f) => [f.path, f] as const))('%s applies, re-applies unchanged, diffs empty, applies server-side, pods admitted', async (_path, folder) => {
    report(await judgeFolder(binary!.path, UPSTREAM_CRDS!, folder, ROOT));
  });
});

/**
 * The dist/ this one upgrades: HEAD's when the work tree changed a cluster folder, else the one
 * before the last commit that did (a change to an environment's README alone applies nothing).
 */
function previousDist(): { commit: string; root: string } | { reason: string } {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (git('rev-parse', '--is-inside-work-tree').status !== 0) return { reason: 'not a git clone' };
  const clusterFolders = ':(glob)dist/*/*/**';
  const dirty = git('diff', '--quiet', 'HEAD', '--', clusterFolders).status !== 0;
  const last = git('log', '-1', '--format=%H', '--', clusterFolders).stdout.trim();
  const base = git('rev-parse', '--verify', '--quiet', dirty ? 'HEAD' : `${last}^`).stdout.trim();
  if (base === '') return { reason: `the commit before ${last.slice(0, 12)} is not in this clone (a shallow clone?)` };
  const root = mkdtempSync(join(tmpdir(), 'previous-dist-'));
  const archive = spawnSync('git', ['archive', '--format=tar', base, 'dist'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  const untar = spawnSync('tar', ['-x', '-C', root], { input: archive.stdout });
  if (archive.status !== 0 || untar.status !== 0) return { reason: `git archive ${base} dist failed: ${archive.stderr}${untar.stderr}` };
  return { commit: base, root };
}

/** Whether two folders hold different files. */
function differs(a: string, b: string): boolean {
  const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const [fa, fb] = [files(a), files(b)];
  return fa.join('\n') !== fb.join('\n') || fa.some((f) => readFileSync(join(a, f), 'utf8') !== readFileSync(join(b, f), 'utf8'));
}

/**
 * Applies `previous` (as its README said, from its own tree) and then `current` on a fresh API
 * server: the problems are whatever the second apply rejects (an immutable field, a forbidden
 * update) or warns about.
 */
async function upgrade(previous: ClusterFolder, previousRoot: string, current: ClusterFolder): Promise<string[]> {
  const plane = await ControlPlane.start(binary!.path, { contexts: [current.cluster], controllers: false });
  try {
    await installPrerequisites(plane, { ...current, objects: [...previous.objects, ...current.objects] }, UPSTREAM_CRDS!);
    // The previous dist/ is judged only on applying at all: its warnings were its own.
    const before = await plane.kubectl(previous.apply, { cwd: previousRoot });
    if (before.status !== 0) return [`the previous ${previous.path} does not apply:\n${before.stderr}`];
    return await applyAsDocumented(plane, current, ROOT);
  } finally {
    await plane.stop();
  }
}

describeStage('upgrading from the previous dist/', () => {
  const previous = runs ? previousDist() : { reason: 'stage skipped' };
  const previousFolders = 'root' in previous ? clusterFolders(join(previous.root, 'dist'), previous.root) : [];
  const changed = folders.filter((f) => {
    const before = previousFolders.find((p) => p.path === f.path);
    return before !== undefined && 'root' in previous && differs(join(previous.root, f.path), join(ROOT, f.path));
  });

  test('the previous dist/ is known', () => {
    if ('reason' in previous) {
      if (process.env.CI === 'true') throw new Error(`no previous dist/ to upgrade from: ${previous.reason}`);
      report(`upgrade check skipped: ${previous.reason}`);
      return;
    }
    report(`upgrade from ${previous.commit.slice(0, 12)}: ${changed.length} changed cluster folders${changed.length > 0 ? ` (${changed.map((f) => f.path).join(', ')})` : ''}`);
    expect(previous.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  // Only folders that differ have anything to upgrade (test.each refuses an empty table; the
  // test above reports how many there are).
  if (changed.length > 0) test.concurrent.each(changed.map((f) => [f.path, f] as const))('%s upgrades in place: no immutable-field rejection', async (_path, folder) => {
    const root = (previous as { root: string }).root;
    expect(await upgrade(previousFolders.find((p) => p.path === folder.path)!, root, folder)).toEqual([]);
    report(`  ${folder.path}: upgraded in place from the previous dist/`);
  });

  test('the check fails when an immutable field changes (a StatefulSet selector)', async () => {
    const folder = folders.find((f) => f.objects.some((o) => o.kind === 'StatefulSet'))!;
    const root = mkdtempSync(join(tmpdir(), 'immutable-fixture-'));
    cpSync(join(ROOT, folder.path), join(root, folder.path), { recursive: true });
    const file = readdirSync(join(root, folder.path)).find((f) => f.includes('-statefulset.'))!;
    const statefulSet = parseDocument(readFileSync(join(root, folder.path, file), 'utf8')).toJSON();
    statefulSet.spec.selector.matchLabels['fixture'] = 'previous';
    statefulSet.spec.template.metadata.labels['fixture'] = 'previous';
    writeFileSync(join(root, folder.path, file), stringify(statefulSet));
    const fixture = clusterFolders(join(root, 'dist'), root).find((f) => f.path === folder.path)!;

    const problems = await upgrade(fixture, root, folder);
    expect(problems.join('\n')).toMatch(/The StatefulSet "[^"]+" is invalid: spec\.selector: .*field is immutable/);
    // …and a synth over that dist/ refuses the same change before anything reaches a cluster.
    const current = parseDocument(readFileSync(join(ROOT, folder.path, file), 'utf8')).toJSON();
    expect(immutableChanges(statefulSet, current).map((c) => c.field)).toEqual(['spec.selector']);
    rmSync(root, { recursive: true, force: true });
  });
});
