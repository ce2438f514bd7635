import { checkArgs, constructId } from '../core/props';
import { Duration, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { throwPropError } from '../core/errors';
import { toDnsLabel } from '../core/naming';
import { checkImage, scriptDeployment, shellQuote } from '../core/workload';
import { DEFAULT_KAFKA_VERSION } from '../core/versions';
import type { KafkaCluster } from './kafka-cluster';
import type { KafkaTopic } from './topic';
import { ListenerAuthenticationType } from './listener';
import { UserAuthenticationType, type KafkaUser } from './user';

/** The Apache Kafka image of the default version: its command-line tools are the client. */
export const KAFKA_CLIENT_IMAGE = `apache/kafka:${DEFAULT_KAFKA_VERSION}`;

/** What a client workload does. */
export enum KafkaClientRole {
  /** Produces a record every `interval`. */
  PRODUCER = 'producer',
  /** Consumes in a consumer group. */
  CONSUMER = 'consumer',
}

/** Props of {@link KafkaClientWorkload}. */
export interface KafkaClientWorkloadProps {
  /** The cluster to connect to (in its namespace, where the user and CA Secrets are). */
  readonly cluster: KafkaCluster;
  /** The user it authenticates as; its Secret holds the credentials. */
  readonly user: KafkaUser;
  /** The topic. */
  readonly topic: KafkaTopic;
  /** Whether it produces or consumes. */
  readonly role: KafkaClientRole;
  /**
   * The listener to use.
   * @default - the first listener that accepts the user's authentication
   */
  readonly listener?: string;
  /**
   * The consumer group (consumers).
   * @default - the user's name
   */
  readonly group?: string;
  /**
   * How often the producer sends a record.
   * @default Duration.seconds(5)
   */
  readonly interval?: Duration;
  /**
   * The image (with Kafka's tools in /opt/kafka/bin).
   * @default KAFKA_CLIENT_IMAGE
   */
  readonly image?: string;
}

/**
 * A Deployment running Kafka's console producer or consumer as a KafkaUser, fed from the user's
 * Secret (a PKCS12 keystore for TLS users, the password for SCRAM users) and the cluster CA
 * Secret (a PEM truststore): what an application does to talk to the cluster.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * const topic = kafka.addTopic('orders');
 * const user = kafka.addUser('orders-app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE, AclOperation.DESCRIBE)] });
 * new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
 */
export class KafkaClientWorkload extends Construct {
  /** The Deployment (one replica). */
  public readonly deployment: k8s.KubeDeployment;

  /** Creates the Deployment; throws if the listener does not accept the user's authentication or the user has no Secret. */
  public constructor(scope: Construct, id: string, props: KafkaClientWorkloadProps) {
    super(scope, constructId('KafkaClientWorkload', scope, id));
    checkArgs({ scope: this, kind: 'KafkaClientWorkload', name: id }, 'KafkaClientWorkload.constructor', arguments, 2);
    ConsistencyPass.of(this);
    const { cluster, user, topic, role } = props;
    const subject = { scope: this, kind: 'KafkaClientWorkload', name: id };
    const needed = user.authentication.listenerAuthentication;
    if (props.listener !== undefined && !cluster.allListeners.some((l) => l.name === props.listener)) {
      throwPropError(subject, 'listener', `is not a listener of KafkaCluster '${cluster.clusterName}' (it has ${cluster.allListeners.map((l) => l.name).join(', ') || 'none'})`, props.listener, 'name one of them, or leave it unset for the first that accepts the user');
    }
    const listener = props.listener === undefined
      ? cluster.allListeners.find((l) => l.authentication.type === needed && l.tls && l.servesInCluster)
      : cluster.listener(props.listener);
    if (listener === undefined || listener.authentication.type !== needed || !listener.tls) {
      throwPropError(subject, 'listener', `must be a TLS listener that authenticates ${user.authentication.type} users like '${user.userName}'`, props.listener ?? '(none found)', `add a TLS listener with ListenerAuthentication.${needed === ListenerAuthenticationType.TLS ? 'tls()' : 'scramSha512()'}`);
    }
    if (!listener.servesInCluster) {
      throwPropError(subject, 'listener', 'advertises hosts outside the Kubernetes cluster (a Gateway\'s): a workload that bootstraps from its Service would be sent there', listener.name, 'use an internal or cluster-ip listener (the default \'tls\' is one)');
    }
    const trustedCa = listener.trustedCa!;
    if (user.secretName === undefined) {
      throwPropError(subject, 'user', 'has no Secret (tls-external): the workload cannot read its credentials', user.userName, 'use a tls or scram-sha-512 user');
    }
    if (props.image !== undefined) checkImage(subject, 'image', props.image);
    if (props.group !== undefined && props.group.trim() === '') throwPropError(subject, 'group', 'is empty', props.group, "name the consumer group, e.g. 'orders-app'");
    const name = `${toDnsLabel(topic.topicName)}-${role}`;
    const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'kafka-client' };
    const tls = user.authentication.type !== UserAuthenticationType.SCRAM_SHA_512;
    const properties = [
      `bootstrap.servers=${listener.bootstrapAddress}`,
      `security.protocol=${listener.securityProtocol}`,
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=/etc/kafka-ca/${trustedCa.certificate}`,
      ...(tls
        ? ['ssl.keystore.type=PKCS12', 'ssl.keystore.location=/etc/kafka-user/user.p12', 'ssl.keystore.password=$(cat /etc/kafka-user/user.password)']
        : ['sasl.mechanism=SCRAM-SHA-512', `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user.userName}" password="$(cat /etc/kafka-user/password)";`]),
    ];
    const seconds = Math.max(1, Math.round((props.interval ?? Duration.seconds(5)).toSeconds()));
    const run = role === KafkaClientRole.PRODUCER
      ? `while true; do echo "$(date -u +%FT%TZ) from $HOSTNAME"; sleep ${seconds}; done | /opt/kafka/bin/kafka-console-producer.sh --bootstrap-server ${shellQuote(listener.bootstrapAddress)} --producer.config /tmp/client.properties --topic ${shellQuote(topic.topicName)}`
      : `exec /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server ${shellQuote(listener.bootstrapAddress)} --consumer.config /tmp/client.properties --topic ${shellQuote(topic.topicName)} --group ${shellQuote(props.group ?? user.userName)}`;
    const script = `cat > /tmp/client.properties <<EOF\n${properties.join('\n')}\nEOF\n${run}`;

    const pass = ConsistencyPass.of(this);
    pass.tlsClient({ subject, prop: 'listener', address: listener.bootstrapAddress, trust: secretRef(cluster.namespace, trustedCa.secretName) });
    pass.refer(subject, 'user', secretRef(cluster.namespace, user.secretName), "the workload reads the user's Secret from the cluster's namespace: use a user of this cluster");

    this.deployment = scriptDeployment(this, 'Resource', {
      name,
      namespace: cluster.namespace,
      labels,
      containerName: role,
      image: props.image ?? KAFKA_CLIENT_IMAGE,
      script,
      env: [{ name: 'LOG_DIR', value: '/tmp/logs' }, { name: 'KAFKA_HEAP_OPTS', value: '-Xms64m -Xmx192m' }],
      cpuRequest: '50m',
      memoryRequest: Size.mebibytes(256),
      memoryLimit: Size.mebibytes(384),
      tmpSize: Size.mebibytes(64),
      secrets: [
        { volume: 'kafka-ca', secretName: trustedCa.secretName, mountPath: '/etc/kafka-ca', keys: [trustedCa.certificate] },
        { volume: 'kafka-user', secretName: user.secretName, mountPath: '/etc/kafka-user' },
      ],
    });
  }
}
