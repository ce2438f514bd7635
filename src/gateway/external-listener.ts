import type { ICertificate } from '../certs/certificate';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { propError, Subject, throwPropError } from '../core/errors';
import { StrimziNames } from '../core/names';
import type { KafkaCluster } from '../kafka/kafka-cluster';
import { KafkaListener, ListenerAuthentication, ListenerPeer, ListenerType } from '../kafka/listener';
import { attachmentProblems, IGateway } from './kafka-gateway';
import { KafkaTlsRoutes } from './tls-routes';

/** Who makes the TLSRoutes of an external listener. */
export enum RouteMode {
  /** Strimzi (1.1 or later) makes them from a `tlsroute` listener. */
  OPERATOR = 'operator',
  /**
   * A `cluster-ip` listener, with TLSRoutes the library writes: for Gateways in another
   * namespace, or an operator that predates `tlsroute`.
   */
  EXPLICIT = 'explicit',
}

/** Options of `KafkaCluster.addExternalListener()`. */
export interface ExternalListenerOptions {
  /** The Gateway clients come through. Its hostname scheme names the bootstrap and each broker. */
  readonly gateway: IGateway;
  /**
   * The brokers' port for this listener.
   * @default 9094
   */
  readonly port?: number;
  /**
   * How clients authenticate.
   * @default ListenerAuthentication.scramSha512()
   */
  readonly authentication?: ListenerAuthentication;
  /**
   * TLS at the brokers. The Gateway passes TLS through, so turning it off is an error.
   * @default true
   */
  readonly tls?: boolean;
  /**
   * The brokers' server certificate, e.g. a cert-manager `Certificate` in the cluster's
   * namespace; it must cover the bootstrap host and every broker host.
   * @default - Strimzi's cluster CA signs one with the advertised hosts
   */
  readonly certificate?: ICertificate;
  /**
   * Who makes the TLSRoutes.
   * @default RouteMode.OPERATOR
   */
  readonly mode?: RouteMode;
  /**
   * The Gateway listener the routes attach to.
   * @default - the Gateway's Kafka listener
   */
  readonly sectionName?: string;
  /**
   * The port the brokers advertise: the one clients reach the Gateway on.
   * @default - the Gateway's external port
   */
  readonly advertisedPort?: number;
  /**
   * Where the routes live (explicit mode); a ReferenceGrant lets them reach the Kafka Services.
   * @default - the cluster's namespace
   */
  readonly routeNamespace?: string;
  /**
   * Who may connect, besides the Gateway.
   * @default - any pod or address that can reach the listener
   */
  readonly networkPolicyPeers?: ListenerPeer[];
}

/**
 * Adds a listener exposed through a Gateway (see `KafkaCluster.addExternalListener`), with the
 * cross-checks that make the pieces agree: TLS for passthrough, one advertised port along the
 * whole port chain, the certificate in the cluster's namespace and covering every host, routes
 * that attach to the Gateway listener.
 */
export function addGatewayListener(cluster: KafkaCluster, name: string, options: ExternalListenerOptions): KafkaListener {
  const subject: Subject = { scope: cluster, kind: 'KafkaCluster', name: cluster.clusterName };
  const prop = (field: string) => `externalListeners['${name}'].${field}`;
  const gateway = options.gateway;
  const hosts = gateway.hostnames;
  const mode = options.mode ?? RouteMode.OPERATOR;
  const tls = options.tls ?? true;
  const port = options.port ?? 9094;
  const sectionName = options.sectionName ?? gateway.listenerName;
  const routeNamespace = mode === RouteMode.EXPLICIT ? options.routeNamespace ?? cluster.namespace : cluster.namespace;

  if (!tls) {
    throwPropError(subject, prop('tls'), `is false, but Gateway '${gateway.gatewayName}' passes TLS through to the brokers`, false, 'leave tls on: the brokers must terminate TLS');
  }
  const advertisedPort = options.advertisedPort ?? gateway.externalPort;
  if (advertisedPort !== gateway.externalPort) {
    throwPropError(subject, prop('advertisedPort'), `breaks the port chain: clients reach Gateway '${gateway.gatewayName}' on ${gateway.externalPort}, so the brokers must advertise that`, advertisedPort, `advertise ${gateway.externalPort}, or change the Gateway's externalPort`);
  }
  if (options.routeNamespace !== undefined && mode !== RouteMode.EXPLICIT) {
    throwPropError(subject, prop('routeNamespace'), 'only applies to RouteMode.EXPLICIT (Strimzi puts its routes next to the cluster)', options.routeNamespace, 'drop it, or use RouteMode.EXPLICIT');
  }
  const certificate = options.certificate;
  if (certificate !== undefined && certificate.namespace !== cluster.namespace) {
    throwPropError(subject, prop('certificate'), `is in namespace ${certificate.namespace ?? '(none)'}, but Strimzi reads the listener certificate from the cluster's (${cluster.namespace ?? '(none)'})`, certificate.secretName, "issue the Certificate in the cluster's namespace");
  }
  const problems = attachmentProblems(gateway, { sectionName, port: gateway.port, namespace: routeNamespace, hostnames: [hosts.bootstrap] });
  if (problems.length > 0) {
    throwPropError(subject, prop('gateway'), `cannot take this listener's routes: ${problems.join('; ')}`, `${gateway.gatewayName}/${sectionName}`, 'use the Gateway listener that serves these hostnames, from a namespace it allows');
  }

  const listener = cluster.addListener(name, {
    port,
    type: mode === RouteMode.OPERATOR ? ListenerType.TLSROUTE : ListenerType.CLUSTER_IP,
    tls,
    authentication: options.authentication,
    networkPolicyPeers: options.networkPolicyPeers,
    brokerCertificate: certificate && { secretName: certificate.secretName },
    advertisedHostTemplate: hosts.brokerTemplate,
    advertisedPortTemplate: String(advertisedPort),
    // A cluster-ip listener's certificate from the cluster CA names the advertised broker hosts
    // but not the Gateway's bootstrap host: Strimzi adds bootstrap alternativeNames to the SANs
    // for any listener type (KafkaListenersReconciler), so name it there.
    ...(mode === RouteMode.EXPLICIT && certificate === undefined && { bootstrapAlternativeNames: [hosts.bootstrap] }),
    ...(mode === RouteMode.OPERATOR && {
      bootstrapHost: hosts.bootstrap,
      hostTemplate: hosts.brokerTemplate,
      parentRefs: [{ name: gateway.gatewayName, namespace: gateway.namespace, sectionName, port: gateway.port }],
    }),
  });

  const pass = ConsistencyPass.of(cluster);
  pass.refer(subject, prop('gateway'), { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: gateway.namespace, name: gateway.gatewayName }, "add the Gateway to the Kafka cluster's Kubernetes cluster");
  if (certificate !== undefined) pass.refer(subject, prop('certificate'), secretRef(cluster.namespace, certificate.secretName), "issue the Certificate in the Kafka cluster's namespace, in its Kubernetes cluster");

  listener._addRoutedBootstrap(`${hosts.bootstrap}:${advertisedPort}`);
  const routedBrokers = cluster.brokerNodeIds;
  if (mode === RouteMode.EXPLICIT) {
    const pools = cluster.nodePools.filter((p) => p.isBroker);
    new KafkaTlsRoutes(cluster, `${name[0].toUpperCase()}${name.slice(1)}Routes`, {
      gateway,
      sectionName,
      port,
      namespace: routeNamespace,
      backendNamespace: cluster.namespace,
      bootstrap: { name: StrimziNames.listenerBootstrapRoute(cluster.clusterName, name, port), hostname: hosts.bootstrap, service: listener.bootstrapService },
      brokers: pools.flatMap((pool) => pool.nodeIds.map((nodeId) => {
        const service = StrimziNames.perBrokerService(cluster.clusterName, pool.poolName, name, port, nodeId);
        return { name: service, hostname: hosts.broker(nodeId), service };
      })),
    });
  }

  // Pools can still grow after this call: check the hosts of the brokers as they are at synth.
  cluster.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      const brokers = cluster.brokerNodeIds;
      const all = hosts.hosts(brokers);
      const uncovered = certificate === undefined ? [] : all.filter((h) => !certificate.covers(h));
      if (uncovered.length > 0) {
        errors.push(propError(subject, prop('certificate'), `does not cover ${uncovered.join(', ')} (its SANs: ${certificate!.dnsNames.join(', ')}; a wildcard covers exactly one label)`, certificate!.secretName, `add ${hosts.wildcard} or the missing hosts to the Certificate's dnsNames`));
      }
      const unrouted = brokers.filter((id) => !routedBrokers.includes(id));
      if (mode === RouteMode.EXPLICIT && unrouted.length > 0) {
        errors.push(propError(subject, prop('mode'), `made TLSRoutes for brokers ${routedBrokers.join(', ')} only; brokers ${unrouted.join(', ')} were added later and have no route`, RouteMode.EXPLICIT, 'add node pools before addExternalListener(), or use RouteMode.OPERATOR'));
      }
      return errors;
    },
  });
  return listener;
}
