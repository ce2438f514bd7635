import { NameFormat, nameProblem } from '../core/naming';
import { FieldPath } from './structural';

/**
 * Object metadata rules the API server enforces in code rather than in the schema
 * (k8s.io/apimachinery `validation`): name formats, label and annotation keys and values,
 * and a namespace only on namespaced kinds.
 */

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/**
 * Kinds (`group/Kind`) whose names are not DNS-1123 subdomains, in k8s.io/kubernetes v1.37:
 * Namespaces, Services and StatefulSets are DNS-1123 labels (pkg/apis/core/validation
 * ValidateNamespaceName; ValidateServiceCreate, which uses NameIsDNSLabel since
 * RelaxedServiceNameValidation went GA in 1.37; pkg/apis/apps/validation ValidateStatefulSetName),
 * RBAC objects path segments (pkg/apis/rbac/validation ValidateRBACName), and PodDisruptionBudgets
 * too: pkg/apis/policy/validation ValidatePodDisruptionBudget does not validate the name, so only
 * the registry's path-segment check applies (k8s.io/apiserver pkg/registry/rest BeforeCreate).
 */
const NAME_FORMATS: Readonly<Record<string, NameFormat>> = {
  '/Namespace': NameFormat.DNS1123_LABEL,
  '/Service': NameFormat.DNS1123_LABEL,
  'apps/StatefulSet': NameFormat.DNS1123_LABEL,
  'policy/PodDisruptionBudget': NameFormat.PATH_SEGMENT,
  'rbac.authorization.k8s.io/Role': NameFormat.PATH_SEGMENT,
  'rbac.authorization.k8s.io/ClusterRole': NameFormat.PATH_SEGMENT,
  'rbac.authorization.k8s.io/RoleBinding': NameFormat.PATH_SEGMENT,
  'rbac.authorization.k8s.io/ClusterRoleBinding': NameFormat.PATH_SEGMENT,
};

/** Where problems go: errors by default, warnings for what the API server silently corrects. */
export type MetadataReporter = (path: FieldPath, message: string, severity?: 'error' | 'warning') => void;

/** Checks `metadata` of an object of `group`/`kind` (namespaced or not). */
export function checkMetadata(group: string, kind: string, namespaced: boolean, metadata: unknown, report: MetadataReporter): void {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    report(['metadata'], 'required value: every object needs metadata with a name');
    return;
  }
  const meta = metadata as Record<string, unknown>;

  if (typeof meta.name === 'string') {
    checkName(`${group}/${kind}`, meta.name, (message) => report(['metadata', 'name'], message));
    if (group === '' && kind === 'Service' && nameProblem(meta.name, NameFormat.DNS1123_LABEL) === undefined && nameProblem(meta.name, NameFormat.DNS1035_LABEL) !== undefined) {
      report(['metadata', 'name'], `${JSON.stringify(meta.name)} starts with a digit: Kubernetes 1.37 accepts it (RelaxedServiceNameValidation), older API servers need a DNS-1035 label, starting with a letter`, 'warning');
    }
  } else if (typeof meta.generateName !== 'string') {
    report(['metadata', 'name'], 'required value: name or generateName is required');
  } else {
    report(['metadata', 'name'], 'kubectl apply needs a name (generateName works only with kubectl create)', 'warning');
  }

  if (meta.namespace !== undefined) {
    if (!namespaced) {
      // k8s.io/apiserver pkg/registry/rest EnsureObjectNamespaceMatchesRequestNamespace clears it.
      report(['metadata', 'namespace'], `${kind} is cluster-scoped: the API server ignores the namespace (got ${JSON.stringify(meta.namespace)}); remove it`, 'warning');
    } else if (typeof meta.namespace === 'string') {
      const problem = nameProblem(meta.namespace, NameFormat.DNS1123_LABEL);
      if (problem) report(['metadata', 'namespace'], problem);
    }
  }

  checkKeyedMap(meta.labels, ['metadata', 'labels'], report, (key, value) => {
    if (typeof value !== 'string') return undefined; // the schema reports the type
    if (value.length > 63) return `label value must be at most 63 characters (got ${value.length})`;
    if (!LABEL_VALUE.test(value)) {
      return `invalid label value ${JSON.stringify(value)}: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
    }
    return qualifiedNameProblem(key);
  });

  // ValidateAnnotations: keys are checked lowercased; keys and values count in bytes.
  let annotationSize = 0;
  checkKeyedMap(meta.annotations, ['metadata', 'annotations'], report, (key, value) => {
    if (typeof value !== 'string') return undefined; // the schema reports the type
    annotationSize += Buffer.byteLength(key) + Buffer.byteLength(value);
    return qualifiedNameProblem(key.toLowerCase());
  });
  if (annotationSize > TOTAL_ANNOTATION_SIZE) {
    report(['metadata', 'annotations'], `annotations total ${annotationSize} bytes; must be at most ${TOTAL_ANNOTATION_SIZE}`);
  }

  // ValidateFinalizers: each a qualified name.
  if (Array.isArray(meta.finalizers)) {
    meta.finalizers.forEach((finalizer, i) => {
      const problem = typeof finalizer === 'string' ? qualifiedNameProblem(finalizer) : undefined;
      if (problem) report(['metadata', 'finalizers', i], problem.replace('invalid key', 'invalid finalizer name'));
    });
  }
  checkOwnerReferences(meta.ownerReferences, report);
}

/** ValidateOwnerReferences: apiVersion with a version, kind, name and uid; at most one controller. */
function checkOwnerReferences(references: unknown, report: MetadataReporter): void {
  if (!Array.isArray(references)) return;
  const controllers: string[] = [];
  references.forEach((reference: unknown, i) => {
    if (typeof reference !== 'object' || reference === null) return; // the schema reports the type
    const ref = reference as Record<string, unknown>;
    const at = ['metadata', 'ownerReferences', i];
    const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
    const parts = apiVersion.split('/');
    if (apiVersion === '' || parts.length > 2 || parts.some((part) => part === '')) {
      report([...at, 'apiVersion'], `version must not be empty: apiVersion is <group>/<version> or <version> (got ${JSON.stringify(ref.apiVersion)})`);
    }
    for (const field of ['kind', 'name', 'uid']) {
      if (typeof ref[field] !== 'string' || ref[field] === '') report([...at, field], `${field} must not be empty`);
    }
    if (ref.controller === true) controllers.push(String(ref.name));
  });
  if (controllers.length > 1) {
    report(['metadata', 'ownerReferences'], `only one reference can have controller set to true (got ${controllers.map((c) => JSON.stringify(c)).join(', ')})`);
  }
}

function checkName(groupKind: string, name: string, report: (message: string) => void): void {
  const problem = nameProblem(name, NAME_FORMATS[groupKind] ?? NameFormat.DNS1123_SUBDOMAIN);
  if (problem) report(problem);
}

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most 63. */
function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `invalid key ${JSON.stringify(key)}: at most one '/'`;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    const problem = nameProblem(prefix, NameFormat.DNS1123_SUBDOMAIN);
    if (problem) return `invalid key prefix: ${problem}`;
  }
  if (name.length > 63) return `invalid key ${JSON.stringify(key)}: the name part must be at most 63 characters`;
  if (!QUALIFIED_NAME.test(name)) {
    return `invalid key ${JSON.stringify(key)}: alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
  }
  return undefined;
}

function checkKeyedMap(
  map: unknown,
  path: FieldPath,
  report: MetadataReporter,
  check: (key: string, value: unknown) => string | undefined,
): void {
  if (typeof map !== 'object' || map === null) return;
  for (const [key, value] of Object.entries(map)) {
    const problem = check(key, value);
    if (problem) report([...path, key], problem);
  }
}
