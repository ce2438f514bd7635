import { App, Chart, Testing } from 'cdk8s';
import { Environment, KafkaCluster, SelfSignedClusterIssuer } from '../../src';

/** One production cluster `events` in namespace `kafka` of `chart`. */
function kafka(chart: Chart, id = 'Kafka', name = 'events', namespace = 'kafka'): KafkaCluster {
  return new KafkaCluster(chart, id, { name, namespace });
}

describe('the consistency pass: unique Kubernetes identity', () => {
  test('two users with one userName are one KafkaUser: an error naming both constructs, on Testing.synth', () => {
    const chart = Testing.chart();
    const cluster = kafka(chart);
    cluster.addUser('Orders', { userName: 'orders-app' });
    cluster.addUser('OrdersAgain', { userName: 'orders-app' });
    expect(() => Testing.synth(chart)).toThrow(
      /KafkaUser \(kafka.strimzi.io\) 'kafka\/orders-app' is emitted twice into the app: at test\/Kafka\/Orders\/Resource and at test\/Kafka\/OrdersAgain\/Resource; .*Give one of them another name/,
    );
  });

  test('two topics with one Kafka name are one KafkaTopic', () => {
    const chart = Testing.chart();
    const cluster = kafka(chart);
    cluster.addTopic('A', { topicName: 'orders' });
    cluster.addTopic('B', { topicName: 'orders' });
    expect(() => Testing.synth(chart)).toThrow(/KafkaTopic \(kafka.strimzi.io\) 'kafka\/orders' is emitted twice/);
  });

  test('topics Orders and orders are two topics, with two names', () => {
    const chart = Testing.chart();
    const cluster = kafka(chart);
    cluster.addTopic('Orders');
    cluster.addTopic('orders');
    expect(Testing.synth(chart).filter((o) => o.kind === 'KafkaTopic')).toHaveLength(2);
  });

  test('two clusters named events in one namespace clash, in one chart or in two charts of one app (app.synth)', () => {
    const chart = Testing.chart();
    kafka(chart, 'A');
    kafka(chart, 'B');
    expect(() => Testing.synth(chart)).toThrow(/KafkaCluster 'events' at test\/B: name makes Kafka \(kafka.strimzi.io\) 'kafka\/events', which test\/A\/Resource emits too into the app; .* \(got "events"\); give one of them another name \(or namespace\)/);

    const app = Testing.app();
    kafka(new Chart(app, 'one'));
    kafka(new Chart(app, 'two'));
    expect(() => app.synth()).toThrow(/KafkaCluster 'events' at two\/Kafka: name makes Kafka \(kafka.strimzi.io\) 'kafka\/events', which one\/Kafka\/Resource emits too into the app/);
  });

  test('one name in two namespaces, or in two clusters of an Environment, is fine', () => {
    const chart = Testing.chart();
    kafka(chart, 'A', 'events', 'team-a');
    kafka(chart, 'B', 'events', 'team-b');
    expect(() => Testing.synth(chart)).not.toThrow();

    const env = new Environment(new App(), 'prod');
    kafka(env.addCluster('eu', { namespaces: ['kafka'] }));
    kafka(env.addCluster('us', { namespaces: ['kafka'] }));
    expect(() => Testing.synth(env.charts.eu)).not.toThrow();
  });

  test('cluster-scoped objects clash whatever the chart namespace', () => {
    const app = Testing.app();
    new SelfSignedClusterIssuer(new Chart(app, 'a', { namespace: 'x' }), 'Issuer', { name: 'selfsigned' });
    new SelfSignedClusterIssuer(new Chart(app, 'b', { namespace: 'y' }), 'Issuer', { name: 'selfsigned' });
    expect(() => app.synth()).toThrow(/ClusterIssuer \(cert-manager.io\) 'selfsigned' is emitted twice into the app/);
  });
});
