import { checkArgs } from '../core/props';
import { Construct } from 'constructs';
import {
  Acl, AclOperation, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaMetrics, KafkaPodMonitor, ListenerAuthentication, UserAuthentication,
} from '../kafka';
import { Environment } from './environment';

/**
 * Kafka for applications inside the Kubernetes cluster, with mutual TLS: one TLS listener that
 * authenticates clients by certificate, TLS KafkaUsers with ACLs, a producer and a consumer
 * workload fed from their user Secrets and the cluster CA, rack awareness with pods spread over
 * zones and nodes, and Prometheus metrics with Kafka Exporter and a PodMonitor.
 *
 * @example
 * const app = new App();
 * const env = new InClusterMtlsEnvironment(app);
 * synthEnvironment(env, 'dist');
 */
export class InClusterMtlsEnvironment extends Environment {
  /** The Kafka cluster, `events`. */
  public readonly kafka: KafkaCluster;

  /** Creates the environment and its one cluster, `cluster`. */
  public constructor(scope: Construct, name: string = 'in-cluster-mtls') {
    super(scope, name, { description: 'Kafka for in-cluster applications with mutual TLS, ACLs and Prometheus metrics.' });
    checkArgs({ scope: this, kind: 'InClusterMtlsEnvironment', name }, 'InClusterMtlsEnvironment.constructor', arguments, 2);
    const chart = this.addCluster('cluster', { namespaces: ['kafka'], description: 'one Kubernetes cluster (a cloud cluster with zone labels on its nodes)' });

    this.kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'events',
      namespace: 'kafka',
      defaultListener: false,
      metrics: KafkaMetrics.strimziMetricsReporter(),
      kafkaExporter: true,
    });
    this.kafka.addListener('mtls', { port: 9093, authentication: ListenerAuthentication.tls() });
    const orders = this.kafka.addTopic('orders', { partitions: 12, config: { 'retention.ms': 604800000 } });
    const producer = this.kafka.addUser('orders-producer', {
      authentication: UserAuthentication.tls(),
      acls: [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE), Acl.cluster().allow(AclOperation.IDEMPOTENT_WRITE)],
    });
    const consumer = this.kafka.addUser('orders-consumer', {
      authentication: UserAuthentication.tls(),
      acls: [Acl.topic('orders').allow(AclOperation.READ, AclOperation.DESCRIBE), Acl.group('orders-consumer').allow(AclOperation.READ)],
    });
    new KafkaClientWorkload(chart, 'Producer', { cluster: this.kafka, user: producer, topic: orders, role: KafkaClientRole.PRODUCER });
    new KafkaClientWorkload(chart, 'Consumer', { cluster: this.kafka, user: consumer, topic: orders, role: KafkaClientRole.CONSUMER });
    new KafkaPodMonitor(chart, 'Monitor', { cluster: this.kafka });

    this.addCheck('Kafka is ready', 'kubectl -n kafka wait kafka/events --for=condition=Ready --timeout=10m');
    this.addCheck('Records flow from the producer to the consumer', 'kubectl -n kafka logs deploy/orders-consumer --tail 5');
    const [broker] = this.kafka.brokerPool!.podNames(this.kafka.clusterName);
    this.addCheck('Metrics are scraped', 'kubectl -n kafka get podmonitor events-kafka', `kubectl -n kafka exec ${broker} -- curl -s localhost:9404/metrics | head`);
  }
}
