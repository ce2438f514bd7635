import { ApiObject, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import { CRUISE_CONTROL_GOALS, CruiseControlOptions, JbodVolume, KafkaCluster, KafkaClusterProps, KafkaRebalance, KafkaRebalanceMode, KafkaRebalanceOptions, KafkaStorage, NodeIdRange, NodeRole, ReplicaMovementStrategy } from '../../src';
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
    expect(() => cluster({ hardGoals: ['MyGoal'] })).toThrow(/cruiseControl\.hardGoals\[0\] is not a Cruise Control goal .*use one of RackAwareGoal, .*a goal class of Cruise Control's beyond these, or your own, by its fully qualified name/);
    expect(() => cluster({ goals: ['RackAwareGoal', 'com.example.class.MyGoal'] })).toThrow(/cruiseControl\.goals\[1\] is no goal class name: it has a part 'class', which is a Java keyword/);
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

describe('Cruise Control config', () => {
  test('config is passed on, beside the goal lists the library writes', () => {
    expect(ccSpec({ config: { 'num.concurrent.partition.movements.per.broker': 10, 'webserver.security.enable': true } }).config)
      .toEqual({ 'num.concurrent.partition.movements.per.broker': 10, 'webserver.security.enable': true });
    const config = ccSpec({ goals: [...HARD, 'ReplicaDistributionGoal'], config: { 'max.active.user.tasks': 5 } }).config;
    expect(config['max.active.user.tasks']).toBe(5);
    expect(config.goals).toBe([...HARD, 'ReplicaDistributionGoal'].map((g) => Q + g).join(','));
    // ssl.protocol is one of Strimzi's exceptions to the forbidden ssl. prefix.
    expect(ccSpec({ config: { 'ssl.protocol': 'TLSv1.3' } }).config).toEqual({ 'ssl.protocol': 'TLSv1.3' });
    expectValid(synth(cluster({ config: { 'num.concurrent.leader.movements': 500 } }).chart));
  });

  test('fails on goal lists in config, and on options Strimzi manages', () => {
    expect(() => cluster({ config: { 'default.goals': `${Q}RackAwareGoal` } }))
      .toThrow(/KafkaCluster 'my-cluster' at test\/Kafka: cruiseControl\.config\['default\.goals'\] is a goal list, which the library writes from cruiseControl\.defaultGoals .*; set cruiseControl\.defaultGoals to the goal names instead/);
    expect(() => cluster({ config: { goals: 'x' } })).toThrow(/cruiseControl\.config\['goals'\] is a goal list/);
    expect(() => cluster({ config: { 'bootstrap.servers': 'x:9092' } }))
      .toThrow(/cruiseControl\.config\['bootstrap\.servers'\] is an option Strimzi manages \(forbidden prefix 'bootstrap\.servers', CruiseControlSpec\.FORBIDDEN_PREFIXES\)/);
    expect(() => cluster({ config: { 'Self.Healing.enabled': true } })).toThrow(/forbidden prefix 'self\.healing\.'/);
    expect(() => cluster({ config: { 'webserver.http.port': 9091 } })).toThrow(/forbidden prefix 'webserver\.http\.'/);
    expect(() => cluster({ config: { '': 1 } })).toThrow(/cruiseControl\.config\[''\] is an empty option name/);
    expect(() => cluster({ config: { 'max.active.user.tasks': Number.NaN } })).toThrow(/cruiseControl\.config\['max\.active\.user\.tasks'\] must be a finite number \(got NaN\)/);
  });

  test('fails at synth when anomaly.detection.goals are not among the default goals (Strimzi would replace them)', () => {
    // Without an inbound network capacity, Strimzi's default goals leave out NetworkInboundCapacityGoal.
    expect(synthOf({ config: { 'anomaly.detection.goals': `${Q}RackAwareGoal,${Q}NetworkInboundCapacityGoal` } }))
      .toThrow(/cruiseControl\.config\['anomaly\.detection\.goals'\] names ".*NetworkInboundCapacityGoal", not among the default goals as Strimzi compares them .*CruiseControl\.checkGoals/);
    // Simple names are not what Strimzi compares with.
    expect(synthOf({ config: { 'anomaly.detection.goals': 'RackAwareGoal' } })).toThrow(/names "RackAwareGoal", not among the default goals/);
    // Strimzi's comparison drops a trailing comma (Java's String.split), but Cruise Control's ConfigDef keeps the empty item.
    expect(synthOf({ config: { 'anomaly.detection.goals': `${Q}RackAwareGoal, ${Q}DiskCapacityGoal` } })).not.toThrow();
    expect(synthOf({ config: { 'anomaly.detection.goals': `${Q}RackAwareGoal, ${Q}DiskCapacityGoal,` } })).toThrow(/cruiseControl\.config\['anomaly\.detection\.goals'\] must not have empty items: Cruise Control reads it \(with Kafka's ConfigDef\) as LIST/);
  });
});

describe('Cruise Control config values (Cruise Control 2.5.146 ConfigDef and sanity checks)', () => {
  const fails = (config: Record<string, string | number | boolean>) => () => cluster({ config });
  const at = (key: string) => `KafkaCluster 'my-cluster' at test/Kafka: cruiseControl\\.config\\['${key.replace(/\./g, '\\.')}'\\]`;

  test('values of Cruise Control\'s types and ranges pass, as given', () => {
    const config = {
      'num.concurrent.partition.movements.per.broker': 10,
      'num.concurrent.intra.broker.partition.movements': '3',
      'default.replication.throttle': 52428800,
      'cpu.balance.threshold': 1.1,
      'disk.capacity.threshold': '0.85',
      'webserver.security.enable': 'TRUE',
      'anomaly.notifier.class': 'com.linkedin.kafka.cruisecontrol.detector.notifier.SelfHealingNotifier',
      'default.replica.movement.strategies': 'com.linkedin.kafka.cruisecontrol.executor.strategy.PrioritizeSmallReplicaMovementStrategy,com.linkedin.kafka.cruisecontrol.executor.strategy.BaseReplicaMovementStrategy',
      'sample.store.topic.replication.factor': 3,
      'metric.reporter.topic': 'my.cruisecontrol.metrics',
      // Strimzi's documented example, with the sampling interval its metadata refresh needs.
      'metadata.max.age.ms': 300000,
      'metric.sampling.interval.ms': 300000,
      'send.buffer.bytes': 131072,
      // A plugin's own key is passed on unchecked.
      'my.plugin.setting': 'anything',
    };
    expect(ccSpec({ config }).config).toEqual(config);
    expectValid(synth(cluster({ config }).chart));
  });

  test.each<[string, Record<string, string | number | boolean>, RegExp]>([
    ['a movement count below its range', { 'num.concurrent.partition.movements.per.broker': -5 },
      /cruiseControl\.config\['num\.concurrent\.partition\.movements\.per\.broker'\] must be at least 1 \(Cruise Control's validator: \[1,\.\.\.\]\), or Cruise Control refuses to start \(got -5\); use e\.g\. 'num\.concurrent\.partition\.movements\.per\.broker': 5/],
    ['a movement count that is no number', { 'num.concurrent.partition.movements.per.broker': 'abc' }, /must be a whole number, without a unit: Cruise Control reads it \(with Kafka's ConfigDef\) as INT \(a Java int\) \(got "abc"\)/],
    ['a movement count that is a fraction', { 'num.concurrent.leader.movements': 2.5 }, /\['num\.concurrent\.leader\.movements'\] must be a whole number/],
    ['a movement count beyond a Java int', { 'num.concurrent.leader.movements': 2 ** 31 }, /must be from -2147483648 to 2147483647: Cruise Control reads it \(with Kafka's ConfigDef\) as INT/],
    ['a throttle with a unit', { 'default.replication.throttle': '50MB' },
      /\['default\.replication\.throttle'\] must be a whole number of bytes per second, without a unit: .*\(got "50MB"\); use 'default\.replication\.throttle': 52428800 for 50 MiB\/s \(or 50000000 for 50 MB\/s\)/],
    ['a throttle of 0', { 'default.replication.throttle': 0 }, /must be at least 1 byte per second: Cruise Control refuses a negative throttle on every rebalance .*ParameterUtils\.replicationThrottle/],
    ['a negative throttle', { 'default.replication.throttle': '-1' }, /\['default\.replication\.throttle'\] must be at least 1 byte per second/],
    ['a threshold out of [0, 1]', { 'disk.capacity.threshold': 1.5 }, /\['disk\.capacity\.threshold'\] must be from 0 to 1 \(Cruise Control's validator: \[0,\.\.\.,1\]\)/],
    ['a balance threshold below 1', { 'cpu.balance.threshold': 0.5 }, /\['cpu\.balance\.threshold'\] must be at least 1/],
    ['a boolean that is no boolean', { 'webserver.security.enable': 'yes' }, /\['webserver\.security\.enable'\] must be true or false: Cruise Control reads it \(with Kafka's ConfigDef\) as BOOLEAN/],
    ['a class named with a keyword', { 'anomaly.notifier.class': 'com.x.class' }, /\['anomaly\.notifier\.class'\] names a class "com\.x\.class" that has a part 'class', which is a Java keyword .*JLS 3\.9.*Class\.forName/],
    ['a class list with no Java name', { 'default.replica.movement.strategies': 'com.x.Good,com.x.not-a-class' }, /names a class "com\.x\.not-a-class" that has a part 'not-a-class', which is no Java identifier/],
    ['a list with an empty item', { 'default.replica.movement.strategies': 'com.x.A,,com.x.B' }, /must not have empty items/],
    ['empty intra-broker goals', { 'intra.broker.goals': '' }, /\['intra\.broker\.goals'\] is empty: Cruise Control refuses to start .*sanityCheckGoalNames/],
    ['a sample store topic that is no topic name', { 'partition.metric.sample.store.topic': 'my topic' }, /is not a valid Kafka topic name/],
    ['a replication factor of 0', { 'sample.store.topic.replication.factor': 0 }, /\['sample\.store\.topic\.replication\.factor'\] must be at least 1/],
    ['a key in the wrong case', { 'Num.Concurrent.Leader.Movements': 5 }, /is not a Cruise Control option: option names are case-sensitive.*did you mean 'num\.concurrent\.leader\.movements'\?/],
  ])('fails on %s', (_case, config, message) => {
    expect(fails(config)).toThrow(message);
  });

  test('fails when keys do not fit together as Cruise Control checks at start, unset keys at their defaults', () => {
    // 20 is not below concurrency.adjuster.max.partition.movements.per.broker (12 by default).
    expect(fails({ 'num.concurrent.partition.movements.per.broker': 20 }))
      .toThrow(new RegExp(`${at('num.concurrent.partition.movements.per.broker')} is 20, not below concurrency\\.adjuster\\.max\\.partition\\.movements\\.per\\.broker \\(12, Cruise Control's default\\): .*KafkaCruiseControlConfig\\.sanityCheckConcurrency\\) \\(got 20\\); lower it below 12, or raise`));
    expect(fails({ 'num.concurrent.partition.movements.per.broker': 20, 'concurrency.adjuster.max.partition.movements.per.broker': 25 })).not.toThrow();
    // The blamed key is the one set, the other at its default.
    expect(fails({ 'max.num.cluster.movements': 5 })).toThrow(/\['max\.num\.cluster\.movements'\] is 5, not at least max\.num\.cluster\.partition\.movements \(1250, Cruise Control's default\)/);
    expect(fails({ 'num.concurrent.leader.movements.per.broker': 300, 'num.concurrent.leader.movements': 200 })).toThrow(/\['num\.concurrent\.leader\.movements\.per\.broker'\] is 300, not at most num\.concurrent\.leader\.movements \(200, set here\)/);
    // Strimzi's documented metadata.max.age.ms (300000) is above Cruise Control's sampling interval (60000): it would not start.
    expect(fails({ 'metadata.max.age.ms': 300000 })).toThrow(/\['metadata\.max\.age\.ms'\] is 300000, not at most metric\.sampling\.interval\.ms \(60000, Cruise Control's default\): .*sanityCheckSamplingPeriod/);
    // The reporter must report at least as often as Cruise Control samples (60000 by default).
    expect(fails({ 'metric.sampling.interval.ms': 30000, 'metadata.max.age.ms': 30000 })).toThrow(/\['metric\.sampling\.interval\.ms'\] is 30000, not at least cruise\.control\.metrics\.reporter\.metrics\.reporting\.interval\.ms \(60000/);
    // At most 127 samples per window: Strimzi's 300000 ms windows against a 2000 ms interval make 150.
    expect(fails({ 'metric.sampling.interval.ms': 2000, 'metadata.max.age.ms': 2000, 'cruise.control.metrics.reporter.metrics.reporting.interval.ms': 2000 }))
      .toThrow(/\['metric\.sampling\.interval\.ms'\] makes partition\.metrics\.window\.ms \/ metric\.sampling\.interval\.ms 150 samples per window \(300000 \/ 2000\), more than 127/);
    expect(fails({ 'task.execution.alerting.threshold.ms': 180000 })).toThrow(/is 180000, not below leader\.movement\.timeout\.ms \(180000, Cruise Control's default\)/);
    expect(fails({ 'topic.replica.count.balance.min.gap': 50 })).toThrow(/not at most topic\.replica\.count\.balance\.max\.gap \(40/);
  });

  test('fails at synth when intra-broker goals share a goal with goals', () => {
    expect(synthOf({ config: { 'intra.broker.goals': `${Q}IntraBrokerDiskCapacityGoal` } })).not.toThrow();
    expect(synthOf({ config: { 'intra.broker.goals': `${Q}IntraBrokerDiskCapacityGoal,${Q}RackAwareGoal` } }))
      .toThrow(/cruiseControl\.config\['intra\.broker\.goals'\] names .*RackAwareGoal, also among goals: Cruise Control refuses to start/);
  });
});

describe('auto-rebalance templates', () => {
  test('templateName and tuning options: exact output', () => {
    const manifests = synth(cluster({
      autoRebalance: {
        addBrokers: { templateName: 'my-add-brokers-rebalancing-template' },
        removeBrokers: { templateName: 'drain', replicationThrottle: Size.mebibytes(50), concurrentPartitionMovementsPerBroker: 2, concurrentLeaderMovements: 100, excludedTopics: '__.*', replicaMovementStrategies: [ReplicaMovementStrategy.PRIORITIZE_SMALL, ReplicaMovementStrategy.BASE] },
      },
    }).chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.cruiseControl.autoRebalance).toEqual([
      { mode: 'add-brokers', template: { name: 'my-add-brokers-rebalancing-template' } },
      { mode: 'remove-brokers', template: { name: 'drain' } },
    ]);
    expect(find(manifests, 'KafkaRebalance', 'my-add-brokers-rebalancing-template').spec).toEqual({});
    expect(find(manifests, 'KafkaRebalance', 'drain')).toEqual({
      apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaRebalance',
      metadata: { name: 'drain', namespace: 'kafka', annotations: { 'strimzi.io/rebalance-template': 'true' } },
      spec: { replicationThrottle: 52428800, concurrentPartitionMovementsPerBroker: 2, concurrentLeaderMovements: 100, excludedTopics: '__.*', replicaMovementStrategies: ['PrioritizeSmallReplicaMovementStrategy', 'BaseReplicaMovementStrategy'] },
    });
    expectValid(manifests);
  });

  test('fails on template names that are no names, or one name for both modes', () => {
    expect(() => cluster({ autoRebalance: { addBrokers: { templateName: 'Bad_Name' } } })).toThrow(/cruiseControl\.autoRebalance\.addBrokers\.templateName/);
    expect(() => cluster({ autoRebalance: { addBrokers: { templateName: 't', skipHardGoalCheck: true }, removeBrokers: { templateName: 't' } } }))
      .toThrow(/cruiseControl\.autoRebalance\.removeBrokers\.templateName is the name of the addBrokers template too, whose options differ: one KafkaRebalance cannot hold both/);
    expect(() => cluster({ autoRebalance: { addBrokers: { concurrentLeaderMovements: 0 } } }))
      .toThrow(/cruiseControl\.autoRebalance\.addBrokers\.concurrentLeaderMovements must be a whole number from 1 to 2147483647 \(Strimzi takes 0 as "not set"/);
  });

  test('fails when a KafkaRebalance takes the name of the one Strimzi makes on a scale-up', () => {
    const { chart, kafka } = cluster({ autoRebalance: { addBrokers: {} } });
    kafka.addRebalance('Clash', { name: 'my-cluster-auto-rebalancing-add-brokers' });
    expect(() => synth(chart)).toThrow(/my-cluster-auto-rebalancing-add-brokers/);
  });
});

/** A cluster whose brokers (100-102) have JBOD volumes 0-2, and a controller pool without JBOD. */
function jbodCluster() {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', {
    name: 'my-cluster', namespace: 'kafka', cruiseControl: true, defaultNodePools: false,
  });
  kafka.addNodePool('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER], nodeIds: NodeIdRange.of(0, 99) });
  kafka.addNodePool('Brokers', {
    name: 'broker', roles: [NodeRole.BROKER], nodeIds: NodeIdRange.of(100, 199),
    storage: KafkaStorage.jbod(JbodVolume.persistentClaim({ size: Size.gibibytes(10) }), JbodVolume.persistentClaim({ size: Size.gibibytes(10) }), JbodVolume.persistentClaim({ size: Size.gibibytes(10) })),
  });
  kafka.addNodePool('Single', { name: 'single', roles: [NodeRole.BROKER], nodeIds: NodeIdRange.of(200, 299), replicas: 1 });
  return { chart, kafka };
}
const disks = (options: KafkaRebalanceOptions) => {
  const { chart, kafka } = jbodCluster();
  kafka.addRebalance('Rebalance', { mode: KafkaRebalanceMode.REMOVE_DISKS, ...options });
  return () => synth(chart);
};

describe('KafkaRebalance: remove-disks, intra-broker balancing and tuning', () => {
  test('remove-disks: exact output, valid against the CRDs', () => {
    const { chart, kafka } = jbodCluster();
    kafka.addRebalance('Empty', { name: 'my-rebalance', mode: KafkaRebalanceMode.REMOVE_DISKS, moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [1, 2] }, { brokerId: 101, volumeIds: [0] }], autoApproval: true });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaRebalance', 'my-rebalance')).toEqual({
      apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaRebalance',
      metadata: { name: 'my-rebalance', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' }, annotations: { 'strimzi.io/rebalance-auto-approval': 'true' } },
      spec: { mode: 'remove-disks', moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [1, 2] }, { brokerId: 101, volumeIds: [0] }] },
    });
    expectValid(manifests);
  });

  test('remove-disks fails on volumes missing, repeated, or not the broker\'s JBOD volumes', () => {
    expect(() => disks({})()).toThrow(/moveReplicasOffVolumes is required in mode remove-disks .*"The brokers and volume IDs list is mandatory"/);
    expect(() => disks({ moveReplicasOffVolumes: [] })()).toThrow(/moveReplicasOffVolumes is required in mode remove-disks/);
    expect(() => disks({ moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [] }] })()).toThrow(/moveReplicasOffVolumes\[0\]\.volumeIds is empty/);
    expect(() => disks({ moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [1, 1] }] })()).toThrow(/moveReplicasOffVolumes\[0\]\.volumeIds\[1\] names a volume twice/);
    expect(() => disks({ moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [-1] }] })()).toThrow(/moveReplicasOffVolumes\[0\]\.volumeIds\[0\] must be a JBOD volume id/);
    expect(() => disks({ moveReplicasOffVolumes: [{ brokerId: 1.5, volumeIds: [1] }] })()).toThrow(/moveReplicasOffVolumes\[0\]\.brokerId must be a node id/);
    expect(() => disks({ moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [1] }, { brokerId: 100, volumeIds: [2] }] })())
      .toThrow(/moveReplicasOffVolumes\[1\]\.brokerId names broker 100 again \(also moveReplicasOffVolumes\[0\]\) \(got 100\); list all the volumes of a broker in one entry/);
    // At synth, against the pools.
    expect(disks({ moveReplicasOffVolumes: [{ brokerId: 0, volumeIds: [1] }] })).toThrow(/moveReplicasOffVolumes\[0\]\.brokerId is node id 0, which is no broker of KafkaCluster 'my-cluster' \(its brokers: 100, 101, 102, 200\)/);
    expect(disks({ moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [3] }] }))
      .toThrow(/moveReplicasOffVolumes\[0\]\.volumeIds name volumes 3, which broker 100 \(pool 'broker', volumes 0, 1, 2\) does not have: Cruise Control refuses them \("Invalid log dirs provided for broker 100"\)/);
    expect(disks({ moveReplicasOffVolumes: [{ brokerId: 100, volumeIds: [0, 1, 2] }] })).toThrow(/volumeIds name every volume of broker 100 .*"No log dir remaining to move replicas to"/);
    expect(disks({ moveReplicasOffVolumes: [{ brokerId: 200, volumeIds: [0] }] })).toThrow(/volumeIds name volumes of broker 200, whose pool 'single' has no JBOD storage: its one volume mounts at \/var\/lib\/kafka\/data/);
    expect(disks({ moveReplicasOffVolumes: [{ brokerId: 102, volumeIds: [0, 2] }] })).not.toThrow();
  });

  test('fails on options Strimzi does not pass to Cruise Control in the mode', () => {
    const volumes = [{ brokerId: 100, volumeIds: [1] }];
    expect(() => disks({ moveReplicasOffVolumes: volumes, brokers: [100] })).toThrow(/brokers is given in mode remove-disks, in which Strimzi does not pass it to Cruise Control.*remove-disks takes moveReplicasOffVolumes/);
    expect(() => disks({ moveReplicasOffVolumes: volumes, goals: HARD })).toThrow(/goals is given in mode remove-disks.*IntraBrokerDiskCapacityGoal/);
    expect(() => disks({ moveReplicasOffVolumes: volumes, replicationThrottle: Size.mebibytes(1) })).toThrow(/replicationThrottle is given in mode remove-disks/);
    expect(() => disks({ moveReplicasOffVolumes: volumes, skipHardGoalCheck: false })).not.toThrow();
    expect(() => rebalance({ moveReplicasOffVolumes: volumes })).toThrow(/moveReplicasOffVolumes is given in mode full.*use KafkaRebalanceMode\.REMOVE_DISKS/);
    expect(() => rebalance({ mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [102], rebalanceDisk: true })).toThrow(/rebalanceDisk is given in mode add-brokers.*use KafkaRebalanceMode\.FULL/);
    expect(() => rebalance({ mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [102], concurrentIntraBrokerPartitionMovements: 2 })).toThrow(/concurrentIntraBrokerPartitionMovements is given in mode remove-brokers/);
    expect(() => rebalance({ rebalanceDisk: true, goals: HARD })).toThrow(/goals are given with rebalanceDisk: Strimzi refuses the rebalance \("The goals list should be empty/);
    // The default pools have one volume per broker: nothing to balance between.
    expect(rebalance({ rebalanceDisk: true })).toThrow(/rebalanceDisk balances between the JBOD volumes of each broker, and no broker pool of KafkaCluster 'my-cluster' has more than one: the proposal would move nothing/);
  });

  test('intra-broker balancing and tuning: exact output', () => {
    const { chart, kafka } = jbodCluster();
    kafka.addRebalance('Disks', { rebalanceDisk: true, concurrentIntraBrokerPartitionMovements: 4 });
    kafka.addRebalance('Tuned', {
      mode: KafkaRebalanceMode.ADD_BROKERS, brokers: [102], excludedTopics: 'connect-.*', concurrentPartitionMovementsPerBroker: 3, concurrentLeaderMovements: 500,
      replicationThrottle: Size.kibibytes(512), replicaMovementStrategies: [ReplicaMovementStrategy.POSTPONE_URP],
    });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaRebalance', 'disks').spec).toEqual({ rebalanceDisk: true, concurrentIntraBrokerPartitionMovements: 4 });
    expect(find(manifests, 'KafkaRebalance', 'tuned').spec).toEqual({
      mode: 'add-brokers', brokers: [102], excludedTopics: 'connect-.*', concurrentPartitionMovementsPerBroker: 3, concurrentLeaderMovements: 500,
      replicationThrottle: 524288, replicaMovementStrategies: ['PostponeUrpReplicaMovementStrategy'],
    });
    expectValid(manifests);
  });

  test('fails on tuning values Strimzi or Cruise Control would not take', () => {
    expect(() => rebalance({ concurrentPartitionMovementsPerBroker: 0 })).toThrow(/concurrentPartitionMovementsPerBroker must be a whole number from 1 to 2147483647 \(Strimzi takes 0 as "not set"/);
    expect(() => rebalance({ concurrentLeaderMovements: 2.5 })).toThrow(/concurrentLeaderMovements must be a whole number from 1/);
    expect(() => rebalance({ concurrentIntraBrokerPartitionMovements: 2 ** 31 })).toThrow(/concurrentIntraBrokerPartitionMovements must be a whole number from 1 to 2147483647/);
    expect(() => rebalance({ replicationThrottle: Size.kibibytes(0.0001) })).toThrow(/replicationThrottle must be a whole, positive number of bytes per second \(got Size\.kibibytes\(0\.0001\)\); use e\.g\. Size\.mebibytes\(50\)/);
    expect(() => rebalance({ excludedTopics: '' })).toThrow(/excludedTopics is empty: it matches no topic name/);
    expect(() => rebalance({ excludedTopics: 'orders-(' })).toThrow(/excludedTopics is not a regular expression .*Cruise Control refuses the request/);
    // Java-only syntax (a possessive quantifier) is passed on unchecked.
    expect(rebalance({ excludedTopics: 'orders-.*+' })).not.toThrow();
    expect(() => rebalance({ replicaMovementStrategies: [] })).toThrow(/replicaMovementStrategies is empty/);
    expect(() => rebalance({ replicaMovementStrategies: [ReplicaMovementStrategy.BASE, ReplicaMovementStrategy.BASE] })).toThrow(/replicaMovementStrategies\[1\] names a strategy twice/);
    expect(() => rebalance({ replicaMovementStrategies: ['Fastest' as ReplicaMovementStrategy] })).toThrow(/replicaMovementStrategies\[0\] must be one of/);
  });
});

describe('KafkaRebalance of a cluster made elsewhere', () => {
  const imported = (brokers?: number) => {
    const chart = Testing.chart();
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'Platform', { name: 'my-cluster', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }], brokers });
    return { chart, kafka };
  };

  test('goes to the cluster\'s namespace with its label; checks only what the attributes tell', () => {
    const { chart, kafka } = imported();
    new KafkaRebalance(chart, 'Disks', { cluster: kafka, name: 'my-rebalance', mode: KafkaRebalanceMode.REMOVE_DISKS, moveReplicasOffVolumes: [{ brokerId: 0, volumeIds: [1] }] });
    // No goals, brokers or volumes of its own are known: goals Strimzi knows pass without the hard-goal check.
    new KafkaRebalance(chart, 'Goals', { cluster: kafka, goals: ['CpuCapacityGoal', 'RackAwareGoal'] });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaRebalance', 'my-rebalance').metadata).toEqual({ name: 'my-rebalance', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(find(manifests, 'KafkaRebalance', 'goals').spec).toEqual({ goals: ['CpuCapacityGoal', 'RackAwareGoal'] });
    expectValid(manifests);
  });

  test('fails on goals Strimzi does not know, and on removing as many brokers as it declares', () => {
    const { chart, kafka } = imported(3);
    expect(() => new KafkaRebalance(chart, 'Bad', { cluster: kafka, goals: ['RackAwareGoals'] })).toThrow(/KafkaRebalance 'bad' at test\/Bad: goals\[0\] is not a Cruise Control goal .*did you mean 'RackAwareGoal'\?/);
    new KafkaRebalance(chart, 'Drain', { cluster: kafka, mode: KafkaRebalanceMode.REMOVE_BROKERS, brokers: [3, 4, 5] });
    expect(() => synth(chart)).toThrow(/brokers names 3 brokers, and cluster 'my-cluster' has 3: there would be nowhere to move the partitions/);
    expect(() => new KafkaRebalance(Testing.chart(), 'NoCluster', { cluster: 'my-cluster' as unknown as KafkaCluster })).toThrow(/KafkaRebalance 'NoCluster' at test\/NoCluster: cluster must be an IKafkaCluster/);
  });
});


test('goal classes beyond Strimzi\'s list, by their fully qualified names, pass through (Cruise Control\'s own cruisecontrol.properties lists KafkaAssigner goals; Strimzi passes goals through)', () => {
  const assigner = 'com.linkedin.kafka.cruisecontrol.analyzer.kafkaassigner.KafkaAssignerEvenRackAwareGoal';
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', cruiseControl: { goals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', assigner], defaultGoals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal'] } });
  kafka.addRebalance('Assign', { goals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', assigner] });
  const objects = synth(chart);
  expect(find(objects, 'Kafka', 'my-cluster').spec.cruiseControl.config.goals).toContain(`,${assigner}`);
  expect(find(objects, 'KafkaRebalance', 'assign').spec.goals).toContain(assigner);
});

test('one template both modes name, with the same options, is made once (Strimzi\'s docs share one: proc-automating-rebalances)', () => {
  const chart = Testing.chart();
  new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', cruiseControl: { autoRebalance: { addBrokers: { templateName: 'shared', skipHardGoalCheck: true }, removeBrokers: { templateName: 'shared', skipHardGoalCheck: true } } } });
  const objects = synth(chart);
  expect(objects.filter((o) => o.kind === 'KafkaRebalance').map((o) => o.metadata.name)).toEqual(['shared']);
  expect(find(objects, 'Kafka', 'my-cluster').spec.cruiseControl.autoRebalance).toEqual([
    { mode: 'add-brokers', template: { name: 'shared' } }, { mode: 'remove-brokers', template: { name: 'shared' } },
  ]);
});

test('a goal class in a subpackage of the goals package keeps its full name (only the package\'s own goals have simple names)', () => {
  const assigner = 'com.linkedin.kafka.cruisecontrol.analyzer.goals.kafkaassigner.KafkaAssignerDiskUsageDistributionGoal';
  const chart = Testing.chart();
  new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', cruiseControl: { goals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', assigner], defaultGoals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal'] } });
  expect(find(synth(chart), 'Kafka', 'my-cluster').spec.cruiseControl.config.goals.split(',')).toContain(assigner);
});

test('a template both modes name, one with skipHardGoalCheck: false and one without, is one template (false is the default)', () => {
  const chart = Testing.chart();
  new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', cruiseControl: { autoRebalance: { addBrokers: { templateName: 'rb', skipHardGoalCheck: false }, removeBrokers: { templateName: 'rb' } } } });
  expect(synth(chart).filter((o) => o.kind === 'KafkaRebalance').map((o) => o.metadata.name)).toEqual(['rb']);
});
