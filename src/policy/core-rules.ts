import { isIP } from 'node:net';
import { labelKeyProblem, NameFormat, nameProblem } from '../core/naming';
import type { OpenApiSchema } from './openapi';
import { FieldPath } from './structural';

/**
 * What the Kubernetes API server checks in Go for the built-in kinds, beyond their OpenAPI
 * schema: the hand-written validation a create goes through after defaulting
 * (`pkg/apis/<group>/validation/validation.go` of k8s.io/kubernetes v1.37.2, the label and
 * selector rules of k8s.io/apimachinery v0.37.2), and what the JSON decoder refuses before
 * that (numbers that do not fit their Go type, `[]byte` fields that are not base64).
 *
 * A field the API server defaults (`pkg/apis/<group>/v1/defaults.go`) counts as its default when
 * it is absent: a Service's `type` is `ClusterIP`, a port's `protocol` `TCP`, a Deployment's
 * `progressDeadlineSeconds` 600. Cluster policy (`--allow-privileged`) and admission are not
 * modelled: they differ from cluster to cluster.
 *
 * The rules cover the kinds the library writes (Deployment, StatefulSet, Service, ConfigMap,
 * Namespace, PodDisruptionBudget, NetworkPolicy) and the pod template of every workload kind;
 * each names the Go function it follows.
 */

/** Where a rule reports what it finds: the field and the message. */
export type CoreRuleReporter = (path: FieldPath, message: string) => void;

/** What the decoding rules need of the kind's schema. */
export interface CoreSchema {
  readonly schema: OpenApiSchema;
  readonly deref: (node: OpenApiSchema) => OpenApiSchema;
}

/**
 * Checks a built-in object of `group`/`kind` (already decoded as JSON, `status` removed) against
 * the Go-coded rules of the API server.
 */
export function checkCoreRules(group: string, kind: string, object: Record<string, unknown>, schema: CoreSchema | undefined, report: CoreRuleReporter): void {
  if (schema !== undefined) checkDecoding(schema, object, report);
  const spec = obj(object.spec);
  switch (`${group}/${kind}`) {
    case 'apps/Deployment':
      return checkDeployment(spec, report);
    case 'apps/StatefulSet':
      return checkStatefulSet(spec, report);
    case 'apps/DaemonSet':
      return checkWorkloadTemplate(spec, ['spec'], report, { workload: 'daemonset' });
    case 'apps/ReplicaSet':
      return checkWorkloadTemplate(spec, ['spec'], report, { workload: 'replicaset' });
    case 'batch/Job':
      return checkPodTemplate(obj(spec.template), ['spec', 'template'], report, {});
    case 'batch/CronJob':
      return checkPodTemplate(obj(obj(obj(spec.jobTemplate).spec).template), ['spec', 'jobTemplate', 'spec', 'template'], report, {});
    case '/Pod':
      return checkPodSpec(spec, ['spec'], report, {});
    case '/Service':
      return checkService(spec, report);
    case '/ConfigMap':
      return checkConfigMap(object, report);
    case '/Namespace':
      return checkNamespace(spec, report);
    case 'policy/PodDisruptionBudget':
      return checkPodDisruptionBudget(spec, report);
    case 'networking.k8s.io/NetworkPolicy':
      return checkNetworkPolicy(spec, report);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading values: a value of the wrong type is the schema's to report, never a rule's.

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object, or an empty one when the value is absent or not an object. */
function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** The list, or an empty one. */
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The list's objects with their indices (other items are the schema's to report). */
function objects(value: unknown): Array<[Obj, number]> {
  return list(value).flatMap((item, i): Array<[Obj, number]> => (isObj(item) ? [[item, i]] : []));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The string map's entries (label maps), string values only. */
function stringEntries(value: unknown): Array<[string, string]> {
  return Object.entries(obj(value)).filter((e): e is [string, string] => typeof e[1] === 'string');
}

const q = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** `value` must be one of `allowed` (field.NotSupported). */
function supported(path: FieldPath, value: unknown, allowed: readonly string[], report: CoreRuleReporter): void {
  if (typeof value === 'string' && !allowed.includes(value)) report(path, `must be one of ${allowed.map(q).join(', ')} (got ${q(value)})`);
}

/** ValidateNonnegativeField (pkg/apis/core/validation/validation.go). */
function nonNegative(path: FieldPath, value: unknown, report: CoreRuleReporter): void {
  const n = int(value);
  if (n !== undefined && n < 0) report(path, `must be greater than or equal to 0 (got ${n})`);
}

/** IsInRange (k8s.io/apimachinery pkg/util/validation): ports, user and group IDs. */
function inRange(path: FieldPath, value: unknown, min: number, max: number, report: CoreRuleReporter): void {
  const n = int(value);
  if (n !== undefined && (n < min || n > max)) report(path, `must be between ${min} and ${max}, inclusive (got ${n})`);
}

const INT32_MAX = 2 ** 31 - 1;

// ---------------------------------------------------------------------------------------------
// Decoding: what the JSON decoder refuses for the Go types (sigs.k8s.io/json, encoding/json;
// k8s.io/apimachinery pkg/runtime/serializer/json)

/**
 * An integer field of `format: int32` (a Go int32) that does not fit ("cannot unmarshal number
 * ... of type int32"), and a `format: byte` field (a Go []byte, such as ConfigMap `binaryData`)
 * that is not standard base64 ("illegal base64 data").
 */
function checkDecoding(core: CoreSchema, value: unknown, report: CoreRuleReporter, schema: OpenApiSchema = core.schema, path: FieldPath = []): void {
  const node = core.deref(schema);
  if (typeof value === 'number' && node.type === 'integer' && node.format === 'int32' && Number.isInteger(value) && (value < -(2 ** 31) || value > INT32_MAX)) {
    report(path, `must fit in a 32-bit integer, -2147483648 to 2147483647 (got ${value}); the API server cannot decode it`);
  } else if (typeof value === 'string' && node.type === 'string' && node.format === 'byte' && !isBase64(value)) {
    report(path, `must be base64-encoded (got ${q(value.length > 40 ? `${value.slice(0, 40)}…` : value)}); the API server cannot decode it`);
  } else if (Array.isArray(value)) {
    if (node.items !== undefined) value.forEach((item, i) => checkDecoding(core, item, report, node.items!, [...path, i]));
  } else if (isObj(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      if (childSchema !== undefined) checkDecoding(core, child, report, childSchema, [...path, key]);
    }
  }
}

/** encoding/base64 StdEncoding as encoding/json decodes []byte: padded, line breaks ignored. */
function isBase64(text: string): boolean {
  const compact = text.replace(/[\r\n]/g, '');
  return compact.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(compact);
}

// ---------------------------------------------------------------------------------------------
// Labels and selectors (k8s.io/apimachinery pkg/apis/meta/v1/validation/validation.go)

/** ValidateLabels: qualified-name keys, label values. */
function checkLabelMap(path: FieldPath, labels: unknown, report: CoreRuleReporter): void {
  for (const [key, value] of stringEntries(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) report([...path, key], `invalid key: ${keyProblem}`);
    const valueProblem = nameProblem(value, NameFormat.LABEL_VALUE);
    if (valueProblem !== undefined) report([...path, key], `invalid label value: ${valueProblem}`);
  }
}

/** ValidateLabelSelector and ValidateLabelSelectorRequirement (invalid label values not allowed, as on create). */
function checkLabelSelector(path: FieldPath, selector: unknown, report: CoreRuleReporter): void {
  if (!isObj(selector)) return;
  checkLabelMap([...path, 'matchLabels'], selector.matchLabels, report);
  for (const [expression, i] of objects(selector.matchExpressions)) {
    const at = [...path, 'matchExpressions', i];
    const values = list(expression.values);
    const operator = str(expression.operator);
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) report([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'");
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) report([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    } else if (operator !== undefined) {
      report([...at, 'operator'], `not a valid selector operator: must be one of "In", "NotIn", "Exists", "DoesNotExist" (got ${q(operator)})`);
    }
    const key = str(expression.key);
    if (key !== undefined) {
      const problem = labelKeyProblem(key);
      if (problem !== undefined) report([...at, 'key'], `invalid key: ${problem}`);
    }
    values.forEach((value, v) => {
      const problem = typeof value === 'string' ? nameProblem(value, NameFormat.LABEL_VALUE) : undefined;
      if (problem !== undefined) report([...at, 'values', v], `invalid label value: ${problem}`);
    });
  }
}

/** Whether a selector has no requirement (matches everything: labels.Selector.Empty). */
function emptySelector(selector: Obj): boolean {
  return Object.keys(obj(selector.matchLabels)).length + list(selector.matchExpressions).length === 0;
}

/** labels.Selector.Matches for a valid LabelSelector (metav1.LabelSelectorAsSelector). */
function selectorMatches(selector: Obj, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of stringEntries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const [e] of objects(selector.matchExpressions)) {
    const key = str(e.key) ?? '';
    const values = list(e.values);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return true; // an invalid selector is reported, never matched
    }
  }
  return true;
}

/** Whether the selector is valid enough to match with (LabelSelectorAsSelector would succeed). */
function selectorUsable(selector: Obj): boolean {
  return objects(selector.matchExpressions).every(([e]) => {
    const n = list(e.values).length;
    return ((e.operator === 'In' || e.operator === 'NotIn') && n > 0) || ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && n === 0);
  });
}

// ---------------------------------------------------------------------------------------------
// Quantities (k8s.io/apimachinery pkg/api/resource/quantity.go ParseQuantity): exact rationals

interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** A quantity's exact value, or undefined when it is not one (the schema's pattern reports that). */
export function parseQuantity(value: unknown): Rational | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null) return undefined;
  const [whole, fraction = ''] = m[2].split('.');
  let num = BigInt(`${whole || '0'}${fraction}`) * (m[1] === '-' ? -1n : 1n);
  let den = 10n ** BigInt(fraction.length);
  let exponent = m[4] !== undefined ? Number(m[4]) : DECIMAL_SUFFIX[m[3] ?? ''] ?? 0;
  if (m[3] !== undefined && BINARY_SUFFIX[m[3]] !== undefined) {
    num *= 2n ** BigInt(BINARY_SUFFIX[m[3]]);
    exponent = 0;
  }
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den *= 10n ** BigInt(-exponent);
  return { num, den };
}

function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Workloads (pkg/apis/apps/validation/validation.go)

/** How a workload kind validates its pod template. */
interface PodOptions {
  /** RestartPolicy must be Always and activeDeadlineSeconds unset (ValidatePodTemplateSpecForReplicaSet, ...ForStatefulSet). */
  readonly workload?: string;
  /** StatefulSet: hostname and subdomain are overwritten by the controller and not validated. */
  readonly ignoreHostname?: boolean;
  /** StatefulSet: volumes the volumeClaimTemplates add (volumesToAddForTemplates). */
  readonly extraVolumes?: readonly string[];
}

/** ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment (with SetDefaults_Deployment). */
function checkDeployment(spec: Obj, report: CoreRuleReporter): void {
  nonNegative(['spec', 'replicas'], spec.replicas, report);
  checkWorkloadTemplate(spec, ['spec'], report, { workload: 'deployment' });
  const strategy = obj(spec.strategy);
  const type = str(strategy.type) || 'RollingUpdate';
  if (type === 'Recreate') {
    if (isObj(strategy.rollingUpdate)) report(['spec', 'strategy', 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'");
  } else if (type === 'RollingUpdate') {
    const rolling = obj(strategy.rollingUpdate);
    const at = ['spec', 'strategy', 'rollingUpdate'];
    const maxUnavailable = rolling.maxUnavailable ?? '25%';
    const maxSurge = rolling.maxSurge ?? '25%';
    positiveIntOrPercent([...at, 'maxUnavailable'], maxUnavailable, report);
    positiveIntOrPercent([...at, 'maxSurge'], maxSurge, report);
    if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) report([...at, 'maxUnavailable'], 'may not be 0 when `maxSurge` is 0');
    notMoreThan100Percent([...at, 'maxUnavailable'], maxUnavailable, report);
  } else {
    supported(['spec', 'strategy', 'type'], type, ['Recreate', 'RollingUpdate'], report);
  }
  nonNegative(['spec', 'minReadySeconds'], spec.minReadySeconds, report);
  nonNegative(['spec', 'revisionHistoryLimit'], spec.revisionHistoryLimit, report);
  const deadline = int(spec.progressDeadlineSeconds) ?? 600;
  nonNegative(['spec', 'progressDeadlineSeconds'], deadline, report);
  const minReady = int(spec.minReadySeconds) ?? 0;
  if (deadline <= minReady) {
    report(['spec', 'progressDeadlineSeconds'], `must be greater than minReadySeconds (got ${deadline}${spec.progressDeadlineSeconds === undefined ? ', the default' : ''}, minReadySeconds ${minReady})`);
  }
}

/** ValidateStatefulSetSpec and validateVolumeClaimTemplates (with SetDefaults_StatefulSet). */
function checkStatefulSet(spec: Obj, report: CoreRuleReporter): void {
  supported(['spec', 'podManagementPolicy'], str(spec.podManagementPolicy) || 'OrderedReady', ['OrderedReady', 'Parallel'], report);
  const strategy = obj(spec.updateStrategy);
  const type = str(strategy.type) || 'RollingUpdate';
  const at = ['spec', 'updateStrategy'];
  if (type === 'OnDelete') {
    if (isObj(strategy.rollingUpdate)) report([...at, 'rollingUpdate'], "only allowed for updateStrategy 'RollingUpdate'");
  } else if (type === 'RollingUpdate') {
    const rolling = obj(strategy.rollingUpdate);
    nonNegative([...at, 'rollingUpdate', 'partition'], rolling.partition, report);
    if (rolling.maxUnavailable !== undefined) {
      positiveIntOrPercent([...at, 'rollingUpdate', 'maxUnavailable'], rolling.maxUnavailable, report);
      if (intOrPercentValue(rolling.maxUnavailable) === 0) report([...at, 'rollingUpdate', 'maxUnavailable'], 'cannot be 0');
      notMoreThan100Percent([...at, 'rollingUpdate', 'maxUnavailable'], rolling.maxUnavailable, report);
    }
  } else {
    supported([...at, 'type'], type, ['RollingUpdate', 'OnDelete'], report);
  }
  const retention = obj(spec.persistentVolumeClaimRetentionPolicy);
  for (const field of ['whenDeleted', 'whenScaled']) {
    supported(['spec', 'persistentVolumeClaimRetentionPolicy', field], str(retention[field]) || 'Retain', ['Retain', 'Delete'], report);
  }
  const templates = objects(spec.volumeClaimTemplates);
  for (const [claim, i] of templates) checkClaimSpec(obj(claim.spec), ['spec', 'volumeClaimTemplates', i, 'spec'], report);
  nonNegative(['spec', 'replicas'], spec.replicas, report);
  nonNegative(['spec', 'minReadySeconds'], spec.minReadySeconds, report);
  // revisionHistoryLimit is not validated for StatefulSets (unlike Deployments and DaemonSets).
  nonNegative(['spec', 'ordinals', 'start'], obj(spec.ordinals).start, report);
  const serviceName = str(spec.serviceName);
  if (serviceName) dnsLabel(['spec', 'serviceName'], serviceName, report);
  const extraVolumes = templates.map(([claim]) => str(obj(claim.metadata).name)).filter((n): n is string => n !== undefined);
  checkWorkloadTemplate(spec, ['spec'], report, { workload: 'statefulset', ignoreHostname: true, extraVolumes });
}

/** ValidatePositiveIntOrPercent: a non-negative integer or a percentage string. */
function positiveIntOrPercent(path: FieldPath, value: unknown, report: CoreRuleReporter): void {
  if (typeof value === 'string') {
    if (!/^[0-9]+%$/.test(value)) report(path, `must be an integer or a percentage such as "25%" (got ${q(value)})`);
  } else {
    nonNegative(path, value, report);
  }
}

/** getIntOrPercentValue. */
function intOrPercentValue(value: unknown): number | undefined {
  if (typeof value === 'string') return /^[0-9]+%$/.test(value) ? Number(value.slice(0, -1)) : 0;
  return int(value);
}

/** IsNotMoreThan100Percent. */
function notMoreThan100Percent(path: FieldPath, value: unknown, report: CoreRuleReporter): void {
  if (typeof value === 'string' && /^[0-9]+%$/.test(value) && Number(value.slice(0, -1)) > 100) report(path, `must not be greater than 100% (got ${q(value)})`);
}

/**
 * The selector and template of a workload: ValidateDeploymentSpec/ValidateStatefulSetSpec's
 * selector checks (required, valid, not empty) and ValidatePodTemplateSpecForReplicaSet /
 * ValidatePodTemplateSpecForStatefulSet (the template's labels match the selector).
 */
function checkWorkloadTemplate(spec: Obj, at: FieldPath, report: CoreRuleReporter, options: PodOptions): void {
  const selector = spec.selector;
  const template = obj(spec.template);
  if (isObj(selector)) {
    checkLabelSelector([...at, 'selector'], selector, report);
    if (options.workload !== undefined && emptySelector(selector)) report([...at, 'selector'], `empty selector is invalid for ${options.workload}: it would select every pod`);
    if (!emptySelector(selector) && selectorUsable(selector)) {
      const labels = Object.fromEntries(stringEntries(obj(template.metadata).labels));
      if (!selectorMatches(selector, labels)) report([...at, 'template', 'metadata', 'labels'], '`selector` does not match template `labels`');
    }
  }
  checkPodTemplate(template, [...at, 'template'], report, options);
}

/** ValidatePodTemplateSpec: the template's labels, then its pod spec. */
function checkPodTemplate(template: Obj, at: FieldPath, report: CoreRuleReporter, options: PodOptions): void {
  checkLabelMap([...at, 'metadata', 'labels'], obj(template.metadata).labels, report);
  checkPodSpec(obj(template.spec), [...at, 'spec'], report, options);
}

// ---------------------------------------------------------------------------------------------
// Pod spec (pkg/apis/core/validation/validation.go ValidatePodSpec)

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** ValidatePodSpec: volumes, containers, pod-level fields. */
function checkPodSpec(spec: Obj, at: FieldPath, report: CoreRuleReporter, options: PodOptions): void {
  const volumes = checkVolumes(spec.volumes, [...at, 'volumes'], report);
  for (const name of options.extraVolumes ?? []) volumes.add(name);
  const containers = objects(spec.containers);
  const names = new Map<string, string>();
  const checkAll = (field: 'containers' | 'initContainers') => {
    for (const [container, i] of objects(spec[field])) {
      const path = [...at, field, i];
      checkContainer(container, path, volumes, report, field === 'containers');
      const name = str(container.name);
      if (name !== undefined && name !== '') {
        const first = names.get(name);
        if (first !== undefined) report([...path, 'name'], `duplicate container name ${q(name)} (also at ${first})`);
        else names.set(name, `${field}[${i}]`);
      }
    }
  };
  if (Array.isArray(spec.containers) && containers.length === 0) report([...at, 'containers'], 'required value: at least one container');
  checkAll('containers');
  checkAll('initContainers');

  // validateRestartPolicy; ValidatePodTemplateSpecForReplicaSet/ForStatefulSet: Always only.
  const restartPolicy = str(spec.restartPolicy) || 'Always';
  if (options.workload !== undefined) supported([...at, 'restartPolicy'], restartPolicy, ['Always'], report);
  else supported([...at, 'restartPolicy'], restartPolicy, ['Always', 'OnFailure', 'Never'], report);
  supported([...at, 'dnsPolicy'], str(spec.dnsPolicy) || 'ClusterFirst', ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], report);
  checkLabelMap([...at, 'nodeSelector'], spec.nodeSelector, report);
  checkPodSecurityContext(obj(spec.securityContext), [...at, 'securityContext'], report);
  for (const field of ['serviceAccountName', 'priorityClassName']) {
    const value = str(spec[field]);
    if (value) dnsSubdomain([...at, field], value, report);
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    if (options.workload !== undefined) report([...at, 'activeDeadlineSeconds'], `activeDeadlineSeconds is not supported in a ${options.workload}'s pod template`);
    else inRange([...at, 'activeDeadlineSeconds'], spec.activeDeadlineSeconds, 1, INT32_MAX, report);
  }
  if (!options.ignoreHostname) {
    for (const field of ['hostname', 'subdomain']) {
      const value = str(spec[field]);
      if (value) dnsLabel([...at, field], value, report);
    }
  }
  checkTolerations(spec.tolerations, [...at, 'tolerations'], report);
  checkTopologySpread(spec.topologySpreadConstraints, [...at, 'topologySpreadConstraints'], report);
}

/** ValidateVolumes: names (required, DNS-1123 labels, unique), at most one volume source; the names a mount may use. */
function checkVolumes(value: unknown, at: FieldPath, report: CoreRuleReporter): Set<string> {
  const valid = new Set<string>();
  const seen = new Map<string, number>();
  for (const [volume, i] of objects(value)) {
    const name = str(volume.name);
    let ok = true;
    if (name === undefined || name === '') {
      ok = false; // the schema reports a missing name
    } else {
      const problem = nameProblem(name, NameFormat.DNS1123_LABEL);
      if (problem !== undefined) {
        report([...at, i, 'name'], problem);
        ok = false;
      }
      if (seen.has(name)) {
        report([...at, i, 'name'], `duplicate volume name ${q(name)} (also at [${seen.get(name)}])`);
        ok = false;
      } else {
        seen.set(name, i);
      }
    }
    // validateVolumeSource: no source is defaulted to emptyDir (SetDefaults_Volume); two are an
    // error, and only the first, in the order the function tests them, is validated.
    const sources = Object.keys(volume).filter((k) => k !== 'name' && volume[k] !== null && volume[k] !== undefined);
    if (sources.length > 1) {
      report([...at, i], `may not specify more than 1 volume type (got ${sources.join(', ')})`);
      ok = false;
    }
    const first = VOLUME_SOURCES.find((k) => sources.includes(k));
    if (first !== undefined && isObj(volume[first])) checkVolumeSource(first, volume[first] as Obj, [...at, i, first], report);
    if (ok && name !== undefined) valid.add(name);
  }
  return valid;
}

/** The volume sources in the order validateVolumeSource tests them: the first one set is validated. */
const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap', 'azureFile',
  'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
];

/** A name the Go type holds as a plain string: absent and null decode to "", which `len(...) == 0` refuses. */
function missingName(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The sources of the volumes the library writes, and those that refer to other objects by name,
 * as validateVolumeSource checks them. The API server requires the referenced name but does not
 * check its format here (a Secret or ConfigMap that cannot exist leaves the pod ContainerCreating,
 * which is the consistency pass's business, not a rejection).
 */
function checkVolumeSource(kind: string, source: Obj, at: FieldPath, report: CoreRuleReporter): void {
  switch (kind) {
    case 'emptyDir': {
      // The negative sizeLimit check; `mode` is feature-gated (dropped when the gate is off), so not judged.
      const limit = parseQuantity(source.sizeLimit);
      if (limit !== undefined && limit.num < 0n) report([...at, 'sizeLimit'], `SizeLimit field must be a valid resource quantity (got ${q(source.sizeLimit)})`);
      return;
    }
    case 'secret':
      // validateSecretVolumeSource
      if (missingName(source.secretName)) report([...at, 'secretName'], 'required value: the Secret to mount');
      return checkKeysToPaths(source, at, report);
    case 'configMap':
      // validateConfigMapVolumeSource
      if (missingName(source.name)) report([...at, 'name'], 'required value: the ConfigMap to mount');
      return checkKeysToPaths(source, at, report);
    case 'persistentVolumeClaim':
      // validatePersistentClaimVolumeSource (an absent claimName is the schema's: it is required there)
      if (source.claimName === '') report([...at, 'claimName'], 'required value: the PersistentVolumeClaim to mount');
      return;
    case 'projected':
      return checkProjected(source, at, report);
    default:
      return;
  }
}

/** A file mode: 0-0777 (fileModeErrorMsg). */
function fileMode(path: FieldPath, value: unknown, report: CoreRuleReporter): void {
  const n = int(value);
  if (n !== undefined && (n < 0 || n > 0o777)) report(path, `must be a number between 0 and 0777 (octal), both inclusive (got ${n})`);
}

/** validateConfigMapVolumeSource, validateSecretVolumeSource: the default file mode and the items. */
function checkKeysToPaths(source: Obj, at: FieldPath, report: CoreRuleReporter): void {
  fileMode([...at, 'defaultMode'], source.defaultMode, report);
  for (const [item, i] of objects(source.items)) checkKeyToPath(item, [...at, 'items', i], report);
}

/** validateKeyToPath: a key, and a local path that does not climb or start with '..'. */
function checkKeyToPath(item: Obj, at: FieldPath, report: CoreRuleReporter): void {
  if (item.key === '') report([...at, 'key'], 'required value');
  const path = str(item.path);
  if (path === '') report([...at, 'path'], 'required value');
  else if (path !== undefined) localNonReservedPath([...at, 'path'], path, report);
  fileMode([...at, 'mode'], item.mode, report);
}

/**
 * validateProjectedVolumeSource and validateProjectionSources: the default mode; per source one
 * type; a Secret or ConfigMap source names its object and has valid items; no two files at one
 * path across the sources (items of Secrets and ConfigMaps, Downward API files, cluster trust
 * bundles); Downward API files with a local path and one reference; service account tokens with
 * a local path and an expiration of 10 minutes to 2^32 seconds. Not modelled: which fields a
 * Downward API reference may select, cluster trust bundles' names and signers, and pod
 * certificates (the library writes none of them).
 */
function checkProjected(source: Obj, at: FieldPath, report: CoreRuleReporter): void {
  fileMode([...at, 'defaultMode'], source.defaultMode, report);
  const paths = new Set<string>();
  const claim = (path: unknown, what: string) => {
    if (typeof path !== 'string' || path === '') return;
    if (paths.has(path)) report(at, `conflicting duplicate paths: ${q(path)} (${what})`);
    paths.add(path);
  };
  for (const [projection, i] of objects(source.sources)) {
    const where = [...at, 'sources', i];
    const types = PROJECTION_SOURCES.filter((k) => projection[k] !== undefined && projection[k] !== null);
    for (const kind of ['secret', 'configMap'] as const) {
      if (!isObj(projection[kind])) continue;
      const ref = projection[kind] as Obj;
      if (missingName(ref.name)) report([...where, kind, 'name'], `required value: the ${kind === 'secret' ? 'Secret' : 'ConfigMap'} to project`);
      for (const [item, j] of objects(ref.items)) {
        checkKeyToPath(item, [...where, kind, 'items', j], report);
        claim(item.path, `${kind} ${q(ref.name ?? '')}`);
      }
    }
    if (isObj(projection.downwardAPI)) {
      for (const [file] of objects((projection.downwardAPI as Obj).items)) {
        const path = str(file.path);
        if (path === '') report([...where, 'downwardAPI', 'path'], 'required value');
        else if (path !== undefined) localNonReservedPath([...where, 'downwardAPI', 'path'], path, report);
        fileMode([...where, 'downwardAPI', 'mode'], file.mode, report);
        const refs = ['fieldRef', 'resourceFieldRef'].filter((k) => isObj(file[k]));
        if (refs.length === 0) report([...where, 'downwardAPI'], 'required value: one of fieldRef and resourceFieldRef is required');
        if (refs.length === 2) report([...where, 'downwardAPI'], 'fieldRef and resourceFieldRef can not be specified simultaneously');
        claim(path, 'downwardAPI');
      }
    }
    if (isObj(projection.serviceAccountToken)) {
      // expirationSeconds is defaulted to 3600 (SetDefaults_ServiceAccountTokenProjection); the
      // path is reported at the projection's own path, as the Go code does; it joins no duplicate check.
      const token = projection.serviceAccountToken as Obj;
      const expiration = int(token.expirationSeconds);
      if (expiration !== undefined && expiration < 600) report([...where, 'serviceAccountToken', 'expirationSeconds'], `may not specify a duration less than 10 minutes (got ${expiration})`);
      if (expiration !== undefined && expiration > 2 ** 32) report([...where, 'serviceAccountToken', 'expirationSeconds'], `may not specify a duration larger than 2^32 seconds (got ${expiration})`);
      const path = str(token.path);
      if (path === '') report([...at, 'path'], 'required value: the service account token\'s path');
      else if (path !== undefined) localNonReservedPath([...at, 'path'], path, report);
    }
    if (isObj(projection.clusterTrustBundle)) claim((projection.clusterTrustBundle as Obj).path, 'clusterTrustBundle');
    if (types.length > 1) report(where, `may not specify more than 1 volume type per source (got ${types.join(', ')})`);
  }
}

/** The kinds of a projected volume's source (VolumeProjection). */
const PROJECTION_SOURCES = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'];

/**
 * validateLocalDescendingPath: relative, and no '..' element (validatePathNoBacksteps splits on
 * '/' after filepath.ToSlash, which changes nothing on the API server's Linux: a backslash separates nothing).
 */
function localDescendingPath(path: FieldPath, value: string, report: CoreRuleReporter): void {
  if (value.startsWith('/')) report(path, `must be a relative path (got ${q(value)})`);
  if (value.split('/').includes('..')) report(path, `must not contain '..' (got ${q(value)})`);
}

/** ValidateLocalNonReservedPath: validateLocalDescendingPath, and not starting with '..' (the kubelet's own `..data`). */
function localNonReservedPath(path: FieldPath, value: string, report: CoreRuleReporter): void {
  localDescendingPath(path, value, report);
  if (value.startsWith('..') && !value.startsWith('../')) report(path, `must not start with '..' (got ${q(value)})`);
}

/** validateContainerCommon, validateContainers: one container. */
function checkContainer(container: Obj, at: FieldPath, volumes: ReadonlySet<string>, report: CoreRuleReporter, regular: boolean): void {
  const name = str(container.name);
  if (name) dnsLabel([...at, 'name'], name, report);
  if (container.image === '') report([...at, 'image'], 'required value');
  supported([...at, 'terminationMessagePolicy'], str(container.terminationMessagePolicy) || 'File', ['File', 'FallbackToLogsOnError'], report);
  supported([...at, 'imagePullPolicy'], str(container.imagePullPolicy) || 'IfNotPresent', ['Always', 'IfNotPresent', 'Never'], report);
  checkContainerPorts(container.ports, [...at, 'ports'], report);
  checkEnv(container.env, [...at, 'env'], report);
  checkVolumeMounts(container.volumeMounts, [...at, 'volumeMounts'], volumes, report);
  checkResources(obj(container.resources), [...at, 'resources'], report);
  checkSecurityContext(container.securityContext, [...at, 'securityContext'], report);
  if (regular) {
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (isObj(container[probe])) checkProbe(container[probe] as Obj, [...at, probe], probe, report);
    }
    const lifecycle = obj(container.lifecycle);
    for (const hook of ['postStart', 'preStop']) {
      if (isObj(lifecycle[hook])) checkHandler(lifecycle[hook] as Obj, [...at, 'lifecycle', hook], report);
    }
  }
}

/** validateContainerPorts: names (IANA service names, unique), port numbers, protocols. */
function checkContainerPorts(value: unknown, at: FieldPath, report: CoreRuleReporter): void {
  const names = new Map<string, number>();
  for (const [port, i] of objects(value)) {
    const name = str(port.name);
    if (name) {
      const problem = portNameProblem(name);
      if (problem !== undefined) report([...at, i, 'name'], problem);
      else if (names.has(name)) report([...at, i, 'name'], `duplicate port name ${q(name)} (also at [${names.get(name)}])`);
      else names.set(name, i);
    }
    if (port.containerPort === 0) report([...at, i, 'containerPort'], 'required value: a port number between 1 and 65535');
    else inRange([...at, i, 'containerPort'], port.containerPort, 1, 65535, report);
    if (port.hostPort !== 0) inRange([...at, i, 'hostPort'], port.hostPort, 1, 65535, report);
    supported([...at, i, 'protocol'], str(port.protocol) || 'TCP', PROTOCOLS, report);
  }
}

/** IsValidPortName (k8s.io/apimachinery pkg/util/validation): an IANA service name. */
function portNameProblem(name: string): string | undefined {
  const problems: string[] = [];
  if (name.length > 15) problems.push(`must be no more than 15 characters (got ${name.length})`);
  if (!/^[-a-z0-9]+$/.test(name)) problems.push('must contain only alphanumeric characters (a-z, 0-9) and hyphens (-)');
  if (!/[a-z]/.test(name)) problems.push('must contain at least one letter (a-z)');
  if (name.includes('--')) problems.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) problems.push('must not begin or end with a hyphen');
  return problems.length === 0 ? undefined : `invalid port name ${q(name)}: ${problems.join('; ')}`;
}

/** ValidatePortNumOrName: 1-65535, or a port name. */
function portNumOrName(path: FieldPath, value: unknown, report: CoreRuleReporter): void {
  if (typeof value === 'string') {
    const problem = portNameProblem(value);
    if (problem !== undefined) report(path, problem);
  } else {
    inRange(path, value, 1, 65535, report);
  }
}

/** The fieldRef paths an env var may read (validEnvDownwardAPIFieldPathExpressions), besides subscripted labels and annotations. */
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** validContainerResourceFieldPathExpressions, besides the hugepages prefixes. */
const ENV_RESOURCE_FIELDS = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];

/** ValidateEnv and validateEnvVarValueFrom. Duplicate names are accepted (the later one wins, with a warning). */
function checkEnv(value: unknown, at: FieldPath, report: CoreRuleReporter): void {
  for (const [variable, i] of objects(value)) {
    const name = str(variable.name);
    if (name === '') report([...at, i, 'name'], 'required value');
    // IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, GA in 1.34): printable ASCII but '='.
    else if (name !== undefined && !/^[\x20-\x3c\x3e-\x7e]+$/.test(name)) report([...at, i, 'name'], `invalid environment variable name ${q(name)}: printable ASCII characters except '='`);
    const from = variable.valueFrom;
    if (!isObj(from)) continue;
    const path = [...at, i, 'valueFrom'];
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((k) => isObj(from[k]));
    if (sources.length === 0) report(path, 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`');
    else if (typeof variable.value === 'string' && variable.value !== '') report(path, 'may not be specified when `value` is not empty');
    else if (sources.length > 1) report(path, `may not have more than one field specified at a time (got ${sources.join(', ')})`);
    const fieldRef = obj(from.fieldRef);
    const fieldPath = str(fieldRef.fieldPath);
    if (fieldPath !== undefined && !ENV_FIELD_PATHS.includes(fieldPath) && !/^metadata\.(labels|annotations)\['[^']+'\]$/.test(fieldPath)) {
      report([...path, 'fieldRef', 'fieldPath'], `not supported for environment variables: must be one of ${ENV_FIELD_PATHS.map(q).join(', ')}, or metadata.labels['<key>'] or metadata.annotations['<key>'] (got ${q(fieldPath)})`);
    }
    const resource = str(obj(from.resourceFieldRef).resource);
    if (resource !== undefined && !ENV_RESOURCE_FIELDS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
      report([...path, 'resourceFieldRef', 'resource'], `must be one of ${ENV_RESOURCE_FIELDS.map(q).join(', ')} or a hugepages resource (got ${q(resource)})`);
    }
  }
}

/** ValidateVolumeMounts: the volume exists, the path is set and unique in the container, subPath descends. */
function checkVolumeMounts(value: unknown, at: FieldPath, volumes: ReadonlySet<string>, report: CoreRuleReporter): void {
  const paths = new Map<string, number>();
  for (const [mount, i] of objects(value)) {
    const name = str(mount.name);
    if (name !== undefined && !volumes.has(name)) {
      report([...at, i, 'name'], `no volume named ${q(name)} in the pod (volumes${volumes.size > 0 ? `: ${[...volumes].map(q).join(', ')}` : ': none'})`);
    }
    const path = str(mount.mountPath);
    if (path === '') report([...at, i, 'mountPath'], 'required value');
    if (path !== undefined) {
      if (paths.has(path)) report([...at, i, 'mountPath'], `must be unique: ${q(path)} is also mounted at [${paths.get(path)}]`);
      else paths.set(path, i);
    }
    for (const field of ['subPath', 'subPathExpr']) {
      const sub = str(mount[field]);
      if (sub) localDescendingPath([...at, i, field], sub, report);
    }
  }
}

/** The resources a container may request without a '/' (helper.IsStandardContainerResourceName). */
function standardContainerResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
}

/** ValidateContainerResourceRequirements: resource names, quantities, requests within limits. */
function checkResources(resources: Obj, at: FieldPath, report: CoreRuleReporter): void {
  const limits = obj(resources.limits);
  const requests = obj(resources.requests);
  for (const [field, map] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, value] of Object.entries(map)) {
      const path = [...at, field, name];
      // ValidateContainerResourceName
      const keyProblem = labelKeyProblem(name);
      if (keyProblem !== undefined) report(path, `invalid resource name: ${keyProblem}`);
      else if (!name.includes('/') && !standardContainerResource(name)) report(path, `${q(name)} is not a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) nor fully qualified (example.com/${name})`);
      // ValidateResourceQuantityValue: non-negative; whole numbers for extended resources.
      const quantity = parseQuantity(value);
      if (quantity === undefined) continue;
      if (quantity.num < 0n) report(path, `must be greater than or equal to 0 (got ${q(value)})`);
      const extended = name.includes('/') && !name.includes('kubernetes.io/');
      if (extended && quantity.num % quantity.den !== 0n) report(path, `must be an integer (got ${q(value)})`);
    }
  }
  for (const [name, value] of Object.entries(requests)) {
    const request = parseQuantity(value);
    if (request === undefined) continue;
    const overcommit = (!name.includes('/') || name.includes('kubernetes.io/')) && !name.startsWith('hugepages-');
    const limitValue = limits[name];
    const limit = parseQuantity(limitValue);
    if (limitValue === undefined) {
      if (!overcommit) report([...at, 'limits'], `a limit must be set for ${q(name)}: it cannot be overcommitted`);
    } else if (limit !== undefined) {
      if (!overcommit && compare(request, limit) !== 0) report([...at, 'requests', name], `must be equal to the ${name} limit of ${q(limitValue)} (got ${q(value)})`);
      else if (compare(request, limit) > 0) report([...at, 'requests', name], `must be less than or equal to the ${name} limit of ${q(limitValue)} (got ${q(value)})`);
    }
  }
}

/** ValidateSecurityContext: user and group IDs, privileged with allowPrivilegeEscalation false, seccomp. */
function checkSecurityContext(value: unknown, at: FieldPath, report: CoreRuleReporter): void {
  if (!isObj(value)) return;
  inRange([...at, 'runAsUser'], value.runAsUser, 0, INT32_MAX, report);
  inRange([...at, 'runAsGroup'], value.runAsGroup, 0, INT32_MAX, report);
  if (value.allowPrivilegeEscalation === false && value.privileged === true) {
    report(at, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true');
  }
  if (value.allowPrivilegeEscalation === false && list(obj(value.capabilities).add).includes('CAP_SYS_ADMIN')) {
    report(at, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.add` CAP_SYS_ADMIN');
  }
  supported([...at, 'procMount'], value.procMount, ['Default', 'Unmasked'], report);
  checkSeccomp(value.seccompProfile, [...at, 'seccompProfile'], report);
}

/** validatePodSpecSecurityContext: IDs, fsGroupChangePolicy, seccomp. */
function checkPodSecurityContext(value: Obj, at: FieldPath, report: CoreRuleReporter): void {
  for (const field of ['fsGroup', 'runAsUser', 'runAsGroup']) inRange([...at, field], value[field], 0, INT32_MAX, report);
  list(value.supplementalGroups).forEach((gid, i) => inRange([...at, 'supplementalGroups', i], gid, 0, INT32_MAX, report));
  supported([...at, 'fsGroupChangePolicy'], value.fsGroupChangePolicy, ['OnRootMismatch', 'Always'], report);
  checkSeccomp(value.seccompProfile, [...at, 'seccompProfile'], report);
}

/** validateSeccompProfileField: the type, and a localhost profile exactly when the type is Localhost. */
function checkSeccomp(value: unknown, at: FieldPath, report: CoreRuleReporter): void {
  if (!isObj(value)) return;
  const type = str(value.type);
  if (type === '') report([...at, 'type'], 'required value: type is required when seccompProfile is set');
  supported([...at, 'type'], type || undefined, ['Localhost', 'RuntimeDefault', 'Unconfined'], report);
  const profile = str(value.localhostProfile);
  if (type === 'Localhost') {
    if (profile === undefined) report([...at, 'localhostProfile'], 'required value: must be set when seccomp type is Localhost');
    else localDescendingPath([...at, 'localhostProfile'], profile, report);
  } else if (profile !== undefined) {
    report([...at, 'localhostProfile'], 'can only be set when seccomp type is Localhost');
  }
}

/** validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateProbe. */
function checkProbe(probe: Obj, at: FieldPath, kind: 'livenessProbe' | 'readinessProbe' | 'startupProbe', report: CoreRuleReporter): void {
  checkHandler(probe, at, report);
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) nonNegative([...at, field], probe[field], report);
  const grace = int(probe.terminationGracePeriodSeconds);
  if (kind === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
    report([...at, 'terminationGracePeriodSeconds'], 'must not be set for readinessProbes');
  } else if (grace !== undefined && grace <= 0) {
    report([...at, 'terminationGracePeriodSeconds'], `must be greater than 0 (got ${grace})`);
  }
  const success = int(probe.successThreshold);
  if (kind !== 'readinessProbe' && success !== undefined && success !== 1) report([...at, 'successThreshold'], `must be 1 (got ${success})`);
}

/** validateHandler: exactly one handler, and each handler's own rules. */
function checkHandler(handler: Obj, at: FieldPath, report: CoreRuleReporter): void {
  const kinds = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'].filter((k) => isObj(handler[k]));
  if (kinds.length === 0) report(at, 'required value: must specify a handler type (exec, httpGet, tcpSocket, grpc or sleep)');
  for (const extra of kinds.slice(1)) report([...at, extra], `may not specify more than 1 handler type (got ${kinds.join(', ')})`);
  const first = kinds[0];
  const action = obj(handler[first]);
  if (first === 'exec' && list(action.command).length === 0) report([...at, 'exec', 'command'], 'required value');
  if (first === 'tcpSocket' || first === 'httpGet') portNumOrName([...at, first, 'port'], action.port, report);
  if (first === 'httpGet') supported([...at, 'httpGet', 'scheme'], action.scheme, ['HTTP', 'HTTPS'], report);
  if (first === 'grpc') inRange([...at, 'grpc', 'port'], action.port, 1, 65535, report);
}

/** ValidateTolerations: keys, operators and values, effects. */
function checkTolerations(value: unknown, at: FieldPath, report: CoreRuleReporter): void {
  for (const [toleration, i] of objects(value)) {
    const path = [...at, i];
    const key = str(toleration.key) ?? '';
    if (key !== '') {
      const problem = labelKeyProblem(key);
      if (problem !== undefined) report([...path, 'key'], `invalid key: ${problem}`);
    }
    const operator = str(toleration.operator) || 'Equal';
    if (key === '' && operator !== 'Exists') report([...path, 'operator'], 'operator must be Exists when `key` is empty, which means "match all values and all keys"');
    const effect = str(toleration.effect) ?? '';
    if (toleration.tolerationSeconds !== undefined && toleration.tolerationSeconds !== null && effect !== 'NoExecute') {
      report([...path, 'effect'], "effect must be 'NoExecute' when `tolerationSeconds` is set");
    }
    const tolerationValue = str(toleration.value) ?? '';
    if (operator === 'Equal') {
      const problem = nameProblem(tolerationValue, NameFormat.LABEL_VALUE);
      if (problem !== undefined) report([...path, 'value'], problem);
    } else if (operator === 'Exists') {
      if (tolerationValue !== '') report([...path, 'value'], "value must be empty when `operator` is 'Exists'");
    } else {
      supported([...path, 'operator'], operator, ['Equal', 'Exists'], report);
    }
    if (effect !== '') supported([...path, 'effect'], effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], report);
  }
}

/** validateTopologySpreadConstraints: maxSkew, topologyKey, whenUnsatisfiable, unique pairs, selector, minDomains. */
function checkTopologySpread(value: unknown, at: FieldPath, report: CoreRuleReporter): void {
  const items = objects(value);
  const seen = new Map<string, number>();
  for (const [constraint, i] of items) {
    const path = [...at, i];
    const skew = int(constraint.maxSkew);
    if (skew !== undefined && skew <= 0) report([...path, 'maxSkew'], `must be greater than 0 (got ${skew})`);
    if (constraint.topologyKey === '') report([...path, 'topologyKey'], 'required value: can not be empty');
    const when = str(constraint.whenUnsatisfiable);
    supported([...path, 'whenUnsatisfiable'], when, ['DoNotSchedule', 'ScheduleAnyway'], report);
    const pair = `${str(constraint.topologyKey)}, ${when}`;
    if (seen.has(pair)) report(path, `duplicate {topologyKey, whenUnsatisfiable} {${pair}} (also at [${seen.get(pair)}])`);
    else seen.set(pair, i);
    const minDomains = int(constraint.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) report([...path, 'minDomains'], `must be greater than 0 (got ${minDomains})`);
      if (when !== 'DoNotSchedule') report([...path, 'minDomains'], `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`);
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) supported([...path, policy], constraint[policy], ['Honor', 'Ignore'], report);
    checkLabelSelector([...path, 'labelSelector'], constraint.labelSelector, report);
  }
}

/** ValidatePersistentVolumeClaimSpec: access modes, a positive storage request, class and volume mode. */
function checkClaimSpec(spec: Obj, at: FieldPath, report: CoreRuleReporter): void {
  const modes = list(spec.accessModes);
  if (modes.length === 0) report([...at, 'accessModes'], 'required value: at least 1 access mode is required');
  modes.forEach((mode, i) => supported([...at, 'accessModes', i], mode, ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'], report));
  if (modes.includes('ReadWriteOncePod') && modes.some((m) => m !== 'ReadWriteOncePod')) report([...at, 'accessModes'], 'may not use ReadWriteOncePod with other access modes');
  checkLabelSelector([...at, 'selector'], spec.selector, report);
  const requests = obj(obj(spec.resources).requests);
  const storage = parseQuantity(requests.storage);
  if (requests.storage === undefined) report([...at, 'resources', 'requests', 'storage'], 'required value: a claim must request storage');
  else if (storage !== undefined && storage.num <= 0n) report([...at, 'resources', 'requests', 'storage'], `must be greater than zero (got ${q(requests.storage)})`);
  const className = str(spec.storageClassName);
  if (className) dnsSubdomain([...at, 'storageClassName'], className, report);
  supported([...at, 'volumeMode'], spec.volumeMode, ['Block', 'Filesystem'], report);
}

function dnsLabel(path: FieldPath, value: string, report: CoreRuleReporter): void {
  const problem = nameProblem(value, NameFormat.DNS1123_LABEL);
  if (problem !== undefined) report(path, problem);
}

function dnsSubdomain(path: FieldPath, value: string, report: CoreRuleReporter): void {
  const problem = nameProblem(value, NameFormat.DNS1123_SUBDOMAIN);
  if (problem !== undefined) report(path, problem);
}

// ---------------------------------------------------------------------------------------------
// Service (pkg/apis/core/validation/validation.go validateService, with SetDefaults_Service)

function checkService(spec: Obj, report: CoreRuleReporter): void {
  const type = str(spec.type) || 'ClusterIP';
  supported(['spec', 'type'], type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'], report);
  const ports = objects(spec.ports);
  const names = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const [port, i] of ports) {
    const at = ['spec', 'ports', i];
    // validateServicePort
    const name = str(port.name) ?? '';
    if (name === '' && list(spec.ports).length > 1) report([...at, 'name'], 'required value: every port needs a name when there is more than one');
    else if (name !== '') {
      dnsLabel([...at, 'name'], name, report);
      if (names.has(name)) report([...at, 'name'], `duplicate port name ${q(name)} (also at [${names.get(name)}])`);
      else names.set(name, i);
    }
    inRange([...at, 'port'], port.port, 1, 65535, report);
    const protocol = str(port.protocol) || 'TCP';
    supported([...at, 'protocol'], protocol, PROTOCOLS, report);
    // targetPort 0 or "" is defaulted to the port.
    if (port.targetPort !== 0 && port.targetPort !== '') portNumOrName([...at, 'targetPort'], port.targetPort, report);
    const appProtocol = str(port.appProtocol);
    if (appProtocol !== undefined) {
      const problem = labelKeyProblem(appProtocol);
      if (problem !== undefined) report([...at, 'appProtocol'], problem);
    }
    if (type === 'ClusterIP' && int(port.nodePort) !== undefined && port.nodePort !== 0) report([...at, 'nodePort'], "may not be used when `type` is 'ClusterIP'");
    // Duplicate (protocol, port) pairs.
    const key = `${protocol}/${q(port.port)}`;
    if (keys.has(key)) report(at, `duplicate port ${q(port.port)}/${protocol} (also at [${keys.get(key)}])`);
    else keys.set(key, i);
  }
  if (ports.length === 0 && type !== 'ExternalName' && spec.clusterIP !== 'None') report(['spec', 'ports'], 'required value: a Service needs at least one port (unless headless or ExternalName)');
  if (spec.selector !== undefined) checkLabelMap(['spec', 'selector'], spec.selector, report);
  // With sessionAffinity None, SetDefaults_Service drops sessionAffinityConfig before validation.
  supported(['spec', 'sessionAffinity'], str(spec.sessionAffinity) || 'None', ['ClientIP', 'None'], report);
  // ValidateServiceClusterIPsRelatedFields: addresses (StrictIPCIDRValidation, beta and on in 1.36+).
  const clusterIP = str(spec.clusterIP);
  if (clusterIP && clusterIP !== 'None') ipAddress(['spec', 'clusterIP'], clusterIP, report);
  list(spec.clusterIPs).forEach((ip, i) => {
    if (typeof ip === 'string' && ip !== 'None') ipAddress(['spec', 'clusterIPs', i], ip, report);
  });
  list(spec.externalIPs).forEach((ip, i) => {
    if (typeof ip === 'string') ipAddress(['spec', 'externalIPs', i], ip, report);
  });
  if ((type === 'LoadBalancer' || type === 'NodePort') && spec.clusterIP === 'None') report(['spec', 'clusterIP'], `may not be 'None' for ${type} services`);
  // validateServiceExternalTrafficPolicy: only for externally-accessible Services (apiservice.ExternallyAccessible).
  const external = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && list(spec.externalIPs).length > 0);
  const policy = str(spec.externalTrafficPolicy);
  if (!external && policy) report(['spec', 'externalTrafficPolicy'], `may only be set for externally-accessible services (type NodePort or LoadBalancer, or with externalIPs; got type ${type})`);
  if (external) supported(['spec', 'externalTrafficPolicy'], policy || 'Cluster', ['Cluster', 'Local'], report);
  supported(['spec', 'internalTrafficPolicy'], spec.internalTrafficPolicy, ['Cluster', 'Local'], report);
  supported(['spec', 'ipFamilyPolicy'], spec.ipFamilyPolicy, ['SingleStack', 'PreferDualStack', 'RequireDualStack'], report);
  list(spec.ipFamilies).forEach((family, i) => supported(['spec', 'ipFamilies', i], family, ['IPv4', 'IPv6'], report));
  if (list(spec.loadBalancerSourceRanges).length > 0 && type !== 'LoadBalancer') report(['spec', 'loadBalancerSourceRanges'], "may only be used when `type` is 'LoadBalancer'");
  list(spec.loadBalancerSourceRanges).forEach((range, i) => {
    if (typeof range === 'string') cidr(['spec', 'loadBalancerSourceRanges', i], range.trim(), report);
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
    report(['spec', 'allocateLoadBalancerNodePorts'], "may only be used when `type` is 'LoadBalancer'");
  }
  if (type === 'ExternalName') {
    const name = (str(spec.externalName) ?? '').replace(/\.$/, '');
    if (name === '') report(['spec', 'externalName'], 'required value');
    else dnsSubdomain(['spec', 'externalName'], name, report);
  }
}

// ---------------------------------------------------------------------------------------------
// IP addresses and CIDRs (k8s.io/apimachinery pkg/util/validation/ip.go, strict)

/** The address as a 32- or 128-bit number, or undefined when it is not a strict IP (no leading zeros, no zone, no IPv4-mapped IPv6). */
function parseIp(text: string): { bits: number; value: bigint } | undefined {
  const family = isIP(text);
  if (family === 4) return { bits: 32, value: text.split('.').reduce((acc, octet) => (acc << 8n) + BigInt(octet), 0n) };
  if (family !== 6 || text.includes('%')) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined): string[] => (part === undefined || part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? v4Groups(g) : [g])));
  const first = groups(head);
  const last = groups(tail);
  const all = tail === undefined ? first : [...first, ...Array<string>(8 - first.length - last.length).fill('0'), ...last];
  const value = all.reduce((acc, g) => (acc << 16n) + BigInt(`0x${g}`), 0n);
  return value >> 32n === 0xffffn ? undefined : { bits: 128, value };
}

/** An embedded IPv4 address as two IPv6 groups. */
function v4Groups(v4: string): string[] {
  const [a, b, c, d] = v4.split('.').map(Number);
  return [((a << 8) + b).toString(16), ((c << 8) + d).toString(16)];
}

function ipAddress(path: FieldPath, value: string, report: CoreRuleReporter): void {
  if (parseIp(value) === undefined) report(path, `must be a valid IP address, e.g. 10.9.8.7 or 2001:db8::ffff (got ${q(value)})`);
}

/** A strict CIDR: a valid address, a prefix length without leading zeros, no bits set beyond it. */
function parseCidr(text: string): { bits: number; value: bigint; prefix: number } | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const length = text.slice(slash + 1);
  if (ip === undefined || !/^(0|[1-9][0-9]{0,2})$/.test(length) || Number(length) > ip.bits) return undefined;
  return { ...ip, prefix: Number(length) };
}

function cidr(path: FieldPath, value: string, report: CoreRuleReporter): ReturnType<typeof parseCidr> {
  const parsed = parseCidr(value);
  if (parsed === undefined) {
    report(path, `must be a valid CIDR value, e.g. 10.9.8.0/24 or 2001:db8::/64 (got ${q(value)})`);
    return undefined;
  }
  const hostBits = BigInt(parsed.bits - parsed.prefix);
  if (parsed.value % (1n << hostBits) !== 0n) {
    report(path, `must not have bits set beyond the prefix length (got ${q(value)})`);
    return undefined;
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// ConfigMap, Namespace, PodDisruptionBudget, NetworkPolicy

/** pkg/apis/core/validation/validation.go ValidateConfigMap: keys (IsConfigMapKey), a key in both data and binaryData, 1 MiB in all. */
function checkConfigMap(object: Obj, report: CoreRuleReporter): void {
  const data = obj(object.data);
  const binary = obj(object.binaryData);
  let size = 0;
  for (const [field, map] of [['data', data], ['binaryData', binary]] as const) {
    for (const [key, value] of Object.entries(map)) {
      const problem = nameProblem(key, NameFormat.DATA_KEY);
      if (problem !== undefined) report([field, key], `invalid key: ${problem}`);
      if (field === 'data' && Object.prototype.hasOwnProperty.call(binary, key)) report([field, key], `duplicate of key ${q(key)} present in binaryData`);
      if (typeof value === 'string') size += field === 'data' ? Buffer.byteLength(value) : Math.floor((value.replace(/[\r\n]/g, '').length * 3) / 4);
    }
  }
  if (size > 1024 * 1024) report([], `data and binaryData total ${size} bytes; must be at most 1048576`);
}

/** pkg/apis/core/validation/validation.go ValidateNamespace, validateFinalizerName: spec.finalizers are qualified names, standard or fully qualified. */
function checkNamespace(spec: Obj, report: CoreRuleReporter): void {
  list(spec.finalizers).forEach((finalizer, i) => {
    if (typeof finalizer !== 'string') return;
    const problem = labelKeyProblem(finalizer);
    if (problem !== undefined) report(['spec', 'finalizers', i], `invalid finalizer name: ${problem}`);
    else if (!finalizer.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(finalizer)) {
      report(['spec', 'finalizers', i], `${q(finalizer)} is neither a standard finalizer name (kubernetes, orphan, foregroundDeletion) nor fully qualified (example.com/${finalizer})`);
    }
  });
}

/** pkg/apis/policy/validation/validation.go ValidatePodDisruptionBudgetSpec. */
function checkPodDisruptionBudget(spec: Obj, report: CoreRuleReporter): void {
  const set = (v: unknown) => v !== undefined && v !== null;
  if (set(spec.minAvailable) && set(spec.maxUnavailable)) report(['spec'], 'minAvailable and maxUnavailable cannot be both set');
  for (const field of ['minAvailable', 'maxUnavailable']) {
    if (!set(spec[field])) continue;
    positiveIntOrPercent(['spec', field], spec[field], report);
    notMoreThan100Percent(['spec', field], spec[field], report);
  }
  checkLabelSelector(['spec', 'selector'], spec.selector, report);
  supported(['spec', 'unhealthyPodEvictionPolicy'], spec.unhealthyPodEvictionPolicy, ['AlwaysAllow', 'IfHealthyBudget'], report);
}

/** pkg/apis/networking/validation/validation.go ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock. */
function checkNetworkPolicy(spec: Obj, report: CoreRuleReporter): void {
  checkLabelSelector(['spec', 'podSelector'], spec.podSelector, report);
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    for (const [rule, i] of objects(spec[direction])) {
      for (const [port, p] of objects(rule.ports)) {
        const at = ['spec', direction, i, 'ports', p];
        supported([...at, 'protocol'], port.protocol, PROTOCOLS, report);
        const endPort = int(port.endPort);
        if (typeof port.port === 'number') {
          inRange([...at, 'port'], port.port, 1, 65535, report);
          if (endPort !== undefined) {
            if (endPort < port.port) report([...at, 'endPort'], `must be greater than or equal to \`port\` (got ${endPort}, port ${port.port})`);
            inRange([...at, 'endPort'], endPort, 1, 65535, report);
          }
        } else if (typeof port.port === 'string') {
          if (endPort !== undefined) report([...at, 'endPort'], 'may not be specified when `port` is non-numeric');
          const problem = portNameProblem(port.port);
          if (problem !== undefined) report([...at, 'port'], problem);
        } else if (endPort !== undefined) {
          report([...at, 'endPort'], 'may not be specified when `port` is not specified');
        }
      }
      for (const [peer, p] of objects(rule[peers])) {
        const at = ['spec', direction, i, peers, p];
        const kinds = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => isObj(peer[k]));
        if (kinds.length === 0) report(at, 'required value: must specify a peer (podSelector, namespaceSelector or ipBlock)');
        else if (kinds.length > 1 && kinds.includes('ipBlock')) report(at, 'may not specify both ipBlock and another peer');
        checkLabelSelector([...at, 'podSelector'], peer.podSelector, report);
        checkLabelSelector([...at, 'namespaceSelector'], peer.namespaceSelector, report);
        if (isObj(peer.ipBlock)) checkIpBlock(peer.ipBlock, [...at, 'ipBlock'], report);
      }
    }
  }
  const types = list(spec.policyTypes);
  if (types.length > 2) report(['spec', 'policyTypes'], `may not specify more than two policyTypes (got ${types.length})`);
  else types.forEach((type, i) => supported(['spec', 'policyTypes', i], type, ['Ingress', 'Egress'], report));
}

function checkIpBlock(block: Obj, at: FieldPath, report: CoreRuleReporter): void {
  const text = str(block.cidr);
  if (text === '') return report([...at, 'cidr'], 'required value');
  if (text === undefined) return;
  const outer = cidr([...at, 'cidr'], text, report);
  list(block.except).forEach((exceptText, i) => {
    if (typeof exceptText !== 'string') return;
    const inner = cidr([...at, 'except', i], exceptText, report);
    if (outer === undefined || inner === undefined) return;
    const contained = inner.bits === outer.bits && inner.value >> BigInt(outer.bits - outer.prefix) === outer.value >> BigInt(outer.bits - outer.prefix);
    if (!contained || outer.prefix >= inner.prefix) report([...at, 'except', i], `must be a strict subset of \`cidr\` ${q(text)} (got ${q(exceptText)})`);
  });
}
