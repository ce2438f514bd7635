import { IConstruct } from 'constructs';
import { stringify } from 'yaml';
import { ConsistencyPass } from '../core/consistency';

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

  /** Creates the config; write it out with {@link toYaml}. */
  public constructor(props: KindClusterProps = {}) {
    this.name = props.name ?? 'kafka';
    this.portMappings = props.portMappings ?? [];
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
    const pass = ConsistencyPass.of(chart);
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
