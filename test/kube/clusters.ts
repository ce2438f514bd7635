// What the API-server stage applies: the cluster folders of dist/, the prerequisites their
// README lists (as data, from the same model), and the pinned CRDs those prerequisites bring.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { prerequisitesOf } from '../../src/stacks/prerequisites';
import type { Manifest } from '../support';
import { ControlPlane } from './control-plane';

export const ROOT = resolve(__dirname, '..', '..');

/** One folder `kubectl apply` takes: `dist/<env>/<cluster>/` (with kustomization.yaml) or `dist/<env>/argocd/`. */
export interface ClusterFolder {
  readonly environment: string;
  readonly cluster: string;
  /** Relative to the repository root, with a trailing slash, as the README writes it. */
  readonly path: string;
  readonly objects: Manifest[];
  /** The README's apply command for this folder, first half (before `||`). */
  readonly apply: string[];
}

/** Every cluster folder and argocd folder of the dist tree under `dist` (absolute), in name order. */
export function clusterFolders(dist: string, relativeTo = ROOT): ClusterFolder[] {
  const folders: ClusterFolder[] = [];
  for (const environment of readdirSync(dist).sort()) {
    const envDir = join(dist, environment);
    for (const cluster of readdirSync(envDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      const dir = join(envDir, cluster);
      const path = `${relative(relativeTo, dir)}/`;
      const argocd = cluster === 'argocd';
      if (!argocd && !existsSync(join(dir, 'kustomization.yaml'))) continue; // e.g. dev's clients/: scripts, not manifests
      const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
      const objects = files.flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJSON() as Manifest)).filter((o) => o !== null);
      const apply = argocd ? ['-n', 'argocd', 'apply', '-f', path] : ['--context', cluster, 'apply', '-k', path];
      folders.push({ environment, cluster, path, objects, apply });
    }
  }
  return folders;
}

/** The group of an apiVersion ('' for the core group). */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** A CustomResourceDefinition as the tests read and apply it. */
export interface Crd {
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly spec: { readonly group: string; readonly names: { readonly kind: string } };
}

let pinned: Crd[] | undefined;

/** Every CustomResourceDefinition of the pinned upstream files (../shared/crds), in file order. */
export function pinnedCrds(crds: string): readonly Crd[] {
  if (pinned !== undefined) return pinned;
  pinned = [];
  for (const project of readdirSync(crds, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'kubernetes')) {
    for (const file of readdirSync(join(crds, project.name)).filter((f) => f.endsWith('.yaml')).sort()) {
      for (const doc of parseAllDocuments(readFileSync(join(crds, project.name, file), 'utf8'))) {
        const crd = doc.toJSON() as Crd | null;
        if (crd?.kind === 'CustomResourceDefinition') pinned.push(crd);
      }
    }
  }
  return pinned;
}

/**
 * A permissive CRD for a kind with no public CRD (Tetrate's): every field accepted, so the API
 * server checks the name and metadata but nothing of the spec; such kinds are reported as not
 * schema-checked.
 */
export function standInCrd(group: string, kind: string, versions: readonly string[], namespaced: boolean): Crd {
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      scope: namespaced ? 'Namespaced' : 'Cluster',
      versions: versions.map((name, i) => ({ name, served: true, storage: i === 0, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } })),
    },
  } as Crd;
}

/**
 * Applies `docs` (CRDs, namespaces) server-side and waits until every CRD is Established. Not
 * `kubectl wait crd --all`: it fails on a CRD whose status has no conditions yet.
 */
export async function installDefinitions(plane: ControlPlane, docs: readonly unknown[]): Promise<void> {
  if (docs.length === 0) return;
  await plane.kubectlOk(['apply', '--server-side', '--field-manager=prerequisites', '-f', '-'], { input: docs.map((d) => JSON.stringify(d)).join('\n---\n') });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const crds = JSON.parse(await plane.kubectlOk(['get', 'crd', '-o', 'json'])).items as Array<{ metadata: { name: string }; status?: { conditions?: Array<{ type: string; status: string }> } }>;
    const waiting = crds.filter((c) => !c.status?.conditions?.some((x) => x.type === 'Established' && x.status === 'True')).map((c) => c.metadata.name);
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw new Error(`CRDs not Established after 120 s: ${waiting.join(', ')}`);
  }
}

/** What installing a folder's prerequisites did. */
export interface Installed {
  readonly prerequisites: readonly string[];
  readonly crds: number;
  /** `group/Kind` of the kinds applied through a permissive stand-in CRD. */
  readonly notSchemaChecked: readonly string[];
  /** The namespaces made as their owners would (the README's `existingNamespaces`). */
  readonly existingNamespaces: readonly string[];
}

/**
 * Installs what the folder's README lists as prerequisites: the pinned CRDs of each installer's
 * API groups and the namespaces the installers create. Kinds of a group with no pinned CRD get a
 * permissive stand-in.
 */
export async function installPrerequisites(plane: ControlPlane, folder: ClusterFolder, crdDir: string): Promise<Installed> {
  const needed = prerequisitesOf(folder.objects);
  const crds = pinnedCrds(crdDir);
  const docs: unknown[] = [];
  for (const p of needed) {
    docs.push(...crds.filter((c) => p.crdGroups.includes(c.spec.group)));
    for (const ns of p.namespaces) docs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const standIns = new Map<string, Crd>();
  for (const o of folder.objects) {
    const group = groupOf(o.apiVersion);
    if (crds.some((c) => c.spec.group === group) || !needed.some((p) => p.crdGroups.includes(group))) continue;
    standIns.set(`${group}/${o.kind}`, standInCrd(group, o.kind, [o.apiVersion.slice(group.length + 1)], o.metadata.namespace !== undefined));
  }
  docs.push(...standIns.values());
  // The namespaces the folder's objects use that neither it nor an installer makes: the
  // environment's existingNamespaces, which its README lists for their owners to make (synth
  // refuses any other).
  const made = new Set([...folder.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name), ...needed.flatMap((p) => p.namespaces)]);
  const existing = [...new Set(folder.objects.map((o) => o.metadata.namespace).filter((ns): ns is string => ns !== undefined && !made.has(ns)))].sort();
  for (const ns of existing) docs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  await installDefinitions(plane, docs);
  return {
    prerequisites: needed.map((p) => p.name),
    crds: docs.filter((d) => (d as { kind: string }).kind === 'CustomResourceDefinition').length,
    notSchemaChecked: [...standIns.keys()].sort(),
    existingNamespaces: existing,
  };
}
