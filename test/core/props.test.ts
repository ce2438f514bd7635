import { readFileSync } from 'fs';
import { Duration, Size, Testing } from 'cdk8s';
import { generate, OUTPUT } from '../../scripts/prop-shapes';
import { HostnameScheme, KafkaBridge, KafkaCluster, KafkaStorage, KafkaTopic } from '../../src';

describe('runtime prop shapes', () => {
  test('src/core/prop-shapes.generated.ts is what scripts/prop-shapes.ts writes from the current types (npm run shapes)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generate());
  });

  test('a wrong type from plain JavaScript names the construct, the prop, the value and what to give', () => {
    const chart = Testing.chart();
    expect(() => new KafkaCluster(chart, 'Kafka', { brokers: { replicas: '3' as any } })).toThrow(
      "KafkaCluster 'Kafka' at test/Kafka: brokers.replicas must be a finite number (got \"3\"); give a finite number",
    );
    expect(() => new KafkaCluster(chart, 'K2', { rackAwareness: 'false' as any })).toThrow(/rackAwareness must be true or false \(got "false"\); give true or false \(a boolean, not a string\)/);
    expect(() => new KafkaCluster(chart, 'K3', { profile: 'prod' as any })).toThrow(/profile must be one of ClusterProfile.PRODUCTION, ClusterProfile.DEVELOPMENT \(got "prod"\)/);
  });

  test('NaN is reported as NaN, and a NaN Duration or Size as not finite', () => {
    const chart = Testing.chart();
    const cluster = new KafkaCluster(chart, 'Kafka');
    expect(() => cluster.addTopic('Orders', { partitions: NaN })).toThrow(/options.partitions must be a finite number \(got NaN\)/);
    expect(() => KafkaStorage.persistentClaim({ size: Size.gibibytes(NaN) })).toThrow(/^KafkaStorage.persistentClaim\(\): options.size must be a finite Size/);
    expect(() => new KafkaBridge(chart, 'Bridge', { kafka: undefined as any, consumerTimeout: Duration.seconds(NaN) })).toThrow(/KafkaBridge 'Bridge' at test\/Bridge: kafka is required/);
  });

  test('static factories name themselves', () => {
    expect(() => HostnameScheme.subdomain(null as any)).toThrow(/^HostnameScheme.subdomain\(\): domain must be a string \(got null\); give a string$/);
    expect(() => HostnameScheme.subdomain('kafka.test', null as any)).toThrow(/^HostnameScheme.subdomain\(\): options must be a SubdomainSchemeOptions object \(got null\)/);
  });

  test('a construct id that is not a non-empty string fails before the constructs library sees it', () => {
    const chart = Testing.chart();
    const cluster = new KafkaCluster(chart, 'Kafka');
    expect(() => new KafkaTopic(chart, 42 as any, { cluster })).toThrow(/^KafkaTopic in test: id must be a non-empty string, unique in its scope \(got 42\)/);
    expect(() => cluster.addTopic('')).toThrow(/^KafkaTopic in test\/Kafka: id must be a non-empty string/);
    expect(() => new KafkaCluster({} as any, 'Kafka')).toThrow(/^KafkaCluster: scope must be a construct/);
  });
});

test('an object where a class made only by static factories is taken names those factories (a private constructor is no way to make one)', () => {
  expect(() => new KafkaCluster(Testing.chart(), 'K', { brokers: { storage: { type: 'ephemeral' } as never } }))
    .toThrow(/brokers\.storage must be a KafkaStorage \(got \{"type":"ephemeral"\}\); make it with KafkaStorage\.ephemeral\(\), KafkaStorage\.persistentClaim\(\), KafkaStorage\.jbod\(\)$/);
});
