import { checkArgs, constructId } from '../core/props';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass } from '../core/consistency';
import { propError, Subject, throwPropError } from '../core/errors';
import { checkName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import { checkGoals, KafkaRebalanceTuningOptions, movementCount, rebalanceGoalProblems, rebalanceTuningSpec } from './cruise-control';
import { KafkaCluster } from './kafka-cluster';
import type { IKafkaCluster } from './kafka-cluster';

/** What a rebalance moves (Strimzi `KafkaRebalance` `spec.mode`). */
export enum KafkaRebalanceMode {
  /** Every broker's partitions, over every broker. */
  FULL = 'full',
  /** Partitions onto the given brokers (after a scale-up). */
  ADD_BROKERS = 'add-brokers',
  /** Partitions off the given brokers (before a scale-down). */
  REMOVE_BROKERS = 'remove-brokers',
  /**
   * Partitions off the given JBOD volumes of a broker, onto its other volumes (before removing
   * a volume from a node pool): see {@link KafkaRebalanceOptions.moveReplicasOffVolumes}.
   */
  REMOVE_DISKS = 'remove-disks',
}

/**
 * JBOD volumes of one broker to move partition replicas off (Strimzi `BrokerAndVolumeIds`, an
 * element of `spec.moveReplicasOffVolumes`).
 */
export interface BrokerAndVolumeIds {
  /** The broker's node id. */
  readonly brokerId: number;
  /**
   * The ids of the JBOD volumes (`storage.volumes[].id` of the broker's node pool; the
   * library's `KafkaStorage.jbod()` numbers them 0, 1, …) to empty, at least one, and not every
   * volume of the broker.
   */
  readonly volumeIds: number[];
}

/** Options of {@link KafkaCluster.addRebalance}. */
export interface KafkaRebalanceOptions extends KafkaRebalanceTuningOptions {
  /**
   * The `KafkaRebalance` resource's name.
   * @default - the id, lowercased
   */
  readonly name?: string;
  /**
   * What the rebalance moves.
   * @default KafkaRebalanceMode.FULL
   */
  readonly mode?: KafkaRebalanceMode;
  /**
   * The node ids of the brokers to move partitions onto (`ADD_BROKERS`) or off (`REMOVE_BROKERS`);
   * each a broker of the cluster (Cruise Control refuses others: `sanityCheckBrokerPresence`).
   * @default - none; required for ADD_BROKERS and REMOVE_BROKERS, refused otherwise (Strimzi ignores it)
   */
  readonly brokers?: number[];
  /**
   * For `REMOVE_DISKS`: the brokers and the JBOD volumes of each to move partition replicas off,
   * e.g. `[{ brokerId: 0, volumeIds: [1] }]`. Strimzi asks Cruise Control's `remove_disks`
   * endpoint for the log directories `/var/lib/kafka/data-<volumeId>/kafka-log<brokerId>`
   * (`PathBuilder.withRemoveBrokerDisksParameters`), so each volume must be a JBOD volume of the
   * broker's pool (a pool with a single, non-JBOD volume mounts it at `/var/lib/kafka/data`,
   * which no volume id names); Cruise Control refuses log directories the broker does not have
   * ("Invalid log dirs provided for broker"), and emptying every volume of a broker ("No log dir
   * remaining to move replicas to", `RemoveDisksRunnable.checkCanRemoveDisks`). Checked at synth
   * against the pools of a {@link KafkaCluster}; a cluster made elsewhere tells no pools.
   * @default - none; required for REMOVE_DISKS, refused otherwise (Strimzi ignores it)
   */
  readonly moveReplicasOffVolumes?: BrokerAndVolumeIds[];
  /**
   * Balance disk usage between the JBOD volumes of each broker instead of between brokers
   * (Strimzi `rebalanceDisk`, intra-broker balancing). Only in mode `FULL`, and without `goals`:
   * Cruise Control then picks its intra-broker goals (Strimzi refuses goals with it: "The goals
   * list should be empty when using the `rebalanceDisk: true` configuration"). For a
   * {@link KafkaCluster}, some broker pool must have JBOD storage with more than one volume
   * (with one, the proposal moves nothing; checked at synth).
   * @default false
   */
  readonly rebalanceDisk?: boolean;
  /**
   * The most partition movements between the volumes of each broker at once
   * (`concurrentIntraBrokerPartitionMovements`), a whole number >= 1; only in mode `FULL`
   * (Strimzi passes it to Cruise Control's `rebalance` endpoint only).
   * @default - Cruise Control's `num.concurrent.intra.broker.partition.movements` (2)
   */
  readonly concurrentIntraBrokerPartitionMovements?: number;
  /**
   * Approve the proposal as soon as it is ready (annotation
   * `strimzi.io/rebalance-auto-approval: "true"`), instead of waiting for
   * `kubectl annotate kafkarebalance <name> strimzi.io/rebalance=approve`.
   * @default false
   */
  readonly autoApproval?: boolean;
}

/** Props of {@link KafkaRebalance}. */
export interface KafkaRebalanceProps extends KafkaRebalanceOptions {
  /**
   * The cluster to rebalance; it must run Cruise Control. A {@link KafkaCluster} of the app, or
   * one made elsewhere (`KafkaCluster.fromClusterAttributes()`), for which only what its
   * attributes tell is checked (no goals, brokers or volumes of its own are known).
   */
  readonly cluster: IKafkaCluster;
}

/** The options Strimzi passes to Cruise Control in each mode (`KafkaRebalanceAssemblyOperator.convertRebalanceSpecToRebalanceOptions`, `PathBuilder`). */
const MODE_OPTIONS: Readonly<Record<KafkaRebalanceMode, readonly string[]>> = {
  [KafkaRebalanceMode.FULL]: ['goals', 'skipHardGoalCheck', 'rebalanceDisk', 'excludedTopics', 'concurrentPartitionMovementsPerBroker', 'concurrentIntraBrokerPartitionMovements', 'concurrentLeaderMovements', 'replicationThrottle', 'replicaMovementStrategies'],
  [KafkaRebalanceMode.ADD_BROKERS]: ['brokers', 'goals', 'skipHardGoalCheck', 'excludedTopics', 'concurrentPartitionMovementsPerBroker', 'concurrentLeaderMovements', 'replicationThrottle', 'replicaMovementStrategies'],
  [KafkaRebalanceMode.REMOVE_BROKERS]: ['brokers', 'goals', 'skipHardGoalCheck', 'excludedTopics', 'concurrentPartitionMovementsPerBroker', 'concurrentLeaderMovements', 'replicationThrottle', 'replicaMovementStrategies'],
  // remove_disks gets the volumes and nothing else (PathBuilder.withRemoveBrokerDisksParameters).
  [KafkaRebalanceMode.REMOVE_DISKS]: ['moveReplicasOffVolumes'],
};
const MODE_FIELDS = ['brokers', 'moveReplicasOffVolumes', 'goals', 'skipHardGoalCheck', 'rebalanceDisk', 'excludedTopics', 'concurrentPartitionMovementsPerBroker', 'concurrentIntraBrokerPartitionMovements', 'concurrentLeaderMovements', 'replicationThrottle', 'replicaMovementStrategies'] as const;

/**
 * A Strimzi `KafkaRebalance`: asks the cluster's Cruise Control for an optimization proposal and,
 * once approved, carries it out.
 *
 * Checked: each option is one Strimzi passes to Cruise Control in the mode (others it ignores,
 * so they are refused: `brokers` only for ADD_BROKERS and REMOVE_BROKERS, `moveReplicasOffVolumes`
 * only and alone for REMOVE_DISKS, `rebalanceDisk` and `concurrentIntraBrokerPartitionMovements`
 * only for FULL); `goals` are goals Strimzi 1.2 knows. For a {@link KafkaCluster} of the app
 * also: the cluster runs Cruise Control; `goals` are among its Cruise Control `goals` and
 * (unless `skipHardGoalCheck`) include its hard goals (Cruise Control
 * `RunnableUtils.sanityCheckGoals`); `brokers` and `moveReplicasOffVolumes` name its brokers and
 * their JBOD volumes; `rebalanceDisk` has several volumes to balance between. For one made
 * elsewhere: `REMOVE_BROKERS` leaves some of its declared brokers.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { cruiseControl: true });
 * kafka.addRebalance('drain-broker-5', { mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [5] });
 *
 * @example
 * // A cluster the platform runs: the KafkaRebalance goes to its namespace.
 * const platform = KafkaCluster.fromClusterAttributes(chart, 'Platform', { name: 'my-cluster', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }] });
 * new KafkaRebalance(chart, 'EmptyVolume1', { cluster: platform, mode: KafkaRebalanceMode.REMOVE_DISKS, moveReplicasOffVolumes: [{ brokerId: 0, volumeIds: [1] }] });
 */
export class KafkaRebalance extends Construct {
  /** The `KafkaRebalance` resource's name. */
  public readonly rebalanceName: string;
  /** What the rebalance moves. */
  public readonly mode: KafkaRebalanceMode;
  /** The brokers moved onto or off, for ADD_BROKERS and REMOVE_BROKERS. */
  public readonly brokers?: number[];
  /** The brokers and volumes emptied, for REMOVE_DISKS. */
  public readonly moveReplicasOffVolumes?: BrokerAndVolumeIds[];
  /** The goals, as class simple names, if given. */
  public readonly goals?: string[];
  /** The cluster rebalanced. */
  public readonly cluster: IKafkaCluster;
  /** The L1 `KafkaRebalance`. */
  public readonly resource: strimzi.KafkaRebalance;

  private readonly subject: Subject;

  /**
   * Creates the KafkaRebalance in the cluster's namespace.
   * @throws if the cluster runs no Cruise Control, a goal is unknown or not among the cluster's
   *   goals, an option is one Strimzi ignores in the mode, `brokers` or `moveReplicasOffVolumes`
   *   is missing where required or not node and volume ids, `rebalanceDisk` comes with goals, or a
   *   count or throttle is not a whole positive number; at synthesis, if the goals leave out hard
   *   goals, or a broker or volume is not one of the cluster's
   */
  public constructor(scope: Construct, id: string, props: KafkaRebalanceProps) {
    super(scope, constructId('KafkaRebalance', scope, id));
    checkArgs({ scope: this, kind: 'KafkaRebalance', name: id }, 'KafkaRebalance.constructor', arguments, 2);
    this.rebalanceName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaRebalance', name: this.rebalanceName };
    this.subject = subject;
    checkName(subject, 'name', this.rebalanceName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaRebalance resource', example: 'rebalance-after-scale-up' });
    const cluster = props.cluster;
    this.cluster = cluster;
    // A cluster of the app tells its Cruise Control, goals, brokers and pools; one made elsewhere does not.
    const known = cluster instanceof KafkaCluster ? cluster : undefined;
    if (known !== undefined && !known.cruiseControl) {
      throwPropError(subject, 'cluster', `is KafkaCluster '${known.clusterName}', which runs no Cruise Control: Strimzi leaves the rebalance NotReady`, known.clusterName, 'set cruiseControl: true (or its options) on the KafkaCluster');
    }
    this.mode = props.mode ?? KafkaRebalanceMode.FULL;
    const allowed = MODE_OPTIONS[this.mode];
    for (const field of MODE_FIELDS) {
      // A flag set to false asks for nothing.
      if (props[field] !== undefined && props[field] !== false && !allowed.includes(field)) {
        throwPropError(subject, field, `is given in mode ${this.mode}, in which Strimzi does not pass it to Cruise Control (KafkaRebalanceAssemblyOperator.convertRebalanceSpecToRebalanceOptions)`, props[field],
          modeFix(field, this.mode));
      }
    }
    const brokers = props.brokers;
    if ((this.mode === KafkaRebalanceMode.ADD_BROKERS || this.mode === KafkaRebalanceMode.REMOVE_BROKERS) && (brokers === undefined || brokers.length === 0)) {
      throwPropError(subject, 'brokers', `is required in mode ${this.mode} (Strimzi refuses the rebalance without it: "The brokers list is mandatory")`, brokers, 'list the node ids of the brokers, e.g. brokers: [3, 4]');
    }
    brokers?.forEach((b, i) => {
      checkNodeId(subject, `brokers[${i}]`, b);
      if (brokers.indexOf(b) !== i) throwPropError(subject, `brokers[${i}]`, 'names a broker twice', b, 'list each broker once');
    });
    this.brokers = brokers && [...brokers];
    const volumes = props.moveReplicasOffVolumes;
    if (this.mode === KafkaRebalanceMode.REMOVE_DISKS && (volumes === undefined || volumes.length === 0)) {
      throwPropError(subject, 'moveReplicasOffVolumes', 'is required in mode remove-disks (Strimzi refuses the rebalance without it: "The brokers and volume IDs list is mandatory")', volumes, 'list the brokers and their volumes to empty, e.g. [{ brokerId: 0, volumeIds: [1] }]');
    }
    volumes?.forEach((v, i) => {
      const at = `moveReplicasOffVolumes[${i}]`;
      checkNodeId(subject, `${at}.brokerId`, v.brokerId);
      const first = volumes.findIndex((o) => o.brokerId === v.brokerId);
      if (first !== i) throwPropError(subject, `${at}.brokerId`, `names broker ${v.brokerId} again (also moveReplicasOffVolumes[${first}])`, v.brokerId, 'list all the volumes of a broker in one entry');
      if (v.volumeIds.length === 0) throwPropError(subject, `${at}.volumeIds`, 'is empty', v.volumeIds, 'name the ids of the JBOD volumes to empty, e.g. volumeIds: [1]');
      v.volumeIds.forEach((id, j) => {
        if (!Number.isInteger(id) || id < 0 || id > MAX_INT) throwPropError(subject, `${at}.volumeIds[${j}]`, `must be a JBOD volume id (a whole number from 0 to ${MAX_INT})`, id, 'use the id of a volume of the broker\'s pool storage, e.g. 1');
        if (v.volumeIds.indexOf(id) !== j) throwPropError(subject, `${at}.volumeIds[${j}]`, 'names a volume twice', id, 'list each volume once');
      });
    });
    this.moveReplicasOffVolumes = volumes?.map((v) => ({ brokerId: v.brokerId, volumeIds: [...v.volumeIds] }));
    this.goals = props.goals && checkGoals(subject, 'goals', props.goals);
    if (props.rebalanceDisk && this.goals !== undefined) {
      throwPropError(subject, 'goals', 'are given with rebalanceDisk: Strimzi refuses the rebalance ("The goals list should be empty when using the `rebalanceDisk: true` configuration"); Cruise Control picks its intra-broker goals', props.goals, 'drop goals, or rebalanceDisk for a rebalance between brokers');
    }
    const settings = known?.cruiseControlGoals;
    if (settings !== undefined) {
      const unsupported = rebalanceGoalProblems(subject, 'goals', this.goals, true, settings);
      if (unsupported.length > 0) throw new Error(unsupported[0]);
    }

    this.resource = new strimzi.KafkaRebalance(this, 'Resource', {
      metadata: {
        name: this.rebalanceName,
        namespace: cluster.namespace,
        labels: { 'strimzi.io/cluster': cluster.clusterName },
        ...(props.autoApproval && { annotations: { 'strimzi.io/rebalance-auto-approval': 'true' } }),
      },
      spec: {
        ...compact({
          mode: this.mode === KafkaRebalanceMode.FULL ? undefined : this.mode as string as strimzi.KafkaRebalanceSpecMode,
          brokers: this.brokers,
          goals: this.goals,
          skipHardGoalCheck: props.skipHardGoalCheck,
          rebalanceDisk: props.rebalanceDisk,
          concurrentIntraBrokerPartitionMovements: movementCount(subject, 'concurrentIntraBrokerPartitionMovements', props.concurrentIntraBrokerPartitionMovements),
          moveReplicasOffVolumes: this.moveReplicasOffVolumes,
        }),
        ...rebalanceTuningSpec(subject, '', props),
      },
    });
    const pass = ConsistencyPass.of(this);
    pass.namedBy(this.resource, subject, 'name');
    // Strimzi looks the cluster up in the rebalance's namespace, by its strimzi.io/cluster label.
    pass.refer(subject, 'cluster', { group: 'kafka.strimzi.io', kind: 'Kafka', namespace: cluster.namespace, name: cluster.clusterName },
      `create the rebalance in the chart of the Kubernetes cluster that runs Kafka '${cluster.clusterName}' (${cluster.node.path}), e.g. with its addRebalance()`,
      known === undefined);

    const skip = props.skipHardGoalCheck ?? false;
    this.node.addValidation({
      validate: () => (known === undefined ? this.unknownClusterProblems(cluster) : [
        // Node pools may be added after the rebalance: checked against the brokers at synthesis.
        ...rebalanceGoalProblems(subject, 'goals', this.goals, skip, known.cruiseControlGoals!),
        ...this.brokerProblems(known),
        ...this.volumeProblems(known),
        ...(props.rebalanceDisk && !known.nodePools.some((p) => p.isBroker && p.storage.volumeIds.length > 1)
          ? [propError(subject, 'rebalanceDisk', `balances between the JBOD volumes of each broker, and no broker pool of KafkaCluster '${known.clusterName}' has more than one: the proposal would move nothing (Strimzi's docs, "Intra-broker disk balancing")`, true,
            'give the brokers KafkaStorage.jbod() storage with several volumes, or drop rebalanceDisk for a rebalance between brokers')]
          : []),
      ]),
    });
  }

  /** What a cluster made elsewhere tells: its broker count. */
  private unknownClusterProblems(cluster: IKafkaCluster): string[] {
    const count = cluster.brokerCount;
    if (this.mode === KafkaRebalanceMode.REMOVE_BROKERS && count !== undefined && this.brokers!.length >= count) {
      return [propError(this.subject, 'brokers', `names ${this.brokers!.length} brokers, and cluster '${cluster.clusterName}' has ${count}: there would be nowhere to move the partitions`, this.brokers, 'keep at least as many brokers as the replication factor')];
    }
    return [];
  }

  private brokerProblems(cluster: KafkaCluster): string[] {
    const problems: string[] = [];
    const known = cluster.brokerNodeIds;
    const unknown = (this.brokers ?? []).filter((b) => !known.includes(b));
    if (unknown.length > 0) {
      problems.push(propError(this.subject, 'brokers', `names node ids ${unknown.join(', ')}, which are no brokers of KafkaCluster '${cluster.clusterName}' (its brokers: ${known.join(', ') || 'none'}): Cruise Control refuses them`, this.brokers,
        `${this.mode === KafkaRebalanceMode.ADD_BROKERS ? 'add the brokers to a node pool first (scale it up), then name their node ids' : 'name node ids of the cluster\'s brokers'}`
        + ' (a pool\'s node ids are the range its nodeIds option gives, NodeIdRange.of(first, last); by default the library gives each pool a block of 100)'));
    }
    if (this.mode === KafkaRebalanceMode.REMOVE_BROKERS && known.length > 0 && known.every((b) => this.brokers!.includes(b))) {
      problems.push(propError(this.subject, 'brokers', 'names every broker of the cluster: there would be nowhere to move the partitions', this.brokers, 'keep at least as many brokers as the replication factor'));
    }
    return problems;
  }

  /** The volumes of `moveReplicasOffVolumes` against the broker pools' storage. */
  private volumeProblems(cluster: KafkaCluster): string[] {
    const problems: string[] = [];
    (this.moveReplicasOffVolumes ?? []).forEach((entry, i) => {
      const at = `moveReplicasOffVolumes[${i}]`;
      const pool = cluster.nodePools.find((p) => p.isBroker && p.nodeIds.includes(entry.brokerId));
      if (pool === undefined) {
        problems.push(propError(this.subject, `${at}.brokerId`, `is node id ${entry.brokerId}, which is no broker of KafkaCluster '${cluster.clusterName}' (its brokers: ${cluster.brokerNodeIds.join(', ') || 'none'}): Cruise Control refuses it`, entry.brokerId, 'name a node id of the cluster\'s brokers'));
        return;
      }
      const ids = pool.storage.volumeIds;
      if (ids.length === 0) {
        problems.push(propError(this.subject, `${at}.volumeIds`, `name volumes of broker ${entry.brokerId}, whose pool '${pool.poolName}' has no JBOD storage: its one volume mounts at /var/lib/kafka/data, which no volume id names (Strimzi asks Cruise Control for /var/lib/kafka/data-<volumeId>/kafka-log${entry.brokerId}; it refuses "Invalid log dirs")`, entry.volumeIds,
          'give the pool KafkaStorage.jbod() storage with more than one volume, or drop this entry'));
        return;
      }
      const stray = entry.volumeIds.filter((v) => !ids.includes(v));
      if (stray.length > 0) {
        problems.push(propError(this.subject, `${at}.volumeIds`, `name volumes ${stray.join(', ')}, which broker ${entry.brokerId} (pool '${pool.poolName}', volumes ${ids.join(', ')}) does not have: Cruise Control refuses them ("Invalid log dirs provided for broker ${entry.brokerId}")`, entry.volumeIds,
          `name volumes of the pool's JBOD storage: ${ids.join(', ')}`));
      } else if (ids.every((v) => entry.volumeIds.includes(v))) {
        problems.push(propError(this.subject, `${at}.volumeIds`, `name every volume of broker ${entry.brokerId} (pool '${pool.poolName}', volumes ${ids.join(', ')}): Cruise Control refuses it ("No log dir remaining to move replicas to", RemoveDisksRunnable.checkCanRemoveDisks)`, entry.volumeIds,
          'keep at least one volume to move the replicas to'));
      }
    });
    return problems;
  }
}

/** The largest node or volume id: a Java int. */
const MAX_INT = 2147483647;

function checkNodeId(subject: Subject, prop: string, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > MAX_INT) throwPropError(subject, prop, `must be a node id (a whole number from 0 to ${MAX_INT})`, id, 'use a broker node id, see the cluster\'s brokerNodeIds');
}

/** What to do about `field`, which mode `mode` does not take. */
function modeFix(field: string, mode: KafkaRebalanceMode): string {
  switch (field) {
    case 'brokers': return `drop brokers, or use KafkaRebalanceMode.ADD_BROKERS or REMOVE_BROKERS${mode === KafkaRebalanceMode.REMOVE_DISKS ? ' (remove-disks takes moveReplicasOffVolumes)' : ''}`;
    case 'moveReplicasOffVolumes': return 'drop moveReplicasOffVolumes, or use KafkaRebalanceMode.REMOVE_DISKS';
    case 'rebalanceDisk':
    case 'concurrentIntraBrokerPartitionMovements': return `drop ${field}, or use KafkaRebalanceMode.FULL (the default)`;
    default: return `drop ${field}: remove-disks moves replicas between the volumes of each broker by Cruise Control's IntraBrokerDiskCapacityGoal alone`;
  }
}
