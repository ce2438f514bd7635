import { checkArgs } from '../core/props';
import { IConstruct } from 'constructs';
import { stringify } from 'yaml';
import { ConsistencyPass } from '../core/consistency';
import { throwFactoryError } from '../core/errors';
import { isName, NameFormat } from '../core/naming';

/** A port of the KIND node container published on the host. */
export interface KindPortMapping {
  /** The port inside the node container: a NodePort. */
  readonly containerPort: number;
  /** The port on the host (your laptop). */
  readonly hostPort: number;
}

/** Props of {@link KindCluster}. */
export interface KindClusterProps {
  /**
   * The cluster's name (`kind create cluster --name`).
   * @default 'kafka'
   */
  readonly name?: string;
  /**
   * Ports of the node published on the host.
   * @default - none
   */
  readonly portMappings?: KindPortMapping[];
  /**
   * The zone label of the node: rack-aware Kafka pods only run on nodes that have one.
   * @default 'zone-a'
   */
  readonly zone?: string;
}

/** The KIND cluster config of a laptop environment (written, not applied: `kind create cluster --config`). */
export class KindCluster {
  /** The cluster's name. */
  public readonly name: string;
  /** The node's ports published on the host. */
  public readonly portMappings: readonly KindPortMapping[];
  /** The zone label of the node. */
  public readonly zone: string;
  private attachedTo?: IConstruct;

  /** Creates the config; write it out with {@link toYaml}. */
  public constructor(props: KindClusterProps = {}) {
    checkArgs('new KindCluster()', 'KindCluster.constructor', arguments);
    this.name = props.name ?? 'kafka';
    this.portMappings = props.portMappings ?? [];
    this.portMappings.forEach((m, i) => {
      if (!Number.isInteger(m.containerPort) || m.containerPort < 1 || m.containerPort > 65535) throwFactoryError('new KindCluster()', `portMappings[${i}].containerPort`, 'must be a port from 1 to 65535 (a node port: 30000-32767)', m.containerPort, 'use the node port, e.g. 30992');
      if (!Number.isInteger(m.hostPort) || m.hostPort < 1 || m.hostPort > 65535) throwFactoryError('new KindCluster()', `portMappings[${i}].hostPort`, 'must be a port from 1 to 65535', m.hostPort, 'use the port clients use on this machine, e.g. 9092');
    });
    for (const key of ['containerPort', 'hostPort'] as const) {
      const ports = this.portMappings.map((m) => m[key]);
      const twice = ports.findIndex((p, i) => ports.indexOf(p) !== i);
      if (twice >= 0) throwFactoryError('new KindCluster()', `portMappings[${twice}].${key}`, `is mapped twice: ${key === 'hostPort' ? 'a host port can be published once' : 'a node port is published on one host port'}`, ports[twice], 'map each port once');
    }
    if (!isName(this.name, NameFormat.DNS1123_LABEL)) throwFactoryError('new KindCluster()', 'name', 'must be a DNS-1123 label (kind names containers after it)', this.name, "use e.g. 'kafka'");
    this.zone = props.zone ?? 'zone-a';
  }

  /**
   * Declares that the objects of `chart` go to this KIND cluster: Gateways whose node port it
   * publishes then default their `externalPort` to the host port, and the consistency pass
   * checks every Gateway reached through a node port against the port mappings (host port →
   * node port → Gateway port → advertised port). `Environment.addCluster(name, { kind })` does
   * this for its chart; call it before adding the Gateways.
   */
  public attach(chart: IConstruct): void {
    checkArgs('KindCluster.attach()', 'KindCluster.attach', arguments);
    if (this.attachedTo !== undefined && this.attachedTo !== chart) {
      throwFactoryError('KindCluster.attach()', 'chart', `is a second cluster for the KIND cluster '${this.name}', which ${this.attachedTo.node.path} already is: one machine publishes each host port once`, chart.node.path, 'make a KindCluster per cluster, with its own name and host ports');
    }
    this.attachedTo = chart;
    const pass = ConsistencyPass.of(chart);
    // Recorded even without mappings: a KIND cluster that publishes nothing reaches no node port.
    pass.publishesNodePortsOnHost(chart);
    for (const m of this.portMappings) pass.publishNodePort(chart, m.containerPort, m.hostPort);
  }

  /** The host port a node port is published on. */
  public hostPortFor(nodePort: number): number | undefined {
    return this.portMappings.find((m) => m.containerPort === nodePort)?.hostPort;
  }

  /** The `kind.x-k8s.io/v1alpha4` Cluster config. */
  public toYaml(): string {
    return stringify({
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      kind: 'Cluster',
      name: this.name,
      nodes: [{
        role: 'control-plane',
        labels: { 'topology.kubernetes.io/zone': this.zone },
        extraPortMappings: this.portMappings.map((m) => ({ containerPort: m.containerPort, hostPort: m.hostPort, protocol: 'TCP' })),
      }],
    });
  }
}
