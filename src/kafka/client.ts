import { checkArgs, constructId } from '../core/props';
import { Duration, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { propError, Subject, throwPropError } from '../core/errors';
import { apacheKafkaImage, ImageUser, resolveImageUser } from '../core/images';
import { StrimziNames } from '../core/names';
import { labelWithSuffix } from '../core/naming';
import { tcpPort } from '../core/network';
import { checkImage, scriptDeployment, shellQuote } from '../core/workload';
import { DEFAULT_KAFKA_VERSION } from '../core/versions';
import { aclsEnforced, describeNeed, judge, needs, quoted } from './grants';
import type { IKafkaCluster } from './kafka-cluster';
import type { KafkaTopic } from './topic';
import { ListenerAuthenticationType } from './listener';
import { AclOperation, AclResourceType, UserAuthenticationType, type KafkaUser } from './user';

/** The Apache Kafka image of the default version: its command-line tools are the client. */
export const KAFKA_CLIENT_IMAGE = apacheKafkaImage(DEFAULT_KAFKA_VERSION);

/** What a client workload does. */
export enum KafkaClientRole {
  /** Produces a record every `interval`. */
  PRODUCER = 'producer',
  /** Consumes in a consumer group. */
  CONSUMER = 'consumer',
}

/** Props of {@link KafkaClientWorkload}. */
export interface KafkaClientWorkloadProps {
  /**
   * The cluster to connect to (in its namespace, where the user and CA Secrets are): a
   * KafkaCluster of the app, or one made elsewhere (`KafkaCluster.fromClusterAttributes()`).
   */
  readonly cluster: IKafkaCluster;
  /**
   * The user it authenticates as, a user of `cluster`; its Secret holds the credentials. With
   * simple authorization its ACLs must allow the work: Write on the topic (producer,
   * `topic.grantWrite(user)`), Read on the topic and on the group (consumer,
   * `topic.grantRead(user, { group })`); checked at synth, except for a super user and with
   * `allow.everyone.if.no.acl.found`. With a custom authorizer its ACLs (if it takes any:
   * `supportsAdminApi`) may or may not be what the authorizer consults
   * (`KafkaAuthorization.enforcesAcls` is undefined), so a missing ACL is not an error then; nor
   * without authorization, or when the cluster's authorization is not known.
   */
  readonly user: KafkaUser;
  /** The topic, a topic of `cluster`. */
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
  /**
   * The numeric user and group the image runs as (the pod's `runAsUser` and `runAsGroup`): the
   * pod runs as non-root, and the kubelet refuses an image whose user is a name it cannot verify.
   * @default - the image's, from the library's table of images (`IMAGE_FACTS`): every
   * `apache/kafka` version it supports; required for any other image
   */
  readonly imageUser?: ImageUser;
}

/**
 * A Deployment running Kafka's console producer or consumer as a KafkaUser, fed from the user's
 * Secret (a PKCS12 keystore for TLS users, the password for SCRAM users) and the cluster CA
 * Secret (a PEM truststore): what an application does to talk to the cluster.
 *
 * @example
 * const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
 * const topic = kafka.addTopic('orders');
 * const user = kafka.addUser('orders-app');
 * topic.grantWrite(user);
 * new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
 */
export class KafkaClientWorkload extends Construct {
  /** The Deployment (one replica). */
  public readonly deployment: k8s.KubeDeployment;
  /**
   * The NetworkPolicy of its pod, named like the Deployment: nothing may connect to it (nothing
   * in it listens); it may reach the cluster DNS and the cluster's brokers on the listener's port.
   */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;

  /**
   * Creates the Deployment, `<topic>-<role>` (a topic name that is no DNS label, or too long for
   * one, as a label with a hash of it: `orders_v1` gives `orders-v1-<hash>-producer`); throws if the user or topic is another cluster's, the listener does not accept the
   * user's authentication, the user has no Secret, or `image` is one the library does not know
   * the numeric user of and `imageUser` is not given. Synthesis fails if the user's ACLs, with
   * what is granted later, do not allow the work.
   */
  public constructor(scope: Construct, id: string, props: KafkaClientWorkloadProps) {
    super(scope, constructId('KafkaClientWorkload', scope, id));
    checkArgs({ scope: this, kind: 'KafkaClientWorkload', name: id }, 'KafkaClientWorkload.constructor', arguments, 2);
    ConsistencyPass.of(this);
    const { cluster, user, topic, role } = props;
    const subject: Subject = { scope: this, kind: 'KafkaClientWorkload', name: id };
    // The user's credentials and the topic exist only in their own cluster (the user operator and
    // topic operator of that Kafka), even when two clusters share a namespace.
    if (user.cluster !== cluster) {
      throwPropError(subject, 'user', `belongs to cluster '${user.cluster.clusterName}' (${user.cluster.node.path}), not to cluster '${cluster.clusterName}' (${cluster.node.path}) the workload connects to, which does not know its credentials`, user.userName, `use a user of '${cluster.clusterName}' (its addUser()), or connect to '${user.cluster.clusterName}'`);
    }
    if (topic.cluster !== cluster) {
      throwPropError(subject, 'topic', `belongs to cluster '${topic.cluster.clusterName}' (${topic.cluster.node.path}), not to cluster '${cluster.clusterName}' (${cluster.node.path}) the workload connects to, which has no such topic`, topic.topicName, `use a topic of '${cluster.clusterName}' (its addTopic()), or connect to '${topic.cluster.clusterName}'`);
    }
    const needed = user.authentication.listenerAuthentication;
    if (props.listener !== undefined && !cluster.allListeners.some((l) => l.name === props.listener)) {
      throwPropError(subject, 'listener', `is not a listener of cluster '${cluster.clusterName}' (it has ${cluster.allListeners.map((l) => l.name).join(', ') || 'none'})`, props.listener, 'name one of them, or leave it unset for the first that accepts the user');
    }
    const listener = props.listener === undefined
      ? cluster.allListeners.find((l) => l.authentication.type === needed && l.tls && l.servesInCluster)
      : cluster.allListeners.find((l) => l.name === props.listener);
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
    const image = props.image ?? KAFKA_CLIENT_IMAGE;
    const imageUser = resolveImageUser(subject, 'image', image, 'imageUser', props.imageUser);
    if (props.group !== undefined && props.group.trim() === '') throwPropError(subject, 'group', 'is empty', props.group, "name the consumer group, e.g. 'orders-app'");
    // At synth: the user may be granted more after the workload is made.
    this.node.addValidation({
      validate: () => {
        const problem = authorizationProblem(subject, cluster, user, topic.topicName, role, props.group ?? user.userName);
        return problem === undefined ? [] : [problem];
      },
    });
    // A DNS label for any legal topic name: the Deployment's name and its app.kubernetes.io/name label value.
    const name = labelWithSuffix(topic.topicName, role);
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
    // --command-config: the console tools' client-properties flag in every Kafka this library
    // supports (4.2.0's kafka-tools has it); --producer.config and --consumer.config are marked
    // "(DEPRECATED)" in 4.3.1's --help and print a notice on every start.
    const run = role === KafkaClientRole.PRODUCER
      ? `while true; do echo "$(date -u +%FT%TZ) from $HOSTNAME"; sleep ${seconds}; done | /opt/kafka/bin/kafka-console-producer.sh --bootstrap-server ${shellQuote(listener.bootstrapAddress)} --command-config /tmp/client.properties --topic ${shellQuote(topic.topicName)}`
      : `exec /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server ${shellQuote(listener.bootstrapAddress)} --command-config /tmp/client.properties --topic ${shellQuote(topic.topicName)} --group ${shellQuote(props.group ?? user.userName)}`;
    const script = `cat > /tmp/client.properties <<EOF\n${properties.join('\n')}\nEOF\n${run}`;

    const pass = ConsistencyPass.of(this);
    // The Deployment dials the cluster's in-cluster bootstrap Service and mounts Secrets the
    // operators write beside the Kafka resource: it must run in that Kubernetes cluster, not in the
    // chart of another (Environment.addCluster).
    pass.refer(subject, 'cluster', { group: 'kafka.strimzi.io', kind: 'Kafka', namespace: cluster.namespace, name: cluster.clusterName },
      `create the workload in the chart of the Kubernetes cluster that runs Kafka '${cluster.clusterName}' (${cluster.node.path}): its bootstrap Service and Secrets exist only there`);
    pass.tlsClient({ subject, prop: 'listener', address: listener.bootstrapAddress, trust: secretRef(cluster.namespace, trustedCa.secretName), namespace: cluster.namespace });
    pass.refer(subject, 'user', secretRef(cluster.namespace, user.secretName), "the workload reads the user's Secret from the cluster's namespace: use a user of this cluster");

    const workload = scriptDeployment(this, 'Resource', {
      name,
      namespace: cluster.namespace,
      labels,
      containerName: role,
      image,
      user: imageUser,
      // The brokers of the cluster, behind the bootstrap Service and at the addresses they
      // advertise, in the workload's own namespace: Strimzi labels every Kafka pod with
      // strimzi.io/cluster and strimzi.io/kind (Labels.strimziSelectorLabels) and broker nodes
      // strimzi.io/broker-role: 'true', which its bootstrap Service selects
      // (KafkaCluster.brokersSelector); a broker listens on the listener's port
      // (KafkaCluster.getContainerPortList: listener.getPort()).
      egress: [{ to: [{ podLabels: StrimziNames.brokerPodLabels(cluster.clusterName) }], ports: [tcpPort(listener.port)] }],
      script,
      env: [{ name: 'LOG_DIR', value: '/tmp/logs' }, { name: 'KAFKA_HEAP_OPTS', value: '-Xms64m -Xmx192m' }],
      cpuMillis: 50,
      memoryRequest: Size.mebibytes(256),
      memoryLimit: Size.mebibytes(384),
      tmpSize: Size.mebibytes(64),
      secrets: [
        { volume: 'kafka-ca', secretName: trustedCa.secretName, mountPath: '/etc/kafka-ca', keys: [trustedCa.certificate] },
        { volume: 'kafka-user', secretName: user.secretName, mountPath: '/etc/kafka-user' },
      ],
    });
    this.deployment = workload.deployment;
    this.networkPolicy = workload.networkPolicy;
  }
}

/** The Kafka error a client gets for a need its ACLs do not meet. */
const AUTHORIZATION_FAILED: Record<AclResourceType, string> = {
  [AclResourceType.TOPIC]: 'TOPIC_AUTHORIZATION_FAILED',
  [AclResourceType.GROUP]: 'GROUP_AUTHORIZATION_FAILED',
  [AclResourceType.TRANSACTIONAL_ID]: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  [AclResourceType.CLUSTER]: 'CLUSTER_AUTHORIZATION_FAILED',
};

/**
 * What is wrong with `user`'s ACLs for a `role` client where Kafka enforces them (`simple`
 * authorization: {@link aclsEnforced}; not a custom authorizer, which may or may not consult
 * them), judged by the grant model (grants.ts) as Kafka's StandardAuthorizer judges: a producer needs what
 * `topic.grantWrite(user)` gives (Write on the topic, and Describe, which Write implies; its
 * idempotent InitProducerId passes with Write on any topic: Kafka `KafkaApis
 * .handleInitProducerIdRequest`), a consumer what `topic.grantRead(user, { group })` gives (Read
 * on the topic and on its group: Fetch, JoinGroup, OffsetCommit; Describe on both: Metadata,
 * FindCoordinator, OffsetFetch, which Read implies). Any DENY that applies wins. Super users
 * (`KafkaAuthorization.simple(superUsers)`) and clusters with `allow.everyone.if.no.acl.found`
 * are not checked. Undefined when the ACLs do.
 */
function authorizationProblem(subject: Subject, cluster: IKafkaCluster, user: KafkaUser, topic: string, role: KafkaClientRole, group: string): string | undefined {
  if (aclsEnforced(cluster, user) !== true) return undefined;
  const producer = role === KafkaClientRole.PRODUCER;
  const wanted = producer ? [...needs('produce', topic), ...needs('idempotent')] : [...needs('consume', topic), ...needs('group', group)];
  const refusal = judge(user.acls, wanted);
  if (refusal === undefined) return undefined;
  if ('denied' in refusal) {
    const { need, index } = refusal.denied;
    return propError(subject, 'user', `is '${user.userName}', whose acls[${index}] denies ${describeNeed(need)}, which a ${role} needs; a deny wins over every allow (Kafka StandardAuthorizer), so it would fail with an authorization error`, user.userName, `remove acls[${index}] of user '${user.userName}', or narrow it so that it leaves ${describeNeed(need)}`);
  }
  // Describe goes without saying where the operation that implies it is missing too, and so does
  // InitProducerId where Write on the topic, which would allow it, is missing.
  const missing = refusal.missing.filter((a) => !refusal.missing.some((b) => b !== a && b.type === a.type && b.name === a.name && a.operation === AclOperation.DESCRIBE)
    && !refusal.missing.some((b) => a.orOnAny !== undefined && b.type === a.orOnAny.type && b.operation === a.orOnAny.operation));
  const grant = producer ? 'topic.grantWrite(user)' : `topic.grantRead(user, { group: ${quoted(group)} })`;
  const rules = [
    ...(missing.some((a) => a.type === AclResourceType.TOPIC) ? [`Acl.topic(${quoted(topic)}).allow(${producer ? 'AclOperation.WRITE' : 'AclOperation.READ'}, AclOperation.DESCRIBE)`] : []),
    ...(missing.some((a) => a.type === AclResourceType.GROUP) ? [`Acl.group(${quoted(group)}).allow(AclOperation.READ, AclOperation.DESCRIBE)`] : []),
    ...(missing.some((a) => a.type === AclResourceType.CLUSTER) ? ['Acl.cluster().allow(AclOperation.IDEMPOTENT_WRITE)'] : []),
  ];
  return propError(subject, 'user', `is '${user.userName}', whose ACLs do not allow ${missing.map(describeNeed).join(', ')}, which a ${role} needs: with simple authorization it would fail with ${AUTHORIZATION_FAILED[missing[0].type]}`, user.userName,
    `grant it with ${grant}, or add ${rules.join(' and ')} to the user's acls`);
}
