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

/** The rules for Kafka Connect workers and their clients: `examples/metrics/kafka-connect-metrics.yaml` (with lowercaseOutputName and lowercaseOutputLabelNames: true; the `strimzi-kafka-connect` dashboard). */
export const CONNECT_RULES: readonly JmxExporterRule[] = [
  { pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>start-time-ms', name: 'kafka_$1_start_time_seconds', labels: { clientId: '$2' }, help: 'Kafka $1 JMX metric start time seconds', type: JmxExporterMetricType.GAUGE, valueFactor: 0.001 },
  { pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>(commit-id|version): (.+)', name: 'kafka_$1_$3_info', value: 1, labels: { clientId: '$2', '$3': '$4' }, help: 'Kafka $1 JMX metric info version and commit-id', type: JmxExporterMetricType.UNTYPED },
  { pattern: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+), partition=(.+)><>(.+-total)', name: 'kafka_consumer_fetch_manager_$4', labels: { clientId: '$1', topic: '$2', partition: '$3' }, help: 'Kafka Consumer JMX metric type consumer-fetch-manager-metrics', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+), partition=(.+)><>(compression-rate|.+-avg|.+-replica|.+-lag|.+-lead)', name: 'kafka_consumer_fetch_manager_$4', labels: { clientId: '$1', topic: '$2', partition: '$3' }, help: 'Kafka Consumer JMX metric type consumer-fetch-manager-metrics', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.producer<type=producer-topic-metrics, client-id=(.+), topic=(.+)><>(.+-total)', name: 'kafka_producer_topic_$3', labels: { clientId: '$1', topic: '$2' }, help: 'Kafka Producer JMX metric type producer-topic-metrics', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.producer<type=producer-topic-metrics, client-id=(.+), topic=(.+)><>(compression-rate|.+-avg|.+rate)', name: 'kafka_producer_topic_$3', labels: { clientId: '$1', topic: '$2' }, help: 'Kafka Producer JMX metric type producer-topic-metrics', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>(.+-total)', name: 'kafka_$2_$5', labels: { clientId: '$3', nodeId: '$4' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>(.+-avg|.+-rate)', name: 'kafka_$2_$5', labels: { clientId: '$3', nodeId: '$4' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-total)', name: 'kafka_$2_$4', labels: { clientId: '$3' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-avg|.+-bytes|.+-count|.+-ratio|.+-age|.+-flight|.+-threads|.+-connectors|.+-tasks|.+-ago)', name: 'kafka_$2_$4', labels: { clientId: '$3' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connector-metrics, connector=(.+)><>(connector-class|connector-type|connector-version|status): (.+)', name: 'kafka_connect_connector_$2', value: 1, labels: { connector: '$1', '$2': '$3' }, help: 'Kafka Connect $2 JMX metric type connector', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)', name: 'kafka_connect_connector_task_status', value: 1, labels: { connector: '$1', task: '$2', status: '$3' }, help: 'Kafka Connect JMX Connector task status', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-total)', name: 'kafka_connect_$1_$4', labels: { connector: '$2', task: '$3' }, help: 'Kafka Connect JMX metric type $1', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-count|.+-ms|.+-ratio|.+-seq-no|.+-rate|.+-max|.+-avg|.+-failures|.+-requests|.+-timestamp|.+-logged|.+-errors|.+-retries|.+-skipped)', name: 'kafka_connect_$1_$4', labels: { connector: '$2', task: '$3' }, help: 'Kafka Connect JMX metric type $1', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-worker-metrics, connector=(.+)><>([a-z-]+)', name: 'kafka_connect_worker_$2', labels: { connector: '$1' }, help: 'Kafka Connect JMX metric $1', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+-total)', name: 'kafka_connect_worker_$1', help: 'Kafka Connect JMX metric worker', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+)', name: 'kafka_connect_worker_$1', help: 'Kafka Connect JMX metric worker', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>(leader-name|connect-protocol): (.+)', name: 'kafka_connect_worker_rebalance_$1', value: 1, labels: { '$1': '$2' }, help: 'Kafka Connect $2 JMX metric type worker rebalance', type: JmxExporterMetricType.UNTYPED },
  { pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+-total)', name: 'kafka_connect_worker_rebalance_$1', help: 'Kafka Connect JMX metric rebalance information', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)', name: 'kafka_connect_worker_rebalance_$1', help: 'Kafka Connect JMX metric rebalance information', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-coordinator-metrics><>(assigned-connectors|assigned-tasks)', name: 'kafka_connect_coordinator_$1', help: 'Kafka Connect JMX metric assignment information', type: JmxExporterMetricType.GAUGE },
];

/** The rules for MirrorMaker 2 (Connect workers, clients and the mirror connectors): `examples/metrics/kafka-mirror-maker-2-metrics.yaml` (with lowercaseOutputName and lowercaseOutputLabelNames: true; the `strimzi-kafka-mirror-maker-2` dashboard). */
export const MIRROR_MAKER_2_RULES: readonly JmxExporterRule[] = [
  { pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>start-time-ms', name: 'kafka_$1_start_time_seconds', labels: { clientId: '$2' }, help: 'Kafka $1 JMX metric start time seconds', type: JmxExporterMetricType.GAUGE, valueFactor: 0.001 },
  { pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>(commit-id|version): (.+)', name: 'kafka_$1_$3_info', value: 1, labels: { clientId: '$2', '$3': '$4' }, help: 'Kafka $1 JMX metric info version and commit-id', type: JmxExporterMetricType.UNTYPED },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), topic=(.+), partition=(.+)><>(.+-total)', name: 'kafka_$2_$6', labels: { clientId: '$3', topic: '$4', partition: '$5' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), topic=(.+), partition=(.+)><>(compression-rate|.+-avg|.+-replica|.+-lag|.+-lead)', name: 'kafka_$2_$6', labels: { clientId: '$3', topic: '$4', partition: '$5' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), topic=(.+)><>(.+-total)', name: 'kafka_$2_$5', labels: { clientId: '$3', topic: '$4' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), topic=(.+)><>(compression-rate|.+-avg)', name: 'kafka_$2_$5', labels: { clientId: '$3', topic: '$4' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>(.+-total)', name: 'kafka_$2_$5', labels: { clientId: '$3', nodeId: '$4' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>(.+-avg)', name: 'kafka_$2_$5', labels: { clientId: '$3', nodeId: '$4' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-total)', name: 'kafka_$2_$4', labels: { clientId: '$3' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-avg|.+-bytes|.+-count|.+-ratio|.+-age|.+-flight|.+-threads|.+-connectors|.+-tasks|.+-ago)', name: 'kafka_$2_$4', labels: { clientId: '$3' }, help: 'Kafka $1 JMX metric type $2', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)', name: 'kafka_connect_connector_status', value: 1, labels: { connector: '$1', task: '$2', status: '$3' }, help: 'Kafka Connect JMX Connector status', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-total)', name: 'kafka_connect_$1_$4', labels: { connector: '$2', task: '$3' }, help: 'Kafka Connect JMX metric type $1', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-count|.+-ms|.+-ratio|.+-avg|.+-failures|.+-requests|.+-timestamp|.+-logged|.+-errors|.+-retries|.+-skipped)', name: 'kafka_connect_$1_$4', labels: { connector: '$2', task: '$3' }, help: 'Kafka Connect JMX metric type $1', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-worker-metrics, connector=(.+)><>([a-z-]+)', name: 'kafka_connect_worker_$2', labels: { connector: '$1' }, help: 'Kafka Connect JMX metric $1', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+-total)', name: 'kafka_connect_worker_$1', help: 'Kafka Connect JMX metric worker', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+)', name: 'kafka_connect_worker_$1', help: 'Kafka Connect JMX metric worker', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+-total)', name: 'kafka_connect_worker_rebalance_$1', help: 'Kafka Connect JMX metric rebalance information', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)', name: 'kafka_connect_worker_rebalance_$1', help: 'Kafka Connect JMX metric rebalance information', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect.mirror<type=MirrorSourceConnector, source=(.+), target=(.+), topic=(.+), partition=(.+)><>([a-z-_]+)', name: 'kafka_connect_mirror_mirrorsourceconnector_$5', labels: { source: '$1', target: '$2', topic: '$3', partition: '$4' }, help: 'Kafka Mirror Maker 2 Source Connector metrics', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.connect.mirror<type=MirrorCheckpointConnector, source=(.+), target=(.+), group=(.+), topic=(.+), partition=(.+)><>([a-z-_]+)', name: 'kafka_connect_mirror_mirrorcheckpointconnector_$6', labels: { source: '$1', target: '$2', group: '$3', topic: '$4', partition: '$5' }, help: 'Kafka Mirror Maker 2 Checkpoint Connector metrics', type: JmxExporterMetricType.GAUGE },
];
