import { checkArgs, constructId } from '../core/props';
import { Chart, Size } from 'cdk8s';
import { ContainerResources, Cpu } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass, differentKubernetesClusters, ObjectRef, secretRef, serviceRef } from '../core/consistency';
import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { checkName, checkNamespace, isName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import { checkSizing, renderResources } from '../core/resources';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/security';
import { DEFAULT_KAFKA_VERSION, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { PodSecurityLevel } from '../policy/pod-security';
import { componentReplicationFactor, componentReplicationProblem } from './broker-config';
import { mergeGrants, type GrantPart } from './grants';
import { AuthorizationType, ClusterProfile, type IKafkaCluster } from './kafka-cluster';
import { KafkaListener, ListenerAuthenticationType } from './listener';
import { KafkaTopic } from './topic';
import { Acl, AclOperation, KafkaUser, UserAuthentication, UserAuthenticationType } from './user';

// Kafka Connect as Strimzi 1.2 runs it (`KafkaConnect` and `KafkaConnector`, kafka.strimzi.io/v1):
// a group of Connect workers in distributed mode that keep their state in three compacted topics,
// with connectors declared as KafkaConnector resources (the cluster operator's connector operator,
// on for a KafkaConnect annotated `strimzi.io/use-connector-resources: "true"`).
//
// What a worker and its connectors do in Kafka, and so the ACLs of its user, is read from Apache
// Kafka 4.3.1's connect-runtime (org.apache.kafka.connect.*) and the request handlers of
// core/src/main/scala/kafka/server/KafkaApis.scala: see KafkaConnect.user.

/** A plugin artifact Strimzi downloads into the Connect image, verified by its SHA-512 checksum. */
export class ConnectPluginArtifact {
  /** A JAR file, e.g. from Maven Central. */
  public static jar(url: string, sha512: string): ConnectPluginArtifact {
    checkArgs('ConnectPluginArtifact.jar()', 'ConnectPluginArtifact.jar', arguments);
    return ConnectPluginArtifact.make('ConnectPluginArtifact.jar()', strimzi.KafkaConnectSpecBuildPluginsArtifactsType.JAR, url, sha512);
  }

  /** A TAR.GZ archive, unpacked into the plugin's directory. */
  public static tgz(url: string, sha512: string): ConnectPluginArtifact {
    checkArgs('ConnectPluginArtifact.tgz()', 'ConnectPluginArtifact.tgz', arguments);
    return ConnectPluginArtifact.make('ConnectPluginArtifact.tgz()', strimzi.KafkaConnectSpecBuildPluginsArtifactsType.TGZ, url, sha512);
  }

  /** A ZIP archive, unpacked into the plugin's directory. */
  public static zip(url: string, sha512: string): ConnectPluginArtifact {
    checkArgs('ConnectPluginArtifact.zip()', 'ConnectPluginArtifact.zip', arguments);
    return ConnectPluginArtifact.make('ConnectPluginArtifact.zip()', strimzi.KafkaConnectSpecBuildPluginsArtifactsType.ZIP, url, sha512);
  }

  private static make(factory: string, type: strimzi.KafkaConnectSpecBuildPluginsArtifactsType, url: string, sha512: string): ConnectPluginArtifact {
    // Strimzi downloads it inside the build pod and verifies `sha512sum` there; a `maven` artifact
    // cannot carry one (the CRD: "Not applicable to the maven artifact type"), so it is not offered.
    if (typeof url !== 'string' || !/^https:\/\/[^\s/?#]+\/\S+$/.test(url)) {
      throwFactoryError(factory, 'url', 'must be an https:// URL of the artifact (an http download could be changed on the way)', url, "use e.g. 'https://repo1.maven.org/maven2/org/apache/kafka/connect-file/4.3.1/connect-file-4.3.1.jar'");
    }
    if (typeof sha512 !== 'string' || !/^[0-9a-fA-F]{128}$/.test(sha512)) {
      throwFactoryError(factory, 'sha512', `must be the artifact's SHA-512 checksum, 128 hexadecimal digits (got ${typeof sha512 === 'string' ? `${sha512.length} characters` : typeof sha512})`, sha512, 'run `sha512sum <file>` on the artifact you checked, and paste the first field');
    }
    return new ConnectPluginArtifact(type, url, sha512.toLowerCase());
  }

  private constructor(
    /** The artifact type (jar, tgz, zip). */
    public readonly type: string,
    /** Where Strimzi downloads it from. */
    public readonly url: string,
    /** Its SHA-512 checksum, lower-case. */
    public readonly sha512: string,
  ) {}
}

/** A connector plugin built into the Connect image. */
export interface ConnectPlugin {
  /**
   * The plugin's name: its directory under Strimzi's plugin path; unique in the build. Lower-case
   * letters, digits, '-' and '_'.
   */
  readonly name: string;
  /** Its artifacts, at least one. */
  readonly artifacts: ConnectPluginArtifact[];
}

/** How Strimzi builds the Connect image with connector plugins (`spec.build`). */
export interface ConnectBuild {
  /**
   * The image Strimzi pushes the build to, with a tag other than `latest`
   * (`registry.example.com/kafka/connect-files:1`); Strimzi runs the workers from its digest.
   */
  readonly image: string;
  /**
   * The Secret (type `kubernetes.io/dockerconfigjson`) in the Connect namespace with the registry
   * credentials to push; made by the runbook.
   * @default - none: the registry takes pushes without credentials
   */
  readonly pushSecret?: string;
  /** The plugins, at least one. */
  readonly plugins: ConnectPlugin[];
}

/** Props of {@link KafkaConnect}. */
export interface KafkaConnectProps {
  /** The Kafka cluster the workers connect to and keep their state in (a KafkaCluster, or `KafkaCluster.fromClusterAttributes()`). */
  readonly cluster: IKafkaCluster;
  /**
   * The listener the workers connect through: one that serves clients inside the Kubernetes cluster.
   * @default - the cluster's first such listener
   */
  readonly listener?: string;
  /**
   * The KafkaConnect's name: Strimzi names its Service `<name>-connect-api`, so at most 51
   * characters. The user is `<name>-connect`, the group `<name>-connect`, the topics
   * `<name>-connect-configs`, `<name>-connect-offsets` and `<name>-connect-status`.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Its namespace: the cluster's, where the listener's CA Secret and the user's Secret are.
   * @default - the cluster's namespace
   */
  readonly namespace?: string;
  /**
   * Connect workers: connectors and tasks move to the others when one stops.
   * @default - 2, or 1 for a DEVELOPMENT cluster
   */
  readonly replicas?: number;
  /**
   * The Kafka version of the Connect image.
   * @default - the cluster's version if Strimzi 1.2 supports it, else 4.3.1
   */
  readonly version?: string;
  /**
   * Build an image with connector plugins; connectors of plugins Kafka ships in Strimzi's image
   * (MirrorMaker 2's) need none. Strimzi's build pod runs as root with the capabilities a container
   * build needs, which the `restricted` Pod Security Standard forbids (Strimzi's
   * RestrictedPodSecurityProvider.kafkaConnectBuildContainerSecurityContext refuses it): the
   * namespace is then held at `baseline`.
   * @default - none: Strimzi's Kafka image
   */
  readonly build?: ConnectBuild;
  /**
   * The replication factor of the config, offset and status topics the workers create.
   * @default - 3, or the brokers up to 3 in a DEVELOPMENT cluster
   */
  readonly storageReplicationFactor?: number;
  /**
   * Annotate the KafkaConnect `strimzi.io/use-connector-resources: "true"`, so that Strimzi runs
   * the KafkaConnectors of it (off: connectors are managed through the Connect REST API, and
   * `addConnector` / `new KafkaConnector` refuse it).
   * @default true
   */
  readonly useConnectorResources?: boolean;
  /**
   * CPU and memory of the Connect container.
   * @default - requests 250m CPU and 2 GiB, limit 2 GiB (100m and 1 GiB for a DEVELOPMENT cluster)
   */
  readonly resources?: ContainerResources;
  /**
   * The `restricted` Pod Security Standard's security context on the Connect pods.
   * @default true
   */
  readonly restrictedSecurityContext?: boolean;
  /**
   * Expose Prometheus metrics with the Strimzi metrics reporter.
   * @default false
   */
  readonly metrics?: boolean;
}

/** A Service name is a DNS-1035 label: at most 63 characters; Strimzi's Connect Service is `<name>-connect-api`. */
const MAX_CONNECT_NAME = 63 - '-connect-api'.length;

/**
 * A Strimzi `KafkaConnect`: distributed Kafka Connect workers wired to a cluster like a bridge is
 * (bootstrap from an in-cluster listener, trusting the CA that signs its certificate,
 * authenticating as a KafkaUser it makes in the cluster, the way the listener authenticates), with
 * the restricted security context, sized resources, its group and storage topics named and their
 * replication checked against the brokers and min ISR, optionally a build with checksummed
 * plugins, and connectors as KafkaConnectors ({@link addConnector}) whose declared topics become
 * the user's ACLs.
 *
 * @example
 * const connect = new KafkaConnect(chart, 'Connect', { cluster: kafka, name: 'files' });
 * connect.addConnector('LicenseSource', {
 *   class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
 *   config: { file: '/opt/kafka/LICENSE', topic: 'orders' },
 *   writes: [orders],
 * });
 */
export class KafkaConnect extends Construct {
  /** The KafkaConnect's name. */
  public readonly connectName: string;
  /** Its namespace. */
  public readonly namespace?: string;
  /** The cluster the workers connect to. */
  public readonly cluster: IKafkaCluster;
  /** The listener they connect through. */
  public readonly listener: KafkaListener;
  /** How many workers run. */
  public readonly replicas: number;
  /** The Kafka version of the Connect image. */
  public readonly version: string;
  /** The workers' group (`group.id`). */
  public readonly groupId: string;
  /** The workers' config, offset and status topics. */
  public readonly storageTopics: {
    /** Connector configurations (`config.storage.topic`). */
    readonly config: string;
    /** Source connectors' offsets (`offset.storage.topic`). */
    readonly offset: string;
    /** Connector and task statuses (`status.storage.topic`). */
    readonly status: string;
  };
  /** The replication factor of the storage topics. */
  public readonly storageReplicationFactor: number;
  /** Whether Strimzi runs the KafkaConnectors of it. */
  public readonly useConnectorResources: boolean;
  /**
   * The user the workers and their connectors authenticate as; undefined for a listener without
   * authentication on a cluster without authorization. Its ACLs (Kafka 4.3.1, connect-runtime):
   * - the group: Read (WorkerGroupMember's WorkerCoordinator joins it: JoinGroup, SyncGroup,
   *   Heartbeat, LeaveGroup, KafkaApis.handleJoinGroupRequest …), Describe (FindCoordinator:
   *   handleFindCoordinatorRequest);
   * - each storage topic: Create (KafkaTopicBasedBackingStore.topicInitializer:
   *   TopicAdmin.createTopicsWithRetry, CreateTopics, ControllerApis.createTopics), DescribeConfigs
   *   (TopicAdmin.verifyTopicCleanupPolicyOnlyCompact, which refuses a topic that is not compacted:
   *   handleDescribeConfigsRequest), Read and Describe (KafkaBasedLog's consumer:
   *   partitionsFor, assign, endOffsets, poll: Metadata, ListOffsets, Fetch), Write (KafkaBasedLog's
   *   producer: Produce; its idempotent InitProducerId is allowed by Write on a topic);
   * - per sink connector (WorkerSinkTask's consumer, group `connect-<connector>`:
   *   SinkUtils.consumerGroupId): Read and Describe on each topic it reads, Read and Describe on
   *   that group (the grant model's consume and group access);
   * - per source connector (WorkerSourceTask's producer): Write and Describe on each topic it writes
   *   (the grant model's produce access); a sink's dead letter queue likewise.
   */
  public readonly user?: KafkaUser;
  /** The L1 `KafkaConnect`. */
  public readonly resource: strimzi.KafkaConnect;

  private readonly subject: Subject;

  /** Creates the KafkaConnect and its user; props Strimzi or Connect would reject throw at once. */
  public constructor(scope: Construct, id: string, props: KafkaConnectProps) {
    super(scope, constructId('KafkaConnect', scope, id));
    checkArgs({ scope: this, kind: 'KafkaConnect', name: id }, 'KafkaConnect.constructor', arguments, 2);
    const pass = ConsistencyPass.of(this);
    this.connectName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaConnect', name: this.connectName };
    this.subject = subject;
    checkName(subject, 'name', this.connectName, { format: NameFormat.DNS1035_LABEL, maxLength: MAX_CONNECT_NAME, use: "Strimzi names its Service '<name>-connect-api', a DNS label of at most 63", example: 'files' });
    const cluster = props.cluster;
    if (!(cluster instanceof Construct) || !Array.isArray((cluster as Partial<IKafkaCluster>).allListeners)) {
      throwPropError(subject, 'cluster', 'must be a KafkaCluster', cluster, 'pass the KafkaCluster construct, or KafkaCluster.fromClusterAttributes() for one made elsewhere');
    }
    this.cluster = cluster;
    const elsewhere = differentKubernetesClusters(this, cluster);
    if (elsewhere !== undefined) {
      throwPropError(subject, 'cluster', `is Kafka '${cluster.clusterName}' (${cluster.node.path}) in another Kubernetes cluster than the KafkaConnect (${elsewhere}): its in-cluster address does not resolve here, and its user operator would not see the Connect user`, cluster.clusterName, 'put the KafkaConnect in the chart of the cluster\'s Kubernetes cluster');
    }
    this.listener = pickListener(subject, cluster, props.listener);
    this.namespace = props.namespace ?? cluster.namespace ?? Chart.of(this).namespace;
    checkNamespace(subject, 'namespace', this.namespace);
    if (cluster.namespace !== undefined && this.namespace !== cluster.namespace) {
      throwPropError(subject, 'namespace', `differs from the Kafka cluster's (${cluster.namespace}), where the listener's CA and the Connect user's Secrets are: Strimzi reads them from the KafkaConnect's namespace`, this.namespace ?? '(none)', "put the KafkaConnect in the cluster's namespace");
    }
    const dev = cluster.profile === ClusterProfile.DEVELOPMENT;
    this.replicas = props.replicas ?? (dev ? 1 : 2);
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      throwPropError(subject, 'replicas', 'must be a whole number >= 1', this.replicas, 'run 2, so that connectors move to the other worker while one restarts');
    }
    this.version = props.version ?? (SUPPORTED_KAFKA_VERSIONS.includes(cluster.version ?? '') ? cluster.version! : DEFAULT_KAFKA_VERSION);
    if (!SUPPORTED_KAFKA_VERSIONS.includes(this.version)) {
      throwPropError(subject, 'version', 'is not a Kafka version Strimzi 1.2 supports', this.version, `use one of ${SUPPORTED_KAFKA_VERSIONS.join(', ')} (default ${DEFAULT_KAFKA_VERSION})`);
    }
    this.storageReplicationFactor = componentReplicationFactor(subject, 'storageReplicationFactor', props.storageReplicationFactor, cluster);
    this.useConnectorResources = props.useConnectorResources ?? true;
    this.groupId = `${this.connectName}-connect`;
    this.storageTopics = { config: `${this.connectName}-connect-configs`, offset: `${this.connectName}-connect-offsets`, status: `${this.connectName}-connect-status` };
    const build = props.build === undefined ? undefined : checkBuild(subject, props.build);
    checkSizing(subject, 'resources', props.resources);
    const restricted = props.restrictedSecurityContext ?? true;
    const resources = props.resources ?? (dev
      ? { cpu: { request: Cpu.millis(100) }, memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } }
      : { cpu: { request: Cpu.millis(250) }, memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) } });

    this.user = this.makeUser();
    for (const topic of Object.values(this.storageTopics)) pass.declare(cluster, 'topic', topic);

    const trust = this.listener.trustedCa;
    const auth = this.user?.secretName === undefined ? undefined : (this.user.authentication.type === UserAuthenticationType.SCRAM_SHA_512
      ? { type: strimzi.KafkaConnectSpecAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512, username: this.user.userName, passwordSecret: { secretName: this.user.secretName, password: 'password' } }
      : { type: strimzi.KafkaConnectSpecAuthenticationType.TLS, certificateAndKey: { secretName: this.user.secretName, certificate: 'user.crt', key: 'user.key' } });
    this.resource = new strimzi.KafkaConnect(this, 'Resource', {
      metadata: {
        name: this.connectName,
        namespace: this.namespace,
        ...(this.useConnectorResources && { annotations: { 'strimzi.io/use-connector-resources': 'true' } }),
      },
      spec: {
        version: this.version,
        replicas: this.replicas,
        bootstrapServers: this.listener.bootstrapAddress,
        ...(trust && { tls: { trustedCertificates: [{ secretName: trust.secretName, certificate: trust.certificate }] } }),
        ...(auth && { authentication: auth }),
        groupId: this.groupId,
        configStorageTopic: this.storageTopics.config,
        offsetStorageTopic: this.storageTopics.offset,
        statusStorageTopic: this.storageTopics.status,
        config: {
          'config.storage.replication.factor': this.storageReplicationFactor,
          'offset.storage.replication.factor': this.storageReplicationFactor,
          'status.storage.replication.factor': this.storageReplicationFactor,
        },
        resources: renderResources(resources, strimzi.KafkaConnectSpecResourcesRequests.fromString, strimzi.KafkaConnectSpecResourcesLimits.fromString),
        ...(props.metrics && { metricsConfig: { type: strimzi.KafkaConnectSpecMetricsConfigType.STRIMZI_METRICS_REPORTER } }),
        ...(build && {
          build_: {
            output: { type: strimzi.KafkaConnectSpecBuildOutputType.DOCKER, image: build.image, ...(build.pushSecret && { pushSecret: build.pushSecret }) },
            plugins: build.plugins.map((p) => ({
              name: p.name,
              artifacts: p.artifacts.map((a) => ({ type: a.type as strimzi.KafkaConnectSpecBuildPluginsArtifactsType, url: a.url, sha512Sum: a.sha512 })),
            })),
          },
        }),
        template: compact({
          pod: restricted ? { securityContext: restrictedPodSecurityContext() } : undefined,
          connectContainer: restricted ? { securityContext: restrictedContainerSecurityContext() } : undefined,
        }),
      },
    });

    pass.namedBy(this.resource, subject, 'name');
    this.recordFacts(build);
    if (this.namespace !== undefined) {
      if (build !== undefined) {
        pass.podSecurity(this, this.namespace, PodSecurityLevel.BASELINE, `the build pod of KafkaConnect '${this.connectName}': Strimzi's container build runs as root with the capabilities a build needs (RestrictedPodSecurityProvider refuses it)`);
      } else if (!restricted) {
        pass.podSecurity(this, this.namespace, PodSecurityLevel.BASELINE, `KafkaConnect '${this.connectName}' runs with restrictedSecurityContext: false (Strimzi's default security context)`);
      }
    }
    this.node.addValidation({ validate: () => this.replicationProblems() });
  }

  /** Adds a KafkaConnector that runs on these workers (see {@link KafkaConnector}). */
  public addConnector(id: string, options: KafkaConnectorOptions): KafkaConnector {
    checkArgs(this.subject, 'KafkaConnect.addConnector', arguments);
    return new KafkaConnector(this, id, { ...options, connect: this });
  }

  /** The Service of the Connect REST API Strimzi makes (`KafkaConnectResources.serviceName`). */
  public get serviceName(): string {
    return `${this.connectName}-connect-api`;
  }

  /** The labels Strimzi gives the Connect pods, to select them. */
  public get podSelectorLabels(): Record<string, string> {
    return { 'strimzi.io/cluster': this.connectName, 'strimzi.io/kind': 'KafkaConnect' };
  }

  /**
   * The user, in the cluster's chart (a child of the cluster's construct), authenticating the way
   * the listener does, with the worker's ACLs (see {@link user}); undefined without authentication.
   */
  private makeUser(): KafkaUser | undefined {
    const cluster = this.cluster;
    const type = this.listener.authentication.type;
    if (type === ListenerAuthenticationType.CUSTOM) {
      throwPropError(this.subject, 'listener', `'${this.listener.name}' of KafkaCluster '${cluster.clusterName}' authenticates with a custom mechanism, for which no KafkaUser holds credentials`, this.listener.name, 'use a listener with scram-sha-512 or tls authentication');
    }
    if (type === undefined) {
      if (cluster.authorization !== undefined && cluster.authorization.type === undefined) return undefined;
      throwPropError(this.subject, 'listener', `'${this.listener.name}' of KafkaCluster '${cluster.clusterName}' has no authentication, but the cluster's authorization is ${cluster.authorization === undefined ? "not known (declare authorization: KafkaAuthorization.none() if it has none)" : 'simple'}: the workers would be User:ANONYMOUS, which no KafkaUser grants`, this.listener.name,
        'use a listener with scram-sha-512 or tls authentication');
    }
    const userName = `${this.connectName}-connect`;
    const taken = cluster.node.tryFindChild(userName);
    if (taken !== undefined) {
      throwPropError(this.subject, 'name', `makes the user '${userName}' in cluster '${cluster.clusterName}' (${cluster.node.path}), which ${taken.node.path} already is: two KafkaConnects of one name would share a user, a group and topics`, this.connectName, 'give each KafkaConnect its own name');
    }
    const user = new KafkaUser(cluster, userName, {
      cluster,
      userName,
      authentication: type === ListenerAuthenticationType.TLS ? UserAuthentication.tls() : UserAuthentication.scramSha512(),
    });
    if (cluster.authorization === undefined || cluster.authorization.type === AuthorizationType.SIMPLE) {
      const { READ, WRITE, CREATE, DESCRIBE, DESCRIBE_CONFIGS } = AclOperation;
      user.addAcl(...mergeGrants([
        Acl.group(this.groupId).allow(READ, DESCRIBE),
        ...Object.values(this.storageTopics).map((t) => Acl.topic(t).allow(CREATE, READ, WRITE, DESCRIBE, DESCRIBE_CONFIGS)),
      ], []));
    }
    return user;
  }

  /** What the workers read, dial and trust, and what Strimzi makes from the KafkaConnect, for the consistency pass. */
  private recordFacts(build: ConnectBuild | undefined): void {
    const pass = ConsistencyPass.of(this);
    const subject = this.subject;
    pass.provide(this, () => connectClusterObjects(this.namespace, this.connectName, 'connect', this.serviceName, this.replicas), `Strimzi, from KafkaConnect '${this.connectName}' at ${this.node.path}`);
    const ca = this.listener.trustedCa;
    const trust = ca && secretRef(this.namespace, ca.secretName);
    if (trust !== undefined) pass.refer(subject, 'cluster', trust, "the workers read the CA Secret from their own namespace: put the KafkaConnect in the cluster's");
    if (this.user?.secretName !== undefined) pass.refer(subject, 'cluster', secretRef(this.namespace, this.user.secretName), "the workers read their user's Secret from their own namespace: put the KafkaConnect in the cluster's");
    if (build?.pushSecret !== undefined) pass.refer(subject, 'build.pushSecret', secretRef(this.namespace, build.pushSecret), 'create the registry Secret in the KafkaConnect\'s namespace before applying', true);
    pass.tlsClient({
      subject, prop: 'cluster', address: this.listener.bootstrapAddress, trust,
      authentication: this.user?.authentication.listenerAuthentication ?? 'none',
      namespace: this.namespace,
    });
  }

  /**
   * The storage topics' replication factor against the brokers and min ISR, as they are at synth:
   * at most the brokers (CreateTopics fails with INVALID_REPLICATION_FACTOR), above
   * `min.insync.replicas` so the workers' acks=all writes go on with a replica down.
   */
  private replicationProblems(): string[] {
    const problem = componentReplicationProblem(this.subject, 'storageReplicationFactor', this.storageReplicationFactor, this.cluster, 'the workers', 'their config, offset and status topics');
    return problem === undefined ? [] : [problem];
  }

}

/** The state Strimzi keeps a connector in (`spec.state`). */
export enum ConnectorState {
  /** Running its tasks. */
  RUNNING = 'running',
  /** Paused: tasks stay, but process nothing. */
  PAUSED = 'paused',
  /** Stopped: no tasks; its offsets may be altered. */
  STOPPED = 'stopped',
}

/** Options of {@link KafkaConnect.addConnector}. */
export interface KafkaConnectorOptions {
  /** The connector class, e.g. `org.apache.kafka.connect.file.FileStreamSourceConnector`. */
  readonly class: string;
  /**
   * The KafkaConnector's name, which is the connector's name in Connect; a sink consumes in the
   * group `connect-<name>`.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * The most tasks Connect runs for it.
   * @default 1
   */
  readonly tasksMax?: number;
  /**
   * The connector's config, as strings. Keys of Kafka's connector-level ConfigDef (ConnectorConfig,
   * SinkConnectorConfig, SourceConnectorConfig of connect-runtime 4.3.1) are checked: values,
   * sink-only keys on a source and the other way round, `transforms` with their types. A sink's
   * `topics` is written from `reads` (or must list them); `name`, `connector.class`, `tasks.max`
   * (Strimzi's), `topics.regex`, `topic.creation.*`, `exactly.once.support`,
   * `offsets.storage.topic` and client overrides of the connection are refused, as the ACLs are
   * derived from `reads` and `writes`. Other keys are the plugin's own.
   * @default - none
   */
  readonly config?: Record<string, string>;
  /**
   * The state Strimzi keeps it in.
   * @default ConnectorState.RUNNING
   */
  readonly state?: ConnectorState;
  /**
   * The topics a sink connector reads: it is a sink when this is set. KafkaTopics of the Connect
   * cluster's Kafka; the Connect user is granted Read and Describe on them and Read on the group
   * `connect-<name>`.
   * @default - none (a source)
   */
  readonly reads?: KafkaTopic[];
  /**
   * The topics a source connector writes (and a sink's dead letter queue): KafkaTopics of the
   * Connect cluster's Kafka; the Connect user is granted Write and Describe on them.
   * @default - none
   */
  readonly writes?: KafkaTopic[];
}

/** Props of {@link KafkaConnector}. */
export interface KafkaConnectorProps extends KafkaConnectorOptions {
  /** The Connect cluster it runs on; it must use connector resources. */
  readonly connect: KafkaConnect;
}

/** Connector keys Strimzi sets itself (`AbstractConnectorSpec.FORBIDDEN_PARAMETERS`). */
const STRIMZI_CONNECTOR_OPTIONS: Readonly<Record<string, string>> = {
  'name': 'the KafkaConnector name', 'connector.class': 'class', 'tasks.max': 'tasksMax', 'connector.plugin.version': 'the plugin\'s version',
};
/** SinkConnectorConfig keys (connect-runtime 4.3.1). */
const SINK_KEYS = ['topics', 'topics.regex', 'errors.deadletterqueue.topic.name', 'errors.deadletterqueue.topic.replication.factor', 'errors.deadletterqueue.context.headers.enable'];
/** SourceConnectorConfig keys (connect-runtime 4.3.1), and its `topic.creation.` prefix. */
const SOURCE_KEYS = ['exactly.once.support', 'transaction.boundary', 'transaction.boundary.interval.ms', 'offsets.storage.topic', 'topic.creation.groups'];
/** Keys refused because the ACLs are derived from reads and writes, with why. */
const REFUSED: Readonly<Record<string, string>> = {
  'topics.regex': 'the ACLs are derived from reads: name the topics there',
  'exactly.once.support': "exactly-once source support needs the workers' exactly.once.source.support and transactional-id ACLs, which the Connect user is not granted",
  'transaction.boundary': "it takes effect only with exactly-once source support, which needs transactional-id ACLs the Connect user is not granted",
  'transaction.boundary.interval.ms': "it takes effect only with exactly-once source support, which needs transactional-id ACLs the Connect user is not granted",
  'offsets.storage.topic': "a connector's own offsets topic would need ACLs the Connect user is not granted; its offsets go to the workers' offset topic",
};
/** Value checks of connector-level keys (ConnectorConfig / SinkConnectorConfig configDef of connect-runtime 4.3.1). */
const VALUES: Readonly<Record<string, { test: RegExp; what: string }>> = {
  'tasks.max.enforce': { test: /^(true|false)$/i, what: 'true or false (BOOLEAN)' },
  'errors.log.enable': { test: /^(true|false)$/i, what: 'true or false (BOOLEAN)' },
  'errors.log.include.messages': { test: /^(true|false)$/i, what: 'true or false (BOOLEAN)' },
  'errors.deadletterqueue.context.headers.enable': { test: /^(true|false)$/i, what: 'true or false (BOOLEAN)' },
  'errors.tolerance': { test: /^(none|all)$/, what: "'none' or 'all' (in(ToleranceType.NONE, ToleranceType.ALL))" },
  'config.action.reload': { test: /^(none|restart)$/, what: "'none' or 'restart'" },
  'errors.retry.timeout': { test: /^-?\d{1,18}$/, what: 'a whole number of milliseconds, -1 for no limit (LONG)' },
  'errors.retry.delay.max.ms': { test: /^\d{1,18}$/, what: 'a whole number of milliseconds (LONG)' },
  'errors.deadletterqueue.topic.replication.factor': { test: /^(-1|[1-9]\d{0,3}|[1-2]\d{4}|3[0-2][0-7]\d{2})$/, what: 'a replication factor, -1 for the broker default (SHORT)' },
};

/**
 * A Strimzi `KafkaConnector`: a connector run by a {@link KafkaConnect} that uses connector
 * resources, with its config checked against Kafka's connector-level model, and what it reads
 * (a sink) or writes (a source) declared as KafkaTopics of the cluster, which become the Connect
 * user's ACLs through the grant model.
 */
export class KafkaConnector extends Construct {
  /** The connector's name. */
  public readonly connectorName: string;
  /** The Connect cluster it runs on. */
  public readonly connect: KafkaConnect;
  /** Whether it is a sink (it reads topics). */
  public readonly sink: boolean;
  /** The consumer group of a sink, `connect-<name>` (SinkUtils.consumerGroupId); undefined for a source. */
  public readonly consumerGroup?: string;
  /** The most tasks it runs. */
  public readonly tasksMax: number;
  /** The state Strimzi keeps it in. */
  public readonly state: ConnectorState;
  /** The L1 `KafkaConnector`. */
  public readonly resource: strimzi.KafkaConnector;

  /** Creates the KafkaConnector and grants the Connect user what it reads and writes; bad props throw at once. */
  public constructor(scope: Construct, id: string, props: KafkaConnectorProps) {
    super(scope, constructId('KafkaConnector', scope, id));
    checkArgs({ scope: this, kind: 'KafkaConnector', name: id }, 'KafkaConnector.constructor', arguments, 2);
    this.connectorName = props.name ?? id.toLowerCase();
    const subject: Subject = { scope: this, kind: 'KafkaConnector', name: this.connectorName };
    checkName(subject, 'name', this.connectorName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaConnector and the connector', example: 'orders-sink' });
    const connect = props.connect;
    if (!(connect instanceof KafkaConnect)) throwPropError(subject, 'connect', 'must be a KafkaConnect', connect, 'pass the KafkaConnect the connector runs on');
    this.connect = connect;
    if (!connect.useConnectorResources) {
      throwPropError(subject, 'connect', `is KafkaConnect '${connect.connectName}', which does not use connector resources: Strimzi would ignore this KafkaConnector`, connect.connectName, 'leave useConnectorResources on (the default) on the KafkaConnect');
    }
    if (typeof props.class !== 'string' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(props.class)) {
      throwPropError(subject, 'class', 'must be a Java class name (or the simple name of a plugin class)', props.class, "use e.g. 'org.apache.kafka.connect.file.FileStreamSourceConnector'");
    }
    this.tasksMax = props.tasksMax ?? 1;
    if (!Number.isInteger(this.tasksMax) || this.tasksMax < 1) {
      throwPropError(subject, 'tasksMax', 'must be a whole number >= 1 (ConnectorConfig: tasks.max atLeast(1))', this.tasksMax, 'use 1, or up to the number of partitions it reads');
    }
    this.state = props.state ?? ConnectorState.RUNNING;
    if (!Object.values(ConnectorState).includes(this.state)) throwPropError(subject, 'state', 'must be a ConnectorState', this.state, 'use ConnectorState.RUNNING');
    const reads = topicList(subject, 'reads', props.reads, connect.cluster);
    const writes = topicList(subject, 'writes', props.writes, connect.cluster);
    this.sink = reads.length > 0;
    if (props.reads !== undefined && reads.length === 0) throwPropError(subject, 'reads', 'is empty: a sink reads at least one topic', [], 'name the topics it reads, or leave reads unset for a source');
    if (!this.sink && writes.length === 0) {
      throwPropError(subject, 'writes', 'and reads are both empty: the Connect user would be granted nothing for the connector', [], 'declare the topics a sink reads (reads) or a source writes (writes)');
    }
    this.consumerGroup = this.sink ? `connect-${this.connectorName}` : undefined;
    const config = this.checkConfig(subject, props.config, reads, writes);

    // The grants, through the grant model (checks the topics are KafkaTopics of the cluster).
    const parts: GrantPart[] = [
      ...reads.map((topic, i) => ({ access: 'consume' as const, resource: topic, prop: `reads[${i}]` })),
      ...(this.consumerGroup !== undefined ? [{ access: 'group' as const, resource: this.consumerGroup, prop: 'name' }] : []),
      ...writes.map((topic, i) => ({ access: 'produce' as const, resource: topic, prop: `writes[${i}]` })),
    ];
    const user = connect.user;
    const authorization = connect.cluster.authorization;
    if (user !== undefined && (authorization === undefined || authorization.type === AuthorizationType.SIMPLE)) {
      user._grant({ by: subject, method: 'KafkaConnector', cluster: connect.cluster }, parts);
    }

    this.resource = new strimzi.KafkaConnector(this, 'Resource', {
      metadata: { name: this.connectorName, namespace: connect.namespace, labels: { 'strimzi.io/cluster': connect.connectName } },
      spec: {
        class: props.class,
        tasksMax: this.tasksMax,
        ...(Object.keys(config).length > 0 && { config }),
        state: this.state as unknown as strimzi.KafkaConnectorSpecState,
      },
    });
    ConsistencyPass.of(this).namedBy(this.resource, subject, 'name');
  }

  /** The config, checked against Kafka's connector-level model, with a sink's `topics` written from `reads`. */
  private checkConfig(subject: Subject, given: Record<string, string> | undefined, reads: readonly KafkaTopic[], writes: readonly KafkaTopic[]): Record<string, string> {
    const config = given ?? {};
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throwPropError(subject, 'config', 'must be a plain object of connector options', config, "pass an object literal, e.g. { file: '/opt/kafka/LICENSE' }");
    }
    const kind = this.sink ? 'sink' : 'source';
    for (const [key, value] of Object.entries(config)) {
      const at = `config[${/^[\w.-]+$/.test(key) ? `'${key}'` : JSON.stringify(key)}]`;
      const fail = (problem: string, fix: string): never => throwPropError(subject, at, problem, value, fix);
      if (typeof value !== 'string') fail('must be a string (Strimzi passes connector config to Connect as strings)', `write it as a string, e.g. '${String(value)}'`);
      if (/[\u0000-\u001f\u007f]/.test(value)) fail('must not contain a line break or other control character', 'give the value on one line');
      const owner = STRIMZI_CONNECTOR_OPTIONS[key];
      if (owner !== undefined) fail('is set by Strimzi (AbstractConnectorSpec.FORBIDDEN_PARAMETERS)', `set ${owner} instead`);
      if (REFUSED[key] !== undefined) fail(`is refused: ${REFUSED[key]}`, 'remove it');
      if (key.startsWith('topic.creation.')) fail("is refused: the topics are KafkaTopics of the cluster, and creating others would need Create ACLs the Connect user is not granted", 'add the topic to the cluster (addTopic) and to writes');
      const override = /^(consumer|producer|admin)\.override\.(.*)$/.exec(key);
      if (override !== null && /^(ssl|sasl|security)\.|^(bootstrap\.servers|group\.id|transactional\.id)$/.test(override[2])) {
        fail("would change the connection, principal or group the Connect user's ACLs are for", 'remove it');
      }
      if (this.sink && SOURCE_KEYS.includes(key)) fail('is a source connector option (SourceConnectorConfig), but this connector is a sink (it has reads)', 'remove it');
      if (!this.sink && SINK_KEYS.includes(key)) fail('is a sink connector option (SinkConnectorConfig), but this connector is a source (it has no reads)', key === 'topics' ? 'declare the topics it reads in reads' : 'remove it');
      const check = VALUES[key];
      if (check !== undefined && !check.test.test(value)) fail(`must be ${check.what}`, 'correct the value');
    }
    for (const list of ['transforms', 'predicates']) {
      if (config[list] === undefined) continue;
      const aliases = config[list].split(',').map((a) => a.trim());
      aliases.forEach((alias, i) => {
        if (alias === '') throwPropError(subject, `config['${list}']`, `has an empty alias at position ${i + 1}`, config[list], 'list aliases separated by commas');
        if (aliases.indexOf(alias) !== i) throwPropError(subject, `config['${list}']`, `names '${alias}' twice (ConnectorConfig.aliasValidator: duplicate alias)`, config[list], 'give each alias once');
        if (config[`${list}.${alias}.type`] === undefined) {
          throwPropError(subject, `config['${list}']`, `names '${alias}', but '${list}.${alias}.type' is not set: Connect refuses the connector (ConnectorConfig.enrich: missing required configuration)`, config[list], `set '${list}.${alias}.type' to its class`);
        }
      });
    }
    const out = { ...config };
    if (this.sink) {
      const names = reads.map((t) => t.topicName);
      if (config.topics === undefined) {
        out.topics = names.join(',');
      } else {
        const listed = config.topics.split(',').map((t) => t.trim()).filter((t) => t !== '');
        const same = listed.length === names.length && listed.every((t) => names.includes(t)) && names.every((t) => listed.includes(t));
        if (!same) throwPropError(subject, "config['topics']", `lists other topics than reads (${names.join(', ')}), which the Connect user is granted`, config.topics, 'leave topics unset (it is written from reads), or list the same topics');
      }
    }
    const dlq = config['errors.deadletterqueue.topic.name'];
    if (dlq !== undefined && dlq.trim() !== '' && !writes.some((t) => t.topicName === dlq)) {
      throwPropError(subject, "config['errors.deadletterqueue.topic.name']", `names a topic that is not among writes (${writes.map((t) => t.topicName).join(', ') || 'none'}): the Connect user could not write it`, dlq, 'add the KafkaTopic to writes');
    }
    if (this.sink) {
      const extra = writes.filter((t) => t.topicName !== dlq);
      if (extra.length > 0) throwPropError(subject, 'writes', `include topics of a sink other than its dead letter queue: a sink's tasks write nothing else through the Connect user (${extra.map((t) => t.topicName).join(', ')})`, extra.map((t) => t.topicName), `drop them, or set errors.deadletterqueue.topic.name to the ${kind}'s dead letter queue`);
    }
    return out;
  }
}

/** The listener named `name`, or the first that serves in-cluster clients; throws unless it does. */
function pickListener(subject: Subject, cluster: IKafkaCluster, name: string | undefined): KafkaListener {
  const at = `KafkaCluster '${cluster.clusterName}' at ${cluster.node.path}`;
  if (name !== undefined && !cluster.allListeners.some((l) => l.name === name)) {
    throwPropError(subject, 'listener', `is not a listener of ${at} (it has ${cluster.allListeners.map((l) => l.name).join(', ') || 'none'})`, name, 'name one of them, or leave it unset');
  }
  const listener = cluster.allListeners.find((l) => (name === undefined ? l.servesInCluster : l.name === name));
  if (listener === undefined || !listener.servesInCluster) {
    throwPropError(subject, 'listener', listener === undefined ? `finds no listener of ${at} that serves clients inside the Kubernetes cluster` : `'${listener.name}' of ${at} advertises hosts outside the Kubernetes cluster, where workers that bootstrap from a Service would be sent`, name,
      "use an internal or cluster-ip listener (the default 'tls' is one)");
  }
  return listener;
}

/** The build, checked: an image with a tag other than latest, a push Secret name, named plugins with artifacts. */
function checkBuild(subject: Subject, build: ConnectBuild): ConnectBuild {
  const image = build.image;
  const tag = typeof image === 'string' ? /:([\w][\w.-]{0,127})$/.exec(image.replace(/^[^/]*\//, ''))?.[1] : undefined;
  if (typeof image !== 'string' || !/^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+:[\w][\w.-]{0,127}$/.test(image) || tag === undefined || tag === 'latest') {
    throwPropError(subject, 'build.image', "must be <registry>/<repository>:<tag> with a tag other than 'latest' (Strimzi pushes that tag and runs the workers from its digest)", image, "use e.g. 'registry.example.com/kafka/connect-files:1'");
  }
  if (build.pushSecret !== undefined && !isName(build.pushSecret, NameFormat.DNS1123_SUBDOMAIN)) {
    throwPropError(subject, 'build.pushSecret', "must name a Secret (a DNS-1123 subdomain) in the KafkaConnect's namespace", build.pushSecret, "use e.g. 'registry-push'");
  }
  if (!Array.isArray(build.plugins) || build.plugins.length === 0) throwPropError(subject, 'build.plugins', 'are empty: the build would add nothing to the image', build.plugins, 'add a plugin, or drop build');
  const names = new Set<string>();
  build.plugins.forEach((p, i) => {
    if (typeof p?.name !== 'string' || !/^[a-z0-9]([-_a-z0-9]{0,61}[a-z0-9])?$/.test(p.name)) {
      throwPropError(subject, `build.plugins[${i}].name`, "must be lower-case letters, digits, '-' and '_' (the plugin's directory)", p?.name, "use e.g. 'connect-file'");
    }
    if (names.has(p.name)) throwPropError(subject, `build.plugins[${i}].name`, 'is the name of another plugin: each has its own directory', p.name, 'give each plugin its own name');
    names.add(p.name);
    if (!Array.isArray(p.artifacts) || p.artifacts.length === 0 || !p.artifacts.every((a) => a instanceof ConnectPluginArtifact)) {
      throwPropError(subject, `build.plugins[${i}].artifacts`, 'must be one or more ConnectPluginArtifact.jar(), .tgz() or .zip()', p.artifacts, 'add the artifacts with their sha512 checksums');
    }
  });
  return build;
}

/** The topics, checked: KafkaTopics of the cluster, each once. */
function topicList(subject: Subject, prop: string, topics: readonly KafkaTopic[] | undefined, cluster: IKafkaCluster): KafkaTopic[] {
  if (topics === undefined) return [];
  if (!Array.isArray(topics)) throwPropError(subject, prop, 'must be an array of KafkaTopics', topics, 'pass e.g. [orders]');
  topics.forEach((t, i) => {
    if (!(t instanceof KafkaTopic)) throwPropError(subject, `${prop}[${i}]`, 'must be a KafkaTopic of the cluster', t, "pass the KafkaTopic (cluster.addTopic('orders'))");
    if (t.cluster !== cluster && !(t.cluster.clusterName === cluster.clusterName && t.cluster.namespace === cluster.namespace)) {
      throwPropError(subject, `${prop}[${i}]`, `is a topic of cluster '${t.cluster.clusterName}' (${t.cluster.node.path}), not of the Connect cluster's '${cluster.clusterName}' (${cluster.node.path})`, t.topicName, "pass a topic of the Connect cluster's Kafka");
    }
    if (topics.indexOf(t) !== i) throwPropError(subject, `${prop}[${i}]`, 'is listed twice', t.topicName, 'list each topic once');
  });
  return [...topics];
}

/**
 * What Strimzi makes for a Kafka Connect cluster named `name` (a KafkaConnect, `component`
 * `connect`; a KafkaMirrorMaker2, `mirrormaker2`): `<name>-<component>` (ServiceAccount,
 * StrimziPodSet, pods `<name>-<component>-<n>`), its API Service, `<name>-<component>-config`,
 * and the trusted certificates Secret `<name>-connect-tls-trusted-certs` (KafkaConnectResources,
 * KafkaMirrorMaker2Resources; internalTlsTrustedCertsSecretName is KafkaConnect's for both).
 * @internal
 */
export function connectClusterObjects(namespace: string | undefined, name: string, component: 'connect' | 'mirrormaker2', serviceName: string, replicas: number): ObjectRef[] {
  const base = `${name}-${component}`;
  return [
    serviceRef(namespace, serviceName),
    { group: '', kind: 'ConfigMap', namespace, name: `${base}-config` },
    { group: '', kind: 'ServiceAccount', namespace, name: base },
    { group: 'core.strimzi.io', kind: 'StrimziPodSet', namespace, name: base },
    secretRef(namespace, `${name}-connect-tls-trusted-certs`),
    ...Array.from({ length: replicas }, (_, i) => ({ group: '', kind: 'Pod', namespace, name: `${base}-${i}` })),
  ];
}
