// The fields of built-in kinds that the API server refuses to change on update (Kubernetes
// 1.37.2, k8s.io/kubernetes pkg/apis/*/validation ValidateXUpdate), so that a synth can refuse
// to replace a manifest by one that `kubectl apply` would reject over the running object.

type Json = Record<string, unknown>;

/** One immutable field: where it is, what the server defaults it to, and the Go function that guards it. */
interface ImmutableField {
  readonly path: readonly string[];
  /** The value the server stores when the field is absent (compared as equal to absent). */
  readonly normalize?: (value: unknown) => unknown;
  readonly rule: string;
}

const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/**
 * StatefulSet claim templates as the API server stores them: apps/v1 sets each one's apiVersion
 * and kind (Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec, kubernetes issue 87583), core/v1
 * defaults `spec.volumeMode` and `status.phase` (SetDefaults_PersistentVolumeClaim(Spec)). The
 * list has no merge key, so kubectl and Argo CD compare it whole: a library that writes fewer
 * fields shows drift on every sync. Anything that is not a list is returned as it is.
 */
export function storedClaimTemplates(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((t) => {
    const template = asObject(t);
    const spec = asObject(template.spec);
    return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...template, spec: { ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' }, status: { phase: 'Pending', ...asObject(template.status) } };
  });
}

const withDefault = (fallback: unknown) => (value: unknown) => value ?? fallback;

const SELECTOR = (rule: string): ImmutableField => ({ path: ['spec', 'selector'], rule });

const IMMUTABLE: Readonly<Record<string, readonly ImmutableField[]>> = {
  'apps/StatefulSet': [
    SELECTOR('ValidateStatefulSetUpdate'),
    { path: ['spec', 'volumeClaimTemplates'], normalize: storedClaimTemplates, rule: 'ValidateStatefulSetUpdate' },
    { path: ['spec', 'serviceName'], normalize: withDefault(''), rule: 'ValidateStatefulSetUpdate' },
    { path: ['spec', 'podManagementPolicy'], normalize: withDefault('OrderedReady'), rule: 'ValidateStatefulSetUpdate' },
  ],
  'apps/Deployment': [SELECTOR('ValidateDeploymentUpdate (apps/v1)')],
  'apps/DaemonSet': [SELECTOR('ValidateDaemonSetUpdate')],
  'apps/ReplicaSet': [SELECTOR('ValidateReplicaSetUpdate')],
  'batch/Job': [
    SELECTOR('ValidateJobSpecUpdate'),
    { path: ['spec', 'completionMode'], normalize: withDefault('NonIndexed'), rule: 'ValidateJobSpecUpdate' },
    { path: ['spec', 'template'], rule: 'ValidateJobSpecUpdate' },
  ],
  '/Secret': [{ path: ['type'], normalize: withDefault('Opaque'), rule: 'ValidateSecretUpdate' }],
};

/** Where the previous object says the field may not change, with what and why. */
export interface ImmutableChange {
  /** The field, dotted (e.g. `spec.selector`). */
  readonly field: string;
  /** The Kubernetes validation function that rejects the change. */
  readonly rule: string;
  /** Where inside the field the first difference is (e.g. `[0].spec.resources.requests.storage`), '' for the field itself. */
  readonly at: string;
  /** The value there before and after, as compact JSON (at most 120 characters each). */
  readonly before: string;
  readonly after: string;
}

/** A value for a message: compact JSON, shortened. */
function shown(value: unknown): string {
  const text = value === undefined ? '(unset)' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The first place two JSON values differ, and what each holds there. */
function firstDifference(a: unknown, b: unknown, at = ''): { at: string; before: string; after: string } {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (canonical(a[i]) !== canonical(b[i])) return firstDifference(a[i], b[i], `${at}[${i}]`);
    }
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (canonical((a as Json)[key]) !== canonical((b as Json)[key])) return firstDifference((a as Json)[key], (b as Json)[key], `${at}.${key}`);
    }
  }
  return { at, before: shown(a), after: shown(b) };
}

const at = (object: Json, path: readonly string[]): unknown => path.reduce<unknown>((v, k) => asObject(v)[k], object);

/** Key-order-insensitive JSON, so that only a changed value counts. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().filter((k) => (value as Json)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Json)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fields `next` changes that the API server keeps immutable on an update of `previous`
 * (same kind, namespace and name): an apply of `next` over the running object is rejected with
 * "field is immutable". Absent fields compare as the server's default. Also: a Service's
 * `clusterIP` once set (`None` for headless) and a ConfigMap's or Secret's data once it is
 * `immutable: true`.
 */
export function immutableChanges(previous: Json, next: Json): ImmutableChange[] {
  const apiVersion = String(next.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  const kind = String(next.kind ?? '');
  if (previous.kind !== kind || String(previous.apiVersion ?? '').split('/').slice(0, -1).join('/') !== group) return [];
  const changes: ImmutableChange[] = [];
  for (const field of IMMUTABLE[`${group}/${kind}`] ?? []) {
    const normalize = field.normalize ?? ((v: unknown) => v);
    const [before, after] = [normalize(at(previous, field.path)), normalize(at(next, field.path))];
    if (canonical(before) !== canonical(after)) changes.push({ field: field.path.join('.'), rule: field.rule, ...firstDifference(before, after) });
  }
  if (group === '' && kind === 'Service') {
    // An unset clusterIP is allocated by the server and kept by apply; a set one may not change
    // (ValidateServiceUpdate), so headless (None) versus allocated is a change either way.
    const before = at(previous, ['spec', 'clusterIP']) ?? 'allocated';
    const after = at(next, ['spec', 'clusterIP']);
    if (after !== undefined && after !== '' && after !== before && at(previous, ['spec', 'type']) !== 'ExternalName' && at(next, ['spec', 'type']) !== 'ExternalName') {
      changes.push({ field: 'spec.clusterIP', rule: 'ValidateServiceUpdate', at: '', before: shown(at(previous, ['spec', 'clusterIP'])), after: shown(after) });
    }
  }
  if (group === '' && (kind === 'ConfigMap' || kind === 'Secret') && previous.immutable === true) {
    for (const key of kind === 'ConfigMap' ? ['data', 'binaryData', 'immutable'] : ['data', 'stringData', 'immutable']) {
      if (canonical(previous[key]) !== canonical(next[key])) changes.push({ field: key, rule: kind === 'ConfigMap' ? 'ValidateConfigMapUpdate' : 'ValidateSecretUpdate', ...firstDifference(previous[key], next[key]) });
    }
  }
  return changes;
}
