import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { parse, parseAllDocuments } from 'yaml';
import { Testing } from 'cdk8s';
import {
  Acl, BridgeKafkaConnection, JmxExporterMetricType, JmxExporterRule, JmxExporterRules, JmxPrometheusExporter, KafkaBridge, KafkaCluster, KafkaClusterProps, KafkaConnect, KafkaMetrics,
  KafkaMirrorMaker2, MirrorMaker2Cluster,
} from '../../src';
import { all, expectValid, find, synth } from '../support';

/** Strimzi's sources, where this machine has them (CI does): the default rules are checked against them. */
const STRIMZI_GIT = [process.env.STRIMZI_GIT_DIR, '/work/.mirror/strimzi+strimzi-kafka-operator/repo'].find((d): d is string => d !== undefined && existsSync(d));

function cluster(props: KafkaClusterProps) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'my-cluster', namespace: 'kafka', ...props });
  return { chart, kafka };
}
const exporterConfig = (manifests: any[], name: string) => parse(find(manifests, 'ConfigMap', name).data['metrics-config.yml']);
const RULE: JmxExporterRule = { pattern: 'kafka.server<type=(.+), name=(.+)><>Value', name: 'kafka_server_$1_$2', type: JmxExporterMetricType.GAUGE };

describe('metrics', () => {
  test('the JMX exporter with Strimzi\'s rules by default, in <cluster>-kafka-metrics', () => {
    const manifests = synth(cluster({ metrics: KafkaMetrics.jmxPrometheusExporter() }).chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'my-cluster-kafka-metrics', key: 'metrics-config.yml' } } });
    const configMap = find(manifests, 'ConfigMap', 'my-cluster-kafka-metrics');
    expect(configMap.metadata).toEqual({ name: 'my-cluster-kafka-metrics', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    const config = exporterConfig(manifests, 'my-cluster-kafka-metrics');
    expect(config.lowercaseOutputName).toBe(true);
    expect(config.rules).toEqual(JmxExporterRules.kafka());
    expect(config.rules).toHaveLength(29);
    expect(config.rules[0]).toEqual({ pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value', name: 'kafka_server_$1_$2', type: 'GAUGE', labels: { clientId: '$3', topic: '$4', partition: '$5' } });
    expectValid(manifests);
  });

  (STRIMZI_GIT !== undefined ? test : test.skip)('the default rules are Strimzi 1.2.0\'s examples/metrics files, rule for rule', () => {
    const rulesOf = (file: string) => {
      const text = spawnSync('git', ['--git-dir', STRIMZI_GIT!, 'show', `1.2.0:examples/metrics/${file}`], { encoding: 'utf8' }).stdout;
      const configMap = parseAllDocuments(text).map((d) => d.toJSON()).find((d) => d?.kind === 'ConfigMap');
      return parse(Object.values(configMap.data)[0] as string).rules;
    };
    expect(JmxExporterRules.kafka()).toEqual(rulesOf('kafka-metrics.yaml'));
    expect(JmxExporterRules.cruiseControl()).toEqual(rulesOf('kafka-cruise-control-metrics.yaml'));
    expect(JmxExporterRules.bridge()).toEqual(rulesOf('kafka-bridge-metrics.yaml'));
    expect(JmxExporterRules.connect()).toEqual(rulesOf('kafka-connect-metrics.yaml'));
    expect(JmxExporterRules.mirrorMaker2()).toEqual(rulesOf('kafka-mirror-maker-2-metrics.yaml'));
    expect(JmxExporterRules.kafka()).not.toEqual(rulesOf('kafka-connect-metrics.yaml'));
  });

  test('rules of the user\'s own, written as jmx_exporter reads them', () => {
    const rules: JmxExporterRule[] = [
      { pattern: 'kafka.server<type=(.+), name=(.+)PerSec, topic=(.+)><>Count', name: 'kafka_server_$1_$2_total', type: JmxExporterMetricType.COUNTER, labels: { topic: '$3' }, help: 'Per-topic rate', valueFactor: 1 },
      { pattern: 'kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(.+)><>Mean', name: 'kafka_network_request_seconds', valueFactor: 0.001, labels: { request: '$1' }, cache: true },
    ];
    const manifests = synth(cluster({ metrics: KafkaMetrics.jmxPrometheusExporter({ rules, lowercaseOutputLabelNames: true }) }).chart);
    expect(find(manifests, 'ConfigMap', 'my-cluster-kafka-metrics').data['metrics-config.yml']).toBe([
      'lowercaseOutputName: true',
      'lowercaseOutputLabelNames: true',
      'rules:',
      '  - pattern: kafka.server<type=(.+), name=(.+)PerSec, topic=(.+)><>Count',
      '    name: kafka_server_$1_$2_total',
      '    valueFactor: 1',
      '    type: COUNTER',
      '    labels:',
      '      topic: $3',
      '    help: Per-topic rate',
      '  - pattern: kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(.+)><>Mean',
      '    name: kafka_network_request_seconds',
      '    valueFactor: 0.001',
      '    labels:',
      '      request: $1',
      '    cache: true',
      '',
    ].join('\n'));
    // Strimzi's rules extended: the defaults, then one of the user's.
    const extended = synth(cluster({ metrics: KafkaMetrics.jmxPrometheusExporter({ rules: [...JmxExporterRules.kafka(), RULE] }) }).chart);
    expect(exporterConfig(extended, 'my-cluster-kafka-metrics').rules).toEqual([...JmxExporterRules.kafka(), RULE]);
    expectValid(manifests);
  });

  test('a ConfigMap of the user\'s own: referenced, none written', () => {
    const manifests = synth(cluster({ metrics: KafkaMetrics.jmxPrometheusExporterFromConfigMap('team-metrics', 'kafka.yml') }).chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'team-metrics', key: 'kafka.yml' } } });
    expect(all(manifests, 'ConfigMap')).toEqual([]);
    expect(() => JmxPrometheusExporter.fromConfigMap('Team_Metrics', 'kafka.yml')).toThrow(/JmxPrometheusExporter\.fromConfigMap\(\): name must be a ConfigMap name \(a DNS subdomain\) \(got "Team_Metrics"\)/);
    expect(() => JmxPrometheusExporter.fromConfigMap('team-metrics', 'kafka/yml')).toThrow(/key must be a ConfigMap key/);
    expect(JmxPrometheusExporter.fromConfigMap('team-metrics', 'kafka.yml').configMapName).toBe('team-metrics');
  });

  test('Cruise Control metrics: Strimzi\'s rule by default in <cluster>-cruise-control-metrics, or the user\'s ConfigMap', () => {
    const manifests = synth(cluster({ cruiseControl: { metrics: JmxPrometheusExporter.rules() } }).chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.cruiseControl.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'my-cluster-cruise-control-metrics', key: 'metrics-config.yml' } } });
    expect(find(manifests, 'ConfigMap', 'my-cluster-cruise-control-metrics').data['metrics-config.yml']).toBe(
      'lowercaseOutputName: true\nrules:\n  - pattern: kafka.cruisecontrol<name=(.+)><>(\\w+)\n    name: kafka_cruisecontrol_$1_$2\n    type: GAUGE\n');
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.metricsConfig).toBeUndefined();
    expectValid(manifests);
    const own = synth(cluster({ cruiseControl: { metrics: JmxPrometheusExporter.fromConfigMap('cc-metrics', 'cc.yml') } }).chart);
    expect(find(own, 'Kafka', 'my-cluster').spec.cruiseControl.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'cc-metrics', key: 'cc.yml' } } });
    expect(all(own, 'ConfigMap')).toEqual([]);
  });

  test('the Strimzi metrics reporter is unchanged: no ConfigMap', () => {
    const manifests = synth(cluster({ metrics: KafkaMetrics.strimziMetricsReporter({ allowList: ['kafka_server.*'] }) }).chart);
    expect(find(manifests, 'Kafka', 'my-cluster').spec.kafka.metricsConfig).toEqual({ type: 'strimziMetricsReporter', values: { allowList: ['kafka_server.*'] } });
    expect(all(manifests, 'ConfigMap')).toEqual([]);
  });

  test('fails on rules jmx_exporter refuses or that cannot match as written', () => {
    const f = 'KafkaMetrics\\.jmxPrometheusExporter\\(\\)';
    const refused = (rule: JmxExporterRule) => () => KafkaMetrics.jmxPrometheusExporter({ rules: [RULE, rule] });
    expect(refused({ pattern: 'kafka.server<type=(.+)><>Value', labels: { type: '$1' } }))
      .toThrow(new RegExp(`${f}: rules\\[1\\]\\.name is missing while labels or help are given: jmx_exporter refuses the rule \\("Must provide name, if help or labels are given"\\) \\(got undefined\\); give a name`));
    expect(refused({ pattern: 'kafka.server<type=(.+)><>Value', name: 'kafka_server_$1', labels: { type: '$1' } })).not.toThrow();
    expect(refused({ pattern: 'kafka.server<type=(.+)><>Value', name: 'kafka_server_$1', help: 'h' })).not.toThrow();
    expect(refused({ pattern: 'kafka.server<type=(.+)><>Value', name: 'kafka_server_$1_$2' }))
      .toThrow(/rules\[1\]\.name refers to group \$2 but the pattern has 1 group \(got "kafka_server_\$1_\$2"\); refer to \$1\.\.\$1, or add a group/);
    expect(refused({ pattern: 'kafka.server<type=(.+)><>Value', name: 'x', labels: { l: '$3' } })).toThrow(/rules\[1\]\.labels\['l'\] refers to group \$3/);
    expect(refused({ pattern: 'kafka.server<type=(.+><>Value', name: 'x' })).toThrow(/rules\[1\]\.pattern is not a regular expression/);
    expect(refused({ pattern: '', name: 'x' })).toThrow(/rules\[1\]\.pattern is empty/);
    expect(refused({ pattern: '.*', name: 'x', valueFactor: Number.NaN })).toThrow(/rules\[1\]\.valueFactor must be a finite number \(got NaN\)/);
    expect(refused({ pattern: '.*', name: 'x', valueFactor: 0.001 })).not.toThrow();
    expect(() => JmxPrometheusExporter.rules({ rules: [{ pattern: '(a)', name: '$2' }] })).toThrow(/^JmxPrometheusExporter\.rules\(\): rules\[0\]\.name refers to group \$2/);
  });

  test('fails on a rule value that cannot become a number (jmx_exporter parses it with Double.valueOf after substituting the groups, and drops the attribute otherwise)', () => {
    const f = 'KafkaMetrics\\.jmxPrometheusExporter\\(\\)';
    const refused = (value: string | number) => () => KafkaMetrics.jmxPrometheusExporter({ rules: [RULE, { pattern: 'kafka.server<type=(.+)><>Value: (\\d+)', name: 'x', value }] });
    expect(refused('abc')).toThrow(new RegExp(
      `^${f}: rules\\[1\\]\\.value is not a number: jmx_exporter parses the value with Double\\.valueOf and, when it is none, drops the attribute \\("Unable to parse configured value \\.\\.\\. to number"\\), so the metric never appears \\(got "abc"\\); give a number \\(e\\.g\\. 1\\), or a reference to a pattern group`));
    expect(refused('$2 ms')).toThrow(/rules\[1\]\.value does not make a number once its group references are substituted/);
    expect(refused('x$1')).toThrow(/rules\[1\]\.value does not make a number once its group references are substituted/);
    expect(refused('$')).toThrow(/rules\[1\]\.value has a '\$' that is no group reference \(\$1, \$\{name\}\): Java's Matcher\.replaceAll refuses it \("Illegal group reference"\)/);
    expect(refused('1\\')).toThrow(/rules\[1\]\.value ends with '\\', which escapes nothing/);
    expect(refused('')).toThrow(/rules\[1\]\.value is not a number/);
    expect(refused(Number.NaN)).toThrow(/rules\[1\]\.value must be a finite number/);
    expect(refused('$3')).toThrow(/rules\[1\]\.value refers to group \$3 but the pattern has 2 groups/);
    for (const value of [1, 0.5, -2, '1', ' 2.5 ', '-1e3', '0x1p3', 'NaN', '1d', '$2', '-$2', '$2.5', '$2e3', '$1$2', '${n}']) {
      expect(() => KafkaMetrics.jmxPrometheusExporter({ rules: [{ pattern: 'kafka.server<type=(.+)><>Value: (?<n>\\d+)', name: 'x', value }] })).not.toThrow();
    }
    // The same check for every component: a bridge's, Connect's, MirrorMaker 2's and Cruise Control's rules go through the same factories.
    expect(() => JmxPrometheusExporter.rules({ rules: [{ pattern: '(a)', name: 'x', value: 'abc' }] })).toThrow(/^JmxPrometheusExporter\.rules\(\): rules\[0\]\.value is not a number/);
  });

  describe('the same KafkaMetrics on a bridge, Connect and MirrorMaker 2', () => {
    function components(metrics: KafkaMetrics) {
      const { chart, kafka } = cluster({});
      new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'), metrics });
      new KafkaConnect(chart, 'Connect', { cluster: kafka, name: 'files', metrics });
      new KafkaMirrorMaker2(chart, 'Mirror', {
        name: 'mirror', namespace: 'kafka', metrics, topics: [Acl.topic('*')], checkpoints: false,
        source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
        target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      });
      return synth(chart);
    }
    const specs = (manifests: any[]) => [find(manifests, 'KafkaBridge', 'events').spec, find(manifests, 'KafkaConnect', 'files').spec, find(manifests, 'KafkaMirrorMaker2', 'mirror').spec];

    test("the JMX exporter: each component's Strimzi rules in <name>-<component>-metrics; Connect and MirrorMaker 2 lowercase label names", () => {
      const manifests = components(KafkaMetrics.jmxPrometheusExporter());
      const [bridge, connect, mirror] = specs(manifests);
      expect(bridge.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'events-bridge-metrics', key: 'metrics-config.yml' } } });
      expect(connect.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'files-connect-metrics', key: 'metrics-config.yml' } } });
      expect(mirror.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'mirror-mirrormaker2-metrics', key: 'metrics-config.yml' } } });
      expect(exporterConfig(manifests, 'events-bridge-metrics')).toEqual({ lowercaseOutputName: true, rules: JmxExporterRules.bridge() });
      expect(exporterConfig(manifests, 'files-connect-metrics')).toEqual({ lowercaseOutputName: true, lowercaseOutputLabelNames: true, rules: JmxExporterRules.connect() });
      expect(exporterConfig(manifests, 'mirror-mirrormaker2-metrics')).toEqual({ lowercaseOutputName: true, lowercaseOutputLabelNames: true, rules: JmxExporterRules.mirrorMaker2() });
      expect(find(manifests, 'ConfigMap', 'files-connect-metrics').metadata).toEqual({ name: 'files-connect-metrics', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'files' } });
      expectValid(manifests);
    });

    test('rules and label lowercasing as given override the component defaults', () => {
      const manifests = components(KafkaMetrics.jmxPrometheusExporter({ rules: [RULE], lowercaseOutputLabelNames: false }));
      expect(exporterConfig(manifests, 'files-connect-metrics')).toEqual({ lowercaseOutputName: true, rules: [RULE] });
      expect(exporterConfig(manifests, 'events-bridge-metrics')).toEqual({ lowercaseOutputName: true, rules: [RULE] });
    });

    test('a ConfigMap of your own: referenced by each, none written', () => {
      const manifests = components(KafkaMetrics.jmxPrometheusExporterFromConfigMap('team-metrics', 'connect.yml'));
      for (const spec of specs(manifests)) expect(spec.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'team-metrics', key: 'connect.yml' } } });
      expect(all(manifests, 'ConfigMap')).toEqual([]);
    });

    test('the Strimzi metrics reporter, with or without an allow list', () => {
      for (const spec of specs(components(KafkaMetrics.strimziMetricsReporter()))) expect(spec.metricsConfig).toEqual({ type: 'strimziMetricsReporter' });
      const manifests = components(KafkaMetrics.strimziMetricsReporter({ allowList: ['kafka_connect_.*', 'strimzi_bridge_.*'] }));
      for (const spec of specs(manifests)) expect(spec.metricsConfig).toEqual({ type: 'strimziMetricsReporter', values: { allowList: ['kafka_connect_.*', 'strimzi_bridge_.*'] } });
      expect(all(manifests, 'ConfigMap')).toEqual([]);
      expect(KafkaMetrics.strimziMetricsReporter().isStrimziMetricsReporter).toBe(true);
      expect(KafkaMetrics.jmxPrometheusExporter().isStrimziMetricsReporter).toBe(false);
      expectValid(manifests);
    });
  });

  describe('metrics: true or false, which a bridge, Connect and MirrorMaker 2 took before KafkaMetrics', () => {
    function components(metrics: boolean) {
      const { chart, kafka } = cluster({});
      const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'), metrics });
      new KafkaConnect(chart, 'Connect', { cluster: kafka, name: 'files', metrics });
      new KafkaMirrorMaker2(chart, 'Mirror', {
        name: 'mirror', namespace: 'kafka', metrics, topics: [Acl.topic('*')], checkpoints: false,
        source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
        target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      });
      const manifests = synth(chart);
      return { bridge, manifests, specs: [find(manifests, 'KafkaBridge', 'events').spec, find(manifests, 'KafkaConnect', 'files').spec, find(manifests, 'KafkaMirrorMaker2', 'mirror').spec] };
    }

    test('true is the Strimzi metrics reporter with Strimzi\'s default allow list, as it rendered before', () => {
      const { bridge, manifests, specs } = components(true);
      for (const spec of specs) expect(spec.metricsConfig).toEqual({ type: 'strimziMetricsReporter' });
      expect(bridge.metrics?.isStrimziMetricsReporter).toBe(true);
      expect(bridge.metrics?.allowList).toBeUndefined();
      expect(all(manifests, 'ConfigMap')).toEqual([]);
      expectValid(manifests);
    });

    test('false is none', () => {
      const { bridge, specs } = components(false);
      for (const spec of specs) expect(spec.metricsConfig).toBeUndefined();
      expect(bridge.metrics).toBeUndefined();
    });

    test('fails on anything else, naming the prop and what it takes', () => {
      const { chart, kafka } = cluster({});
      expect(() => new KafkaBridge(chart, 'Bridge', { kafka: BridgeKafkaConnection.fromAddress('k:9092'), metrics: 'true' as any }))
        .toThrow(/^KafkaBridge 'Bridge' at test\/Bridge: metrics must be true or false or a KafkaMetrics \(got "true"\); give true or false or a KafkaMetrics/);
      expect(() => new KafkaConnect(chart, 'Connect', { cluster: kafka, metrics: 1 as any })).toThrow(/metrics must be true or false or a KafkaMetrics \(got 1\)/);
      expect(() => new KafkaMirrorMaker2(chart, 'Mirror', {
        topics: [Acl.topic('*')], metrics: { type: 'strimziMetricsReporter' } as any,
        source: MirrorMaker2Cluster.fromAddress('a:9092', { alias: 'a' }), target: MirrorMaker2Cluster.fromAddress('b:9092', { alias: 'b' }),
      })).toThrow(/metrics must be true or false or a KafkaMetrics/);
    });
  });

  test('fails on an allow list Strimzi refuses or the reporter would split', () => {
    const f = 'KafkaMetrics\\.strimziMetricsReporter\\(\\)';
    expect(() => KafkaMetrics.strimziMetricsReporter({ allowList: [] })).toThrow(new RegExp(`^${f}: options\\.allowList is empty: Strimzi refuses it \\("Allowlist should contain at least one element"\\)`));
    expect(() => KafkaMetrics.strimziMetricsReporter({ allowList: ['kafka_server_.*', 'kafka_(log'] })).toThrow(/options\.allowList\[1\] is not a regular expression .*"Invalid regex"\) \(got "kafka_\(log"\)/);
    expect(() => KafkaMetrics.strimziMetricsReporter({ allowList: ['kafka_server_.{1,3}'] })).toThrow(/options\.allowList\[0\] contains a comma: Strimzi joins the list with commas/);
    expect(() => KafkaMetrics.strimziMetricsReporter({ allowList: [' '] })).toThrow(/options\.allowList\[0\] is empty/);
    expect(() => KafkaMetrics.strimziMetricsReporter({ allowList: 'kafka_.*' as any })).toThrow(/options\.allowList must be an array of strings/);
  });
});
