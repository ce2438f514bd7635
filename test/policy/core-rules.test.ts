/**
 * The Go-coded rules of the API server for built-in kinds (src/policy/core-rules.ts), through the
 * validator: for each rule a right value, which must pass, beside a wrong one, which must give
 * exactly the expected error. test/kube/agreement.test.ts checks the same rules against a real
 * kube-apiserver.
 */
import { parseQuantity } from '../../src/policy/core-rules';
import { sharedValidator } from '../support';

type Json = Record<string, any>;

/** The validator's findings as `<severity> <path>: <message>`. */
function findings(object: Json): string[] {
  return sharedValidator().validateObjects([object]).findings.map((f) => `${f.severity} ${f.path}: ${f.message}`);
}

const deployment = (): Json => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'kafka' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web', tier: 'front' } },
      spec: {
        containers: [{
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [{ name: 'MODE', value: 'prod' }],
          volumeMounts: [{ name: 'config', mountPath: '/config' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          readinessProbe: { tcpSocket: { port: 'http' } },
        }],
        volumes: [{ name: 'config', configMap: { name: 'web-config' } }],
      },
    },
  },
});

const statefulSet = (): Json => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'broker', namespace: 'kafka' },
  spec: {
    serviceName: 'brokers',
    replicas: 3,
    selector: { matchLabels: { app: 'broker' } },
    template: {
      metadata: { labels: { app: 'broker' } },
      spec: { containers: [{ name: 'kafka', image: 'apache/kafka:4.1.0', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
    },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
  },
});

const service = (): Json => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'bootstrap', namespace: 'kafka' },
  spec: { selector: { app: 'broker' }, ports: [{ name: 'clients', port: 9092, targetPort: 9092 }] },
});

const networkPolicy = (): Json => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'brokers', namespace: 'kafka' },
  spec: {
    podSelector: { matchLabels: { app: 'broker' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ protocol: 'TCP', port: 9092 }] }],
  },
});

const pdb = (): Json => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'brokers', namespace: 'kafka' },
  spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'broker' } } },
});

const configMap = (): Json => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'kafka' }, data: { 'server.properties': 'a=b' } });
const namespace = (): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka' } });

/** The pod spec of a workload, and its first container. */
const pod = (o: Json): Json => o.spec.template.spec;
const c0 = (o: Json): Json => pod(o).containers[0];

interface Case {
  /** What the rule is (and the Go function it follows). */
  readonly rule: string;
  readonly base: () => Json;
  /** A right value: the object must pass. */
  readonly right: (o: Json) => void;
  /** The wrong value beside it. */
  readonly wrong: (o: Json) => void;
  /** The findings the wrong value must give, as `<severity> <path>: <message>` patterns. */
  readonly expect: readonly RegExp[];
}

const CASES: readonly Case[] = [
  // Decoding
  { rule: 'an int32 field fits in 32 bits (JSON decoding)', base: deployment, right: (o) => void (o.spec.replicas = 2147483647), wrong: (o) => void (o.spec.replicas = 2147483648), expect: [/^error spec\.replicas: must fit in a 32-bit integer/] },
  { rule: 'a []byte field is base64 (JSON decoding)', base: configMap, right: (o) => void (o.binaryData = { 'logo.png': 'iVBORw0KGgo=' }), wrong: (o) => void (o.binaryData = { 'logo.png': 'not base64!' }), expect: [/^error binaryData\[logo\.png\]: must be base64-encoded/] },

  // Workload selector and template (apps ValidateDeploymentSpec, ValidatePodTemplateSpecForReplicaSet)
  { rule: 'the selector matches the template labels', base: deployment, right: (o) => void (o.spec.selector.matchExpressions = [{ key: 'tier', operator: 'In', values: ['front', 'back'] }]), wrong: (o) => void (o.spec.template.metadata.labels.app = 'api'), expect: [/^error spec\.template\.metadata\.labels: `selector` does not match template `labels`/] },
  { rule: 'matchExpressions are matched too', base: deployment, right: (o) => void (o.spec.selector.matchExpressions = [{ key: 'canary', operator: 'DoesNotExist' }]), wrong: (o) => void (o.spec.selector.matchExpressions = [{ key: 'tier', operator: 'NotIn', values: ['front'] }]), expect: [/^error spec\.template\.metadata\.labels: `selector` does not match/] },
  { rule: 'a workload selector is not empty', base: deployment, right: (o) => void (o.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Exists' }] }), wrong: (o) => void (o.spec.selector = {}), expect: [/^error spec\.selector: empty selector is invalid for deployment/] },
  { rule: 'selector operators (ValidateLabelSelectorRequirement)', base: deployment, right: (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: ['web'] }]), wrong: (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'Equals', values: ['web'] }]), expect: [/^error spec\.selector\.matchExpressions\[0\]\.operator: not a valid selector operator/] },
  { rule: 'In needs values', base: deployment, right: (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: ['web'] }]), wrong: (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: [] }]), expect: [/^error spec\.selector\.matchExpressions\[0\]\.values: must be specified when `operator` is 'In' or 'NotIn'/] },
  { rule: 'Exists takes no values', base: networkPolicy, right: (o) => void (o.spec.podSelector.matchExpressions = [{ key: 'app', operator: 'Exists' }]), wrong: (o) => void (o.spec.podSelector.matchExpressions = [{ key: 'app', operator: 'Exists', values: ['x'] }]), expect: [/^error spec\.podSelector\.matchExpressions\[0\]\.values: may not be specified when `operator` is 'Exists'/] },
  { rule: 'selector values are label values', base: pdb, right: (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: ['kafka-broker'] }]), wrong: (o) => void (o.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: ['kafka broker'] }]), expect: [/^error spec\.selector\.matchExpressions\[0\]\.values\[0\]: invalid label value/] },
  { rule: 'selector matchLabels are labels (ValidateLabels)', base: deployment, right: (o) => { o.spec.selector.matchLabels.app = 'web-1'; o.spec.template.metadata.labels.app = 'web-1'; }, wrong: (o) => { o.spec.selector.matchLabels.app = 'web 1'; o.spec.template.metadata.labels.app = 'web 1'; }, expect: [/^error spec\.selector\.matchLabels\.app: invalid label value/, /^error spec\.template\.metadata\.labels\.app: invalid label value/] },
  { rule: 'replicas are not negative', base: deployment, right: (o) => void (o.spec.replicas = 0), wrong: (o) => void (o.spec.replicas = -1), expect: [/^error spec\.replicas: must be greater than or equal to 0 \(got -1\)/] },
  { rule: 'revisionHistoryLimit is not negative (Deployment)', base: deployment, right: (o) => void (o.spec.revisionHistoryLimit = 0), wrong: (o) => void (o.spec.revisionHistoryLimit = -1), expect: [/^error spec\.revisionHistoryLimit: must be greater than or equal to 0/] },
  { rule: 'Recreate takes no rollingUpdate (ValidateDeploymentStrategy)', base: deployment, right: (o) => void (o.spec.strategy = { type: 'Recreate' }), wrong: (o) => void (o.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }), expect: [/^error spec\.strategy\.rollingUpdate: may not be specified when strategy `type` is 'Recreate'/] },
  { rule: 'the strategy type is Recreate or RollingUpdate', base: deployment, right: (o) => void (o.spec.strategy = { type: 'RollingUpdate' }), wrong: (o) => void (o.spec.strategy = { type: 'RollingUpgrade' }), expect: [/^error spec\.strategy\.type: must be one of "Recreate", "RollingUpdate" \(got "RollingUpgrade"\)/] },
  { rule: 'maxSurge and maxUnavailable are not both 0 (ValidateRollingUpdateDeployment)', base: deployment, right: (o) => void (o.spec.strategy = { rollingUpdate: { maxSurge: 0 } }), wrong: (o) => void (o.spec.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }), expect: [/^error spec\.strategy\.rollingUpdate\.maxUnavailable: may not be 0 when `maxSurge` is 0/] },
  { rule: 'maxUnavailable is at most 100%', base: deployment, right: (o) => void (o.spec.strategy = { rollingUpdate: { maxUnavailable: '100%' } }), wrong: (o) => void (o.spec.strategy = { rollingUpdate: { maxUnavailable: '120%' } }), expect: [/^error spec\.strategy\.rollingUpdate\.maxUnavailable: must not be greater than 100%/] },
  { rule: 'maxSurge is an integer or a percentage (ValidatePositiveIntOrPercent)', base: deployment, right: (o) => void (o.spec.strategy = { rollingUpdate: { maxSurge: '50%' } }), wrong: (o) => void (o.spec.strategy = { rollingUpdate: { maxSurge: 'half' } }), expect: [/^error spec\.strategy\.rollingUpdate\.maxSurge: must be an integer or a percentage/] },
  { rule: 'progressDeadlineSeconds above minReadySeconds (600 by default)', base: deployment, right: (o) => void (o.spec.minReadySeconds = 599), wrong: (o) => void (o.spec.minReadySeconds = 600), expect: [/^error spec\.progressDeadlineSeconds: must be greater than minReadySeconds \(got 600, the default, minReadySeconds 600\)/] },
  { rule: 'workloads restart Always', base: deployment, right: (o) => void (pod(o).restartPolicy = 'Always'), wrong: (o) => void (pod(o).restartPolicy = 'OnFailure'), expect: [/^error spec\.template\.spec\.restartPolicy: must be one of "Always" \(got "OnFailure"\)/] },
  { rule: 'workload templates have no activeDeadlineSeconds', base: deployment, right: (o) => void (pod(o).terminationGracePeriodSeconds = 60), wrong: (o) => void (pod(o).activeDeadlineSeconds = 60), expect: [/^error spec\.template\.spec\.activeDeadlineSeconds: activeDeadlineSeconds is not supported/] },

  // StatefulSet (apps ValidateStatefulSetSpec)
  { rule: 'podManagementPolicy is OrderedReady or Parallel', base: statefulSet, right: (o) => void (o.spec.podManagementPolicy = 'Parallel'), wrong: (o) => void (o.spec.podManagementPolicy = 'parallel'), expect: [/^error spec\.podManagementPolicy: must be one of "OrderedReady", "Parallel" \(got "parallel"\)/] },
  { rule: 'OnDelete takes no rollingUpdate', base: statefulSet, right: (o) => void (o.spec.updateStrategy = { type: 'OnDelete' }), wrong: (o) => void (o.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } }), expect: [/^error spec\.updateStrategy\.rollingUpdate: only allowed for updateStrategy 'RollingUpdate'/] },
  { rule: 'the update strategy is RollingUpdate or OnDelete', base: statefulSet, right: (o) => void (o.spec.updateStrategy = { type: 'RollingUpdate' }), wrong: (o) => void (o.spec.updateStrategy = { type: 'Rolling' }), expect: [/^error spec\.updateStrategy\.type: must be one of "RollingUpdate", "OnDelete"/] },
  { rule: 'partition is not negative', base: statefulSet, right: (o) => void (o.spec.updateStrategy = { rollingUpdate: { partition: 2 } }), wrong: (o) => void (o.spec.updateStrategy = { rollingUpdate: { partition: -1 } }), expect: [/^error spec\.updateStrategy\.rollingUpdate\.partition: must be greater than or equal to 0/] },
  { rule: 'a StatefulSet maxUnavailable is not 0', base: statefulSet, right: (o) => void (o.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 1 } }), wrong: (o) => void (o.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 0 } }), expect: [/^error spec\.updateStrategy\.rollingUpdate\.maxUnavailable: cannot be 0/] },
  { rule: 'claim retention is Retain or Delete', base: statefulSet, right: (o) => void (o.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete' }), wrong: (o) => void (o.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' }), expect: [/^error spec\.persistentVolumeClaimRetentionPolicy\.whenDeleted: must be one of "Retain", "Delete"/] },
  { rule: 'serviceName is a DNS-1123 label', base: statefulSet, right: (o) => void (o.spec.serviceName = 'kafka-brokers'), wrong: (o) => void (o.spec.serviceName = 'Kafka_Brokers'), expect: [/^error spec\.serviceName: "Kafka_Brokers" is not a DNS-1123 label/] },
  { rule: 'a StatefulSet template hostname is not validated (the controller sets it)', base: statefulSet, right: (o) => void (pod(o).hostname = 'Kafka_0'), wrong: (o) => void (pod(o).subdomain = 'x'.repeat(64)), expect: [] },
  { rule: 'a claim template has access modes (ValidatePersistentVolumeClaimSpec)', base: statefulSet, right: (o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOncePod']), wrong: (o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = []), expect: [/^error spec\.volumeClaimTemplates\[0\]\.spec\.accessModes: required value: at least 1 access mode/] },
  { rule: 'ReadWriteOncePod stands alone', base: statefulSet, right: (o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOnce', 'ReadOnlyMany']), wrong: (o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOncePod', 'ReadWriteOnce']), expect: [/^error spec\.volumeClaimTemplates\[0\]\.spec\.accessModes: may not use ReadWriteOncePod with other access modes/] },
  { rule: 'access modes are the known ones', base: statefulSet, right: (o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteMany']), wrong: (o) => void (o.spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteAll']), expect: [/^error spec\.volumeClaimTemplates\[0\]\.spec\.accessModes\[0\]: must be one of .*\(got "ReadWriteAll"\)/] },
  { rule: 'a claim template requests storage', base: statefulSet, right: (o) => void (o.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '1'), wrong: (o) => void (o.spec.volumeClaimTemplates[0].spec.resources = {}), expect: [/^error spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage: required value/] },
  { rule: 'a claim template requests more than 0 storage', base: statefulSet, right: (o) => void (o.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '1Mi'), wrong: (o) => void (o.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '0Gi'), expect: [/^error spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage: must be greater than zero/] },
  { rule: 'a mount may name a claim template (volumesToAddForTemplates)', base: statefulSet, right: (o) => void (c0(o).volumeMounts[0].name = 'data'), wrong: (o) => void (c0(o).volumeMounts[0].name = 'logs'), expect: [/^error spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.name: no volume named "logs" in the pod \(volumes: "data"\)/] },

  // Containers (core validateContainers, validateContainerCommon)
  { rule: 'container names are unique', base: deployment, right: (o) => void pod(o).containers.push({ name: 'sidecar', image: 'envoy:1.34' }), wrong: (o) => void pod(o).containers.push({ name: 'web', image: 'envoy:1.34' }), expect: [/^error spec\.template\.spec\.containers\[1\]\.name: duplicate container name "web" \(also at containers\[0\]\)/] },
  { rule: 'init containers do not share a container name', base: deployment, right: (o) => void (pod(o).initContainers = [{ name: 'init', image: 'busybox' }]), wrong: (o) => void (pod(o).initContainers = [{ name: 'web', image: 'busybox' }]), expect: [/^error spec\.template\.spec\.initContainers\[0\]\.name: duplicate container name "web"/] },
  { rule: 'container names are DNS-1123 labels', base: deployment, right: (o) => void (c0(o).name = 'web-1'), wrong: (o) => void (c0(o).name = 'Web_1'), expect: [/^error spec\.template\.spec\.containers\[0\]\.name: "Web_1" is not a DNS-1123 label/] },
  { rule: 'an image is set', base: deployment, right: (o) => void (c0(o).image = 'nginx'), wrong: (o) => void (c0(o).image = ''), expect: [/^error spec\.template\.spec\.containers\[0\]\.image: required value/] },
  { rule: 'imagePullPolicy values (validatePullPolicy)', base: deployment, right: (o) => void (c0(o).imagePullPolicy = 'Never'), wrong: (o) => void (c0(o).imagePullPolicy = 'Sometimes'), expect: [/^error spec\.template\.spec\.containers\[0\]\.imagePullPolicy: must be one of "Always", "IfNotPresent", "Never" \(got "Sometimes"\)/] },
  { rule: 'terminationMessagePolicy values', base: deployment, right: (o) => void (c0(o).terminationMessagePolicy = 'FallbackToLogsOnError'), wrong: (o) => void (c0(o).terminationMessagePolicy = 'Always'), expect: [/^error spec\.template\.spec\.containers\[0\]\.terminationMessagePolicy: must be one of "File", "FallbackToLogsOnError"/] },
  { rule: 'port names are unique in a container (validateContainerPorts)', base: deployment, right: (o) => void c0(o).ports.push({ name: 'metrics', containerPort: 9404 }), wrong: (o) => void c0(o).ports.push({ name: 'http', containerPort: 9404 }), expect: [/^error spec\.template\.spec\.containers\[0\]\.ports\[1\]\.name: duplicate port name "http" \(also at \[0\]\)/] },
  { rule: 'port names are IANA service names (IsValidPortName)', base: deployment, right: (o) => void (c0(o).ports[0].name = 'http-alt-8080'), wrong: (o) => void (c0(o).ports[0].name = 'a-very-long-port-name'), expect: [/^error spec\.template\.spec\.containers\[0\]\.ports\[0\]\.name: invalid port name "a-very-long-port-name": must be no more than 15 characters/] },
  { rule: 'container ports are 1-65535', base: deployment, right: (o) => void (c0(o).ports[0].containerPort = 65535), wrong: (o) => void (c0(o).ports[0].containerPort = 65536), expect: [/^error spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: must be between 1 and 65535, inclusive \(got 65536\)/] },
  { rule: 'containerPort 0 is missing', base: deployment, right: (o) => void (c0(o).ports[0].containerPort = 1), wrong: (o) => void (c0(o).ports[0].containerPort = 0), expect: [/^error spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: required value/] },
  { rule: 'port protocols are TCP, UDP or SCTP', base: deployment, right: (o) => void (c0(o).ports[0].protocol = 'UDP'), wrong: (o) => void (c0(o).ports[0].protocol = 'tcp'), expect: [/^error spec\.template\.spec\.containers\[0\]\.ports\[0\]\.protocol: must be one of "SCTP", "TCP", "UDP" \(got "tcp"\)/] },
  { rule: 'env vars have names (ValidateEnv)', base: deployment, right: (o) => void (c0(o).env[0].name = 'mode.v2'), wrong: (o) => void (c0(o).env[0].name = ''), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.name: required value/] },
  { rule: "env var names are printable ASCII without '=' (IsRelaxedEnvVarName)", base: deployment, right: (o) => void (c0(o).env[0].name = '1 MODE'), wrong: (o) => void (c0(o).env[0].name = 'MODE=1'), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.name: invalid environment variable name "MODE=1"/] },
  { rule: 'value and valueFrom exclude each other (validateEnvVarValueFrom)', base: deployment, right: (o) => void (c0(o).env[0] = { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }), wrong: (o) => void (c0(o).env[0] = { name: 'POD', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.valueFrom: may not be specified when `value` is not empty/] },
  { rule: 'valueFrom names a source', base: deployment, right: (o) => void (c0(o).env[0] = { name: 'KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }), wrong: (o) => void (c0(o).env[0] = { name: 'KEY', valueFrom: {} }), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.valueFrom: must specify one of/] },
  { rule: 'valueFrom names one source', base: deployment, right: (o) => void (c0(o).env[0] = { name: 'KEY', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }), wrong: (o) => void (c0(o).env[0] = { name: 'KEY', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' }, secretKeyRef: { name: 's', key: 'k' } } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.valueFrom: may not have more than one field specified at a time/] },
  { rule: 'fieldRef reads a supported field (validateObjectFieldSelector)', base: deployment, right: (o) => void (c0(o).env[0] = { name: 'ZONE', valueFrom: { fieldRef: { fieldPath: "metadata.labels['topology.kubernetes.io/zone']" } } }), wrong: (o) => void (c0(o).env[0] = { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeNameX' } } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.valueFrom\.fieldRef\.fieldPath: not supported for environment variables/] },
  { rule: 'resourceFieldRef reads a container resource', base: deployment, right: (o) => void (c0(o).env[0] = { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } }), wrong: (o) => void (c0(o).env[0] = { name: 'GPU', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.env\[0\]\.valueFrom\.resourceFieldRef\.resource: must be one of/] },
  { rule: 'duplicate env names are accepted on create, with a warning', base: deployment, right: (o) => void c0(o).env.push({ name: 'LEVEL', value: 'info' }), wrong: (o) => void c0(o).env.push({ name: 'MODE', value: 'dev' }), expect: [/^warning spec\.template\.spec\.containers\[0\]\.env\[1\]: duplicate entry with name="MODE".*server-side apply .* rejects it$/] },

  // Volumes and mounts (ValidateVolumes, ValidateVolumeMounts)
  { rule: 'a mount names a volume of the pod', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'tmp', emptyDir: {} }), wrong: (o) => void c0(o).volumeMounts.push({ name: 'tmp', mountPath: '/tmp' }), expect: [/^error spec\.template\.spec\.containers\[0\]\.volumeMounts\[1\]\.name: no volume named "tmp" in the pod \(volumes: "config"\)/] },
  { rule: 'mount paths are set', base: deployment, right: (o) => void (c0(o).volumeMounts[0].mountPath = '/etc/config'), wrong: (o) => void (c0(o).volumeMounts[0].mountPath = ''), expect: [/^error spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.mountPath: required value/] },
  { rule: 'mount paths are unique in a container', base: deployment, right: (o) => void c0(o).volumeMounts.push({ name: 'config', mountPath: '/config2' }), wrong: (o) => void c0(o).volumeMounts.push({ name: 'config', mountPath: '/config' }), expect: [/^error spec\.template\.spec\.containers\[0\]\.volumeMounts\[1\]\.mountPath: must be unique: "\/config" is also mounted at \[0\]/] },
  { rule: 'a subPath descends (validateLocalDescendingPath)', base: deployment, right: (o) => void (c0(o).volumeMounts[0].subPath = 'conf.d'), wrong: (o) => void (c0(o).volumeMounts[0].subPath = '../etc'), expect: [/^error spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.subPath: must not contain '\.\.'/] },
  { rule: 'volume names are unique', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'cache', emptyDir: {} }), wrong: (o) => void pod(o).volumes.push({ name: 'config', emptyDir: {} }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.name: duplicate volume name "config" \(also at \[0\]\)/] },
  { rule: 'volume names are DNS-1123 labels (and a mount of an invalid one finds nothing)', base: deployment, right: (o) => { pod(o).volumes[0].name = 'config-1'; c0(o).volumeMounts[0].name = 'config-1'; }, wrong: (o) => { pod(o).volumes[0].name = 'Config_1'; c0(o).volumeMounts[0].name = 'Config_1'; }, expect: [/^error spec\.template\.spec\.volumes\[0\]\.name: "Config_1" is not a DNS-1123 label/, /^error spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.name: no volume named "Config_1"/] },
  { rule: 'a volume has one source (validateVolumeSource; none is an emptyDir)', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'scratch' }), wrong: (o) => void pod(o).volumes.push({ name: 'scratch', emptyDir: {}, configMap: { name: 'x' } }), expect: [/^error spec\.template\.spec\.volumes\[1\]: may not specify more than 1 volume type \(got emptyDir, configMap\)/] },
  { rule: 'file modes are 0-0777', base: deployment, right: (o) => void (pod(o).volumes[0].configMap.defaultMode = 0o644), wrong: (o) => void (pod(o).volumes[0].configMap.defaultMode = 0o1000), expect: [/^error spec\.template\.spec\.volumes\[0\]\.configMap\.defaultMode: must be a number between 0 and 0777/] },
  { rule: 'item paths are relative', base: deployment, right: (o) => void (pod(o).volumes[0].configMap.items = [{ key: 'a', path: 'conf/a' }]), wrong: (o) => void (pod(o).volumes[0].configMap.items = [{ key: 'a', path: '/a' }]), expect: [/^error spec\.template\.spec\.volumes\[0\]\.configMap\.items\[0\]\.path: must be a relative path/] },
  { rule: 'an item path does not start with ".." (ValidateLocalNonReservedPath: the kubelet\'s ..data)', base: deployment, right: (o) => void (pod(o).volumes[0].configMap.items = [{ key: 'a', path: 'a..b' }]), wrong: (o) => void (pod(o).volumes[0].configMap.items = [{ key: 'a', path: '..data' }]), expect: [/^error spec\.template\.spec\.volumes\[0\]\.configMap\.items\[0\]\.path: must not start with '\.\.' \(got "\.\.data"\)/] },
  { rule: 'a backslash separates nothing on the API server (validatePathNoBacksteps splits on "/")', base: deployment, right: (o) => void (pod(o).volumes[0].configMap.items = [{ key: 'a', path: 'conf\\..\\a' }]), wrong: (o) => void (pod(o).volumes[0].configMap.items = [{ key: 'a', path: 'conf/../a' }]), expect: [/^error spec\.template\.spec\.volumes\[0\]\.configMap\.items\[0\]\.path: must not contain '\.\.'/] },

  // Volume sources (validateVolumeSource): the object a source refers to is named
  { rule: 'a configMap volume names its ConfigMap (validateConfigMapVolumeSource)', base: deployment, right: (o) => void (pod(o).volumes[0].configMap.name = 'web-config-v2'), wrong: (o) => void (pod(o).volumes[0].configMap.name = ''), expect: [/^error spec\.template\.spec\.volumes\[0\]\.configMap\.name: required value: the ConfigMap to mount/] },
  { rule: 'an absent ConfigMap name is an empty one', base: deployment, right: (o) => void (pod(o).volumes[0].configMap = { name: 'web-config', optional: true }), wrong: (o) => void (pod(o).volumes[0].configMap = { optional: true }), expect: [/^error spec\.template\.spec\.volumes\[0\]\.configMap\.name: required value/] },
  { rule: 'a secret volume names its Secret (validateSecretVolumeSource)', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'tls', secret: { secretName: 'web-tls', items: [{ key: 'tls.crt', path: 'tls.crt' }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'tls', secret: { secretName: '', items: [{ key: 'tls.crt', path: 'tls.crt' }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.secret\.secretName: required value: the Secret to mount/] },
  { rule: 'an absent secretName is an empty one', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'tls', secret: { secretName: 'Not_A_DNS_Name', defaultMode: 0o400 } }), wrong: (o) => void pod(o).volumes.push({ name: 'tls', secret: { defaultMode: 0o400 } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.secret\.secretName: required value/] },
  { rule: 'a persistentVolumeClaim volume names its claim (validatePersistentClaimVolumeSource)', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'data', persistentVolumeClaim: { claimName: 'data-0' } }), wrong: (o) => void pod(o).volumes.push({ name: 'data', persistentVolumeClaim: { claimName: '' } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.persistentVolumeClaim\.claimName: required value/] },
  { rule: 'an emptyDir sizeLimit is not negative', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }), wrong: (o) => void pod(o).volumes.push({ name: 'tmp', emptyDir: { sizeLimit: '-256Mi' } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.emptyDir\.sizeLimit: SizeLimit field must be a valid resource quantity/] },
  { rule: 'only the first of two sources is validated (validateVolumeSource skips the rest)', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'tls', secret: { secretName: 'web-tls' } }), wrong: (o) => void pod(o).volumes.push({ name: 'tls', emptyDir: {}, secret: {} }), expect: [/^error spec\.template\.spec\.volumes\[1\]: may not specify more than 1 volume type \(got emptyDir, secret\)/] },
  { rule: 'projected Secrets and ConfigMaps are named (validateProjectionSources)', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { sources: [{ secret: { name: 'web-tls' } }, { configMap: { name: 'web-ca' } }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { sources: [{ secret: { name: '' } }, { configMap: {} }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[0\]\.secret\.name: required value: the Secret to project/, /^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[1\]\.configMap\.name: required value: the ConfigMap to project/] },
  { rule: 'a projected source has one type', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { sources: [{ secret: { name: 'web-tls' } }, { configMap: { name: 'web-ca' } }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { sources: [{ secret: { name: 'web-tls' }, configMap: { name: 'web-ca' } }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[0\]: may not specify more than 1 volume type per source \(got secret, configMap\)/] },
  { rule: 'projected files have distinct paths', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { sources: [{ secret: { name: 'web-tls', items: [{ key: 'ca.crt', path: 'tls-ca.crt' }] } }, { configMap: { name: 'web-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { sources: [{ secret: { name: 'web-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { configMap: { name: 'web-ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.projected: conflicting duplicate paths: "ca\.crt"/] },
  { rule: 'projected items and modes are checked as a volume\'s', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { defaultMode: 0o440, sources: [{ secret: { name: 'web-tls', items: [{ key: 'tls.key', path: 'key', mode: 0o400 }] } }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'bundle', projected: { defaultMode: 0o1000, sources: [{ secret: { name: 'web-tls', items: [{ key: '', path: '/key' }] } }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.projected\.defaultMode: must be a number between 0 and 0777/, /^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[0\]\.secret\.items\[0\]\.key: required value/, /^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[0\]\.secret\.items\[0\]\.path: must be a relative path/] },
  { rule: 'a projected Downward API file has one reference', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'info', projected: { sources: [{ downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'info', projected: { sources: [{ downwardAPI: { items: [{ path: 'labels' }] } }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[0\]\.downwardAPI: required value: one of fieldRef and resourceFieldRef is required/] },
  { rule: 'a projected token lives 10 minutes at least', base: deployment, right: (o) => void pod(o).volumes.push({ name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 600 } }] } }), wrong: (o) => void pod(o).volumes.push({ name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 599 } }] } }), expect: [/^error spec\.template\.spec\.volumes\[1\]\.projected\.sources\[0\]\.serviceAccountToken\.expirationSeconds: may not specify a duration less than 10 minutes/] },

  // Resources (ValidateContainerResourceRequirements)
  { rule: 'requests are within limits', base: deployment, right: (o) => void (c0(o).resources.requests.memory = '256Mi'), wrong: (o) => void (c0(o).resources.requests.memory = '0.5Gi'), expect: [/^error spec\.template\.spec\.containers\[0\]\.resources\.requests\.memory: must be less than or equal to the memory limit of "256Mi" \(got "0\.5Gi"\)/] },
  { rule: 'requests are compared exactly, across units', base: deployment, right: (o) => { c0(o).resources.limits.cpu = 1; c0(o).resources.requests.cpu = '1000m'; }, wrong: (o) => { c0(o).resources.limits.cpu = '1'; c0(o).resources.requests.cpu = '1001m'; }, expect: [/^error spec\.template\.spec\.containers\[0\]\.resources\.requests\.cpu: must be less than or equal to the cpu limit of "1"/] },
  { rule: 'quantities are not negative', base: deployment, right: (o) => void (c0(o).resources.requests.cpu = '0'), wrong: (o) => void (c0(o).resources.requests.cpu = '-100m'), expect: [/^error spec\.template\.spec\.containers\[0\]\.resources\.requests\.cpu: must be greater than or equal to 0/] },
  { rule: 'resource names are standard or fully qualified', base: deployment, right: (o) => { c0(o).resources.requests['example.com/gpu'] = '1'; c0(o).resources.limits['example.com/gpu'] = '1'; }, wrong: (o) => void (c0(o).resources.requests.gpu = '1'), expect: [/^error spec\.template\.spec\.containers\[0\]\.resources\.requests\.gpu: "gpu" is not a standard resource for containers/] },
  { rule: 'extended resources are whole numbers', base: deployment, right: (o) => { c0(o).resources.requests['example.com/gpu'] = '2'; c0(o).resources.limits['example.com/gpu'] = '2'; }, wrong: (o) => { c0(o).resources.requests['example.com/gpu'] = '500m'; c0(o).resources.limits['example.com/gpu'] = '500m'; }, expect: [/^error spec\.template\.spec\.containers\[0\]\.resources\.limits\[example\.com\/gpu\]: must be an integer/, /^error spec\.template\.spec\.containers\[0\]\.resources\.requests\[example\.com\/gpu\]: must be an integer/] },
  { rule: 'extended resources are not overcommitted', base: deployment, right: (o) => { c0(o).resources.requests['example.com/gpu'] = '1'; c0(o).resources.limits['example.com/gpu'] = '1'; }, wrong: (o) => void (c0(o).resources.requests['example.com/gpu'] = '1'), expect: [/^error spec\.template\.spec\.containers\[0\]\.resources\.limits: a limit must be set for "example\.com\/gpu"/] },

  // Security contexts (ValidateSecurityContext, validatePodSpecSecurityContext, validateSeccompProfileField)
  { rule: 'user IDs are 0-2147483647', base: deployment, right: (o) => void (c0(o).securityContext = { runAsUser: 0 }), wrong: (o) => void (c0(o).securityContext = { runAsUser: -1 }), expect: [/^error spec\.template\.spec\.containers\[0\]\.securityContext\.runAsUser: must be between 0 and 2147483647, inclusive \(got -1\)/] },
  { rule: 'group IDs are 0-2147483647', base: deployment, right: (o) => void (pod(o).securityContext = { fsGroup: 1000, supplementalGroups: [2000] }), wrong: (o) => void (pod(o).securityContext = { fsGroup: 1000, supplementalGroups: [-2] }), expect: [/^error spec\.template\.spec\.securityContext\.supplementalGroups\[0\]: must be between 0 and 2147483647/] },
  { rule: 'privileged with allowPrivilegeEscalation false is a contradiction', base: deployment, right: (o) => void (c0(o).securityContext = { privileged: true }), wrong: (o) => void (c0(o).securityContext = { privileged: true, allowPrivilegeEscalation: false }), expect: [/^error spec\.template\.spec\.containers\[0\]\.securityContext: cannot set `allowPrivilegeEscalation` to false and `privileged` to true/] },
  { rule: 'CAP_SYS_ADMIN with allowPrivilegeEscalation false is a contradiction', base: deployment, right: (o) => void (c0(o).securityContext = { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'] } }), wrong: (o) => void (c0(o).securityContext = { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.securityContext: cannot set `allowPrivilegeEscalation` to false and `capabilities\.add` CAP_SYS_ADMIN/] },
  { rule: 'procMount values', base: deployment, right: (o) => void (c0(o).securityContext = { procMount: 'Default' }), wrong: (o) => void (c0(o).securityContext = { procMount: 'Masked' }), expect: [/^error spec\.template\.spec\.containers\[0\]\.securityContext\.procMount: must be one of "Default", "Unmasked"/] },
  { rule: 'seccomp profile types', base: deployment, right: (o) => void (pod(o).securityContext = { seccompProfile: { type: 'RuntimeDefault' } }), wrong: (o) => void (pod(o).securityContext = { seccompProfile: { type: 'Default' } }), expect: [/^error spec\.template\.spec\.securityContext\.seccompProfile\.type: must be one of "Localhost", "RuntimeDefault", "Unconfined" \(got "Default"\)/] },
  { rule: 'a Localhost seccomp profile names its file', base: deployment, right: (o) => void (pod(o).securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/kafka.json' } }), wrong: (o) => void (pod(o).securityContext = { seccompProfile: { type: 'Localhost' } }), expect: [/^error spec\.template\.spec\.securityContext\.seccompProfile\.localhostProfile: required value: must be set when seccomp type is Localhost/] },
  { rule: 'only a Localhost seccomp profile names a file', base: deployment, right: (o) => void (c0(o).securityContext = { seccompProfile: { type: 'Unconfined' } }), wrong: (o) => void (c0(o).securityContext = { seccompProfile: { type: 'Unconfined', localhostProfile: 'x.json' } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.securityContext\.seccompProfile\.localhostProfile: can only be set when seccomp type is Localhost/] },
  { rule: 'fsGroupChangePolicy values', base: deployment, right: (o) => void (pod(o).securityContext = { fsGroupChangePolicy: 'OnRootMismatch' }), wrong: (o) => void (pod(o).securityContext = { fsGroupChangePolicy: 'Sometimes' }), expect: [/^error spec\.template\.spec\.securityContext\.fsGroupChangePolicy: must be one of "OnRootMismatch", "Always"/] },

  // Probes and lifecycle handlers (validateProbe, validateHandler)
  { rule: 'a probe has a handler', base: deployment, right: (o) => void (c0(o).readinessProbe = { httpGet: { port: 8080, path: '/ready' } }), wrong: (o) => void (c0(o).readinessProbe = { periodSeconds: 10 }), expect: [/^error spec\.template\.spec\.containers\[0\]\.readinessProbe: required value: must specify a handler type/] },
  { rule: 'a probe has one handler', base: deployment, right: (o) => void (c0(o).livenessProbe = { exec: { command: ['true'] } }), wrong: (o) => void (c0(o).livenessProbe = { exec: { command: ['true'] }, tcpSocket: { port: 8080 } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.livenessProbe\.tcpSocket: may not specify more than 1 handler type/] },
  { rule: 'liveness and startup probes succeed once', base: deployment, right: (o) => void (c0(o).startupProbe = { tcpSocket: { port: 8080 }, successThreshold: 1 }), wrong: (o) => void (c0(o).startupProbe = { tcpSocket: { port: 8080 }, successThreshold: 2 }), expect: [/^error spec\.template\.spec\.containers\[0\]\.startupProbe\.successThreshold: must be 1 \(got 2\)/] },
  { rule: 'probe timings are not negative', base: deployment, right: (o) => void (c0(o).readinessProbe.periodSeconds = 0), wrong: (o) => void (c0(o).readinessProbe.periodSeconds = -5), expect: [/^error spec\.template\.spec\.containers\[0\]\.readinessProbe\.periodSeconds: must be greater than or equal to 0/] },
  { rule: 'a readiness probe has no terminationGracePeriodSeconds', base: deployment, right: (o) => void (c0(o).livenessProbe = { tcpSocket: { port: 8080 }, terminationGracePeriodSeconds: 10 }), wrong: (o) => void (c0(o).readinessProbe.terminationGracePeriodSeconds = 10), expect: [/^error spec\.template\.spec\.containers\[0\]\.readinessProbe\.terminationGracePeriodSeconds: must not be set for readinessProbes/] },
  { rule: 'probe ports are 1-65535 or names (ValidatePortNumOrName)', base: deployment, right: (o) => void (c0(o).readinessProbe = { tcpSocket: { port: 8080 } }), wrong: (o) => void (c0(o).readinessProbe = { tcpSocket: { port: 70000 } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.readinessProbe\.tcpSocket\.port: must be between 1 and 65535/] },
  { rule: 'an exec handler has a command', base: deployment, right: (o) => void (c0(o).lifecycle = { preStop: { exec: { command: ['sleep', '5'] } } }), wrong: (o) => void (c0(o).lifecycle = { preStop: { exec: { command: [] } } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.lifecycle\.preStop\.exec\.command: required value/] },
  { rule: 'httpGet schemes', base: deployment, right: (o) => void (c0(o).livenessProbe = { httpGet: { port: 'http', scheme: 'HTTPS' } }), wrong: (o) => void (c0(o).livenessProbe = { httpGet: { port: 'http', scheme: 'TCP' } }), expect: [/^error spec\.template\.spec\.containers\[0\]\.livenessProbe\.httpGet\.scheme: must be one of "HTTP", "HTTPS"/] },

  // Pod-level fields (ValidatePodSpec)
  { rule: 'dnsPolicy values (validateDNSPolicy)', base: deployment, right: (o) => void (pod(o).dnsPolicy = 'ClusterFirstWithHostNet'), wrong: (o) => void (pod(o).dnsPolicy = 'Cluster'), expect: [/^error spec\.template\.spec\.dnsPolicy: must be one of/] },
  { rule: 'nodeSelector is a label map', base: deployment, right: (o) => void (pod(o).nodeSelector = { 'topology.kubernetes.io/zone': 'eu-west-1a' }), wrong: (o) => void (pod(o).nodeSelector = { 'topology.kubernetes.io/zone': 'eu west' }), expect: [/^error spec\.template\.spec\.nodeSelector\[topology\.kubernetes\.io\/zone\]: invalid label value/] },
  { rule: 'serviceAccountName is a DNS-1123 subdomain', base: deployment, right: (o) => void (pod(o).serviceAccountName = 'kafka.client'), wrong: (o) => void (pod(o).serviceAccountName = 'Kafka_Client'), expect: [/^error spec\.template\.spec\.serviceAccountName: "Kafka_Client" is not a DNS-1123 subdomain/] },
  { rule: 'hostname is a DNS-1123 label', base: deployment, right: (o) => void (pod(o).hostname = 'web-0'), wrong: (o) => void (pod(o).hostname = 'web.0'), expect: [/^error spec\.template\.spec\.hostname: "web\.0" is not a DNS-1123 label/] },
  { rule: 'toleration operators (ValidateTolerations)', base: deployment, right: (o) => void (pod(o).tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'kafka', effect: 'NoSchedule' }]), wrong: (o) => void (pod(o).tolerations = [{ key: 'dedicated', operator: 'Is', value: 'kafka' }]), expect: [/^error spec\.template\.spec\.tolerations\[0\]\.operator: must be one of "Equal", "Exists" \(got "Is"\)/] },
  { rule: 'Exists tolerates any value, so takes none', base: deployment, right: (o) => void (pod(o).tolerations = [{ operator: 'Exists' }]), wrong: (o) => void (pod(o).tolerations = [{ key: 'dedicated', operator: 'Exists', value: 'kafka' }]), expect: [/^error spec\.template\.spec\.tolerations\[0\]\.value: value must be empty when `operator` is 'Exists'/] },
  { rule: 'an empty toleration key needs Exists', base: deployment, right: (o) => void (pod(o).tolerations = [{ key: '', operator: 'Exists' }]), wrong: (o) => void (pod(o).tolerations = [{ operator: 'Equal' }]), expect: [/^error spec\.template\.spec\.tolerations\[0\]\.operator: operator must be Exists when `key` is empty/] },
  { rule: 'tolerationSeconds needs NoExecute', base: deployment, right: (o) => void (pod(o).tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }]), wrong: (o) => void (pod(o).tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }]), expect: [/^error spec\.template\.spec\.tolerations\[0\]\.effect: effect must be 'NoExecute' when `tolerationSeconds` is set/] },
  { rule: 'toleration effects', base: deployment, right: (o) => void (pod(o).tolerations = [{ key: 'k', operator: 'Exists', effect: 'PreferNoSchedule' }]), wrong: (o) => void (pod(o).tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoRun' }]), expect: [/^error spec\.template\.spec\.tolerations\[0\]\.effect: must be one of "NoSchedule", "PreferNoSchedule", "NoExecute"/] },
  { rule: 'maxSkew is positive (validateTopologySpreadConstraints)', base: deployment, right: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }]), wrong: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 0, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }]), expect: [/^error spec\.template\.spec\.topologySpreadConstraints\[0\]\.maxSkew: must be greater than 0/] },
  { rule: 'whenUnsatisfiable values', base: deployment, right: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }]), wrong: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Sometimes' }]), expect: [/^error spec\.template\.spec\.topologySpreadConstraints\[0\]\.whenUnsatisfiable: must be one of "DoNotSchedule", "ScheduleAnyway"/] },
  { rule: 'one constraint per topologyKey and whenUnsatisfiable', base: deployment, right: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }]), wrong: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 2, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }]), expect: [/^error spec\.template\.spec\.topologySpreadConstraints\[1\]: duplicate \{topologyKey, whenUnsatisfiable\} \{zone, DoNotSchedule\} \(also at \[0\]\)/] },
  { rule: 'minDomains needs DoNotSchedule', base: deployment, right: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 }]), wrong: (o) => void (pod(o).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 3 }]), expect: [/^error spec\.template\.spec\.topologySpreadConstraints\[0\]\.minDomains: can only use minDomains if whenUnsatisfiable=DoNotSchedule/] },

  // Service (validateService, validateServicePort, validateServiceExternalTrafficPolicy)
  { rule: 'Service ports are 1-65535', base: service, right: (o) => void (o.spec.ports[0].port = 1), wrong: (o) => void (o.spec.ports[0].port = 70000), expect: [/^error spec\.ports\[0\]\.port: must be between 1 and 65535, inclusive \(got 70000\)/] },
  { rule: 'a port and protocol appear once', base: service, right: (o) => void o.spec.ports.push({ name: 'clients-udp', port: 9092, protocol: 'UDP' }), wrong: (o) => void o.spec.ports.push({ name: 'clients-2', port: 9092 }), expect: [/^error spec\.ports\[1\]: duplicate port 9092\/TCP \(also at \[0\]\)/] },
  { rule: 'Service port names are unique', base: service, right: (o) => void o.spec.ports.push({ name: 'replication', port: 9091 }), wrong: (o) => void o.spec.ports.push({ name: 'clients', port: 9091 }), expect: [/^error spec\.ports\[1\]\.name: duplicate port name "clients" \(also at \[0\]\)/] },
  { rule: 'several ports are named', base: service, right: (o) => void (o.spec.ports = [{ port: 9092 }]), wrong: (o) => void o.spec.ports.push({ port: 9091 }), expect: [/^error spec\.ports\[1\]\.name: required value: every port needs a name when there is more than one/] },
  { rule: 'Service port names are DNS-1123 labels', base: service, right: (o) => void (o.spec.ports[0].name = 'tcp-clients'), wrong: (o) => void (o.spec.ports[0].name = 'Clients'), expect: [/^error spec\.ports\[0\]\.name: "Clients" is not a DNS-1123 label/] },
  { rule: 'targetPort is a port number or name', base: service, right: (o) => void (o.spec.ports[0].targetPort = 'clients'), wrong: (o) => void (o.spec.ports[0].targetPort = 'client_port'), expect: [/^error spec\.ports\[0\]\.targetPort: invalid port name "client_port"/] },
  { rule: 'appProtocol is a qualified name', base: service, right: (o) => void (o.spec.ports[0].appProtocol = 'kubernetes.io/h2c'), wrong: (o) => void (o.spec.ports[0].appProtocol = 'kafka protocol'), expect: [/^error spec\.ports\[0\]\.appProtocol: .*not a qualified name/] },
  { rule: 'a Service has ports, unless headless', base: service, right: (o) => { o.spec.clusterIP = 'None'; o.spec.ports = []; }, wrong: (o) => void (o.spec.ports = []), expect: [/^error spec\.ports: required value/] },
  { rule: 'Service types', base: service, right: (o) => void (o.spec.type = 'NodePort'), wrong: (o) => void (o.spec.type = 'Loadbalancer'), expect: [/^error spec\.type: must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort" \(got "Loadbalancer"\)/] },
  { rule: 'nodePort only outside ClusterIP', base: service, right: (o) => { o.spec.type = 'NodePort'; o.spec.ports[0].nodePort = 30092; }, wrong: (o) => void (o.spec.ports[0].nodePort = 30092), expect: [/^error spec\.ports\[0\]\.nodePort: may not be used when `type` is 'ClusterIP'/] },
  { rule: 'externalTrafficPolicy only for externally accessible Services', base: service, right: (o) => { o.spec.type = 'LoadBalancer'; o.spec.externalTrafficPolicy = 'Local'; }, wrong: (o) => void (o.spec.externalTrafficPolicy = 'Local'), expect: [/^error spec\.externalTrafficPolicy: may only be set for externally-accessible services/] },
  { rule: 'session affinity values', base: service, right: (o) => void (o.spec.sessionAffinity = 'ClientIP'), wrong: (o) => void (o.spec.sessionAffinity = 'Sticky'), expect: [/^error spec\.sessionAffinity: must be one of "ClientIP", "None"/] },
  { rule: 'a Service selector is a label map', base: service, right: (o) => void (o.spec.selector = { 'app.kubernetes.io/name': 'kafka' }), wrong: (o) => void (o.spec.selector = { app: 'kafka broker' }), expect: [/^error spec\.selector\.app: invalid label value/] },
  { rule: 'clusterIP is an IP address (strict: no leading zeros)', base: service, right: (o) => void (o.spec.clusterIP = '10.96.0.10'), wrong: (o) => void (o.spec.clusterIP = '010.96.0.10'), expect: [/^error spec\.clusterIP: must be a valid IP address/] },
  { rule: 'externalIPs are IP addresses (no IPv4-mapped IPv6)', base: service, right: (o) => void (o.spec.externalIPs = ['2001:db8::1']), wrong: (o) => void (o.spec.externalIPs = ['::ffff:10.0.0.1']), expect: [/^error spec\.externalIPs\[0\]: must be a valid IP address/] },
  { rule: 'NodePort and LoadBalancer Services are not headless', base: service, right: (o) => void (o.spec.clusterIP = 'None'), wrong: (o) => { o.spec.type = 'NodePort'; o.spec.clusterIP = 'None'; }, expect: [/^error spec\.clusterIP: may not be 'None' for NodePort services/] },
  { rule: 'loadBalancerSourceRanges only for LoadBalancers, as CIDRs', base: service, right: (o) => { o.spec.type = 'LoadBalancer'; o.spec.loadBalancerSourceRanges = ['10.0.0.0/8']; }, wrong: (o) => { o.spec.type = 'LoadBalancer'; o.spec.loadBalancerSourceRanges = ['10.0.0.1/8']; }, expect: [/^error spec\.loadBalancerSourceRanges\[0\]: must not have bits set beyond the prefix length/] },
  { rule: 'internalTrafficPolicy, ipFamilyPolicy and ipFamilies values', base: service, right: (o) => { o.spec.internalTrafficPolicy = 'Local'; o.spec.ipFamilyPolicy = 'PreferDualStack'; o.spec.ipFamilies = ['IPv6']; }, wrong: (o) => { o.spec.internalTrafficPolicy = 'Node'; o.spec.ipFamilyPolicy = 'DualStack'; o.spec.ipFamilies = ['IPv5']; }, expect: [/^error spec\.internalTrafficPolicy: must be one of/, /^error spec\.ipFamilyPolicy: must be one of/, /^error spec\.ipFamilies\[0\]: must be one of "IPv4", "IPv6"/] },
  { rule: 'an ExternalName Service names a host', base: service, right: (o) => { o.spec = { type: 'ExternalName', externalName: 'kafka.example.com.' }; }, wrong: (o) => { o.spec = { type: 'ExternalName', externalName: 'Kafka_Example' }; }, expect: [/^error spec\.externalName: "Kafka_Example" is not a DNS-1123 subdomain/] },

  // ConfigMap, Namespace, PodDisruptionBudget, NetworkPolicy
  { rule: 'ConfigMap keys (IsConfigMapKey)', base: configMap, right: (o) => void (o.data['start_script.sh'] = 'x'), wrong: (o) => void (o.data['start script'] = 'x'), expect: [/^error data\[start script\]: invalid key: "start script" is not a ConfigMap or Secret data key/] },
  { rule: 'a key is in data or binaryData, not both', base: configMap, right: (o) => void (o.binaryData = { 'logo.png': 'eA==' }), wrong: (o) => void (o.binaryData = { 'server.properties': 'eA==' }), expect: [/^error data\[server\.properties\]: duplicate of key "server\.properties" present in binaryData/] },
  { rule: 'Namespace finalizers are standard or fully qualified (validateFinalizerName)', base: namespace, right: (o) => void (o.spec = { finalizers: ['kubernetes', 'example.com/cleanup'] }), wrong: (o) => void (o.spec = { finalizers: ['cleanup'] }), expect: [/^error spec\.finalizers\[0\]: "cleanup" is neither a standard finalizer name/] },
  { rule: 'minAvailable or maxUnavailable, not both (ValidatePodDisruptionBudgetSpec)', base: pdb, right: (o) => { delete o.spec.maxUnavailable; o.spec.minAvailable = '50%'; }, wrong: (o) => void (o.spec.minAvailable = 1), expect: [/^error spec: minAvailable and maxUnavailable cannot be both set/] },
  { rule: 'a budget is at most 100%', base: pdb, right: (o) => void (o.spec.maxUnavailable = '100%'), wrong: (o) => void (o.spec.maxUnavailable = '150%'), expect: [/^error spec\.maxUnavailable: must not be greater than 100%/] },
  { rule: 'a budget is not negative', base: pdb, right: (o) => void (o.spec.maxUnavailable = 0), wrong: (o) => void (o.spec.maxUnavailable = -1), expect: [/^error spec\.maxUnavailable: must be greater than or equal to 0/] },
  { rule: 'unhealthyPodEvictionPolicy values', base: pdb, right: (o) => void (o.spec.unhealthyPodEvictionPolicy = 'AlwaysAllow'), wrong: (o) => void (o.spec.unhealthyPodEvictionPolicy = 'Always'), expect: [/^error spec\.unhealthyPodEvictionPolicy: must be one of "AlwaysAllow", "IfHealthyBudget"/] },
  { rule: 'NetworkPolicy ports are 1-65535 (ValidateNetworkPolicyPort)', base: networkPolicy, right: (o) => void (o.spec.ingress[0].ports[0].port = 65535), wrong: (o) => void (o.spec.ingress[0].ports[0].port = 70000), expect: [/^error spec\.ingress\[0\]\.ports\[0\]\.port: must be between 1 and 65535/] },
  { rule: 'endPort is not below port', base: networkPolicy, right: (o) => void (o.spec.ingress[0].ports[0].endPort = 9094), wrong: (o) => void (o.spec.ingress[0].ports[0].endPort = 9000), expect: [/^error spec\.ingress\[0\]\.ports\[0\]\.endPort: must be greater than or equal to `port`/] },
  { rule: 'endPort needs a numeric port', base: networkPolicy, right: (o) => void (o.spec.ingress[0].ports[0].port = 'kafka'), wrong: (o) => void (o.spec.ingress[0].ports[0] = { port: 'kafka', endPort: 9094 }), expect: [/^error spec\.ingress\[0\]\.ports\[0\]\.endPort: may not be specified when `port` is non-numeric/] },
  { rule: 'NetworkPolicy protocols', base: networkPolicy, right: (o) => void (o.spec.ingress[0].ports[0].protocol = 'SCTP'), wrong: (o) => void (o.spec.ingress[0].ports[0].protocol = 'HTTP'), expect: [/^error spec\.ingress\[0\]\.ports\[0\]\.protocol: must be one of "SCTP", "TCP", "UDP"/] },
  { rule: 'a peer selects something (ValidateNetworkPolicyPeer)', base: networkPolicy, right: (o) => void o.spec.ingress[0].from.push({ namespaceSelector: {} }), wrong: (o) => void o.spec.ingress[0].from.push({}), expect: [/^error spec\.ingress\[0\]\.from\[1\]: required value: must specify a peer/] },
  { rule: 'an ipBlock stands alone', base: networkPolicy, right: (o) => void o.spec.ingress[0].from.push({ ipBlock: { cidr: '10.0.0.0/16' } }), wrong: (o) => void o.spec.ingress[0].from.push({ ipBlock: { cidr: '10.0.0.0/16' }, podSelector: {} }), expect: [/^error spec\.ingress\[0\]\.from\[1\]: may not specify both ipBlock and another peer/] },
  { rule: 'ipBlock CIDRs are strict (ValidateIPBlock)', base: networkPolicy, right: (o) => void o.spec.ingress[0].from.push({ ipBlock: { cidr: '2001:db8::/32' } }), wrong: (o) => void o.spec.ingress[0].from.push({ ipBlock: { cidr: '10.0.0.0/33' } }), expect: [/^error spec\.ingress\[0\]\.from\[1\]\.ipBlock\.cidr: must be a valid CIDR value/] },
  { rule: 'except is a strict subset of the cidr', base: networkPolicy, right: (o) => void o.spec.ingress[0].from.push({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] } }), wrong: (o) => void o.spec.ingress[0].from.push({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16'] } }), expect: [/^error spec\.ingress\[0\]\.from\[1\]\.ipBlock\.except\[0\]: must be a strict subset of `cidr`/] },
  { rule: 'policyTypes are Ingress and Egress', base: networkPolicy, right: (o) => void (o.spec.policyTypes = ['Ingress', 'Egress']), wrong: (o) => void (o.spec.policyTypes = ['Inbound']), expect: [/^error spec\.policyTypes\[0\]: must be one of "Ingress", "Egress" \(got "Inbound"\)/] },
];

describe('Go-coded rules of the API server for built-in kinds', () => {
  test('the base objects are valid', () => {
    for (const base of [deployment, statefulSet, service, networkPolicy, pdb, configMap, namespace]) expect(findings(base())).toEqual([]);
  });

  test.each(CASES.map((c) => [c.rule, c] as const))('%s', (_, c) => {
    const right = c.base();
    c.right(right);
    expect(findings(right)).toEqual([]);
    const wrong = c.base();
    c.wrong(wrong);
    expect(findings(wrong)).toEqual(c.expect.map((pattern) => expect.stringMatching(pattern)));
  });

  test('a type error stops the Go rules, as it stops the API server at decoding', () => {
    const o = deployment();
    c0(o).ports[0].containerPort = '8080';
    c0(o).name = 'Web_1';
    expect(findings(o)).toEqual([expect.stringMatching(/^error spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: must be of type integer/)]);
  });

  test('a list-type duplicate the Go rules reject is reported once, as their error', () => {
    const o = deployment();
    pod(o).volumes.push({ name: 'config', emptyDir: {} });
    expect(findings(o)).toEqual([expect.stringMatching(/^error spec\.template\.spec\.volumes\[1\]\.name: duplicate volume name "config"/)]);
  });
});

describe('parseQuantity', () => {
  test.each([
    ['1', 1n, 1n], ['1.5', 3n, 2n], ['100m', 1n, 10n], ['1Ki', 1024n, 1n], ['1.5Gi', 3n * 2n ** 29n, 1n], ['2e3', 2000n, 1n],
    ['1E', 10n ** 18n, 1n], ['-1k', -1000n, 1n], ['.5', 1n, 2n], ['5n', 5n, 10n ** 9n],
  ])('%s', (text, num, den) => {
    const q = parseQuantity(text)!;
    expect(q.num * den).toBe(num * q.den);
  });

  test('what is not a quantity', () => {
    for (const text of ['1.5 cores', '0.5.1', 'Gi', '1KiB', '']) expect(parseQuantity(text)).toBeUndefined();
  });
});
