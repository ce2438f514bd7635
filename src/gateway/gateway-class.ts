import { checkArgs, constructId } from '../core/props';
import { Construct, IConstruct } from 'constructs';
import * as envoy from '../../imports/envoygateway-gateway.envoyproxy.io';
import * as gatewayapi from '../../imports/gatewayapi-gateway.networking.k8s.io';
import { ConsistencyPass } from '../core/consistency';
import { throwFactoryError } from '../core/errors';
import { clusterScoped } from '../core/scope';
import { checkName, checkNamespace, isCidr, NameFormat } from '../core/naming';

/** The controller name of Envoy Gateway. */
export const ENVOY_GATEWAY_CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';

/** The type of the Service in front of a Gateway's proxies. */
export enum GatewayServiceType {
  /** A LoadBalancer Service: reached on the load balancer's address. */
  LOAD_BALANCER = 'LoadBalancer',
  /** A NodePort Service: reached on a node's address. */
  NODE_PORT = 'NodePort',
  /** A ClusterIP Service: reached only inside the Kubernetes cluster. */
  CLUSTER_IP = 'ClusterIP',
}

/** A GatewayClass Gateways are made from. */
export interface IGatewayClass extends IConstruct {
  /** The GatewayClass's name. */
  readonly gatewayClassName: string;
  /** The type of the Service in front of each Gateway's proxies. */
  readonly serviceType: GatewayServiceType;
  /** The node port a Gateway port is published on, for NodePort services. */
  nodePortFor(port: number): number | undefined;
}

/** A fixed node port for one Gateway port. */
export interface NodePortMapping {
  /** The Gateway listener port (also the Service port). */
  readonly port: number;
  /** The node port, 30000-32767. */
  readonly nodePort: number;
}

/** The Service Envoy Gateway puts in front of a Gateway's proxies. */
export class GatewayService {
  /**
   * A LoadBalancer Service: clients use the Gateway ports on the load balancer's address.
   * @param sourceRanges the CIDRs the load balancer accepts connections from
   *   (`loadBalancerSourceRanges`); every address when unset
   */
  public static loadBalancer(sourceRanges?: string[]): GatewayService {
    checkArgs('GatewayService.loadBalancer()', 'GatewayService.loadBalancer', arguments);
    if (sourceRanges !== undefined && sourceRanges.length === 0) throwFactoryError('GatewayService.loadBalancer()', 'sourceRanges', 'are empty, which Kubernetes reads as every address', [], 'list the CIDRs clients come from, or leave it unset');
    (sourceRanges ?? []).forEach((cidr, i) => {
      if (!isCidr(cidr)) throwFactoryError('GatewayService.loadBalancer()', `sourceRanges[${i}]`, 'is not an IPv4 or IPv6 CIDR', cidr, "use e.g. '203.0.113.0/24'");
    });
    return new GatewayService(GatewayServiceType.LOAD_BALANCER, [], sourceRanges);
  }

  /**
   * A NodePort Service with fixed node ports (KIND, bare metal): clients use a node's address and
   * the node port, or a port mapped to it.
   */
  public static nodePort(...mappings: NodePortMapping[]): GatewayService {
    checkArgs('GatewayService.nodePort()', 'GatewayService.nodePort', arguments);
    if (mappings.length === 0) throwFactoryError('GatewayService.nodePort()', 'mappings', 'are empty', [], 'map at least one Gateway port, e.g. GatewayService.nodePort({ port: 9092, nodePort: 30992 })');
    mappings.forEach((m, i) => {
      if (!Number.isInteger(m.port) || m.port < 1 || m.port > 65535) throwFactoryError('GatewayService.nodePort()', `mappings[${i}].port`, 'must be a port from 1 to 65535', m.port, 'use the Gateway listener port, e.g. 9092');
      if (!Number.isInteger(m.nodePort) || m.nodePort < 30000 || m.nodePort > 32767) {
        throwFactoryError('GatewayService.nodePort()', `mappings[${i}].nodePort`, 'must be in the NodePort range 30000-32767', m.nodePort, 'pick a port in that range, e.g. 30992');
      }
      const twice = mappings.findIndex((o) => o.port === m.port || o.nodePort === m.nodePort);
      if (twice !== i) throwFactoryError('GatewayService.nodePort()', `mappings[${i}]`, `repeats the ${mappings[twice].port === m.port ? 'port' : 'node port'} of mappings[${twice}]: a Service port and a node port appear once each`, m, 'give each Gateway port its own node port');
    });
    return new GatewayService(GatewayServiceType.NODE_PORT, mappings);
  }

  /** A ClusterIP Service: only reachable inside the Kubernetes cluster (or through a mesh). */
  public static clusterIp(): GatewayService {
    return new GatewayService(GatewayServiceType.CLUSTER_IP, []);
  }

  private constructor(
    /** The Service type. */
    public readonly type: GatewayServiceType,
    /** The pinned node ports (NodePort). */
    public readonly nodePorts: readonly NodePortMapping[],
    /** The CIDRs a LoadBalancer accepts connections from; undefined for every address. */
    public readonly sourceRanges?: readonly string[],
  ) {}
}

/** Props of {@link EnvoyGatewayClass}. */
export interface EnvoyGatewayClassProps {
  /**
   * The GatewayClass name; the EnvoyProxy gets the same.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * The namespace of the EnvoyProxy (Envoy Gateway's own, usually).
   * @default 'envoy-gateway-system'
   */
  readonly proxyNamespace?: string;
  /**
   * The Service in front of the proxies.
   * @default GatewayService.loadBalancer()
   */
  readonly service?: GatewayService;
}

/**
 * An Envoy Gateway `GatewayClass` with its `EnvoyProxy` parameters: the kind of Service every
 * Gateway of the class gets, and its node ports.
 *
 * @example
 * new EnvoyGatewayClass(chart, 'GatewayClass', {
 *   name: 'envoy-kafka',
 *   service: GatewayService.nodePort({ port: 9092, nodePort: 30992 }),
 * });
 */
export class EnvoyGatewayClass extends Construct implements IGatewayClass {
  /**
   * A GatewayClass installed beforehand (by the platform, or another app), with the Service its
   * Gateways get. Gateways may name it; the consistency pass takes it to exist in this cluster.
   */
  public static fromGatewayClassName(scope: Construct, id: string, name: string, service: GatewayService = GatewayService.loadBalancer()): IGatewayClass {
    checkArgs('EnvoyGatewayClass.fromGatewayClassName()', 'EnvoyGatewayClass.fromGatewayClassName', arguments);
    return new ExistingGatewayClass(scope, id, name, service);
  }

  public readonly gatewayClassName: string;
  public readonly serviceType: GatewayServiceType;
  /** The L1 `GatewayClass`. */
  public readonly resource: gatewayapi.GatewayClass;
  /** The L1 `EnvoyProxy` the class takes its parameters from. */
  public readonly envoyProxy: envoy.EnvoyProxy;
  private readonly nodePorts: readonly NodePortMapping[];

  /** Creates the GatewayClass and its EnvoyProxy. */
  public constructor(scope: Construct, id: string, props: EnvoyGatewayClassProps = {}) {
    super(scope, constructId('EnvoyGatewayClass', scope, id));
    checkArgs({ scope: this, kind: 'EnvoyGatewayClass', name: id }, 'EnvoyGatewayClass.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.gatewayClassName = props.name ?? id.toLowerCase();
    checkName({ scope: this, kind: 'EnvoyGatewayClass', name: this.gatewayClassName }, 'name', this.gatewayClassName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the GatewayClass and its EnvoyProxy', example: 'kafka' });
    const namespace = props.proxyNamespace ?? 'envoy-gateway-system';
    checkNamespace({ scope: this, kind: 'EnvoyGatewayClass', name: this.gatewayClassName }, 'proxyNamespace', namespace);
    const service = props.service ?? GatewayService.loadBalancer();
    this.serviceType = service.type;
    this.nodePorts = service.nodePorts;

    this.envoyProxy = new envoy.EnvoyProxy(this, 'Proxy', {
      metadata: { name: this.gatewayClassName, namespace },
      spec: {
        provider: {
          type: envoy.EnvoyProxySpecProviderType.KUBERNETES,
          kubernetes: {
            envoyService: {
              type: service.type as string as envoy.EnvoyProxySpecProviderKubernetesEnvoyServiceType,
              ...(service.sourceRanges && { loadBalancerSourceRanges: [...service.sourceRanges] }),
              // Envoy Gateway names the Service ports itself; a strategic merge on `port` (the
              // Service ports' merge key) pins each node port without knowing those names.
              ...(service.nodePorts.length > 0 && {
                patch: { type: 'StrategicMerge', value: { spec: { ports: service.nodePorts.map((m) => ({ port: m.port, nodePort: m.nodePort })) } } },
              }),
            },
          },
        },
      },
    });
    this.resource = new gatewayapi.GatewayClass(this, 'Resource', {
      metadata: { name: this.gatewayClassName },
      spec: {
        controllerName: ENVOY_GATEWAY_CONTROLLER,
        parametersRef: { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: this.gatewayClassName, namespace },
      },
    });
    clusterScoped(this.resource);
  }

  public nodePortFor(port: number): number | undefined {
    return this.nodePorts.find((m) => m.port === port)?.nodePort;
  }
}

class ExistingGatewayClass extends Construct implements IGatewayClass {
  public readonly serviceType: GatewayServiceType;

  public constructor(scope: Construct, id: string, public readonly gatewayClassName: string, private readonly service: GatewayService) {
    super(scope, constructId('ExistingGatewayClass', scope, id));
    checkName({ scope: this, kind: 'GatewayClass', name: gatewayClassName }, 'name', gatewayClassName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the GatewayClass', example: 'envoy-kafka' });
    this.serviceType = service.type;
    ConsistencyPass.of(this).provide(this, { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: gatewayClassName }, `GatewayClass '${gatewayClassName}', installed beforehand (${this.node.path})`);
  }

  public nodePortFor(port: number): number | undefined {
    return this.service.nodePorts.find((m) => m.port === port)?.nodePort;
  }
}
