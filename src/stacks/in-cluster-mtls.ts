import { checkArgs } from '../core/props';
import { Construct } from 'constructs';
import {
  Acl, AclOperation, ConnectPluginArtifact, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaConnect, KafkaMetrics, KafkaPodMonitor, ListenerAuthentication, UserAuthentication,
} from '../kafka';
import { Environment } from './environment';

/**
 * Kafka for applications inside the Kubernetes cluster, with mutual TLS: one TLS listener that
 * authenticates clients by certificate, TLS KafkaUsers with ACLs, a producer and a consumer
 * workload fed from their user Secrets and the cluster CA, rack awareness with pods spread over
 * zones and nodes, Prometheus metrics with Kafka Exporter and a PodMonitor, and a Kafka Connect
 * worker (its image built with Kafka's connect-file plugin) whose FileStreamSource connector writes
 * the lines of Kafka's LICENSE into the topic `license-lines`.
 *
 * @example
 * const app = new App();
 * const env = new InClusterMtlsEnvironment(app);
 * synthEnvironment(env, 'dist');
 */
export class InClusterMtlsEnvironment extends Environment {
  /** The Kafka cluster, `events`. */
  public readonly kafka: KafkaCluster;
  /** The Kafka Connect workers, `files`. */
  public readonly connect: KafkaConnect;

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

    // Kafka Connect through the mTLS listener, as its own TLS user. FileStreamSourceConnector is
    // not in Strimzi's image (Kafka dropped connect-file from the classpath in 3.2), so it is built
    // in from Maven Central, checked by its SHA-512 (sha512sum of connect-file-4.3.1.jar, whose
    // .sha1 on Maven Central matches). The image goes to ttl.sh as in Strimzi's own example
    // (packaging/examples/connect/kafka-connect-build.yaml): anonymous and kept 24 hours; use your
    // registry and a push Secret for anything that outlives a demo.
    const lines = this.kafka.addTopic('license-lines', { partitions: 1 });
    this.connect = new KafkaConnect(chart, 'Connect', {
      cluster: this.kafka,
      name: 'files',
      listener: 'mtls',
      build: {
        image: 'ttl.sh/cdk8s-kafka-in-cluster-mtls-connect-files:24h',
        plugins: [{
          name: 'connect-file',
          artifacts: [ConnectPluginArtifact.jar(
            'https://repo1.maven.org/maven2/org/apache/kafka/connect-file/4.3.1/connect-file-4.3.1.jar',
            'd0cae48f4388fab8e2314cf81fba28f8bbc6a277267d30037ba783d66ffc478f7b9cf48f4962506da1560da5b79578dfb323f816fde2c9e58280e8bbb14b5900',
          )],
        }],
      },
    });
    this.connect.addConnector('LicenseSource', {
      name: 'license-source',
      class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      config: { file: '/opt/kafka/LICENSE', topic: 'license-lines' },
      writes: [lines],
    });

    this.addCheck('Kafka is ready', 'kubectl -n kafka wait kafka/events --for=condition=Ready --timeout=10m');
    this.addCheck('Records flow from the producer to the consumer', 'kubectl -n kafka logs deploy/orders-consumer --tail 5');
    this.addCheck('The connector runs', 'kubectl -n kafka wait kafkaconnector/license-source --for=condition=Ready --timeout=15m');
    const [broker] = this.kafka.brokerPool!.podNames(this.kafka.clusterName);
    this.addCheck('Metrics are scraped', 'kubectl -n kafka get podmonitor events-kafka', `kubectl -n kafka exec ${broker} -- curl -s localhost:9404/metrics | head`);
  }
}
