import { ApiObject, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import { CRUISE_CONTROL_GOALS, CruiseControlOptions, KafkaCluster, KafkaClusterProps, KafkaRebalance, KafkaRebalanceMode, KafkaRebalanceOptions, NodeRole } from '../../src';
import { all, expectValid, find, synth } from '../support';

const Q = 'com.linkedin.kafka.cruisecontrol.analyzer.goals.';
/** The fields every Cruise Control gets from the library (sizes, restricted security context). */
const BASE = {
  resources: { limits: { memory: '1Gi' }, requests: { cpu: '200m', memory: '512Mi' } },
  template: {
    pod: { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
    cruiseControlContainer: { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
  },
};
/** Strimzi's hard goals without network capacities (CruiseControlConfiguration, filtered). */
const HARD = ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'CpuCapacityGoal'];

function cluster(cruiseControl: KafkaClusterProps['cruiseControl'], props: KafkaClusterProps = {}) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', cruiseControl, ...props });
  return { chart, kafka };
}
const ccSpec = (cruiseControl: KafkaClusterProps['cruiseControl']) => find(synth(cluster(cruiseControl).chart), 'Kafka', 'my-cluster').spec.cruiseControl;
const synthOf = (cruiseControl: KafkaClusterProps['cruiseControl']) => () => synth(cluster(cruiseControl).chart);
const rebalance = (options: KafkaRebalanceOptions, cruiseControl: KafkaClusterProps['cruiseControl'] = true) => {
  const { chart, kafka } = cluster(cruiseControl);
  kafka.addRebalance('Rebalance', options);
  return () => synth(chart);
};

describe('Cruise Control options', () => {
  test('cruiseControl: true keeps Strimzi\'s settings: no config, capacity or templates', () => {
    const manifests = synth(cluster(true).chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.cruiseControl).toEqual(BASE);
    expect(all(manifests, 'KafkaRebalance')).toEqual([]);
    expect(cluster(true).kafka.cruiseControlGoals).toEqual({
      goals: CRUISE_CONTROL_GOALS.filter((g) => g !== 'PreferredLeaderElectionGoal'),
      // Strimzi drops the network goals without network capacities (filterResourceGoalsWithoutCapacityConfig).
      defaultGoals: CRUISE_CONTROL_GOALS.filter((g) => !/^(PreferredLeaderElection|Network|LeaderBytesIn|PotentialNwOut)/.test(g)),
      hardGoals: HARD,
    });
    expect(cluster(false).kafka.cruiseControlGoals).toBeUndefined();
    expect(find(synth(cluster(false).chart), 'Kafka', 'my-cluster').spec.cruiseControl).toBeUndefined();
    expect(find(synth(cluster({}).chart), 'Kafka', 'my-cluster').spec.cruiseControl).toEqual(BASE);
  });

  test('goals, capacity and auto-rebalance: exact output, valid against the CRDs', () => {
    const { chart } = cluster({
      goals: ['RackAwareGoal', `${Q}ReplicaCapacityGoal`, 'DiskCapacityGoal', 'CpuCapacityGoal', 'ReplicaDistributionGoal'],
      brokerCapacity: { cpu: Cpu.units(2), inboundNetwork: Size.mebibytes(100), outboundNetwork: Size.gibibytes(1), overrides: [{ brokers: [102], cpu: Cpu.millis(1500), inboundNetwork: Size.kibibytes(1536) }] },
      autoRebalance: { addBrokers: {}, removeBrokers: { goals: HARD } },
    });
    const manifests = synth(chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.cruiseControl).toEqual({
      ...BASE,
      brokerCapacity: { cpu: '2', inboundNetwork: '100MiB/s', outboundNetwork: '1GiB/s', overrides: [{ brokers: [102], cpu: '1500m', inboundNetwork: '1536KiB/s' }] },
      config: {
        'goals': ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'CpuCapacityGoal', 'ReplicaDistributionGoal'].map((g) => Q + g).join(','),
        'default.goals': ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'CpuCapacityGoal', 'ReplicaDistributionGoal'].map((g) => Q + g).join(','),
        'hard.goals': HARD.map((g) => Q + g).join(','),
      },
      autoRebalance: [
        { mode: 'add-brokers', template: { name: 'my-cluster-auto-rebalance-add-brokers' } },
        { mode: 'remove-brokers', template: { name: 'my-cluster-auto-rebalance-remove-brokers' } },
      ],
    });
    expect(find(manifests, 'KafkaRebalance', 'my-cluster-auto-rebalance-add-brokers')).toEqual({
      apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaRebalance',
      metadata: { name: 'my-cluster-auto-rebalance-add-brokers', namespace: 'kafka', annotations: { 'strimzi.io/rebalance-template': 'true' } },
      spec: {},
    });
    expect(find(manifests, 'KafkaRebalance', 'my-cluster-auto-rebalance-remove-brokers').spec).toEqual({ goals: HARD });
    expectValid(manifests);
  });

  test('network goals are default and hard goals once every broker has a network capacity, as in Strimzi', () => {
    const hasNetwork = (options: CruiseControlOptions) => cluster(options).kafka.cruiseControlGoals!;
    // Wrong: only one broker of three has an inbound capacity. Right: all three, alike.
    expect(hasNetwork({ brokerCapacity: { overrides: [{ brokers: [100], inboundNetwork: Size.mebibytes(10) }] } }).hardGoals).toEqual(HARD);
    const all3 = hasNetwork({ brokerCapacity: { overrides: [{ brokers: [100, 101, 102], inboundNetwork: Size.mebibytes(10) }] } });
    expect(all3.hardGoals).toEqual(['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'NetworkInboundCapacityGoal', 'CpuCapacityGoal']);
    expect(all3.defaultGoals).toContain('LeaderBytesInDistributionGoal');
    // Different inbound capacities: Strimzi drops LeaderBytesInDistributionGoal (it assumes them alike).
    const mixed = hasNetwork({ brokerCapacity: { inboundNetwork: Size.mebibytes(10), overrides: [{ brokers: [100], inboundNetwork: Size.mebibytes(20) }] } });
    expect(mixed.defaultGoals).toContain('NetworkInboundCapacityGoal');
    expect(mixed.defaultGoals).not.toContain('LeaderBytesInDistributionGoal');
    expect(hasNetwork({ brokerCapacity: { outboundNetwork: Size.mebibytes(10) } }).hardGoals).toContain('NetworkOutboundCapacityGoal');
  });

  test('fails when a goal is not one Strimzi knows, with the name meant', () => {
    expect(() => cluster({ goals: ['RackAwareGoals'] })).toThrow(/KafkaCluster 'my-cluster' at test\/Kafka: cruiseControl\.goals\[0\] is not a Cruise Control goal Strimzi 1\.2 knows \(CruiseControlGoals\) \(got "RackAwareGoals"\); did you mean 'RackAwareGoal'\?/);
    expect(() => cluster({ hardGoals: ['com.example.MyGoal'] })).toThrow(/cruiseControl\.hardGoals\[0\] is not a Cruise Control goal .*use one of RackAwareGoal, /);
    expect(() => cluster({ goals: ['RackAwareGoal', `${Q}RackAwareGoal`] })).toThrow(/cruiseControl\.goals\[1\] names a goal twice/);
    expect(() => cluster({ goals: [] })).toThrow(/cruiseControl\.goals is empty/);
    expect(() => cluster({ goals: ['RackAwareGoal', `${Q}CpuCapacityGoal`] })).not.toThrow();
  });

  test('fails when default goals are not among the goals, or hard goals not among the default goals (Cruise Control would not start)', () => {
    expect(synthOf({ goals: ['RackAwareGoal', 'ReplicaCapacityGoal'], defaultGoals: ['RackAwareGoal', 'DiskCapacityGoal'] }))
      .toThrow(/cruiseControl\.defaultGoals leaves out default goals DiskCapacityGoal: .*not a subset of goals .*\(got \["RackAwareGoal","DiskCapacityGoal"\]\); add them to cruiseControl\.goals/);
    expect(synthOf({ goals: ['RackAwareGoal', 'ReplicaCapacityGoal'], defaultGoals: ['RackAwareGoal'], hardGoals: ['ReplicaCapacityGoal'] }))
      .toThrow(/cruiseControl\.hardGoals leaves out hard goals ReplicaCapacityGoal: .*hard\.goals is not a subset of default\.goals/);
    expect(synthOf({ goals: ['PreferredLeaderElectionGoal'] })).toThrow(/cruiseControl\.goals hold none of the goals Strimzi makes default goals/);
    // Right: goals alone; the defaults follow them.
    const { chart, kafka } = cluster({ goals: ['RackAwareGoal', 'ReplicaDistributionGoal'] });
    synth(chart);
    expect(kafka.cruiseControlGoals).toEqual({ goals: ['RackAwareGoal', 'ReplicaDistributionGoal'], defaultGoals: ['RackAwareGoal', 'ReplicaDistributionGoal'], hardGoals: ['RackAwareGoal'] });
  });

  test('fails on capacities Strimzi\'s patterns refuse, and on overrides of nodes that are no brokers', () => {
    expect(() => cluster({ brokerCapacity: { cpu: Cpu.units(1.2345) } })).toThrow(/cruiseControl\.brokerCapacity\.cpu must be .*at most 3 decimals \(got "1\.2345"\); use e\.g\. Cpu\.units\(2\)/);
    expect(ccSpec({ brokerCapacity: { cpu: Cpu.units(1.234) } }).brokerCapacity).toEqual({ cpu: '1.234' });
    expect(() => cluster({ brokerCapacity: { inboundNetwork: Size.kibibytes(0.5) } })).toThrow(/cruiseControl\.brokerCapacity\.inboundNetwork must be a whole, positive number of KiB per second \(got Size\.kibibytes\(0\.5\)\)/);
    expect(ccSpec({ brokerCapacity: { inboundNetwork: Size.kibibytes(1) } }).brokerCapacity).toEqual({ inboundNetwork: '1KiB/s' });
    expect(synthOf({ brokerCapacity: { overrides: [{ brokers: [3], cpu: Cpu.units(1) }] } }))
      .toThrow(/cruiseControl\.brokerCapacity\.overrides\[0\]\.brokers names node ids 3, which are no brokers of the cluster \(its brokers: 100, 101, 102\)/);
    expect(synthOf({ brokerCapacity: { overrides: [{ brokers: [100], cpu: Cpu.units(1) }] } })).not.toThrow();
    // A controller's node id is no broker's.
    const { chart, kafka } = cluster({ brokerCapacity: { overrides: [{ brokers: [0], cpu: Cpu.units(1) }] } });
    expect(kafka.nodePools.find((p) => p.roles.includes(NodeRole.CONTROLLER))!.nodeIds).toContain(0);
    expect(() => synth(chart)).toThrow(/overrides\[0\]\.brokers names node ids 0/);
    expect(() => cluster({ brokerCapacity: { overrides: [{ brokers: [100] }] } })).toThrow(/cruiseControl\.brokerCapacity\.overrides\[0\] sets no capacity/);
  });

  test('auto-rebalance: fails with no mode, and with template goals that leave out hard goals', () => {
    expect(() => cluster({ autoRebalance: {} })).toThrow(/cruiseControl\.autoRebalance names no mode \(Strimzi requires at least one\)/);
    expect(synthOf({ autoRebalance: { addBrokers: { goals: ['RackAwareGoal'] } } }))
      .toThrow(/cruiseControl\.autoRebalance\.addBrokers\.goals leave out the cluster's hard goals ReplicaCapacityGoal, DiskCapacityGoal, CpuCapacityGoal: Cruise Control refuses the rebalance/);
    expect(synthOf({ autoRebalance: { addBrokers: { goals: ['RackAwareGoal'], skipHardGoalCheck: true } } })).not.toThrow();
    expect(synthOf({ autoRebalance: { addBrokers: { goals: ['PreferredLeaderElectionGoal'] } } })).toThrow(/addBrokers\.goals\[0\] is not among the cluster's Cruise Control goals/);
  });
});

describe('KafkaRebalance', () => {
  test('full, add-brokers and remove-brokers: exact output, valid against the CRDs', () => {
    const { chart, kafka } = cluster(true);
    const full = kafka.addRebalance('Full', { goals: [...HARD, 'ReplicaDistributionGoal'], autoApproval: true });
    kafka.addRebalance('ScaleUp', { mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [102] });
    new KafkaRebalance(chart, 'Drain', { cluster: kafka, name: 'drain-101', mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [101], goals: ['RackAwareGoal'], skipHardGoalCheck: true });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaRebalance', 'full')).toEqual({
      apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaRebalance',
      metadata: { name: 'full', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' }, annotations: { 'strimzi.io/rebalance-auto-approval': 'true' } },
      spec: { goals: [...HARD, 'ReplicaDistributionGoal'] },
    });
    expect(find(manifests, 'KafkaRebalance', 'scaleup').spec).toEqual({ mode: 'add-brokers', brokers: [102] });
    expect(find(manifests, 'KafkaRebalance', 'drain-101').spec).toEqual({ mode: 'remove-brokers', brokers: [101], goals: ['RackAwareGoal'], skipHardGoalCheck: true });
    expect(ApiObject.of(full).kind).toBe('KafkaRebalance');
    expect(full.node.defaultChild).toBe(full.resource);
    expectValid(manifests);
  });

  test('fails on a cluster without Cruise Control', () => {
    expect(() => rebalance({}, false)()).toThrow(/KafkaRebalance 'rebalance' at test\/Kafka\/Rebalance: cluster is KafkaCluster 'my-cluster', which runs no Cruise Control.*set cruiseControl: true/);
    expect(() => rebalance({}, true)()).not.toThrow();
  });

  test('fails on brokers missing, misplaced or not the cluster\'s', () => {
    expect(() => rebalance({ mode: KafkaRebalanceMode.REMOVE_BROKERS })).toThrow(/brokers is required in mode remove-brokers/);
    expect(() => rebalance({ brokers: [101] })).toThrow(/brokers is given in mode full/);
    expect(() => rebalance({ mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [101, 101] })).toThrow(/brokers\[1\] names a broker twice/);
    expect(() => rebalance({ mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [-1] })).toThrow(/brokers\[0\] must be a node id/);
    expect(rebalance({ mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [103] }))
      .toThrow(/brokers names node ids 103, which are no brokers of KafkaCluster 'my-cluster' \(its brokers: 100, 101, 102\).*add the brokers to a node pool first/);
    expect(rebalance({ mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [102] })).not.toThrow();
    expect(rebalance({ mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [100, 101, 102] })).toThrow(/brokers names every broker of the cluster/);
    expect(rebalance({ mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [100, 101] })).not.toThrow();
  });

  test('fails on goals that are not the cluster\'s, or leave out its hard goals', () => {
    expect(() => rebalance({ goals: ['CpuCapacityGol'] })).toThrow(/goals\[0\] is not a Cruise Control goal .*did you mean 'CpuCapacityGoal'\?/);
    // A goal Strimzi knows, but not among this cluster's goals: Cruise Control says "not supported".
    expect(() => rebalance({ goals: [...HARD, 'TopicReplicaDistributionGoal'] }, { goals: [...HARD, 'ReplicaDistributionGoal'] }))
      .toThrow(/goals\[4\] is not among the cluster's Cruise Control goals .*Goals \[TopicReplicaDistributionGoal\] are not supported.*add it to the KafkaCluster's cruiseControl\.goals/);
    expect(rebalance({ goals: [...HARD, 'ReplicaDistributionGoal'] }, { goals: [...HARD, 'ReplicaDistributionGoal'] })).not.toThrow();
    expect(rebalance({ goals: ['RackAwareGoal', 'CpuCapacityGoal'] }))
      .toThrow(/KafkaRebalance 'rebalance' at test\/Kafka\/Rebalance: goals leave out the cluster's hard goals ReplicaCapacityGoal, DiskCapacityGoal.*set skipHardGoalCheck: true/);
    expect(rebalance({ goals: ['RackAwareGoal', 'CpuCapacityGoal'], skipHardGoalCheck: true })).not.toThrow();
  });
});
