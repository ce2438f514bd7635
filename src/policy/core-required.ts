/**
 * Where the Kubernetes OpenAPI `required` lists overstate what the API server enforces.
 *
 * The core-kind schema (`shared/crds/kubernetes/_definitions-v1.32.0.json`, OpenAPI v2) derives `required`
 * from Go JSON tags without `omitempty`. The API server does not use that list: a create request is defaulted
 * (`pkg/apis/<group>/<version>/defaults.go`), passed through the registry strategy's `PrepareForCreate`
 * (`pkg/registry/<group>/<resource>/strategy.go`) and then checked by the hand-written validation
 * (`pkg/apis/<group>/validation/validation.go`). A `required` entry is listed here only when the field's zero
 * value, after that defaulting and preparation, passes validation, i.e. a create request that omits it is accepted
 * by kube-apiserver 1.35-1.37. Entries not listed stay required: they were either confirmed enforced or not proven
 * unenforced, so the validator errs on the strict side.
 *
 * Derived by reading the Kubernetes source, definition by definition, for every definition with a `required` list
 * that is reachable from a creatable kind (`*List` kinds, `version.Info`, apiextensions and meta/v1 discovery types
 * skipped). Sources: k8s.io/api master at 10b39a39bcee (2026-07-24, published from kubernetes/kubernetes
 * ae5d4d35bd94; tags up to v0.36.3 / v0.37.0-beta.0) for the `+optional`/`+required`/`+k8s:*` markers that
 * generate the newer OpenAPI v3 `required`; kubernetes/kubernetes validation, defaults and strategies from stored
 * snapshots, newest first: pkg/apis/core/validation/validation.go at 170a6b3dc286 (2026-02, 1.36 development),
 * pkg/apis/discovery/validation/validation.go at 2c3516edb0ba (2025-12), pkg/apis/resource/validation (1.35-era,
 * with declarative-validation markers), pkg/features/kube_features.go (1.34+), and older revisions of the
 * apps/batch/storage/rbac/scheduling/networking files where the checked functions have not changed since.
 */
/** OpenAPI `required` entries of the Kubernetes definitions that the API server does not enforce on create: definition name → fields. */
export const UNENFORCED_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  // discovery/v1 EndpointSlice.endpoints: nil is valid (pkg/apis/discovery/validation/validation.go ValidateEndpointSlice -> validateEndpoints only loops and caps at 1000); k8s.io/api now marks it +optional
  'io.k8s.api.discovery.v1.EndpointSlice': ['endpoints'],
  // ForZone.name: "" passes (pkg/apis/discovery/validation/validation.go validateHints: IsValidLabelValue accepts the empty string, only duplicates are rejected)
  'io.k8s.api.discovery.v1.ForZone': ['name'],
  // NetworkPolicySpec.podSelector: the zero LabelSelector selects all pods (pkg/apis/networking/validation/validation.go ValidateNetworkPolicySpec only runs ValidateLabelSelector); k8s.io/api marks it +optional
  'io.k8s.api.networking.v1.NetworkPolicySpec': ['podSelector'],
  // RoleRef.apiGroup: defaulted to rbac.authorization.k8s.io (pkg/apis/rbac/v1/defaults.go SetDefaults_RoleBinding/SetDefaults_ClusterRoleBinding) before validation/validation.go ValidateRoleBinding checks it
  'io.k8s.api.rbac.v1.RoleRef': ['apiGroup'],
  // PriorityClass.value: 0 is a valid priority (pkg/apis/scheduling/validation/validation.go ValidatePriorityClass only caps non-system values at HighestUserDefinablePriority)
  'io.k8s.api.scheduling.v1.PriorityClass': ['value'],
  // ControllerRevision.revision: 0 passes (pkg/apis/apps/validation/validation.go ValidateControllerRevision: ValidateNonnegativeField)
  'io.k8s.api.apps.v1.ControllerRevision': ['revision'],
  // StatefulSetSpec.serviceName: never checked (pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec); k8s.io/api marks it +optional
  'io.k8s.api.apps.v1.StatefulSetSpec': ['serviceName'],
  // PodFailurePolicy.rules: an empty list passes (pkg/apis/batch/validation/validation.go validatePodFailurePolicy only checks the maximum)
  'io.k8s.api.batch.v1.PodFailurePolicy': ['rules'],
  // onPodConditions[].status: defaulted to "True" (pkg/apis/batch/v1/defaults.go SetDefaults_Job) before validatePodFailurePolicyRuleOnPodConditions requires it
  'io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern': ['status'],
  // iscsi.lun: 0 is inside the allowed 0-255 range (pkg/apis/core/validation/validation.go validateISCSIVolumeSource)
  'io.k8s.api.core.v1.ISCSIVolumeSource': ['lun'],
  // iscsi.lun: 0 is inside the allowed 0-255 range (pkg/apis/core/validation/validation.go validateISCSIPersistentVolumeSource)
  'io.k8s.api.core.v1.ISCSIPersistentVolumeSource': ['lun'],
  // scaleIO.secretRef: not checked (pkg/apis/core/validation/validation.go validateScaleIOVolumeSource requires gateway, system, volumeName only)
  'io.k8s.api.core.v1.ScaleIOVolumeSource': ['secretRef'],
  // scaleIO.secretRef: not checked (pkg/apis/core/validation/validation.go validateScaleIOPersistentVolumeSource requires gateway, system, volumeName only)
  'io.k8s.api.core.v1.ScaleIOPersistentVolumeSource': ['secretRef'],
  // preference: an empty NodeSelectorTerm passes (pkg/apis/core/validation/validation.go ValidatePreferredSchedulingTerms -> ValidateNodeSelectorTerm only loops); only weight is checked
  'io.k8s.api.core.v1.PreferredSchedulingTerm': ['preference'],
  // sleep.seconds: 0 is allowed (pkg/apis/core/validation/validation.go validateSleepAction rejects only < 0 or > terminationGracePeriodSeconds; PodLifecycleSleepActionAllowZero GA in 1.34, pkg/features/kube_features.go)
  'io.k8s.api.core.v1.SleepAction': ['seconds'],
  // httpHeaders[].value: never checked, only the name (pkg/apis/core/validation/validation.go validateHTTPGetAction)
  'io.k8s.api.core.v1.HTTPHeader': ['value'],
  // sysctls[].value: never checked, only the name (pkg/apis/core/validation/validation.go validateSysctls)
  'io.k8s.api.core.v1.Sysctl': ['value'],
  // LimitRangeSpec.limits: an empty list passes (pkg/apis/core/validation/validation.go ValidateLimitRange only loops)
  'io.k8s.api.core.v1.LimitRangeSpec': ['limits'],
  // Node spec.configSource/status.config are dropped on create (pkg/registry/core/node/strategy.go PrepareForCreate -> dropDisabledFields); ValidateNode never validates them
  'io.k8s.api.core.v1.ConfigMapNodeConfigSource': ['namespace', 'name', 'kubeletConfigKey'],
  // Node status is kept on create (pkg/registry/core/node/strategy.go: "Nodes allow *all* fields, including status"); ValidateNode checks only capacity, allocatable, swap, declaredFeatures
  'io.k8s.api.core.v1.NodeAddress': ['type', 'address'],
  // Node status kept on create (pkg/registry/core/node/strategy.go PrepareForCreate); conditions are not validated by pkg/apis/core/validation/validation.go ValidateNode
  'io.k8s.api.core.v1.NodeCondition': ['type', 'status'],
  // Node status kept on create (pkg/registry/core/node/strategy.go PrepareForCreate); ValidateNode looks only at nodeInfo.swap (validateNodeSwapStatus)
  'io.k8s.api.core.v1.NodeSystemInfo': ['machineID', 'systemUUID', 'bootID', 'kernelVersion', 'osImage', 'containerRuntimeVersion', 'kubeletVersion', 'kubeProxyVersion', 'operatingSystem', 'architecture'],
  // Node status kept on create (pkg/registry/core/node/strategy.go PrepareForCreate); volumesAttached is not validated by pkg/apis/core/validation/validation.go ValidateNode
  'io.k8s.api.core.v1.AttachedVolume': ['name', 'devicePath'],
  // Node status kept on create (pkg/registry/core/node/strategy.go PrepareForCreate); daemonEndpoints is not validated by pkg/apis/core/validation/validation.go ValidateNode
  'io.k8s.api.core.v1.DaemonEndpoint': ['Port'],
  // CSIDriver tokenRequests[].audience: one entry may leave it empty, meaning the API server's audiences (pkg/apis/storage/validation/validation.go validateTokenRequests only rejects duplicates)
  'io.k8s.api.storage.v1.TokenRequest': ['audience'],
  // CSIDriver.spec: the pointer fields validateCSIDriverSpec requires are defaulted (pkg/apis/storage/v1/defaults.go SetDefaults_CSIDriver: attachRequired=true, podInfoOnMount/storageCapacity/seLinuxMount=false)
  'io.k8s.api.storage.v1.CSIDriver': ['spec'],
  // CSINode.spec: the zero spec passes (pkg/apis/storage/validation/validation.go validateCSINodeSpec -> validateCSINodeDrivers only loops)
  'io.k8s.api.storage.v1.CSINode': ['spec'],
  // CSINodeSpec.drivers: an empty list passes (pkg/apis/storage/validation/validation.go validateCSINodeDrivers only loops)
  'io.k8s.api.storage.v1.CSINodeSpec': ['drivers'],
  // TokenRequest.spec: expirationSeconds defaulted to 3600 (pkg/apis/authentication/v1/defaults.go SetDefaults_TokenRequestSpec); validation/validation.go ValidateTokenRequest checks nothing else for a zero spec
  'io.k8s.api.authentication.v1.TokenRequest': ['spec'],
  // audiences: empty means the API server's audiences (pkg/registry/core/serviceaccount/storage/token.go Create fills r.auds); ValidateTokenRequest needs exactly one only for webhook-bound tokens
  'io.k8s.api.authentication.v1.TokenRequestSpec': ['audiences'],
  // StorageVersion: status reset on create (pkg/registry/apiserverinternal/storageversion/strategy.go PrepareForCreate); spec is an empty struct and ValidateStorageVersion does not look at it
  'io.k8s.api.apiserverinternal.v1alpha1.StorageVersion': ['spec', 'status'],
  // DeviceClass.spec: the zero spec passes (pkg/apis/resource/validation/validation.go validateDeviceClassSpec only loops over selectors and config)
  'io.k8s.api.resource.v1beta1.DeviceClass': ['spec'],
  // ResourceClaim.spec: a claim without requests passes (pkg/apis/resource/validation/validation.go validateResourceClaimSpec -> validateDeviceClaim only loops)
  'io.k8s.api.resource.v1beta1.ResourceClaim': ['spec'],
  // ResourceClaimTemplate.spec: the zero spec passes (pkg/apis/resource/validation/validation.go validateResourceClaimTemplateSpec -> validateResourceClaimSpec)
  'io.k8s.api.resource.v1beta1.ResourceClaimTemplate': ['spec'],
  // ResourceClaimTemplateSpec.spec: the zero claim spec passes (pkg/apis/resource/validation/validation.go validateResourceClaimTemplateSpec -> validateDeviceClaim)
  'io.k8s.api.resource.v1beta1.ResourceClaimTemplateSpec': ['spec'],
  // pool.generation: 0 passes (pkg/apis/resource/validation/validation.go validateResourcePool rejects only < 0; resourceSliceCount must be > 0 and stays required)
  'io.k8s.api.resource.v1beta1.ResourcePool': ['generation'],
  // capacity.value: the zero quantity passes (pkg/apis/resource/validation/validation.go validateSingleAllocatableDeviceCapacity checks only requestPolicy)
  'io.k8s.api.resource.v1beta1.DeviceCapacity': ['value'],
};

/** Kinds whose `status` the API server resets on create (so nothing under `status` is required then): `group/Kind`. */
export const STATUS_RESET_ON_CREATE: ReadonlySet<string> = new Set([
  // core group (pkg/registry/core/<resource>/strategy.go PrepareForCreate); Node is absent: it keeps status on create
  '/Pod',
  '/ReplicationController',
  '/Service',
  '/Namespace',
  '/PersistentVolume',
  '/PersistentVolumeClaim',
  '/ResourceQuota',
  // pkg/registry/apps/{daemonset,deployment,replicaset,statefulset}/strategy.go PrepareForCreate
  'apps/DaemonSet',
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  // pkg/registry/batch/{job,cronjob}/strategy.go PrepareForCreate
  'batch/Job',
  'batch/CronJob',
  // pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go PrepareForCreate
  'autoscaling/HorizontalPodAutoscaler',
  // pkg/registry/policy/poddisruptionbudget/strategy.go PrepareForCreate
  'policy/PodDisruptionBudget',
  // pkg/registry/certificates/certificates/strategy.go PrepareForCreate
  'certificates.k8s.io/CertificateSigningRequest',
  // pkg/registry/flowcontrol/{flowschema,prioritylevelconfiguration}/strategy.go PrepareForCreate
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  // pkg/registry/networking/ingress/strategy.go PrepareForCreate
  'networking.k8s.io/Ingress',
  // pkg/registry/resource/resourceclaim/strategy.go PrepareForCreate
  'resource.k8s.io/ResourceClaim',
  // pkg/registry/storage/volumeattachment/strategy.go PrepareForCreate
  'storage.k8s.io/VolumeAttachment',
  // pkg/registry/storagemigration/storagemigration/strategy.go PrepareForCreate
  'storagemigration.k8s.io/StorageVersionMigration',
  // pkg/registry/apiserverinternal/storageversion/strategy.go PrepareForCreate
  'internal.apiserver.k8s.io/StorageVersion',
  // staging/src/k8s.io/kube-aggregator/pkg/registry/apiservice/strategy.go PrepareForCreate
  'apiregistration.k8s.io/APIService',
  // pkg/registry/authorization/*/rest.go Create: status is cleared or overwritten with the decision; validation reads only spec
  'authorization.k8s.io/SubjectAccessReview',
  'authorization.k8s.io/LocalSubjectAccessReview',
  'authorization.k8s.io/SelfSubjectAccessReview',
  // pkg/registry/core/serviceaccount/storage/token.go Create: status is overwritten with the issued token
  'authentication.k8s.io/TokenRequest',
]);
