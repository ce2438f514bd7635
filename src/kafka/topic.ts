import { checkArgs, constructId } from '../core/props';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass } from '../core/consistency';
import { propError, Subject, throwPropError } from '../core/errors';
import { checkTopicName, toResourceName } from '../core/naming';
import { checkConfigValues, minIsrProblem } from './broker-config';
import { ClusterProfile } from './kafka-cluster';
import type { IKafkaCluster, KafkaCluster } from './kafka-cluster';

/** Options of `KafkaCluster.addTopic()`. */
export interface KafkaTopicOptions {
  /**
   * The topic's name in Kafka: letters, digits, '.', '_' and '-', at most 249 characters.
   * @default - the construct id
   */
  readonly topicName?: string;
  /**
   * Partitions: the most consumers of one group that can work in parallel. Can grow later, never shrink.
   * @default 3
   */
  readonly partitions?: number;
  /**
   * Replicas of each partition; at most the number of brokers.
   * @default - the cluster's `default.replication.factor` (3)
   */
  readonly replicas?: number;
  /**
   * Topic configuration, e.g. `{ 'retention.ms': 604800000, 'cleanup.policy': 'compact' }`.
   * @default - the broker defaults
   */
  readonly config?: Record<string, string | number | boolean>;
}

/** Props of {@link KafkaTopic}. */
export interface KafkaTopicProps extends KafkaTopicOptions {
  /** The cluster the topic lives in. */
  readonly cluster: IKafkaCluster;
}

/**
 * A Strimzi `KafkaTopic`, managed by the cluster's topic operator.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * new KafkaTopic(chart, 'Orders', { cluster: kafka, topicName: 'orders', partitions: 12, config: { 'retention.ms': 604800000 } });
 */
export class KafkaTopic extends Construct {
  /** The topic's name in Kafka. */
  public readonly topicName: string;
  /** The number of partitions. */
  public readonly partitions: number;
  /** The replication factor, when set explicitly (otherwise the cluster default applies). */
  public readonly replicas?: number;
  /** The L1 `KafkaTopic`. */
  public readonly resource: strimzi.KafkaTopic;

  /** Creates a KafkaTopic in the cluster's namespace. */
  public constructor(scope: Construct, id: string, props: KafkaTopicProps) {
    super(scope, constructId('KafkaTopic', scope, id));
    checkArgs({ scope: this, kind: 'KafkaTopic', name: id }, 'KafkaTopic.constructor', arguments, 2);
    ConsistencyPass.of(this);
    this.topicName = props.topicName ?? id;
    const subject: Subject = { scope: this, kind: 'KafkaTopic', name: this.topicName };
    checkTopicName(subject, 'topicName', this.topicName);
    this.partitions = props.partitions ?? 3;
    if (!Number.isInteger(this.partitions) || this.partitions < 1) {
      throwPropError(subject, 'partitions', 'must be a whole number >= 1', this.partitions, 'set the parallelism you need, e.g. 12');
    }
    this.replicas = props.replicas;
    if (this.replicas !== undefined && (!Number.isInteger(this.replicas) || this.replicas < 1)) {
      throwPropError(subject, 'replicas', 'must be a whole number >= 1', this.replicas, 'set 3, or leave it unset for the cluster default');
    }
    const config = props.config ?? {};
    checkConfigValues(subject, 'config', config);
    const cluster = props.cluster;

    // Kubernetes names are DNS subdomains; a topic name that is not one keeps its Kafka name in
    // spec.topicName and gets a derived, collision-free resource name.
    const resourceName = toResourceName(this.topicName);
    this.resource = new strimzi.KafkaTopic(this, 'Resource', {
      metadata: {
        name: resourceName,
        namespace: cluster.namespace,
        labels: { 'strimzi.io/cluster': cluster.clusterName },
      },
      spec: {
        ...(resourceName !== this.topicName && { topicName: this.topicName }),
        partitions: this.partitions,
        ...(this.replicas !== undefined && { replicas: this.replicas }),
        ...(Object.keys(config).length > 0 && { config }),
      },
    });

    ConsistencyPass.of(this).declare(cluster, 'topic', this.topicName);

    this.node.addValidation({
      validate: () => {
        const full = cluster as Partial<KafkaCluster>;
        const brokerConfig = full.brokerConfig;
        if (full.brokerCount === undefined || brokerConfig === undefined) return [];
        const errors: string[] = [];
        const replicas = this.replicas ?? Number(brokerConfig['default.replication.factor']);
        if (replicas > full.brokerCount) {
          errors.push(propError(subject, 'replicas', `exceed the ${full.brokerCount} brokers of cluster '${cluster.clusterName}'`, replicas, `set at most ${full.brokerCount}, or add brokers`));
        }
        const minIsr = Number(config['min.insync.replicas'] ?? brokerConfig['min.insync.replicas']);
        const problem = minIsrProblem(replicas, minIsr, full.profile === ClusterProfile.DEVELOPMENT);
        if (problem !== undefined) {
          const from = config['min.insync.replicas'] === undefined ? ` (the cluster's min.insync.replicas applies to the topic's ${replicas} replicas)` : ` (the topic has ${replicas} replicas)`;
          errors.push(propError(subject, "config['min.insync.replicas']", `${problem.problem}${from}`, minIsr, problem.fix));
        }
        return errors;
      },
    });
  }
}
