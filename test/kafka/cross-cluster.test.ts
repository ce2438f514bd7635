import { App, Chart, Testing } from 'cdk8s';
import {
  Acl, AclOperation, Environment, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaMetrics, KafkaPodMonitor, KafkaTopic, KafkaUser,
} from '../../src';
import { synth } from '../support';

/** An environment of two Kubernetes clusters, `a` running the Kafka cluster `events`. */
function setup() {
  const env = new Environment(Testing.app(), 'prod');
  const a = env.addCluster('a', { namespaces: ['kafka'] });
  const b = env.addCluster('b', { namespaces: ['kafka'] });
  const kafka = new KafkaCluster(a, 'Kafka', { name: 'events', namespace: 'kafka', metrics: KafkaMetrics.strimziMetricsReporter() });
  return { a, b, kafka };
}

const elsewhere = (path: string, kind: string) =>
  new RegExp(`${kind} '[^']+' at ${path}: cluster refers to Kafka \\(kafka.strimzi.io\\) 'kafka/events', which nothing in cluster 'b' \\(prod/b\\) emits or makes. It exists as Kafka kafka/events in cluster 'a' \\(prod/a\\) \\(Kafka at prod/a/Kafka/Resource\\)`);

describe('a resource of a Kafka cluster must be in that cluster\'s Kubernetes cluster (Environment.addCluster charts are separate clusters)', () => {
  test('a KafkaTopic in the chart of another cluster fails at synth: no topic operator there reconciles it', () => {
    const { b, kafka } = setup();
    new KafkaTopic(b, 'orders', { cluster: kafka });
    expect(() => synth(b)).toThrow(elsewhere('prod/b/orders', 'KafkaTopic'));
    expect(() => synth(b)).toThrow(/create the topic in the chart of the Kubernetes cluster that runs Kafka 'events' \(prod\/a\/Kafka\), e.g. with its addTopic\(\): only its topic operator reconciles it/);
  });

  test('a KafkaUser in the chart of another cluster fails; its Secret is the user operator\'s, in the Kafka cluster\'s Kubernetes cluster', () => {
    const { a, b, kafka } = setup();
    const topic = kafka.addTopic('orders');
    const user = new KafkaUser(b, 'app', { cluster: kafka, acls: [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE)] });
    // A workload beside the Kafka cluster finds the Secret there; only the misplaced user is reported.
    new KafkaClientWorkload(a, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    let message = '';
    try {
      synth(a);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(elsewhere('prod/b/app', 'KafkaUser'));
    expect(message).toMatch(/create the user in the chart of the Kubernetes cluster that runs Kafka 'events' \(prod\/a\/Kafka\), e.g. with its addUser\(\)/);
    expect(message).not.toMatch(/Secret 'kafka\/app'/);
  });

  test('a KafkaPodMonitor or a KafkaClientWorkload in the chart of another cluster fails', () => {
    const monitor = setup();
    new KafkaPodMonitor(monitor.b, 'Monitor', { cluster: monitor.kafka });
    expect(() => synth(monitor.b)).toThrow(elsewhere('prod/b/Monitor', 'KafkaPodMonitor'));

    const workload = setup();
    const topic = workload.kafka.addTopic('orders');
    const user = workload.kafka.addUser('app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE)] });
    new KafkaClientWorkload(workload.b, 'Producer', { cluster: workload.kafka, user, topic, role: KafkaClientRole.PRODUCER });
    expect(() => synth(workload.b)).toThrow(elsewhere('prod/b/Producer', 'KafkaClientWorkload'));
  });

  test('in the Kafka cluster\'s own Kubernetes cluster, in any chart of it, they resolve', () => {
    const { a, kafka } = setup();
    const topic = new KafkaTopic(a, 'orders', { cluster: kafka });
    const user = new KafkaUser(a, 'app', { cluster: kafka, acls: [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE)] });
    kafka.addTopic('payments');
    kafka.addUser('billing');
    new KafkaPodMonitor(a, 'Monitor', { cluster: kafka });
    new KafkaClientWorkload(a, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    expect(() => synth(a)).not.toThrow();

    // Charts of a plain app are one cluster: a topic in another chart than its Kafka is fine.
    const app = new App();
    const one = new Chart(app, 'one');
    const two = new Chart(app, 'two');
    const events = new KafkaCluster(one, 'Kafka', { name: 'events', namespace: 'kafka' });
    new KafkaTopic(two, 'orders', { cluster: events });
    new KafkaUser(two, 'app', { cluster: events });
    expect(() => synth(two)).not.toThrow();
  });
});
