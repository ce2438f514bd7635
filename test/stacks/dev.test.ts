import { Testing } from 'cdk8s';
import { DevEnvironment } from '../../src';
import { expectValid, find, synth } from '../support';

describe('DevEnvironment', () => {
  const env = new DevEnvironment(Testing.app());
  const manifests = synth(env.chart);

  test('snapshot of the kind cluster', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('the manifest validator finds nothing', () => {
    expectValid(manifests);
  });

  test('one controller (development profile, said so), three brokers, a SCRAM listener, an app user and a 12-partition topic', () => {
    const kafka = find(manifests, 'Kafka', 'gateway-api-test');
    expect(kafka.metadata.annotations!['kafka.cdk8s.io/profile']).toMatch(/^development/);
    expect(find(manifests, 'KafkaNodePool', 'controller').spec.replicas).toBe(1);
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.replicas).toBe(3);
    expect(kafka.spec.kafka.listeners).toEqual([expect.objectContaining({ name: 'tls', authentication: { type: 'scram-sha-512' } })]);
    expect(find(manifests, 'KafkaTopic', 'orders').spec.partitions).toBe(12);
    expect(find(manifests, 'KafkaUser', 'app').spec.authorization.acls).toHaveLength(2);
    expect(find(manifests, 'Namespace', 'kafka').metadata).toEqual({ name: 'kafka' });
    expect(env.kafka.bootstrapAddress()).toBe('gateway-api-test-kafka-bootstrap.kafka.svc:9093');
  });
});
