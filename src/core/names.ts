/**
 * The names Strimzi gives to what it creates, in one place. Every cross-reference the library
 * writes (a bootstrap address, a route's backend, a NetworkPolicy selector, a CA secret) comes
 * from here, never from a typed string.
 *
 * Each function cites the Strimzi convention it follows (strimzi-kafka-operator,
 * `api/src/main/java/io/strimzi/api/kafka/model/**` `*Resources.java`, and
 * `cluster-operator/.../model/ListenersUtils.java`); `test/core/names.test.ts` pins them.
 */
export class StrimziNames {
  /** `KafkaResources.bootstrapServiceName`: the ClusterIP Service of every `internal` listener. */
  public static bootstrapService(cluster: string): string {
    return `${cluster}-kafka-bootstrap`;
  }

  /** `KafkaResources.brokersServiceName`: the headless Service that gives each pod its DNS name. */
  public static brokersService(cluster: string): string {
    return `${cluster}-kafka-brokers`;
  }

  /**
   * `ListenersUtils.backwardsCompatibleBootstrapServiceName`: the bootstrap Service of a
   * non-`internal` listener (cluster-ip, nodeport, loadbalancer, route, ingress, tlsroute).
   */
  public static listenerBootstrapService(cluster: string, listener: string): string {
    return `${cluster}-kafka-${listener}-bootstrap`;
  }

  /**
   * `ListenersUtils.backwardsCompatibleBootstrapRouteOrIngressName`: the bootstrap Route, Ingress
   * or TLSRoute of a listener. A listener named `external` on port 9094 keeps the name from
   * before listeners had names: `<cluster>-kafka-bootstrap`.
   */
  public static listenerBootstrapRoute(cluster: string, listener: string, port: number): string {
    return isLegacyExternal(listener, port) ? `${cluster}-kafka-bootstrap` : `${cluster}-kafka-${listener}-bootstrap`;
  }

  /**
   * `ListenersUtils.backwardsCompatiblePerBrokerServiceName`: one Service per broker and
   * non-`internal` listener (also the name of the broker's Route, Ingress or TLSRoute). A listener
   * named `external` on port 9094 keeps its legacy name `<cluster>-<pool>-<nodeId>`.
   */
  public static perBrokerService(cluster: string, pool: string, listener: string, port: number, nodeId: number): string {
    return isLegacyExternal(listener, port) ? `${cluster}-${pool}-${nodeId}` : `${cluster}-${pool}-${listener}-${nodeId}`;
  }

  /** `KafkaPool` / `NodeRef`: a Kafka pod (and its StrimziPodSet entry) is `<cluster>-<pool>-<nodeId>`. */
  public static podName(cluster: string, pool: string, nodeId: number): string {
    return `${cluster}-${pool}-${nodeId}`;
  }

  /** A pod's DNS name through the headless brokers Service (`DnsNameGenerator.podDnsName`). */
  public static podDnsName(cluster: string, pool: string, nodeId: number, namespace?: string): string {
    return `${StrimziNames.podName(cluster, pool, nodeId)}.${serviceHost(StrimziNames.brokersService(cluster), namespace)}`;
  }

  /**
   * The labels of the broker pods of Kafka cluster `cluster`: every Kafka pod has
   * `strimzi.io/cluster` and `strimzi.io/kind` (`Labels.strimziSelectorLabels`), brokers
   * `strimzi.io/broker-role: 'true'`, which the bootstrap Service selects (`KafkaCluster.brokersSelector`).
   */
  public static brokerPodLabels(cluster: string): Record<string, string> {
    return { 'strimzi.io/cluster': cluster, 'strimzi.io/kind': 'Kafka', 'strimzi.io/broker-role': 'true' };
  }

  /** `KafkaResources.clusterCaCertificateSecretName`: the cluster CA certificate (`ca.crt`, `ca.p12`, `ca.password`). */
  public static clusterCaCertSecret(cluster: string): string {
    return `${cluster}-cluster-ca-cert`;
  }

  /** `KafkaResources.clusterCaKeySecretName`: the cluster CA private key. */
  public static clusterCaKeySecret(cluster: string): string {
    return `${cluster}-cluster-ca`;
  }

  /**
   * `KafkaResources.entityTopicOperatorSecretName` / `entityUserOperatorSecretName`: the
   * certificates of the entity operator's topic and user operators.
   */
  public static entityOperatorSecrets(cluster: string): string[] {
    return [`${cluster}-entity-topic-operator-certs`, `${cluster}-entity-user-operator-certs`];
  }

  /** `KafkaResources.clientsCaCertificateSecretName`: the clients CA certificate that signs `tls` users. */
  public static clientsCaCertSecret(cluster: string): string {
    return `${cluster}-clients-ca-cert`;
  }

  /**
   * The consistency pass's anchor of a Strimzi CA (`cluster` or `clients`) of a cluster: one id
   * for every Secret that holds that CA's certificate, whoever declares the Secret.
   */
  public static caAnchor(ca: 'cluster' | 'clients', namespace: string | undefined, cluster: string): string {
    return `strimzi ${ca} CA ${namespace ?? 'default'}/${cluster}`;
  }

  /** `KafkaResources.clientsCaKeySecretName`: the clients CA private key. */
  public static clientsCaKeySecret(cluster: string): string {
    return `${cluster}-clients-ca`;
  }

  /** `KafkaUserModel.getSecretName`: the user operator's `secretPrefix` (default none) followed by the user name. */
  public static userSecret(user: string, secretPrefix: string = ''): string {
    return `${secretPrefix}${user}`;
  }

  /** `KafkaResources.entityOperatorDeploymentName`. */
  public static entityOperator(cluster: string): string {
    return `${cluster}-entity-operator`;
  }

  /** `KafkaResources.kafkaComponentName`: the PodDisruptionBudget (over every pool) and ServiceAccount. */
  public static kafkaComponent(cluster: string): string {
    return `${cluster}-kafka`;
  }

  /** `KafkaResources.kafkaNetworkPolicyName`: the NetworkPolicy Strimzi writes for the listeners. */
  public static kafkaNetworkPolicy(cluster: string): string {
    return `${cluster}-network-policy-kafka`;
  }

  /** `KafkaExporterResources.componentName` (a Deployment; Strimzi 1.x makes no Service for it). */
  public static kafkaExporter(cluster: string): string {
    return `${cluster}-kafka-exporter`;
  }

  /** `CruiseControlResources.componentName` (also its Service, on port 9090). */
  public static cruiseControl(cluster: string): string {
    return `${cluster}-cruise-control`;
  }

  /** `KafkaBridgeResources.componentName`: the bridge Deployment. */
  public static bridgeDeployment(bridge: string): string {
    return `${bridge}-bridge`;
  }

  /** `KafkaBridgeResources.serviceName`: the bridge's HTTP Service, on `spec.http.port` (8080 by default). */
  public static bridgeService(bridge: string): string {
    return `${bridge}-bridge-service`;
  }
}

/** Strimzi keeps pre-0.20 names for a listener called `external` on port 9094. */
function isLegacyExternal(listener: string, port: number): boolean {
  return listener === 'external' && port === 9094;
}

/** `<service>.<namespace>.svc`, or the bare Service name when the namespace is not known. */
export function serviceHost(service: string, namespace?: string): string {
  return namespace === undefined ? service : `${service}.${namespace}.svc`;
}
