import { checkArgs, constructId } from '../core/props';
import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import * as gatewayapi from '../../imports/gatewayapi-gateway.networking.k8s.io';
import { ConsistencyPass } from '../core/consistency';
import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { gatewayHostnameMatches, HostnameScheme } from '../core/hostnames';
import { GatewayServiceType, IGatewayClass } from './gateway-class';
import { checkFactoryName, checkName, checkNamespace, NameFormat } from '../core/naming';

/** Where routes may come from (Gateway API `allowedRoutes.namespaces.from`). */
export enum AllowedRoutesFrom {
  /** Routes in the Gateway's own namespace. */
  SAME = 'Same',
  /** Routes in the namespaces a label selector picks. */
  SELECTOR = 'Selector',
  /** Routes in every namespace. */
  ALL = 'All',
}

/** Which namespaces may attach routes to the Gateway's Kafka listener. Never all of them. */
export class AllowedRoutes {
  /** Routes in the Gateway's own namespace (put the Gateway next to Kafka). */
  public static sameNamespace(): AllowedRoutes {
    return new AllowedRoutes(AllowedRoutesFrom.SAME, []);
  }

  /** Routes in these namespaces (matched by their `kubernetes.io/metadata.name` label). */
  public static fromNamespaces(...namespaces: string[]): AllowedRoutes {
    checkArgs('AllowedRoutes.fromNamespaces()', 'AllowedRoutes.fromNamespaces', arguments);
    if (namespaces.length === 0) throwFactoryError('AllowedRoutes.fromNamespaces()', 'namespaces', 'are empty', [], "name at least one namespace, e.g. AllowedRoutes.fromNamespaces('kafka')");
    namespaces.forEach((ns, i) => checkFactoryName('AllowedRoutes.fromNamespaces()', `namespaces[${i}]`, ns, { format: NameFormat.DNS1123_LABEL, use: 'it names a Namespace', example: 'kafka' }));
    return new AllowedRoutes(AllowedRoutesFrom.SELECTOR, namespaces);
  }

  /**
   * Routes from every namespace. Rejected by {@link KafkaGateway}: any team could then route the
   * Kafka hostnames to their own Service.
   */
  public static all(): AllowedRoutes {
    return new AllowedRoutes(AllowedRoutesFrom.ALL, []);
  }

  private constructor(
    /** Where routes may come from. */
    public readonly from: AllowedRoutesFrom,
    /** The namespaces, for `SELECTOR`. */
    public readonly namespaces: readonly string[],
  ) {}

  /** Whether a route in `routeNamespace` may attach to a Gateway in `gatewayNamespace`. */
  public allows(routeNamespace: string | undefined, gatewayNamespace: string | undefined): boolean {
    if (this.from === AllowedRoutesFrom.ALL) return true;
    if (this.from === AllowedRoutesFrom.SAME) return routeNamespace === gatewayNamespace;
    return routeNamespace !== undefined && this.namespaces.includes(routeNamespace);
  }
}

/** A Gateway with a TLS passthrough listener for Kafka. */
export interface IGateway extends IConstruct {
  /** The Gateway's name. */
  readonly gatewayName: string;
  /** The Gateway's namespace. */
  readonly namespace?: string;
  /** The listener Kafka routes attach to (their `sectionName`). */
  readonly listenerName: string;
  /** The listener's port. */
  readonly port: number;
  /** The port clients outside reach the Gateway on (host port, node port or load balancer port). */
  readonly externalPort: number;
  /** The hostnames routed through the listener. */
  readonly hostnames: HostnameScheme;
  /** The listener's hostname (the scheme's wildcard). */
  readonly listenerHostname: string;
  /** Which route namespaces may attach. */
  readonly allowedRoutes: AllowedRoutes;
}

/** Props of {@link KafkaGateway}. */
export interface KafkaGatewayProps {
  /** The class the Gateway is made from. */
  readonly gatewayClass: IGatewayClass;
  /** The hostnames of the Kafka cluster; the listener accepts the scheme's wildcard. */
  readonly hostnames: HostnameScheme;
  /**
   * The Gateway's name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Its namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * The listener port.
   * @default 9092
   */
  readonly port?: number;
  /**
   * The listener name (routes' `sectionName`).
   * @default 'kafka'
   */
  readonly listenerName?: string;
  /**
   * Which namespaces may attach routes.
   * @default AllowedRoutes.sameNamespace()
   */
  readonly allowedRoutes?: AllowedRoutes;
  /**
   * The port clients outside reach the Gateway on, which brokers advertise.
   * @default - the class's node port for `port` on a NodePort class, `port` otherwise
   */
  readonly externalPort?: number;
}

/**
 * A Gateway API `Gateway` with one TLS passthrough listener for Kafka: TLS goes through to the
 * brokers untouched, routed by SNI to the bootstrap or to one broker.
 *
 * @example
 * const gatewayClass = new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-kafka' });
 * const gateway = new KafkaGateway(chart, 'Gateway', {
 *   namespace: 'kafka',
 *   gatewayClass,
 *   hostnames: HostnameScheme.subdomain('kafka.example.com'),
 * });
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * kafka.addExternalListener('external', { gateway });
 */
export class KafkaGateway extends Construct implements IGateway {
  public readonly gatewayName: string;
  public readonly namespace?: string;
  public readonly listenerName: string;
  public readonly port: number;
  public readonly externalPort: number;
  public readonly hostnames: HostnameScheme;
  public readonly listenerHostname: string;
  public readonly allowedRoutes: AllowedRoutes;
  /** The class the Gateway is made from. */
  public readonly gatewayClass: IGatewayClass;
  /** The L1 `Gateway`. */
  public readonly resource: gatewayapi.Gateway;

  /** Creates the Gateway; throws on `AllowedRoutes.all()` and on a port its NodePort class does not publish. */
  public constructor(scope: Construct, id: string, props: KafkaGatewayProps) {
    super(scope, constructId('KafkaGateway', scope, id));
    checkArgs({ scope: this, kind: 'KafkaGateway', name: id }, 'KafkaGateway.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.gatewayName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaGateway', name: this.gatewayName };
    checkName(subject, 'name', this.gatewayName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it is the object name', example: 'kafka' });
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    checkNamespace(subject, 'namespace', this.namespace);
    this.listenerName = props.listenerName ?? 'kafka';
    checkName(subject, 'listenerName', this.listenerName, { format: NameFormat.DNS1123_SUBDOMAIN, use: "routes attach to the Gateway by this sectionName", example: 'kafka' });
    this.port = props.port ?? 9092;
    this.hostnames = props.hostnames;
    this.listenerHostname = props.hostnames.wildcard;
    this.allowedRoutes = props.allowedRoutes ?? AllowedRoutes.sameNamespace();
    this.gatewayClass = props.gatewayClass;

    if (this.allowedRoutes.from === AllowedRoutesFrom.ALL) {
      throwPropError(subject, 'allowedRoutes', 'lets routes from every namespace attach, so any team could take over the Kafka hostnames', 'All', 'use AllowedRoutes.sameNamespace() or AllowedRoutes.fromNamespaces(...)');
    }
    if (!Number.isInteger(this.port) || this.port < 1 || this.port > 65535) {
      throwPropError(subject, 'port', 'must be a port from 1 to 65535', this.port, 'use e.g. 9092');
    }
    const nodePort = props.gatewayClass.nodePortFor(this.port);
    if (props.gatewayClass.serviceType === GatewayServiceType.NODE_PORT && nodePort === undefined) {
      throwPropError(subject, 'port', `has no node port in GatewayClass '${props.gatewayClass.gatewayClassName}', so clients outside cannot reach it`, this.port, `add { port: ${this.port}, nodePort: 3xxxx } to its GatewayService.nodePort(...)`);
    }
    const pass = ConsistencyPass.of(this);
    // On KIND the node port is published on a host port: that is the port clients dial.
    this.externalPort = props.externalPort ?? (nodePort === undefined ? this.port : pass.hostPortFor(this, nodePort) ?? nodePort);
    if (!Number.isInteger(this.externalPort) || this.externalPort < 1 || this.externalPort > 65535) {
      throwPropError(subject, 'externalPort', 'must be a port from 1 to 65535', this.externalPort, 'use the port clients reach the Gateway on, or leave it unset');
    }
    pass.gateway(this, { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: this.namespace, name: this.gatewayName }, (route) => attachmentProblems(this, route));
    pass.refer(subject, 'gatewayClass', { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: props.gatewayClass.gatewayClassName }, 'add the GatewayClass to the same cluster (for one installed beforehand: EnvoyGatewayClass.fromGatewayClassName())');
    if (nodePort !== undefined) pass.nodePortGateway({ subject, nodePort, externalPort: this.externalPort });

    this.resource = new gatewayapi.Gateway(this, 'Resource', {
      metadata: { name: this.gatewayName, namespace: this.namespace },
      spec: {
        gatewayClassName: props.gatewayClass.gatewayClassName,
        listeners: [{
          name: this.listenerName,
          port: this.port,
          protocol: 'TLS',
          hostname: this.listenerHostname,
          tls: { mode: gatewayapi.GatewaySpecListenersTlsMode.PASSTHROUGH },
          allowedRoutes: {
            namespaces: this.allowedRoutes.from === AllowedRoutesFrom.SAME
              ? { from: gatewayapi.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME }
              : {
                from: gatewayapi.GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR,
                selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...this.allowedRoutes.namespaces] }] },
              },
            kinds: [{ group: 'gateway.networking.k8s.io', kind: 'TLSRoute' }],
          },
        }],
      },
    });
    pass.namedBy(this.resource, subject, 'name');
  }
}

/** How a route means to attach to a Gateway. */
export interface RouteAttachment {
  /** The Gateway listener the route names; undefined for every listener it fits. */
  readonly sectionName?: string;
  /** The Gateway port the route names, if any. */
  readonly port?: number;
  /** The route's namespace. */
  readonly namespace?: string;
  /** The route's hostnames. */
  readonly hostnames: readonly string[];
  /**
   * Whether the backends terminate TLS.
   * @default - not checked
   */
  readonly tls?: boolean;
  /**
   * The port the brokers behind the route advertise.
   * @default - not checked
   */
  readonly advertisedPort?: number;
}

/**
 * Why a route would not attach to the Gateway (Gateway API rules): no listener with that
 * section name, another port, a hostname the listener does not accept, or a namespace it does
 * not allow. Empty when it attaches.
 */
export function attachmentProblems(gateway: IGateway, route: RouteAttachment): string[] {
  const problems: string[] = [];
  const where = `Gateway '${gateway.gatewayName}'`;
  if (route.sectionName !== undefined && route.sectionName !== gateway.listenerName) problems.push(`${where} has no listener '${route.sectionName}' (it has '${gateway.listenerName}')`);
  if (route.port !== undefined && route.port !== gateway.port) problems.push(`${where} listener '${gateway.listenerName}' is on port ${gateway.port}, not ${route.port}`);
  const outside = route.hostnames.filter((h) => !gatewayHostnameMatches(gateway.listenerHostname, h));
  if (outside.length > 0) problems.push(`${where} listener hostname ${gateway.listenerHostname} does not match ${outside.join(', ')}`);
  if (route.tls === false) problems.push(`${where} passes TLS through to the brokers, which have no TLS on this listener`);
  if (route.advertisedPort !== undefined && route.advertisedPort !== gateway.externalPort) {
    problems.push(`the brokers advertise port ${route.advertisedPort}, but clients reach ${where} on ${gateway.externalPort} (set advertisedPortTemplate to '${gateway.externalPort}')`);
  }
  if (!gateway.allowedRoutes.allows(route.namespace, gateway.namespace)) {
    problems.push(`${where} does not allow routes from namespace ${route.namespace ?? '(none)'} (allowedRoutes ${gateway.allowedRoutes.from}${gateway.allowedRoutes.namespaces.length > 0 ? ` ${gateway.allowedRoutes.namespaces.join(', ')}` : ''})`);
  }
  return problems;
}
