import { k8s } from 'cdk8s-plus-28';
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

/** A port of a NetworkPolicy ingress rule. */
export interface NetworkPort {
  readonly port: ReturnType<typeof k8s.IntOrString.fromNumber>;
  readonly protocol: string;
}

/**
 * The ingress rules that admit `peers` to `ports`: one rule, or none when `peers` is empty. An
 * empty `from` would admit every source (k8s NetworkPolicyIngressRule: "If this field is empty
 * or missing, this rule matches all sources"), the opposite of "nobody".
 */
export function admit(peers: readonly NetworkPeer[] | undefined, ports: readonly NetworkPort[]) {
  return peers !== undefined && peers.length === 0 ? [] : [{ ports: [...ports], from: networkPolicyPeers(peers) }];
}
