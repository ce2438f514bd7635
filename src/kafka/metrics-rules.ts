// The default JMX exporter rules: Strimzi 1.2.0's examples, rule for rule and in order
// (strimzi/strimzi-kafka-operator tag 1.2.0, commit 6c7b43c4af0db547c10463ba09d1dfa6f5e156a0): the
// rules whose metric names its Grafana dashboards (examples/metrics/grafana-dashboards/) read.
// Copied once from the YAML files named below; compare with them when Strimzi is upgraded.
import type { JmxExporterRule } from './metrics';

/** The type of the metric a JMX exporter rule writes (jmx_exporter `type`). */
export enum JmxExporterMetricType {
  /** A value that goes up and down. */
  GAUGE = 'GAUGE',
  /** A value that only goes up (a total). */
  COUNTER = 'COUNTER',
  /** No type: Prometheus treats it as a gauge. */
  UNTYPED = 'UNTYPED',
}

/** The rules for brokers and controllers: `examples/metrics/kafka-metrics.yaml` (with lowercaseOutputName: true). */
export const KAFKA_RULES: readonly JmxExporterRule[] = [
  { pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value', name: 'kafka_server_$1_$2', type: JmxExporterMetricType.GAUGE, labels: { clientId: '$3', topic: '$4', partition: '$5' } },
  { pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value', name: 'kafka_server_$1_$2', type: JmxExporterMetricType.GAUGE, labels: { clientId: '$3', broker: '$4:$5' } },
  { pattern: 'kafka.server<type=(.+), cipher=(.+), protocol=(.+), listener=(.+), networkProcessor=(.+)><>connections', name: 'kafka_server_$1_connections_tls_info', type: JmxExporterMetricType.GAUGE, labels: { cipher: '$2', protocol: '$3', listener: '$4', networkProcessor: '$5' } },
  { pattern: 'kafka.server<type=(.+), clientSoftwareName=(.+), clientSoftwareVersion=(.+), listener=(.+), networkProcessor=(.+)><>connections', name: 'kafka_server_$1_connections_software', type: JmxExporterMetricType.GAUGE, labels: { clientSoftwareName: '$2', clientSoftwareVersion: '$3', listener: '$4', networkProcessor: '$5' } },
  { pattern: 'kafka.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+-total):', name: 'kafka_server_$1_$4', type: JmxExporterMetricType.COUNTER, labels: { listener: '$2', networkProcessor: '$3' } },
  { pattern: 'kafka.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+):', name: 'kafka_server_$1_$4', type: JmxExporterMetricType.GAUGE, labels: { listener: '$2', networkProcessor: '$3' } },
  { pattern: 'kafka.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+-total)', name: 'kafka_server_$1_$4', type: JmxExporterMetricType.COUNTER, labels: { listener: '$2', networkProcessor: '$3' } },
  { pattern: 'kafka.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+)', name: 'kafka_server_$1_$4', type: JmxExporterMetricType.GAUGE, labels: { listener: '$2', networkProcessor: '$3' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>MeanRate', name: 'kafka_$1_$2_$3_percent', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>Value', name: 'kafka_$1_$2_$3_percent', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*, (.+)=(.+)><>Value', name: 'kafka_$1_$2_$3_percent', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+), (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_total', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5', '$6': '$7' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_total', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*><>Count', name: 'kafka_$1_$2_$3_total', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Value', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5', '$6': '$7' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Value', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>Value', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5', '$6': '$7' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*), (.+)=(.+)><>(\\d+)thPercentile', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5', '$6': '$7', quantile: '0.$8' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*)><>(\\d+)thPercentile', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5', quantile: '0.$6' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>(\\d+)thPercentile', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { quantile: '0.$4' } },
  { pattern: 'kafka.server<type=raft-metrics><>(.+-total|.+-max):', name: 'kafka_server_raftmetrics_$1', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.server<type=raft-metrics><>(current-state): (.+)', name: 'kafka_server_raftmetrics_$1', value: 1, type: JmxExporterMetricType.UNTYPED, labels: { '$1': '$2' } },
  { pattern: 'kafka.server<type=raft-metrics><>(.+):', name: 'kafka_server_raftmetrics_$1', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.server<type=raft-channel-metrics><>(.+-total|.+-max):', name: 'kafka_server_raftchannelmetrics_$1', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.server<type=raft-channel-metrics><>(.+):', name: 'kafka_server_raftchannelmetrics_$1', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.server<type=broker-metadata-metrics><>(.+):', name: 'kafka_server_brokermetadatametrics_$1', type: JmxExporterMetricType.GAUGE },
];

/** The rules for Cruise Control: `examples/metrics/kafka-cruise-control-metrics.yaml` (with lowercaseOutputName: true). */
export const CRUISE_CONTROL_RULES: readonly JmxExporterRule[] = [
  { pattern: 'kafka.cruisecontrol<name=(.+)><>(\\w+)', name: 'kafka_cruisecontrol_$1_$2', type: JmxExporterMetricType.GAUGE },
];

/** The rules for the Kafka Bridge (its Kafka clients and OAuth): `examples/metrics/kafka-bridge-metrics.yaml` (with lowercaseOutputName: true). */
export const BRIDGE_RULES: readonly JmxExporterRule[] = [
  { pattern: 'kafka.producer<type=(.+), client-id=(.+), topic=(.+)><>([a-z-]+)-total', name: 'strimzi_bridge_kafka_producer_$4_total', type: JmxExporterMetricType.COUNTER, labels: { type: '$1', clientId: '$2', topic: '$3' } },
  { pattern: 'kafka.producer<type=(.+), client-id=(.+), topic=(.+)><>([a-z-]+)', name: 'strimzi_bridge_kafka_producer_$4', type: JmxExporterMetricType.GAUGE, labels: { type: '$1', clientId: '$2', topic: '$3' } },
  { pattern: 'kafka.consumer<type=(.+), client-id=(.+), topic=(.+)><>([a-z-]+)-total', name: 'strimzi_bridge_kafka_consumer_$4_total', type: JmxExporterMetricType.COUNTER, labels: { type: '$1', clientId: '$2', topic: '$3' } },
  { pattern: 'kafka.consumer<type=(.+), client-id=(.+), topic=(.+)><>([a-z-]+)', name: 'strimzi_bridge_kafka_consumer_$4', type: JmxExporterMetricType.GAUGE, labels: { type: '$1', clientId: '$2', topic: '$3' } },
  { pattern: 'kafka.(\\w+)<type=(.+), client-id=(.+)><>([a-z-]+-total-[a-z-]+)', name: 'strimzi_bridge_kafka_$1_$4', type: JmxExporterMetricType.GAUGE, labels: { type: '$2', clientId: '$3' } },
  { pattern: 'kafka.(\\w+)<type=(.+), client-id=(.+)><>([a-z-]+)-total', name: 'strimzi_bridge_kafka_$1_$4_total', type: JmxExporterMetricType.COUNTER, labels: { type: '$2', clientId: '$3' } },
  { pattern: 'kafka.(\\w+)<type=(.+), client-id=(.+)><>([a-z-]+)', name: 'strimzi_bridge_kafka_$1_$4', type: JmxExporterMetricType.GAUGE, labels: { type: '$2', clientId: '$3' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+), (.+)=(.+)><>(count|totalTimeMs):', name: 'strimzi_oauth_$1_$12', type: JmxExporterMetricType.COUNTER, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9', '$10': '$11' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+)><>(count|totalTimeMs):', name: 'strimzi_oauth_$1_$10', type: JmxExporterMetricType.COUNTER, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+)><>(count|totalTimeMs):', name: 'strimzi_oauth_$1_$8', type: JmxExporterMetricType.COUNTER, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+), (.+)=(.+)><>(.+):', name: 'strimzi_oauth_$1_$12', type: JmxExporterMetricType.GAUGE, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9', '$10': '$11' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+)><>(.+):', name: 'strimzi_oauth_$1_$10', type: JmxExporterMetricType.GAUGE, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+)><>(.+):', name: 'strimzi_oauth_$1_$8', type: JmxExporterMetricType.GAUGE, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7' } },
];
