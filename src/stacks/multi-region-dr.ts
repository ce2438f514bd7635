import { checkArgs } from '../core/props';
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { BridgeAuthentication, BridgeKafkaConnection, KafkaBridge } from '../bridge';
import { Certificate, PrivateCa } from '../certs';
import { Subject, throwPropError } from '../core/errors';
import { HostnameScheme, isHostname } from '../core/hostnames';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { BridgeTrafficGenerators, FailoverGateway } from '../failover';
import { EnvoyGatewayClass, KafkaGateway } from '../gateway';
import { Acl, AclOperation, KafkaCluster, KafkaMirrorMaker2, KafkaTopic, KafkaUser, MirrorMaker2Cluster, MirrorReplicationPolicy } from '../kafka';
import { TopicDefinition, addTopicsAndUsers } from './blocks';
import { Environment } from './environment';
import type { BridgeRegion } from './multi-region';
import { bridgeCaCommands, bridgeCaIssuer, BRIDGE_CA_SECRET as BRIDGE_CA, FailoverProviderKind, grantBridgeTopic, provideBridgeCa, RENDERERS } from './failover-parts';
import { installerOf } from './prerequisites';

/** How the two regions of a {@link MultiRegionDrEnvironment} share their data. */
export enum DisasterRecoveryPattern {
  /**
   * One region takes the writes; MirrorMaker 2 copies its topics to the standby under the same
   * names (IdentityReplicationPolicy) with the consumer groups' offsets, so that the bridges, and
   * consumers with them, fail over to the standby and resume where they were.
   */
  ACTIVE_PASSIVE = 'active-passive',
  /**
   * Both regions take writes to their own topics; MirrorMaker 2 copies each region's topics to
   * the other under the source's prefix (`<region>.<topic>`: the prefixed policy, which never
   * mirrors a mirrored topic back). A consumer that must see every record reads `<topic>` and
   * `<other region>.<topic>`.
   */
  ACTIVE_ACTIVE = 'active-active',
}

/** Props of {@link MultiRegionDrEnvironment}. */
export interface MultiRegionDrEnvironmentProps {
  /**
   * Who implements the failover gateway in front of the bridges.
   * @default FailoverProviderKind.ENVOY_GATEWAY
   */
  readonly provider?: FailoverProviderKind;
  /**
   * How the regions share their data.
   * @default DisasterRecoveryPattern.ACTIVE_PASSIVE
   */
  readonly pattern?: DisasterRecoveryPattern;
  /**
   * The two regions: the preferred one (priority 0) and the standby (priority 1). Each is a
   * Kubernetes cluster with its own Kafka cluster, MirrorMaker 2 and bridge.
   * @default - east (preferred) and west
   */
  readonly regions?: BridgeRegion[];
  /**
   * The domain: each region's Kafka is `bootstrap.kafka.<region>.<domain>`, the bridges
   * `bridge.<domain>` behind the tier-1 gateway.
   * @default 'example.com'
   */
  readonly domain?: string;
  /**
   * The topics, made in the preferred region (both, active/active). The bridges serve all of
   * them; their HTTP consumers join groups named `<topic>-<anything>`, whose offsets MirrorMaker 2
   * translates.
   * @default - `orders`, 12 partitions
   */
  readonly topics?: TopicDefinition[];
  /**
   * The namespace of Kafka, MirrorMaker 2 and the bridge in each region.
   * @default 'kafka'
   */
  readonly namespace?: string;
  /**
   * The name of the Kubernetes cluster of the tier-1 gateway and the traffic generators.
   * @default 'central'
   */
  readonly centralCluster?: string;
  /**
   * Traffic generators in the central cluster that produce and consume the first topic through
   * the tier-1 gateway, across a regional loss.
   * @default true
   */
  readonly trafficGenerators?: boolean;
}


/** One region of the environment, as built. */
interface Region {
  readonly name: string;
  readonly priority: number;
  readonly chart: Chart;
  readonly kafka: KafkaCluster;
  readonly bridge: KafkaBridge;
  readonly bridgeUser: KafkaUser;
  /** The user the runbook's commands run as: Describe on the topics and the bridges' groups. */
  readonly operator: KafkaUser;
  /** The mirror that copies the other region's topics here; undefined for the active/passive primary. */
  mirror?: KafkaMirrorMaker2;
}

/**
 * Cross-region disaster recovery: in each of two regions a Kafka cluster reachable through its
 * Gateway, a MirrorMaker 2 that copies the other region's topics (and consumer offsets) into it,
 * and a Kafka Bridge in front of the local cluster behind a regional gateway; in a central
 * cluster a tier-1 failover gateway and traffic generators. One chart per cluster. A bridge fails
 * over only to a region that holds what it serves under the names its consumers use (checked),
 * and `runbook.md` says, with the exact commands and names, what to do when a region's Kafka
 * fails and when it comes back.
 *
 * @example
 * const app = new App();
 * const dr = new MultiRegionDrEnvironment(app, 'multi-region-dr');
 * synthEnvironments([dr], 'dist');
 */
export class MultiRegionDrEnvironment extends Environment {
  /** How the regions share their data. */
  public readonly pattern: DisasterRecoveryPattern;
  /** The failover gateway in front of the bridges. */
  public readonly failover: FailoverGateway;
  /** The Kafka cluster of each region, by region name. */
  public readonly kafka: Readonly<Record<string, KafkaCluster>>;
  /** The MirrorMaker 2 of each region that receives a copy, by region name. */
  public readonly mirrors: Readonly<Record<string, KafkaMirrorMaker2>>;
  /** The bridge of each region, by region name. */
  public readonly bridges: Readonly<Record<string, KafkaBridge>>;
  /** The topics of the preferred region, by name. */
  public readonly topics: Readonly<Record<string, KafkaTopic>>;
  private readonly regions: readonly Region[];
  private readonly layout: { namespace: string; centralCluster: string; tier1Namespace: string; traffic: boolean; domain: string };

  /** Creates the environment: a cluster per region and the central cluster. */
  public constructor(scope: Construct, name: string = 'multi-region-dr', props: MultiRegionDrEnvironmentProps = {}) {
    super(scope, name, { description: 'A Kafka cluster, MirrorMaker 2 and a Kafka Bridge in each of two regions, and a tier-1 failover gateway in front of the bridges.' });
    checkArgs({ scope: this, kind: 'MultiRegionDrEnvironment', name }, 'MultiRegionDrEnvironment.constructor', arguments, 2);
    const subject: Subject = { scope: this, kind: 'MultiRegionDrEnvironment', name };
    const provider = props.provider ?? FailoverProviderKind.ENVOY_GATEWAY;
    if (!Object.values(FailoverProviderKind).includes(provider)) throwPropError(subject, 'provider', 'is not a failover provider', provider, `use one of FailoverProviderKind.${Object.keys(FailoverProviderKind).join(', FailoverProviderKind.')}`);
    this.pattern = props.pattern ?? DisasterRecoveryPattern.ACTIVE_PASSIVE;
    if (!Object.values(DisasterRecoveryPattern).includes(this.pattern)) throwPropError(subject, 'pattern', 'is not a disaster recovery pattern', this.pattern, 'use DisasterRecoveryPattern.ACTIVE_PASSIVE or DisasterRecoveryPattern.ACTIVE_ACTIVE');
    const domain = props.domain ?? 'example.com';
    if (!isHostname(domain)) throwPropError(subject, 'domain', 'must be a DNS name of lowercase labels', domain, "use e.g. 'example.com'");
    const namespace = props.namespace ?? 'kafka';
    checkNamespace(subject, 'namespace', namespace);
    if (installerOf(namespace) !== undefined) throwPropError(subject, 'namespace', `is made by the installer of ${installerOf(namespace)}, which the environment must not create and own`, namespace, 'use a namespace of your own');
    const centralCluster = props.centralCluster ?? 'central';
    checkName(subject, 'centralCluster', centralCluster, { format: NameFormat.DNS1035_LABEL, use: 'it names the Kubernetes cluster of the tier-1 gateway', example: 'central' });
    const regions = props.regions ?? [{ name: 'east', priority: 0 }, { name: 'west', priority: 1 }];
    if (!Array.isArray(regions) || regions.length !== 2) throwPropError(subject, 'regions', 'must be two regions, a preferred one (priority 0) and a standby (priority 1)', regions, "use e.g. [{ name: 'east', priority: 0 }, { name: 'west', priority: 1 }]");
    regions.forEach((r, i) => checkName(subject, `regions[${i}].name`, r.name, { format: NameFormat.DNS1035_LABEL, use: 'it names the region\'s Kubernetes cluster and its MirrorMaker 2 alias', example: 'east' }));
    if (regions[0].name === regions[1].name || regions.some((r) => r.name === centralCluster)) throwPropError(subject, 'regions', `must have two names of their own, apart from centralCluster '${centralCluster}'`, regions.map((r) => r.name), 'name each region after where it runs');
    const [preferred, standby] = [...regions].sort((a, b) => a.priority - b.priority);
    // Each mirror is named <from>-to-<to>: a KafkaMirrorMaker2 name of at most 46 characters.
    const mirrorNameLength = preferred.name.length + standby.name.length + '-to-'.length;
    if (mirrorNameLength > 46) throwPropError(subject, 'regions', `have names of ${preferred.name.length} and ${standby.name.length} characters, and the mirror between them is named <from>-to-<to>, ${mirrorNameLength} characters, where Strimzi takes 46 (its Service is <name>-mirrormaker2-api, a DNS label)`, regions.map((r) => r.name), 'use region names of at most 21 characters each');
    regions.forEach((r, i) => {
      if (r.priority !== 0 && r.priority !== 1) throwPropError(subject, `regions[${i}].priority`, 'must be 0 (the preferred region) or 1 (the standby)', r.priority, 'use 0 for the preferred region and 1 for the standby');
    });
    if (preferred.priority === standby.priority) throwPropError(subject, 'regions', 'have one priority: disaster recovery needs a preferred region (0) and a standby (1)', regions.map((r) => `${r.name}=${r.priority}`), 'give the preferred region priority 0 and the standby 1');
    const renderer = RENDERERS[provider](namespace);
    const tier1Namespace = provider === FailoverProviderKind.ISTIO ? 'istio-ingress' : 'tier1';
    const bridgeHostname = `bridge.${domain}`;
    this.failover = new FailoverGateway({ hostname: bridgeHostname, regions: [preferred, standby].map((r) => ({ ...r, address: `gateway.${r.name}.${domain}` })), provider: renderer });

    // Each region: Kafka reachable through its Gateway, a bridge in front of it.
    const built: Region[] = [];
    let topics: Record<string, KafkaTopic> = {};
    for (const region of [preferred, standby]) {
      const chart = this.addCluster(region.name, { namespaces: [namespace], description: `Kafka, MirrorMaker 2 and the ${region.name} Kafka Bridge (priority ${region.priority})` });
      const hosts = HostnameScheme.subdomain(`kafka.${region.name}.${domain}`);
      const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca' });
      const certificate = new Certificate(chart, 'ListenerCertificate', { issuer: ca.issuer, name: 'events-external-tls', namespace, dnsNames: [hosts.bootstrap, hosts.wildcard] });
      const gatewayClass = new EnvoyGatewayClass(chart, 'KafkaGatewayClass', { name: 'envoy-kafka' });
      const gateway = new KafkaGateway(chart, 'Gateway', { name: 'kafka-gateway', namespace, gatewayClass, hostnames: hosts });
      const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace });
      kafka.addExternalListener('external', { gateway, certificate });
      // Active/passive: the topics live in the preferred region and reach the standby through the mirror.
      const own = region === preferred || this.pattern === DisasterRecoveryPattern.ACTIVE_ACTIVE
        ? addTopicsAndUsers(subject, kafka, props.topics ?? [{ name: 'orders', partitions: 12 }], []).topics
        : {};
      if (region === preferred) topics = own;
      const bridgeUser = kafka.addUser('bridge');
      const bridge = new KafkaBridge(chart, 'Bridge', {
        name: 'events',
        namespace,
        kafka: BridgeKafkaConnection.fromCluster(kafka),
        authentication: BridgeAuthentication.fromUser(bridgeUser),
        labels: { failover: 'enabled' },
        allowFrom: [renderer.gatewayPeer(namespace)],
        istioSidecar: provider !== FailoverProviderKind.ENVOY_GATEWAY,
      });
      const operator = kafka.addUser('dr-operator');
      built.push({ name: region.name, priority: region.priority, chart, kafka, bridge, bridgeUser, operator });
    }
    this.topics = topics;
    const topicNames = Object.keys(topics);
    if (topicNames.length === 0) throwPropError(subject, 'topics', 'are empty: there is nothing to mirror or serve', [], "define a topic, e.g. [{ name: 'orders' }]");
    // MirrorMaker 2 prefixes a topic named like its heartbeats topic under the identity policy too
    // (IdentityReplicationPolicy.formatRemoteTopic: isHeartbeatsTopic), so the standby would serve another name.
    topicNames.forEach((t, i) => {
      if (t.endsWith('heartbeats')) throwPropError(subject, `topics[${i}].name`, "ends in 'heartbeats', which MirrorMaker 2 renames on the other side under every policy (IdentityReplicationPolicy.formatRemoteTopic), so consumers failing over would read another topic", t, 'give the topic another name');
    });

    // The mirrors: into the standby (active/passive), or into each region (active/active), run
    // beside their target (consume remotely, produce locally), the source through its Gateway.
    const [primary, secondary] = built;
    const directions = this.pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? [[primary, secondary]] : [[primary, secondary], [secondary, primary]];
    for (const [from, to] of directions) {
      to.mirror = new KafkaMirrorMaker2(to.chart, 'Mirror', {
        name: `${from.name}-to-${to.name}`,
        namespace,
        source: MirrorMaker2Cluster.remote(from.kafka, { alias: from.name }),
        target: MirrorMaker2Cluster.local(to.kafka, { alias: to.name }),
        topics: topicNames.map((t) => Acl.topic(t)),
        groups: topicNames.map((t) => Acl.groupPrefix(`${t}-`)),
        replicationPolicy: this.pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? MirrorReplicationPolicy.IDENTITY : MirrorReplicationPolicy.PREFIXED,
        syncGroupOffsets: this.pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE,
      });
      this.addLink(to.name, from.name, 'MirrorMaker 2 reads the topics, through the Kafka Gateway');
    }

    // What each bridge serves: the topics under the names its consumers use, in its own cluster.
    for (const region of built) {
      for (const topic of topicNames) {
        const served = region === primary || this.pattern === DisasterRecoveryPattern.ACTIVE_ACTIVE ? topic : region.mirror!.targetTopicName(topic);
        // A bridge fails over only to a region that holds the data it serves under the same name.
        if (served !== topic) {
          throwPropError(subject, 'pattern', `lets the ${region.name} bridge serve '${served}' where the ${primary.name} bridge serves '${topic}': consumers failing over would read another topic`, this.pattern, 'use DisasterRecoveryPattern.ACTIVE_PASSIVE with its identity policy');
        }
        grantBridgeTopic(region.kafka, region.bridgeUser, served, true, topic);
      }
      // The runbook's checks: offsets of every topic held here and of the bridges' groups.
      const held = [...new Set(topicNames.flatMap((t) => (region.mirror !== undefined && this.pattern === DisasterRecoveryPattern.ACTIVE_ACTIVE ? [t, region.mirror.targetTopicName(t)] : [t])))];
      // Describe the bridges' groups; read the topics in groups of its own (the runbook's export).
      for (const t of held) region.kafka.grantRead(region.operator, Acl.topic(t), { group: Acl.groupPrefix('dr-operator-') });
      region.operator.addAcl(...topicNames.map((t) => Acl.groupPrefix(`${t}-`).allow(AclOperation.DESCRIBE)));
      if (this.pattern === DisasterRecoveryPattern.ACTIVE_ACTIVE) {
        // The other region's records, mirrored here under its prefix: readable, never written.
        for (const topic of topicNames) grantBridgeTopic(region.kafka, region.bridgeUser, region.mirror!.targetTopicName(topic), false, topic);
      }
      const certificate = new Certificate(region.chart, 'GatewayCertificate', { issuer: bridgeCaIssuer(region.chart), name: `bridge-${region.name}-tls`, namespace: renderer.regionalNamespace(region.bridge), dnsNames: this.failover.model.regionalHostnames(region.name) });
      provideBridgeCa(region.chart, []);
      const gatewayClass = renderer.usesGatewayClass ? new EnvoyGatewayClass(region.chart, 'GatewayClass', { name: 'envoy-bridge' }) : undefined;
      this.failover.addRegionalGateway(region.chart, 'Failover', { region: region.name, bridge: region.bridge, certificate, gatewayClass });
    }

    // The tier-1 gateway and the traffic across a regional loss.
    const traffic = props.trafficGenerators ?? true;
    const central = this.addCluster(centralCluster, {
      namespaces: [...(traffic ? ['traffic'] : []), ...(tier1Namespace === 'istio-ingress' ? [] : [tier1Namespace]), ...renderer.centralNamespaces],
      description: 'the tier-1 failover gateway and the traffic generators',
    });
    for (const region of built) this.addLink(centralCluster, region.name, `HTTPS, priority ${region.priority}`);
    provideBridgeCa(central, [tier1Namespace, ...(traffic ? ['traffic'] : [])]);
    const tier1Certificate = new Certificate(central, 'Tier1Certificate', { issuer: bridgeCaIssuer(central), name: 'bridge-tier1-tls', namespace: tier1Namespace, dnsNames: this.failover.model.centralHostnames });
    this.failover.addTier1Gateway(central, 'Failover', { certificate: tier1Certificate, gatewayClass: renderer.usesGatewayClass ? new EnvoyGatewayClass(central, 'GatewayClass', { name: 'envoy-bridge' }) : undefined });
    if (traffic) {
      new BridgeTrafficGenerators(central, 'Traffic', {
        endpoint: `https://${bridgeHostname}`,
        topic: topicNames[0],
        group: `${topicNames[0]}-traffic`,
        namespace: 'traffic',
        caSecret: BRIDGE_CA,
        ...(provider === FailoverProviderKind.ENVOY_GATEWAY && { endpointPodPorts: [10443] }),
      });
    }

    this.regions = built;
    this.kafka = Object.fromEntries(built.map((r) => [r.name, r.kafka]));
    this.bridges = Object.fromEntries(built.map((r) => [r.name, r.bridge]));
    this.mirrors = Object.fromEntries(built.filter((r) => r.mirror !== undefined).map((r) => [r.name, r.mirror!]));
    this.layout = { namespace, centralCluster, tier1Namespace, traffic, domain };
    for (const region of built) this.addCheck(`Kafka in ${region.name} is ready, and its mirror running`, `kubectl --context ${region.name} -n ${namespace} wait kafka/events --for=condition=Ready --timeout=10m`,
      ...(region.mirror ? [`kubectl --context ${region.name} -n ${namespace} wait kafkamirrormaker2/${region.mirror.mirrorName} --for=condition=Ready --timeout=10m`] : []));
    this.addCheck(`The failover drill: stop the ${preferred.name} bridge and watch the traffic move (runbook.md says what to do when ${preferred.name}'s Kafka is lost)`,
      `kubectl --context ${preferred.name} -n ${namespace} scale kafkabridge ${primary.bridge.bridgeName} --replicas 0`,
      ...(traffic ? [`kubectl --context ${centralCluster} -n traffic logs deploy/${topicNames[0]}-producer -f   # 200s continue, now served by ${standby.name}`] : []),
      `kubectl --context ${preferred.name} -n ${namespace} scale kafkabridge ${primary.bridge.bridgeName} --replicas 1`);
  }

  /**
   * `runbook.md`: the topic names consumers use, the Secrets to copy, and what to do, in order,
   * when the preferred region's Kafka is lost and when it comes back, with the exact commands and
   * the names of what they touch.
   */
  public override artefacts(): Record<string, string> {
    const { namespace: ns, centralCluster, tier1Namespace, traffic, domain } = this.layout;
    const [primary, secondary] = this.regions;
    const topics = Object.keys(this.topics);
    const passive = this.pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE;
    const bootstrap = (r: Region) => `bootstrap.kafka.${r.name}.${domain}:9092`;
    // The Kafka tools, run where the runbook is followed, through each region's Gateway as its dr-operator user.
    const tool = (r: Region, command: string) => `${command} --bootstrap-server ${bootstrap(r)} --command-config ${r.name}.properties`;
    const copies = (to: Region) => {
      const from = to === primary ? secondary : primary;
      const m = to.mirror!;
      return [
        `kubectl --context ${from.name} -n ${ns} get secret events-external-tls -o jsonpath='{.data.ca\\.crt}' | base64 -d > ${from.name}-kafka-ca.crt`,
        `kubectl --context ${from.name} -n ${ns} get secret ${m.sourceUser!.secretName} -o jsonpath='{.data.password}' | base64 -d > ${m.mirrorName}-password`,
        `kubectl --context ${to.name} -n ${ns} create secret generic ${m.mirrorName}-source-ca --from-file=ca.crt=${from.name}-kafka-ca.crt`,
        `kubectl --context ${to.name} -n ${ns} create secret generic ${m.mirrorName}-source-user --from-file=password=${m.mirrorName}-password`,
      ];
    };
    const sh = (...commands: string[]) => ['', '   ```sh', ...commands.map((c) => `   ${c}`), '   ```', ''];
    const lines: string[] = [
      `# ${this.environmentName} runbook (${this.pattern})`,
      '',
      `Regions (kubectl contexts): \`${primary.name}\` (preferred) and \`${secondary.name}\`, each with Kafka \`${ns}/events\` at \`${bootstrap(primary)}\` and \`${bootstrap(secondary)}\`; \`${centralCluster}\` runs the tier-1 gateway \`bridge.${domain}\`.`,
      '',
      '## Topic names consumers use',
      '',
      ...topics.map((t) => (passive
        ? `- \`${t}\`: written in ${primary.name}; in ${secondary.name} under the same name, a copy by MirrorMaker 2 \`${secondary.mirror!.mirrorName}\` (identity policy), with the committed offsets of groups \`${t}-*\``
        : `- \`${t}\`: written in both regions; each also holds the other's, as \`${primary.mirror!.targetTopicName(t)}\` in ${primary.name} and \`${secondary.mirror!.targetTopicName(t)}\` in ${secondary.name}: a consumer that must see every record reads both`)),
      '',
      '## Before applying',
      '',
      'The CA of the gateway certificates between tiers, once, into each cluster:',
      '',
      '```sh',
      ...bridgeCaCommands([centralCluster, primary.name, secondary.name], centralCluster, [tier1Namespace, ...(traffic ? ['traffic'] : [])]),
      '```',
      '',
      '## After the first apply',
      '',
      `Once both Kafka clusters are Ready, each mirror's copies of its source's listener CA and of its source user's password (the mirror becomes Ready then). Make them again whenever a source region is rebuilt: its CA and the user's password are new.`,
      '',
      '```sh',
      ...this.regions.filter((r) => r.mirror).flatMap(copies),
      '```',
      '',
      `A client configuration per region for the Kafka tools below, as its \`dr-operator\` user (Describe on the topics and the bridges' groups, Read on the topics in groups \`dr-operator-*\`); the password stays outside the repository. Make it again after a region is rebuilt:`,
      '',
      '```sh',
      ...this.regions.flatMap((r) => [
        `kubectl --context ${r.name} -n ${ns} get secret events-external-tls -o jsonpath='{.data.ca\\.crt}' | base64 -d > ${r.name}-ca.crt`,
        `printf 'security.protocol=SASL_SSL\\nsasl.mechanism=SCRAM-SHA-512\\nssl.truststore.type=PEM\\nssl.truststore.location=%s\\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${r.operator.userName}" password="%s";\\n' "$PWD/${r.name}-ca.crt" "$(kubectl --context ${r.name} -n ${ns} get secret ${r.operator.secretName} -o jsonpath='{.data.password}' | base64 -d)" > ${r.name}.properties`,
      ]),
      '```',
      '',
      `## ${primary.name} is lost`,
      '',
      `The tier-1 gateway moves the bridge traffic to ${secondary.name} by itself once ${primary.name}'s regional gateway fails its health checks. In order:`,
      '',
      `1. Stop the producers that write to ${primary.name}'s Kafka directly (clients of \`${bootstrap(primary)}\`).`,
      ...(passive ? [
        `2. See how far the mirror got: its status, the end offsets of the copies in ${secondary.name}, and the groups' committed offsets there. MirrorMaker 2 commits the translated offsets every minute (\`sync.group.offsets.interval.seconds\` and \`emit.checkpoints.interval.seconds\`, 60 by default), so consumers may read the last minute again; what ${primary.name} took after the last record copied is not in ${secondary.name}.`,
        ...sh(
          `kubectl --context ${secondary.name} -n ${ns} get kafkamirrormaker2 ${secondary.mirror!.mirrorName} -o jsonpath='{.status.conditions}'`,
          ...topics.map((t) => `${tool(secondary, 'kafka-get-offsets.sh')} --topic ${t} --time -1`),
          `${tool(secondary, 'kafka-consumer-groups.sh')} --describe --all-groups`,
        ),
        `3. Stop the mirror, which would otherwise copy from a ${primary.name} that comes back with old data: pause it, and remove its pods.`,
        ...sh(
          `kubectl --context ${secondary.name} -n ${ns} annotate kafkamirrormaker2 ${secondary.mirror!.mirrorName} strimzi.io/pause-reconciliation=true`,
          `kubectl --context ${secondary.name} -n ${ns} delete strimzipodset ${secondary.mirror!.mirrorName}-mirrormaker2`,
        ),
        `4. Repoint the direct clients to \`${bootstrap(secondary)}\` (the same topic names); the bridge clients are already there.`,
      ] : [
        `2. Nothing to translate: ${secondary.name} keeps taking its own writes, and holds ${primary.name}'s records up to the loss as ${topics.map((t) => `\`${secondary.mirror!.targetTopicName(t)}\``).join(', ')}.`,
        `3. Repoint ${primary.name}'s direct clients to \`${bootstrap(secondary)}\`.`,
      ]),
      '',
      `## ${primary.name} comes back`,
      '',
      ...(passive ? [
        `${secondary.name} has the data now. ${primary.name} comes back as the standby, with a fresh copy of ${secondary.name}'s topics; the tier-1 gateway must not send it traffic before then. In order:`,
        '',
        `1. As soon as ${primary.name}'s Kubernetes cluster answers, keep the bridge traffic in ${secondary.name}: take ${primary.name}'s bridge out, so that its regional gateway keeps failing the health checks.`,
        ...sh(`kubectl --context ${primary.name} -n ${ns} scale kafkabridge ${primary.bridge.bridgeName} --replicas 0`),
        `2. If the records ${primary.name} took after the last one copied matter, save them now (the next step deletes ${primary.name}'s topics); e.g. the whole topic, to compare with ${secondary.name}'s:`,
        ...sh(...topics.map((t) => `${tool(primary, 'kafka-console-consumer.sh')} --topic ${t} --group dr-operator-export --from-beginning --timeout-ms 30000 --property print.offset=true --property print.partition=true > ${primary.name}-${t}.txt`)),
        `3. Make ${secondary.name} the preferred region: swap the regions' priorities in the environment's props (\`regions: [{ name: '${secondary.name}', priority: 0 }, { name: '${primary.name}', priority: 1 }]\`) and synthesize. The new \`dist/\` keeps the topics' KafkaTopics in ${secondary.name} (its Topic Operator takes over the topics the mirror made) and mirrors ${secondary.name} → ${primary.name} (\`${secondary.name}-to-${primary.name}\` in ${primary.name}).`,
        `4. Delete ${primary.name}'s old topics, so that the new mirror copies ${secondary.name}'s whole history into empty ones (appending to them would mix the two logs), and wait until they are gone:`,
        ...sh(...topics.flatMap((t) => [`kubectl --context ${primary.name} -n ${ns} delete kafkatopic ${t}`, `kubectl --context ${primary.name} -n ${ns} wait --for=delete kafkatopic/${t} --timeout=5m`])),
        `5. Apply ${secondary.name}, then ${primary.name} (the README's commands), make the new mirror's Secret copies (as after the first apply, now from ${secondary.name} to ${primary.name}) and the client configurations again, and wait for the mirror to be Ready.`,
        `6. Wait until the copy has caught up: for each partition, the number of records (end offset \`--time -1\` minus earliest \`--time -2\`) in ${primary.name} equals ${secondary.name}'s.`,
        ...sh(...topics.flatMap((t) => [secondary, primary].flatMap((r) => [`${tool(r, 'kafka-get-offsets.sh')} --topic ${t} --time -1`, `${tool(r, 'kafka-get-offsets.sh')} --topic ${t} --time -2`]))),
        `7. Bring ${primary.name}'s bridge back: it is the standby behind the tier-1 gateway now.`,
        ...sh(`kubectl --context ${primary.name} -n ${ns} scale kafkabridge ${primary.bridge.bridgeName} --replicas 1`),
        `To make ${primary.name} the preferred region again, do steps 3 to 7 the other way round in a maintenance window, with the producers stopped from step 3 until ${primary.name}'s bridge takes the traffic.`,
      ] : [
        `1. The mirrors resume where they stopped: \`${primary.mirror!.mirrorName}\` copies what ${secondary.name} took meanwhile into ${primary.name} as ${topics.map((t) => `\`${primary.mirror!.targetTopicName(t)}\``).join(', ')}. If ${primary.name} was rebuilt, make the Secret copies and client configurations again (after the first apply, above).`,
        `2. Repoint ${primary.name}'s direct clients back to \`${bootstrap(primary)}\`; the tier-1 gateway returns the bridge traffic once the health checks pass.`,
      ]),
      '',
    ];
    return { 'runbook.md': lines.join('\n') };
  }

}
