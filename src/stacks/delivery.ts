import { createHash } from 'crypto';
import { ConsistencyPass } from '../core/consistency';
import { throwFactoryError } from '../core/errors';
import { NameFormat, nameProblem } from '../core/naming';
import { lstatSync, readdirSync, readFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { ApiObject, Chart, Yaml } from 'cdk8s';
import { synthesizeCharts } from '../core/synth';
import { immutableChanges } from '../policy/immutable';
import { formatFinding, ManifestValidator } from '../policy/validator';
import { parse as parseYaml } from 'yaml';
import { Environment } from './environment';
import { prerequisitesOf } from './prerequisites';
import { OutputClaim, OutputFile, replaceDirectory } from './output';

/** Options of {@link renderEnvironment}. */
export interface DeliveryOptions {
  /**
   * The Git repository Argo CD reads `dist/` from.
   * @default 'https://git.example.com/platform/kafka.git'
   */
  readonly repoUrl?: string;
  /**
   * The revision Argo CD follows.
   * @default 'main'
   */
  readonly revision?: string;
  /**
   * Where `dist/` is in the repository.
   * @default 'dist'
   */
  readonly distPath?: string;
}

/** A synthesized object. */
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };

/** The apply waves: what must exist before what. The number prefixes file names and is the Argo CD sync wave. */
const WAVES: ReadonlyArray<readonly [number, string]> = [
  [0, 'namespaces'],
  [1, 'self-signed issuers'],
  [2, 'CA certificates'],
  [3, 'CA issuers'],
  [4, 'certificates'],
  [5, 'configuration, policies, gateway classes and gateways'],
  [6, 'Kafka clusters, node pools and StatefulSets'],
  [7, 'users and topics'],
  [8, 'bridges'],
  [9, 'routes, mesh and failover configuration'],
  [10, 'workloads and monitors'],
];


const ARGO_WAVE = 'argocd.argoproj.io/sync-wave';

/** The line every environment's README carries: how a later synth knows the folder is its own to replace. */
const GENERATED_NOTE = 'Written by `npx cdk8s synth` from the cdk8s-kafka sources; do not edit: change the code and synthesize again.';

/**
 * The apply wave of an object: 0 (namespaces) to 10 (workloads and monitors). The number
 * prefixes file names and is the Argo CD sync wave.
 */
export function applyWave(object: Manifest): number {
  const spec = object.spec ?? {};
  switch (object.kind) {
    case 'Namespace':
    case 'CustomResourceDefinition':
      return 0;
    case 'Issuer':
    case 'ClusterIssuer':
      return spec.selfSigned !== undefined ? 1 : 3;
    case 'Certificate':
      return spec.isCA === true ? 2 : 4;
    case 'ConfigMap': case 'Secret': case 'ServiceAccount': case 'NetworkPolicy': case 'PodDisruptionBudget':
    case 'Service': case 'GatewayClass': case 'EnvoyProxy': case 'Gateway': case 'Role': case 'RoleBinding':
      return 5;
    case 'Kafka': case 'KafkaNodePool': case 'StatefulSet':
      return 6;
    case 'KafkaUser': case 'KafkaTopic': case 'KafkaRebalance':
      return 7;
    case 'KafkaBridge':
      return 8;
    case 'Deployment': case 'PodMonitor':
      return 10;
    default:
      return 9;
  }
}

/**
 * Everything `dist/<environment>/` holds, by path relative to it: per cluster one file per object
 * (`<wave>-<kind>[.<namespace>].<name>.yaml`, so that a plain `kubectl apply -f` goes in apply
 * order) and a `kustomization.yaml`; an Argo CD Application per cluster (`argocd/`); the README;
 * the environment's artefacts. Runs every construct's validation first, as `app.synth()` does.
 */
export function renderEnvironment(env: Environment, options: DeliveryOptions = {}): Record<string, string> {
  // Validates every construct of the app (as app.synth() does) and serializes each chart once.
  const charts = Object.entries(env.charts);
  const synthesized = synthesizeCharts(charts.map(([, chart]) => chart)) as Manifest[][];

  const files: Record<string, string> = {};
  const clusters: Record<string, Manifest[]> = {};
  for (const [i, [cluster]] of charts.entries()) {
    const objects = synthesized[i].map((o) => withWave(o));
    checkNamespaces(env, cluster, objects);
    clusters[cluster] = objects;
    const names: string[] = [];
    for (const object of objects) {
      const file = fileName(object);
      if (names.includes(file)) throw new Error(`Environment '${env.environmentName}': two objects of cluster '${cluster}' would be written to ${file}; give them distinct names`);
      names.push(file);
      files[`${cluster}/${file}`] = Yaml.stringify(object);
    }
    names.sort();
    files[`${cluster}/kustomization.yaml`] = Yaml.stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: names,
    });
    files[`argocd/${cluster}.yaml`] = Yaml.stringify(application(env, cluster, options));
  }
  files['README.md'] = readme(env, clusters, options);
  return { ...files, ...env.artefacts() };
}

/** Options of {@link synthEnvironments} and {@link synthEnvironment}. */
export interface SynthOptions extends DeliveryOptions {
  /**
   * Check every manifest with the manifest validator (the built-in schemas) before anything is
   * written; an error stops the synth.
   * @default true
   */
  readonly validate?: boolean;
  /**
   * Objects whose immutable fields may change from what `outdir` holds, as `Kind namespace/name`
   * (`Kind name` when cluster-scoped). A synth compares each manifest with the one it replaces
   * and refuses a change the API server would reject on apply (`field is immutable`: a
   * StatefulSet's selector or claim templates, a Deployment's selector, a Service's clusterIP,
   * …; see `immutableChanges`) unless the object is listed here — which says you will delete it
   * before applying (e.g. `kubectl delete statefulset -n kafka events-broker --cascade=orphan`).
   * @default [] - every such change is refused
   */
  readonly allowImmutableChanges?: readonly string[];
}

/** What a synth wrote. */
export interface SynthResult {
  /** The folder written. */
  readonly outdir: string;
  /** How many files it holds now. */
  readonly files: number;
  /** Files that are new or changed, relative to `outdir`. */
  readonly written: readonly string[];
  /** Files that were removed because their objects no longer exist, relative to `outdir`. */
  readonly removed: readonly string[];
  /** The consistency pass's warnings (e.g. an ACL on a topic the cluster does not declare), then the validator's (e.g. kinds it has no schema for), one line each. */
  readonly warnings: readonly string[];
}

/**
 * Writes every environment to `<outdir>/<environment>/` and makes `outdir` hold exactly that:
 * files of objects (or environments) that no longer exist are removed.
 *
 * All or nothing: every environment is rendered (running every construct's validation) and every
 * manifest is checked by the manifest validator first; only then is `outdir` replaced, through a
 * staging folder. A construct error, a validation error or an I/O error leaves every byte of
 * `outdir` as it was. GitOps tools prune what disappears from `outdir`, so a half-written one
 * would delete live resources.
 *
 * @throws Error naming the environment, construct path or file and what to change; `outdir` is then unchanged.
 */
export function synthEnvironments(environments: readonly Environment[], outdir: string, options: SynthOptions = {}): SynthResult {
  checkSynthArgs('synthEnvironments()', 'environments', environments, outdir, options);
  const names = environments.map((env) => env.environmentName);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`synthEnvironments: two environments are named '${twice}'; each needs its own folder of ${outdir}/`);
  const files = new Map<string, OutputFile>();
  for (const env of environments) {
    for (const [path, file] of renderFiles(env, options)) files.set(`${env.environmentName}/${path}`, file);
  }
  return write(outdir, files, options, (dir) => readdirSync(dir).map((entry) => environmentFolderProblem(join(dir, entry))).find((p) => p !== undefined), environments);
}

/**
 * Writes one environment to `<outdir>/<environment>/`, all or nothing, as {@link synthEnvironments}
 * does for several; only that environment's folder is replaced.
 *
 * @throws Error naming the environment, construct path or file and what to change; the folder is then unchanged.
 */
export function synthEnvironment(env: Environment, outdir: string, options: SynthOptions = {}): SynthResult {
  checkSynthArgs('synthEnvironment()', 'env', [env], outdir, options);
  return write(join(outdir, env.environmentName), renderFiles(env, options), options, environmentFolderProblem, [env]);
}

/** Throws a factory-style error unless the arguments of a synth function are what it takes. */
function checkSynthArgs(fn: string, prop: string, environments: unknown, outdir: unknown, options: unknown): void {
  const list = prop === 'env' ? (environments as unknown[])[0] : environments;
  if (prop === 'environments' && !Array.isArray(environments)) throwFactoryError(fn, prop, 'must be an array of Environments', environments, 'pass e.g. [new DevEnvironment(app, \'dev\')]');
  (environments as unknown[]).forEach((env, i) => {
    if (!(env instanceof Environment)) throwFactoryError(fn, prop === 'env' ? prop : `${prop}[${i}]`, 'must be an Environment', prop === 'env' ? list : env, 'pass an Environment (e.g. new DevEnvironment(app, \'dev\'))');
  });
  if (typeof outdir !== 'string' || outdir.trim() === '') throwFactoryError(fn, 'outdir', 'must be a folder path', outdir, "use e.g. 'dist'");
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) throwFactoryError(fn, 'options', 'must be an object', options, 'pass e.g. { validate: true }');
  const allowed = (options as SynthOptions | undefined)?.allowImmutableChanges;
  if (allowed !== undefined) {
    if (!Array.isArray(allowed)) throwFactoryError(fn, 'options.allowImmutableChanges', "must be an array of 'Kind namespace/name'", allowed, "pass e.g. ['StatefulSet kafka/events-broker']");
    allowed.forEach((a, i) => {
      const [kind, id = '', extra] = typeof a === 'string' ? a.split(' ') : [];
      const parts = id.split('/');
      const [namespace, name] = parts.length === 2 ? parts : [undefined, id];
      if (extra !== undefined || parts.length > 2 || !/^[A-Z][A-Za-z0-9]*$/.test(kind ?? '') || nameProblem(name, NameFormat.DNS1123_SUBDOMAIN) !== undefined
        || (namespace !== undefined && nameProblem(namespace, NameFormat.DNS1123_LABEL) !== undefined)) {
        throwFactoryError(fn, `options.allowImmutableChanges[${i}]`, "must be 'Kind namespace/name' (or 'Kind name' when cluster-scoped), as the refusal names it", a, "use e.g. 'StatefulSet kafka/events-broker'");
      }
    });
  }
}

/** Undefined when `folder` is an environment folder an earlier synth wrote (its README says so), else what is foreign in it. */
function environmentFolderProblem(folder: string): string | undefined {
  const readme = join(folder, 'README.md');
  try {
    if (lstatSync(folder).isDirectory() && readFileSync(readme, 'utf8').includes(GENERATED_NOTE)) return undefined;
  } catch {
    // not a folder, or no README: not ours
  }
  return `${folder} (no README.md written by a synth)`;
}

function renderFiles(env: Environment, options: DeliveryOptions): Map<string, OutputFile> {
  const files = new Map<string, OutputFile>();
  for (const [path, content] of Object.entries(renderEnvironment(env, options))) {
    files.set(path, { content, mode: path.endsWith('.sh') ? 0o755 : 0o644 });
  }
  return files;
}

function write(outdir: string, files: ReadonlyMap<string, OutputFile>, options: SynthOptions, claim: OutputClaim, environments: readonly Environment[]): SynthResult {
  warnStrayCharts(environments);
  // The consistency pass ran while the files were rendered; its warnings come first.
  const warnings = [...new Set(environments.flatMap((env) => ConsistencyPass.of(env).warnings()))];
  if (options.validate ?? true) {
    const validator = new ManifestValidator();
    const errors: string[] = [];
    for (const [path, file] of files) {
      if (!path.endsWith('.yaml')) continue;
      for (const finding of validator.validateText(file.content, join(outdir, path)).findings) {
        (finding.severity === 'error' ? errors : warnings).push(formatFinding(finding));
      }
    }
    if (errors.length > 0) {
      const shown = errors.slice(0, 20).join('\n  ');
      const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
      throw new Error(`the manifest validator found ${errors.length} error(s) in what would be written to ${outdir}/; nothing was written:\n  ${shown}${more}`);
    }
  }
  refuseImmutableChanges(outdir, files, options.allowImmutableChanges ?? []);
  const changes = replaceDirectory(outdir, files, claim);
  return { outdir, files: files.size, written: changes.written, removed: changes.removed, warnings };
}

/**
 * Warns of every chart of the app outside the environments (not in one, nor nested in a cluster's
 * chart): no synth of environments writes its objects, which would otherwise vanish unnoticed.
 */
function warnStrayCharts(environments: readonly Environment[]): void {
  if (environments.length === 0) return;
  const app = environments[0].node.root;
  const inEnvironment = (c: Chart) => c.node.scopes.some((s) => s instanceof Environment);
  for (const chart of app.node.findAll().filter((c): c is Chart => Chart.isChart(c) && !inEnvironment(c))) {
    if (chart.node.findAll().some((c) => c instanceof ApiObject)) {
      ConsistencyPass.of(chart).warn({ scope: chart, kind: 'Chart', name: chart.node.id }, 'scope', 'is in no Environment, so no synth of environments writes its objects',
        chart.node.path, "make it a cluster's chart (env.addCluster(...)) or nest it in one, or write it with app.synth()");
    }
  }
}

/**
 * Throws when a manifest replaces one in `outdir` (the same kind, namespace and name in the same
 * folder, whatever its wave number) with a change to a field the API server keeps immutable,
 * unless the object is allowed: GitOps would then fail to sync it, or a `kubectl apply` stop
 * half-way. An allowance that matches no such change is refused too, so none outlives its use.
 */
function refuseImmutableChanges(outdir: string, files: ReadonlyMap<string, OutputFile>, allowed: readonly string[]): void {
  const refused: string[] = [];
  const refusedIds: string[] = [];
  const used = new Set<string>();
  const previousFiles = new Map<string, string[]>();
  for (const [path, file] of files) {
    if (!path.endsWith('.yaml') || path.endsWith('kustomization.yaml')) continue;
    const folder = dirname(path);
    if (!previousFiles.has(folder)) {
      try {
        previousFiles.set(folder, readdirSync(join(outdir, folder)));
      } catch {
        previousFiles.set(folder, []);
      }
    }
    // The object's file, whatever wave number it had: `NN-kind.namespace.name.yaml`.
    const unnumbered = basename(path).replace(/^\d+-/, '');
    const before = previousFiles.get(folder)!.find((f) => f.replace(/^\d+-/, '') === unnumbered);
    if (before === undefined) continue;
    let previous: Manifest;
    try {
      previous = parseYaml(readFileSync(join(outdir, folder, before), 'utf8')) as Manifest;
    } catch {
      continue; // unreadable: it cannot say what runs, and is replaced
    }
    const next = parseYaml(file.content) as Manifest;
    const changes = immutableChanges(previous, next);
    if (changes.length === 0) continue;
    const id = `${next.kind} ${next.metadata.namespace === undefined ? '' : `${next.metadata.namespace}/`}${next.metadata.name}`;
    if (allowed.includes(id)) {
      used.add(id);
      continue;
    }
    refusedIds.push(id);
    refused.push(`${join(outdir, path)}: ${id} changes ${changes.map((c) => `${c.field} (${c.field}${c.at}: ${c.before} → ${c.after}; ${c.rule})`).join(', ')}, which the API server keeps immutable`);
  }
  if (refused.length > 0) {
    throw new Error(`refusing to write ${outdir}/: ${refused.length} object(s) would change a field the running object cannot take, and every apply of them would fail:\n  ${refused.join('\n  ')}\n`
      + `keep the old value, or delete the object before applying (for a StatefulSet, kubectl delete --cascade=orphan keeps its pods and claims; a claim template's new size reaches existing claims only by resizing each PersistentVolumeClaim) and list it for this synth: allowImmutableChanges: [${refusedIds.map((r) => `'${r}'`).join(', ')}]; nothing was written`);
  }
  const stale = allowed.filter((a) => !used.has(a));
  if (stale.length > 0) {
    throw new Error(`allowImmutableChanges names ${stale.map((a) => `'${a}'`).join(', ')}, but no object of that kind, namespace and name changes an immutable field in this synth; remove ${stale.length === 1 ? 'it' : 'them'} (an allowance is for the one synth whose object you delete before applying); nothing was written`);
  }
}

function withWave(object: Manifest): Manifest {
  const annotations = { ...object.metadata.annotations, [ARGO_WAVE]: String(applyWave(object)) };
  return { ...object, metadata: { ...object.metadata, annotations } };
}

/** The longest file name (in bytes) file systems take: NAME_MAX of ext4, XFS, APFS, NTFS (in UTF-16 units). */
const NAME_MAX = 255;

/**
 * The object's file: `<wave>-<kind>[.<namespace>].<name>.yaml`. A name that would make it longer
 * than {@link NAME_MAX} bytes (a KafkaTopic of 249 characters in any namespace, say) is cut to its
 * first bytes that fit, on a character boundary, followed by `%` and 32 hex digits of the sha256
 * of the whole name: `07-kafkatopic.kafka.tttt…tttt%<hash>.yaml`, exactly 255 bytes. So every
 * valid name writes, and the file stays the same from synth to synth and across wave numbers
 * (the immutable-field check finds the previous file by what follows the wave). No shortened file
 * can be another object's full one: `%` is in no object name (the API server stores objects under
 * their names and refuses a name with `/` or `%`: k8s.io/apiserver `NamespaceKeyFunc`,
 * `path.IsValidPathSegmentName`); two shortened names of one kind and namespace would need a
 * sha256 collision in 128 bits. Names that fit are written as they always were.
 */
function fileName(object: Manifest): string {
  const wave = String(applyWave(object)).padStart(2, '0');
  const namespace = object.metadata.namespace === undefined ? '' : `.${object.metadata.namespace}`;
  return fittingFileName(`${wave}-${object.kind.toLowerCase()}${namespace}.`, object.metadata.name, '.yaml');
}

/**
 * `<prefix><name><extension>`, with `name` cut as dist/'s file names cut an object's name when the
 * whole would be longer than NAME_MAX bytes (`%` and 32 hex digits of its sha256 after the part
 * that fits): for every file the library names after a user's value (a client script per user, say).
 */
export function fittingFileName(prefix: string, name: string, extension: string): string {
  const file = `${prefix}${name}${extension}`;
  if (Buffer.byteLength(file) <= NAME_MAX) return file;
  const suffix = `%${createHash('sha256').update(name).digest('hex').slice(0, 32)}${extension}`;
  let room = NAME_MAX - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
  let head = '';
  for (const character of name) {
    room -= Buffer.byteLength(character);
    if (room < 0) break;
    head += character;
  }
  return `${prefix}${head}${suffix}`;
}

function checkNamespaces(env: Environment, cluster: string, objects: readonly Manifest[]): void {
  // The cluster's own namespaces, those its prerequisites' installers create (cert-manager's, …)
  // and those someone else made before (existingNamespaces).
  const declared = new Set([...objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name), ...prerequisitesOf(objects).flatMap((p) => p.namespaces), ...env.existingNamespaces(cluster)]);
  for (const o of objects) {
    const namespace = o.metadata.namespace;
    if (namespace !== undefined && !declared.has(namespace)) {
      throw new Error(`Environment '${env.environmentName}': ${o.kind} ${namespace}/${o.metadata.name} in cluster '${cluster}' is in namespace ${namespace}, which the cluster does not create (got ${JSON.stringify(namespace)}); add it to addCluster('${cluster}', { namespaces: [...] }), or to existingNamespaces when someone else makes it`);
    }
  }
}

function application(env: Environment, cluster: string, options: DeliveryOptions) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${env.environmentName}-${cluster}`,
      namespace: 'argocd',
      // Deleting the Application deletes what it synced, dependents first. The path-qualified
      // name (Argo CD's ForegroundPropagationPolicyFinalizer, application_defaults.go) means
      // the same as the bare one, which Kubernetes 1.37 warns about on every apply.
      finalizers: ['resources-finalizer.argocd.argoproj.io/foreground'],
    },
    spec: {
      project: 'default',
      source: {
        repoURL: options.repoUrl ?? 'https://git.example.com/platform/kafka.git',
        targetRevision: options.revision ?? 'main',
        path: `${options.distPath ?? 'dist'}/${env.environmentName}/${cluster}`,
      },
      destination: { name: cluster },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        // Server-side apply: large CRs (the Kafka resource) exceed the client-side annotation limit.
        syncOptions: ['ServerSideApply=true'],
        retry: { limit: 5, backoff: { duration: '30s', factor: 2, maxDuration: '5m' } },
      },
    },
  };
}

function readme(env: Environment, clusters: Record<string, Manifest[]>, options: DeliveryOptions): string {
  const dist = `${options.distPath ?? 'dist'}/${env.environmentName}`;
  const out: string[] = [`# ${env.environmentName}`, ''];
  out.push(GENERATED_NOTE, '');
  if (env.description) out.push(env.description, '');

  out.push('## Topology', '', '```mermaid', 'flowchart LR');
  for (const [cluster, objects] of Object.entries(clusters)) {
    out.push(`  subgraph ${id(cluster)}["cluster ${cluster}"]`);
    for (const o of objects.filter((x) => NOTABLE[x.kind] !== undefined)) {
      out.push(`    ${id(`${cluster}-${o.kind}-${o.metadata.namespace ?? ''}-${o.metadata.name}`)}["${o.kind} ${o.metadata.name}${NOTABLE[o.kind](o)}"]`);
    }
    out.push('  end');
  }
  for (const link of env.clusterLinks) out.push(`  ${id(link.from)} -- "${link.label}" --> ${id(link.to)}`);
  out.push('```', '');

  out.push('## Clusters', '');
  for (const [cluster, objects] of Object.entries(clusters)) {
    out.push(`- \`${dist}/${cluster}/\`: ${env.clusterDescription(cluster) ?? ''}${env.clusterDescription(cluster) ? ' ' : ''}(${objects.length} objects)`);
  }
  out.push('');

  out.push('## Prerequisites', '', 'Per cluster, before applying (kubectl contexts named after the clusters):', '');
  for (const [cluster, objects] of Object.entries(clusters)) {
    const needed = prerequisitesOf(objects);
    const existing = env.existingNamespaces(cluster);
    out.push(`### ${cluster}`, '');
    if (needed.length === 0 && existing.length === 0) out.push('Nothing beyond Kubernetes.', '');
    if (existing.length > 0) out.push(`- the namespaces ${existing.map((n) => `\`${n}\``).join(', ')}, made by their owners (this environment neither creates nor prunes them)`, '');
    for (const p of needed) out.push(`- ${p.name}`, '', '  ```sh', ...p.install.map((line) => `  ${line.replace('<cluster>', cluster)}`), '  ```', '');
  }

  out.push('## Apply', '');
  out.push('Files are numbered by apply wave (the same number is each object\'s Argo CD sync wave):', '');
  for (const [wave, what] of WAVES) out.push(`- \`${String(wave).padStart(2, '0')}\`: ${what}`);
  out.push('', 'With kubectl, per cluster; a second run applies what waited for an operator or a webhook that was still starting:', '', '```sh');
  for (const cluster of Object.keys(clusters)) out.push(`kubectl --context ${cluster} apply -k ${dist}/${cluster}/ || kubectl --context ${cluster} apply -k ${dist}/${cluster}/`);
  out.push('```', '', `With Argo CD: \`kubectl -n argocd apply -f ${dist}/argocd/\` (one Application per cluster, named \`${env.environmentName}-<cluster>\`, destination = the Argo CD cluster of that name).`, '');

  out.push(...securitySection(clusters));

  if (env.checks.length > 0) {
    out.push('## After apply', '');
    for (const check of env.checks) out.push(`${check.title}:`, '', '```sh', ...check.commands, '```', '');
  }
  for (const note of env.notes()) out.push(note, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * What is enforced and what is left to the cluster: the Pod Security level of every namespace the
 * environment creates (with the reason where it is below restricted), the NetworkPolicies, and
 * the operators' own namespaces, which their installers own.
 */
function securitySection(clusters: Record<string, Manifest[]>): string[] {
  const out = ['## Security', '', 'Pod Security admission, per namespace this environment creates (`pod-security.kubernetes.io/enforce`; `warn` and `audit` are `restricted` everywhere, so anything below it is reported):', ''];
  for (const [cluster, objects] of Object.entries(clusters)) {
    for (const ns of objects.filter((o) => o.kind === 'Namespace')) {
      const level = ns.metadata.labels?.['pod-security.kubernetes.io/enforce'] ?? 'not set';
      const reason = ns.metadata.annotations?.['kafka.cdk8s.io/pod-security'];
      out.push(`- \`${cluster}\` / \`${ns.metadata.name}\`: **${level}**${level !== 'restricted' && reason ? `: ${reason.split('; ').map((r) => r.replace(/^[a-z]+: /, '')).join('; ')}` : ''}`);
    }
  }
  const policies = Object.values(clusters).flat().filter((o) => o.kind === 'NetworkPolicy').length;
  out.push('', `Every pod spec the library writes (client workloads, traffic generators, KRaft nodes) runs as its image's numeric non-root user with no privilege escalation, every capability dropped and the RuntimeDefault seccomp profile; Strimzi's pods get the same through their templates. ${policies === 0 ? 'The library writes no NetworkPolicy here (no workload of its own). ' : `${policies} NetworkPolic${policies === 1 ? 'y admits' : 'ies admit'} only the clients each workload has; those of the library's pod specs and of bridges without a sidecar also let them reach only DNS and what they dial. `}Strimzi writes ingress policies for the Kafka pods from the listeners' networkPolicyPeers (an in-cluster listener admits its cluster's namespace and the namespaces of the app's clients); bridges with an Istio sidecar leave egress to the mesh.`, '');
  out.push('Left to the cluster: the operators and gateways installed as prerequisites (Strimzi, cert-manager, Envoy Gateway, Istio, TSB) run in namespaces their installers create, with the security settings their charts choose.', '');
  return out;
}

/** Kinds worth a node in the diagram, with a detail each. */
const NOTABLE: Record<string, (o: Manifest) => string> = {
  Kafka: (o) => `<br/>Kafka ${(o.spec?.kafka as { version?: string } | undefined)?.version ?? ''}`,
  KafkaNodePool: (o) => `<br/>${String(o.spec?.replicas)} × ${(o.spec?.roles as string[] | undefined)?.join('+') ?? ''}`,
  KafkaBridge: () => '<br/>HTTP bridge',
  Gateway: (o) => (o.apiVersion.startsWith('networking.istio.io') ? '<br/>Istio' : '<br/>Gateway API'),
  Tier1Gateway: () => '<br/>TSB tier-1',
  StatefulSet: (o) => `<br/>${String(o.spec?.replicas)} pods`,
  Deployment: () => '',
};

function id(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '_');
}
