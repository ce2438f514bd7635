import { checkArgs } from '../core/props';
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { BridgeAuthentication, BridgeKafkaConnection, KafkaBridge } from '../bridge';
import { Certificate, PrivateCa } from '../certs';
import { throwPropError } from '../core/errors';
import { HostnameScheme, isHostname } from '../core/hostnames';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { BridgeTrafficGenerators, FailoverGateway } from '../failover';
import { EnvoyGatewayClass, KafkaGateway } from '../gateway';
import { ClusterProfile, KafkaCluster, KafkaTopic, KafkaUser } from '../kafka';
import { addTopicsAndUsers, TopicDefinition, UserDefinition } from './blocks';
import { Environment } from './environment';
import { bridgeCaCommands, bridgeCaIssuer, BRIDGE_CA_SECRET, FailoverProviderKind, grantBridgeTopic, provideBridgeCa, RENDERERS } from './failover-parts';
import { installerOf } from './prerequisites';

export { FailoverProviderKind } from './failover-parts';

/** One bridge region of a {@link MultiRegionEnvironment}. */
export interface BridgeRegion {
  /** The region's name: the name of its cluster. */
  readonly name: string;
  /** Lower is preferred. */
  readonly priority: number;
}

/** Props of {@link MultiRegionEnvironment}. */
export interface MultiRegionEnvironmentProps {
  /** Who implements the failover gateway. */
  readonly provider: FailoverProviderKind;
  /**
   * The domain: Kafka is `bootstrap.kafka.<domain>`, the bridge `bridge.<domain>` (pinned:
   * `<region>.bridge.<domain>`), each regional gateway `gateway.<region>.<domain>`.
   * @default 'example.com'
   */
  readonly domain?: string;
  /**
   * The bridge regions.
   * @default - east (preferred) and west
   */
  readonly regions?: BridgeRegion[];
  /**
   * The Kafka cluster and the Kubernetes cluster it runs in.
   * @default - Kafka `events` in namespace `kafka` of cluster `kafka`, 3 controllers and 3 brokers
   */
  readonly kafka?: MultiRegionKafka;
  /**
   * The name of the Kubernetes cluster of the tier-1 gateway and the traffic generators.
   * @default 'central'
   */
  readonly centralCluster?: string;
  /**
   * The namespace of the bridges (and their regional gateways, but Istio's), in every region.
   * @default 'bridge'
   */
  readonly bridgeNamespace?: string;
  /**
   * The topics. The bridges serve all of them, and their HTTP consumers join groups named
   * `<topic>-<anything>`, so that the bridge user's ACLs stay within them.
   * @default - `orders`, 12 partitions
   */
  readonly topics?: TopicDefinition[];
  /**
   * More users of the Kafka cluster (clients that connect directly, through its Gateway), with
   * what they read and write.
   * @default - none
   */
  readonly users?: UserDefinition[];
  /**
   * Traffic generators in the central cluster that produce to and consume from the first topic
   * through the tier-1 gateway (curl), to watch failover happen; `false` for none.
   * @default - on, in namespace `traffic`, consumer group `<first topic>-traffic`
   */
  readonly trafficGenerators?: boolean | MultiRegionTraffic;
}

/** Where the Kafka cluster of a {@link MultiRegionEnvironment} runs, and its size. */
export interface MultiRegionKafka {
  /**
   * The Kubernetes cluster (its kubectl context, and folder in `dist/<environment>/`).
   * @default 'kafka'
   */
  readonly cluster?: string;
  /**
   * The `Kafka` resource's name.
   * @default 'events'
   */
  readonly name?: string;
  /**
   * The namespace of Kafka, its Gateway and certificate.
   * @default 'kafka'
   */
  readonly namespace?: string;
  /**
   * Brokers.
   * @default 3
   */
  readonly brokers?: number;
  /**
   * Controllers.
   * @default 3
   */
  readonly controllers?: number;
  /**
   * How strict the durability checks are (`ClusterProfile.DEVELOPMENT` for a throwaway estate).
   * @default ClusterProfile.PRODUCTION
   */
  readonly profile?: ClusterProfile;
  /**
   * Broker configuration, over the durable defaults (see `KafkaClusterProps.config`).
   * @default - the durable defaults
   */
  readonly config?: Record<string, string | number | boolean>;
}

/** The traffic generators of a {@link MultiRegionEnvironment}. */
export interface MultiRegionTraffic {
  /**
   * The namespace, in the central cluster.
   * @default 'traffic'
   */
  readonly namespace?: string;
  /**
   * The topic, one of the environment's.
   * @default - the first topic
   */
  readonly topic?: string;
}
/** The Secret names the runbook copies between clusters. */
export const COPIED_SECRETS = {
  /** The CA of the Kafka listener certificate (`ca.crt`), in each bridge namespace. */
  kafkaCa: 'kafka-ca',
  /** The bridge user's SCRAM password (`password`), in each bridge namespace. */
  bridgeUser: 'kafka-bridge-user',
  /** The CA that signs every gateway certificate between tiers (`tls.crt`, `tls.key`, `ca.crt`). */
  bridgeCa: BRIDGE_CA_SECRET,
};

/**
 * The multi-region topology: a Kafka cluster (by default in Kubernetes cluster `kafka`), a Kafka
 * Bridge in each region (by default `east` and `west`; same name and namespace, labelled
 * `failover: enabled`, reaching Kafka through its Gateway with the cluster's CA, as a user granted
 * every topic), a regional gateway in each, and a tier-1 failover gateway with traffic generators
 * in a `central` cluster. One chart per cluster; every name, size and topic is a prop.
 *
 * @example
 * const app = new App();
 * const env = new MultiRegionEnvironment(app, 'multi-region', { provider: FailoverProviderKind.ISTIO, domain: 'example.com' });
 * synthEnvironment(env, 'dist');
 */
export class MultiRegionEnvironment extends Environment {
  /** The chart of the Kafka cluster, `kafka`. */
  public readonly kafkaChart: Chart;
  /** The chart of each bridge region, by region name. */
  public readonly regionCharts: Readonly<Record<string, Chart>>;
  /** The chart of the `central` cluster: the tier-1 gateway and the traffic generators. */
  public readonly centralChart: Chart;
  /** The Kafka cluster. */
  public readonly kafka: KafkaCluster;
  /** The KafkaUser the bridges authenticate as. */
  public readonly bridgeUser: KafkaUser;
  /** The Kafka Bridge of each region, by region name. */
  public readonly bridges: Readonly<Record<string, KafkaBridge>>;
  /** The failover gateway in front of the bridges. */
  public readonly failover: FailoverGateway;
  /** Who implements the failover gateway. */
  public readonly provider: FailoverProviderKind;
  /** The domain every hostname is under. */
  public readonly domain: string;
  /** The topics, by name. */
  public readonly topics: Readonly<Record<string, KafkaTopic>>;
  /** The users of `users`, by name (the bridge's is {@link bridgeUser}). */
  public readonly users: Readonly<Record<string, KafkaUser>>;
  /** The traffic generators in the central cluster; undefined with `trafficGenerators: false`. */
  public readonly traffic?: BridgeTrafficGenerators;
  private readonly layout: { kafkaCluster: string; kafkaNamespace: string; centralCluster: string; bridgeNamespace: string; tier1Namespace: string; trafficNamespace?: string; listenerSecret: string };

  /** Creates the environment: the `kafka` cluster, one cluster per region and the `central` cluster. */
  public constructor(scope: Construct, name: string, props: MultiRegionEnvironmentProps) {
    super(scope, name, {
      description: `Kafka in one cluster, a Kafka Bridge in each region, and a tier-1 failover gateway (${props?.provider}) in a central cluster.`,
    });
    checkArgs({ scope: this, kind: 'MultiRegionEnvironment', name }, 'MultiRegionEnvironment.constructor', arguments, 2);
    const subject = { scope: this, kind: 'MultiRegionEnvironment', name };
    if (typeof props !== 'object' || props === null || !Object.values(FailoverProviderKind).includes(props.provider)) {
      throwPropError(subject, 'provider', 'is not a failover provider', props?.provider, `use one of FailoverProviderKind.${Object.keys(FailoverProviderKind).join(', FailoverProviderKind.')}`);
    }
    this.provider = props.provider;
    this.domain = props.domain ?? 'example.com';
    if (!isHostname(this.domain)) throwPropError(subject, 'domain', 'must be a DNS name of lowercase labels (Kafka is bootstrap.kafka.<domain>, the bridge bridge.<domain>)', this.domain, "use e.g. 'example.com'");
    const regions = props.regions ?? [{ name: 'east', priority: 0 }, { name: 'west', priority: 1 }];
    const kafkaProps = props.kafka ?? {};
    if (typeof kafkaProps !== 'object' || kafkaProps === null) throwPropError(subject, 'kafka', 'must be an object', kafkaProps, "use e.g. { cluster: 'kafka', brokers: 3 }");
    const kafkaCluster = kafkaProps.cluster ?? 'kafka';
    const kafkaNamespace = kafkaProps.namespace ?? 'kafka';
    const centralCluster = props.centralCluster ?? 'central';
    const bridgeNamespace = props.bridgeNamespace ?? 'bridge';
    const topics = props.topics ?? [{ name: 'orders', partitions: 12 }];
    const traffic = props.trafficGenerators === false ? undefined : props.trafficGenerators === true || props.trafficGenerators === undefined ? {} : props.trafficGenerators;
    if (typeof traffic !== 'undefined' && (typeof traffic !== 'object' || traffic === null)) throwPropError(subject, 'trafficGenerators', 'must be true, false or { namespace, topic }', traffic, 'use e.g. true');
    const trafficNamespace = traffic?.namespace ?? 'traffic';
    checkName(subject, 'kafka.cluster', kafkaCluster, { format: NameFormat.DNS1035_LABEL, use: 'it names the Kubernetes cluster of Kafka', example: 'kafka' });
    checkName(subject, 'centralCluster', centralCluster, { format: NameFormat.DNS1035_LABEL, use: 'it names the Kubernetes cluster of the tier-1 gateway', example: 'central' });
    const kafkaName = kafkaProps.name ?? 'events';
    checkName(subject, 'kafka.name', kafkaName, { format: NameFormat.DNS1035_LABEL, use: "it is the Kafka resource's name and prefixes its Services", example: 'events' });
    for (const [prop, count] of [['kafka.brokers', kafkaProps.brokers], ['kafka.controllers', kafkaProps.controllers]] as const) {
      if (count !== undefined && (!Number.isInteger(count) || count < 1)) throwPropError(subject, prop, 'must be a whole number of at least 1', count, 'use e.g. 3');
    }
    // The namespaces the environment creates: its own, never an installer's (the message names the prop).
    for (const [prop, namespace] of [['kafka.namespace', kafkaNamespace], ['bridgeNamespace', bridgeNamespace], ['trafficGenerators.namespace', trafficNamespace]] as const) {
      checkNamespace(subject, prop, namespace);
      const installer = installerOf(namespace);
      if (installer !== undefined) throwPropError(subject, prop, `is made by the installer of ${installer}, which the environment must not create and own`, namespace, 'use a namespace of your own');
    }
    const tier1Namespace = props.provider === FailoverProviderKind.ISTIO ? 'istio-ingress' : 'tier1';
    if (centralCluster === kafkaCluster) throwPropError(subject, 'centralCluster', `is also kafka.cluster: the tier-1 gateway and Kafka each have a cluster of their own`, centralCluster, 'name them apart');
    const ownClusters = [kafkaCluster, centralCluster];
    if (!Array.isArray(regions)) throwPropError(subject, 'regions', 'must be an array of { name, priority }', regions, "use e.g. [{ name: 'east', priority: 0 }, { name: 'west', priority: 1 }]");
    regions.forEach((region, i) => {
      if (typeof region !== 'object' || region === null) throwPropError(subject, `regions[${i}]`, 'must be an object { name, priority }', region, "use e.g. { name: 'east', priority: 0 }");
      if (!Number.isInteger(region.priority) || region.priority < 0) throwPropError(subject, `regions[${i}].priority`, 'must be a whole number >= 0 (lower is preferred)', region.priority, 'use 0 for the preferred region, 1 for the next');
      checkName(subject, `regions[${i}].name`, region.name, { format: NameFormat.DNS1035_LABEL, use: 'it names the region\'s cluster and its Services', example: 'east' });
      if (ownClusters.includes(region.name)) {
        throwPropError(subject, `regions[${i}].name`, `is taken: each region is a cluster of the environment, beside its own ${ownClusters.map((c) => `'${c}'`).join(' and ')} clusters`, region.name, "name the region after where it runs, e.g. 'east'");
      }
    });
    // The failover model's own rules, checked here so that the messages name this environment.
    const names = regions.map((r) => r.name);
    regions.forEach((region, i) => {
      if (names.indexOf(region.name) !== i) throwPropError(subject, `regions[${i}].name`, `is also regions[${names.indexOf(region.name)}].name: each region is a cluster of its own`, region.name, 'give each region its own name');
    });
    const levels = [...new Set(regions.map((r) => r.priority))];
    if (regions.length < 2) throwPropError(subject, 'regions', 'need at least two regions to fail over between', names, "add a second region, e.g. { name: 'west', priority: 1 }");
    // Istio's and TSB's locality failover order one target after the tier-1 gateway's region;
    // Envoy has primary and fallback backends: two levels for every provider.
    if (levels.length !== 2) throwPropError(subject, 'regions', `have ${levels.length} priority level${levels.length === 1 ? '' : 's'}; every failover provider orders exactly two (preferred, then the rest)`, regions.map((r) => `${r.name}=${r.priority}`), 'give the preferred regions priority 0 and the standby regions priority 1');
    const renderer = RENDERERS[props.provider](bridgeNamespace);

    // The Kafka cluster, exposed to the bridge regions through a Gateway with TLS passthrough.
    this.kafkaChart = this.addCluster(kafkaCluster, { namespaces: [kafkaNamespace], description: 'Kafka (Strimzi), exposed to the regions through its Gateway' });
    const kafkaHosts = HostnameScheme.subdomain(`kafka.${this.domain}`);
    const kafkaCa = new PrivateCa(this.kafkaChart, 'Ca', { name: 'kafka-ca' });
    const listenerCertificate = new Certificate(this.kafkaChart, 'ListenerCertificate', {
      issuer: kafkaCa.issuer,
      name: `${kafkaName}-external-tls`,
      namespace: kafkaNamespace,
      dnsNames: [kafkaHosts.bootstrap, kafkaHosts.wildcard],
    });
    const kafkaGatewayClass = new EnvoyGatewayClass(this.kafkaChart, 'GatewayClass', { name: 'envoy-kafka' });
    const kafkaGateway = new KafkaGateway(this.kafkaChart, 'Gateway', { name: 'kafka-gateway', namespace: kafkaNamespace, gatewayClass: kafkaGatewayClass, hostnames: kafkaHosts });
    this.kafka = new KafkaCluster(this.kafkaChart, 'Kafka', {
      name: kafkaName,
      namespace: kafkaNamespace,
      ...(kafkaProps.controllers !== undefined && { controllers: { replicas: kafkaProps.controllers } }),
      ...(kafkaProps.brokers !== undefined && { brokers: { replicas: kafkaProps.brokers } }),
      ...(kafkaProps.profile !== undefined && { profile: kafkaProps.profile }),
      ...(kafkaProps.config !== undefined && { config: kafkaProps.config }),
    });
    this.kafka.addExternalListener('external', { gateway: kafkaGateway, certificate: listenerCertificate });
    ({ topics: this.topics, users: this.users } = addTopicsAndUsers(subject, this.kafka, topics, props.users ?? [], { topics: 'topics', users: 'users', reservedUsers: { bridge: "the bridges' user" } }));
    // The bridge serves every topic; its HTTP consumers' groups are <topic>-<anything>.
    this.bridgeUser = this.kafka.addUser('bridge');
    for (const topic of Object.values(this.topics)) grantBridgeTopic(this.kafka, this.bridgeUser, topic.topicName, true);

    const bridgeHostname = `bridge.${this.domain}`;
    try {
      this.failover = new FailoverGateway({
        hostname: bridgeHostname,
        regions: regions.map((r) => ({ ...r, address: `gateway.${r.name}.${this.domain}` })),
        provider: renderer,
      });
    } catch (e) {
      // Anything else the model rejects comes from these props: say whose.
      throw new Error(`MultiRegionEnvironment '${name}' at ${this.node.path}: regions or domain make a failover gateway that cannot work: ${(e as Error).message}`);
    }

    const charts: Record<string, Chart> = {};
    const bridges: Record<string, KafkaBridge> = {};
    for (const region of regions) {
      const chart = this.addCluster(region.name, { namespaces: [bridgeNamespace], description: `the ${region.name} Kafka Bridge (priority ${region.priority}) and its regional gateway` });
      provideBridgeCa(chart, []);
      this.addLink(region.name, kafkaCluster, 'Kafka over TLS, through the Kafka Gateway');
      const bridge = new KafkaBridge(chart, 'Bridge', {
        name: 'events',
        namespace: bridgeNamespace,
        // Kafka's external listener, through its Gateway, with the copies the runbook makes (artefacts(): runbook.md).
        kafka: BridgeKafkaConnection.fromRemoteCluster(this.kafka, { listener: 'external', caSecretName: COPIED_SECRETS.kafkaCa }),
        authentication: BridgeAuthentication.fromRemoteUser(this.bridgeUser, COPIED_SECRETS.bridgeUser),
        labels: { failover: 'enabled' },
        // The provider's regional gateway proxies, which addRegionalGateway checks it admits.
        allowFrom: [renderer.gatewayPeer(bridgeNamespace)],
        istioSidecar: props.provider !== FailoverProviderKind.ENVOY_GATEWAY,
      });
      const gatewayNamespace = renderer.regionalNamespace(bridge);
      const gatewayClass = props.provider === FailoverProviderKind.ENVOY_GATEWAY ? new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined;
      const certificate = new Certificate(chart, 'GatewayCertificate', {
        issuer: bridgeCaIssuer(chart),
        name: `bridge-${region.name}-tls`,
        namespace: gatewayNamespace,
        dnsNames: this.failover.model.regionalHostnames(region.name),
      });
      this.failover.addRegionalGateway(chart, 'Failover', { region: region.name, bridge, certificate, gatewayClass });
      charts[region.name] = chart;
      bridges[region.name] = bridge;
    }
    this.regionCharts = charts;
    this.bridges = bridges;

    // The tier-1 gateway and the traffic that exercises it.
    if (traffic !== undefined && [tier1Namespace, ...renderer.centralNamespaces].includes(trafficNamespace)) {
      throwPropError(subject, 'trafficGenerators.namespace', `is the namespace of the tier-1 gateway's objects (${[tier1Namespace, ...renderer.centralNamespaces].join(', ')}) in cluster '${centralCluster}'`, trafficNamespace, "give the traffic generators a namespace of their own, e.g. 'traffic'");
    }
    this.centralChart = this.addCluster(centralCluster, {
      namespaces: [...(traffic ? [trafficNamespace] : []), ...(tier1Namespace === 'istio-ingress' ? [] : [tier1Namespace]), ...renderer.centralNamespaces],
      description: traffic ? 'the tier-1 failover gateway and the traffic generators' : 'the tier-1 failover gateway',
    });
    for (const region of regions) this.addLink(centralCluster, region.name, `HTTPS, priority ${region.priority}`);
    // The bridge CA the runbook creates in central (artefacts(): runbook.md): cert-manager's
    // issuer key pair, and ca.crt for the tier-1 gateway (caSecret) and the traffic generators.
    provideBridgeCa(this.centralChart, [tier1Namespace, ...(traffic ? [trafficNamespace] : [])]);
    const tier1GatewayClass = props.provider === FailoverProviderKind.ENVOY_GATEWAY ? new EnvoyGatewayClass(this.centralChart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined;
    const tier1Certificate = new Certificate(this.centralChart, 'Tier1Certificate', {
      issuer: bridgeCaIssuer(this.centralChart),
      name: 'bridge-tier1-tls',
      namespace: tier1Namespace,
      dnsNames: this.failover.model.centralHostnames,
    });
    this.failover.addTier1Gateway(this.centralChart, 'Failover', { certificate: tier1Certificate, gatewayClass: tier1GatewayClass });
    const [firstTopic] = Object.values(this.topics);
    const trafficTopic = traffic?.topic ?? firstTopic?.topicName;
    if (traffic !== undefined && trafficTopic === undefined) {
      throwPropError(subject, 'topics', 'are empty, so the traffic generators have no topic', [], "define a topic, e.g. [{ name: 'orders' }], or set trafficGenerators: false");
    }
    if (traffic !== undefined && !Object.prototype.hasOwnProperty.call(this.topics, trafficTopic!)) {
      throwPropError(subject, 'trafficGenerators.topic', 'is not a topic of the environment', trafficTopic, `use one of ${Object.keys(this.topics).map((t) => `'${t}'`).join(', ')}, or trafficGenerators: false`);
    }
    this.traffic = traffic === undefined ? undefined : new BridgeTrafficGenerators(this.centralChart, 'Traffic', {
      endpoint: `https://${bridgeHostname}`,
      topic: trafficTopic!,
      // Within the bridge user's groups: <topic>-<anything>.
      group: `${trafficTopic}-traffic`,
      namespace: trafficNamespace,
      caSecret: COPIED_SECRETS.bridgeCa,
      // Envoy Gateway shifts listener ports below 1024 by 10000 on its proxies (gatewayapi
      // listener.go), and the tier-1 proxy runs in this cluster: egress must allow that port.
      ...(props.provider === FailoverProviderKind.ENVOY_GATEWAY && { endpointPodPorts: [10443] }),
    });
    this.layout = { kafkaCluster, kafkaNamespace, centralCluster, bridgeNamespace, tier1Namespace, trafficNamespace: traffic ? trafficNamespace : undefined, listenerSecret: listenerCertificate.secretName };

    const [preferred] = [...regions].sort((a, b) => a.priority - b.priority);
    const bridgeName = Object.values(this.bridges)[0].bridgeName;
    this.addCheck('Kafka is ready', `kubectl --context ${kafkaCluster} -n ${kafkaNamespace} wait kafka/${this.kafka.clusterName} --for=condition=Ready --timeout=10m`);
    this.addCheck('The bridges are ready', ...regions.map((r) => `kubectl --context ${r.name} -n ${bridgeNamespace} wait kafkabridge/${bridgeName} --for=condition=Ready --timeout=5m`));
    const logs = (deployment: { name: string } | undefined, tail: string) => (deployment === undefined ? [] : [`kubectl --context ${centralCluster} -n ${trafficNamespace} logs deploy/${deployment.name} ${tail}`]);
    // The record goes to the topic the traffic generators consume, so that their log shows it.
    const checkTopic = trafficTopic;
    if (checkTopic !== undefined) {
      this.addCheck(
        'Produce and consume through the tier-1 gateway',
        `curl --cacert ca.crt -X POST -H 'Content-Type: application/vnd.kafka.json.v2+json' -d '{"records":[{"value":{"hello":"world"}}]}' https://${bridgeHostname}/topics/${encodeURIComponent(checkTopic)}`,
        ...logs(this.traffic?.consumers[0], '--tail 5'),
      );
    }
    this.addCheck(
      `The failover drill: stop the ${preferred.name} bridge and watch traffic move`,
      `kubectl --context ${preferred.name} -n ${bridgeNamespace} scale kafkabridge ${bridgeName} --replicas 0`,
      ...logs(this.traffic?.producer, '-f   # 200s continue, now served by the next region'),
      ...logs(this.traffic?.consumers[0], '-f   # 404, then the consumer is recreated'),
      `kubectl --context ${preferred.name} -n ${bridgeNamespace} scale kafkabridge ${bridgeName} --replicas 1`,
    );
  }

  /**
   * The files beside the manifests: `runbook.md`, with the Secrets to copy between clusters
   * before applying (kubectl contexts named after the clusters).
   */
  public override artefacts(): Record<string, string> {
    const regions = Object.keys(this.regionCharts);
    const userSecret = this.bridgeUser.secretName!;
    const { kafkaCluster, kafkaNamespace, centralCluster, bridgeNamespace, tier1Namespace, trafficNamespace, listenerSecret } = this.layout;
    const lines = [
      `# ${this.provider} multi-region runbook`,
      '',
      `Clusters (kubectl contexts): \`${kafkaCluster}\` runs Kafka; ` + regions.map((r) => `\`${r}\``).join(' and ') + ` run a Kafka Bridge each; \`${centralCluster}\` runs the tier-1 gateway.`,
      '',
      '## Secrets to copy before applying',
      '',
      'The CA that signs every gateway certificate between tiers, made once and copied to each cluster\'s `cert-manager` namespace:',
      '',
      '```sh',
      ...bridgeCaCommands([centralCluster, ...regions], centralCluster, [tier1Namespace, ...(trafficNamespace === undefined ? [] : [trafficNamespace])]),
      '```',
      '',
      'Kafka\'s listener CA and the bridge user\'s password, from `' + kafkaCluster + '` to each bridge region (after the Kafka cluster is Ready):',
      '',
      '```sh',
      `kubectl --context ${kafkaCluster} -n ${kafkaNamespace} get secret ${listenerSecret} -o jsonpath='{.data.ca\\.crt}' | base64 -d > kafka-ca.crt`,
      `kubectl --context ${kafkaCluster} -n ${kafkaNamespace} get secret ${userSecret} -o jsonpath='{.data.password}' | base64 -d > bridge-password`,
      ...regions.flatMap((r) => [
        `kubectl --context ${r} -n ${bridgeNamespace} create secret generic ${COPIED_SECRETS.kafkaCa} --from-file=ca.crt=kafka-ca.crt`,
        `kubectl --context ${r} -n ${bridgeNamespace} create secret generic ${COPIED_SECRETS.bridgeUser} --from-file=password=bridge-password`,
      ]),
      '```',
      '',
    ];
    return { 'runbook.md': lines.join('\n') };
  }

  /** Every chart, by cluster name. */
  public get charts(): Record<string, Chart> {
    return { [this.layout.kafkaCluster]: this.kafkaChart, ...this.regionCharts, [this.layout.centralCluster]: this.centralChart };
  }
}
