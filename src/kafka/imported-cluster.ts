import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ConsistencyPass, secretRef, serviceRef } from '../core/consistency';
import { constructId } from '../core/props';
import { Subject, throwPropError } from '../core/errors';
import { StrimziNames } from '../core/names';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { DEFAULT_KAFKA_VERSION, KAFKA_METADATA_VERSIONS, SUPPORTED_KAFKA_VERSIONS } from '../core/versions';
import { checkBrokerConfig } from './broker-config';
import type { ClusterProfile, IKafkaCluster, KafkaAuthorization } from './kafka-cluster';
import { KafkaListener, KafkaListenerOptions } from './listener';
import { checkListener } from './listener-rules';
import { KafkaClusterBase } from './cluster-base';

/** A listener of a cluster made elsewhere: its name and the options the platform gave it. */
export interface KafkaListenerAttributes extends KafkaListenerOptions {
  /** The listener's name in the `Kafka` resource, e.g. `tls`. */
  readonly name: string;
}

/** What is known of a Kafka cluster made elsewhere, for {@link KafkaCluster.fromClusterAttributes}. */
export interface KafkaClusterAttributes {
  /** The `Kafka` resource's name. */
  readonly name: string;
  /**
   * Its namespace, where its topics, users and their Secrets live.
   * @default - none: the namespace kubectl applies to (as a KafkaCluster in a chart without one);
   *   its in-cluster addresses are then the short `<cluster>-kafka-bootstrap:<port>`
   */
  readonly namespace?: string;
  /**
   * Its listeners, as the `Kafka` resource declares them (name, port, type, tls, authentication;
   * a listener with its own certificate names its `brokerCertificate`). Users' authentication
   * is checked against them; bridges and client workloads connect through them. A field left out
   * takes `addListener()`'s default, not Strimzi's: `tls: true` and
   * `ListenerAuthentication.scramSha512()`, so a plain listener is declared
   * `{ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }`.
   * For topics, users' ACLs and rebalances alone any one listener will do; bridges, clients and
   * users' authentication need the real ones.
   */
  readonly listeners: KafkaListenerAttributes[];
  /**
   * How many brokers it has: topic replicas are checked against it.
   * @default - not known: not checked
   */
  readonly brokers?: number;
  /**
   * Its authorizer: ACLs and grants need one that takes KafkaUser ACLs (`simple`, or `custom` with
   * `supportsAdminApi`); with `simple`, client workloads' ACLs are checked.
   * @default - not known: not checked
   */
  readonly authorization?: KafkaAuthorization;
  /**
   * Its Apache Kafka version: topic configuration is judged by it.
   * @default - the library's default version (as KafkaCluster's)
   */
  readonly version?: string;
  /**
   * Its broker configuration, as far as it matters to topics and clients
   * (`default.replication.factor`, `min.insync.replicas`, `allow.everyone.if.no.acl.found`).
   * @default - not known: topics that leave replicas unset are not checked
   */
  readonly config?: Record<string, string | number | boolean>;
  /**
   * How strict the durability checks of its topics are.
   * @default ClusterProfile.PRODUCTION
   */
  readonly profile?: ClusterProfile;
  /**
   * Whether its brokers have tiered storage on (Strimzi's `spec.kafka.tieredStorage`): a topic
   * that turns on remote storage needs it.
   * @default - not known: not checked
   */
  readonly tieredStorage?: boolean;
}

/** The clusters declared in each chart, by namespace/name. */
const DECLARED = new WeakMap<Chart, Map<string, ImportedKafkaCluster>>();

/**
 * A Kafka cluster the app does not make: it emits nothing and holds what its attributes declare,
 * checked as {@link KafkaCluster} checks its own props (names, listeners by Strimzi's rules,
 * version, broker configuration).
 * @internal
 */
export class ImportedKafkaCluster extends KafkaClusterBase implements IKafkaCluster {
  public readonly clusterName: string;
  public readonly namespace?: string;
  public readonly allListeners: readonly KafkaListener[];
  public readonly version: string;
  public readonly authorization?: KafkaAuthorization;
  public readonly brokerCount?: number;
  public readonly brokerConfig?: Readonly<Record<string, string | number | boolean>>;
  public readonly profile?: ClusterProfile;
  public readonly remoteStorageEnabled?: boolean;
  protected readonly subject: Subject;

  public constructor(scope: Construct, id: string, attributes: KafkaClusterAttributes) {
    super(scope, constructId('ImportedKafkaCluster', scope, id));
    const subject: Subject = { scope: this, kind: 'KafkaCluster (imported)', name: attributes.name };
    this.subject = subject;
    checkName(subject, 'name', attributes.name, { format: NameFormat.DNS1035_LABEL, use: 'it is the Kafka resource\'s name', example: 'events' });
    checkNamespace(subject, 'namespace', attributes.namespace);
    this.clusterName = attributes.name;
    this.namespace = attributes.namespace;
    this.version = attributes.version ?? DEFAULT_KAFKA_VERSION;
    if (KAFKA_METADATA_VERSIONS[this.version] === undefined) {
      throwPropError(subject, 'version', 'is not a Kafka version Strimzi 1.2 supports', this.version, `use one of ${SUPPORTED_KAFKA_VERSIONS.join(', ')}`);
    }
    if (attributes.listeners.length === 0) {
      throwPropError(subject, 'listeners', 'are empty: every Kafka resource has at least one listener (Strimzi requires one)', [],
        "declare the cluster's listeners, e.g. [{ name: 'tls', port: 9093 }]: any one of them will do for topics, users' ACLs and rebalances; bridges, clients and users' authentication need the real ones");
    }
    const listeners: KafkaListener[] = [];
    attributes.listeners.forEach((declared, i) => {
      if (typeof declared !== 'object' || declared === null) throwPropError(subject, `listeners[${i}]`, 'must be an object { name, port, ... }', declared, "use e.g. { name: 'tls', port: 9093 }");
      const { name, ...options } = declared;
      const listener = new KafkaListener(this, name, options);
      // Strimzi's listener rules (ListenersValidator), as for a listener the app adds.
      checkListener({ ...subject, listener, others: listeners });
      listeners.push(listener);
    });
    this.allListeners = listeners;
    if (attributes.brokers !== undefined && (!Number.isInteger(attributes.brokers) || attributes.brokers < 1)) {
      throwPropError(subject, 'brokers', 'must be a whole number of brokers, at least 1', attributes.brokers, 'give the number of brokers, or leave it unset when not known');
    }
    this.brokerCount = attributes.brokers;
    if (attributes.config !== undefined) checkBrokerConfig(subject, attributes.config, this.version);
    this.brokerConfig = attributes.config;
    this.authorization = attributes.authorization;
    this.profile = attributes.profile;
    this.remoteStorageEnabled = attributes.tieredStorage;
    // One declaration per cluster and chart: a second would claim its Kafka resource twice.
    const declared = DECLARED.get(Chart.of(this)) ?? new Map<string, ImportedKafkaCluster>();
    DECLARED.set(Chart.of(this), declared);
    const key = `${this.namespace ?? ''}/${this.clusterName}`;
    const earlier = declared.get(key);
    if (earlier !== undefined) {
      throwPropError(subject, 'name', `is Kafka ${this.namespace ?? '(no namespace)'}/${this.clusterName}, which ${earlier.node.path} declares already in this chart`, attributes.name, `reuse the IKafkaCluster that KafkaCluster.fromClusterAttributes() returned at ${earlier.node.path}`);
    }
    declared.set(key, this);
    this.declareFacts();
  }

  /**
   * What the declaration says exists in this chart's Kubernetes cluster, for the consistency
   * pass: the Kafka resource, what Strimzi makes from it (its CA Secrets and shared Services),
   * and each listener as a TLS server clients may trust.
   */
  private declareFacts(): void {
    const pass = ConsistencyPass.of(this);
    // Its topics are the platform's: an ACL or grant on a topic name is not checked against them.
    pass.declareUnknown(this, 'topic');
    const by = `the platform, declared by KafkaCluster.fromClusterAttributes() at ${this.node.path}`;
    pass.provide(this, { group: 'kafka.strimzi.io', kind: 'Kafka', namespace: this.namespace, name: this.clusterName }, by);
    pass.provide(this, secretRef(this.namespace, this.clusterCaCertSecretName), by, StrimziNames.caAnchor('cluster', this.namespace, this.clusterName));
    pass.provide(this, secretRef(this.namespace, this.clientsCaCertSecretName), by, StrimziNames.caAnchor('clients', this.namespace, this.clusterName));
    pass.provide(this, () => [...new Set([StrimziNames.bootstrapService(this.clusterName), StrimziNames.brokersService(this.clusterName), ...this.allListeners.map((l) => l.bootstrapService)])]
      .map((name) => serviceRef(this.namespace, name)), by);
    for (const listener of this.allListeners) {
      const trustedCa = listener.trustedCa;
      // A listener's own certificate (brokerCertificate) is the platform's Secret too.
      const own = listener.options.brokerCertificate;
      if (own !== undefined) pass.provide(this, secretRef(this.namespace, own.secretName), by, `certificate of listener '${listener.name}' of Kafka ${this.namespace ?? '(no namespace)'}/${this.clusterName}`);
      pass.tlsServer({
        scope: this,
        what: `listener '${listener.name}' of Kafka '${this.clusterName}' (declared at ${this.node.path})`,
        addresses: () => listener.bootstrapAddresses,
        trust: trustedCa && secretRef(this.namespace, trustedCa.secretName),
        authentication: listener.authentication.type,
      });
    }
  }

  public get clusterCaCertSecretName(): string {
    return StrimziNames.clusterCaCertSecret(this.clusterName);
  }

  public get clientsCaCertSecretName(): string {
    return StrimziNames.clientsCaCertSecret(this.clusterName);
  }
}
