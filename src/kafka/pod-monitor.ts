import { checkArgs, constructId } from '../core/props';
import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ConsistencyPass } from '../core/consistency';
import { goDuration } from '../core/duration';
import { propError, Subject } from '../core/errors';
import { checkLabels } from '../core/naming';
import { API_VERSIONS } from '../core/versions';
import type { KafkaCluster } from './kafka-cluster';

/** Props of {@link KafkaPodMonitor}. */
export interface KafkaPodMonitorProps {
  /** The cluster whose pods are scraped: it must have `metrics` set, or Kafka Exporter. */
  readonly cluster: KafkaCluster;
  /**
   * How often Prometheus scrapes.
   * @default Duration.seconds(30)
   */
  readonly interval?: Duration;
  /**
   * Labels Prometheus selects PodMonitors by (e.g. `release: monitoring` for kube-prometheus-stack).
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/**
 * A Prometheus Operator `PodMonitor` for a cluster's Strimzi pods (brokers, controllers and
 * Kafka Exporter), on the port Strimzi names `tcp-prometheus` (9404).
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', metrics: KafkaMetrics.strimziMetricsReporter() });
 * new KafkaPodMonitor(chart, 'Monitor', { cluster: kafka, labels: { release: 'monitoring' } });
 */
export class KafkaPodMonitor extends Construct {
  /** The `PodMonitor`. */
  public readonly resource: ApiObject;

  /** Creates a PodMonitor named `<cluster>-kafka` in the cluster's namespace; fails at synth if no pod of the cluster serves metrics. */
  public constructor(scope: Construct, id: string, props: KafkaPodMonitorProps) {
    super(scope, constructId('KafkaPodMonitor', scope, id));
    checkArgs({ scope: this, kind: 'KafkaPodMonitor', name: id }, 'KafkaPodMonitor.constructor', arguments, 2);
    ConsistencyPass.of(this);
    const cluster = props.cluster;
    const name = `${cluster.clusterName}-kafka`;
    const subject: Subject = { scope: this, kind: 'KafkaPodMonitor', name };
    checkLabels(subject, 'labels', props.labels);
    this.resource = new ApiObject(this, 'Resource', {
      apiVersion: API_VERSIONS.PodMonitor,
      kind: 'PodMonitor',
      metadata: { name, namespace: cluster.namespace, ...(props.labels && { labels: props.labels }) },
      spec: {
        selector: { matchLabels: { 'strimzi.io/cluster': cluster.clusterName, 'strimzi.io/kind': 'Kafka' } },
        podMetricsEndpoints: [{ port: 'tcp-prometheus', path: '/metrics', interval: goDuration(props.interval ?? Duration.seconds(30)) }],
      },
    });
    // A PodMonitor selects pods of its own Kubernetes cluster: it must be where the Kafka resource
    // (and so its pods) is, not in the chart of another cluster (Environment.addCluster).
    ConsistencyPass.of(this).refer(subject, 'cluster', { group: 'kafka.strimzi.io', kind: 'Kafka', namespace: cluster.namespace, name: cluster.clusterName },
      `create the PodMonitor in the chart of the Kubernetes cluster that runs KafkaCluster '${cluster.clusterName}' (${cluster.node.path}): Prometheus finds only the pods of its own cluster`);
    this.node.addValidation({
      validate: () => (!servesMetrics(cluster)
        ? [propError(subject, 'cluster', `is KafkaCluster '${cluster.clusterName}', which has no metrics and no Kafka Exporter: none of its pods has the port tcp-prometheus this PodMonitor scrapes (Strimzi adds it to the Kafka pods only with spec.kafka.metricsConfig, and to Kafka Exporter's), so Prometheus would find no target`, cluster.clusterName, "set metrics: KafkaMetrics.strimziMetricsReporter() (or kafkaExporter: true) on the cluster, or drop the PodMonitor")]
        : []),
    });
  }
}

/**
 * Whether some pod of `cluster` serves `tcp-prometheus` (Strimzi `KafkaCluster`: the Kafka
 * pods get `MetricsModel.METRICS_PORT_NAME` only `if (metrics != null)`; `KafkaExporter` always
 * has it).
 */
function servesMetrics(cluster: KafkaCluster): boolean {
  return cluster.metrics !== undefined || cluster.kafkaExporter;
}
