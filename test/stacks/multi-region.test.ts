import { Testing } from 'cdk8s';
import { FailoverProviderKind, MultiRegionEnvironment } from '../../src';
import { expectValid, find, Manifest, sharedValidator, synth } from '../support';

describe.each([FailoverProviderKind.ISTIO, FailoverProviderKind.ENVOY_GATEWAY, FailoverProviderKind.TETRATE])('MultiRegionEnvironment (%s)', (provider) => {
  const env = new MultiRegionEnvironment(Testing.app(), 'multi-region', { provider });
  const clusters = Object.fromEntries(Object.entries(env.charts).map(([name, chart]) => [name, synth(chart)]));

  test('one chart per cluster: kafka, east, west, central', () => {
    expect(Object.keys(clusters)).toEqual(['kafka', 'east', 'west', 'central']);
  });

  test.each(['kafka', 'east', 'west', 'central'])('%s: snapshot, and the manifest validator finds nothing', (cluster) => {
    expect(clusters[cluster]).toMatchSnapshot();
    if (provider !== FailoverProviderKind.TETRATE) return expectValid(clusters[cluster]);
    // TSB kinds have no schema: the validator reports them (and only them) as warnings;
    // test/failover/tetrate.test.ts checks their shape instead.
    const findings = sharedValidator().validateObjects(clusters[cluster]).findings;
    expect(findings.filter((f) => f.severity !== 'warning' || !f.apiVersion.includes('tetrate.io') || !/^no schema for /.test(f.message))).toEqual([]);
  });

  test('the east and west bridges are identical except for their region-specific fields', () => {
    const regional = (name: string) => JSON.stringify(clusters[name]).replace(new RegExp(`\\b${name}\\b`, 'g'), '<region>');
    expect(regional('west')).toEqual(regional('east'));
    const east = find(clusters.east, 'KafkaBridge', 'events');
    expect(east.metadata).toEqual({ name: 'events', namespace: 'bridge', labels: { failover: 'enabled' } });
    expect(find(clusters.west, 'KafkaBridge', 'events').spec).toEqual(east.spec);
  });

  test('the bridges reach Kafka through its Gateway with its CA and the bridge user, which the kafka cluster defines', () => {
    const spec = find(clusters.east, 'KafkaBridge', 'events').spec;
    expect(spec.bootstrapServers).toBe('bootstrap.kafka.example.com:9092');
    const listener = find(clusters.kafka, 'Kafka', 'events').spec.kafka.listeners.find((l: { name: string }) => l.name === 'external');
    expect(listener.configuration.bootstrap.host).toBe('bootstrap.kafka.example.com');
    expect(spec.authentication.username).toBe(find(clusters.kafka, 'KafkaUser', 'bridge').metadata.name);
  });

  test('the runbook copies every Secret the regions reference', () => {
    const runbook = env.artefacts()['runbook.md'];
    const referenced = (manifests: Manifest[]) => JSON.stringify(manifests).match(/"(kafka-ca|kafka-bridge-user|bridge-ca)"/g) ?? [];
    for (const name of new Set([...referenced(clusters.east), ...referenced(clusters.central)].map((s) => s.replace(/"/g, '')))) {
      expect(runbook).toContain(` ${name} `);
    }
  });
});
