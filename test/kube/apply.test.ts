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
import { Manifest, UPSTREAM_CRDS } from '../support';
import { ClusterFolder, clusterFolders, installPrerequisites, ROOT } from './clusters';
import { ControlPlane, KUBERNETES_VERSION, kubeBinary } from './control-plane';

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

/** Lines of kubectl's stderr that are warnings (deprecations, Pod Security, unknown fields). */
function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^Warning:/i.test(l.trim()));
}

/** The workloads whose pods the controllers must create: the folder's Deployments and StatefulSets. */
function workloads(folder: ClusterFolder) {
  return folder.objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
}

/** Polls until `check` returns undefined (done) or the timeout passes; returns the last problem. */
async function until(check: () => Promise<string | undefined>, seconds: number): Promise<string | undefined> {
  const deadline = Date.now() + seconds * 1000;
  let problem = await check();
  while (problem !== undefined && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    problem = await check();
  }
  return problem;
}

/**
 * Pods of every Deployment and StatefulSet of the folder created and admitted: a pod exists
 * for each (the first of a StatefulSet: without a kubelet no pod turns Ready, so OrderedReady
 * stops at one), and no FailedCreate event names the workload or its ReplicaSets.
 */
async function podsAdmitted(plane: ControlPlane, folder: ClusterFolder): Promise<{ problems: string[]; pods: number }> {
  const problems: string[] = [];
  let pods = 0;
  for (const w of workloads(folder)) {
    const ns = w.metadata.namespace!;
    const selector = Object.entries(w.spec.selector.matchLabels as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
    let found = 0;
    const problem = await until(async () => {
      const failed = (await plane.request('GET', `/api/v1/namespaces/${ns}/events?fieldSelector=reason%3DFailedCreate`)).body.items as Array<{ involvedObject: { name: string }; message: string }>;
      const mine = failed.filter((e) => e.involvedObject.name === w.metadata.name || e.involvedObject.name.startsWith(`${w.metadata.name}-`));
      if (mine.length > 0) return `${w.kind} ${ns}/${w.metadata.name}: FailedCreate: ${mine[0].message}`;
      found = (await plane.request('GET', `/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(selector)}`)).body.items.length;
      return found > 0 ? undefined : `${w.kind} ${ns}/${w.metadata.name}: no pod created`;
    }, 60);
    if (problem !== undefined) problems.push(problem);
    pods += found;
  }
  return { problems, pods };
}

/**
 * kubectl's client-side apply reports a PodDisruptionBudget "configured" on every run although
 * nothing changes: `spec.selector` has patchStrategy "replace", and strategic merge sends a
 * replace-strategy map whole whenever it is in the file (apimachinery strategicpatch
 * handleMapDiff). The server finds nothing to change, so the resourceVersion stays: that, not
 * kubectl's word, is what the re-apply check holds every object to.
 */
const NO_OP_PATCH = /^poddisruptionbudget\.policy\/\S+ configured$/;

/** `Kind namespace/name` → resourceVersion of every object of the folder, as the server has it. */
async function resourceVersions(plane: ControlPlane, folder: ClusterFolder): Promise<Record<string, string>> {
  const args = folder.apply.filter((a) => a !== 'apply');
  const list = JSON.parse(await plane.kubectlOk(['get', ...args, '-o', 'json'], { cwd: ROOT })) as { items?: Manifest[] } & Manifest;
  const items = list.items ?? [list];
  return Object.fromEntries(items.map((o) => [`${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`, (o.metadata as { resourceVersion?: string }).resourceVersion ?? '']));
}

/** Applies `folder` as its README says; the problems: a failure, or any warning. */
async function applyAsDocumented(plane: ControlPlane, folder: ClusterFolder, cwd = ROOT): Promise<string[]> {
  const run = await plane.kubectl(folder.apply, { cwd });
  const problems = warnings(run.stderr).map((w) => `${folder.path}: ${w}`);
  if (run.status !== 0) problems.push(`${folder.path}: kubectl ${folder.apply.join(' ')} failed:\n${run.stderr}`);
  return problems;
}

describeStage(`dist/ on a real API server (Kubernetes ${KUBERNETES_VERSION})`, () => {
  beforeAll(() => {
    report(binary!.builtInSeconds === undefined
      ? `API-server stage: tools/kube from the cache (${binary!.path})`
      : `API-server stage: built tools/kube (Kubernetes ${KUBERNETES_VERSION}) in ${binary!.builtInSeconds.toFixed(0)} s`);
  });

  test.concurrent.each(folders.map((f) => [f.path, f] as const))('%s applies, re-applies unchanged, diffs empty, applies server-side, pods admitted', async (_path, folder) => {
    const plane = await ControlPlane.start(binary!.path, { contexts: [folder.cluster] });
    try {
      const installed = await installPrerequisites(plane, folder, UPSTREAM_CRDS!);
      const problems = await applyAsDocumented(plane, folder);
      expect(problems).toEqual([]);

      const before = await resourceVersions(plane, folder);
      const again = await plane.kubectl(folder.apply, { cwd: ROOT });
      expect(again.status).toBe(0);
      const changed = again.stdout.trim().split('\n').filter((l) => !l.endsWith(' unchanged') && !NO_OP_PATCH.test(l));
      expect(changed).toEqual([]);
      expect(await resourceVersions(plane, folder)).toEqual(before);

      const diffArgs = folder.apply.map((a) => (a === 'apply' ? 'diff' : a));
      const diff = await plane.kubectl(diffArgs, { cwd: ROOT });
      expect({ status: diff.status, diff: diff.stdout, stderr: diff.stderr }).toEqual({ status: 0, diff: '', stderr: '' });

      // Argo CD's server-side mode (its Applications set ServerSideApply=true): no conflict with
      // the client-side apply before it, no warning, and nothing left to change afterwards.
      const ssa = [...folder.apply, '--server-side', '--field-manager=argocd-controller'];
      const server = await plane.kubectl(ssa, { cwd: ROOT });
      expect({ status: server.status, stderr: server.stderr }).toEqual({ status: 0, stderr: '' });
      const ssaDiff = await plane.kubectl([...diffArgs, '--server-side', '--field-manager=argocd-controller'], { cwd: ROOT });
      expect({ status: ssaDiff.status, diff: ssaDiff.stdout }).toEqual({ status: 0, diff: '' });

      const admitted = await podsAdmitted(plane, folder);
      expect(admitted.problems).toEqual([]);

      const n = workloads(folder).length;
      report(`  ${folder.path} (control plane up in ${plane.startSeconds.toFixed(1)} s): ${folder.objects.length} objects applied (${installed.crds} CRDs for ${installed.prerequisites.length === 0 ? 'no prerequisite' : installed.prerequisites.map((p) => p.split(/[,(]/)[0].trim()).join(', ')}), `
        + `0 warnings; unchanged on re-apply; empty diff; server-side apply clean; ${n === 0 ? 'no workloads' : `${n} workloads, ${admitted.pods} pods admitted`}`
        + `${installed.notSchemaChecked.length > 0 ? `; not schema-checked (stand-in CRD): ${installed.notSchemaChecked.join(', ')}` : ''}`);
    } finally {
      await plane.stop();
    }
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
    return await applyAsDocumented(plane, current);
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
