import { checkArgs } from '../core/props';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';

/** The ConfigMap key Strimzi reads the JMX exporter rules from. */
const RULES_KEY = 'metrics-config.yml';

/**
 * JMX exporter rules for Kafka 4 brokers and controllers: per-topic and per-partition broker
 * metrics, request and network metrics, rates as counters, everything else as gauges.
 */
const KAFKA_JMX_RULES = {
  lowercaseOutputName: true,
  rules: [
    {
      pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value',
      name: 'kafka_server_$1_$2',
      type: 'GAUGE',
      labels: { clientId: '$3', topic: '$4', partition: '$5' },
    },
    {
      pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value',
      name: 'kafka_server_$1_$2',
      type: 'GAUGE',
      labels: { clientId: '$3', broker: '$4:$5' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+), (.+)=(.+)><>Count',
      name: 'kafka_$1_$2_$3_total',
      type: 'COUNTER',
      labels: { $4: '$5', $6: '$7' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+)><>Count',
      name: 'kafka_$1_$2_$3_total',
      type: 'COUNTER',
      labels: { $4: '$5' },
    },
    { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*><>Count', name: 'kafka_$1_$2_$3_total', type: 'COUNTER' },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>(Count|Value)',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { $4: '$5', $6: '$7' },
    },
    { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>(Count|Value)', name: 'kafka_$1_$2_$3', type: 'GAUGE', labels: { $4: '$5' } },
    { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>(Count|Value)', name: 'kafka_$1_$2_$3', type: 'GAUGE' },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>(\\d+)thPercentile',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { $4: '$5', quantile: '0.$6' },
    },
  ],
};

/** Options of the Strimzi metrics reporter. */
export interface StrimziMetricsReporterOptions {
  /**
   * Regular expressions of the metric names to expose.
   * @default - every metric
   */
  readonly allowList?: string[];
}

/** How the brokers expose Prometheus metrics. */
export class KafkaMetrics {
  /**
   * The Strimzi metrics reporter: a Kafka metrics reporter serving Prometheus text, with no
   * JMX in between and no ConfigMap.
   */
  public static strimziMetricsReporter(options: StrimziMetricsReporterOptions = {}): KafkaMetrics {
    checkArgs('KafkaMetrics.strimziMetricsReporter()', 'KafkaMetrics.strimziMetricsReporter', arguments);
    return new KafkaMetrics(() => ({
      type: strimzi.KafkaSpecKafkaMetricsConfigType.STRIMZI_METRICS_REPORTER,
      ...(options.allowList && { values: { allowList: options.allowList } }),
    }));
  }

  /** The Prometheus JMX exporter, with a ConfigMap of rules for Kafka 4 (`<cluster>-kafka-metrics`). */
  public static jmxPrometheusExporter(): KafkaMetrics {
    checkArgs('KafkaMetrics.jmxPrometheusExporter()', 'KafkaMetrics.jmxPrometheusExporter', arguments);
    return new KafkaMetrics((scope, cluster, namespace) => {
      const configMap = new k8s.KubeConfigMap(scope, 'MetricsConfig', {
        metadata: { name: `${cluster}-kafka-metrics`, namespace, labels: { 'strimzi.io/cluster': cluster } },
        data: { [RULES_KEY]: stringify(KAFKA_JMX_RULES) },
      });
      return {
        type: strimzi.KafkaSpecKafkaMetricsConfigType.JMX_PROMETHEUS_EXPORTER,
        valueFrom: { configMapKeyRef: { name: configMap.name, key: RULES_KEY } },
      };
    });
  }

  private constructor(private readonly bind: (scope: Construct, cluster: string, namespace?: string) => strimzi.KafkaSpecKafkaMetricsConfig) {}

  /** @internal */
  public _bind(scope: Construct, cluster: string, namespace?: string): strimzi.KafkaSpecKafkaMetricsConfig {
    return this.bind(scope, cluster, namespace);
  }
}
