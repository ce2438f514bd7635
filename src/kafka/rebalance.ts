import { checkArgs, constructId } from '../core/props';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { propError, Subject, throwPropError } from '../core/errors';
import { checkName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import { checkGoals, KafkaRebalanceGoalOptions, rebalanceGoalProblems } from './cruise-control';
import type { KafkaCluster } from './kafka-cluster';

/** What a rebalance moves (Strimzi `KafkaRebalance` `spec.mode`). */
export enum KafkaRebalanceMode {
  /** Every broker's partitions, over every broker. */
  FULL = 'full',
  /** Partitions onto the given brokers (after a scale-up). */
  ADD_BROKERS = 'add-brokers',
  /** Partitions off the given brokers (before a scale-down). */
  REMOVE_BROKERS = 'remove-brokers',
}

/** Options of {@link KafkaCluster.addRebalance}. */
export interface KafkaRebalanceOptions extends KafkaRebalanceGoalOptions {
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
   * @default - none; required for ADD_BROKERS and REMOVE_BROKERS, refused for FULL
   */
  readonly brokers?: number[];
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
  /** The cluster to rebalance; it must run Cruise Control. */
  readonly cluster: KafkaCluster;
}

/**
 * A Strimzi `KafkaRebalance`: asks the cluster's Cruise Control for an optimization proposal and,
 * once approved, carries it out.
 *
 * Checked: the cluster runs Cruise Control; `goals` are goals Strimzi 1.2 knows, among the
 * cluster's Cruise Control `goals`, and (unless `skipHardGoalCheck`) include its hard goals
 * (Cruise Control `RunnableUtils.sanityCheckGoals`); `brokers` are broker node ids of the cluster.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { cruiseControl: true });
 * kafka.addRebalance('drain-broker-5', { mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [5] });
 */
export class KafkaRebalance extends Construct {
  /** The `KafkaRebalance` resource's name. */
  public readonly rebalanceName: string;
  /** What the rebalance moves. */
  public readonly mode: KafkaRebalanceMode;
  /** The brokers moved onto or off, for ADD_BROKERS and REMOVE_BROKERS. */
  public readonly brokers?: number[];
  /** The goals, as class simple names, if given. */
  public readonly goals?: string[];
  /** The cluster rebalanced. */
  public readonly cluster: KafkaCluster;
  /** The L1 `KafkaRebalance`. */
  public readonly resource: strimzi.KafkaRebalance;

  private readonly subject: Subject;

  /**
   * Creates the KafkaRebalance in the cluster's namespace.
   * @throws if the cluster runs no Cruise Control, a goal is unknown or not among the cluster's
   *   goals, or `brokers` is missing (ADD_BROKERS, REMOVE_BROKERS), given (FULL) or not node ids;
   *   at synthesis, if the goals leave out hard goals or a broker is not one of the cluster's
   */
  public constructor(scope: Construct, id: string, props: KafkaRebalanceProps) {
    super(scope, constructId('KafkaRebalance', scope, id));
    checkArgs({ scope: this, kind: 'KafkaRebalance', name: id }, 'KafkaRebalance.constructor', arguments, 2);
    this.rebalanceName = props.name ?? id.toLowerCase();
    this.subject = { scope: this, kind: 'KafkaRebalance', name: this.rebalanceName };
    checkName(this.subject, 'name', this.rebalanceName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaRebalance resource', example: 'rebalance-after-scale-up' });
    const cluster = props.cluster;
    this.cluster = cluster;
    if (!cluster.cruiseControl) {
      throwPropError(this.subject, 'cluster', `is KafkaCluster '${cluster.clusterName}', which runs no Cruise Control: Strimzi leaves the rebalance NotReady`, cluster.clusterName, 'set cruiseControl: true (or its options) on the KafkaCluster');
    }
    this.mode = props.mode ?? KafkaRebalanceMode.FULL;
    const brokers = props.brokers;
    if (this.mode === KafkaRebalanceMode.FULL && brokers !== undefined) {
      throwPropError(this.subject, 'brokers', 'is given in mode full, which rebalances every broker', brokers, 'drop brokers, or use KafkaRebalanceMode.ADD_BROKERS or REMOVE_BROKERS');
    }
    if (this.mode !== KafkaRebalanceMode.FULL && (brokers === undefined || brokers.length === 0)) {
      throwPropError(this.subject, 'brokers', `is required in mode ${this.mode} (Strimzi refuses the rebalance without it)`, brokers, 'list the node ids of the brokers, e.g. brokers: [3, 4]');
    }
    brokers?.forEach((b, i) => {
      if (!Number.isInteger(b) || b < 0) throwPropError(this.subject, `brokers[${i}]`, 'must be a node id (a whole number >= 0)', b, 'use a broker node id, see the cluster\'s brokerNodeIds');
      if (brokers.indexOf(b) !== i) throwPropError(this.subject, `brokers[${i}]`, 'names a broker twice', b, 'list each broker once');
    });
    this.brokers = brokers && [...brokers];
    this.goals = props.goals && checkGoals(this.subject, 'goals', props.goals);
    const settings = cluster.cruiseControlGoals!;
    const unsupported = rebalanceGoalProblems(this.subject, 'goals', this.goals, true, settings);
    if (unsupported.length > 0) throw new Error(unsupported[0]);

    this.resource = new strimzi.KafkaRebalance(this, 'Resource', {
      metadata: {
        name: this.rebalanceName,
        namespace: cluster.namespace,
        labels: { 'strimzi.io/cluster': cluster.clusterName },
        ...(props.autoApproval && { annotations: { 'strimzi.io/rebalance-auto-approval': 'true' } }),
      },
      spec: compact({
        mode: this.mode === KafkaRebalanceMode.FULL ? undefined : this.mode as string as strimzi.KafkaRebalanceSpecMode,
        brokers: this.brokers,
        goals: this.goals,
        skipHardGoalCheck: props.skipHardGoalCheck,
      }) ?? {},
    });

    const skip = props.skipHardGoalCheck ?? false;
    this.node.addValidation({
      validate: () => {
        // Node pools may be added after the rebalance: checked against the brokers at synthesis.
        const problems = rebalanceGoalProblems(this.subject, 'goals', this.goals, skip, cluster.cruiseControlGoals!);
        const known = cluster.brokerNodeIds;
        const unknown = (this.brokers ?? []).filter((b) => !known.includes(b));
        if (unknown.length > 0) {
          problems.push(propError(this.subject, 'brokers', `names node ids ${unknown.join(', ')}, which are no brokers of KafkaCluster '${cluster.clusterName}' (its brokers: ${known.join(', ') || 'none'}): Cruise Control refuses them`, this.brokers,
            this.mode === KafkaRebalanceMode.ADD_BROKERS ? 'add the brokers to a node pool first (scale it up), then name their node ids' : 'name node ids of the cluster\'s brokers'));
        }
        if (this.mode === KafkaRebalanceMode.REMOVE_BROKERS && known.length > 0 && known.every((b) => this.brokers!.includes(b))) {
          problems.push(propError(this.subject, 'brokers', 'names every broker of the cluster: there would be nowhere to move the partitions', this.brokers, 'keep at least as many brokers as the replication factor'));
        }
        return problems;
      },
    });
  }
}
