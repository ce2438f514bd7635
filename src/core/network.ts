import { k8s } from 'cdk8s-plus-28';
import { Subject } from './errors';
import { checkLabels } from './naming';

/** Who may connect, for a NetworkPolicy's ingress `from`: pods by label, optionally in other namespaces. */
export interface NetworkPeer {
  /**
   * Pods with these labels.
   * @default - every pod
   */
  readonly podLabels?: Record<string, string>;
  /**
   * In namespaces with these labels.
   * @default - the namespace of the policy
   */
  readonly namespaceLabels?: Record<string, string>;
}

/** Throws a prop error naming `subject` unless every peer's labels are valid label keys and values. */
export function checkPeers(subject: Subject, prop: string, peers: readonly NetworkPeer[] | undefined): void {
  (peers ?? []).forEach((peer, i) => {
    checkLabels(subject, `${prop}[${i}].podLabels`, peer.podLabels);
    checkLabels(subject, `${prop}[${i}].namespaceLabels`, peer.namespaceLabels);
  });
}

/** The NetworkPolicy peers that admit `peers`; every pod of the namespace when none are given. */
export function networkPolicyPeers(peers: readonly NetworkPeer[] = [{}]) {
  return peers.map((peer) => ({
    // `{}` selects every pod; the API server drops an empty matchLabels, so never write one.
    podSelector: peer.podLabels && Object.keys(peer.podLabels).length > 0 ? { matchLabels: peer.podLabels } : {},
    ...(peer.namespaceLabels && { namespaceSelector: { matchLabels: peer.namespaceLabels } }),
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
