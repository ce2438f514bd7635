import { checkArgs, constructId } from '../core/props';
import { Chart, Size } from 'cdk8s';
import { ContainerResources, Cpu } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass, differentKubernetesClusters, ObjectRef, secretRef, serviceRef } from '../core/consistency';
import { propError, Subject, throwFactoryError, throwPropError } from '../core/errors';
import { checkLabels, checkName, checkNamespace, checkTopicName, closestName, isName, NameFormat } from '../core/naming';
import { compact } from '../core/objects';
import { checkSizing, renderResources } from '../core/resources';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/security';
import { DEFAULT_KAFKA_VERSION, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { PodSecurityLevel } from '../policy/pod-security';
import { componentReplicationFactor, componentReplicationProblem } from './broker-config';
import { ANONYMOUS, mergeGrants, superUserEntry, type GrantPart } from './grants';
import { ClusterProfile, type IKafkaCluster } from './kafka-cluster';
import { KafkaListener, ListenerAuthenticationType } from './listener';
import { KafkaMetrics } from './metrics';
import { checkReservedTopicName, KafkaTopic, topicCleanupPolicies, topicNamesCollide, topicsOf } from './topic';
import { listenerTrust, renderTrust } from './trust';
import { Acl, AclOperation, KafkaUser, UserAuthentication, UserAuthenticationType } from './user';
import { imageReferenceProblem } from '../core/image-reference';
import { javaClassNameProblem } from '../core/java';
import { configDefinitions, configValueIssue, modelVersion, unknownKeyIssue, type ConfigDefinition } from './config-model';
import { KAFKA_CONNECT_FORBIDDEN, strimziForbiddenPrefix, UNUSED_KEY, workerClientIssue, workerClientKey } from './connect-worker-config';

// Kafka Connect as Strimzi 1.2 runs it (`KafkaConnect` and `KafkaConnector`, kafka.strimzi.io/v1):
// a group of Connect workers in distributed mode that keep their state in three compacted topics,
// with connectors declared as KafkaConnector resources (the cluster operator's connector operator,
// on for a KafkaConnect annotated `strimzi.io/use-connector-resources: "true"`).
//
// What a worker and its connectors do in Kafka, and so the ACLs of its user, is read from Apache
// Kafka 4.3.1's connect-runtime (org.apache.kafka.connect.*) and the request handlers of
// core/src/main/scala/kafka/server/KafkaApis.scala: see KafkaConnect.user.

/** A Maven artifact of a Connect build (Strimzi's `type: maven`), for {@link ConnectPluginArtifact.maven}. */
export interface MavenArtifactOptions {
  /** The group id, e.g. `org.apache.kafka`. */
  readonly group: string;
  /** The artifact id, e.g. `connect-file` (without '.': Strimzi's download URL turns it into '/'). */
  readonly artifact: string;
  /** The exact release version, e.g. `4.3.1`: no range, `LATEST`, `RELEASE` or `-SNAPSHOT`. */
  readonly version: string;
  /**
   * The Maven repository, an https:// URL.
   * @default 'https://repo1.maven.org/maven2/' (Maven Central, Strimzi's MavenArtifact.DEFAULT_REPOSITORY)
   */
  readonly repository?: string;
}

/**
 * A plugin artifact Strimzi downloads into the Connect image.
 *
 * The library's rule for what goes into the image: every artifact is pinned. A JAR, TGZ or ZIP
 * from a URL carries its SHA-512 checksum, which Strimzi's build verifies (`sha512sum -c`,
 * KafkaConnectDockerfile). A Maven artifact cannot carry one (Strimzi's CRD: sha512sum is "not
 * applicable to the maven artifact type"; its build fetches the POM and JAR with curl and the
 * dependencies with `mvn dependency:copy-dependencies`), so it is pinned by coordinates instead:
 * an exact release version (a release in Maven Central is immutable) from an https repository,
 * with TLS verified (Strimzi's `insecure` is not offered). Its transitive dependencies come from
 * the same repository as its POM declares them.
 */
export class ConnectPluginArtifact {
  /** A JAR file from a URL, verified by its SHA-512 checksum. */
  public static jar(url: string, sha512: string): ConnectPluginArtifact {
    checkArgs('ConnectPluginArtifact.jar()', 'ConnectPluginArtifact.jar', arguments);
    return ConnectPluginArtifact.make('ConnectPluginArtifact.jar()', strimzi.KafkaConnectSpecBuildPluginsArtifactsType.JAR, url, sha512);
  }

  /** A TAR.GZ archive from a URL, verified by its SHA-512 checksum, unpacked into the plugin's directory. */
  public static tgz(url: string, sha512: string): ConnectPluginArtifact {
    checkArgs('ConnectPluginArtifact.tgz()', 'ConnectPluginArtifact.tgz', arguments);
    return ConnectPluginArtifact.make('ConnectPluginArtifact.tgz()', strimzi.KafkaConnectSpecBuildPluginsArtifactsType.TGZ, url, sha512);
  }

  /** A ZIP archive from a URL, verified by its SHA-512 checksum, unpacked into the plugin's directory. */
  public static zip(url: string, sha512: string): ConnectPluginArtifact {
    checkArgs('ConnectPluginArtifact.zip()', 'ConnectPluginArtifact.zip', arguments);
    return ConnectPluginArtifact.make('ConnectPluginArtifact.zip()', strimzi.KafkaConnectSpecBuildPluginsArtifactsType.ZIP, url, sha512);
  }

  /**
   * A Maven artifact and its runtime dependencies (Strimzi's `type: maven`), e.g.
   * `ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' })`.
   * Pinned by its exact version rather than a checksum (see the class).
   * @throws when the group or artifact id is not a Maven id (or the artifact id has a '.', which
   *   Strimzi's download URL, `KafkaConnectDockerfile.assembleResourceUrl`, turns into '/'), the
   *   version is a range, `LATEST`, `RELEASE` or a `-SNAPSHOT` (not pinned, and not a file at the
   *   URL Strimzi builds), or the repository is not an https:// URL
   */
  public static maven(options: MavenArtifactOptions): ConnectPluginArtifact {
    const factory = 'ConnectPluginArtifact.maven()';
    checkArgs(factory, 'ConnectPluginArtifact.maven', arguments);
    const { group, artifact, version, repository } = options;
    const id = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
    if (!id.test(group)) throwFactoryError(factory, 'options.group', "must be a Maven group id (letters, digits, '-' and '_', in parts joined by '.')", group, "use e.g. 'org.apache.kafka'");
    if (!/^[A-Za-z0-9_-]+$/.test(artifact)) {
      throwFactoryError(factory, 'options.artifact', `must be a Maven artifact id of letters, digits, '-' and '_'${artifact.includes('.') ? ": Strimzi builds the download URL with every '.' of it turned into '/' (KafkaConnectDockerfile.assembleResourceUrl), so the download would fail" : ''}`, artifact,
        artifact.includes('.') ? 'download it as ConnectPluginArtifact.jar() with its URL and sha512 checksum instead' : "use e.g. 'connect-file'");
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(version) || /^(LATEST|RELEASE)$/i.test(version) || /-SNAPSHOT$/i.test(version)) {
      throwFactoryError(factory, 'options.version', 'must be an exact release version: a maven artifact has no checksum, so its version is what pins it (and Strimzi downloads <artifact>-<version>.jar literally, which a range, LATEST, RELEASE or a -SNAPSHOT is not)', version, "use e.g. '4.3.1'");
    }
    if (repository !== undefined && !/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(repository)) {
      throwFactoryError(factory, 'options.repository', 'must be an https:// URL of a Maven repository (an http download could be changed on the way, and a maven artifact has no checksum)', repository, "use e.g. 'https://repo1.maven.org/maven2/', or leave it unset for Maven Central");
    }
    return new ConnectPluginArtifact(strimzi.KafkaConnectSpecBuildPluginsArtifactsType.MAVEN, undefined, undefined, { group, artifact, version, ...(repository !== undefined && { repository }) });
  }

  private static make(factory: string, type: strimzi.KafkaConnectSpecBuildPluginsArtifactsType, url: string, sha512: string): ConnectPluginArtifact {
    // Strimzi downloads it inside the build pod and verifies `sha512sum` there.
    if (typeof url !== 'string' || !/^https:\/\/[^\s/?#]+\/\S+$/.test(url)) {
      throwFactoryError(factory, 'url', 'must be an https:// URL of the artifact (an http download could be changed on the way)', url, "use e.g. 'https://repo1.maven.org/maven2/org/apache/kafka/connect-file/4.3.1/connect-file-4.3.1.jar'");
    }
    if (!ARTIFACT_URL.test(url)) {
      const bad = [...url].find((c) => !/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]/.test(c));
      throwFactoryError(factory, 'url', `${bad !== undefined ? `has '${bad}', which` : 'ends with a character that'} Strimzi's CRD does not take in an artifact URL (pattern ${ARTIFACT_URL.source}), so Kubernetes would refuse the KafkaConnect`, url,
        "percent-encode the character (e.g. %20 for a space, %27 for ', %28 and %29 for parentheses), or end the URL with the file name");
    }
    if (typeof sha512 !== 'string' || !/^[0-9a-fA-F]{128}$/.test(sha512)) {
      throwFactoryError(factory, 'sha512', `must be the artifact's SHA-512 checksum, 128 hexadecimal digits (got ${typeof sha512 === 'string' ? `${sha512.length} characters` : typeof sha512})`, sha512, 'run `sha512sum <file>` on the artifact you checked, and paste the first field');
    }
    return new ConnectPluginArtifact(type, url, sha512.toLowerCase());
  }

  private constructor(
    /** The artifact type (jar, tgz, zip, maven). */
    public readonly type: string,
    /** Where Strimzi downloads it from; undefined for a maven artifact. */
    public readonly url: string | undefined,
    /** Its SHA-512 checksum, lower-case; undefined for a maven artifact. */
    public readonly sha512: string | undefined,
    /** The Maven coordinates of a maven artifact. */
    public readonly maven?: MavenArtifactOptions,
  ) {}

  /** @internal */
  public _render(): strimzi.KafkaConnectSpecBuildPluginsArtifacts {
    const type = this.type as strimzi.KafkaConnectSpecBuildPluginsArtifactsType;
    return this.maven !== undefined ? { type, ...this.maven } : { type, url: this.url, sha512Sum: this.sha512 };
  }
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
   * The image Strimzi pushes the build to, with a tag (any, `latest` too: Strimzi runs the workers from the digest it pushed)
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
   * characters. By default the user is `<name>-connect`, the group `<name>-connect`, the topics
   * `<name>-connect-configs`, `<name>-connect-offsets` and `<name>-connect-status`.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Labels on the KafkaConnect (Strimzi copies them to the objects it makes for it), e.g.
   * `app: my-connect-cluster`. Keys under `strimzi.io/` are Strimzi's own and refused.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * The workers' group (`groupId`, Connect's `group.id`): unique per Connect cluster on a Kafka
   * cluster (a KafkaMirrorMaker2 on it is a Connect cluster too); workers of two Connect clusters
   * in one group would take over each other's connectors.
   *
   * The default differs from older Strimzi's (`connect-cluster`, which its KafkaConnectConfiguration
   * .DEFAULTS filled in before the v1 API made the field required): to move an existing Connect
   * cluster (from older Strimzi, from hand-written YAML) to the library, set this and the
   * three `*StorageTopic` props to its current values (`kubectl get kafkaconnect <name> -o
   * jsonpath='{.spec.groupId}'`, …). Otherwise its workers start in a new group on new, empty
   * topics: every connector's configuration and every source connector's offsets are left behind
   * in the old topics, so connectors must be declared again and sources read from the start.
   * @default '<name>-connect'
   */
  readonly groupId?: string;
  /**
   * The compacted topic of the connectors' configurations (`configStorageTopic`): one partition,
   * compacted (Connect refuses an existing one otherwise; a KafkaTopic of the cluster of this name
   * is checked for both). A name that collides with another topic's ('.' against '_') or is one of
   * Kafka's internal topics is refused. For an existing Connect cluster set its current topic (see
   * `groupId`): a new one starts with no connector configurations.
   * @default '<name>-connect-configs' (older Strimzi's: 'connect-cluster-configs')
   */
  readonly configStorageTopic?: string;
  /**
   * The compacted topic of the source connectors' offsets (`offsetStorageTopic`), checked like
   * `configStorageTopic` (any number of partitions). For an existing Connect cluster set its
   * current topic (see `groupId`): on a new one, source connectors start over from the beginning.
   * @default '<name>-connect-offsets' (older Strimzi's: 'connect-cluster-offsets')
   */
  readonly offsetStorageTopic?: string;
  /**
   * The compacted topic of the connectors' and tasks' statuses (`statusStorageTopic`), checked
   * like `offsetStorageTopic`. For an existing Connect cluster set its current topic (see `groupId`).
   * @default '<name>-connect-status' (older Strimzi's: 'connect-cluster-status')
   */
  readonly statusStorageTopic?: string;
  /**
   * The KafkaUser the workers and their connectors authenticate as: one of your own of the
   * cluster (a `scram-sha-512` or `tls` user that the listener accepts), e.g. with ACLs written by
   * hand. The library adds the workers' ACLs and its connectors' grants to it (see
   * {@link KafkaConnect.user}) when the cluster's authorizer takes KafkaUser ACLs (simple, or custom
   * with `supportsAdminApi`).
   * @default - a KafkaUser the library makes in the cluster, named `userName`
   */
  readonly user?: KafkaUser;
  /**
   * The name of the KafkaUser the library makes for the workers (and of its Secret). Not with `user`.
   * @default '<name>-connect'
   */
  readonly userName?: string;
  /**
   * Trust every key of the listener's CA Secret that matches this glob (Strimzi's
   * `tls.trustedCertificates[].pattern`, Java glob syntax), e.g. `*.crt` as in Strimzi's examples:
   * for the cluster CA that is `ca.crt` and, while Strimzi replaces the CA key, the old CA it keeps
   * as `ca-<date>.crt`. It must match the CA certificate and no key that is not a certificate
   * (`ca.p12`, `ca.password`; a listener certificate's private key). Not with `trustedCertificate`.
   * @default - `*.crt` for the cluster CA Secret (`<cluster>-cluster-ca-cert`), read where Strimzi
   *   writes it, so that the workers keep trusting brokers not yet rolled while Strimzi replaces the
   *   CA key; else (a listener certificate's Secret, e.g. cert-manager's) its CA key alone
   */
  readonly trustedCertificatesPattern?: string;
  /**
   * Trust one key of the listener's CA Secret (Strimzi's `tls.trustedCertificates[].certificate`)
   * instead of a pattern: the CA certificate's key, `ca.crt` (or the listener certificate's
   * `caCertificate`), e.g. to trust only the cluster CA's current certificate (during a CA key
   * replacement the workers then reach only brokers that have their new certificate). Not with
   * `trustedCertificatesPattern`.
   * @default - see `trustedCertificatesPattern`
   */
  readonly trustedCertificate?: string;
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
   * The replication factor of the config, offset and status topics the workers create: 1 to
   * 32767, or -1 for the brokers' `default.replication.factor` (as Strimzi's examples do; checked
   * against the brokers and min ISR where the cluster tells its default).
   * @default - 3, or the brokers up to 3 in a DEVELOPMENT cluster
   */
  readonly storageReplicationFactor?: number;
  /**
   * More Kafka Connect worker config (Strimzi's `spec.config`: Kafka's `DistributedConfig`), e.g.
   * converters (`key.converter`, `value.converter`, `value.converter.schemas.enable`), config
   * providers (`config.providers` and `config.providers.<name>.class` / `.param.<option>`),
   * `offset.flush.interval.ms`, `connector.client.config.override.policy`,
   * `task.shutdown.graceful.timeout.ms`, and the workers' clients' options under `producer.`,
   * `consumer.` and `admin.`. Values are strings, finite numbers or booleans, as a properties file
   * has them; Strimzi writes them beside the storage replication factors the KafkaConnect sets.
   * Checked against Kafka's config model (the worker and client ConfigDefs of the KafkaConnect's
   * Kafka version) at construction; what throws:
   * - a key the KafkaConnect writes from a typed prop: `group.id` (`groupId`), the
   *   `config.`/`offset.`/`status.storage.topic` (`configStorageTopic`, …) and their
   *   `*.storage.replication.factor` (`storageReplicationFactor`);
   * - a key Strimzi forbids (Strimzi 1.2 `KafkaConnectSpec.FORBIDDEN_PREFIXES`: `ssl.`, `sasl.`,
   *   `security.`, `bootstrap.servers`, `listeners`, `rest.`, `plugin.path`,
   *   `consumer.interceptor.classes`, `producer.interceptor.classes`,
   *   `prometheus.metrics.reporter.`, matched ignoring case, except `ssl.endpoint.identification.algorithm`,
   *   `ssl.cipher.suites`, `ssl.protocol`, `ssl.enabled.protocols`), which its cluster operator would
   *   drop with only a warning (AbstractConfiguration.filterForbidden);
   * - a client key that changes the connection Strimzi manages (`producer.`/`consumer.`/`admin.`
   *   + `bootstrap.servers`, `security.*`, `sasl.*`, `ssl.*` but the exceptions above), and
   *   `producer.transactional.id` (needs TransactionalId ACLs);
   * - `exactly.once.source.support` `enabled` or `preparing`: the workers' leader and source tasks
   *   then write with transactional producers (`connect-cluster-<group.id>`,
   *   DistributedConfig.transactionalProducerId; `<group.id>-<connector>-<task>`,
   *   Worker.taskTransactionalId), whose TransactionalId ACLs the Connect user is not granted;
   * - `config.providers` naming Strimzi's own providers (`strimzienv`, `strimzifile`, `strimzidir`,
   *   `strimzisecrets`: KafkaConnectConfigurationBuilder.withConfigProviders adds them), or a
   *   provider without its `config.providers.<name>.class` (Kafka skips it:
   *   AbstractConfig.instantiateConfigProviders); `config.providers.<name>.*` of a provider not
   *   listed, or other than `.class` / `.param.<option>`;
   * - a value Kafka's ConfigDef refuses (type, range, allowed values), e.g. `offset.flush.interval.ms: '10s'`;
   * - an unknown key: a key of another Kafka version or config set, a typo of a worker key ("did
   *   you mean"), or any other (Kafka ignores it). A converter's own options (`key.converter.*`,
   *   `value.converter.*`, `header.converter.*`) pass, checked where the converter is Kafka's
   *   JsonConverter (Strimzi's default for keys and values: JsonConverterConfig's `schemas.enable`,
   *   `schemas.cache.size`, `decimal.format`, `replace.null.with.default`); a client's key is
   *   checked against the producer, consumer or admin ConfigDef, and an unknown one passes (a
   *   plugin's option) unless it is a typo of a known one.
   * @default - none: Strimzi's defaults (JsonConverter for keys and values, KafkaConnectConfiguration.DEFAULTS) and Kafka's
   */
  readonly config?: Record<string, string | number | boolean>;
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
   * Prometheus metrics: `KafkaMetrics.strimziMetricsReporter()` (Strimzi's default allow list for
   * Connect), or `KafkaMetrics.jmxPrometheusExporter()` (Strimzi's Connect rules,
   * {@link JmxExporterRules.connect}, in a ConfigMap `<name>-connect-metrics`), or a JMX exporter
   * ConfigMap of your own. `true` is `KafkaMetrics.strimziMetricsReporter()` with Strimzi's
   * default allow list (`metricsConfig: { type: strimziMetricsReporter }`, as `true` rendered
   * before this prop took a KafkaMetrics); `false` is none.
   * @default - none
   */
  readonly metrics?: boolean | KafkaMetrics;
}

/** A Service name is a DNS-1035 label: at most 63 characters; Strimzi's Connect Service is `<name>-connect-api`. */
const MAX_CONNECT_NAME = 63 - '-connect-api'.length;

/**
 * A Strimzi `KafkaConnect`: distributed Kafka Connect workers wired to a cluster like a bridge is
 * (bootstrap from an in-cluster listener, trusting the CA that signs its certificate, by its key
 * or a pattern: the cluster CA Secret's `*.crt` by default, authenticating the way the listener does as a KafkaUser it makes in the cluster or
 * one you give it), with the restricted security context, sized resources, its group and storage
 * topics named (by default from its name) and their replication checked against the brokers and
 * min ISR, optionally a build with pinned plugins (checksummed downloads, or Maven artifacts of an
 * exact version), metrics, and connectors as KafkaConnectors ({@link addConnector}) whose declared
 * topics become the user's ACLs.
 *
 * @example
 * const connect = new KafkaConnect(chart, 'Connect', {
 *   cluster: kafka,
 *   name: 'files',
 *   // Kafka's file connectors are not in Strimzi's image: build it in.
 *   build: {
 *     image: 'registry.example.com/kafka/connect-files:1',
 *     plugins: [{ name: 'connect-file', artifacts: [ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '4.3.1' })] }],
 *   },
 *   // Plain JSON without schemas, offsets committed every 10 s.
 *   config: {
 *     'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
 *     'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
 *     'value.converter.schemas.enable': false,
 *     'offset.flush.interval.ms': 10000,
 *   },
 * });
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
  /** Labels on the KafkaConnect. */
  public readonly labels: Readonly<Record<string, string>>;
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
  /** The worker config given as `config`, checked (what Strimzi writes beside the storage replication factors). */
  public readonly config: Readonly<Record<string, string | number | boolean>>;
  /** Whether Strimzi runs the KafkaConnectors of it. */
  public readonly useConnectorResources: boolean;
  /** How Strimzi builds the Connect image, if it does. */
  public readonly build?: ConnectBuild;
  /** Whether {@link user} is the one the library made (not one given as `user`). */
  public readonly userIsDerived: boolean;
  /**
   * The user the workers and their connectors authenticate as: the one given as `user`, or one
   * the library makes (`userName`); undefined for a listener without authentication on a cluster
   * without authorization. Where the cluster's authorizer takes KafkaUser ACLs (simple, or custom
   * with `supportsAdminApi`, which decides itself whether it consults them) it is granted (what a
   * user of your own already allows is not written twice; Kafka 4.3.1, connect-runtime):
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
    const trust = listenerTrust(subject, this.listener, cluster.clusterName, {
      pattern: props.trustedCertificatesPattern,
      certificate: props.trustedCertificate,
      props: { pattern: 'trustedCertificatesPattern', certificate: 'trustedCertificate' },
    });
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
    this.config = checkWorkerConfig(subject, props.config, this.version);
    this.useConnectorResources = props.useConnectorResources ?? true;
    this.labels = { ...(props.labels ?? {}) };
    checkLabels(subject, 'labels', this.labels);
    const strimziLabel = Object.keys(this.labels).find((k) => k.startsWith('strimzi.io/'));
    if (strimziLabel !== undefined) throwPropError(subject, `labels['${strimziLabel}']`, 'is a Strimzi label: Strimzi sets the strimzi.io/ labels of what it makes itself', strimziLabel, "use a label of your own, e.g. 'app'");
    this.groupId = props.groupId ?? `${this.connectName}-connect`;
    if (typeof this.groupId !== 'string' || !/^[\x21-\x7e]{1,249}$/.test(this.groupId)) {
      throwPropError(subject, 'groupId', 'must be 1 to 249 printable characters without spaces (Connect\'s group.id, also the name of the group ACL)', this.groupId, "use e.g. 'my-connect-group'");
    }
    this.storageTopics = {
      config: props.configStorageTopic ?? `${this.connectName}-connect-configs`,
      offset: props.offsetStorageTopic ?? `${this.connectName}-connect-offsets`,
      status: props.statusStorageTopic ?? `${this.connectName}-connect-status`,
    };
    const topicProps = { config: 'configStorageTopic', offset: 'offsetStorageTopic', status: 'statusStorageTopic' } as const;
    for (const [kind, topic] of Object.entries(this.storageTopics) as Array<[keyof typeof topicProps, string]>) {
      checkTopicName(subject, topicProps[kind], topic);
      checkReservedTopicName(subject, topicProps[kind], topic);
      const same = (Object.keys(this.storageTopics) as Array<keyof typeof topicProps>).find((other) => other !== kind && this.storageTopics[other] === topic);
      if (same !== undefined) {
        throwPropError(subject, topicProps[kind], `is also the ${topicProps[same]}: the config, offset and status logs hold different records and each worker store reads every record of its own topic (KafkaConfigBackingStore, KafkaOffsetBackingStore, KafkaStatusBackingStore)`, topic, 'give each its own topic');
      }
    }
    checkStorageTopicCollisions(subject, [[topicProps.config, this.storageTopics.config], [topicProps.offset, this.storageTopics.offset], [topicProps.status, this.storageTopics.status]]);
    const build = props.build === undefined ? undefined : checkBuild(subject, props.build);
    checkSizing(subject, 'resources', props.resources);
    const restricted = props.restrictedSecurityContext ?? true;
    const resources = props.resources ?? (dev
      ? { cpu: { request: Cpu.millis(100) }, memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } }
      : { cpu: { request: Cpu.millis(250) }, memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) } });

    this.build = build;
    this.userIsDerived = props.user === undefined;
    this.user = this.makeUser(props.user, props.userName);
    for (const topic of Object.values(this.storageTopics)) pass.declare(cluster, 'topic', topic);

    claimConnectNames(cluster, {
      subject, groupId: this.groupId,
      topics: [[topicProps.config, this.storageTopics.config], [topicProps.offset, this.storageTopics.offset], [topicProps.status, this.storageTopics.status]],
    });
    const metrics = KafkaMetrics._ofComponent(props.metrics);
    const metricsConfig = metrics?._bindComponent(this, 'connect', this.connectName, this.namespace);
    const auth = this.user?.secretName === undefined ? undefined : (this.user.authentication.type === UserAuthenticationType.SCRAM_SHA_512
      ? { type: strimzi.KafkaConnectSpecAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512, username: this.user.userName, passwordSecret: { secretName: this.user.secretName, password: 'password' } }
      : { type: strimzi.KafkaConnectSpecAuthenticationType.TLS, certificateAndKey: { secretName: this.user.secretName, certificate: 'user.crt', key: 'user.key' } });
    this.resource = new strimzi.KafkaConnect(this, 'Resource', {
      metadata: {
        name: this.connectName,
        namespace: this.namespace,
        ...(Object.keys(this.labels).length > 0 && { labels: { ...this.labels } }),
        ...(this.useConnectorResources && { annotations: { 'strimzi.io/use-connector-resources': 'true' } }),
      },
      spec: {
        version: this.version,
        replicas: this.replicas,
        bootstrapServers: this.listener.bootstrapAddress,
        ...(trust && { tls: { trustedCertificates: [renderTrust(trust)] } }),
        ...(auth && { authentication: auth }),
        groupId: this.groupId,
        configStorageTopic: this.storageTopics.config,
        offsetStorageTopic: this.storageTopics.offset,
        statusStorageTopic: this.storageTopics.status,
        config: {
          'config.storage.replication.factor': this.storageReplicationFactor,
          'offset.storage.replication.factor': this.storageReplicationFactor,
          'status.storage.replication.factor': this.storageReplicationFactor,
          ...this.config,
        },
        resources: renderResources(resources, strimzi.KafkaConnectSpecResourcesRequests.fromString, strimzi.KafkaConnectSpecResourcesLimits.fromString),
        ...(metricsConfig && {
          metricsConfig: {
            ...metricsConfig,
            type: metricsConfig.type === 'jmxPrometheusExporter' ? strimzi.KafkaConnectSpecMetricsConfigType.JMX_PROMETHEUS_EXPORTER : strimzi.KafkaConnectSpecMetricsConfigType.STRIMZI_METRICS_REPORTER,
            ...(metricsConfig.values && { values: { allowList: [...metricsConfig.values.allowList] } }),
          },
        }),
        ...(build && {
          build_: {
            output: { type: strimzi.KafkaConnectSpecBuildOutputType.DOCKER, image: build.image, ...(build.pushSecret && { pushSecret: build.pushSecret }) },
            plugins: build.plugins.map((p) => ({
              name: p.name,
              artifacts: p.artifacts.map((a) => a._render()),
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
    const ownMetrics = metrics?.jmxExporter?.configMapName;
    if (ownMetrics !== undefined) {
      pass.refer(subject, 'metrics', { group: '', kind: 'ConfigMap', namespace: this.namespace, name: ownMetrics }, "Strimzi reads the JMX exporter's ConfigMap from the KafkaConnect's namespace: create it there", true);
    }
    if (this.namespace !== undefined) {
      if (build !== undefined) {
        pass.podSecurity(this, this.namespace, PodSecurityLevel.BASELINE, `the build pod of KafkaConnect '${this.connectName}': Strimzi's container build runs as root with the capabilities a build needs (RestrictedPodSecurityProvider refuses it)`);
      } else if (!restricted) {
        pass.podSecurity(this, this.namespace, PodSecurityLevel.BASELINE, `KafkaConnect '${this.connectName}' runs with restrictedSecurityContext: false (Strimzi's default security context)`);
      }
    }
    this.node.addValidation({ validate: () => [...this.replicationProblems(), ...storageTopicProblems(subject, cluster, [['configStorageTopic', this.storageTopics.config, true], ['offsetStorageTopic', this.storageTopics.offset, false], ['statusStorageTopic', this.storageTopics.status, false]], 'KafkaConnect')] });
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
   * The user: the one given, or one made in the cluster's chart (a child of the cluster's
   * construct), authenticating the way the listener does; where the authorizer takes KafkaUser ACLs
   * (simple, or custom with supportsAdminApi), granted the worker's ACLs (see {@link user});
   * undefined without authentication.
   */
  private makeUser(given: KafkaUser | undefined, name: string | undefined): KafkaUser | undefined {
    const cluster = this.cluster;
    const type = this.listener.authentication.type;
    if (given !== undefined && name !== undefined) {
      throwPropError(this.subject, 'userName', `is set with user: the workers authenticate as KafkaUser '${given.userName}', the library makes no user to name`, name, 'drop userName, or user to let the library make one');
    }
    if (type === ListenerAuthenticationType.CUSTOM) {
      throwPropError(this.subject, 'listener', `'${this.listener.name}' of KafkaCluster '${cluster.clusterName}' authenticates with a custom mechanism, for which no KafkaUser holds credentials`, this.listener.name, 'use a listener with scram-sha-512 or tls authentication');
    }
    if (type === undefined) {
      if (given !== undefined) {
        throwPropError(this.subject, 'user', `is set, but listener '${this.listener.name}' of KafkaCluster '${cluster.clusterName}' has no authentication: the workers would connect as User:ANONYMOUS and never use its credentials`, given.userName, 'connect through a listener with scram-sha-512 or tls authentication, or drop user');
      }
      // No authorization, or ANONYMOUS a super user: the workers may do everything without a user.
      if (cluster.authorization !== undefined && (cluster.authorization.type === undefined || superUserEntry(cluster.authorization, ANONYMOUS) !== undefined)) return undefined;
      throwPropError(this.subject, 'listener', `'${this.listener.name}' of KafkaCluster '${cluster.clusterName}' has no authentication, but the cluster's authorization is ${cluster.authorization === undefined ? "not known (declare authorization: KafkaAuthorization.none() if it has none)" : cluster.authorization._describe()}: the workers would be User:ANONYMOUS, which no KafkaUser grants`, this.listener.name,
        'use a listener with scram-sha-512 or tls authentication');
    }
    let user: KafkaUser;
    if (given !== undefined) {
      if (!(given instanceof KafkaUser)) throwPropError(this.subject, 'user', 'must be a KafkaUser', given, "pass a KafkaUser of the cluster, e.g. cluster.addUser('my-connect')");
      if (given.cluster !== cluster && !(given.cluster.clusterName === cluster.clusterName && given.cluster.namespace === cluster.namespace)) {
        throwPropError(this.subject, 'user', `is a user of cluster '${given.cluster.clusterName}' (${given.cluster.node.path}), not of the Connect cluster's '${cluster.clusterName}' (${cluster.node.path}): it does not exist there`, given.userName, "pass a user of the Connect cluster's Kafka");
      }
      if (given.secretName === undefined) {
        throwPropError(this.subject, 'user', `is KafkaUser '${given.userName}', a tls-external user: its certificate is not in a Secret Strimzi can give the workers`, given.userName, 'use a scram-sha-512 or tls user');
      }
      if (given.authentication.listenerAuthentication !== type) {
        throwPropError(this.subject, 'user', `is KafkaUser '${given.userName}', which authenticates with ${given.authentication.type}, but listener '${this.listener.name}' with ${type}`, given.userName, `use a ${type} user, or a listener that accepts ${given.authentication.type}`);
      }
      user = given;
    } else {
      const userName = name ?? `${this.connectName}-connect`;
      checkName(this.subject, 'userName', userName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the KafkaUser and its Secret', example: 'my-connect' });
      const taken = cluster.node.tryFindChild(userName);
      if (taken !== undefined) {
        throwPropError(this.subject, name === undefined ? 'name' : 'userName', `makes the user '${userName}' in cluster '${cluster.clusterName}' (${cluster.node.path}), which ${taken.node.path} already is: two KafkaConnects would share a user`, name ?? this.connectName, name === undefined ? 'give each KafkaConnect its own name, or set userName' : 'give each KafkaConnect its own userName, or pass the existing user as user');
      }
      user = new KafkaUser(cluster, userName, {
        cluster,
        userName,
        authentication: type === ListenerAuthenticationType.TLS ? UserAuthentication.tls() : UserAuthentication.scramSha512(),
      });
    }
    if (cluster.authorization === undefined || cluster.authorization.supportsAdminApi) {
      const { READ, WRITE, CREATE, DESCRIBE, DESCRIBE_CONFIGS } = AclOperation;
      user.addAcl(...mergeGrants([
        Acl.group(this.groupId).allow(READ, DESCRIBE),
        ...Object.values(this.storageTopics).map((t) => Acl.topic(t).allow(CREATE, READ, WRITE, DESCRIBE, DESCRIBE_CONFIGS)),
      // What a user of your own already allows is not written twice.
      ], user.acls));
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
  /**
   * The connector class (or its simple name or alias), e.g.
   * `org.apache.kafka.connect.file.FileStreamSourceConnector`: a class of a plugin in the
   * KafkaConnect's `build`. Strimzi's Kafka image has only Kafka's MirrorMaker 2 connectors (its
   * plugin path is empty; Kafka's file connectors are off its classpath since Kafka 3.2), so on a
   * KafkaConnect without a build any other class warns (`ConsistencyPass.warnings()`): the
   * connector would fail ("Failed to find any class that implements Connector").
   */
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

/**
 * The connectors of Strimzi's Kafka image, by class name, simple name and alias (Connect finds a
 * connector by any of them: Plugins.connectorClass): connect-mirror's MirrorSourceConnector,
 * MirrorCheckpointConnector and MirrorHeartbeatConnector, on its classpath. Its plugin path,
 * /opt/kafka/plugins, is empty (Strimzi's docker-images/kafka-based/kafka/Dockerfile), and Kafka
 * keeps connect-file off the classpath since 3.2 (KAFKA-13748).
 */
const IMAGE_CONNECTORS: readonly string[] = ['MirrorSource', 'MirrorCheckpoint', 'MirrorHeartbeat']
  .flatMap((c) => [c, `${c}Connector`, `org.apache.kafka.connect.mirror.${c}Connector`]);

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
    const classProblem = javaClassNameProblem(props.class);
    if (classProblem !== undefined) {
      throwPropError(subject, 'class', `must be a Java class name (or the simple name of a plugin class): it ${classProblem}`, props.class, "use e.g. 'org.apache.kafka.connect.file.FileStreamSourceConnector'");
    }
    this.tasksMax = props.tasksMax ?? 1;
    // Strimzi reads it as a Java Integer (KafkaConnectorSpec.tasksMax): above 2^31-1 the resource is unreadable.
    if (!Number.isInteger(this.tasksMax) || this.tasksMax < 1 || this.tasksMax > 2147483647) {
      throwPropError(subject, 'tasksMax', 'must be a whole number >= 1 (ConnectorConfig: tasks.max atLeast(1))', this.tasksMax, 'use 1, or up to the number of partitions it reads');
    }
    this.state = props.state ?? ConnectorState.RUNNING;
    if (!Object.values(ConnectorState).includes(this.state)) throwPropError(subject, 'state', 'must be a ConnectorState', this.state, 'use ConnectorState.RUNNING');
    const reads = topicList(subject, 'reads', props.reads, connect.cluster);
    const writes = topicList(subject, 'writes', props.writes, connect.cluster);
    this.sink = reads.length > 0;
    if (props.reads !== undefined && reads.length === 0) throwPropError(subject, 'reads', 'is empty: a sink reads at least one topic', [], 'name the topics it reads, or leave reads unset for a source');
    // The Connect user's ACLs for the connector come from reads and writes where the library
    // makes the user and the cluster's authorizer takes KafkaUser ACLs (simple, or custom with
    // supportsAdminApi); elsewhere (no authentication and no authorization, a custom authorizer
    // without the Admin API, or a user of your own with its own ACLs) a source may leave them out.
    const user = connect.user;
    const authorization = connect.cluster.authorization;
    const grants = user !== undefined && (authorization === undefined || authorization.supportsAdminApi);
    if (!this.sink && writes.length === 0 && grants && connect.userIsDerived) {
      throwPropError(subject, 'writes', `and reads are both empty: KafkaUser '${user.userName}', which the library makes for the workers, is granted what its connectors read and write, and would be granted nothing for this one`, [], 'declare the KafkaTopics a source writes (writes) or a sink reads (reads); for a topic the app does not manage, pass your own KafkaUser with its ACLs as the KafkaConnect\'s user');
    }
    this.consumerGroup = this.sink ? `connect-${this.connectorName}` : undefined;
    // A sink's consumers join connect-<name> (SinkUtils.consumerGroupId); the workers join groupId
    // with the connect protocol, so one group of both kinds refuses one of them
    // (INCONSISTENT_GROUP_PROTOCOL).
    if (this.consumerGroup !== undefined && this.consumerGroup === connect.groupId) {
      throwPropError(subject, 'name', `makes the sink's consumer group '${this.consumerGroup}' (connect-<name>: SinkUtils.consumerGroupId), which is the workers' own group (groupId of KafkaConnect '${connect.connectName}'): consumers and workers cannot share a group (INCONSISTENT_GROUP_PROTOCOL)`,
        this.connectorName, 'name the connector otherwise, or give the KafkaConnect another groupId');
    }
    const config = this.checkConfig(subject, props.config, reads, writes);
    this.checkFileConnector(subject, props.class, config, reads, writes);

    // The grants, through the grant model (checks the topics are KafkaTopics of the cluster).
    const parts: GrantPart[] = [
      ...reads.map((topic, i) => ({ access: 'consume' as const, resource: topic, prop: `reads[${i}]` })),
      ...(this.consumerGroup !== undefined ? [{ access: 'group' as const, resource: this.consumerGroup, prop: 'name' }] : []),
      ...writes.map((topic, i) => ({ access: 'produce' as const, resource: topic, prop: `writes[${i}]` })),
    ];
    if (grants) {
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

  /**
   * Whether Connect can find the class, and Kafka's own file connectors (connect-file:
   * FileStreamSourceConnector, FileStreamSinkConnector, or their aliases). On a KafkaConnect
   * without a build, a class that is not on Strimzi's Kafka image warns that the connector will
   * fail: the image has only Kafka's MirrorMaker 2 connectors, and the file connectors are not on
   * its plugin path since Kafka 3.2 (Strimzi's examples/connect/source-connector.yaml). A file
   * source's `topic` is required and non-empty (its CONFIG_DEF: NO_DEFAULT_VALUE, NonEmptyString)
   * and among `writes` when they are declared; a topic that is not a KafkaTopic of the cluster
   * warns (the broker may create it on first write, or it is made elsewhere).
   */
  private checkFileConnector(subject: Subject, className: string, config: Record<string, string>, reads: readonly KafkaTopic[], writes: readonly KafkaTopic[]): void {
    const simple = className.slice(className.lastIndexOf('.') + 1);
    const source = ['FileStreamSourceConnector', 'FileStreamSource'].includes(simple);
    const sink = ['FileStreamSinkConnector', 'FileStreamSink'].includes(simple);
    const pass = ConsistencyPass.of(this);
    const fails = `so the connector will fail: Connect finds no such class (Plugins.connectorClass: "Failed to find any class that implements Connector and which name matches ${className}") and Strimzi reports the KafkaConnector NotReady`;
    if (this.connect.build === undefined && (source || sink)) {
      pass.warn(subject, 'class', `is Kafka's file ${source ? 'source' : 'sink'} connector (connect-file), which is not on the plugin path of Strimzi's Kafka image since Kafka 3.2: KafkaConnect '${this.connect.connectName}' has no build, ${fails}`, className,
        `build the image with it: build: { plugins: [{ name: 'connect-file', artifacts: [ConnectPluginArtifact.maven({ group: 'org.apache.kafka', artifact: 'connect-file', version: '${this.connect.version}' })] }] }`);
    } else if (this.connect.build === undefined && !IMAGE_CONNECTORS.includes(className) && !IMAGE_CONNECTORS.includes(simple)) {
      pass.warn(subject, 'class', `is not a connector of Strimzi's Kafka image, whose plugin path (/opt/kafka/plugins) is empty and whose classpath holds only Kafka's MirrorMaker 2 connectors: KafkaConnect '${this.connect.connectName}' has no build, ${fails}`, className,
        "add the plugin to the KafkaConnect's build (build: { image, plugins: [{ name, artifacts }] })");
    }
    if (!source) return;
    if (this.sink) throwPropError(subject, 'reads', "is set, but FileStreamSourceConnector is a source: it reads a file and writes the topic in config['topic']", reads.map((t) => t.topicName), 'drop reads, and name the topic in writes');
    const topic = config.topic;
    if (topic === undefined || topic.trim() === '') {
      throwPropError(subject, "config['topic']", "is required by FileStreamSourceConnector (\"The topic to publish data to\": no default, non-empty): Connect refuses the connector without it", topic, "name the topic it writes, e.g. { file: '/opt/kafka/LICENSE', topic: 'my-topic' }");
    }
    checkTopicName(subject, "config['topic']", topic);
    if (writes.length > 0 && !writes.some((t) => t.topicName === topic)) {
      throwPropError(subject, "config['topic']", `is not among writes (${writes.map((t) => t.topicName).join(', ')}), which the Connect user is granted: the connector would write a topic it may not`, topic, 'add its KafkaTopic to writes, or correct the topic');
    }
    const cluster = this.connect.cluster;
    const autoCreate = String(cluster.brokerConfig?.['auto.create.topics.enable'] ?? '').toLowerCase();
    if (writes.length === 0 && autoCreate !== 'true') {
      // Not an error: the topic may be made outside the app. The brokers make it on first write
      // only with auto.create.topics.enable (a KafkaCluster turns it off), and the connector may
      // not create it itself (topic.creation.* is refused).
      pass.expect(subject, "config['topic']", cluster, 'topic', topic, `add it as a KafkaTopic of cluster '${cluster.clusterName}' (addTopic) and to writes, or make sure it exists before the connector runs: ${autoCreate === 'false' ? 'the cluster\'s brokers do not create topics on first write (auto.create.topics.enable is false)' : 'the brokers create it on first write only with auto.create.topics.enable'}`);
    }
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
    // Class-valued keys Connect loads by name (ConnectorConfig: key/value/header.converter and each
    // transform's and predicate's type are CLASS): a name Java's rules refuse fails the connector.
    // A type of an alias the list does not name is ignored by Connect (ConnectorConfig.enrich
    // reads the listed aliases only).
    for (const [key, value] of Object.entries(config)) {
      const aliased = /^(transforms|predicates)\.([^.]+)\.type$/.exec(key);
      if (aliased !== null && !(config[aliased[1]] ?? '').split(',').map((a) => a.trim()).includes(aliased[2])) {
        throwPropError(subject, `config['${key}']`, `configures '${aliased[2]}', which ${aliased[1]} does not list: Connect reads the options of listed aliases only (ConnectorConfig.enrich), so it would do nothing`, value, `add '${aliased[2]}' to ${aliased[1]}, or remove it`);
      }
      if (aliased !== null || /^(key|value|header)\.converter$/.test(key)) {
        const problem = javaClassNameProblem(value);
        if (problem !== undefined) throwPropError(subject, `config['${key}']`, `must be the name of a Java class (Connect loads it by name: ConnectorConfig reads it as CLASS): it ${problem}`, value, "use e.g. 'org.apache.kafka.connect.transforms.InsertField$Value' or 'org.apache.kafka.connect.json.JsonConverter'");
      }
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

/** A Connect cluster's names on its Kafka cluster: its group and its config, offset and status topics, by prop. */
interface ConnectClaim {
  /** The KafkaConnect or KafkaMirrorMaker2. */
  readonly subject: Subject;
  readonly groupId: string;
  readonly topics: ReadonlyArray<readonly [prop: string, topic: string]>;
}

/** The Connect clusters of the app (KafkaConnects, KafkaMirrorMaker2s) on each Kafka cluster, in the order made. */
const CONNECT_CLAIMS = new WeakMap<IKafkaCluster, ConnectClaim[]>();

/**
 * Records a Connect cluster's group and storage topics on the Kafka cluster it keeps its state in
 * (a KafkaConnect's cluster, a KafkaMirrorMaker2's target; both are Kafka Connect clusters), and
 * throws when another Connect cluster of the app there has its group, a storage topic of the same
 * name, or one whose name collides with it ('.' against '_'): workers of one group form one
 * Connect cluster (they would run each other's connectors: a KafkaConnect's workers would run
 * MirrorMaker 2's connectors, and the other way round), two Connect clusters on one storage
 * topic read each other's configurations, offsets or statuses, and Kafka refuses to create a
 * topic whose name collides with another's (`Topic.hasCollision`). Two KafkaMirrorMaker2s are
 * checked against each other at synth (KafkaMirrorMaker2's checks between mirrors, which also
 * know targets by alias and address); `mirror` says the claim is a KafkaMirrorMaker2's.
 * @internal
 */
export function claimConnectNames(cluster: IKafkaCluster, claim: ConnectClaim, mirror: boolean = false): void {
  const claims = CONNECT_CLAIMS.get(cluster) ?? [];
  CONNECT_CLAIMS.set(cluster, claims);
  const subject = claim.subject;
  for (const other of claims) {
    if (mirror && other.subject.kind === 'KafkaMirrorMaker2') continue;
    const who = `${other.subject.kind} '${other.subject.name}' (${other.subject.scope.node.path}) on cluster '${cluster.clusterName}'`;
    const fix = `give each Connect cluster on a Kafka cluster its own group and storage topics (the defaults derive them from the ${subject.kind}'s name)`;
    if (other.groupId === claim.groupId) {
      throwPropError(subject, 'groupId', `is also used by ${who}: workers of one group form one Connect cluster and would run each other's connectors${other.subject.kind !== subject.kind ? ' (a KafkaMirrorMaker2 is a Kafka Connect cluster too)' : ''}`, claim.groupId, fix);
    }
    for (const [prop, topic] of claim.topics) {
      const same = other.topics.find(([, t]) => t === topic);
      if (same !== undefined) {
        throwPropError(subject, prop, `has a storage topic that is also used by ${who} (its ${same[0]}): two Connect clusters would read each other's configurations, offsets or statuses`, topic, fix);
      }
      const collides = other.topics.find(([, t]) => topicNamesCollide(t, topic));
      if (collides !== undefined) {
        throwPropError(subject, prop, `collides with '${collides[1]}', the ${collides[0]} of ${who}: Kafka takes '.' and '_' as the same in topic names (metric names) and refuses to create the second topic (Topic.hasCollision), so these workers would fail to start`, topic, "rename it so that it differs in more than '.' against '_'");
      }
    }
  }
  claims.push(claim);
}

/**
 * Throws when two of a Connect cluster's storage topics collide ('.' against '_', e.g.
 * `connect.offsets` and `connect_offsets`): Kafka refuses to create the second
 * (`Topic.hasCollision`; the controller's validateNewTopicNames, "collides with existing topic"),
 * so the workers fail to start.
 * @internal
 */
export function checkStorageTopicCollisions(subject: Subject, topics: ReadonlyArray<readonly [prop: string, topic: string]>): void {
  topics.forEach(([prop, topic], i) => {
    const earlier = topics.slice(0, i).find(([, t]) => topicNamesCollide(t, topic));
    if (earlier !== undefined) {
      throwPropError(subject, prop, `collides with the ${earlier[0]} '${earlier[1]}': Kafka takes '.' and '_' as the same in topic names (metric names) and refuses to create the second (Topic.hasCollision), so the workers would fail to start`, topic,
        "rename one of them so that they differ in more than '.' against '_'");
    }
  });
}

/**
 * The storage topics of a Connect cluster against the KafkaTopics of the Kafka cluster they are
 * on, as they are at synth: a KafkaTopic whose name collides with a storage topic's ('.' against
 * '_') keeps Kafka from creating the storage topic (Topic.hasCollision); a KafkaTopic of the same
 * name is the storage topic, made by the Topic Operator rather than the workers, so it must be what
 * Connect requires of an existing topic: compacted and nothing else (KafkaTopicBasedBackingStore
 * .topicInitializer calls TopicAdmin.verifyTopicCleanupPolicyOnlyCompact for a topic that exists,
 * which throws "is required to have 'cleanup.policy=compact'"), and the config topic with a single
 * partition (KafkaConfigBackingStore.start: "is required to have a single partition").
 * @internal
 */
export function storageTopicProblems(subject: Subject, cluster: IKafkaCluster, topics: ReadonlyArray<readonly [prop: string, topic: string, config: boolean]>, what: string): string[] {
  const errors: string[] = [];
  const declared = topicsOf(cluster);
  for (const [prop, name, config] of topics) {
    for (const topic of declared) {
      const at = `KafkaTopic '${topic.topicName}' at ${topic.node.path}`;
      if (topicNamesCollide(topic.topicName, name)) {
        errors.push(propError(subject, prop, `collides with ${at} of cluster '${cluster.clusterName}': Kafka takes '.' and '_' as the same in topic names (metric names) and refuses to create the second (Topic.hasCollision), so the ${what}'s workers could not create their topic`, name,
          "rename one of them so that they differ in more than '.' against '_'"));
        continue;
      }
      if (topic.topicName !== name) continue;
      const policies = [...new Set(topicCleanupPolicies(topic))];
      if (policies.length !== 1 || policies[0] !== 'compact') {
        errors.push(propError(subject, prop, `is ${at} of cluster '${cluster.clusterName}', whose cleanup.policy is ${policies.join(',') || '(none)'}${topic._config['cleanup.policy'] === undefined ? " (the cluster's log.cleanup.policy, which the topic does not set)" : ''}: Connect requires its storage topics to be compacted and nothing else, and refuses to start on one that exists otherwise (TopicAdmin.verifyTopicCleanupPolicyOnlyCompact: "is required to have 'cleanup.policy=compact'"), as deleted records would lose its state`, name,
          `set config: { 'cleanup.policy': 'compact' } on that KafkaTopic, or drop it (the workers create the topic compacted themselves)`));
      }
      if (config && topic.partitions !== 1) {
        errors.push(propError(subject, prop, `is ${at} of cluster '${cluster.clusterName}', which has ${topic.partitions} partitions: Connect requires the config topic to have a single partition, so that every worker reads the connector configurations in one order, and refuses to start otherwise (KafkaConfigBackingStore: "is required to have a single partition")`, name,
          'set partitions: 1 on that KafkaTopic, or drop it (the workers create the topic with one partition themselves)'));
      }
    }
  }
  return errors;
}

/** Worker keys the KafkaConnect writes from its typed props, by the prop. */
const WORKER_OWNED: Readonly<Record<string, string>> = {
  'group.id': 'groupId',
  'config.storage.topic': 'configStorageTopic',
  'offset.storage.topic': 'offsetStorageTopic',
  'status.storage.topic': 'statusStorageTopic',
  'config.storage.replication.factor': 'storageReplicationFactor',
  'offset.storage.replication.factor': 'storageReplicationFactor',
  'status.storage.replication.factor': 'storageReplicationFactor',
};

/** What to do instead of a key Strimzi forbids, by the forbidden prefix. */
const FORBIDDEN_FIX: Readonly<Record<string, string>> = {
  'ssl.': 'remove it: the cluster, listener and user props set the connection, trustedCertificate / trustedCertificatesPattern its trust',
  'sasl.': 'remove it: the listener and user props set the authentication',
  'security.': 'remove it: the listener and user props set the connection',
  'bootstrap.servers': 'remove it: the cluster and listener props set it',
  'listeners': 'remove it: Strimzi runs the REST API on port 8083 itself (KafkaConnectConfigurationBuilder.withRestListeners)',
  'rest.': 'remove it: Strimzi runs the REST API itself (KafkaConnectConfigurationBuilder.withRestListeners)',
  'plugin.path': "remove it: Strimzi sets the plugin path; add plugins with the build prop",
  'prometheus.metrics.reporter.': 'remove it: set the metrics prop (KafkaMetrics.strimziMetricsReporter())',
};

/** The config providers Strimzi defines itself (KafkaConnectConfigurationBuilder.withConfigProviders). */
const STRIMZI_CONFIG_PROVIDERS = ['strimzienv', 'strimzifile', 'strimzidir', 'strimzisecrets'];

/** The converter class Strimzi uses where the config names none (KafkaConnectConfiguration.DEFAULTS), and Kafka's header converter default (WorkerConfig). */
const DEFAULT_CONVERTERS: Readonly<Record<string, string>> = {
  'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'header.converter': 'org.apache.kafka.connect.storage.SimpleHeaderConverter',
};

/** Kafka's JsonConverter options (connect-json's JsonConverterConfig; `converter.type` is set by Connect). */
const JSON_CONVERTER_OPTIONS: ReadonlyMap<string, ConfigDefinition> = new Map<string, ConfigDefinition>([
  ['schemas.enable', { type: 'BOOLEAN', default: 'true', importance: 'high' }],
  ['schemas.cache.size', { type: 'INT', default: '1000', importance: 'high' }],
  ['decimal.format', { type: 'STRING', default: 'BASE64', validator: { in: ['BASE64', 'NUMERIC'], caseInsensitive: true }, importance: 'low' }],
  ['replace.null.with.default', { type: 'BOOLEAN', default: 'true', importance: 'low' }],
]);

/**
 * The Connect workers' config (`config`), checked: a plain object; no key the KafkaConnect writes
 * from its props, none Strimzi forbids (KafkaConnectSpec.FORBIDDEN_PREFIXES), no client key that
 * changes the connection Strimzi manages; config providers named with their classes and not
 * Strimzi's; exactly-once source support refused; each key of Kafka's worker ConfigDef of the type
 * and range it takes; a converter's or client's option checked where Kafka's model (or
 * JsonConverterConfig) has it, an unknown one passed unless it is a typo of a known one.
 */
function checkWorkerConfig(subject: Subject, config: Record<string, string | number | boolean> | undefined, version: string): Record<string, string | number | boolean> {
  const prop = 'config';
  if (config === undefined) return {};
  if (typeof config !== 'object' || config === null || Array.isArray(config) || (Object.getPrototypeOf(config) !== Object.prototype && Object.getPrototypeOf(config) !== null)) {
    throwPropError(subject, prop, 'must be a plain object of Kafka Connect worker options', config, "pass an object literal, e.g. { 'value.converter.schemas.enable': false }");
  }
  const model = modelVersion(version);
  const text = (v: unknown) => String(v).trim();
  const providers = listItems(config['config.providers']);
  for (const [key, value] of Object.entries(config)) {
    const at = `${prop}[${/^[\w.-]+$/.test(key) ? `'${key}'` : JSON.stringify(key)}]`;
    const fail = (problem: string, fix: string): never => throwPropError(subject, at, problem, value, fix);
    if (key === '' || /[\s=:#!\\\u0000-\u001f\u007f]/.test(key)) {
      fail("must be a Kafka option name: no spaces, '=', ':', '#', '!', '\\' or control characters (Strimzi writes it into a properties file, where they would split or end the key)", "use e.g. 'offset.flush.interval.ms'");
    }
    if (!(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
      fail('must be a string, a finite number or a boolean', 'give the value as Kafka reads it from a properties file');
    }
    if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) fail('must not contain a line break or other control character: Strimzi writes it into a properties file, where the rest would become keys of its own', 'give the value on one line');
    const owned = WORKER_OWNED[key];
    if (owned !== undefined) fail(`is written by the KafkaConnect from its ${owned} prop`, `set ${owned} instead`);
    const prefix = strimziForbiddenPrefix(key, KAFKA_CONNECT_FORBIDDEN);
    if (prefix !== undefined) {
      fail(`is forbidden by Strimzi (options starting with '${prefix}': ${KAFKA_CONNECT_FORBIDDEN.source}, except ${KAFKA_CONNECT_FORBIDDEN.exceptions.join(', ')}): its cluster operator would drop it and only log a warning (AbstractConfiguration.filterForbidden)`,
        FORBIDDEN_FIX[prefix] ?? 'remove it');
    }
    if (key === 'exactly.once.source.support' && typeof value === 'string' && /^(enabled|preparing)$/i.test(text(value))) {
      fail(`is refused: with exactly-once source support the workers' leader writes the config topic with a transactional producer (transactional id 'connect-cluster-<group.id>': DistributedConfig.transactionalProducerId) and, when enabled, source tasks write in transactions as '<group.id>-<connector>-<task>' (Worker.taskTransactionalId) after fencing older ones (Worker.fenceZombies: Admin.fenceProducers), which needs Write and Describe on those TransactionalIds; the Connect user is not granted them, so the workers would fail with TransactionalIdAuthorizationException`,
        "remove it, or set it to 'disabled' (the default)");
    }
    const definition = configDefinitions('connect', model).get(key);
    if (definition !== undefined) {
      const issue = configValueIssue(key, definition, value);
      if (issue !== undefined) fail(issue.problem, issue.fix);
      if (key === 'config.providers') {
        const strimzis = providers.filter((p) => STRIMZI_CONFIG_PROVIDERS.includes(p));
        if (strimzis.length > 0) {
          fail(`names ${strimzis.join(', ')}, which Strimzi defines itself (KafkaConnectConfigurationBuilder.withConfigProviders adds ${STRIMZI_CONFIG_PROVIDERS.join(',')} to config.providers): their placeholders work without it`, `drop ${strimzis.join(', ')} from it`);
        }
        const missing = providers.find((p) => config[`config.providers.${p}.class`] === undefined);
        if (missing !== undefined) {
          fail(`names the provider '${missing}' without its class: Kafka skips a provider that has no config.providers.${missing}.class (AbstractConfig.instantiateConfigProviders), so its placeholders would stay unresolved`, `add 'config.providers.${missing}.class', e.g. 'org.apache.kafka.common.config.provider.FileConfigProvider'`);
        }
      }
      continue;
    }
    if (key.startsWith('config.providers.')) {
      const rest = key.slice('config.providers.'.length);
      const name = providers.find((p) => rest === `${p}.class` || rest.startsWith(`${p}.param.`));
      const named = /^(.+?)\.(class$|param\.)/.exec(rest)?.[1] ?? rest.split('.')[0];
      if (STRIMZI_CONFIG_PROVIDERS.includes(named)) {
        fail(`configures '${named}', a config provider Strimzi defines itself (KafkaConnectConfigurationBuilder.withConfigProviders): it would replace Strimzi's settings, which Strimzi's own placeholders in the worker config rely on`, 'remove it, or define a provider of your own under another name');
      }
      if (name === undefined) {
        if (!providers.includes(named)) {
          fail(`configures the provider '${named}', which config.providers does not list: Kafka reads the options of listed providers only (AbstractConfig.instantiateConfigProviders), so it would do nothing`, `add '${named}' to config.providers, or remove it`);
        }
        fail(`is not an option of config provider '${named}': Kafka reads config.providers.${named}.class and config.providers.${named}.param.<option> only`, `use 'config.providers.${named}.class' or 'config.providers.${named}.param.<option>'`);
      }
      if (rest === `${name}.class`) {
        const problem = javaClassNameProblem(text(value));
        if (typeof value !== 'string' || problem !== undefined) fail(`must be the name of a Java class (a ConfigProvider)${problem !== undefined ? `: it ${problem}` : ''}`, "use e.g. 'org.apache.kafka.common.config.provider.FileConfigProvider'");
      }
      continue;
    }
    const converter = Object.keys(DEFAULT_CONVERTERS).find((c) => key.startsWith(`${c}.`));
    if (converter !== undefined) {
      // The converter's own options: checked where the converter is Kafka's JsonConverter.
      const rest = key.slice(converter.length + 1);
      if (text(config[converter] ?? DEFAULT_CONVERTERS[converter]) === 'org.apache.kafka.connect.json.JsonConverter') {
        const option = JSON_CONVERTER_OPTIONS.get(rest);
        const issue = option !== undefined ? configValueIssue(rest, option, value) : undefined;
        if (issue !== undefined) fail(`${issue.problem} (JsonConverterConfig)`, issue.fix.replace(`'${rest}'`, `'${key}'`));
        const meant = option === undefined ? closestName(rest, JSON_CONVERTER_OPTIONS.keys()) : undefined;
        if (meant !== undefined) fail(`is not an option of ${converter} JsonConverter (JsonConverterConfig): it ignores it`, `did you mean '${converter}.${meant}'?`);
      }
      continue;
    }
    const client = workerClientKey(key);
    if (client !== undefined) {
      if (/^(ssl|sasl|security)\./.test(client.rest) && !KAFKA_CONNECT_FORBIDDEN.exceptions.includes(client.rest) || client.rest === 'bootstrap.servers') {
        fail(`would change the connection of the workers' ${client.client} clients, which Strimzi writes from the cluster, listener and user (KafkaConnectConfigurationBuilder.withTls, withAuthentication, bootstrap.servers)`, 'remove it: the cluster, listener and user props set the connection');
      }
      if (client.client === 'producer' && client.rest === 'transactional.id') {
        fail("is refused: a transactional producer needs TransactionalId ACLs (Write and Describe on the id: InitProducerId, AddPartitionsToTxn, EndTxn), which the Connect user is not granted, and Connect's tasks and storage producers do not run transactions with it", 'remove it');
      }
      const essential = CONNECT_CLIENT_ESSENTIALS[`${client.client}.${client.rest}`];
      if (essential !== undefined) fail(`would replace what Connect sets for its tasks' ${client.client}s: ${essential}`, 'remove it');
      const issue = workerClientIssue(model, client.client, client.prefix, client.rest, value, 'typo');
      if (issue !== undefined) fail(issue.problem, issue.fix.replace(/^did you mean '(.+)'\?$/, `did you mean '${client.prefix}$1'?`));
      continue;
    }
    const issue = unknownKeyIssue('connect', model, key, UNUSED_KEY, 'remove it (a converter\'s option goes under key.converter., value.converter. or header.converter.; a client\'s under producer., consumer. or admin.)');
    fail(issue.problem, issue.fix);
  }
  return { ...config };
}

/**
 * What Connect sets for its tasks' clients and a worker's `consumer.`/`producer.` key would
 * replace (Worker.baseConsumerConfigs / baseProducerConfigs put them first, then
 * `originalsWithPrefix`), with what would break.
 */
const CONNECT_CLIENT_ESSENTIALS: Readonly<Record<string, string>> = {
  'consumer.group.id': "each sink's own group connect-<connector> (SinkUtils.consumerGroupId), for which the Connect user is granted its ACLs: every sink would join this one group, which it has no ACL for",
  'consumer.enable.auto.commit': 'false, so that offsets are committed only after the sink task has delivered the records (WorkerSinkTask commits them itself)',
  'consumer.key.deserializer': "ByteArrayDeserializer: the converters (key.converter) turn the bytes into Connect's data; another deserializer hands them objects they cannot read",
  'consumer.value.deserializer': "ByteArrayDeserializer: the converters (value.converter) turn the bytes into Connect's data; another deserializer hands them objects they cannot read",
  'producer.key.serializer': 'ByteArraySerializer: the converters have already made the bytes; another serializer cannot take them',
  'producer.value.serializer': 'ByteArraySerializer: the converters have already made the bytes; another serializer cannot take them',
};

/** A LIST value's items as Kafka splits them (ConfigDef.parseType: at commas, trimmed). */
function listItems(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  return trimmed === '' ? [] : trimmed.split(/\s*,\s*/);
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

/** A plugin's name, as Strimzi's CRD takes it (`spec.build.plugins[].name`, Plugin.getName's @Pattern). */
const PLUGIN_NAME = /^[a-z0-9][-_a-z0-9]*[a-z0-9]$/;
/** An artifact's URL, as Strimzi's CRD takes it (`spec.build.plugins[].artifacts[].url`, DownloadableArtifact.getUrl's @Pattern). */
const ARTIFACT_URL = /^(https?|ftp):\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$/;

/** The build, checked: an image reference with a tag, a push Secret name, named plugins with artifacts. */
function checkBuild(subject: Subject, build: ConnectBuild): ConnectBuild {
  const image = build.image;
  const problem = imageReferenceProblem(image);
  if (problem !== undefined) throwPropError(subject, 'build.image', problem, image, "use e.g. 'registry.example.com/kafka/connect-files:1'");
  // Strimzi pushes the image under this tag and runs the workers from the digest the build
  // reports (KafkaConnectBuild), so any tag, 'latest' too, names one build; a digest is no place
  // to push to.
  const tag = /^(?:[^/]+\/)*[^/:@]+:([\w][\w.-]{0,127})$/.exec(image as string)?.[1];
  if (tag === undefined) {
    throwPropError(subject, 'build.image', 'must end in a tag to push to (<registry>/<repository>:<tag>, not a digest)', image, "use e.g. 'registry.example.com/kafka/connect-files:1'");
  }
  if (build.pushSecret !== undefined && !isName(build.pushSecret, NameFormat.DNS1123_SUBDOMAIN)) {
    throwPropError(subject, 'build.pushSecret', "must name a Secret (a DNS-1123 subdomain) in the KafkaConnect's namespace", build.pushSecret, "use e.g. 'registry-push'");
  }
  if (!Array.isArray(build.plugins) || build.plugins.length === 0) throwPropError(subject, 'build.plugins', 'are empty: the build would add nothing to the image', build.plugins, 'add a plugin, or drop build');
  const names = new Set<string>();
  build.plugins.forEach((p, i) => {
    // Strimzi's CRD: `pattern: "^[a-z0-9][-_a-z0-9]*[a-z0-9]$"` (Plugin.getName), so at least two
    // characters; the library keeps it to 63, a directory name of the build.
    if (typeof p?.name !== 'string' || !PLUGIN_NAME.test(p.name) || p.name.length > 63) {
      throwPropError(subject, `build.plugins[${i}].name`, `must be 2 to 63 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit (Strimzi's CRD pattern ${PLUGIN_NAME.source}: the plugin's directory${typeof p?.name === 'string' && p.name.length === 1 ? '; a single character does not match it, and Kubernetes refuses the KafkaConnect' : ''})`, p?.name, "use e.g. 'connect-file'");
    }
    if (names.has(p.name)) throwPropError(subject, `build.plugins[${i}].name`, 'is the name of another plugin: each has its own directory', p.name, 'give each plugin its own name');
    names.add(p.name);
    if (!Array.isArray(p.artifacts) || p.artifacts.length === 0 || !p.artifacts.every((a) => a instanceof ConnectPluginArtifact)) {
      throwPropError(subject, `build.plugins[${i}].artifacts`, 'must be one or more ConnectPluginArtifact.jar(), .tgz(), .zip() or .maven()', p.artifacts, 'add the artifacts: from a URL with their sha512 checksums, or Maven coordinates with an exact version');
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
