// The judgement of one folder of manifests by a real API server, as the README says to apply
// it: what the API-server stage holds every cluster folder to (dist/ in apply.test.ts, a
// consumer app's own output in package.test.ts).
import type { Manifest } from '../support';
import { ClusterFolder, installPrerequisites } from './clusters';
import { ControlPlane } from './control-plane';

/** Lines of kubectl's stderr that are warnings (deprecations, Pod Security, unknown fields). */
export function warnings(stderr: string): string[] {
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
 * Pods of every Deployment and StatefulSet of the folder created and admitted (waiting up to 3
 * minutes for the controllers, which a loaded 2-core machine running two control planes slows): a pod exists
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
    }, 180);
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
async function resourceVersions(plane: ControlPlane, folder: ClusterFolder, cwd: string): Promise<Record<string, string>> {
  const args = folder.apply.filter((a) => a !== 'apply');
  const list = JSON.parse(await plane.kubectlOk(['get', ...args, '-o', 'json'], { cwd })) as { items?: Manifest[] } & Manifest;
  const items = list.items ?? [list];
  return Object.fromEntries(items.map((o) => [`${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`, (o.metadata as { resourceVersion?: string }).resourceVersion ?? '']));
}

/** Applies `folder` as its README says; the problems: a failure, or any warning. */
export async function applyAsDocumented(plane: ControlPlane, folder: ClusterFolder, cwd: string): Promise<string[]> {
  const run = await plane.kubectl(folder.apply, { cwd });
  const problems = warnings(run.stderr).map((w) => `${folder.path}: ${w}`);
  if (run.status !== 0) problems.push(`${folder.path}: kubectl ${folder.apply.join(' ')} failed:\n${run.stderr}`);
  return problems;
}

/**
 * Applies `folder` to a fresh control plane of `binary` as its README says (after the
 * prerequisites it lists), then holds it to the stage's rules with jest expectations: no
 * rejection or warning; re-applied unchanged (every resourceVersion kept); `kubectl diff` empty;
 * server-side apply as Argo CD clean with nothing left to change; the pods of every Deployment
 * and StatefulSet created and admitted. Returns the report line.
 * @param crds the folder of pinned upstream CRDs the prerequisites come from
 * @param cwd where the folder's path (as the README writes it) is relative to
 */
export async function judgeFolder(binary: string, crds: string, folder: ClusterFolder, cwd: string): Promise<string> {
  const plane = await ControlPlane.start(binary, { contexts: [folder.cluster] });
  try {
    const installed = await installPrerequisites(plane, folder, crds);
    const problems = await applyAsDocumented(plane, folder, cwd);
    expect(problems).toEqual([]);

    const before = await resourceVersions(plane, folder, cwd);
    const again = await plane.kubectl(folder.apply, { cwd });
    expect(again.status).toBe(0);
    const changed = again.stdout.trim().split('\n').filter((l) => !l.endsWith(' unchanged') && !NO_OP_PATCH.test(l));
    expect(changed).toEqual([]);
    expect(await resourceVersions(plane, folder, cwd)).toEqual(before);

    const diffArgs = folder.apply.map((a) => (a === 'apply' ? 'diff' : a));
    const diff = await plane.kubectl(diffArgs, { cwd });
    expect({ status: diff.status, diff: diff.stdout, stderr: diff.stderr }).toEqual({ status: 0, diff: '', stderr: '' });

    // Argo CD's server-side mode (its Applications set ServerSideApply=true): no conflict with
    // the client-side apply before it, no warning, and nothing left to change afterwards.
    const ssa = [...folder.apply, '--server-side', '--field-manager=argocd-controller'];
    const server = await plane.kubectl(ssa, { cwd });
    expect({ status: server.status, stderr: server.stderr }).toEqual({ status: 0, stderr: '' });
    const ssaDiff = await plane.kubectl([...diffArgs, '--server-side', '--field-manager=argocd-controller'], { cwd });
    expect({ status: ssaDiff.status, diff: ssaDiff.stdout }).toEqual({ status: 0, diff: '' });

    const admitted = await podsAdmitted(plane, folder);
    expect(admitted.problems).toEqual([]);

    const n = workloads(folder).length;
    return `  ${folder.path} (control plane up in ${plane.startSeconds.toFixed(1)} s): ${folder.objects.length} objects applied (${installed.crds} CRDs for ${installed.prerequisites.length === 0 ? 'no prerequisite' : installed.prerequisites.map((p) => p.split(/[,(]/)[0].trim()).join(', ')}), `
      + `0 warnings; unchanged on re-apply; empty diff; server-side apply clean; ${n === 0 ? 'no workloads' : `${n} workloads, ${admitted.pods} pods admitted`}`
      + `${installed.existingNamespaces.length > 0 ? `; existing namespaces made first: ${installed.existingNamespaces.join(', ')}` : ''}`
      + `${installed.notSchemaChecked.length > 0 ? `; not schema-checked (stand-in CRD): ${installed.notSchemaChecked.join(', ')}` : ''}`;
  } finally {
    await plane.stop();
  }
}
