import { Chart, Testing } from 'cdk8s';
import { ClusterProfile, KafkaCluster, KafkaClusterProps, NodeIdRange, NodeRole } from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { maxReplicasInOneZone, zoneSuffix } from '../../src/kafka/zones';
import { all, expectValid, find, Manifest, synth } from '../support';

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

function cluster(props: KafkaClusterProps = {}): { chart: Chart; kafka: KafkaCluster } {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', ...props });
  return { chart, kafka };
}

/** The pool template's pod for a pool pinned to `zone` on `key`. */
function pinnedPod(pool: string, zone: string, key: string = 'topology.kubernetes.io/zone') {
  return {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [zone] }] }] } } },
    // Pinned to one zone: spread over its nodes only.
    topologySpreadConstraints: [{ labelSelector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/pool-name': pool } }, maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }],
  };
}

const KAFKA_CONTAINER = { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } };

function validate(chart: Chart): () => Manifest[] {
  return () => synth(chart);
}

describe('a broker pool per zone', () => {
  test('brokers.zones with replicasPerZone: one pinned pool per zone, named broker-<zone suffix>, with its own node ids', () => {
    const { chart, kafka } = cluster({ brokers: { zones: ZONES, replicasPerZone: 2 }, controllers: { zones: ZONES } });
    const manifests = synth(chart);
    const pools = all(manifests, 'KafkaNodePool');
    expect(pools.map((p) => p.metadata.name)).toEqual(['controller-1a', 'controller-1b', 'controller-1c', 'broker-1a', 'broker-1b', 'broker-1c']);
    expect(find(manifests, 'KafkaNodePool', 'broker-1b')).toEqual({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaNodePool',
      metadata: { name: 'broker-1b', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' }, annotations: { 'strimzi.io/next-node-ids': '[400-499]' } },
      spec: {
        replicas: 2,
        roles: ['broker'],
        storage: { type: 'persistent-claim', size: '100Gi', deleteClaim: false },
        resources: { requests: { cpu: '1000m', memory: '8Gi' }, limits: { memory: '8Gi' } },
        template: { pod: pinnedPod('broker-1b', 'eu-west-1b'), kafkaContainer: KAFKA_CONTAINER },
      },
    });
    expect(find(manifests, 'KafkaNodePool', 'controller-1c').spec).toEqual({
      replicas: 1,
      roles: ['controller'],
      storage: { type: 'persistent-claim', size: '10Gi', deleteClaim: false },
      resources: { requests: { cpu: '250m', memory: '2Gi' }, limits: { memory: '2Gi' } },
      template: { pod: pinnedPod('controller-1c', 'eu-west-1c'), kafkaContainer: KAFKA_CONTAINER },
    });
    // Node ids, pod names and zones, known at synth.
    expect(kafka.nodePools.map((p) => [p.poolName, p.zone, p.nodeIds])).toEqual([
      ['controller-1a', 'eu-west-1a', [0]], ['controller-1b', 'eu-west-1b', [100]], ['controller-1c', 'eu-west-1c', [200]],
      ['broker-1a', 'eu-west-1a', [300, 301]], ['broker-1b', 'eu-west-1b', [400, 401]], ['broker-1c', 'eu-west-1c', [500, 501]],
    ]);
    expect(kafka.brokerNodeIds).toEqual([300, 301, 400, 401, 500, 501]);
    expect(kafka.nodePools[3].podNames('events')).toEqual(['events-broker-1a-300', 'events-broker-1a-301']);
    expect(kafka.brokerZones).toEqual(ZONES);
    expect(kafka.brokerCount).toBe(6);
    expect(kafka.brokerPool).toBeUndefined();
    expect(kafka.controllerPool).toBeUndefined();
    // The pools are children of 'Brokers' / 'Controllers', one per zone.
    expect(kafka.nodePools[3].node.path).toBe('test/Kafka/Brokers/eu-west-1a');
    // Rack awareness as before: broker.rack from the same label.
    expect(find(manifests, 'Kafka', 'events').spec.kafka.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
    expect(ConsistencyPass.of(chart).warnings()).toEqual([]);
    expectValid(manifests);
  });

  test('without zones the pools are as before (not pinned, spread over zones and nodes)', () => {
    const { chart, kafka } = cluster();
    const pod = find(synth(chart), 'KafkaNodePool', 'broker').spec.template.pod;
    expect(pod.affinity).toBeUndefined();
    expect(pod.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(kafka.brokerPool!.zone).toBeUndefined();
    expect(kafka.brokerZones).toEqual([]);
  });

  test('the pin follows rackTopologyKey', () => {
    const { chart } = cluster({ rackTopologyKey: 'topology.example.com/rack', brokers: { zones: ['r1', 'r2', 'r3'] }, controllers: { zones: ['r1', 'r2', 'r3'] } });
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaNodePool', 'broker-r2').spec.template.pod).toEqual(pinnedPod('broker-r2', 'r2', 'topology.example.com/rack'));
    expectValid(manifests);
  });

  test('pool names: the zone\'s last part, or the name a zone gives; per-zone replicas and node ids', () => {
    expect(['eu-west-1a', 'europe-west1-b', 'westeurope-1', 'zone-A', 'a'].map(zoneSuffix)).toEqual(['1a', 'b', '1', 'a', 'a']);
    const { chart, kafka } = cluster({
      brokers: {
        zones: ['europe-west1-b', { zone: 'europe-west1-c', name: 'broker-west-c', nodeIds: NodeIdRange.of(1000, 1099) }, { zone: 'europe-west1-d', replicas: 1 }],
        replicasPerZone: 1,
      },
      controllers: { zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'] },
    });
    expect(kafka.nodePools.filter((p) => p.isBroker).map((p) => [p.poolName, p.nodeIdRange.toString(), p.replicas])).toEqual([
      ['broker-b', '[300-399]', 1], ['broker-west-c', '[1000-1099]', 1], ['broker-d', '[400-499]', 1],
    ]);
    expectValid(synth(chart));
  });

  test('addZonePools: dual-role nodes per zone on a cluster without default pools', () => {
    const { chart, kafka } = cluster({ defaultNodePools: false });
    const pools = kafka.addZonePools('Nodes', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], zones: ZONES });
    expect(pools.map((p) => [p.poolName, p.zone, p.roles])).toEqual([
      ['nodes-1a', 'eu-west-1a', ['controller', 'broker']], ['nodes-1b', 'eu-west-1b', ['controller', 'broker']], ['nodes-1c', 'eu-west-1c', ['controller', 'broker']],
    ]);
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaNodePool', 'nodes-1c').spec.template.pod).toEqual(pinnedPod('nodes-1c', 'eu-west-1c'));
    expectValid(manifests);
    // The same id twice is refused with the construct that holds it.
    expect(() => kafka.addZonePools('Nodes', { roles: [NodeRole.BROKER], zones: ['eu-west-1d'] })).toThrow(/Nodes/);
  });

  test('addNodePool with zone pins one pool', () => {
    const { chart, kafka } = cluster({ defaultNodePools: false });
    kafka.addZonePools('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER], zones: ZONES });
    ZONES.forEach((zone, i) => kafka.addNodePool(`B${i}`, { name: `kafka-${zoneSuffix(zone)}`, roles: [NodeRole.BROKER], replicas: 1, zone }));
    const manifests = synth(chart);
    expect(find(manifests, 'KafkaNodePool', 'kafka-1b').spec.template.pod).toEqual(pinnedPod('kafka-1b', 'eu-west-1b'));
    expect(kafka.brokerZones).toEqual(ZONES);
    expect(() => kafka.addNodePool('Bad', { roles: [NodeRole.BROKER], zone: 'eu west 1a' })).toThrow(
      /KafkaNodePool 'bad' at test\/Kafka\/Bad: zone must be a zone: the value of the nodes' zone label.* \(got "eu west 1a"\); use the label's value, e.g. 'eu-west-1a'/);
  });
});

describe('zone options are checked at once', () => {
  test.each<[string, KafkaClusterProps, KafkaClusterProps, RegExp]>([
    ['replicas with zones', { brokers: { zones: ZONES, replicas: 6 } }, { brokers: { zones: ZONES, replicasPerZone: 2 } },
      /KafkaCluster 'events' at test\/Kafka: brokers.replicas counts the nodes of one pool, and zones make one pool per zone \(got 6\); set replicasPerZone: 6 \(nodes per zone\)/],
    ['one nodeIds range with zones', { brokers: { zones: ZONES, nodeIds: NodeIdRange.of(100, 199) } }, { brokers: { zones: [{ zone: 'eu-west-1a', nodeIds: NodeIdRange.of(1000, 1099) }, 'eu-west-1b', 'eu-west-1c'] } },
      /brokers.nodeIds is one range, and zones make one pool per zone, each with its own range \(got "\[100-199\]"\); give each zone its range/],
    ['replicasPerZone without zones', { brokers: { replicasPerZone: 2 } }, { brokers: { replicas: 2 * 3 } },
      /brokers.replicasPerZone is set without zones \(got 2\); list the zones/],
    ['replicasPerZone 0', { brokers: { zones: ZONES, replicasPerZone: 0 } }, { brokers: { zones: ZONES, replicasPerZone: 1 } },
      /brokers.replicasPerZone must be a whole number >= 1 \(got 0\)/],
    ['no zones', { brokers: { zones: [] } }, { brokers: { zones: ZONES } },
      /brokers.zones must list at least one zone \(got \[\]\)/],
    ['a zone that is not a label value', { brokers: { zones: ['eu-west-1a', 'eu west 1b', 'eu-west-1c'] } }, { brokers: { zones: ZONES } },
      /brokers.zones\[1\] must be a zone: the value of the nodes' zone label.* \(got "eu west 1b"\); use the label's value, e.g. 'eu-west-1a'/],
    ['a zone twice', { brokers: { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1a'] } }, { brokers: { zones: ZONES } },
      /brokers.zones\[2\] repeats zones\[0\]: each zone has one pool \(got "eu-west-1a"\)/],
    ['two zones with one suffix', { brokers: { zones: ['us-east-1a', 'us-west-1a', 'us-west-1b'] } }, { brokers: { zones: ['us-east-1a', { zone: 'us-west-1a', name: 'broker-usw1a' }, 'us-west-1b'] } },
      /brokers.zones\[1\] makes the pool name 'broker-1a', as zones\[0\] 'us-east-1a' does .* \(got "us-west-1a"\); name the pools: \{ zone: 'us-west-1a', name: 'broker-us-west-1a' \}/],
    ['a suffix that is no DNS label', { brokers: { zones: ['zone_a', 'zone_b', 'zone_c'] } }, { brokers: { zones: [{ zone: 'zone_a', name: 'broker-a' }, { zone: 'zone_b', name: 'broker-b' }, { zone: 'zone_c', name: 'broker-c' }] } },
      /brokers.zones\[0\] makes the pool name 'broker-zone_a' .*which is not a DNS-1123 label \(got "zone_a"\); name the pool: \{ zone: 'zone_a', name: 'broker-a' \}/],
    ['zones as one string', { brokers: { zones: 'eu-west-1a' as unknown as string[] } }, { brokers: { zones: ['eu-west-1a'] }, profile: ClusterProfile.DEVELOPMENT },
      /brokers.zones must be an array/],
    ['a typo in a zone', { brokers: { zones: [{ zone: 'eu-west-1a', nmae: 'b' } as never] } }, { brokers: { zones: [{ zone: 'eu-west-1a', name: 'b' }] }, profile: ClusterProfile.DEVELOPMENT },
      /brokers\.zones\[0\]\.nmae is not a prop of NodePoolZone \(got "b"\); did you mean name\?/],
  ])('%s fails, the right value passes', (_case, wrong, right, message) => {
    expect(() => cluster(wrong)).toThrow(message);
    const controllers = right.profile === undefined && right.brokers?.zones !== undefined ? { controllers: { zones: ZONES } } : {};
    const { chart } = cluster({ ...controllers, ...right });
    expect(validate(chart)).not.toThrow();
  });

  test('pools of unequal size warn (they work, but the smaller zones carry more)', () => {
    const { chart } = cluster({ brokers: { zones: ['eu-west-1a', 'eu-west-1b', { zone: 'eu-west-1c', replicas: 1 }], replicasPerZone: 2 }, controllers: { zones: ZONES } });
    expect(validate(chart)).not.toThrow();
    expect(ConsistencyPass.of(chart).warnings()).toEqual([
      'KafkaCluster \'events\' at test/Kafka: brokers.zones have pools of unequal size (eu-west-1a: 2, eu-west-1b: 2, eu-west-1c: 1): Kafka\'s rack-aware placement gives every zone a replica of nearly every partition whatever its size (StripedReplicaPlacer: "racks are supposed to be about the same size -- if they aren\'t, this is a user error"), so the nodes of the smaller zones carry more partitions, disk and traffic (got ["eu-west-1a","eu-west-1b","eu-west-1c"]); give every zone the same number of nodes (replicasPerZone); when scaling, add one node per zone',
    ]);
    const equal = cluster({ brokers: { zones: ZONES, replicasPerZone: 2 }, controllers: { zones: ZONES } });
    synth(equal.chart);
    expect(ConsistencyPass.of(equal.chart).warnings()).toEqual([]);
  });

  test('brokers in zones with controllers left unpinned warn', () => {
    const { chart } = cluster({ brokers: { zones: ZONES } });
    expect(validate(chart)).not.toThrow();
    expect(ConsistencyPass.of(chart).warnings()).toEqual([
      "KafkaCluster 'events' at test/Kafka: controllers.zones are unset while the brokers are pinned to zones: the controllers are spread over zones only on a best-effort basis (a ScheduleAnyway topology spread), so one zone may hold a majority of them, and losing it stops leader elections (got undefined); pin them too: controllers: { zones: [...] } with one controller in each of 3 zones",
    ]);
  });
});

describe('a zone loss must not stop producers (production)', () => {
  test('rack awareness off with zones fails: the zones would not be racks', () => {
    const wrong = cluster({ rackAwareness: false, brokers: { zones: ZONES }, controllers: { zones: ZONES } });
    expect(validate(wrong.chart)).toThrow(
      /KafkaCluster 'events' at test\/Kafka: rackAwareness is false while broker pools are pinned to zones \(eu-west-1a, eu-west-1b, eu-west-1c\): brokers then get no broker.rack, .*\(got false\); leave rackAwareness on/);
    expect(validate(cluster({ rackAwareness: true, brokers: { zones: ZONES }, controllers: { zones: ZONES } }).chart)).not.toThrow();
    expect(validate(cluster({ rackAwareness: false, profile: ClusterProfile.DEVELOPMENT, brokers: { zones: ZONES } }).chart)).not.toThrow();
  });

  test('RF 3 / min ISR 2 over 2 zones fails (2 replicas in one zone leave 1); over 3 zones, or RF 4 over 2, passes', () => {
    const wrong = cluster({ brokers: { zones: ['eu-west-1a', 'eu-west-1b'], replicasPerZone: 2 }, controllers: { zones: ZONES } });
    expect(validate(wrong.chart)).toThrow(
      "KafkaCluster 'events' at test/Kafka: brokers.zones put the 4 brokers in 2 zones (eu-west-1a: 2, eu-west-1b: 2), where Kafka's rack-aware placement (StripedReplicaPlacer) can put so many replicas of a partition in one zone that losing the zone leaves fewer in sync than the min ISR, and acks=all writes fail with NotEnoughReplicas (RF − most replicas in one zone must be >= min ISR): up to 2 of the 3 replicas (default.replication.factor), leaving 1 < min.insync.replicas 2; up to 2 of the 3 replicas (offsets.topic.replication.factor), leaving 1 < min.insync.replicas 2; up to 2 of the 3 replicas (transaction.state.log.replication.factor), leaving 1 < transaction.state.log.min.isr 2 (got [\"eu-west-1a\",\"eu-west-1b\"]); spread the brokers evenly over 3 zones or more; raise default.replication.factor to 4 (4 − 2 in one zone = 2 >= 2), offsets.topic.replication.factor to 4 (4 − 2 in one zone = 2 >= 2), transaction.state.log.replication.factor to 4 (4 − 2 in one zone = 2 >= 2); or profile: ClusterProfile.DEVELOPMENT for a throwaway cluster");
    expect(validate(cluster({ brokers: { zones: ZONES, replicasPerZone: 2 }, controllers: { zones: ZONES } }).chart)).not.toThrow();
    const rf4 = { 'default.replication.factor': 4, 'offsets.topic.replication.factor': 4, 'transaction.state.log.replication.factor': 4 };
    expect(validate(cluster({ brokers: { zones: ['eu-west-1a', 'eu-west-1b'], replicasPerZone: 2 }, controllers: { zones: ZONES }, config: rf4 }).chart)).not.toThrow();
    // A throwaway cluster may live in two zones.
    expect(validate(cluster({ profile: ClusterProfile.DEVELOPMENT, brokers: { zones: ['eu-west-1a', 'eu-west-1b'], replicasPerZone: 2 } }).chart)).not.toThrow();
  });

  test('one factor alone: RF 5 / min ISR 4 over 3 zones fails (2 in a zone leave 3); min ISR 3 passes', () => {
    const props = (isr: number): KafkaClusterProps => ({ brokers: { zones: ZONES, replicasPerZone: 2 }, controllers: { zones: ZONES }, config: { 'default.replication.factor': 5, 'min.insync.replicas': isr } });
    expect(validate(cluster(props(4)).chart)).toThrow(/brokers.zones put the 6 brokers in 3 zones .*: up to 2 of the 5 replicas \(default.replication.factor\), leaving 3 < min.insync.replicas 4 \(got \["eu-west-1a","eu-west-1b","eu-west-1c"\]\); spread the brokers evenly over 5 zones or more; raise default.replication.factor to 6 \(6 − 2 in one zone = 4 >= 4\)/);
    expect(validate(cluster(props(3)).chart)).not.toThrow();
  });

  test('brokers of a pool pinned to no zone count where worst', () => {
    const { chart, kafka } = cluster({ defaultNodePools: false });
    kafka.addZonePools('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER], zones: ZONES });
    kafka.addZonePools('Brokers', { name: 'broker', roles: [NodeRole.BROKER], zones: ['eu-west-1a', 'eu-west-1b'] });
    const extra = kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], replicas: 1 });
    expect(validate(chart)).toThrow(/nodePools \(zones of the broker pools\) put the 3 brokers in 2 zones \(eu-west-1a: 1, eu-west-1b: 1; 1 in pools pinned to no zone \(extra\), counted where worst\), .*; pin pool 'extra' to a zone; spread the brokers evenly over 3 zones or more/);
    expect(extra.zone).toBeUndefined();
    const right = cluster({ defaultNodePools: false });
    right.kafka.addZonePools('Controllers', { name: 'controller', roles: [NodeRole.CONTROLLER], zones: ZONES });
    right.kafka.addZonePools('Brokers', { name: 'broker', roles: [NodeRole.BROKER], zones: ['eu-west-1a', 'eu-west-1b'] });
    right.kafka.addNodePool('Extra', { roles: [NodeRole.BROKER], replicas: 1, zone: 'eu-west-1c' });
    expect(validate(right.chart)).not.toThrow();
  });

  test('controllers in zones must keep a quorum majority without any one zone', () => {
    const wrong = cluster({ brokers: { zones: ZONES }, controllers: { zones: [{ zone: 'eu-west-1a', replicas: 2 }, 'eu-west-1b'] } });
    expect(validate(wrong.chart)).toThrow(
      "KafkaCluster 'events' at test/Kafka: controllers.zones put the 3 KRaft controllers in 2 zones (eu-west-1a: 2, eu-west-1b: 1): losing a zone can take 2, leaving 1 of the 2 voters a quorum needs (a majority: CandidateState.majoritySize), so no leader is elected and metadata, leader elections and partition reassignments stop (got [\"eu-west-1a\",\"eu-west-1b\"]); put at most 1 controller in any zone: 3 controllers need 3 zones or more, or profile: ClusterProfile.DEVELOPMENT for a throwaway cluster");
    expect(validate(cluster({ brokers: { zones: ZONES }, controllers: { zones: ZONES } }).chart)).not.toThrow();
    // 5 over 3 zones (2, 2, 1) keeps 3 of 5.
    expect(validate(cluster({ brokers: { zones: ZONES }, controllers: { zones: [{ zone: 'eu-west-1a', replicas: 2 }, { zone: 'eu-west-1b', replicas: 2 }, 'eu-west-1c'] } }).chart)).not.toThrow();
  });

  test('a topic that sets its own replicas or min ISR is held to the zone rule', () => {
    const { chart, kafka } = cluster({ brokers: { zones: ZONES, replicasPerZone: 2 }, controllers: { zones: ZONES } });
    kafka.addTopic('ledger', { replicas: 4, config: { 'min.insync.replicas': 3 } });
    expect(validate(chart)).toThrow(
      "KafkaTopic 'ledger' at test/Kafka/ledger: replicas leave 2 of the 4 replicas when a zone is lost: cluster 'events' has its brokers in 3 zones (eu-west-1a, eu-west-1b, eu-west-1c), and Kafka's rack-aware placement (StripedReplicaPlacer) can put 2 replicas of a partition in one, fewer than min.insync.replicas 3 remain, and acks=all writes fail with NotEnoughReplicas (got 4); raise replicas until replicas − replicas in one zone >= 3, or leave it unset for the cluster's default");
    const right = cluster({ brokers: { zones: ZONES, replicasPerZone: 2 }, controllers: { zones: ZONES } });
    right.kafka.addTopic('ledger', { replicas: 5, config: { 'min.insync.replicas': 3 } });
    expect(validate(right.chart)).not.toThrow();
  });

  test("the placement bound follows Kafka's StripedReplicaPlacer: round-robin over racks, skipping full ones", () => {
    expect(maxReplicasInOneZone(3, [1, 1, 1])).toBe(1);
    expect(maxReplicasInOneZone(3, [2, 2])).toBe(2);
    expect(maxReplicasInOneZone(3, [2, 2, 2])).toBe(1);
    expect(maxReplicasInOneZone(5, [2, 2, 2])).toBe(2);
    // A small rack fills first, the others take the rest.
    expect(maxReplicasInOneZone(4, [1, 5])).toBe(3);
    expect(maxReplicasInOneZone(3, [1, 3])).toBe(2);
    expect(maxReplicasInOneZone(3, [3])).toBe(3);
  });
});
