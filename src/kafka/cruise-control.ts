import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import { Subject, propError, throwPropError } from '../core/errors';
import { closestName } from '../core/naming';
import type { JmxPrometheusExporter } from './metrics';

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
 * Automatic rebalancing when brokers are added or removed (Strimzi 1.2
 * `spec.cruiseControl.autoRebalance`): the library makes a KafkaRebalance template for each mode
 * (annotation `strimzi.io/rebalance-template: "true"`), named
 * `<cluster>-auto-rebalance-add-brokers` / `-remove-brokers`.
 */
export interface CruiseControlAutoRebalance {
  /**
   * Move partitions onto brokers after a scale-up.
   * @default - no rebalance on scale-up
   */
  readonly addBrokers?: KafkaRebalanceGoalOptions;
  /**
   * Move partitions off brokers before a scale-down (Strimzi holds the scale-down until done).
   * @default - no rebalance on scale-down
   */
  readonly removeBrokers?: KafkaRebalanceGoalOptions;
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

/** A goal's simple name, or a problem: unknown (with what was meant). */
export function goalName(name: string): string | { problem: string; fix: string } {
  const simple = name.startsWith(GOAL_PACKAGE) ? name.slice(GOAL_PACKAGE.length) : name;
  if (CRUISE_CONTROL_GOALS.includes(simple)) return simple;
  const meant = closestName(simple, CRUISE_CONTROL_GOALS);
  return {
    problem: 'is not a Cruise Control goal Strimzi 1.2 knows (CruiseControlGoals)',
    fix: meant !== undefined ? `did you mean '${meant}'?` : `use one of ${CRUISE_CONTROL_GOALS.join(', ')}`,
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
  return GOAL_PACKAGE + goal;
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
