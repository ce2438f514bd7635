import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass } from '../core/consistency';
import { Subject, propError, throwPropError } from '../core/errors';
import { checkName, closestName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import type { JmxPrometheusExporter } from './metrics';
import { javaClassNameProblem } from '../core/java';
import { ConfigDefinition, ConfigIssue, configValueIssue } from './config-model';
import { CRUISE_CONTROL_CONFIG_MODEL } from './cruise-control-config.generated';

/** The package of Cruise Control's goal classes. */
const GOAL_PACKAGE = 'com.linkedin.kafka.cruisecontrol.analyzer.goals.';

/**
 * Cruise Control's goals as Strimzi 1.2 knows them, by class simple name: the
 * `CruiseControlGoals` enum (operator-common/.../model/cruisecontrol/CruiseControlGoals.java,
 * tag 1.2.0), in its order of priority.
 */
export const CRUISE_CONTROL_GOALS: readonly string[] = [
  'RackAwareGoal', 'RackAwareDistributionGoal', 'MinTopicLeadersPerBrokerGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal',
  'NetworkInboundCapacityGoal', 'NetworkOutboundCapacityGoal', 'CpuCapacityGoal', 'ReplicaDistributionGoal', 'PotentialNwOutGoal',
  'DiskUsageDistributionGoal', 'NetworkInboundUsageDistributionGoal', 'NetworkOutboundUsageDistributionGoal', 'CpuUsageDistributionGoal',
  'TopicReplicaDistributionGoal', 'LeaderReplicaDistributionGoal', 'LeaderBytesInDistributionGoal', 'PreferredLeaderElectionGoal',
];

/** Strimzi's `goals` default: `CruiseControlConfiguration.CRUISE_CONTROL_GOALS_LIST` (every goal but PreferredLeaderElectionGoal). */
const STRIMZI_GOALS = CRUISE_CONTROL_GOALS.filter((g) => g !== 'PreferredLeaderElectionGoal');
/** Strimzi's `hard.goals` default: `CruiseControlConfiguration.CRUISE_CONTROL_HARD_GOALS_LIST`. */
const STRIMZI_HARD_GOALS = ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'NetworkInboundCapacityGoal', 'NetworkOutboundCapacityGoal', 'CpuCapacityGoal'];
/** The goals Strimzi drops from its default and hard goals without an inbound network capacity (`filterResourceGoalsWithoutCapacityConfig`). */
const INBOUND_GOALS = ['NetworkInboundUsageDistributionGoal', 'NetworkInboundCapacityGoal', 'LeaderBytesInDistributionGoal'];
/** … and without an outbound network capacity. */
const OUTBOUND_GOALS = ['NetworkOutboundUsageDistributionGoal', 'NetworkOutboundCapacityGoal', 'PotentialNwOutGoal'];

/** The capacity of a broker Cruise Control plans with (Strimzi `spec.cruiseControl.brokerCapacity`). */
export interface CruiseControlBrokerCapacity {
  /**
   * CPU, e.g. `Cpu.units(2)` or `Cpu.millis(1500)` (at most 3 decimals).
   * @default - Strimzi's: the Kafka container's CPU request or limit, else 1 core
   */
  readonly cpu?: Cpu;
  /**
   * Inbound network throughput per second, e.g. `Size.mebibytes(100)` for `100MiB/s`.
   * Without it (here or in overrides for every broker), Strimzi drops the inbound network goals
   * from the default and hard goals (`CruiseControlConfiguration.filterResourceGoalsWithoutCapacityConfig`).
   * @default - Strimzi's (10000KiB/s), and no inbound network goals by default
   */
  readonly inboundNetwork?: Size;
  /**
   * Outbound network throughput per second; as {@link inboundNetwork} for the outbound goals.
   * @default - Strimzi's (10000KiB/s), and no outbound network goals by default
   */
  readonly outboundNetwork?: Size;
  /**
   * Capacities of particular brokers, by node id.
   * @default - none
   */
  readonly overrides?: CruiseControlBrokerCapacityOverride[];
}

/** The capacity of some brokers, by node id. */
export interface CruiseControlBrokerCapacityOverride {
  /** Node ids of brokers of the cluster. */
  readonly brokers: number[];
  /** @default - the cluster-wide capacity */
  readonly cpu?: Cpu;
  /** @default - the cluster-wide capacity */
  readonly inboundNetwork?: Size;
  /** @default - the cluster-wide capacity */
  readonly outboundNetwork?: Size;
}

/** What a KafkaRebalance (or a rebalance template) asks Cruise Control to optimize for. */
export interface KafkaRebalanceGoalOptions {
  /**
   * Goals, by class simple name (`RackAwareGoal`), each among the cluster's Cruise Control
   * `goals`; unless {@link skipHardGoalCheck}, they must include every hard goal (Cruise Control
   * refuses otherwise: `RunnableUtils.sanityCheckGoals`, "Missing hard goals … in the provided
   * goals").
   * @default - the cluster's default goals
   */
  readonly goals?: string[];
  /**
   * Let the goals leave out hard goals (Strimzi `skipHardGoalCheck`).
   * @default false
   */
  readonly skipHardGoalCheck?: boolean;
}

/**
 * The order in which Cruise Control carries out a proposal's replica movements: its
 * `ReplicaMovementStrategy` classes, by the name a rebalance gives them (Strimzi
 * `KafkaRebalance.spec.replicaMovementStrategies`, passed to Cruise Control's
 * `replica_movement_strategies`). These are the strategies Cruise Control supports by default
 * (`ExecutorConfig.DEFAULT_REPLICA_MOVEMENT_STRATEGIES`); it refuses others ("Strategy … is not
 * supported", `ParameterUtils.getReplicaMovementStrategy`).
 */
export enum ReplicaMovementStrategy {
  /** Movements in the order they were generated (Cruise Control's default). */
  BASE = 'BaseReplicaMovementStrategy',
  /** Smaller partitions first. */
  PRIORITIZE_SMALL = 'PrioritizeSmallReplicaMovementStrategy',
  /** Larger partitions first. */
  PRIORITIZE_LARGE = 'PrioritizeLargeReplicaMovementStrategy',
  /** Partitions without out-of-sync replicas first. */
  POSTPONE_URP = 'PostponeUrpReplicaMovementStrategy',
  /**
   * Partitions at or below their min ISR with offline replicas first (Cruise Control needs
   * `concurrency.adjuster.min.isr.check.enabled: true` in `cruiseControl.config` to tell).
   */
  PRIORITIZE_MIN_ISR_WITH_OFFLINE_REPLICAS = 'PrioritizeMinIsrWithOfflineReplicasStrategy',
  /** Partitions one above their min ISR with offline replicas first (same need as the above). */
  PRIORITIZE_ONE_ABOVE_MIN_ISR_WITH_OFFLINE_REPLICAS = 'PrioritizeOneAboveMinIsrWithOfflineReplicasStrategy',
}

/**
 * How a rebalance (or a rebalance template) moves replicas: goals, topics left out, and the
 * pace of the movements (Strimzi `KafkaRebalance.spec`; "Tuning rebalance performance" in
 * Strimzi's docs). Unset, Cruise Control's server settings apply.
 */
export interface KafkaRebalanceTuningOptions extends KafkaRebalanceGoalOptions {
  /**
   * Topics left out of the proposal: a Java regular expression matched against whole topic
   * names (Cruise Control `GoalOptimizer.excludedTopics`: `Pattern.matcher(topic).matches()`),
   * e.g. `'__.*|connect-.*'`. Checked as a JavaScript regular expression where the two agree;
   * Java-only syntax (possessive quantifiers, atomic groups, `\Q…\E`) is passed on unchecked.
   * @default - no topic left out
   */
  readonly excludedTopics?: string;
  /**
   * The most inter-broker partition movements going into or out of each broker at once
   * (`concurrentPartitionMovementsPerBroker`), a whole number >= 1.
   * @default - Cruise Control's `num.concurrent.partition.movements.per.broker` (5)
   */
  readonly concurrentPartitionMovementsPerBroker?: number;
  /**
   * The most partition leadership movements at once (`concurrentLeaderMovements`), a whole
   * number >= 1.
   * @default - Cruise Control's `num.concurrent.leader.movements` (1000)
   */
  readonly concurrentLeaderMovements?: number;
  /**
   * The most bandwidth moving replicas may use, per second (`replicationThrottle`, written in
   * whole bytes per second), e.g. `Size.mebibytes(50)` for 50 MiB/s.
   * @default - Cruise Control's `default.replication.throttle` (no limit)
   */
  readonly replicationThrottle?: Size;
  /**
   * The order in which the movements are carried out: the first strategy decides, the next
   * breaks its ties, and so on.
   * @default - Cruise Control's `default.replica.movement.strategies` (BASE)
   */
  readonly replicaMovementStrategies?: ReplicaMovementStrategy[];
}

/**
 * A KafkaRebalance template the library makes for automatic rebalancing: Strimzi copies its spec
 * into the KafkaRebalance it makes on a scale-up or scale-down, with the mode and brokers set
 * (`KafkaAutoRebalancingReconciler.buildKafkaRebalance`).
 */
export interface KafkaRebalanceTemplateOptions extends KafkaRebalanceTuningOptions {
  /**
   * The template's name (a `KafkaRebalance` in the cluster's namespace, annotated
   * `strimzi.io/rebalance-template: "true"`, which the rebalance operator leaves alone).
   * @default - `<cluster>-auto-rebalance-add-brokers` / `<cluster>-auto-rebalance-remove-brokers`
   */
  readonly templateName?: string;
}

/**
 * Automatic rebalancing when brokers are added or removed (Strimzi 1.2
 * `spec.cruiseControl.autoRebalance`): the library makes a KafkaRebalance template for each mode
 * given (annotation `strimzi.io/rebalance-template: "true"`) and refers to it. On a scale-up or
 * scale-down Strimzi makes a KafkaRebalance `<cluster>-auto-rebalancing-<mode>` from it, approved
 * at once.
 *
 * @example
 * autoRebalance: {
 *   addBrokers: { templateName: 'my-add-brokers-rebalancing-template' },
 *   removeBrokers: { templateName: 'my-remove-brokers-rebalancing-template', replicationThrottle: Size.mebibytes(50) },
 * }
 */
export interface CruiseControlAutoRebalance {
  /**
   * Move partitions onto brokers after a scale-up (`{}` for Cruise Control's default goals).
   * @default - no rebalance on scale-up
   */
  readonly addBrokers?: KafkaRebalanceTemplateOptions;
  /**
   * Move partitions off brokers before a scale-down (Strimzi holds the scale-down until done;
   * `{}` for Cruise Control's default goals).
   * @default - no rebalance on scale-down
   */
  readonly removeBrokers?: KafkaRebalanceTemplateOptions;
}

/**
 * Cruise Control (Strimzi `spec.cruiseControl`). Goal names are class simple names
 * (`RackAwareGoal`) or fully qualified (`com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal`),
 * among {@link CRUISE_CONTROL_GOALS}.
 */
export interface CruiseControlOptions {
  /**
   * The goals Cruise Control supports (`goals`), in priority order.
   * @default - Strimzi's: every goal in {@link CRUISE_CONTROL_GOALS} but PreferredLeaderElectionGoal
   */
  readonly goals?: string[];
  /**
   * The goals of a rebalance that names none (`default.goals`); each among {@link goals}
   * (Cruise Control refuses to start otherwise: `KafkaCruiseControlConfig.sanityCheckGoalNames`).
   * @default - Strimzi's: every goal of Strimzi's `goals` default that is among {@link goals},
   *   less the network goals whose capacity is not given (Strimzi drops those)
   */
  readonly defaultGoals?: string[];
  /**
   * The goals every rebalance must meet (`hard.goals`); each among {@link defaultGoals}
   * (`sanityCheckGoalNames`).
   * @default - Strimzi's: those of RackAwareGoal, ReplicaCapacityGoal, DiskCapacityGoal,
   *   CpuCapacityGoal and the network capacity goals whose capacity is given, that are among
   *   {@link defaultGoals}
   */
  readonly hardGoals?: string[];
  /**
   * Broker capacities.
   * @default - Strimzi's
   */
  readonly brokerCapacity?: CruiseControlBrokerCapacity;
  /**
   * Cruise Control server configuration (Strimzi `spec.cruiseControl.config`; Cruise Control's
   * "Configurations" wiki lists the options), e.g.
   * `{ 'num.concurrent.partition.movements.per.broker': 10, 'default.replication.throttle': 52428800 }`.
   * The goal lists have their own props and are refused here: `goals`, `default.goals` and
   * `hard.goals` are {@link goals}, {@link defaultGoals} and {@link hardGoals}. Refused too, as
   * Strimzi would drop them: options it manages, by the prefixes of
   * `CruiseControlSpec.FORBIDDEN_PREFIXES` (`bootstrap.servers`, `client.id`, `zookeeper.`,
   * `network.`, `security.`, `failed.brokers.zk.path`, `webserver.http.`,
   * `webserver.api.urlprefix`, `webserver.session.path`, `webserver.accesslog.`, `two.step.`,
   * `request.reason.required`, `metric.reporter.sampler.bootstrap.servers`,
   * `capacity.config.file`, `self.healing.`, `ssl.`, `kafka.broker.failure.detection.enable`,
   * `topic.config.provider.class`), save its exceptions (`ssl.cipher.suites`, `ssl.protocol`,
   * `ssl.enabled.protocols`, `webserver.http.cors.enabled`, `webserver.http.cors.origin`,
   * `webserver.http.cors.exposeheaders`, `webserver.security.enable`, `webserver.ssl.enable`).
   * `anomaly.detection.goals` must name goals among the default goals (Strimzi replaces the list
   * with `default.goals` otherwise: `CruiseControl.checkGoals`; checked at synth).
   *
   * The value of every key Cruise Control 2.5.146 (Strimzi 1.2's) defines is checked as it parses
   * it, with Kafka's `ConfigDef` (`KafkaCruiseControlConfig`: `ExecutorConfig`, `AnalyzerConfig`,
   * `MonitorConfig`, `AnomalyDetectorConfig`, `WebServerConfig`, …): its type (a whole number of an
   * INT or LONG key, without a unit: `'default.replication.throttle': 52428800`, not `'50MB'`; `true`
   * or `false` of a BOOLEAN; a number of a DOUBLE; Java class names of a CLASS key and of the goal,
   * strategy and finder lists) and its range (`num.concurrent.partition.movements.per.broker` at
   * least 1, thresholds from 0 to 1, …); `default.replication.throttle` at least 1 byte per
   * second (Cruise Control refuses a negative one on every rebalance); the sample store topics
   * valid topic names. So are the relations Cruise Control checks at start
   * (`KafkaCruiseControlConfig.sanityCheckConcurrency`, `sanityCheckSamplingPeriod`, …), with unset
   * keys at Strimzi's or Cruise Control's default: e.g.
   * `num.concurrent.partition.movements.per.broker` below
   * `concurrency.adjuster.max.partition.movements.per.broker` (12) and `max.num.cluster.movements`
   * (1250), `metadata.max.age.ms` at most `metric.sampling.interval.ms` (60000). Other keys (a
   * plugin's) are passed on unchecked, save one that differs from a Cruise Control key only in
   * case (Cruise Control would ignore it).
   * @default - Strimzi's
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * Rebalance automatically when brokers are added or removed.
   * @default - never
   */
  readonly autoRebalance?: CruiseControlAutoRebalance;
  /**
   * Prometheus metrics of Cruise Control, through the JMX exporter (the only kind Strimzi 1.2
   * allows for it), e.g. `JmxPrometheusExporter.rules()` for Strimzi's rules in a ConfigMap
   * `<cluster>-cruise-control-metrics`.
   * @default - none
   */
  readonly metrics?: JmxPrometheusExporter;
}

/** The goals Cruise Control runs with, as simple class names. */
export interface CruiseControlGoalSettings {
  /** `goals`. */
  readonly goals: string[];
  /** `default.goals`. */
  readonly defaultGoals: string[];
  /** `hard.goals`. */
  readonly hardGoals: string[];
}

/**
 * A goal's name as the library keeps it, or a problem: the simple name of a goal Strimzi 1.2 knows
 * (CruiseControlGoals), or the fully qualified name of any other goal class (Cruise Control's
 * own beyond Strimzi's list, such as `com.linkedin.kafka.cruisecontrol.analyzer.kafkaassigner.
 * KafkaAssignerEvenRackAwareGoal`, or a goal of your own on Cruise Control's class path: Strimzi
 * passes `goals` through: CruiseControl.checkGoals rewrites only `anomaly.detection.goals`). A
 * simple name Strimzi does not know is a typo (with what was meant).
 */
export function goalName(name: string): string | { problem: string; fix: string } {
  // Only a class directly in Strimzi's goal package has a simple name (a subpackage's, such as
  // kafkaassigner's, keeps its full name).
  const simple = name.startsWith(GOAL_PACKAGE) && !name.slice(GOAL_PACKAGE.length).includes('.') ? name.slice(GOAL_PACKAGE.length) : name;
  if (CRUISE_CONTROL_GOALS.includes(simple)) return simple;
  if (simple.includes('.')) {
    const problem = javaClassNameProblem(simple, { qualified: true });
    return problem === undefined ? simple : { problem: `is no goal class name: it ${problem}`, fix: 'give a goal Strimzi knows by its simple name, or a goal class by its fully qualified name' };
  }
  const meant = closestName(simple, CRUISE_CONTROL_GOALS);
  return {
    problem: 'is not a Cruise Control goal Strimzi 1.2 knows (CruiseControlGoals)',
    fix: `${meant !== undefined ? `did you mean '${meant}'? ` : `use one of ${CRUISE_CONTROL_GOALS.join(', ')}; `}a goal class of Cruise Control's beyond these, or your own, by its fully qualified name`,
  };
}

/** Checks a list of goal names; returns their simple names. */
export function checkGoals(subject: Subject, prop: string, names: readonly string[]): string[] {
  if (names.length === 0) throwPropError(subject, prop, 'is empty', names, 'name at least one goal, or leave it unset for the default');
  const seen = new Set<string>();
  return names.map((name, i) => {
    const simple = goalName(name);
    if (typeof simple !== 'string') throwPropError(subject, `${prop}[${i}]`, simple.problem, name, simple.fix);
    if (seen.has(simple)) throwPropError(subject, `${prop}[${i}]`, 'names a goal twice', name, 'list each goal once');
    seen.add(simple);
    return simple;
  });
}

/** `goal` is a goal class' fully qualified name. */
export function qualifiedGoal(goal: string): string {
  return goal.includes('.') ? goal : GOAL_PACKAGE + goal;
}

/**
 * The goal settings, resolved as Strimzi does (`CruiseControlConfiguration.generateDefaultPropertiesMap`),
 * for `brokers` (the broker node ids, for which network capacities are given).
 */
export function resolveGoals(options: CruiseControlOptions, normalized: { goals?: string[]; defaultGoals?: string[]; hardGoals?: string[] }, brokers: readonly number[]): CruiseControlGoalSettings {
  const capacity = options.brokerCapacity;
  const given = (key: 'inboundNetwork' | 'outboundNetwork') => capacity?.[key] !== undefined
    || (brokers.length > 0 && brokers.every((b) => (capacity?.overrides ?? []).some((o) => o[key] !== undefined && o.brokers.includes(b))));
  const inboundValues = new Set(brokers.map((b) => sizeKey(capacity?.overrides?.find((o) => o.inboundNetwork !== undefined && o.brokers.includes(b))?.inboundNetwork ?? capacity?.inboundNetwork)));
  const dropped = [
    ...(given('inboundNetwork') ? (inboundValues.size > 1 ? ['LeaderBytesInDistributionGoal'] : []) : INBOUND_GOALS),
    ...(given('outboundNetwork') ? [] : OUTBOUND_GOALS),
  ];
  const goals = normalized.goals ?? [...STRIMZI_GOALS];
  // Strimzi's default.goals and hard.goals defaults do not follow a custom `goals` list, and
  // Cruise Control refuses default goals outside it: the library keeps those within it.
  const defaultGoals = normalized.defaultGoals ?? STRIMZI_GOALS.filter((g) => !dropped.includes(g) && goals.includes(g));
  return {
    goals,
    defaultGoals,
    hardGoals: normalized.hardGoals ?? STRIMZI_HARD_GOALS.filter((g) => !dropped.includes(g) && defaultGoals.includes(g)),
  };
}

function sizeKey(size: Size | undefined): string {
  return size === undefined ? '' : String(size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }));
}

/** The problems of goal settings Cruise Control refuses at start (`KafkaCruiseControlConfig.sanityCheckGoalNames`). */
export function goalSettingProblems(subject: Subject, settings: CruiseControlGoalSettings, explicit: { defaultGoals: boolean; hardGoals: boolean }): string[] {
  const problems: string[] = [];
  const notIn = (list: string[], of: string[]) => list.filter((g) => !of.includes(g));
  if (settings.defaultGoals.length === 0) {
    problems.push(propError(subject, 'cruiseControl.goals', 'hold none of the goals Strimzi makes default goals, so default.goals would be empty: Cruise Control refuses to start (KafkaCruiseControlConfig.sanityCheckGoalNames)', settings.goals, 'set defaultGoals to goals of that list'));
  }
  const strayDefault = notIn(settings.defaultGoals, settings.goals);
  if (strayDefault.length > 0) {
    problems.push(propError(subject, explicit.defaultGoals ? 'cruiseControl.defaultGoals' : 'cruiseControl.goals',
      `leaves out default goals ${strayDefault.join(', ')}: Cruise Control refuses to start when default.goals is not a subset of goals (KafkaCruiseControlConfig.sanityCheckGoalNames)`,
      explicit.defaultGoals ? settings.defaultGoals : settings.goals, explicit.defaultGoals ? `add them to cruiseControl.goals or drop them from defaultGoals` : `add them to goals, or set defaultGoals to goals of that list`));
  }
  const strayHard = notIn(settings.hardGoals, settings.defaultGoals);
  if (strayHard.length > 0) {
    problems.push(propError(subject, explicit.hardGoals ? 'cruiseControl.hardGoals' : 'cruiseControl.defaultGoals',
      `leaves out hard goals ${strayHard.join(', ')}: Cruise Control refuses to start when hard.goals is not a subset of default.goals (KafkaCruiseControlConfig.sanityCheckGoalNames)`,
      explicit.hardGoals ? settings.hardGoals : settings.defaultGoals, explicit.hardGoals ? 'add them to defaultGoals or drop them from hardGoals' : 'add them to defaultGoals, or set hardGoals to goals of that list'));
  }
  return problems;
}

/**
 * The problems of a rebalance's goals against the cluster's (Cruise Control
 * `RunnableUtils.sanityCheckGoals`): a goal not among `goals` is "not supported", and without
 * skipHardGoalCheck the goals must include every hard goal. Goals that are only
 * PreferredLeaderElectionGoal are exempt from the hard-goal check, as in Cruise Control.
 */
export function rebalanceGoalProblems(subject: Subject, prop: string, goals: readonly string[] | undefined, skipHardGoalCheck: boolean, settings: CruiseControlGoalSettings): string[] {
  if (goals === undefined) return [];
  const problems: string[] = [];
  goals.forEach((g, i) => {
    if (!settings.goals.includes(g)) {
      problems.push(propError(subject, `${prop}[${i}]`, `is not among the cluster's Cruise Control goals (${settings.goals.join(', ')}): Cruise Control refuses it ("Goals [${g}] are not supported")`, g, `add it to the KafkaCluster's cruiseControl.goals, or use one of those`));
    }
  });
  const preferredLeaderOnly = goals.length === 1 && goals[0] === 'PreferredLeaderElectionGoal';
  const missing = settings.hardGoals.filter((h) => !goals.includes(h));
  if (!skipHardGoalCheck && !preferredLeaderOnly && missing.length > 0) {
    problems.push(propError(subject, prop, `leave out the cluster's hard goals ${missing.join(', ')}: Cruise Control refuses the rebalance ("Missing hard goals … in the provided goals", RunnableUtils.sanityCheckGoals)`, goals,
      'add them, or set skipHardGoalCheck: true to let Cruise Control skip them'));
  }
  return problems;
}

/** A CPU capacity as Strimzi's pattern wants it (`^[0-9]+([.][0-9]{0,3}|[m]?)$`), or a problem. */
export function cpuCapacity(subject: Subject, prop: string, cpu: Cpu): string {
  const amount = cpu.amount;
  if (!/^[0-9]+([.][0-9]{0,3}|[m]?)$/.test(amount) || Number.parseFloat(amount) <= 0) {
    throwPropError(subject, prop, 'must be a positive whole number of millicores or cores with at most 3 decimals', amount, 'use e.g. Cpu.units(2) or Cpu.millis(1500)');
  }
  return amount;
}

/** A network capacity as Strimzi wants it (`^[0-9]+([KMG]i?)?B/s$`): the largest binary unit that keeps it whole. */
export function networkCapacity(subject: Subject, prop: string, size: Size): string {
  let kib: number;
  try {
    kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  } catch {
    kib = Number.NaN;
  }
  if (!Number.isInteger(kib) || kib <= 0) {
    throwPropError(subject, prop, 'must be a whole, positive number of KiB per second', size, 'use e.g. Size.mebibytes(100) for 100MiB/s');
  }
  if (kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)}GiB/s`;
  if (kib % 1024 === 0) return `${kib / 1024}MiB/s`;
  return `${kib}KiB/s`;
}

/** The largest value of a Java `int`, the type of Strimzi's movement counts. */
const MAX_INT = 2147483647;

/**
 * Strimzi's `CruiseControlSpec.FORBIDDEN_PREFIXES` (tag 1.2.0): options it sets itself and drops
 * from `spec.cruiseControl.config` (`AbstractConfiguration.filterForbidden`, lower-cased key).
 */
const FORBIDDEN_PREFIXES = [
  'bootstrap.servers', 'client.id', 'zookeeper.', 'network.', 'security.', 'failed.brokers.zk.path', 'webserver.http.', 'webserver.api.urlprefix',
  'webserver.session.path', 'webserver.accesslog.', 'two.step.', 'request.reason.required', 'metric.reporter.sampler.bootstrap.servers',
  'capacity.config.file', 'self.healing.', 'ssl.', 'kafka.broker.failure.detection.enable', 'topic.config.provider.class',
];
/** … and `CruiseControlSpec.FORBIDDEN_PREFIX_EXCEPTIONS`, the keys (exact) it passes on anyway. */
const FORBIDDEN_PREFIX_EXCEPTIONS = [
  'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols', 'webserver.http.cors.enabled', 'webserver.http.cors.origin',
  'webserver.http.cors.exposeheaders', 'webserver.security.enable', 'webserver.ssl.enable',
];
/** The goal lists, which have props of their own. */
const GOAL_KEYS: Readonly<Record<string, string>> = { 'goals': 'goals', 'default.goals': 'defaultGoals', 'hard.goals': 'hardGoals' };

/**
 * Keys Cruise Control's default plugins read that its ConfigDef does not define, as Strimzi's
 * docs name them ("Auto-created Cruise Control topics"): the sample store's topics and their
 * replication factor (`KafkaSampleStore`: `Short.parseShort`), the metrics reporter's topic
 * (`CruiseControlMetricsReporterSampler.METRIC_REPORTER_TOPIC`), and the reporting interval
 * `KafkaCruiseControlConfig.sanityCheckSamplingPeriod` reads (`CruiseControlMetricsReporterConfig`,
 * default 1 minute).
 */
const PLUGIN_KEYS: Readonly<Record<string, ConfigDefinition>> = {
  'partition.metric.sample.store.topic': { type: 'STRING', default: 'strimzi.cruisecontrol.partitionmetricsamples', importance: 'high' },
  'broker.metric.sample.store.topic': { type: 'STRING', default: 'strimzi.cruisecontrol.modeltrainingsamples', importance: 'high' },
  'metric.reporter.topic': { type: 'STRING', default: 'strimzi.cruisecontrol.metrics', importance: 'high' },
  'sample.store.topic.replication.factor': { type: 'SHORT', default: null, validator: { range: ['1', null] }, importance: 'medium' },
  'cruise.control.metrics.reporter.metrics.reporting.interval.ms': { type: 'LONG', default: '60000', validator: { range: ['1', null] }, importance: 'high' },
};
/** The keys of {@link PLUGIN_KEYS} that name a Kafka topic. */
const TOPIC_KEYS = ['partition.metric.sample.store.topic', 'broker.metric.sample.store.topic', 'metric.reporter.topic'];

/**
 * The defaults Strimzi writes over Cruise Control's (`CruiseControlConfiguration.DEFAULT_PROPERTIES_MAP`),
 * which a check of one key against another reads when the other is not set.
 */
const STRIMZI_DEFAULTS: Readonly<Record<string, string>> = {
  'partition.metrics.window.ms': '300000',
  'num.partition.metrics.windows': '1',
  'broker.metrics.window.ms': '300000',
  'num.broker.metrics.windows': '20',
  'completed.user.task.retention.time.ms': '86400000',
};

/** Cruise Control's LIST keys whose items are Java classes it loads: goal lists, movement strategies, anomaly finders. */
const CLASS_LIST_KEY = /(?:goals|strategies|\.class)$/;

/** The definition of a Cruise Control key: its ConfigDef's, else one of {@link PLUGIN_KEYS}. */
function ccDefinition(key: string): ConfigDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(CRUISE_CONTROL_CONFIG_MODEL, key) ? CRUISE_CONTROL_CONFIG_MODEL[key]
    : Object.prototype.hasOwnProperty.call(PLUGIN_KEYS, key) ? PLUGIN_KEYS[key] : undefined;
}

/** A value Kafka's ConfigDef parses, as Cruise Control reads it: the messages of `configValueIssue`, naming Cruise Control. */
function ccValueIssue(key: string, definition: ConfigDefinition, value: unknown): ConfigIssue | undefined {
  const issue = configValueIssue(key, definition, value);
  if (issue === undefined) return undefined;
  return {
    problem: issue.problem
      .replace(/Kafka reads it as/g, 'Cruise Control reads it (with Kafka\'s ConfigDef) as')
      .replace(/Kafka's validator/g, 'Cruise Control\'s validator')
      .replace(/or Kafka refuses the configuration/g, 'or Cruise Control refuses to start')
      .replace(/Kafka needs/g, 'Cruise Control needs')
      .replace(/\(Kafka's values/g, '(Cruise Control\'s values'),
    fix: issue.fix.replace(/Kafka's documentation/g, 'Cruise Control\'s documentation'),
  };
}

/** Bytes per unit of a throughput written with one (`50MB`, `10MiB/s`): binary, and decimal for `kB`/`MB`/`GB`. */
const THROUGHPUT = /^\s*(\d+(?:\.\d+)?)\s*([kmgt])(i?)b?(?:\/s)?\s*$/i;

/**
 * What is wrong with `value` for Cruise Control's `key`, or undefined: its ConfigDef type and
 * range (`configValueIssue`, as Cruise Control parses it with Kafka's `ConfigDef`), Java class
 * names where it loads classes, a topic name where it creates a topic, and a replication throttle
 * of at least 1 byte per second.
 */
function ccKeyIssue(key: string, definition: ConfigDefinition, value: unknown): ConfigIssue | undefined {
  if (key === 'default.replication.throttle' && typeof value === 'string') {
    const m = THROUGHPUT.exec(value);
    if (m !== null) {
      const power = 'kmgt'.indexOf(m[2].toLowerCase()) + 1;
      const binary = Math.round(Number(m[1]) * 1024 ** power);
      const decimal = Math.round(Number(m[1]) * 1000 ** power);
      return {
        problem: 'must be a whole number of bytes per second, without a unit: Cruise Control reads it (with Kafka\'s ConfigDef) as LONG',
        fix: `use '${key}': ${binary} for ${m[1]} ${m[2].toUpperCase()}iB/s${m[3] === '' ? ` (or ${decimal} for ${m[1]} ${m[2].toUpperCase()}B/s)` : ''}`,
      };
    }
  }
  const classes = definition.type === 'CLASS' ? [String(value).trim()]
    : definition.type === 'LIST' && CLASS_LIST_KEY.test(key) && typeof value === 'string' ? value.split(',').map((c) => c.trim()).filter((c) => c !== '') : [];
  for (const name of classes) {
    const problem = javaClassNameProblem(name);
    if (problem !== undefined && typeof value === 'string') {
      return {
        problem: `names a class ${JSON.stringify(name)} that ${problem}: Cruise Control loads it by name (Class.forName) and would not start`,
        fix: `give fully qualified Java class names${definition.type === 'LIST' ? ', comma-separated' : ''}, e.g. '${key}': '${(definition.default ?? 'org.example.MyClass').split(',')[0]}'`,
      };
    }
  }
  const issue = ccValueIssue(key, definition, value);
  if (issue !== undefined) return issue;
  if (definition.type === 'LIST' && key === 'intra.broker.goals' && String(value).trim() === '') {
    return { problem: 'is empty: Cruise Control refuses to start ("Attempt to configure intra-broker goals configuration with an empty list of goals.", KafkaCruiseControlConfig.sanityCheckGoalNames)', fix: `name at least one, e.g. '${key}': '${definition.default}'` };
  }
  if (TOPIC_KEYS.includes(key) && (!/^[a-zA-Z0-9._-]{1,249}$/.test(String(value)) || ['.', '..'].includes(String(value)))) {
    return { problem: "is not a valid Kafka topic name (1-249 of letters, digits, '.', '_' and '-', not '.' or '..': Topic.validate): Cruise Control could not create the topic", fix: `use e.g. '${key}': '${definition.default}'` };
  }
  if (key === 'default.replication.throttle' && BigInt(String(value).trim().replace(/^\+/, '')) < 1n) {
    return {
      problem: 'must be at least 1 byte per second: Cruise Control refuses a negative throttle on every rebalance ("Requested rebalance throttle must be non-negative", ParameterUtils.replicationThrottle), and 0 lets no throttled replica move',
      fix: `use e.g. '${key}': 52428800 for 50 MiB/s, or leave it unset for no throttle`,
    };
  }
  return undefined;
}

/**
 * How one key of Cruise Control's configuration must relate to another, or Cruise Control refuses
 * to start (`KafkaCruiseControlConfig` 2.5.146, its `sanityCheck…` methods): `small` below (`<`) or
 * at most (`<=`) `large`.
 */
const CC_RELATIONS: ReadonlyArray<readonly [string, '<' | '<=', string, string]> = [
  ['max.num.cluster.partition.movements', '<=', 'max.num.cluster.movements', 'sanityCheckConcurrency'],
  ['num.concurrent.partition.movements.per.broker', '<', 'max.num.cluster.movements', 'sanityCheckConcurrency'],
  ['num.concurrent.intra.broker.partition.movements', '<', 'max.num.cluster.movements', 'sanityCheckConcurrency'],
  ['num.concurrent.leader.movements', '<=', 'max.num.cluster.movements', 'sanityCheckConcurrency'],
  ['num.concurrent.leader.movements.per.broker', '<=', 'num.concurrent.leader.movements', 'sanityCheckConcurrency'],
  ['num.concurrent.partition.movements.per.broker', '<', 'concurrency.adjuster.max.partition.movements.per.broker', 'sanityCheckConcurrency'],
  ['concurrency.adjuster.max.partition.movements.per.broker', '<=', 'max.num.cluster.movements', 'sanityCheckConcurrency'],
  ['concurrency.adjuster.min.partition.movements.per.broker', '<=', 'num.concurrent.partition.movements.per.broker', 'sanityCheckConcurrency'],
  ['concurrency.adjuster.min.leadership.movements', '<=', 'num.concurrent.leader.movements', 'sanityCheckConcurrency'],
  ['num.concurrent.leader.movements', '<=', 'concurrency.adjuster.max.leadership.movements', 'sanityCheckConcurrency'],
  ['concurrency.adjuster.max.leadership.movements', '<=', 'max.num.cluster.movements', 'sanityCheckConcurrency'],
  ['concurrency.adjuster.min.leadership.movements.per.broker', '<=', 'num.concurrent.leader.movements.per.broker', 'sanityCheckConcurrency'],
  ['num.concurrent.leader.movements.per.broker', '<=', 'concurrency.adjuster.max.leadership.movements.per.broker', 'sanityCheckConcurrency'],
  ['concurrency.adjuster.max.leadership.movements.per.broker', '<=', 'concurrency.adjuster.max.leadership.movements', 'sanityCheckConcurrency'],
  ['min.execution.progress.check.interval.ms', '<=', 'execution.progress.check.interval.ms', 'sanityCheckConcurrency'],
  ['topic.replica.count.balance.min.gap', '<=', 'topic.replica.count.balance.max.gap', 'sanityCheckBalancingConstraints'],
  ['overprovisioned.max.replicas.per.broker', '<=', 'max.replicas.per.broker', 'sanityCheckBalancingConstraints'],
  ['task.execution.alerting.threshold.ms', '<', 'leader.movement.timeout.ms', 'sanityCheckTaskExecutionAlertingThreshold'],
  ['metadata.max.age.ms', '<=', 'metric.sampling.interval.ms', 'sanityCheckSamplingPeriod'],
  ['cruise.control.metrics.reporter.metrics.reporting.interval.ms', '<=', 'metric.sampling.interval.ms', 'sanityCheckSamplingPeriod'],
  ['metric.sampling.interval.ms', '<=', 'concurrency.adjuster.interval.ms', 'sanityCheckSamplingPeriod'],
];

/**
 * The problems of `config` (checked key by key already) that Cruise Control finds when it reads
 * keys together at start (`KafkaCruiseControlConfig`'s sanity checks), with unset keys at
 * Strimzi's default, else Cruise Control's.
 */
function ccRelationProblems(subject: Subject, prop: string, config: Readonly<Record<string, string | number | boolean>>): string[] {
  const given = new Map(Object.entries(config).map(([k, v]) => [k.trim(), v] as const));
  const valueOf = (key: string): bigint | undefined => {
    const text = given.has(key) ? String(given.get(key)).trim() : STRIMZI_DEFAULTS[key] ?? ccDefinition(key)?.default ?? undefined;
    return text === undefined || text === null ? undefined : BigInt(text.replace(/^\+/, ''));
  };
  const origin = (key: string) => (given.has(key) ? 'set here' : STRIMZI_DEFAULTS[key] !== undefined ? 'Strimzi\'s default' : 'Cruise Control\'s default');
  const problems: string[] = [];
  const report = (blamed: string, problem: string, fix: string) =>
    problems.push(propError(subject, `${prop}['${blamed}']`, problem, given.get(blamed), fix));
  for (const [small, op, large, check] of CC_RELATIONS) {
    const a = valueOf(small);
    const b = valueOf(large);
    if (a === undefined || b === undefined || (op === '<' ? a < b : a <= b)) continue;
    const relation = op === '<' ? 'below' : 'at most';
    const why = `Cruise Control refuses to start when ${small} is not ${relation} ${large} (KafkaCruiseControlConfig.${check})`;
    if (given.has(small)) {
      report(small, `is ${a}, not ${relation} ${large} (${b}, ${origin(large)}): ${why}`, `lower it${op === '<' ? ` below ${b}` : ` to ${b} or less`}, or raise ${large} in ${prop}`);
    } else {
      report(large, `is ${b}, not ${op === '<' ? 'above' : 'at least'} ${small} (${a}, ${origin(small)}): ${why}`, `raise it${op === '<' ? ` above ${a}` : ` to ${a} or more`}, or lower ${small} in ${prop}`);
    }
  }
  // Metric anomaly detection may not run more often than sampling: its own interval, else anomaly detection's.
  const sampling = valueOf('metric.sampling.interval.ms')!;
  const detectionKey = valueOf('metric.anomaly.detection.interval.ms') !== undefined ? 'metric.anomaly.detection.interval.ms' : 'anomaly.detection.interval.ms';
  const detection = valueOf(detectionKey)!;
  if (sampling > detection) {
    const blamed = given.has('metric.sampling.interval.ms') ? 'metric.sampling.interval.ms' : detectionKey;
    report(blamed, `makes metric.sampling.interval.ms (${sampling}) longer than ${detectionKey} (${detection}): Cruise Control refuses to start (KafkaCruiseControlConfig.sanityCheckSamplingPeriod)`,
      `keep metric.sampling.interval.ms at most ${detectionKey}`);
  }
  // At most 127 samples per metrics window: Cruise Control casts window / sampling interval to a short and compares with Byte.MAX_VALUE.
  for (const window of ['partition.metrics.window.ms', 'broker.metrics.window.ms']) {
    const w = valueOf(window)!;
    if (sampling === 0n) {
      if (given.has('metric.sampling.interval.ms')) report('metric.sampling.interval.ms', 'is 0: Cruise Control divides the metrics windows by it and fails to start (KafkaCruiseControlConfig.sanityCheckSamplingPeriod)', 'use e.g. 60000 (Cruise Control\'s default)');
      break;
    }
    const frequency = BigInt.asIntN(16, w / sampling);
    if (frequency > 127n) {
      const blamed = given.has(window) ? window : 'metric.sampling.interval.ms';
      report(blamed, `makes ${window} / metric.sampling.interval.ms ${w / sampling} samples per window (${w} / ${sampling}), more than 127: Cruise Control refuses to start (KafkaCruiseControlConfig.sanityCheckSamplingPeriod)`,
        `lower ${window} or raise metric.sampling.interval.ms, to at most 127 samples per window`);
    }
  }
  return problems;
}

/**
 * Checks `spec.cruiseControl.config` (see {@link CruiseControlOptions.config}); returns a copy.
 * Besides the keys Strimzi manages, a key Cruise Control defines must have a value of its type and
 * range, and the keys must fit together as Cruise Control checks at start; other keys (a plugin's)
 * are passed on unchecked, save one that differs from a Cruise Control key only in case or
 * surrounding whitespace.
 */
export function checkCruiseControlConfig(subject: Subject, prop: string, config: Readonly<Record<string, string | number | boolean>>): Record<string, string | number | boolean> {
  for (const [key, value] of Object.entries(config)) {
    const at = `${prop}['${key}']`;
    if (key.trim() === '') throwPropError(subject, at, 'is an empty option name', value, 'name a Cruise Control option, e.g. \'num.concurrent.partition.movements.per.broker\'');
    const typed = GOAL_KEYS[key.trim().toLowerCase()];
    if (typed !== undefined) {
      throwPropError(subject, at, `is a goal list, which the library writes from cruiseControl.${typed} (fully qualified, comma-separated)`, value, `set cruiseControl.${typed} to the goal names instead, e.g. ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal']`);
    }
    const lower = key.toLowerCase();
    const prefix = FORBIDDEN_PREFIXES.find((p) => lower.startsWith(p));
    if (prefix !== undefined && !FORBIDDEN_PREFIX_EXCEPTIONS.includes(key)) {
      throwPropError(subject, at, `is an option Strimzi manages (forbidden prefix '${prefix}', CruiseControlSpec.FORBIDDEN_PREFIXES): it drops the option with a warning`, value,
        'leave it to Strimzi: it sets the bootstrap servers, security, web server and capacity of Cruise Control itself');
    }
    const name = key.trim();
    const definition = ccDefinition(name);
    if (definition === undefined) {
      // Java's Properties keys are case-sensitive: 'Num.Concurrent.Leader.Movements' is a key no one reads.
      const meant = [...Object.keys(CRUISE_CONTROL_CONFIG_MODEL), ...Object.keys(PLUGIN_KEYS)].find((k) => k.toLowerCase() === lower.trim());
      if (meant !== undefined) {
        throwPropError(subject, at, `is not a Cruise Control option: option names are case-sensitive, so Cruise Control would ignore it and keep its default of '${meant}'`, value, `did you mean '${meant}'?`);
      }
      continue;
    }
    const issue = ccKeyIssue(name, definition, value);
    if (issue !== undefined) throwPropError(subject, at, issue.problem, value, issue.fix);
  }
  const relations = ccRelationProblems(subject, prop, config);
  if (relations.length > 0) throw new Error(relations[0]);
  return { ...config };
}

/**
 * What Strimzi or Cruise Control would change or refuse in `config`, once the goals are known:
 * `anomaly.detection.goals` must be among `default.goals`, compared as Strimzi does, as strings
 * split at commas (`CruiseControl.checkGoals`; otherwise Strimzi replaces the list with the
 * default goals, because Cruise Control would not start), and `intra.broker.goals` must share no
 * goal with `goals` (`KafkaCruiseControlConfig.sanityCheckGoalNames`).
 */
export function cruiseControlConfigProblems(subject: Subject, prop: string, config: Readonly<Record<string, string | number | boolean>>, settings: CruiseControlGoalSettings): string[] {
  return [...intraBrokerGoalProblems(subject, prop, config, settings), ...anomalyGoalProblems(subject, prop, config, settings)];
}

function intraBrokerGoalProblems(subject: Subject, prop: string, config: Readonly<Record<string, string | number | boolean>>, settings: CruiseControlGoalSettings): string[] {
  const intraKey = Object.keys(config).find((k) => k.trim() === 'intra.broker.goals');
  if (intraKey !== undefined) {
    // Inter- and intra-broker goals are disjoint (KafkaCruiseControlConfig.sanityCheckGoalNames), compared as listed.
    const goals = settings.goals.map(qualifiedGoal);
    const common = String(config[intraKey]).split(',').map((g) => g.trim()).filter((g) => goals.includes(g));
    if (common.length > 0) {
      return [propError(subject, `${prop}['${intraKey}']`, `names ${common.join(', ')}, also among goals: Cruise Control refuses to start ("Attempt to configure inter-broker … and intra-broker … goals with common goals", KafkaCruiseControlConfig.sanityCheckGoalNames)`, config[intraKey],
        'list only intra-broker goals (IntraBrokerDiskCapacityGoal, IntraBrokerDiskUsageDistributionGoal) here')];
    }
  }
  return [];
}

function anomalyGoalProblems(subject: Subject, prop: string, config: Readonly<Record<string, string | number | boolean>>, settings: CruiseControlGoalSettings): string[] {
  const key = Object.keys(config).find((k) => k === 'anomaly.detection.goals');
  if (key === undefined) return [];
  // Java's String.split drops trailing empty strings only.
  const entries = String(config[key]).split(/\s*,\s*/);
  while (entries.length > 0 && entries[entries.length - 1] === '') entries.pop();
  const defaults = settings.defaultGoals.map(qualifiedGoal);
  const stray = entries.filter((e) => !defaults.includes(e));
  if (stray.length === 0) return [];
  return [propError(subject, `${prop}['${key}']`, `names ${stray.map((e) => JSON.stringify(e)).join(', ')}, not among the default goals as Strimzi compares them (fully qualified class names): Strimzi replaces the list with default.goals (CruiseControl.checkGoals)`, config[key],
    `list fully qualified default goals, e.g. '${defaults.slice(0, 2).join(',')}'`)];
}

/** Java-only regular expression syntax, which a JavaScript RegExp cannot judge. */
const JAVA_ONLY = /[*+?}][+]|\(\?>|\\Q|\\p\{(java|Is|In)/;

/** The tuning fields of a KafkaRebalance spec, checked (see {@link KafkaRebalanceTuningOptions}). */
export function rebalanceTuningSpec(subject: Subject, prefix: string, options: KafkaRebalanceTuningOptions): Partial<strimzi.KafkaRebalanceSpec> {
  const excludedTopics = options.excludedTopics;
  if (excludedTopics !== undefined) {
    if (excludedTopics === '') throwPropError(subject, `${prefix}excludedTopics`, 'is empty: it matches no topic name', excludedTopics, 'give a regular expression of whole topic names, e.g. \'__.*\', or leave it unset');
    try {
      new RegExp(excludedTopics);
    } catch (e) {
      if (!JAVA_ONLY.test(excludedTopics)) {
        throwPropError(subject, `${prefix}excludedTopics`, `is not a regular expression (${(e as Error).message}): Cruise Control refuses the request`, excludedTopics, 'fix the expression, e.g. \'connect-.*\'');
      }
    }
  }
  const strategies = options.replicaMovementStrategies;
  if (strategies !== undefined) {
    if (strategies.length === 0) throwPropError(subject, `${prefix}replicaMovementStrategies`, 'is empty', strategies, 'name at least one strategy, e.g. [ReplicaMovementStrategy.PRIORITIZE_SMALL], or leave it unset for Cruise Control\'s default');
    strategies.forEach((s, i) => {
      if (strategies.indexOf(s) !== i) throwPropError(subject, `${prefix}replicaMovementStrategies[${i}]`, 'names a strategy twice', s, 'list each strategy once');
    });
  }
  return compact({
    excludedTopics,
    concurrentPartitionMovementsPerBroker: movementCount(subject, `${prefix}concurrentPartitionMovementsPerBroker`, options.concurrentPartitionMovementsPerBroker),
    concurrentLeaderMovements: movementCount(subject, `${prefix}concurrentLeaderMovements`, options.concurrentLeaderMovements),
    replicationThrottle: options.replicationThrottle && bytesPerSecond(subject, `${prefix}replicationThrottle`, options.replicationThrottle),
    replicaMovementStrategies: strategies && [...strategies],
  }) ?? {};
}

/**
 * A movement count: a whole number from 1 to Java's int maximum. Strimzi writes 0 as "not set"
 * (`@JsonInclude(NON_DEFAULT)`, and passes only counts > 0 to Cruise Control), so 0 is refused.
 */
export function movementCount(subject: Subject, prop: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > MAX_INT) {
    throwPropError(subject, prop, `must be a whole number from 1 to ${MAX_INT}${value === 0 ? ' (Strimzi takes 0 as "not set" and Cruise Control then uses its default)' : ''}`, value, 'set e.g. 5, or leave it unset for Cruise Control\'s default');
  }
  return value;
}

/** A replication throttle in whole bytes per second, at least 1. */
function bytesPerSecond(subject: Subject, prop: string, size: Size): number {
  let bytes: number;
  try {
    bytes = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
  } catch {
    bytes = Number.NaN;
  }
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throwPropError(subject, prop, 'must be a whole, positive number of bytes per second', size, 'use e.g. Size.mebibytes(50) for 50 MiB/s');
  }
  return bytes;
}

/** The modes of automatic rebalancing, with their prop and the construct id of their template. */
const AUTO_REBALANCE_MODES = [
  { key: 'addBrokers', mode: strimzi.KafkaSpecCruiseControlAutoRebalanceMode.ADD_HYPHEN_BROKERS, id: 'AddBrokersRebalanceTemplate' },
  { key: 'removeBrokers', mode: strimzi.KafkaSpecCruiseControlAutoRebalanceMode.REMOVE_HYPHEN_BROKERS, id: 'RemoveBrokersRebalanceTemplate' },
] as const;

/** A template's spec as compared between modes: a flag left false is the same as one left out. */
function specKey(spec: object): string {
  return JSON.stringify(spec, (_k, v) => (v === false ? undefined : v));
}

/**
 * Makes the KafkaRebalance templates of `autoRebalance` in `scope` (the cluster) and returns
 * `spec.cruiseControl.autoRebalance`; records the KafkaRebalance Strimzi makes from each
 * (`KafkaResources.autoRebalancingKafkaRebalanceResourceName`: `<cluster>-auto-rebalancing-<mode>`).
 */
export function autoRebalanceSpec(scope: Construct, subject: Subject, clusterName: string, namespace: string | undefined, autoRebalance: CruiseControlAutoRebalance): strimzi.KafkaSpecCruiseControlAutoRebalance[] {
  const modes = AUTO_REBALANCE_MODES.filter(({ key }) => autoRebalance[key] !== undefined);
  if (modes.length === 0) {
    throwPropError(subject, 'cruiseControl.autoRebalance', 'names no mode (Strimzi requires at least one)', autoRebalance, 'set addBrokers: {} and/or removeBrokers: {}, or leave autoRebalance unset');
  }
  /** The templates made so far, by name: the mode that made each and its spec. */
  const made = new Map<string, { key: string; spec: string }>();
  const pass = ConsistencyPass.of(scope);
  return modes.map(({ key, mode, id }) => {
    const options = autoRebalance[key]!;
    const prop = `cruiseControl.autoRebalance.${key}`;
    const name = options.templateName ?? `${clusterName}-auto-rebalance-${mode}`;
    checkName(subject, `${prop}.templateName`, name, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaRebalance template', example: `${clusterName}-auto-rebalance-${mode}` });
    const goals = options.goals && checkGoals(subject, `${prop}.goals`, options.goals);
    const spec = { ...compact({ goals, skipHardGoalCheck: options.skipHardGoalCheck }), ...rebalanceTuningSpec(subject, `${prop}.`, options) };
    // Both modes may name one template (Strimzi looks it up by name for each mode:
    // KafkaAutoRebalancingReconciler; its docs' proc-automating-rebalances shares one), which the
    // library then makes once; with different options they would be two templates of one name.
    const other = made.get(name);
    if (other !== undefined) {
      if (other.spec !== specKey(spec)) {
        throwPropError(subject, `${prop}.templateName`, `is the name of the ${other.key} template too, whose options differ: one KafkaRebalance cannot hold both`, name, 'give each mode its own template name, or the same options');
      }
    } else {
      made.set(name, { key, spec: specKey(spec) });
      // A template: Strimzi copies its spec into the KafkaRebalance it makes on a scale-up or
      // scale-down; the rebalance operator skips it (strimzi.io/rebalance-template), so it needs no
      // strimzi.io/cluster label.
      const template = new strimzi.KafkaRebalance(scope, id, {
        metadata: { name, namespace, annotations: { 'strimzi.io/rebalance-template': 'true' } },
        spec,
      });
      pass.namedBy(template, subject, `${prop}.templateName`);
    }
    pass.provide(scope, { group: 'kafka.strimzi.io', kind: 'KafkaRebalance', namespace, name: `${clusterName}-auto-rebalancing-${mode}` },
      `Strimzi, on a scale-${key === 'addBrokers' ? 'up' : 'down'} of KafkaCluster '${clusterName}' (cruiseControl.autoRebalance.${key})`);
    return { mode, template: { name } };
  });
}
