import type { Manifest } from '../support';
import { effectDifferences, unexplained } from './effect';

/** The comparator itself: each rule finds what it is for (a comparator that finds nothing proves nothing). */
const kafka = (spec: object, extra: object = {}): Manifest => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'my-cluster', ...extra }, spec });
const user = (acls: object[]): Manifest => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser', metadata: { name: 'u' }, spec: { authorization: { type: 'simple', acls } } });

describe('effectDifferences', () => {
  test('a Strimzi resource the rebuild lacks is missing; other kinds are not compared', () => {
    const cm: Manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
    expect(effectDifferences([kafka({}), cm], [])).toEqual([expect.stringMatching(/^Kafka\/my-cluster: missing/)]);
  });

  test('extra fields are allowed; a changed or absent value is a difference; 3600 and "3600" agree', () => {
    const up = kafka({ kafka: { config: { 'a.b': 3600, 'c.d': 'x' }, replicas: 3 } });
    expect(effectDifferences([up], [kafka({ kafka: { config: { 'a.b': '3600', 'c.d': 'x', more: 1 }, replicas: 3 }, extra: true })])).toEqual([]);
    expect(effectDifferences([up], [kafka({ kafka: { config: { 'a.b': 3601 }, replicas: 3 } })])).toEqual([
      'Kafka/my-cluster spec.kafka.config.a.b: rebuilt 3601, upstream 3600',
      'Kafka/my-cluster spec.kafka.config.c.d: absent, upstream "x"',
    ]);
  });

  test('labels and annotations count', () => {
    const up = kafka({}, { labels: { a: '1' }, annotations: { 'strimzi.io/rebalance-template': 'true' } });
    expect(effectDifferences([up], [kafka({}, { labels: { a: '1' } })])).toEqual(['Kafka/my-cluster metadata.annotations.strimzi.io/rebalance-template: absent, upstream "true"']);
  });

  test('listeners are matched by name, not position; other lists by position', () => {
    const up = kafka({ kafka: { listeners: [{ name: 'plain', port: 9092 }, { name: 'tls', port: 9093 }], goals: ['A', 'B'] } });
    const swapped = kafka({ kafka: { listeners: [{ name: 'tls', port: 9093 }, { name: 'plain', port: 9092 }], goals: ['B', 'A'] } });
    expect(effectDifferences([up], [swapped])).toEqual([
      'Kafka/my-cluster spec.kafka.goals[0]: rebuilt "B", upstream "A"',
      'Kafka/my-cluster spec.kafka.goals[1]: rebuilt "A", upstream "B"',
    ]);
  });

  test('ACLs compare by permission: regrouped rules agree, a missing operation does not', () => {
    const up = user([{ resource: { type: 'topic', name: 't' }, operations: ['Read', 'Describe'] }]);
    expect(effectDifferences([up], [user([{ resource: { type: 'topic', name: 't', patternType: 'literal' }, operations: ['Describe'] }, { resource: { type: 'topic', name: 't' }, operations: ['Read'] }])])).toEqual([]);
    expect(effectDifferences([up], [user([{ resource: { type: 'topic', name: 't' }, operations: ['Read'] }])])).toEqual([
      'KafkaUser/u spec.authorization.acls: does not grant allow Describe topic:literal:t@*',
    ]);
  });

  test('metrics ConfigMaps compare by content, whatever their names', () => {
    const ref = (name: string) => ({ kafka: { metricsConfig: { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name, key: 'k' } } } } });
    const cm = (name: string, text: string): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: text } });
    const up = [kafka(ref('a')), cm('a', 'lowercaseOutputName: true\nrules:\n- pattern: x\n')];
    expect(effectDifferences(up, [kafka(ref('b')), cm('b', 'rules: [{pattern: x}]\nlowercaseOutputName: true')])).toEqual([]);
    expect(effectDifferences(up, [kafka(ref('b')), cm('b', 'rules: [{pattern: y}]\nlowercaseOutputName: true')])).toEqual([
      'Kafka/my-cluster spec.kafka.metricsConfig (ConfigMap content).rules[0].pattern: rebuilt "y", upstream "x"',
    ]);
  });
});

test('unexplained: a deviation covers its path and below, and one that covers nothing is stale', () => {
  const diffs = ['Kafka/a spec.x.y: absent, upstream 1', 'Kafka/a spec.z: absent, upstream 2'];
  expect(unexplained(diffs, [{ path: 'Kafka/a spec.x', why: 'w' }, { path: 'Kafka/a spec.q', why: 'w' }])).toEqual({
    diffs: ['Kafka/a spec.z: absent, upstream 2'],
    stale: [{ path: 'Kafka/a spec.q', why: 'w' }],
  });
});

test('a MirrorMaker 2 example that leaves offset syncs and group offset sync to Kafka means Kafka\'s defaults (source; false)', () => {
  const mm2 = (checkpointConfig: object): Manifest => ({
    apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaMirrorMaker2', metadata: { name: 'm' },
    spec: { mirrors: [{ source: { alias: 'a' }, sourceConnector: { config: {} }, checkpointConnector: { config: checkpointConfig } }] },
  });
  const rebuilt = (location: string, sync: string): Manifest => ({
    ...mm2({}), spec: { mirrors: [{ source: { alias: 'a' }, sourceConnector: { config: { 'offset-syncs.topic.location': location } }, checkpointConnector: { config: { 'offset-syncs.topic.location': location, 'sync.group.offsets.enabled': sync } } }] },
  });
  expect(effectDifferences([mm2({})], [rebuilt('source', 'false')])).toEqual([]);
  expect(effectDifferences([mm2({})], [rebuilt('target', 'true')])).toEqual([
    'KafkaMirrorMaker2/m spec.mirrors[a].sourceConnector.config.offset-syncs.topic.location: rebuilt "target", upstream "source"',
    'KafkaMirrorMaker2/m spec.mirrors[a].checkpointConnector.config.offset-syncs.topic.location: rebuilt "target", upstream "source"',
    'KafkaMirrorMaker2/m spec.mirrors[a].checkpointConnector.config.sync.group.offsets.enabled: rebuilt "true", upstream "false"',
  ]);
  // What the example sets wins over the default.
  expect(effectDifferences([mm2({ 'sync.group.offsets.enabled': 'true' })], [rebuilt('source', 'true')])).toEqual([]);
});
