import { Chart, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Acl, AclOperation, ClusterProfile, KafkaCluster, KafkaStorage, KafkaTopic, KafkaUser } from '../kafka';

/** Props of {@link DevEnvironment}. */
export interface DevEnvironmentProps {
  /**
   * The namespace of Kafka and everything around it.
   * @default 'kafka'
   */
  readonly namespace?: string;
  /**
   * The Kafka cluster's name.
   * @default 'gateway-api-test'
   */
  readonly clusterName?: string;
}

/**
 * A laptop environment: one KIND cluster running a KRaft Kafka cluster on Strimzi with one
 * controller (the DEVELOPMENT profile says so) and three brokers, a SCRAM listener, an `app` user
 * with ACLs and a 12-partition `orders` topic.
 */
export class DevEnvironment {
  /** The chart of the one KIND cluster (`dist/dev/kind/`). */
  public readonly chart: Chart;
  public readonly kafka: KafkaCluster;
  public readonly topic: KafkaTopic;
  public readonly user: KafkaUser;

  /**
   * @param app the App (one per environment) whose output folder receives a folder per cluster
   */
  public constructor(app: Construct, props: DevEnvironmentProps = {}) {
    const namespace = props.namespace ?? 'kafka';
    this.chart = new Chart(app, 'kind');
    new k8s.KubeNamespace(this.chart, 'Namespace', { metadata: { name: namespace } });

    this.kafka = new KafkaCluster(this.chart, 'Kafka', {
      name: props.clusterName ?? 'gateway-api-test',
      namespace,
      profile: ClusterProfile.DEVELOPMENT,
      controllers: { replicas: 1 },
      brokers: { replicas: 3, storage: KafkaStorage.persistentClaim({ size: Size.gibibytes(10) }) },
    });
    this.topic = this.kafka.addTopic('orders', { partitions: 12 });
    this.user = this.kafka.addUser('app', {
      acls: [
        Acl.topic('orders').allow(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE),
        Acl.group('app').allow(AclOperation.READ),
      ],
    });
  }
}
