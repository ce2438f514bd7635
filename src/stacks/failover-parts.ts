// What the failover environments (multi-region.ts, multi-region-dr.ts) share: the provider
// kinds and their renderers, and the bridge CA every gateway certificate between tiers comes from.
import { Chart } from 'cdk8s';
import { caSecretAnchor, ClusterIssuer, IIssuer, IssuerType } from '../certs';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { EnvoyGatewayFailover, IFailoverRenderer, IstioFailover, TetrateFailover } from '../failover';
import { Acl, AclOperation, IKafkaCluster, KafkaUser } from '../kafka';

/** Which product implements the failover gateway. */
export enum FailoverProviderKind {
  /** Istio ({@link IstioFailover}). */
  ISTIO = 'istio',
  /** Envoy Gateway ({@link EnvoyGatewayFailover}). */
  ENVOY_GATEWAY = 'envoy',
  /** Tetrate Service Bridge ({@link TetrateFailover}). */
  TETRATE = 'tsb',
}

/** Where cert-manager reads a ClusterIssuer's CA Secret (its cluster resource namespace, by default its own). */
export const CERT_MANAGER_NAMESPACE = 'cert-manager';
/** The Secret of the CA that signs every gateway certificate between tiers: a key pair in cert-manager's namespace, its `ca.crt` where a gateway or client trusts it. */
export const BRIDGE_CA_SECRET = 'bridge-ca';

/** The renderer of each provider, for bridges in `bridgeNamespace`. */
export const RENDERERS: Record<FailoverProviderKind, (bridgeNamespace: string) => IFailoverRenderer> = {
  [FailoverProviderKind.ISTIO]: () => new IstioFailover(),
  [FailoverProviderKind.ENVOY_GATEWAY]: () => new EnvoyGatewayFailover(),
  [FailoverProviderKind.TETRATE]: (bridgeNamespace) => new TetrateFailover({ bridgeNamespace }),
};

/** Declares the bridge CA key pair the runbook creates in the cluster of `chart` (cert-manager's namespace), and its copies in `namespaces`. */
export function provideBridgeCa(chart: Chart, namespaces: readonly string[]): void {
  const pass = ConsistencyPass.of(chart);
  const keyPair = secretRef(CERT_MANAGER_NAMESPACE, BRIDGE_CA_SECRET);
  pass.provide(chart, keyPair, 'the bridge CA key pair, created by the runbook (runbook.md)', caSecretAnchor(CERT_MANAGER_NAMESPACE, BRIDGE_CA_SECRET));
  for (const namespace of namespaces) {
    if (namespace !== CERT_MANAGER_NAMESPACE) pass.copy(chart, secretRef(namespace, BRIDGE_CA_SECRET), { scope: chart, ref: keyPair }, 'the bridge CA certificate, created by the runbook (runbook.md)');
  }
}

/** The CA ClusterIssuer of the gateways' certificates in the cluster of `chart`. */
export function bridgeCaIssuer(chart: Chart): IIssuer {
  return new ClusterIssuer(chart, 'BridgeCa', { name: BRIDGE_CA_SECRET, type: IssuerType.ca(BRIDGE_CA_SECRET) });
}

/** The runbook's commands that make the bridge CA and copy it into `clusters` (key pair) and the central cluster's `namespaces` (`ca.crt`). */
export function bridgeCaCommands(clusters: readonly string[], central: string, namespaces: readonly string[]): string[] {
  return [
    `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj '/CN=bridge CA' -keyout ca.key -out ca.crt`,
    ...clusters.map((c) => `kubectl --context ${c} -n ${CERT_MANAGER_NAMESPACE} create secret tls ${BRIDGE_CA_SECRET} --cert=ca.crt --key=ca.key`),
    ...namespaces.map((n) => `kubectl --context ${central} -n ${n} create secret generic ${BRIDGE_CA_SECRET} --from-file=ca.crt`),
  ];
}

/**
 * Grants the bridges' user what a Kafka Bridge behind the failover gateway does with `topic`:
 * its HTTP consumers read it in groups `<topic>-<anything>` (the bridge's group names come from
 * its clients; the prefix keeps them within the topic's), and with `write` its producers write
 * it; GET /topics/<topic> answers with the topic's configs too, which the bridge reads with the
 * admin client's describeConfigs (strimzi-kafka-bridge HttpAdminBridgeEndpoint.doGetTopic,
 * @363992bf): DescribeConfigs, which neither Read nor Write implies. GET /topics is a Metadata
 * request, which lists the topics the user may Describe.
 * @param groupsOf the topic whose groups the consumers join (a mirrored topic's are its source's)
 */
export function grantBridgeTopic(cluster: IKafkaCluster, user: KafkaUser, topic: string, write: boolean, groupsOf: string = topic): void {
  const group = Acl.groupPrefix(`${groupsOf}-`);
  if (write) cluster.grantReadWrite(user, Acl.topic(topic), { group });
  else cluster.grantRead(user, Acl.topic(topic), { group });
  user.addAcl(Acl.topic(topic).allow(AclOperation.DESCRIBE_CONFIGS));
}
