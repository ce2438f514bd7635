import { Duration, Testing } from 'cdk8s';
import {
  Acl, AclOperation, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaMetrics, KafkaPodMonitor, ListenerAuthentication, UserAuthentication,
} from '../../src';
import { expectValid, find, synth } from '../support';

function setup() {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', metrics: KafkaMetrics.strimziMetricsReporter() });
  kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
  const topic = kafka.addTopic('orders');
  return { chart, kafka, topic };
}

const PRODUCES = [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE)];
const CONSUMES = [Acl.topic('orders').allow(AclOperation.READ, AclOperation.DESCRIBE)];

describe('KafkaClientWorkload', () => {
  test('a consumer group with shell characters is one quoted word of the script', () => {
    const { chart, kafka, topic } = setup();
    const user = kafka.addUser('consumer', { authentication: UserAuthentication.tls(), acls: [...CONSUMES, Acl.group("my group; id'$(x)").allow(AclOperation.READ)] });
    new KafkaClientWorkload(chart, 'Consumer', { cluster: kafka, user, topic, role: KafkaClientRole.CONSUMER, group: "my group; id'$(x)" });
    const script: string = find(synth(chart), 'Deployment', 'orders-consumer').spec.template.spec.containers[0].command[2];
    expect(script).toContain(`--group 'my group; id'\\''$(x)'`);
  });

  test('snapshot of a TLS producer', () => {
    const { chart, kafka, topic } = setup();
    const user = kafka.addUser('producer', { authentication: UserAuthentication.tls(), acls: PRODUCES });
    new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER, interval: Duration.seconds(2) });
    expect(synth(chart).filter((m) => m.kind === 'Deployment')).toMatchSnapshot();
  });

  test('a TLS user gets its PKCS12 keystore and the cluster CA, on the mTLS listener; restricted, read-only, limited', () => {
    const { chart, kafka, topic } = setup();
    const user = kafka.addUser('consumer', { authentication: UserAuthentication.tls(), acls: [...CONSUMES, Acl.group('consumer').allow(AclOperation.READ)] });
    new KafkaClientWorkload(chart, 'Consumer', { cluster: kafka, user, topic, role: KafkaClientRole.CONSUMER });
    const manifests = synth(chart);
    const pod = find(manifests, 'Deployment', 'orders-consumer').spec.template.spec;
    const script: string = pod.containers[0].command[2];
    expect(script).toContain('bootstrap.servers=events-kafka-bootstrap.kafka.svc:9094');
    expect(script).toContain('security.protocol=SSL');
    expect(script).toContain('ssl.keystore.location=/etc/kafka-user/user.p12');
    expect(script).toContain('--group consumer');
    expect(pod.volumes).toEqual(expect.arrayContaining([
      { name: 'kafka-ca', secret: { secretName: 'events-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { name: 'kafka-user', secret: { secretName: 'consumer' } },
    ]));
    expect(pod.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
    expect(pod.containers[0].image).toBe('apache/kafka:4.3.1');
    expectValid(manifests);
  });

  test('a SCRAM user gets SASL_SSL on the SCRAM listener', () => {
    const { chart, kafka, topic } = setup();
    const user = kafka.addUser('app', { acls: PRODUCES });
    new KafkaClientWorkload(chart, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    const script: string = find(synth(chart), 'Deployment', 'orders-producer').spec.template.spec.containers[0].command[2];
    expect(script).toContain('bootstrap.servers=events-kafka-bootstrap.kafka.svc:9093');
    expect(script).toContain('security.protocol=SASL_SSL\nssl.truststore.type=PEM');
    expect(script).toContain('sasl.mechanism=SCRAM-SHA-512');
  });

  test('fails when the listener does not authenticate the user', () => {
    const { chart, kafka, topic } = setup();
    const user = kafka.addUser('consumer', { authentication: UserAuthentication.tls() });
    expect(() => new KafkaClientWorkload(chart, 'C', { cluster: kafka, user, topic, role: KafkaClientRole.CONSUMER, listener: 'tls' })).toThrow(
      /KafkaClientWorkload 'C' at test\/C: listener must be a TLS listener that authenticates tls users like 'consumer' \(got "tls"\); add a TLS listener with ListenerAuthentication.tls\(\)/,
    );
  });
});

describe('KafkaPodMonitor', () => {
  test('scrapes the Strimzi pods of the cluster on tcp-prometheus', () => {
    const { chart, kafka } = setup();
    new KafkaPodMonitor(chart, 'Monitor', { cluster: kafka, labels: { release: 'monitoring' } });
    const manifests = synth(chart);
    const monitor = find(manifests, 'PodMonitor', 'events-kafka');
    expect(monitor).toMatchSnapshot();
    expect(monitor.spec).toEqual({
      selector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/kind': 'Kafka' } },
      podMetricsEndpoints: [{ port: 'tcp-prometheus', path: '/metrics', interval: '30s' }],
    });
    expectValid(manifests);
  });
});
