import { ConsistencyPass } from '../core/consistency';
import { checkArgs, constructId } from '../core/props';
import { Size } from 'cdk8s';
import { ContainerResources } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { throwFactoryError, throwPropError } from '../core/errors';
import { StrimziNames } from '../core/names';
import { checkLabels, checkName, isName, NameFormat } from '../core/naming';
import { checkSizing, renderResources } from '../core/resources';
import { jvmSize } from '../core/units';
import { AdditionalVolume, AdditionalVolumeMount } from './additional-volume';
import { KafkaStorage } from './storage';

/** What the nodes of a pool do. */
export enum NodeRole {
  /** KRaft controllers: the metadata quorum. */
  CONTROLLER = 'controller',
  /** Brokers: they hold partitions and serve clients. */
  BROKER = 'broker',
}

/** A range of KRaft node ids, first to last inclusive (`strimzi.io/next-node-ids`). */
export class NodeIdRange {
  /** Ids `first` to `last`, inclusive. */
  public static of(first: number, last: number): NodeIdRange {
    checkArgs('NodeIdRange.of()', 'NodeIdRange.of', arguments);
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first) {
      throwFactoryError('NodeIdRange.of()', 'first', 'and last must be node ids, whole numbers >= 0, first <= last', [first, last], 'use e.g. NodeIdRange.of(100, 199)');
    }
    return new NodeIdRange(first, last);
  }

  /**
   * @param first The first id of the range.
   * @param last The last id of the range (inclusive).
   */
  private constructor(public readonly first: number, public readonly last: number) {}

  /** How many ids the range holds. */
  public get size(): number {
    return this.last - this.first + 1;
  }

  /** Whether two ranges share an id. */
  public overlaps(other: NodeIdRange): boolean {
    return this.first <= other.last && other.first <= this.last;
  }

  /** Strimzi's annotation syntax, `[first-last]`. */
  public toString(): string {
    return `[${this.first}-${this.last}]`;
  }
}

/** The container resources and JVM of a pool's pods. */
export interface KafkaNodeOptions {
  /**
   * How many nodes.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * The node ids the pool owns. Must be disjoint from every other pool's and hold at least
   * `replicas` ids; Strimzi gives a new node the lowest free id in it.
   * @default - the next free block of 100 ids (0-99, 100-199, …) in the order pools are added
   */
  readonly nodeIds?: NodeIdRange;
  /**
   * The storage of each node: `KafkaStorage.persistentClaim()`, `KafkaStorage.ephemeral()`, or
   * JBOD volumes, persistent or ephemeral (`KafkaStorage.jbod(JbodVolume.persistentClaim({ size }),
   * JbodVolume.ephemeral())`), one of which holds the KRaft metadata log.
   * @default - a 100 GiB persistent claim per broker, 10 GiB per controller, kept on deletion
   */
  readonly storage?: KafkaStorage;
  /**
   * CPU and memory of the Kafka container.
   * @default - none set (Strimzi's defaults)
   */
  readonly resources?: ContainerResources;
  /**
   * The JVM heap (`-Xms` and `-Xmx`). Leave room for the page cache: about half the memory limit at most.
   * @default - Strimzi sizes the heap from the memory limit
   */
  readonly heap?: Size;
  /**
   * Labels added to the pool's pods.
   * @default - none
   */
  readonly podLabels?: Record<string, string>;
  /**
   * Volumes added to the pool's pods besides the cluster's `additionalVolumes` (Strimzi
   * `template.pod.volumes`); a volume that only `volumeMounts` name is added too. Names are
   * DNS-1123 labels, unique in the pod, and not Strimzi's own (`data`, `data-<id>`,
   * `kube-api-access`, `strimzi-tmp`, `kafka-metrics-and-logging`, `ready-files`, `rack-volume`).
   * @default - none besides the cluster's
   * @throws as the cluster's `additionalVolumes`, and when a name is one of the cluster's volumes
   *   with another source
   */
  readonly additionalVolumes?: AdditionalVolume[];
  /**
   * Mounts into the Kafka container of the pool's pods besides the cluster's `volumeMounts`
   * (Strimzi `template.kafkaContainer.volumeMounts`), each at an absolute path under `/mnt`
   * (Strimzi refuses others), unique in the container.
   * @default - none besides the cluster's
   * @throws as the cluster's `volumeMounts`, and when a path is one of the cluster's mounts'
   */
  readonly volumeMounts?: AdditionalVolumeMount[];
}

/** Options of `KafkaCluster.addNodePool()`. */
export interface KafkaNodePoolOptions extends KafkaNodeOptions {
  /** What the nodes do: controllers, brokers, or both (dual-role nodes). */
  readonly roles: NodeRole[];
  /**
   * The pool's name, part of every pod and per-broker Service name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Pins the pool to one zone: its pods are required onto nodes whose label `rackTopologyKey`
   * of the cluster (default `topology.kubernetes.io/zone`) has this value (a required node
   * affinity in the pool's `template.pod.affinity`, to which Strimzi adds its own "label exists"
   * requirement for rack-aware brokers: `ModelUtils.affinityWithRackLabelSelector`). For one
   * pool per zone, use the cluster's `brokers.zones` / `controllers.zones` or `addZonePools()`;
   * the zone rules of a production cluster are checked at synth (see `KafkaCluster`).
   * @default - not pinned: spread over zones by a best-effort topology spread
   */
  readonly zone?: string;
}

/** The cluster a pool belongs to: what the pool needs of `KafkaCluster`. */
export interface INodePoolParent {
  /** The `Kafka` resource's name. */
  readonly clusterName: string;
  /** The cluster's namespace. */
  readonly namespace?: string;
  /** @internal */
  _registerNodePool(pool: KafkaNodePool, requested?: NodeIdRange): NodeIdRange;
  /** @internal */
  _podTemplate(pool: KafkaNodePool): strimzi.KafkaNodePoolSpecTemplate;
  /** @internal The resources of a pool with `roles` that sets none. */
  _defaultResources?(roles: readonly NodeRole[], heap?: Size): ContainerResources;
}

/** Props of {@link KafkaNodePool}. */
export interface KafkaNodePoolProps extends KafkaNodePoolOptions {
  /** The cluster the pool belongs to. */
  readonly cluster: INodePoolParent;
}

/**
 * A Strimzi `KafkaNodePool`: a set of KRaft nodes with one role, size and storage.
 * Usually made with `cluster.addNodePool()`.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultNodePools: false });
 * kafka.addNodePool('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER] });
 * kafka.addNodePool('Brokers', {
 *   name: 'broker',
 *   roles: [NodeRole.BROKER],
 *   replicas: 6,
 *   storage: KafkaStorage.persistentClaim({ size: Size.gibibytes(500) }),
 * });
 */
export class KafkaNodePool extends Construct {
  /** The pool's name (`metadata.name`). */
  public readonly poolName: string;
  /** What the pool's nodes do. */
  public readonly roles: readonly NodeRole[];
  /** How many nodes the pool has. */
  public readonly replicas: number;
  /** The storage of each node. */
  public readonly storage: KafkaStorage;
  /** The node id range the pool owns. */
  public readonly nodeIdRange: NodeIdRange;
  /** Labels added to the pool's pods. */
  public readonly podLabels?: Readonly<Record<string, string>>;
  /** The zone the pool's pods are required onto, if pinned. */
  public readonly zone?: string;
  /** Volumes the pool's pods get besides the cluster's (see {@link KafkaNodeOptions.additionalVolumes}). */
  public readonly additionalVolumes: readonly AdditionalVolume[];
  /** Mounts into the pool's Kafka containers besides the cluster's (see {@link KafkaNodeOptions.volumeMounts}). */
  public readonly volumeMounts: readonly AdditionalVolumeMount[];
  /** The L1 `KafkaNodePool`. */
  public readonly resource: strimzi.KafkaNodePool;

  /** Creates a KafkaNodePool and claims its node id range in `props.cluster`. */
  public constructor(scope: Construct, id: string, props: KafkaNodePoolProps) {
    super(scope, constructId('KafkaNodePool', scope, id));
    checkArgs({ scope: this, kind: 'KafkaNodePool', name: id }, 'KafkaNodePool.constructor', arguments, 2);
    this.poolName = props.name ?? id.toLowerCase();
    const subject = { scope: this, kind: 'KafkaNodePool', name: this.poolName };
    checkName(subject, 'name', this.poolName, { format: NameFormat.DNS1123_LABEL, use: 'it names the pods', example: 'broker' });
    this.roles = [...new Set(props.roles)];
    if (this.roles.length === 0) throwPropError(subject, 'roles', 'must not be empty', props.roles, 'pass [NodeRole.BROKER], [NodeRole.CONTROLLER] or both');
    this.replicas = props.replicas ?? 3;
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      throwPropError(subject, 'replicas', 'must be a whole number >= 1', this.replicas, 'set the number of nodes; remove the pool instead of scaling it to 0');
    }
    const resources = props.resources ?? props.cluster._defaultResources?.(props.roles ?? [], props.heap);
    checkSizing(subject, 'resources', resources, 'heap', props.heap);
    checkLabels(subject, 'podLabels', props.podLabels);
    this.podLabels = props.podLabels;
    if (props.zone !== undefined && (props.zone === '' || !isName(props.zone, NameFormat.LABEL_VALUE))) {
      throwPropError(subject, 'zone', "must be a zone: the value of the nodes' zone label, at most 63 alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric", props.zone, "use the label's value, e.g. 'eu-west-1a' (kubectl get nodes -L topology.kubernetes.io/zone)");
    }
    this.zone = props.zone;
    this.additionalVolumes = [...props.additionalVolumes ?? []];
    this.volumeMounts = [...props.volumeMounts ?? []];
    this.storage = props.storage ?? KafkaStorage.persistentClaim({ size: Size.gibibytes(this.isBroker ? 100 : 10) });
    this.nodeIdRange = props.cluster._registerNodePool(this, props.nodeIds);

    const cluster = props.cluster;
    this.resource = new strimzi.KafkaNodePool(this, 'Resource', {
      metadata: {
        name: this.poolName,
        namespace: cluster.namespace,
        labels: { 'strimzi.io/cluster': cluster.clusterName },
        annotations: { 'strimzi.io/next-node-ids': this.nodeIdRange.toString() },
      },
      spec: {
        replicas: this.replicas,
        roles: this.roles.map((r) => r as string as strimzi.KafkaNodePoolSpecRoles),
        storage: this.storage._spec,
        ...(resources && { resources: renderResources(resources, strimzi.KafkaNodePoolSpecResourcesRequests.fromString, strimzi.KafkaNodePoolSpecResourcesLimits.fromString) }),
        ...(props.heap && { jvmOptions: { xms: jvmSize(props.heap), xmx: jvmSize(props.heap) } }),
        template: cluster._podTemplate(this),
      },
    });
    ConsistencyPass.of(this).namedBy(this.resource, subject, 'name', `KafkaNodePools are named per namespace, not per cluster: give this cluster's pools other names (defaultNodePools: false, then addNodePool(id, { name: '${cluster.clusterName}-broker', ... })), or put the cluster in its own namespace`);
  }

  /** Whether the pool's nodes are brokers. */
  public get isBroker(): boolean {
    return this.roles.includes(NodeRole.BROKER);
  }

  /** Whether the pool's nodes are KRaft controllers. */
  public get isController(): boolean {
    return this.roles.includes(NodeRole.CONTROLLER);
  }

  /**
   * The node ids the pool's nodes get on a new cluster: the first `replicas` ids of its range
   * (Strimzi assigns the lowest free id).
   */
  public get nodeIds(): number[] {
    return Array.from({ length: this.replicas }, (_, i) => this.nodeIdRange.first + i);
  }

  /** The pod names, `<cluster>-<pool>-<nodeId>`. */
  public podNames(clusterName: string): string[] {
    return this.nodeIds.map((nodeId) => StrimziNames.podName(clusterName, this.poolName, nodeId));
  }
}
