// What a cluster folder needs installed before `kubectl apply -k`: the README's Prerequisites,
// as data (the installers, their commands, the CRD groups they bring and the namespaces they make).
import { COMPONENT_VERSIONS } from '../core/versions';

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Readonly<Record<string, string>> } };

/** Something a cluster folder needs installed before `kubectl apply -k`, as the README lists it. */
export interface Prerequisite {
  /** What to install, with its version, as the README's Prerequisites list names it. */
  readonly name: string;
  /** Whether a folder needs it: from the API groups of its objects (and the objects). */
  readonly when: (groups: ReadonlySet<string>, objects: readonly Manifest[]) => boolean;
  /**
   * The commands that install it, as the README prints them (`<cluster>` stands for the cluster's
   * name); for what someone else runs on the cluster, the command that checks it is there.
   */
  readonly install: string[];
  /** The API groups whose CRDs the installer brings (the tests install the pinned CRDs of these). */
  readonly crdGroups: readonly string[];
  /** The namespaces the installer creates, which the folder's objects may live in. */
  readonly namespaces: readonly string[];
}

const PREREQUISITES: readonly Prerequisite[] = [
  {
    name: `cert-manager ${COMPONENT_VERSIONS.certManager}`,
    when: (g) => g.has('cert-manager.io'),
    install: [`kubectl apply -f https://github.com/cert-manager/cert-manager/releases/download/v${COMPONENT_VERSIONS.certManager}/cert-manager.yaml`],
    crdGroups: ['cert-manager.io'],
    namespaces: ['cert-manager'],
  },
  {
    name: `Envoy Gateway ${COMPONENT_VERSIONS.envoyGateway} (its chart brings the Gateway API ${COMPONENT_VERSIONS.gatewayApi} CRDs)`,
    when: (g, o) => g.has('gateway.envoyproxy.io') || o.some((x) => x.kind === 'GatewayClass'),
    install: [`helm install eg oci://docker.io/envoyproxy/gateway-helm --version v${COMPONENT_VERSIONS.envoyGateway} -n envoy-gateway-system --create-namespace --set config.envoyGateway.extensionApis.enableBackend=true`],
    crdGroups: ['gateway.envoyproxy.io', 'gateway.networking.k8s.io'],
    namespaces: ['envoy-gateway-system'],
  },
  {
    name: `Istio ${COMPONENT_VERSIONS.istio}, with an ingress gateway in istio-ingress (pods labelled istio=ingressgateway)`,
    // Any Istio API, or a pod that asks for a sidecar — unless Tetrate Service Bridge, which
    // brings its own Istio, manages the cluster.
    when: (g, o) => [...g].some((x) => x === 'istio.io' || x.endsWith('.istio.io'))
      || (![...g].some((x) => x.endsWith('tetrate.io')) && JSON.stringify(o).includes('"sidecar.istio.io/inject":"true"')),
    install: [
      'helm repo add istio https://istio-release.storage.googleapis.com/charts',
      `helm install istio-base istio/base -n istio-system --create-namespace --version ${COMPONENT_VERSIONS.istio}`,
      `helm install istiod istio/istiod -n istio-system --version ${COMPONENT_VERSIONS.istio} --wait`,
      `helm install istio-ingressgateway istio/gateway -n istio-ingress --create-namespace --version ${COMPONENT_VERSIONS.istio}`,
    ],
    // The pinned Istio CRDs are networking.istio.io's; other Istio groups get stand-ins in the tests.
    crdGroups: ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io'],
    namespaces: ['istio-system', 'istio-ingress'],
  },
  {
    name: 'Tetrate Service Bridge, with GitOps enabled on this cluster',
    when: (g) => [...g].some((x) => x.endsWith('tetrate.io')),
    install: ['tctl x gitops grant <cluster>   # then onboard the cluster (tctl install cluster-operators / control-plane)'],
    // No public CRD: the tests stand in a permissive one and list these kinds as not schema-checked.
    crdGroups: ['tsb.tetrate.io', 'gateway.tsb.tetrate.io', 'traffic.tsb.tetrate.io', 'install.tetrate.io'],
    namespaces: [],
  },
  {
    name: `Strimzi ${COMPONENT_VERSIONS.strimzi}, watching every namespace`,
    when: (g, o) => g.has('kafka.strimzi.io') && !strimziRunByOwner(o),
    install: [`helm install strimzi oci://quay.io/strimzi-helm/strimzi-kafka-operator --version ${COMPONENT_VERSIONS.strimzi} -n strimzi --create-namespace --set watchAnyNamespace=true`],
    crdGroups: ['kafka.strimzi.io', 'core.strimzi.io'],
    namespaces: ['strimzi'],
  },
  {
    // A Kafka cluster owned elsewhere (KafkaCluster.fromClusterAttributes): its topics, users and
    // pools are reconciled by the operators of the cluster they name, in the Kubernetes cluster
    // that runs it, so this folder goes there and a second cluster operator would fight the first.
    name: `Strimzi ${COMPONENT_VERSIONS.strimzi}, run by the owner of the Kafka cluster this folder's Strimzi resources belong to: its CRDs must be installed (the folder goes to the Kubernetes cluster that runs that Kafka cluster, whose operators reconcile them); install no second Strimzi`,
    when: (g, o) => g.has('kafka.strimzi.io') && strimziRunByOwner(o),
    install: ['kubectl get crd kafkas.kafka.strimzi.io kafkatopics.kafka.strimzi.io kafkausers.kafka.strimzi.io   # installed with Strimzi by the Kafka cluster\'s owner: nothing to install here'],
    // The API-server stage installs the pinned CRDs, as the owner's Strimzi would have.
    crdGroups: ['kafka.strimzi.io', 'core.strimzi.io'],
    namespaces: [],
  },
  {
    name: `Prometheus Operator ${COMPONENT_VERSIONS.prometheusOperator} (its CRDs, e.g. from kube-prometheus-stack)`,
    when: (g) => g.has('monitoring.coreos.com'),
    install: ['helm install monitoring oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack -n monitoring --create-namespace'],
    crdGroups: ['monitoring.coreos.com'],
    namespaces: ['monitoring'],
  },
  {
    // The argocd/ folder of an environment: its Applications need Argo CD in the `argocd` namespace.
    name: `Argo CD ${COMPONENT_VERSIONS.argoCd}`,
    when: (g) => g.has('argoproj.io'),
    install: [`kubectl create namespace argocd && kubectl -n argocd apply --server-side -f https://raw.githubusercontent.com/argoproj/argo-cd/v${COMPONENT_VERSIONS.argoCd}/manifests/install.yaml`],
    crdGroups: ['argoproj.io'],
    namespaces: ['argocd'],
  },
];

/** The Strimzi resources that belong to another by naming it in this label: a Kafka (topics, users, node pools, rebalances) or a KafkaConnect (connectors). */
const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';

/**
 * Whether a folder's Strimzi resources are reconciled by a Strimzi someone else runs: the folder
 * holds no `Kafka` of its own, and some resource names (`strimzi.io/cluster`) a Kafka or
 * KafkaConnect it does not hold, which Strimzi only reconciles in the namespace of that resource,
 * in the Kubernetes cluster that runs it (the Topic and User Operators watch their Kafka's
 * namespace). A folder of operands alone (a regional KafkaBridge, MirrorMaker 2) runs its own
 * cluster operator.
 */
function strimziRunByOwner(objects: readonly Manifest[]): boolean {
  const strimzi = objects.filter((o) => o.apiVersion.startsWith('kafka.strimzi.io/'));
  if (strimzi.some((o) => o.kind === 'Kafka')) return false;
  const held = new Set(strimzi.map((o) => `${o.kind}|${o.metadata.namespace}|${o.metadata.name}`));
  return strimzi.some((o) => {
    const owner = o.metadata.labels?.[STRIMZI_CLUSTER_LABEL];
    if (owner === undefined) return false;
    const ownerKind = o.kind === 'KafkaConnector' ? 'KafkaConnect' : 'Kafka';
    return !held.has(`${ownerKind}|${o.metadata.namespace}|${owner}`);
  });
}

/** What must be installed before `objects` (one cluster folder) apply: the README's Prerequisites, as data. */
export function prerequisitesOf(objects: readonly Manifest[]): readonly Prerequisite[] {
  const groups = new Set(objects.map((o) => (o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.lastIndexOf('/')) : '')));
  return PREREQUISITES.filter((p) => p.when(groups, objects));
}

/**
 * The installer that creates `namespace` (e.g. 'cert-manager' for cert-manager's), if any: a
 * namespace an environment must not create and own itself.
 */
export function installerOf(namespace: string): string | undefined {
  return PREREQUISITES.find((p) => p.namespaces.includes(namespace))?.name;
}
