import { Testing } from 'cdk8s';
import { ClusterProfile, KafkaCluster, KafkaTopic, KafkaTopicOptions } from '../../src';
import { all, expectValid, find, synth } from '../support';

function setup() {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka' });
  return { chart, kafka };
}

describe('KafkaTopic', () => {
  test('snapshot of the default', () => {
    const { chart, kafka } = setup();
    kafka.addTopic('orders');
    expect(synth(chart).filter((m) => m.kind === 'KafkaTopic')).toMatchSnapshot();
  });

  test('in the cluster namespace, labelled for the topic operator, with partitions, replicas and config', () => {
    const { chart, kafka } = setup();
    const topic = kafka.addTopic('Orders', { topicName: 'orders', partitions: 12, replicas: 3, config: { 'retention.ms': 604800000, 'cleanup.policy': 'delete' } });
    const manifests = synth(chart);
    const resource = find(manifests, 'KafkaTopic', 'orders');
    expect(resource.metadata).toEqual({ name: 'orders', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(resource.spec).toEqual({ partitions: 12, replicas: 3, config: { 'retention.ms': 604800000, 'cleanup.policy': 'delete' } });
    expect(topic.topicName).toBe('orders');
    expect(topic.node.defaultChild).toBe(topic.resource);
    expectValid(manifests);
  });

  test('a Kafka name that is not a Kubernetes name keeps it in spec.topicName, under a derived name', () => {
    const { chart, kafka } = setup();
    kafka.addTopic('Events', { topicName: 'Payments_Events.v1' });
    const resource = all(synth(chart), 'KafkaTopic').find((t) => t.spec.topicName === 'Payments_Events.v1')!;
    expect(resource.metadata.name).toMatch(/^payments-events\.v1-[0-9a-f]{8}$/);
  });

  test('every legal Kafka topic name gets a valid, stable, distinct resource name', () => {
    const names = ['_schemas', 'orders-', '..a', '...', '___', 'orders_v1', 'orders-v1', 'Orders', 'orders', '-x-', 'a.-b', `${'x_'.repeat(124)}y`, '__consumer_offsets_mirror'];
    const { chart, kafka } = setup();
    // '...' and '___' collide in one Kafka cluster (Topic.hasCollision): the second lives in another cluster.
    const other = new KafkaCluster(chart, 'Other', { name: 'other', namespace: 'kafka-2' });
    names.forEach((topicName, i) => (topicName === '___' ? other : kafka).addTopic(`T${i}`, { topicName }));
    const topics = all(synth(chart), 'KafkaTopic');
    const byTopic = new Map(topics.map((t) => [t.spec.topicName ?? t.metadata.name, t.metadata.name]));
    expect([...byTopic.keys()].sort()).toEqual([...names].sort());
    expect(new Set(byTopic.values()).size).toBe(names.length);
    expect(byTopic.get('orders')).toBe('orders');
    expect(byTopic.get('orders-v1')).toBe('orders-v1');
    expect(byTopic.get('orders_v1')).toMatch(/^orders-v1-[0-9a-f]{8}$/);
    expect(byTopic.get('_schemas')).toMatch(/^schemas-[0-9a-f]{8}$/);
    expect(byTopic.get('...')).toMatch(/^topic-[0-9a-f]{8}$/);
    expectValid(topics);
    // the same name again gives the same resource name
    const again = setup();
    again.kafka.addTopic('S', { topicName: '_schemas' });
    expect(all(synth(again.chart), 'KafkaTopic')[0].metadata.name).toBe(byTopic.get('_schemas'));
  });

  test('the replicas default to the cluster default, sized down on a development cluster', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 1 } });
    kafka.addTopic('orders');
    expect(() => synth(chart)).not.toThrow();
    expect(kafka.defaultReplicationFactor).toBe(1);
  });

  test('a topic can be made directly against a cluster', () => {
    const { chart, kafka } = setup();
    new KafkaTopic(chart, 'Audit', { cluster: kafka, topicName: 'audit' });
    expect(find(synth(chart), 'KafkaTopic', 'audit').metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-cluster' });
  });

  describe('fails when', () => {
    test.each<[string, KafkaTopicOptions, RegExp]>([
      ['the name has characters Kafka rejects', { topicName: 'orders/eu' }, /KafkaTopic 'orders\/eu' at test\/Kafka\/T: topicName is not a valid Kafka topic name.* \(got "orders\/eu"\); use e.g. 'orders'/],
      ['the name is too long', { topicName: 'x'.repeat(250) }, /topicName is not a valid Kafka topic name/],
      ['partitions are 0', { partitions: 0 }, /partitions must be a whole number from 1 to 2147483647 \(Kafka's NumPartitions is an int32\) \(got 0\)/],
      ['replicas are not whole', { replicas: 1.5 }, /replicas must be a whole number from 1 to 32767 \(Kafka's ReplicationFactor is an int16\) \(got 1.5\)/],
    ])('%s', (_case, options, message) => {
      const { kafka } = setup();
      expect(() => kafka.addTopic('T', options)).toThrow(message);
    });

    test('replicas exceed the brokers', () => {
      const { chart, kafka } = setup();
      kafka.addTopic('orders', { replicas: 4 });
      expect(() => synth(chart)).toThrow(/KafkaTopic 'orders' at test\/Kafka\/orders: replicas exceed the 3 brokers of cluster 'my-cluster' \(got 4\); set at most 3, or add brokers/);
    });

    test.each([
      [2, 3, /config\['min.insync.replicas'\] must be less than the replication factor \(2\), or one replica down stops every acks=all write \(the topic has 2 replicas\) \(got 3\); set it to 1/],
      [3, 3, /must be less than the replication factor \(3\).*\(got 3\); set it to 2/],
    ])('a topic of %d replicas has min.insync.replicas %d', (replicas, minIsr, message) => {
      const { chart, kafka } = setup();
      kafka.addTopic('orders', { replicas, config: { 'min.insync.replicas': minIsr } });
      expect(() => synth(chart)).toThrow(message);
    });

    test("min.insync.replicas 0, below what Kafka's validator takes, fails at once", () => {
      const { kafka } = setup();
      expect(() => kafka.addTopic('orders', { replicas: 3, config: { 'min.insync.replicas': 0 } })).toThrow(/config\['min.insync.replicas'\] must be at least 1 \(Kafka's validator: \[1,...\]\), or Kafka refuses the configuration \(got 0\)/);
    });

    test('a 1-replica topic under the cluster min ISR 2 says what to do (not "set it below 1")', () => {
      const { chart, kafka } = setup();
      kafka.addTopic('scratch', { replicas: 1 });
      expect(() => synth(chart)).toThrow(/config\['min.insync.replicas'\] must be less than the replication factor \(1\), which no min ISR can be.*\(the cluster's min.insync.replicas applies to the topic's 1 replicas\) \(got 2\); raise the replication factor to 3/);
    });

    test('a 1-replica topic with min ISR 1 is fine on a development cluster', () => {
      const chart = Testing.chart();
      const kafka = new KafkaCluster(chart, 'Kafka', { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 1 } });
      kafka.addTopic('orders', { replicas: 1, config: { 'min.insync.replicas': 1 } });
      expect(() => synth(chart)).not.toThrow();
    });
  });
});
