import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Subject, throwFactoryError, throwPropError } from './errors';
import { checkLabels } from './naming';

/**
 * Who may connect, for a NetworkPolicy's ingress `from`: pods by label, optionally in other
 * namespaces. A Kubernetes label selector that is present but empty matches everything
 * (k8s.io/api networking/v1 `NetworkPolicyPeer`: an empty podSelector "selects all pods", an
 * empty namespaceSelector "selects all namespaces"), so:
 *
 * - `{}` or `{ podLabels: {} }`: every pod of the policy's own namespace;
 * - `{ podLabels: { app: 'x' }, namespaceLabels: {} }`: pods labelled `app: x` in every namespace;
 * - `{ namespaceLabels: {} }` (with no pod labels): every pod of every namespace, which is
 *   rejected: name the labels.
 *
 * Every namespace carries `kubernetes.io/metadata.name: <its name>` (set by the API server), so
 * `namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' }` selects one namespace.
 */
export interface NetworkPeer {
  /**
   * Pods with these labels; `{}` is every pod.
   * @default - every pod
   */
  readonly podLabels?: Record<string, string>;
  /**
   * In namespaces with these labels; `{}` is every namespace, and then podLabels must name some.
   * @default - the namespace of the policy
   */
  readonly namespaceLabels?: Record<string, string>;
}

/**
 * Throws a prop error naming `subject` unless every peer's labels are valid label keys and values,
 * and no peer selects every pod of every namespace (empty namespaceLabels without pod labels:
 * k8s.io/api networking/v1 `NetworkPolicyPeer`, "if present but empty, it selects all
 * namespaces", and then "all Pods in the Namespaces selected").
 */
export function checkPeers(subject: Subject, prop: string, peers: readonly NetworkPeer[] | undefined): void {
  (peers ?? []).forEach((peer, i) => {
    checkLabels(subject, `${prop}[${i}].podLabels`, peer.podLabels);
    checkLabels(subject, `${prop}[${i}].namespaceLabels`, peer.namespaceLabels);
    if (peer.namespaceLabels !== undefined && isEmpty(peer.namespaceLabels) && isEmpty(peer.podLabels)) {
      throwPropError(subject, `${prop}[${i}].namespaceLabels`, 'is empty and podLabels names none: an empty namespace selector selects every namespace, so this peer admits every pod of the Kubernetes cluster', peer,
        `name the labels, e.g. { namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' }, podLabels: { istio: 'ingressgateway' } }, or leave ${prop} unset to admit the pods of the policy's own namespace`);
    }
  });
}

function isEmpty(labels: Readonly<Record<string, string>> | undefined): boolean {
  return labels === undefined || Object.keys(labels).length === 0;
}

/** Whether every label of `selector` is in `labels` (an empty or missing selector matches all). */
function subsetOf(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

/** The label every namespace carries with its own name (k8s.io/api core/v1 `LabelMetadataName`). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Whether the NetworkPolicy `peers` (a policy's `from`, in `policyNamespace`; undefined: every pod
 * of that namespace) admit the pods `pods` describes: some peer's podLabels are a subset of the
 * pods' labels, and its namespaceLabels a subset of their namespace's labels (a peer without
 * namespaceLabels, and `pods` without them, mean the policy's namespace, whose one known label
 * is `kubernetes.io/metadata.name`). Labels the pods may carry beyond those `pods` names are not
 * known, so a peer that requires them does not count.
 */
export function peersAdmit(peers: readonly NetworkPeer[] | undefined, policyNamespace: string | undefined, pods: NetworkPeer): boolean {
  const own = policyNamespace === undefined ? undefined : { [NAMESPACE_NAME_LABEL]: policyNamespace };
  const podsInPolicyNamespace = pods.namespaceLabels === undefined
    || (policyNamespace !== undefined && pods.namespaceLabels[NAMESPACE_NAME_LABEL] === policyNamespace);
  return (peers ?? [{}]).some((peer) => {
    if (!subsetOf(peer.podLabels, pods.podLabels)) return false;
    if (peer.namespaceLabels === undefined) return podsInPolicyNamespace;
    return subsetOf(peer.namespaceLabels, pods.namespaceLabels ?? own);
  });
}

/**
 * The peer of the pods labelled `podLabels` in `podNamespace`, for a NetworkPolicy in
 * `policyNamespace`: by namespace name (`kubernetes.io/metadata.name`, which the API server sets
 * on every namespace), or without namespaceLabels when the pods are in the policy's namespace.
 */
export function podsPeer(podNamespace: string | undefined, podLabels: Readonly<Record<string, string>>, policyNamespace: string | undefined): NetworkPeer {
  return podNamespace === undefined || podNamespace === policyNamespace
    ? { podLabels: { ...podLabels } }
    : { namespaceLabels: { [NAMESPACE_NAME_LABEL]: podNamespace }, podLabels: { ...podLabels } };
}

/** A peer as a TypeScript literal, for messages that say what to add. */
export function peerLiteral(peer: NetworkPeer): string {
  const record = (labels: Readonly<Record<string, string>>) => Object.keys(labels).length === 0 ? '{}' : `{ ${Object.entries(labels).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: '${v}'`).join(', ')} }`;
  const parts = [
    ...(peer.namespaceLabels !== undefined ? [`namespaceLabels: ${record(peer.namespaceLabels)}`] : []),
    ...(peer.podLabels !== undefined ? [`podLabels: ${record(peer.podLabels)}`] : []),
  ];
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/**
 * The NetworkPolicy peers that admit `peers`; every pod of the namespace when none are given.
 * Throws on a peer that would admit every pod of every namespace (see {@link checkPeers}, which
 * constructs call first to name themselves in the message).
 */
export function networkPolicyPeers(peers: readonly NetworkPeer[] = [{}]) {
  peers.forEach((peer, i) => {
    if (peer.namespaceLabels !== undefined && isEmpty(peer.namespaceLabels) && isEmpty(peer.podLabels)) {
      throwFactoryError('NetworkPolicy ingress', `allowFrom[${i}].namespaceLabels`, 'is empty and podLabels names none: an empty namespace selector selects every namespace, so this peer admits every pod of the Kubernetes cluster', peer,
        "name the labels, e.g. { namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } }, or leave allowFrom unset to admit the pods of the policy's own namespace");
    }
  });
  return peers.map((peer) => ({
    // `{}` selects every pod (and namespace); the API server drops an empty matchLabels, so never write one.
    podSelector: peer.podLabels && Object.keys(peer.podLabels).length > 0 ? { matchLabels: peer.podLabels } : {},
    ...(peer.namespaceLabels && { namespaceSelector: Object.keys(peer.namespaceLabels).length > 0 ? { matchLabels: peer.namespaceLabels } : {} }),
  }));
}

/** A port of a NetworkPolicy ingress or egress rule. */
export interface NetworkPort {
  readonly port: ReturnType<typeof k8s.IntOrString.fromNumber>;
  readonly protocol: string;
}

/** TCP `port`, for a NetworkPolicy rule. */
export function tcpPort(port: number): NetworkPort {
  return { port: k8s.IntOrString.fromNumber(port), protocol: 'TCP' };
}

/**
 * The cluster DNS: the pods labelled `k8s-app: kube-dns` in `kube-system`, the label CoreDNS
 * keeps from kube-dns (kubeadm's and KIND's CoreDNS Deployment, and the managed offerings').
 * A node-local DNS cache (NodeLocal DNSCache, on a link-local address of the node) is no pod:
 * where one runs, add a NetworkPolicy for it.
 */
export const CLUSTER_DNS: NetworkPeer = { namespaceLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' }, podLabels: { 'k8s-app': 'kube-dns' } };

/** DNS is UDP and TCP on port 53 (RFC 7766: TCP for answers that do not fit a UDP datagram). */
const DNS_PORTS: readonly NetworkPort[] = [{ port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' }, tcpPort(53)];

/** An egress rule: to some pods, or to every destination, on some ports. */
export interface EgressRule {
  /**
   * The pods it may reach; `[]` is none (the rule is left out).
   * @default - every destination, in the Kubernetes cluster or outside
   */
  readonly to?: readonly NetworkPeer[];
  /**
   * The destination ports; `[]` is none (the rule is left out).
   * @default - every port
   */
  readonly ports?: readonly NetworkPort[];
}

/** Props of {@link workloadNetworkPolicy}. */
export interface WorkloadNetworkPolicyProps {
  readonly name: string;
  readonly namespace?: string;
  /** The policy's own labels. */
  readonly labels?: Record<string, string>;
  /** The pods it applies to. */
  readonly podLabels: Record<string, string>;
  /**
   * Who may connect to them.
   * @default - nobody: nothing in them listens
   */
  readonly ingress?: k8s.NetworkPolicyIngressRule[];
  /** Where they may connect, besides the cluster DNS, which every rule here resolves names through. */
  readonly egress: readonly EgressRule[];
}

/**
 * A NetworkPolicy for pods the library defines: both directions are denied but for the rules
 * given. A pod selected by a policy with a policy type is isolated for that direction and
 * "allowed connections are those allowed by the union of the policies' rules" (k8s.io/api
 * networking/v1 `NetworkPolicySpec.policyTypes`, `ingress`, `egress`: an absent list admits
 * nothing); replies to allowed connections pass in both directions. Egress always admits the
 * cluster DNS ({@link CLUSTER_DNS}, UDP and TCP 53).
 */
export function workloadNetworkPolicy(scope: Construct, id: string, p: WorkloadNetworkPolicyProps): k8s.KubeNetworkPolicy {
  // A missing `to` admits every destination and a missing `ports` every port, and so would empty
  // ones (NetworkPolicyEgressRule: "If this field is empty or missing, this rule matches all
  // destinations" / "all ports"): a rule with `to: []` or `ports: []` reaches nothing, so it is
  // left out rather than written.
  const egress = [{ to: [CLUSTER_DNS], ports: DNS_PORTS }, ...p.egress].filter((rule) => rule.to?.length !== 0 && rule.ports?.length !== 0).map((rule) => ({
    ...(rule.ports !== undefined && { ports: [...rule.ports] }),
    ...(rule.to !== undefined && { to: networkPolicyPeers(rule.to) }),
  }));
  return new k8s.KubeNetworkPolicy(scope, id, {
    metadata: { name: p.name, namespace: p.namespace, ...(p.labels && { labels: p.labels }) },
    spec: {
      podSelector: { matchLabels: p.podLabels },
      policyTypes: ['Ingress', 'Egress'],
      ...(p.ingress !== undefined && p.ingress.length > 0 && { ingress: p.ingress }),
      egress,
    },
  });
}

/**
 * The ingress rules that admit `peers` to `ports`: one rule, or none when `peers` is empty. An
 * empty `from` would admit every source (k8s NetworkPolicyIngressRule: "If this field is empty
 * or missing, this rule matches all sources"), the opposite of "nobody".
 */
export function admit(peers: readonly NetworkPeer[] | undefined, ports: readonly NetworkPort[]) {
  return peers !== undefined && peers.length === 0 ? [] : [{ ports: [...ports], from: networkPolicyPeers(peers) }];
}
