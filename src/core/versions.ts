/**
 * Every upstream version the library targets, and every `apiVersion` it emits, in one place.
 *
 * `test/core/versions.test.ts` checks these against the pinned upstream CRDs
 * (`../shared/crds`): the Kafka versions against Strimzi's `kafka-versions.yaml`, each API
 * version against the versions the CRDs (or the Kubernetes schema) serve.
 *
 * The images the library's own pods run, with the numeric user of each, are in `images.ts`
 * (`IMAGE_FACTS`), keyed by the versions here.
 */

/** Component versions (the release the CRDs in `../shared/crds` were taken from). */
export const COMPONENT_VERSIONS = {
  /** Strimzi, the Kafka operator. */
  strimzi: '1.2.0',
  /** cert-manager. */
  certManager: '1.21.1',
  /** Gateway API. */
  gatewayApi: '1.6.1',
  /** Envoy Gateway. */
  envoyGateway: '1.9.0',
  /** Istio. */
  istio: '1.30.3',
  /** Argo CD, which applies `dist/`. */
  argoCd: '3.5.1',
  /** Prometheus Operator (`PodMonitor`). */
  prometheusOperator: '0.93.0',
  /** The Kubernetes API level of the core L1 (`cdk8s-plus-28`). */
  kubernetes: '1.28',
  /**
   * The Kubernetes release whose schema the manifest validator checks core kinds against: the
   * release of the tests' real API server (tools/kube/go.mod), so both judge alike.
   */
  kubernetesSchema: '1.37.2',
} as const;

/** The Gateway API release channel whose CRDs we target (TLSRoute needs `experimental`). */
export const GATEWAY_API_CHANNEL = 'experimental';

/** The `apiVersion` of every kind the library emits, keyed by kind. */
export const API_VERSIONS = {
  // Strimzi (1.x serves kafka.strimzi.io/v1 only; v1beta2 was removed in 1.0)
  Kafka: 'kafka.strimzi.io/v1',
  KafkaNodePool: 'kafka.strimzi.io/v1',
  KafkaTopic: 'kafka.strimzi.io/v1',
  KafkaUser: 'kafka.strimzi.io/v1',
  KafkaBridge: 'kafka.strimzi.io/v1',
  KafkaRebalance: 'kafka.strimzi.io/v1',
  // cert-manager
  Certificate: 'cert-manager.io/v1',
  Issuer: 'cert-manager.io/v1',
  ClusterIssuer: 'cert-manager.io/v1',
  // Gateway API
  GatewayClass: 'gateway.networking.k8s.io/v1',
  Gateway: 'gateway.networking.k8s.io/v1',
  TLSRoute: 'gateway.networking.k8s.io/v1',
  HTTPRoute: 'gateway.networking.k8s.io/v1',
  ReferenceGrant: 'gateway.networking.k8s.io/v1',
  BackendTLSPolicy: 'gateway.networking.k8s.io/v1',
  // Envoy Gateway
  EnvoyProxy: 'gateway.envoyproxy.io/v1alpha1',
  Backend: 'gateway.envoyproxy.io/v1alpha1',
  BackendTrafficPolicy: 'gateway.envoyproxy.io/v1alpha1',
  ClientTrafficPolicy: 'gateway.envoyproxy.io/v1alpha1',
  // Istio
  IstioGateway: 'networking.istio.io/v1',
  VirtualService: 'networking.istio.io/v1',
  DestinationRule: 'networking.istio.io/v1',
  ServiceEntry: 'networking.istio.io/v1',
  // Argo CD and Prometheus Operator
  Application: 'argoproj.io/v1alpha1',
  PodMonitor: 'monitoring.coreos.com/v1',
  // Kubernetes core
  Namespace: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  StatefulSet: 'apps/v1',
  Deployment: 'apps/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  PodDisruptionBudget: 'policy/v1',
} as const;

/** A kind the library emits. */
export type EmittedKind = keyof typeof API_VERSIONS;

/** The kinds whose name in {@link API_VERSIONS} is not their Kubernetes `kind`. */
export const KIND_ALIASES: Readonly<Partial<Record<EmittedKind, string>>> = {
  IstioGateway: 'Gateway',
};

/**
 * The Apache Kafka versions Strimzi 1.2 supports, each with the KRaft metadata version
 * (`metadataVersion`) it defaults to.
 */
export const KAFKA_METADATA_VERSIONS: Readonly<Record<string, string>> = {
  '4.2.0': '4.2-IV1',
  '4.2.1': '4.2-IV1',
  '4.3.0': '4.3-IV0',
  '4.3.1': '4.3-IV0',
};

/** The Kafka version a cluster runs unless told otherwise (Strimzi 1.2's default). */
export const DEFAULT_KAFKA_VERSION = '4.3.1';

/** The Kafka versions Strimzi 1.2 supports, oldest first. */
export const SUPPORTED_KAFKA_VERSIONS: readonly string[] = Object.keys(KAFKA_METADATA_VERSIONS);
