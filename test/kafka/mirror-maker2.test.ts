import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import {
  Acl, AclOperation, ClusterProfile, Environment, EnvoyGatewayClass, HostnameScheme, KafkaAuthorization, KafkaCluster, KafkaGateway, KafkaMetrics, KafkaMirrorMaker2, KafkaTopic,
  KafkaMirrorMaker2Props, KafkaUser, ListenerAuthentication, ListenerType, MirrorMaker2Authentication, MirrorMaker2Cluster, MirrorReplicationPolicy, NodeRole, OffsetSyncsTopicLocation,
  UserAuthentication,
} from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { expectValid, find, Manifest, synth } from '../support';

/**
 * One Kubernetes cluster with two Kafka clusters, `east` (namespace east, topic `orders`) and
 * `west` (namespace west): MirrorMaker 2 in west reaches both in-cluster, reading copies of
 * east's Secrets.
 */
function twoClusters(options: { west?: ConstructorParameters<typeof KafkaCluster>[2]; east?: ConstructorParameters<typeof KafkaCluster>[2] } = {}) {
  const chart = Testing.chart();
  const east = new KafkaCluster(chart, 'East', { name: 'east', namespace: 'east', ...options.east });
  const west = new KafkaCluster(chart, 'West', { name: 'west', namespace: 'west', ...options.west });
  const orders = east.addTopic('orders', { partitions: 12 });
  return { chart, east, west, orders };
}

type Setup = ReturnType<typeof twoClusters>;

function mirror(setup: Setup, props: Partial<KafkaMirrorMaker2Props> = {}, id: string = 'Mirror'): KafkaMirrorMaker2 {
  return new KafkaMirrorMaker2(setup.chart, id, {
    source: MirrorMaker2Cluster.local(setup.east),
    target: MirrorMaker2Cluster.local(setup.west),
    topics: [setup.orders],
    groups: ['billing'],
    ...props,
  });
}

/** A user's ACLs, one line per rule: `type:name:patternType:Op+Op`. */
function acls(manifests: readonly Manifest[], userName: string): string[] {
  return (find(manifests, 'KafkaUser', userName).spec.authorization?.acls ?? [])
    .map((a: any) => `${a.resource.type}:${a.resource.name ?? ''}:${a.resource.patternType ?? ''}:${a.operations.join('+')}`);
}

/** The kinds and names of a chart's objects, sorted. */
function objects(manifests: readonly Manifest[]): string[] {
  return manifests.map((m) => `${m.kind} ${m.metadata.namespace ?? ''}/${m.metadata.name}`).sort();
}

describe('KafkaMirrorMaker2', () => {
  test('snapshot of the default: east → west, in west\'s namespace', () => {
    const setup = twoClusters();
    mirror(setup);
    expect(synth(setup.chart).filter((m) => m.kind === 'KafkaMirrorMaker2' || m.kind === 'KafkaUser')).toMatchSnapshot();
  });

  test('the default adds exactly a KafkaMirrorMaker2 and a KafkaUser in each cluster', () => {
    const without = twoClusters();
    const before = objects(synth(without.chart));
    const setup = twoClusters();
    const mm2 = mirror(setup);
    const manifests = synth(setup.chart);
    expect(objects(manifests).filter((o) => !before.includes(o))).toEqual([
      'KafkaMirrorMaker2 west/mirror',
      'KafkaUser east/mirror-source',
      'KafkaUser west/mirror-target',
    ]);
    expect(mm2.node.defaultChild).toBe(mm2.resource);
    expect(mm2.sourceUser?.node.path).toBe('test/East/mirror-source');
    expect(mm2.targetUser?.node.path).toBe('test/West/mirror-target');
    expectValid(manifests);
    expect(ConsistencyPass.of(setup.chart).warnings()).toEqual([]);
  });

  test('the default spec: prefixed names, checkpoints and group offsets synced, offset syncs on the target, RF 3, restricted, 2 GiB', () => {
    const setup = twoClusters();
    mirror(setup);
    expect(find(synth(setup.chart), 'KafkaMirrorMaker2', 'mirror').spec).toEqual({
      version: '4.3.1',
      replicas: 1,
      target: {
        alias: 'west',
        bootstrapServers: 'west-kafka-bootstrap.west.svc:9093',
        groupId: 'mirror-group',
        configStorageTopic: '__mirror-config',
        offsetStorageTopic: '__mirror-offset',
        statusStorageTopic: '__mirror-status',
        tls: { trustedCertificates: [{ secretName: 'west-cluster-ca-cert', pattern: '*.crt' }] },
        authentication: { type: 'scram-sha-512', username: 'mirror-target', passwordSecret: { secretName: 'mirror-target', password: 'password' } },
        config: {
          'config.storage.replication.factor': 3,
          'offset.storage.replication.factor': 3,
          'status.storage.replication.factor': 3,
        },
      },
      mirrors: [{
        source: {
          alias: 'east',
          bootstrapServers: 'east-kafka-bootstrap.east.svc:9093',
          // Copies in west: Strimzi reads Secrets from the KafkaMirrorMaker2's namespace.
          tls: { trustedCertificates: [{ secretName: 'mirror-source-ca', certificate: 'ca.crt' }] },
          authentication: { type: 'scram-sha-512', username: 'mirror-source', passwordSecret: { secretName: 'mirror-source-user', password: 'password' } },
        },
        sourceConnector: {
          tasksMax: 1,
          config: {
            'replication.policy.class': 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
            'replication.factor': 3,
            'sync.topic.acls.enabled': false,
            'heartbeats.replication.enabled': false,
            'offset-syncs.topic.location': 'target',
            'offset-syncs.topic.replication.factor': 3,
          },
        },
        checkpointConnector: {
          tasksMax: 1,
          config: {
            'replication.policy.class': 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
            'checkpoints.topic.replication.factor': 3,
            'offset-syncs.topic.location': 'target',
            'sync.group.offsets.enabled': true,
          },
        },
        topicsPattern: 'orders',
        groupsPattern: 'billing',
      }],
      resources: { requests: { cpu: '250m', memory: '2Gi' }, limits: { memory: '2Gi' } },
      template: {
        pod: { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
        connectContainer: { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
      },
    });
  });

  test('the users\' ACLs, exactly: read-only on the source, what MirrorMaker 2 and its Connect workers do on the target', () => {
    const setup = twoClusters();
    mirror(setup);
    const manifests = synth(setup.chart);
    expect(acls(manifests, 'mirror-source')).toEqual([
      'topic:orders:literal:Read+Describe+DescribeConfigs',
      'group:billing:literal:Describe',
    ]);
    expect(acls(manifests, 'mirror-target')).toEqual([
      'topic:__mirror-config:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:__mirror-offset:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:__mirror-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:east.checkpoints.internal:literal:Read+Write+Create+Describe',
      'topic:east.orders:literal:Read+Write+Create+Alter+Describe+AlterConfigs',
      'topic:mm2-offset-syncs.east.internal:literal:Read+Write+Create+Describe',
      'group:billing:literal:Read+Describe',
      'group:mirror-group:literal:Read+Describe',
    ]);
  });

  test('the ACLs follow the options: offset syncs on the source, no group sync, prefixes and groups, heartbeats, no config sync', () => {
    const setup = twoClusters();
    mirror(setup, {
      topics: [setup.orders, Acl.topicPrefix('payments-')],
      groups: [Acl.groupPrefix('billing-'), 'audit'],
      offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE,
      syncGroupOffsets: false,
      replicateHeartbeats: true,
      sourceConnectorConfig: { 'sync.topic.configs.enabled': false },
    });
    const manifests = synth(setup.chart);
    expect(acls(manifests, 'mirror-source')).toEqual([
      'topic:heartbeats:literal:Read+Describe+DescribeConfigs',
      'topic:mm2-offset-syncs.west.internal:literal:Read+Write+Create+Describe',
      'topic:orders:literal:Read+Describe+DescribeConfigs',
      'topic:payments-:prefix:Read+Describe+DescribeConfigs',
      'group:audit:literal:Describe',
      'group:billing-:prefix:Describe',
    ]);
    expect(acls(manifests, 'mirror-target')).toEqual([
      'topic:__mirror-config:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:__mirror-offset:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:__mirror-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:east.checkpoints.internal:literal:Read+Write+Create+Describe',
      'topic:east.heartbeats:literal:Write+Create+Alter+Describe',
      'topic:east.orders:literal:Write+Create+Alter+Describe',
      'topic:east.payments-:prefix:Write+Create+Alter+Describe',
      'group:mirror-group:literal:Read+Describe',
    ]);
    const spec = find(manifests, 'KafkaMirrorMaker2', 'mirror').spec.mirrors[0];
    expect(spec.topicsPattern).toBe('orders|payments-.*');
    expect(spec.groupsPattern).toBe('billing-.*|audit');
    expect(spec.sourceConnector.config).toMatchObject({ 'offset-syncs.topic.location': 'source', 'heartbeats.replication.enabled': true, 'sync.topic.configs.enabled': false });
    expect(spec.checkpointConnector.config).toMatchObject({ 'offset-syncs.topic.location': 'source', 'sync.group.offsets.enabled': false });
    expectValid(manifests);
  });

  test('without checkpoints: no checkpoint connector, no offset syncs (and no offset-syncs.* key), no group ACLs', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup, { checkpoints: false, groups: undefined });
    const manifests = synth(setup.chart);
    const spec = find(manifests, 'KafkaMirrorMaker2', 'mirror').spec.mirrors[0];
    expect(spec.checkpointConnector).toBeUndefined();
    expect(spec.groupsPattern).toBeUndefined();
    expect(spec.sourceConnector.config).toEqual({
      'replication.policy.class': 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
      'replication.factor': 3,
      'sync.topic.acls.enabled': false,
      'heartbeats.replication.enabled': false,
      'emit.offset-syncs.enabled': false,
    });
    expect(acls(manifests, 'mirror-source')).toEqual(['topic:orders:literal:Read+Describe+DescribeConfigs']);
    expect(acls(manifests, 'mirror-target')).toEqual([
      'topic:__mirror-config:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:__mirror-offset:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:__mirror-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:east.orders:literal:Write+Create+Alter+Describe+AlterConfigs',
      'group:mirror-group:literal:Read+Describe',
    ]);
    expect([mm2.syncGroupOffsets, mm2.checkpointsTopic, mm2.offsetSyncsTopic]).toEqual([false, undefined, undefined]);
    expectValid(manifests);
  });

  test('the identity policy keeps names (but prefixes heartbeat-like ones), and grants them on the target', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup, { replicationPolicy: MirrorReplicationPolicy.IDENTITY, topics: [setup.orders, Acl.topicPrefix('payments-')] });
    const manifests = synth(setup.chart);
    expect(acls(manifests, 'mirror-target').filter((a) => !a.includes('mirror-') && !a.includes('internal'))).toEqual([
      'topic:orders:literal:Read+Write+Create+Alter+Describe+AlterConfigs',
      // IdentityReplicationPolicy.looksLikeHeartbeat: a name ending in 'heartbeats' is prefixed.
      'topic:east.payments-:prefix:Read+Write+Create+Alter+Describe+AlterConfigs',
      'topic:payments-:prefix:Read+Write+Create+Alter+Describe+AlterConfigs',
      'group:billing:literal:Read+Describe',
    ]);
    expect(find(manifests, 'KafkaMirrorMaker2', 'mirror').spec.mirrors[0].sourceConnector.config['replication.policy.class']).toBe('org.apache.kafka.connect.mirror.IdentityReplicationPolicy');
    expect(mm2.targetTopicName('orders')).toBe('orders');
    expect(mm2.targetTopicName('payments-eu')).toBe('payments-eu');
    expect(mm2.targetTopicName('payments-heartbeats')).toBe('east.payments-heartbeats');
  });

  test('targetTopicName: what consumers on the target see, per policy, for mirrored topics only', () => {
    const setup = twoClusters();
    const prefixed = mirror(setup, { topics: [setup.orders, Acl.topicPrefix('payments-')], replicateHeartbeats: true });
    expect(prefixed.targetTopicName('orders')).toBe('east.orders');
    expect(prefixed.targetTopicName(setup.orders)).toBe('east.orders');
    expect(prefixed.targetTopicName('payments-eu')).toBe('east.payments-eu');
    expect(prefixed.targetTopicName('heartbeats')).toBe('east.heartbeats');
    expect(() => prefixed.targetTopicName('refunds')).toThrow(/KafkaMirrorMaker2 'mirror' at test\/Mirror: topic is not among the mirrored topics \(orders, payments-\*\) \(got "refunds"\); name a mirrored topic, or add it to topics/);
    expect(() => prefixed.targetTopicName('payments-x.replica')).toThrow(/topic is not mirrored: DefaultTopicFilter's default topics.exclude/);
    expect(() => prefixed.targetTopicName(setup.west.addTopic('orders'))).toThrow(/topic is a topic of cluster 'west' \(test\/West\), not of the source 'east'/);
  });

  test('the Connect image follows the target\'s Kafka version; the restricted security context can be turned off', () => {
    const setup = twoClusters({ west: { version: '4.2.0' } });
    const mm2 = mirror(setup, { restrictedSecurityContext: false });
    const spec = find(synth(setup.chart), 'KafkaMirrorMaker2', 'mirror').spec;
    expect([mm2.version, spec.version, spec.template]).toEqual(['4.2.0', '4.2.0', undefined]);
    // The namespace, where an environment creates it, is then labelled baseline, saying why.
    expect(ConsistencyPass.of(setup.chart).podSecurityOf(setup.chart, 'west')).toEqual({
      level: 'baseline', reasons: ["baseline: KafkaMirrorMaker2 'mirror' runs with restrictedSecurityContext: false (Strimzi's default security context)"],
    });
  });

  test('every prop in one go, and the escape hatch', () => {
    // A target whose topics take min ISR 1, so that RF 2 keeps acks=all writes going with one replica down.
    const setup = twoClusters({ west: { config: { 'min.insync.replicas': 1 } } });
    const mm2 = mirror(setup, {
      name: 'east-to-west', namespace: 'west', replicas: 2, tasksMax: 4, version: '4.2.0', replicationFactor: 2, internalTopicReplicationFactor: 3,
      metrics: KafkaMetrics.strimziMetricsReporter(), restrictedSecurityContext: true, topics: [Acl.topic('*')], groups: [Acl.group('*')],
      sourceConnectorConfig: { 'refresh.topics.interval.seconds': 60, 'consumer.fetch.max.bytes': 1048576, 'transforms.drop.type': 'org.example.Drop' },
      checkpointConnectorConfig: { 'emit.checkpoints.interval.seconds': 30 },
      connectConfig: { 'offset.flush.interval.ms': 10000, 'producer.compression.type': 'zstd', 'plugin.discovery': 'service_load' },
    });
    const manifests = synth(setup.chart);
    const spec = find(manifests, 'KafkaMirrorMaker2', 'east-to-west').spec;
    expect(spec).toMatchObject({ version: '4.2.0', replicas: 2, metricsConfig: { type: 'strimziMetricsReporter' } });
    expect(spec.mirrors[0]).toMatchObject({ topicsPattern: '.*', groupsPattern: '.*', sourceConnector: { tasksMax: 4, config: { 'replication.factor': 2, 'refresh.topics.interval.seconds': 60 } } });
    expect(spec.target.config).toMatchObject({ 'offset.flush.interval.ms': 10000, 'producer.compression.type': 'zstd' });
    // '*' is Kafka's wildcard on the source; on the target, the prefixed names.
    expect(acls(manifests, 'east-to-west-source')).toEqual(['topic:*:literal:Read+Describe+DescribeConfigs', 'group:*:literal:Describe']);
    expect(acls(manifests, 'east-to-west-target')).toContain('topic:east.:prefix:Read+Write+Create+Alter+Describe+AlterConfigs');
    expect(mm2.targetTopicName('anything')).toBe('east.anything');
    expect(mm2.serviceName).toBe('east-to-west-mirrormaker2-api');
    expectValid(manifests);
    ApiObject.of(mm2).addJsonPatch(JsonPatch.add('/metadata/labels', { team: 'dr' }));
    expect(find(synth(setup.chart), 'KafkaMirrorMaker2', 'east-to-west').metadata.labels).toEqual({ team: 'dr' });
  });
});


describe('checks: each wrong value beside the right one', () => {
  const at = "KafkaMirrorMaker2 'mirror' at test/Mirror: ";
  test.each<[string, (s: Setup) => Partial<KafkaMirrorMaker2Props>, (s: Setup) => Partial<KafkaMirrorMaker2Props>, RegExp]>([
    ['no topic (Kafka would take every topic)', () => ({ topics: [] }), (s) => ({ topics: [s.orders] }), /topics are empty: MirrorMaker 2 would take its default, every topic \(got \[\]\); name the topics to mirror/],
    ['a topic of the target', (s) => ({ topics: [s.west.addTopic('orders')] }), (s) => ({ topics: [s.orders] }), /topics\[0\] is a topic of cluster 'west' \(test\/West\), not of the source 'east' \(test\/East\) \(got "orders"\)/],
    ['a group pattern for a topic', () => ({ topics: [Acl.group('orders')] }), () => ({ topics: [Acl.topic('orders')] }), /topics\[0\] must be a KafkaTopic of the source, Acl.topic\(\) or Acl.topicPrefix\(\) \(got "group pattern orders"\)/],
    ['an internal topic', () => ({ topics: [Acl.topic('__consumer_offsets')] }), () => ({ topics: [Acl.topic('consumer_offsets')] }), /topics\[0\] is never mirrored: MirrorMaker 2 takes topics starting with '__' or '\.' for internal ones \(ReplicationPolicy.isInternalTopic\)/],
    ['a topic mirrored from the target (a cycle under the prefixed policy)', () => ({ topics: [Acl.topic('west.orders')] }), () => ({ topics: [Acl.topic('west.orders')], replicationPolicy: MirrorReplicationPolicy.IDENTITY }),
      /topics\[0\] is never mirrored: under the prefixed policy it is a topic mirrored from 'west', the target, which MirrorMaker 2 never mirrors back \(MirrorSourceConnector.isCycle\)/],
    ['a topic DefaultTopicFilter excludes', () => ({ topics: [Acl.topic('orders.replica')] }), () => ({ topics: [Acl.topic('orders.replicas')] }), /topics\[0\] is never mirrored: DefaultTopicFilter's default topics.exclude/],
    ['a topic too long with the alias', () => ({ topics: [Acl.topic('o'.repeat(249))] }), () => ({ topics: [Acl.topic('o'.repeat(244))] }), /topics\[0\] would be 254 characters on the target \('east.' added\), beyond Kafka's 249/],
    ['checkpoints without groups', () => ({ groups: [] }), () => ({ groups: [], checkpoints: false }), /groups are empty, but checkpoints are on/],
    ['a group DefaultGroupFilter excludes', () => ({ groups: ['connect-billing'] }), () => ({ groups: ['billing'] }), /groups\[0\] is never mirrored: DefaultGroupFilter's default groups.exclude drops groups starting with 'connect-' \(got "connect-billing"\)/],
    ['groups without checkpoints', () => ({ checkpoints: false }), () => ({ checkpoints: false, groups: undefined }), /groups are set without checkpoints: nothing reads them/],
    ['group offsets synced without checkpoints', () => ({ checkpoints: false, groups: undefined, syncGroupOffsets: true }), () => ({ checkpoints: false, groups: undefined }), /syncGroupOffsets is true without checkpoints/],
    ['no worker', () => ({ replicas: 0 }), () => ({ replicas: 1 }), /replicas must be a whole number >= 1 \(got 0\)/],
    ['no task', () => ({ tasksMax: 0.5 }), () => ({ tasksMax: 2 }), /tasksMax must be a whole number >= 1 \(got 0.5\)/],
    ['a replication factor Kafka cannot hold', () => ({ replicationFactor: 40000 }), () => ({ replicationFactor: 3 }), /replicationFactor must be a whole number from 1 to 32767/],
    ['a negative replication factor other than the broker default (-1)', () => ({ internalTopicReplicationFactor: -2 }), () => ({ internalTopicReplicationFactor: -1 }), /internalTopicReplicationFactor must be a whole number from 1 to 32767 \(a Java short\), or -1 for the broker's default.replication.factor \(got -2\)/],
    ['a Kafka version Strimzi 1.2 does not run', () => ({ version: '3.9.0' }), () => ({ version: '4.2.0' }), /version is not a Kafka version Strimzi 1.2 supports \(got "3.9.0"\)/],
    ['a name whose Service would not be a DNS label', () => ({ name: 'm'.repeat(47) }), () => ({ name: 'm'.repeat(46) }), /name must be .*at most 46 characters \(Strimzi names its Service '<name>-mirrormaker2-api'/],
    ['one alias for both clusters', (s) => ({ source: MirrorMaker2Cluster.local(s.east, { alias: 'dc' }), target: MirrorMaker2Cluster.local(s.west, { alias: 'dc' }) }),
      (s) => ({ source: MirrorMaker2Cluster.local(s.east, { alias: 'dc1' }), target: MirrorMaker2Cluster.local(s.west, { alias: 'dc2' }) }), /target has the source's alias 'dc'/],
    ['the source as target', (s) => ({ target: MirrorMaker2Cluster.local(s.east, { alias: 'again' }) }), (s) => ({ target: MirrorMaker2Cluster.local(s.west) }), /target is the source cluster too \('east' at test\/East\)/],
    ['a key the construct sets', () => ({ sourceConnectorConfig: { 'replication.factor': 2 } }), () => ({ replicationFactor: 3 }), /sourceConnectorConfig\['replication.factor'\] is set by the construct from its replicationFactor prop \(got 2\); set replicationFactor instead/],
    ['a misspelt key', () => ({ sourceConnectorConfig: { 'refresh.topic.interval.seconds': 60 } }), () => ({ sourceConnectorConfig: { 'refresh.topics.interval.seconds': 60 } }), /sourceConnectorConfig\['refresh.topic.interval.seconds'\] is not a MirrorSourceConnector config of Kafka 4.3.1.*did you mean 'refresh.topics.interval.seconds'\?/],
    ['a value of the wrong type', () => ({ sourceConnectorConfig: { 'refresh.topics.interval.seconds': '10m' } }), () => ({ sourceConnectorConfig: { 'refresh.topics.interval.seconds': 600 } }), /sourceConnectorConfig\['refresh.topics.interval.seconds'\] must be a whole number of seconds, without a unit: Kafka reads it as LONG/],
    ['a key Strimzi sets', () => ({ sourceConnectorConfig: { 'tasks.max': 4 } }), () => ({ tasksMax: 4 }), /sourceConnectorConfig\['tasks.max'\] is set by Strimzi \(AbstractConnectorSpec.FORBIDDEN_PARAMETERS\) \(got 4\); use the tasksMax prop/],
    ['a connection key', () => ({ sourceConnectorConfig: { 'source.cluster.bootstrap.servers': 'other:9092' } }), () => ({ sourceConnectorConfig: { 'source.consumer.fetch.max.bytes': 1048576 } }), /sourceConnectorConfig\['source.cluster.bootstrap.servers'\] is written by Strimzi from the source and target clusters/],
    ['a client security key', () => ({ sourceConnectorConfig: { 'source.consumer.ssl.keystore.location': '/x' } }), () => ({ sourceConnectorConfig: { 'source.consumer.ssl.protocol': 'TLSv1.3' } }), /would override the ssl settings Strimzi writes from the listener and user/],
    ['another separator', () => ({ sourceConnectorConfig: { 'replication.policy.separator': '_' } }), () => ({ sourceConnectorConfig: { 'refresh.topics.interval.seconds': 60 } }), /replication.policy.separator'\] cannot be changed: targetTopicName\(\) and the target's ACLs assume the policies' '.'/],
    ['ACL syncing', () => ({ sourceConnectorConfig: { 'sync.topic.acls.enabled': true } }), () => ({ sourceConnectorConfig: {} }), /sync.topic.acls.enabled'\] cannot be changed: the user operator owns the users' ACLs/],
    ['checkpoint config without checkpoints', () => ({ checkpoints: false, groups: undefined, checkpointConnectorConfig: { 'emit.checkpoints.interval.seconds': 30 } }),
      () => ({ checkpointConnectorConfig: { 'emit.checkpoints.interval.seconds': 30 } }), /checkpointConnectorConfig is set without checkpoints: there is no checkpoint connector/],
    ['a checkpoint key the construct sets', () => ({ checkpointConnectorConfig: { 'sync.group.offsets.enabled': false } }), () => ({ syncGroupOffsets: false }), /checkpointConnectorConfig\['sync.group.offsets.enabled'\] is set by the construct from its syncGroupOffsets prop/],
    ['a worker key Strimzi manages', () => ({ connectConfig: { 'ssl.keystore.location': '/x' } }), () => ({ connectConfig: { 'ssl.protocol': 'TLSv1.3' } }), /connectConfig\['ssl.keystore.location'\] is managed by Strimzi \(options starting with 'ssl.' are refused/],
    ['a worker key Strimzi manages, in capitals (Strimzi matches them lower-cased: AbstractConfiguration.filterForbidden)', () => ({ connectConfig: { 'SSL.keystore.location': '/x' } }), () => ({ connectConfig: { 'ssl.protocol': 'TLSv1.3' } }), /connectConfig\['SSL.keystore.location'\] is managed by Strimzi/],
    ['a client of the workers pointed at another cluster', () => ({ connectConfig: { 'producer.bootstrap.servers': 'elsewhere:9092' } }), () => ({ connectConfig: { 'producer.linger.ms': 5 } }), /connectConfig\['producer.bootstrap.servers'\] would point these clients at another cluster/],
    ['a misspelt client key of the workers', () => ({ connectConfig: { 'producer.compresion.type': 'zstd' } }), () => ({ connectConfig: { 'producer.compression.type': 'zstd' } }), /connectConfig\['producer.compresion.type'\] names 'compresion.type' for the producer clients \('producer.'\).*did you mean 'compression.type'\?/],
    ['exactly-once source support', () => ({ connectConfig: { 'exactly.once.source.support': 'enabled' } }), () => ({ connectConfig: { 'offset.flush.interval.ms': 10000 } }), /exactly.once.source.support'\] cannot be changed: Connect's exactly-once source support needs transactional-id ACLs/],
    // Overrides that contradict what the construct derives: the prop to use instead.
    ['a topic exclusion behind the topics prop', (s) => ({ topics: [s.orders, Acl.topicPrefix('payments-')], sourceConnectorConfig: { 'topics.exclude': 'payments-tmp' } }), (s) => ({ topics: [s.orders, Acl.topic('payments-eu')] }),
      /sourceConnectorConfig\['topics.exclude'\] is refused: it changes which topics are mirrored \(DefaultTopicFilter\) behind the props' back, and replaces Kafka's default exclusions .*\(got "payments-tmp"\); use the topicsExclude prop instead/],
    ['a group exclusion behind the groups prop', () => ({ groups: [Acl.groupPrefix('billing-')], checkpointConnectorConfig: { 'groups.exclude': 'billing-test' } }), () => ({ groups: ['billing-eu'] }),
      /checkpointConnectorConfig\['groups.exclude'\] is refused: .*replaces Kafka's default exclusions \(got "billing-test"\); use the groupsExclude prop instead/],
    // topicsExclude / groupsExclude: each refusal beside a right value.
    ['an excluded literal topic that topics selects', () => ({ topics: [Acl.topic('orders'), Acl.topic('audit')], topicsExclude: ['aud.*'] }), () => ({ topics: [Acl.topic('orders'), Acl.topicPrefix('audit')], topicsExclude: ['audit-tmp'] }),
      /topics\[1\] is never mirrored: topicsExclude\[0\] excludes it \(topics.exclude: DefaultTopicFilter mirrors what topics matches and topics.exclude does not\) \(got "audit"\)/],
    ['a KafkaTopic both selected and excluded', (s) => ({ topics: [s.orders, Acl.topic('audit')], topicsExclude: [s.orders] }), (s) => ({ topics: [Acl.topic('*')], topicsExclude: [s.orders] }),
      /topicsExclude\[0\] is KafkaTopic 'orders', which topics\[0\] names too: a topic cannot be both mirrored and excluded \(got "orders"\); drop it from topics or from topicsExclude/],
    ['an exclusion of every selected topic', () => ({ topics: [Acl.topic('*')], topicsExclude: ['.*'] }), () => ({ topics: [Acl.topic('*')], topicsExclude: ['.*-tmp'] }),
      /topicsExclude excludes every topic that topics selects \(\*\): MirrorMaker 2 would mirror nothing/],
    ['a prefix excluded by a wider prefix', () => ({ topics: [Acl.topicPrefix('payments-eu-')], topicsExclude: [Acl.topicPrefix('payments-')] }), () => ({ topics: [Acl.topicPrefix('payments-')], topicsExclude: [Acl.topicPrefix('payments-eu-')] }),
      /topics\[0\] is never mirrored: topicsExclude\[0\] excludes every topic it starts/],
    ['a regular expression that does not compile', () => ({ topics: [Acl.topic('*')], topicsExclude: ['tmp-(.*'] }), () => ({ topics: [Acl.topic('*')], topicsExclude: ['tmp-(.*)'] }),
      /topicsExclude\[0\] is not a valid regular expression .*\(got "tmp-\(\.\*"\)/],
    ['a regular expression with a comma (Kafka splits the list there)', () => ({ topics: [Acl.topic('*')], topicsExclude: ['a{1,3}'] }), () => ({ topics: [Acl.topic('*')], topicsExclude: ['a{3}'] }),
      /topicsExclude\[0\] must not contain ',': Kafka reads topics.exclude and groups.exclude as a LIST/],
    ['an empty regular expression', () => ({ topics: [Acl.topic('*')], topicsExclude: [' '] }), () => ({ topics: [Acl.topic('*')], topicsExclude: ['x'] }), /topicsExclude\[0\] is empty/],
    ['a group pattern as a topic exclusion', () => ({ topics: [Acl.topic('*')], topicsExclude: [Acl.group('x')] }), () => ({ topics: [Acl.topic('*')], topicsExclude: [Acl.topic('x')] }),
      /topicsExclude\[0\] must be a KafkaTopic of the source, Acl.topic\(\), Acl.topicPrefix\(\) or a regular expression \(got "group pattern x"\)/],
    ['a KafkaTopic of the target as exclusion', (s) => ({ topics: [Acl.topic('*')], topicsExclude: [s.west.addTopic('audit')] }), (s) => ({ topics: [Acl.topic('*')], topicsExclude: [s.east.addTopic('audit')] }),
      /topicsExclude\[0\] is a topic of cluster 'west'/],
    ['an exclusion of heartbeats, which replicateHeartbeats mirrors anyway', () => ({ topics: [Acl.topic('*')], replicateHeartbeats: true, topicsExclude: ['heart.*'] }), () => ({ topics: [Acl.topic('*')], replicateHeartbeats: false, topicsExclude: ['heart.*'] }),
      /topicsExclude\[0\] excludes 'heartbeats', which replicateHeartbeats mirrors past the topic filter \(MirrorSourceConnector.shouldReplicateTopic\)/],
    ['an excluded literal group that groups selects', () => ({ groups: ['billing', 'audit'], groupsExclude: [Acl.group('audit')] }), () => ({ groups: ['billing', Acl.groupPrefix('audit')], groupsExclude: [Acl.group('audit-test')] }),
      /groups\[1\] is never checkpointed: groupsExclude\[0\] excludes it/],
    ['an exclusion of every selected group', () => ({ groups: [Acl.group('*')], groupsExclude: ['.+'] }), () => ({ groups: [Acl.group('*')], groupsExclude: ['.+-canary'] }),
      /groupsExclude excludes every group that groups selects \(\*\): no offset would be translated/],
    ['group exclusions without checkpoints', () => ({ checkpoints: false, groups: undefined, groupsExclude: ['x'] }), () => ({ checkpoints: false, groups: undefined }),
      /groupsExclude is set without checkpoints: no connector reads groups/],
    ['a group Kafka excludes by default, kept', () => ({ groups: ['connect-billing'] }), () => ({ groups: ['connect-billing'], keepDefaultExclusions: false }),
      /groups\[0\] is never mirrored: DefaultGroupFilter's default groups.exclude drops groups starting with 'connect-'.*or set keepDefaultExclusions: false/],
    ['a topic Kafka excludes by default, kept', () => ({ topics: [Acl.topic('orders.replica')] }), () => ({ topics: [Acl.topic('orders.replica')], keepDefaultExclusions: false }),
      /topics\[0\] is never mirrored: DefaultTopicFilter's default topics.exclude \(\.\*\\\.replica\) excludes it \(keepDefaultExclusions: false drops it\)/],
    ['an internal topic even without the defaults', () => ({ topics: [Acl.topic('__consumer_offsets')], keepDefaultExclusions: false }), () => ({ topics: [Acl.topic('consumer_offsets')], keepDefaultExclusions: false }),
      /topics\[0\] is never mirrored: MirrorMaker 2 takes topics starting with '__'/],
    ['checkpoints turned off by their interval', () => ({ checkpointConnectorConfig: { 'emit.checkpoints.interval.seconds': -1 } }), () => ({ checkpoints: false, groups: undefined }),
      /checkpointConnectorConfig\['emit.checkpoints.interval.seconds'\] must be at least 1 second: a negative interval turns checkpoints off behind the checkpoints prop \(MirrorCheckpointConnector.taskConfigs starts no task.*\(got -1\); to turn checkpoints off, set checkpoints: false instead/],
    ['group offset syncs turned off by their interval', () => ({ checkpointConnectorConfig: { 'sync.group.offsets.interval.seconds': -1 } }), () => ({ syncGroupOffsets: false }),
      /sync.group.offsets.interval.seconds'\] must be at least 1 second: a negative interval turns the group offset syncs off behind the syncGroupOffsets prop .*; to turn the group offset syncs off, set syncGroupOffsets: false instead/],
    ['a group offset sync interval where syncGroupOffsets is false already', () => ({ syncGroupOffsets: false, checkpointConnectorConfig: { 'sync.group.offsets.interval.seconds': 0 } }), () => ({ syncGroupOffsets: false }),
      /sync.group.offsets.interval.seconds'\] must be at least 1 second.*\(got 0\); remove it: syncGroupOffsets is false already/],
    ['a transactional producer of the connector', () => ({ sourceConnectorConfig: { 'producer.override.transactional.id': 'mm2' } }), () => ({ sourceConnectorConfig: { 'producer.override.linger.ms': 5 } }),
      /sourceConnectorConfig\['producer.override.transactional.id'\] is not supported: a transactional producer needs TransactionalId ACLs/],
    ['a transactional producer of the connector (its producer. prefix)', () => ({ sourceConnectorConfig: { 'producer.transactional.id': 'mm2' } }), () => ({ sourceConnectorConfig: { 'producer.linger.ms': 5 } }),
      /sourceConnectorConfig\['producer.transactional.id'\] is not supported/],
    ['a transactional producer of the workers', () => ({ connectConfig: { 'producer.transactional.id': 'mm2' } }), () => ({ connectConfig: { 'producer.linger.ms': 5 } }),
      /connectConfig\['producer.transactional.id'\] is not supported: a transactional producer needs TransactionalId ACLs/],
    // A connector key in the wrong config points where it goes, and to the prop when the construct sets it.
    ['the replication policy in the workers\' config', () => ({ connectConfig: { 'replication.policy.class': 'x' } }), () => ({ replicationPolicy: MirrorReplicationPolicy.IDENTITY }),
      /connectConfig\['replication.policy.class'\] is set by the construct from its replicationPolicy prop \(in the connectors' config, where it belongs\) \(got "x"\); set replicationPolicy instead/],
    ['a source connector key in the workers\' config', () => ({ connectConfig: { 'refresh.topics.interval.seconds': 60 } }), () => ({ sourceConnectorConfig: { 'refresh.topics.interval.seconds': 60 } }),
      /connectConfig\['refresh.topics.interval.seconds'\] is a MirrorSourceConnector config key, not a Connect worker config key: Kafka ignores it here .*; set it in sourceConnectorConfig instead/],
    ['a checkpoint key in the source connector\'s config', () => ({ sourceConnectorConfig: { 'emit.checkpoints.interval.seconds': 30 } }), () => ({ checkpointConnectorConfig: { 'emit.checkpoints.interval.seconds': 30 } }),
      /sourceConnectorConfig\['emit.checkpoints.interval.seconds'\] is a MirrorCheckpointConnector config key, not a MirrorSourceConnector config key.*; set it in checkpointConnectorConfig instead/],
    // What would be ignored, and Secrets that clash.
    ['the offset-syncs topic\'s location without checkpoints', () => ({ checkpoints: false, groups: undefined, offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE }), () => ({ offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE }),
      /offsetSyncsTopicLocation is set without checkpoints: there is no offset-syncs topic .*\(got "source"\); turn checkpoints on, or drop offsetSyncsTopicLocation/],
    ['a CA copy in the cluster\'s own namespace (not used)', (s) => ({ target: MirrorMaker2Cluster.local(s.west, { caSecretName: 'west-ca' }) }), (s) => ({ namespace: 'ops', target: MirrorMaker2Cluster.local(s.west, { caSecretName: 'west-ca' }) }),
      /target sets caSecretName 'west-ca' \(MirrorMaker2Cluster.local\(\)\), which is not used: MirrorMaker 2 is in the namespace of Kafka 'west' \(west\), where it reads the listener's CA Secret 'west-cluster-ca-cert' itself \(got "west-ca"\); drop caSecretName/],
    ['a copy named like the Secret of the other side', (s) => ({ source: MirrorMaker2Cluster.local(s.east, { userSecretName: 'west-cluster-ca-cert' }) }), (s) => ({ source: MirrorMaker2Cluster.local(s.east, { userSecretName: 'east-mirror-user' }) }),
      /source reads the credentials of the source user from Secret 'west-cluster-ca-cert' in namespace west, where it reads the CA of the target Kafka 'west' too: one Secret cannot hold both.*; give userSecretName another name, or leave it unset for 'mirror-source-user'/],
    ['two copies of one name', (s) => ({ namespace: 'ops', source: MirrorMaker2Cluster.local(s.east, { userSecretName: 'copied' }), target: MirrorMaker2Cluster.local(s.west, { caSecretName: 'copied' }) }),
      (s) => ({ namespace: 'ops', source: MirrorMaker2Cluster.local(s.east, { userSecretName: 'copied' }), target: MirrorMaker2Cluster.local(s.west, { caSecretName: 'west-ca' }) }),
      /target reads the CA of the target Kafka 'west' from Secret 'copied' in namespace ops, where it reads the credentials of the source user too.*; give caSecretName another name, or leave it unset for 'mirror-target-ca'/],
    ['the mirror\'s own Connect group', () => ({ groups: ['mirror-group'] }), () => ({ groups: ['billing'] }), /groups\[0\] is 'mirror-group', the Connect group of this KafkaMirrorMaker2's own workers on the target/],
    ['a group with a line break', () => ({ groups: ['billing\n'] }), () => ({ groups: ['billing'] }), /groups\[0\] must not contain a line break or other control character/],
  ])('%s', (_, wrong, right, message) => {
    const bad = twoClusters();
    let error = '';
    try {
      mirror(bad, wrong(bad));
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toMatch(message);
    expect(error).toMatch(/^KafkaMirrorMaker2 '[a-z-]+' at test\/Mirror: /);
    const good = twoClusters();
    mirror(good, right(good));
    expect(() => synth(good.chart)).not.toThrow();
  });

  test('what is wrong only at synth: replication factors against the brokers and min ISR of the cluster each topic is on', () => {
    const dev = { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 1 } };
    const small = twoClusters({ west: dev });
    mirror(small, { replicationFactor: 3 });
    expect(() => synth(small.chart)).toThrow(new RegExp(`${at}replicationFactor exceeds the 1 brokers of cluster 'west' \\(test/West\\), where MirrorMaker 2 creates the mirrored topics: CreateTopics fails \\(INVALID_REPLICATION_FACTOR\\) \\(got 3\\); set at most 1, or add brokers`));
    // The defaults shrink to a DEVELOPMENT cluster's brokers, as KafkaCluster's do.
    const fits = twoClusters({ west: dev });
    const mm2 = mirror(fits);
    expect([mm2.replicationFactor, mm2.internalTopicReplicationFactor, mm2.offsetSyncsTopicReplicationFactor]).toEqual([1, 1, 1]);
    // A DEVELOPMENT target also sizes the workers for a laptop.
    expect(find(synth(fits.chart), 'KafkaMirrorMaker2', 'mirror').spec.resources).toEqual({ requests: { cpu: '100m', memory: '1Gi' }, limits: { memory: '1Gi' } });

    const twoBrokers = { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 2 } };
    const source = twoClusters({ east: twoBrokers });
    mirror(source, { offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE, internalTopicReplicationFactor: 3 });
    expect(() => synth(source.chart)).toThrow(/internalTopicReplicationFactor exceeds the 2 brokers of cluster 'east' \(test\/East\), where MirrorMaker 2 creates the offset-syncs topic mm2-offset-syncs.west.internal/);
    const sourceFits = twoClusters({ east: twoBrokers });
    expect(mirror(sourceFits, { offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE }).offsetSyncsTopicReplicationFactor).toBe(2);
    expect(() => synth(sourceFits.chart)).not.toThrow();

    const isr = twoClusters();
    mirror(isr, { replicationFactor: 2 });
    expect(() => synth(isr.chart)).toThrow(/replicationFactor is not above the min.insync.replicas \(2\) of cluster 'west' \(test\/West\), which the mirrored topics inherit: one replica down stops every acks=all write \(got 2\); set 3/);
    const below = twoClusters();
    mirror(below, { internalTopicReplicationFactor: 1 });
    expect(() => synth(below.chart)).toThrow(/internalTopicReplicationFactor is below the min.insync.replicas \(2\) of cluster 'west' .*every acks=all write fails \(NOT_ENOUGH_REPLICAS\)/);
  });

  test('a loop: mirrors both ways between the same clusters that keep topic names and read what the other writes', () => {
    const identity = twoClusters();
    const westOrders = identity.west.addTopic('orders');
    mirror(identity, { replicationPolicy: MirrorReplicationPolicy.IDENTITY, groups: undefined, checkpoints: false });
    new KafkaMirrorMaker2(identity.chart, 'Back', {
      source: MirrorMaker2Cluster.local(identity.west), target: MirrorMaker2Cluster.local(identity.east), topics: [westOrders], checkpoints: false,
      replicationPolicy: MirrorReplicationPolicy.IDENTITY,
    });
    expect(() => synth(identity.chart)).toThrow(/KafkaMirrorMaker2 'back' at test\/Back: replicationPolicy makes a loop with KafkaMirrorMaker2 'mirror' at test\/Mirror, which mirrors the other way: this one writes orders into 'east', which it reads \(orders\) and mirrors back into 'west'; with the identity policy MirrorMaker 2 cannot tell a mirrored topic from a local one/);

    // The prefixed policy names where a topic comes from: MirrorMaker 2 skips it as a cycle.
    const prefixed = twoClusters();
    mirror(prefixed, { groups: undefined, checkpoints: false });
    new KafkaMirrorMaker2(prefixed.chart, 'Back', { source: MirrorMaker2Cluster.local(prefixed.west), target: MirrorMaker2Cluster.local(prefixed.east), topics: [Acl.topic('*')], checkpoints: false });
    expect(() => synth(prefixed.chart)).not.toThrow();

    // Identity both ways over disjoint topics (active/active, each region its own topics) does not loop.
    const disjoint = twoClusters();
    mirror(disjoint, { replicationPolicy: MirrorReplicationPolicy.IDENTITY, groups: undefined, checkpoints: false });
    new KafkaMirrorMaker2(disjoint.chart, 'Back', {
      source: MirrorMaker2Cluster.local(disjoint.west), target: MirrorMaker2Cluster.local(disjoint.east), topics: [disjoint.west.addTopic('refunds')], checkpoints: false,
      replicationPolicy: MirrorReplicationPolicy.IDENTITY,
    });
    expect(() => synth(disjoint.chart)).not.toThrow();

    // One identity direction is enough to loop when the other reads what it writes (by alias).
    const half = twoClusters();
    mirror(half, { replicationPolicy: MirrorReplicationPolicy.IDENTITY, groups: undefined, checkpoints: false });
    new KafkaMirrorMaker2(half.chart, 'Back', { source: MirrorMaker2Cluster.local(half.west), target: MirrorMaker2Cluster.local(half.east), topics: [Acl.topicPrefix('ord')], checkpoints: false });
    expect(() => synth(half.chart)).toThrow(/replicationPolicy makes a loop with KafkaMirrorMaker2 'mirror'/);
  });

  test('two mirrors of the same topics in the same direction, and two Connect clusters sharing a group, fail', () => {
    const twice = twoClusters();
    mirror(twice);
    mirror(twice, { name: 'again', topics: [Acl.topicPrefix('ord')] }, 'Again');
    expect(() => synth(twice.chart)).toThrow(/KafkaMirrorMaker2 'again' at test\/Again: topics overlap the topics of KafkaMirrorMaker2 'mirror' at test\/Mirror, which mirrors from 'east' to 'west' too \(ord\* and orders\): both would write every record of them into the target/);
    const other = twoClusters();
    mirror(other);
    mirror(other, { name: 'again', topics: [Acl.topic('refunds')] }, 'Again');
    expect(() => synth(other.chart)).not.toThrow();

    // Two of one name on one cluster would share a user (and, on one target, a Connect group and topics).
    const shared = twoClusters();
    mirror(shared, { namespace: 'west' });
    let error = '';
    try {
      new KafkaMirrorMaker2(shared.chart, 'Other', { name: 'mirror', namespace: 'ops', source: MirrorMaker2Cluster.local(shared.east, { alias: 'e2' }), target: MirrorMaker2Cluster.local(shared.west), topics: [Acl.topic('payments')], groups: ['billing'] });
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toMatch(/^KafkaMirrorMaker2 'mirror' at test\/Other: name makes the source user 'mirror-source' in cluster 'east' \(test\/East\), which test\/East\/mirror-source already is: two KafkaMirrorMaker2 of one name mirror this cluster/);

    // The same target declared twice (a cluster owned elsewhere, in two charts of one Kubernetes cluster): the Connect group is caught by alias and name.
    const app = Testing.app();
    const attributes = { name: 'west', namespace: 'west', listeners: [{ name: 'tls', port: 9093 }], authorization: KafkaAuthorization.simple() };
    for (const [i, source] of ['east', 'south'].entries()) {
      const chart = new Chart(app, `team${i}`);
      const target = KafkaCluster.fromClusterAttributes(chart, 'West', attributes);
      const from = KafkaCluster.fromClusterAttributes(chart, 'Source', { ...attributes, name: source, namespace: source });
      new KafkaMirrorMaker2(chart, 'Mirror', { namespace: `mirror-${i}`, source: MirrorMaker2Cluster.local(from), target: MirrorMaker2Cluster.local(target), topics: [Acl.topic('payments')], checkpoints: false });
    }
    expect(() => app.synth()).toThrow(/KafkaMirrorMaker2 'mirror' at team1\/Mirror: name gives its Connect group and topics the names of KafkaMirrorMaker2 'mirror' at team0\/Mirror's on the same target \('mirror-group'\): the two Connect clusters would join each other/);
  });

  test("two mirrors into one target whose Connect topics collide ('.' against '_') fail at synth", () => {
    const s = twoClusters();
    mirror(s, { configStorageTopic: 'mm.config' });
    mirror(s, { name: 'again', topics: [Acl.topic('refunds')], configStorageTopic: 'mm_config' }, 'Again');
    expect(() => synth(s.chart)).toThrow(/KafkaMirrorMaker2 'again' at test\/Again: name gives its Connect topic 'mm_config' a name that collides with 'mm\.config' of KafkaMirrorMaker2 'mirror' at test\/Mirror on the same target: Kafka takes '\.' and '_' as the same/);
  });
});

describe('checks between mirrors and the topics around them', () => {
  /** Three clusters alpha, beta, gamma in one chart, each in its own namespace. */
  function three() {
    const chart = Testing.chart();
    const [alpha, beta, gamma] = ['alpha', 'beta', 'gamma'].map((n) => new KafkaCluster(chart, n[0].toUpperCase() + n.slice(1), { name: n, namespace: n }));
    const hop = (id: string, from: KafkaCluster, to: KafkaCluster, props: Partial<KafkaMirrorMaker2Props> = {}) => new KafkaMirrorMaker2(chart, id, {
      namespace: to.namespace, source: MirrorMaker2Cluster.local(from), target: MirrorMaker2Cluster.local(to), topics: [Acl.topic('orders')], checkpoints: false, ...props,
    });
    return { chart, alpha, beta, gamma, hop };
  }
  const identity = { replicationPolicy: MirrorReplicationPolicy.IDENTITY };

  test('a loop through three clusters (identity keeps the name all the way round) fails; one prefixed mirror with a literal topic breaks it', () => {
    const loop = three();
    loop.hop('AB', loop.alpha, loop.beta, identity);
    loop.hop('BC', loop.beta, loop.gamma, identity);
    loop.hop('CA', loop.gamma, loop.alpha, identity);
    expect(() => synth(loop.chart)).toThrow(/KafkaMirrorMaker2 'ca' at test\/CA: replicationPolicy makes a loop through 3 clusters with KafkaMirrorMaker2 'ab' at test\/AB, KafkaMirrorMaker2 'bc' at test\/BC: orders goes gamma → alpha → beta → gamma and is mirrored again, keeping its name at every step .*\(got "identity"\); drop the topic from one mirror of the loop, or set replicationPolicy: MirrorReplicationPolicy.PREFIXED on 'ca', 'ab', 'bc'/);

    const broken = three();
    broken.hop('AB', broken.alpha, broken.beta, identity);
    broken.hop('BC', broken.beta, broken.gamma, identity);
    broken.hop('CA', broken.gamma, broken.alpha);
    expect(() => synth(broken.chart)).not.toThrow();
  });

  test('a prefixed mirror in a loop of every topic still loops (the name grows each round); all prefixed, isCycle stops it', () => {
    const every = { topics: [Acl.topic('*')] };
    const mixed = three();
    mixed.hop('AB', mixed.alpha, mixed.beta, every);
    mixed.hop('BC', mixed.beta, mixed.gamma, { ...every, ...identity });
    mixed.hop('CA', mixed.gamma, mixed.alpha, { ...every, ...identity });
    expect(() => synth(mixed.chart)).toThrow(/KafkaMirrorMaker2 'ca' at test\/CA: replicationPolicy makes a loop through 3 clusters .*with a longer name each round.*set replicationPolicy: MirrorReplicationPolicy.PREFIXED on 'ca', 'bc' \(with every mirror of the loop prefixed, isCycle stops it\)/);
    const prefixed = three();
    prefixed.hop('AB', prefixed.alpha, prefixed.beta, every);
    prefixed.hop('BC', prefixed.beta, prefixed.gamma, every);
    prefixed.hop('CA', prefixed.gamma, prefixed.alpha, every);
    expect(() => synth(prefixed.chart)).not.toThrow();
  });

  test('two identity mirrors from different sources into one target topic fail; prefixed, each source keeps its own', () => {
    const merged = three();
    merged.hop('AB', merged.alpha, merged.beta, identity);
    merged.hop('GB', merged.gamma, merged.beta, identity);
    expect(() => synth(merged.chart)).toThrow(/KafkaMirrorMaker2 'gb' at test\/GB: topics write orders from 'gamma' into 'beta', where KafkaMirrorMaker2 'ab' at test\/AB writes orders from 'alpha': two sources' records would merge into one topic.*\(got \["orders"\]\); set replicationPolicy: MirrorReplicationPolicy.PREFIXED/);
    const apart = three();
    apart.hop('AB', apart.alpha, apart.beta, identity);
    apart.hop('GB', apart.gamma, apart.beta);
    expect(() => synth(apart.chart)).not.toThrow();
  });

  test('a mirror onto a topic the target manages (a KafkaTopic of that name) fails, naming the KafkaTopic, under either policy', () => {
    const managed = three();
    managed.beta.addTopic('orders');
    managed.hop('AB', managed.alpha, managed.beta, identity);
    expect(() => synth(managed.chart)).toThrow(/KafkaMirrorMaker2 'ab' at test\/AB: topics write orders into 'beta', which KafkaTopic 'orders' at test\/Beta\/orders manages there: MirrorMaker 2's CreatePartitions and AlterConfigs would fight the Topic Operator.*\(got "orders"\); drop that KafkaTopic \(MirrorMaker 2 creates the topic itself\), or mirror another topic \(or set replicationPolicy: MirrorReplicationPolicy.PREFIXED, which writes 'alpha.orders'\)/);
    const prefixedName = three();
    prefixedName.beta.addTopic('alpha.orders');
    prefixedName.hop('AB', prefixedName.alpha, prefixedName.beta);
    expect(() => synth(prefixedName.chart)).toThrow(/topics write alpha.orders into 'beta', which KafkaTopic 'alpha.orders' at test\/Beta\/alpha.orders manages there.*or mirror another topic$/m);
    // A KafkaTopic of the same name on the source is the mirrored topic itself; on the target under the other policy, another topic.
    const fine = three();
    fine.alpha.addTopic('orders');
    fine.beta.addTopic('orders');
    fine.hop('AB', fine.alpha, fine.beta);
    expect(() => synth(fine.chart)).not.toThrow();
  });

  test('a KafkaTopic on the target named like the Connect or internal topics fails', () => {
    const connect = three();
    connect.beta.addTopic('__ab-config');
    connect.hop('AB', connect.alpha, connect.beta);
    expect(() => synth(connect.chart)).toThrow(/KafkaMirrorMaker2 'ab' at test\/AB: name makes MirrorMaker 2 use __ab-config, a topic of its Connect workers, which KafkaTopic '__ab-config' at test\/Beta\/__ab-config manages.*; drop that KafkaTopic.*, or give this KafkaMirrorMaker2 another name/);
    const checkpoints = three();
    checkpoints.beta.addTopic('alpha.checkpoints.internal');
    checkpoints.hop('AB', checkpoints.alpha, checkpoints.beta, { checkpoints: true, groups: ['billing'] });
    expect(() => synth(checkpoints.chart)).toThrow(/source makes MirrorMaker 2 use alpha.checkpoints.internal, one of its internal topics, which KafkaTopic 'alpha.checkpoints.internal' at test\/Beta\/alpha.checkpoints.internal manages/);
    const offsetSyncs = three();
    offsetSyncs.alpha.addTopic('mm2-offset-syncs.beta.internal');
    offsetSyncs.hop('AB', offsetSyncs.alpha, offsetSyncs.beta, { checkpoints: true, groups: ['billing'], offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE });
    expect(() => synth(offsetSyncs.chart)).toThrow(/offsetSyncsTopicLocation makes MirrorMaker 2 use mm2-offset-syncs.beta.internal, one of its internal topics, which KafkaTopic 'mm2-offset-syncs.beta.internal' at test\/Alpha\/mm2-offset-syncs.beta.internal manages/);
    const elsewhere = three();
    elsewhere.alpha.addTopic('mm2-offset-syncs.beta.internal');
    elsewhere.hop('AB', elsewhere.alpha, elsewhere.beta, { checkpoints: true, groups: ['billing'] });
    expect(() => synth(elsewhere.chart)).not.toThrow();
  });

  test("a KafkaTopic whose name collides ('.' against '_') with a Connect or internal topic fails: Kafka refuses the second", () => {
    const connect = three();
    connect.beta.addTopic('my_offsets');
    connect.hop('AB', connect.alpha, connect.beta, { offsetStorageTopic: 'my.offsets' });
    expect(() => synth(connect.chart)).toThrow(/KafkaMirrorMaker2 'ab' at test\/AB: offsetStorageTopic makes MirrorMaker 2 create my\.offsets, which collides with KafkaTopic 'my_offsets' at test\/Beta\/my_offsets: Kafka takes '\.' and '_' as the same in topic names \(metric names\) and refuses to create the second \(Topic\.hasCollision\), so the workers could not start \(got "my\.offsets"\); rename that KafkaTopic or offsetStorageTopic/);
    const checkpoints = three();
    checkpoints.beta.addTopic('alpha_checkpoints_internal');
    checkpoints.hop('AB', checkpoints.alpha, checkpoints.beta, { checkpoints: true, groups: ['billing'] });
    expect(() => synth(checkpoints.chart)).toThrow(/source makes MirrorMaker 2 create alpha\.checkpoints\.internal, which collides with KafkaTopic 'alpha_checkpoints_internal'.*so MirrorMaker 2 could not create it/);
    const fine = three();
    fine.beta.addTopic('my-offsets');
    fine.hop('AB', fine.alpha, fine.beta, { offsetStorageTopic: 'my.offsets' });
    expect(() => synth(fine.chart)).not.toThrow();
  });

  test('one Secret for both copies of a cluster fails at the factory', () => {
    const setup = twoClusters();
    expect(() => MirrorMaker2Cluster.local(setup.east, { caSecretName: 'east-copy', userSecretName: 'east-copy' })).toThrow(/MirrorMaker2Cluster.local\(\): userSecretName is caSecretName too: one Secret cannot hold both .*\(got "east-copy"\); give each copy its own name/);
    expect(MirrorMaker2Cluster.local(setup.east, { caSecretName: 'east-ca', userSecretName: 'east-user' }).alias).toBe('east');
  });
});

describe('MirrorMaker2Cluster: a cluster as seen from where MirrorMaker 2 runs', () => {
  function withIngress() {
    const setup = twoClusters();
    setup.east.addListener('ingress', { port: 9094, type: ListenerType.INGRESS, bootstrapHost: 'bootstrap.east.example.com', hostTemplate: 'broker-{nodeId}.east.example.com', className: 'nginx' });
    return setup;
  }

  test('local() takes an in-cluster listener, remote() one with a host outside', () => {
    const setup = withIngress();
    expect(() => MirrorMaker2Cluster.local(setup.east, { listener: 'ingress' })).toThrow(/MirrorMaker2Cluster.local\(\): listener 'ingress' of KafkaCluster 'east' at test\/East is not one that serves clients inside the Kubernetes cluster \(got "ingress"\); use an internal or cluster-ip listener/);
    expect(MirrorMaker2Cluster.local(setup.east, { listener: 'tls' }).bootstrapServers).toBe('east-kafka-bootstrap.east.svc:9093');
    expect(() => MirrorMaker2Cluster.remote(setup.east, { listener: 'tls' })).toThrow(/MirrorMaker2Cluster.remote\(\): listener 'tls' of KafkaCluster 'east' at test\/East is not one that has a bootstrap address outside the Kubernetes cluster/);
    expect(MirrorMaker2Cluster.remote(setup.east).bootstrapServers).toBe('bootstrap.east.example.com:443');
    expect(() => MirrorMaker2Cluster.local(setup.east, { listener: 'plain' })).toThrow(/listener is not a listener of KafkaCluster 'east' at test\/East \(it has tls, ingress\) \(got "plain"\)/);
    expect(() => MirrorMaker2Cluster.local(setup.east, { alias: 'us.east' })).toThrow(/MirrorMaker2Cluster.local\(\): alias must be 1-64 letters, digits, '_' and '-' \(no '.', the replication policy's separator/);
    expect(MirrorMaker2Cluster.local(setup.east, { alias: 'us_east-1' }).alias).toBe('us_east-1');
    expect(() => MirrorMaker2Cluster.remote(setup.east, { caSecretName: 'Kafka CA' })).toThrow(/MirrorMaker2Cluster.remote\(\): caSecretName must be/);
    expect(() => MirrorMaker2Cluster.local({} as KafkaCluster)).toThrow(/MirrorMaker2Cluster.local\(\): cluster must be/);
    expect(() => MirrorMaker2Cluster.remote(setup.west)).toThrow(/MirrorMaker2Cluster.remote\(\): listener finds no listener of KafkaCluster 'west' at test\/West that has a bootstrap address outside the Kubernetes cluster \(a bootstrap host\) \(got undefined\); add a listener reached through a Gateway/);
  });

  test('authentication: a KafkaUser the way the listener authenticates (mutual TLS here); none only without authorization', () => {
    const chart = Testing.chart();
    const east = new KafkaCluster(chart, 'East', { name: 'east', namespace: 'east', defaultListener: false });
    east.addListener('mtls', { port: 9093, authentication: ListenerAuthentication.tls() });
    east.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    east.addListener('oauth', { port: 9095, authentication: ListenerAuthentication.custom(true) });
    const west = new KafkaCluster(chart, 'West', { name: 'west', namespace: 'west', authorization: KafkaAuthorization.none(), defaultListener: false });
    west.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    expect(() => MirrorMaker2Cluster.local(east, { listener: 'plain' })).toThrow(/listener 'plain' of KafkaCluster 'east' has no authentication, but the cluster has simple authorization: MirrorMaker 2 would be User:ANONYMOUS/);
    const unknown = KafkaCluster.fromClusterAttributes(chart, 'Elsewhere', { name: 'elsewhere', namespace: 'elsewhere', listeners: [{ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }] });
    expect(() => MirrorMaker2Cluster.local(unknown)).toThrow(/has no authentication, and the cluster's authorization is not known: MirrorMaker 2 would be User:ANONYMOUS, which no KafkaUser grants .*declare authorization: KafkaAuthorization.none\(\) if it has none/);
    expect(() => MirrorMaker2Cluster.local(east, { listener: 'oauth' })).toThrow(/listener 'oauth' of KafkaCluster 'east' authenticates with a custom mechanism, for which no KafkaUser holds credentials/);
    const mm2 = new KafkaMirrorMaker2(chart, 'Mirror', {
      source: MirrorMaker2Cluster.local(east, { listener: 'mtls' }), target: MirrorMaker2Cluster.local(west), topics: [Acl.topic('orders')], checkpoints: false,
    });
    const manifests = synth(chart);
    expect(mm2.targetUser).toBeUndefined();
    const spec = find(manifests, 'KafkaMirrorMaker2', 'mirror').spec;
    expect(spec.mirrors[0].source).toEqual({
      alias: 'east', bootstrapServers: 'east-kafka-bootstrap.east.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'mirror-source-ca', certificate: 'ca.crt' }] },
      authentication: { type: 'tls', certificateAndKey: { secretName: 'mirror-source-user', certificate: 'user.crt', key: 'user.key' } },
    });
    expect(spec.target).toMatchObject({ alias: 'west', bootstrapServers: 'west-kafka-bootstrap.west.svc:9092' });
    expect(spec.target.tls).toBeUndefined();
    expect(spec.target.authentication).toBeUndefined();
    expect(find(manifests, 'KafkaUser', 'mirror-source').spec.authentication).toEqual({ type: 'tls' });
    expectValid(manifests);
  });

  test('trust: the cluster CA Secret read where Strimzi writes it by *.crt; a copy by ca.crt; trustedCertificate for the CA key alone', () => {
    const setup = twoClusters();
    mirror(setup);
    const spec = find(synth(setup.chart), 'KafkaMirrorMaker2', 'mirror').spec;
    expect(spec.target.tls).toEqual({ trustedCertificates: [{ secretName: 'west-cluster-ca-cert', pattern: '*.crt' }] });
    expect(spec.mirrors[0].source.tls).toEqual({ trustedCertificates: [{ secretName: 'mirror-source-ca', certificate: 'ca.crt' }] });
    const pinned = twoClusters();
    mirror(pinned, { target: MirrorMaker2Cluster.local(pinned.west, { trustedCertificate: 'ca.crt' }), source: MirrorMaker2Cluster.local(pinned.east, { trustedCertificatesPattern: '*.crt' }) });
    const pinnedSpec = find(synth(pinned.chart), 'KafkaMirrorMaker2', 'mirror').spec;
    expect(pinnedSpec.target.tls).toEqual({ trustedCertificates: [{ secretName: 'west-cluster-ca-cert', certificate: 'ca.crt' }] });
    expect(pinnedSpec.mirrors[0].source.tls).toEqual({ trustedCertificates: [{ secretName: 'mirror-source-ca', pattern: '*.crt' }] });
    expect(() => MirrorMaker2Cluster.local(pinned.west, { trustedCertificate: 'ca.p12' })).toThrow(/^MirrorMaker2Cluster\.local\(\): trustedCertificate is not 'ca\.crt', the CA certificate of listener 'tls' in Secret 'west-cluster-ca-cert'/);
    expect(() => MirrorMaker2Cluster.local(pinned.west, { trustedCertificate: 'ca.crt', trustedCertificatesPattern: '*.crt' })).toThrow(/trustedCertificate is set with trustedCertificatesPattern: Strimzi takes one key or a pattern, not both/);
  });

  test('a custom authorizer: each side\'s user is granted only where Strimzi can write ACLs (supportsAdminApi)', () => {
    const keycloak = (supportsAdminApi: boolean) => KafkaAuthorization.custom({ authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer', supportsAdminApi });
    const setup = twoClusters({ east: { authorization: keycloak(true) }, west: { authorization: keycloak(false) } });
    const mm2 = mirror(setup);
    const manifests = synth(setup.chart);
    expect(acls(manifests, 'mirror-source')).toContain('topic:orders:literal:Read+Describe+DescribeConfigs');
    expect(find(manifests, 'KafkaUser', 'mirror-target').spec.authorization).toBeUndefined();
    expect(mm2.targetUser?.acls).toEqual([]);
    expectValid(manifests);
    // A user given for a side without the Admin API keeps its own (no) rules.
    const given = twoClusters({ west: { authorization: keycloak(false) } });
    const user = given.west.addUser('mm2');
    mirror(given, { target: MirrorMaker2Cluster.local(given.west, { user }) });
    expect(user.acls).toEqual([]);
  });

  test('fails on a listener without authentication on a cluster with custom authorization, naming the authorizer', () => {
    const chart = Testing.chart();
    const east = new KafkaCluster(chart, 'East', { name: 'east', namespace: 'east', defaultListener: false, authorization: KafkaAuthorization.custom({ authorizerClass: 'org.openpolicyagent.kafka.OpaAuthorizer' }) });
    east.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    expect(() => MirrorMaker2Cluster.local(east, { listener: 'plain' })).toThrow(
      /^MirrorMaker2Cluster\.local\(\): listener 'plain' of KafkaCluster 'east' has no authentication, but the cluster has custom \(org\.openpolicyagent\.kafka\.OpaAuthorizer\) authorization: MirrorMaker 2 would be User:ANONYMOUS/,
    );
  });

  test('the source\'s in-cluster listener admits MirrorMaker 2\'s namespace (its NetworkPolicy peers)', () => {
    const setup = twoClusters();
    mirror(setup);
    const kafka = find(synth(setup.chart), 'Kafka', 'east');
    expect(kafka.spec.kafka.listeners[0].networkPolicyPeers).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'east' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'west' } } },
    ]);
  });
});

describe('two Kubernetes clusters: MirrorMaker 2 beside the target, the source through its Gateway', () => {
  function regions(withMirror: boolean) {
    const app = Testing.app();
    const env = new Environment(app, 'dr');
    const eastChart = env.addCluster('east', { namespaces: ['kafka'] });
    const westChart = env.addCluster('west', { namespaces: ['kafka'] });
    const gatewayClass = new EnvoyGatewayClass(eastChart, 'GatewayClass', { name: 'envoy-kafka' });
    const gateway = new KafkaGateway(eastChart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: HostnameScheme.subdomain('kafka.east.example.com') });
    const east = new KafkaCluster(eastChart, 'Kafka', { name: 'events', namespace: 'kafka' });
    east.addExternalListener('external', { gateway });
    const orders = east.addTopic('orders', { partitions: 12 });
    const west = new KafkaCluster(westChart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const mm2 = withMirror ? new KafkaMirrorMaker2(westChart, 'Mirror', {
      name: 'east-to-west',
      source: MirrorMaker2Cluster.remote(east, { alias: 'east' }),
      target: MirrorMaker2Cluster.local(west, { alias: 'west' }),
      topics: [orders],
      groups: ['billing'],
    }) : undefined;
    return { app, eastChart, westChart, east, west, orders, mm2 };
  }

  test('the source user is made in east, MirrorMaker 2 and the target user in west; MirrorMaker 2 dials the Gateway and trusts a copy of east\'s CA', () => {
    const before = regions(false);
    const eastBefore = objects(synth(before.eastChart));
    const westBefore = objects(synth(before.westChart));
    const { app, eastChart, westChart, mm2 } = regions(true);
    const eastManifests = synth(eastChart);
    const westManifests = synth(westChart);
    expect(objects(eastManifests).filter((o) => !eastBefore.includes(o))).toEqual(['KafkaUser kafka/east-to-west-source']);
    expect(objects(westManifests).filter((o) => !westBefore.includes(o))).toEqual(['KafkaMirrorMaker2 kafka/east-to-west', 'KafkaUser kafka/east-to-west-target']);
    expect(find(westManifests, 'KafkaMirrorMaker2', 'east-to-west').spec.mirrors[0].source).toEqual({
      alias: 'east',
      bootstrapServers: 'bootstrap.kafka.east.example.com:9092',
      tls: { trustedCertificates: [{ secretName: 'east-to-west-source-ca', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'east-to-west-source', passwordSecret: { secretName: 'east-to-west-source-user', password: 'password' } },
    });
    expect(find(westManifests, 'KafkaMirrorMaker2', 'east-to-west').spec.target).toMatchObject({
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
    });
    expect(acls(eastManifests, 'east-to-west-source')).toEqual(['topic:orders:literal:Read+Describe+DescribeConfigs', 'group:billing:literal:Describe']);
    expect(acls(westManifests, 'east-to-west-target')).toContain('topic:east.orders:literal:Read+Write+Create+Alter+Describe+AlterConfigs');
    expect(mm2!.targetTopicName('orders')).toBe('east.orders');
    expectValid(eastManifests);
    expectValid(westManifests);
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });

  test('reaching east as if it were local fails at once: its in-cluster address does not resolve in west', () => {
    const { westChart, east, west, orders } = regions(false);
    expect(() => new KafkaMirrorMaker2(westChart, 'Mirror', {
      name: 'east-to-west', source: MirrorMaker2Cluster.local(east, { alias: 'east' }), target: MirrorMaker2Cluster.local(west, { alias: 'west' }), topics: [orders], groups: ['billing'],
    })).toThrow(/KafkaMirrorMaker2 'east-to-west' at dr\/west\/Mirror: source is MirrorMaker2Cluster.local\(\), but Kafka 'events' \(dr\/east\/Kafka\) is in another Kubernetes cluster than MirrorMaker 2 \(cluster 'west' \(dr\/west\) and cluster 'east' \(dr\/east\) are two Kubernetes clusters of one environment\): its in-cluster address does not resolve here \(got "east"\); use MirrorMaker2Cluster.remote\(cluster, \{ alias: 'east' \}\)/);
    // A topic of a cluster of west named like east's ('events' in kafka) is not east's.
    const app = Testing.app();
    const env = new Environment(app, 'dr');
    const eastChart = env.addCluster('east', { namespaces: ['kafka'] });
    const westChart2 = env.addCluster('west', { existingNamespaces: ['kafka'] });
    const gatewayClass = new EnvoyGatewayClass(eastChart, 'GatewayClass', { name: 'envoy-kafka' });
    const gateway = new KafkaGateway(eastChart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: HostnameScheme.subdomain('kafka.east.example.com') });
    const source = new KafkaCluster(eastChart, 'Kafka', { name: 'events', namespace: 'kafka' });
    source.addExternalListener('external', { gateway });
    const platform = KafkaCluster.fromClusterAttributes(westChart2, 'Platform', { name: 'events', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }], authorization: KafkaAuthorization.simple() });
    const standby = KafkaCluster.fromClusterAttributes(westChart2, 'Standby', { name: 'standby', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }], authorization: KafkaAuthorization.simple() });
    const westOrders = new KafkaTopic(westChart2, 'Orders', { cluster: platform, topicName: 'orders' });
    expect(() => new KafkaMirrorMaker2(westChart2, 'Mirror', {
      name: 'east-to-west', source: MirrorMaker2Cluster.remote(source, { alias: 'east' }), target: MirrorMaker2Cluster.local(standby, { alias: 'west' }), topics: [westOrders], groups: ['billing'],
    })).toThrow(/topics\[0\] is a topic of cluster 'events' \(dr\/west\/Platform\), not of the source 'events' \(dr\/east\/Kafka\)/);
  });

  test('a source owned elsewhere (fromClusterAttributes in the chart of its Kubernetes cluster), through its declared Gateway listener', () => {
    const app = Testing.app();
    const env = new Environment(app, 'team');
    const eastChart = env.addCluster('east', { existingNamespaces: ['kafka'] });
    const westChart = env.addCluster('west', { namespaces: ['kafka'] });
    const east = KafkaCluster.fromClusterAttributes(eastChart, 'Platform', {
      name: 'events', namespace: 'kafka', brokers: 3, authorization: KafkaAuthorization.simple(), config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
      listeners: [{ name: 'tls', port: 9093 }, { name: 'external', port: 9094, type: ListenerType.TLSROUTE, bootstrapHost: 'bootstrap.kafka.east.example.com', hostTemplate: 'broker-{nodeId}.kafka.east.example.com', advertisedPortTemplate: '9092', parentRefs: [{ name: 'kafka-gateway' }] }],
    });
    const west = new KafkaCluster(westChart, 'Kafka', { name: 'events', namespace: 'kafka' });
    new KafkaMirrorMaker2(westChart, 'Mirror', {
      name: 'east-to-west', source: MirrorMaker2Cluster.remote(east, { alias: 'east', caSecretName: 'east-kafka-ca' }), target: MirrorMaker2Cluster.local(west, { alias: 'west' }),
      topics: [Acl.topicPrefix('orders')], groups: [Acl.groupPrefix('billing-')],
    });
    const eastManifests = synth(eastChart);
    expect(objects(eastManifests)).toEqual(['KafkaUser kafka/east-to-west-source']);
    expect(acls(eastManifests, 'east-to-west-source')).toEqual(['topic:orders:prefix:Read+Describe+DescribeConfigs', 'group:billing-:prefix:Describe']);
    const spec = find(synth(westChart), 'KafkaMirrorMaker2', 'east-to-west').spec.mirrors[0].source;
    expect(spec.bootstrapServers).toBe('bootstrap.kafka.east.example.com:9092');
    expect(spec.tls).toEqual({ trustedCertificates: [{ secretName: 'east-kafka-ca', certificate: 'ca.crt' }] });
    expectValid(eastManifests);
  });
});

describe('Strimzi\'s ways of writing a mirror: clusters by address, users of one\'s own, the Connect group and topics named, the broker-default RF', () => {
  /** The mirror of Strimzi's examples: cluster-a → cluster-b, by address, every topic and group. */
  function byAddress(props: Partial<KafkaMirrorMaker2Props> = {}) {
    const chart = Testing.chart();
    const mm2 = new KafkaMirrorMaker2(chart, 'Mirror', {
      name: 'my-mirror-maker-2',
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9092', { alias: 'cluster-a' }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9092', { alias: 'cluster-b' }),
      topics: [Acl.topic('*')],
      groups: [Acl.group('*')],
      ...props,
    });
    return { chart, mm2, manifests: () => synth(chart) };
  }

  test('labels: on the KafkaMirrorMaker2\'s metadata (Strimzi copies them to its pods), none by default', () => {
    const { mm2, manifests } = byAddress({ labels: { 'app': 'my-mm2-cluster', 'app.kubernetes.io/part-of': 'replication' } });
    const resource = find(manifests(), 'KafkaMirrorMaker2', 'my-mirror-maker-2');
    expect(resource.metadata).toEqual({ name: 'my-mirror-maker-2', labels: { 'app': 'my-mm2-cluster', 'app.kubernetes.io/part-of': 'replication' } });
    expect(resource.spec.template.pod.metadata).toBeUndefined();
    expect(mm2.labels).toEqual({ 'app': 'my-mm2-cluster', 'app.kubernetes.io/part-of': 'replication' });
    expectValid(manifests());
    const plain = byAddress();
    expect(find(plain.manifests(), 'KafkaMirrorMaker2', 'my-mirror-maker-2').metadata.labels).toBeUndefined();
    expect(plain.mm2.labels).toEqual({});
  });

  test('fails on a Strimzi label or a label Kubernetes refuses', () => {
    const at = "KafkaMirrorMaker2 'my-mirror-maker-2' at test/Mirror";
    expect(() => byAddress({ labels: { 'strimzi.io/cluster': 'x' } })).toThrow(new RegExp(`^${at}: labels\\['strimzi\\.io/cluster'\\] is a Strimzi label: Strimzi sets the strimzi\\.io/ labels of what it makes itself \\(got "strimzi\\.io/cluster"\\); use a label of your own`));
    expect(() => byAddress({ labels: { app: 'my app' } })).toThrow(/labels\['app'\] must be a label value/);
    expect(() => byAddress({ labels: { 'bad key!': 'x' } })).toThrow(new RegExp(`^${at}: labels\\['bad key!'\\] has a bad key: "bad key!" is not a qualified name`));
    expect(() => byAddress({ labels: { app: 42 as any } })).toThrow(/labels\['app'\] must be a string \(got 42\); give a string/);
    expect(() => byAddress({ labels: 'app=x' as any })).toThrow(/^KafkaMirrorMaker2 'Mirror' at test\/Mirror: labels must be an object of named values \(got "app=x"\)/);
  });

  test('fromAddress(): the address and alias as given, no TLS, no authentication, no KafkaUser; RF -1 rendered as the broker default', () => {
    const { mm2, manifests } = byAddress({ replicationFactor: -1, internalTopicReplicationFactor: -1 });
    const all = manifests();
    expect(all.map((m) => m.kind)).toEqual(['KafkaMirrorMaker2']);
    const spec = find(all, 'KafkaMirrorMaker2', 'my-mirror-maker-2').spec;
    expect(spec.target).toEqual({
      alias: 'cluster-b', bootstrapServers: 'cluster-b-kafka-bootstrap:9092', groupId: 'my-mirror-maker-2-group',
      configStorageTopic: '__my-mirror-maker-2-config', offsetStorageTopic: '__my-mirror-maker-2-offset', statusStorageTopic: '__my-mirror-maker-2-status',
      config: { 'config.storage.replication.factor': -1, 'offset.storage.replication.factor': -1, 'status.storage.replication.factor': -1 },
    });
    expect(spec.mirrors[0].source).toEqual({ alias: 'cluster-a', bootstrapServers: 'cluster-a-kafka-bootstrap:9092' });
    expect(spec.mirrors[0].sourceConnector.config).toMatchObject({ 'replication.factor': -1, 'offset-syncs.topic.replication.factor': -1 });
    expect(spec.mirrors[0].checkpointConnector.config).toMatchObject({ 'checkpoints.topic.replication.factor': -1 });
    expect([mm2.sourceUser, mm2.targetUser, mm2.source.cluster, mm2.source.listener, mm2.namespace]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(mm2.targetTopicName('orders')).toBe('cluster-a.orders');
    expectValid(all);
  });

  test('fromAddress(): TLS with the CA Secrets given (a key or a glob of keys), or the JVM\'s CAs; scram-sha-512 or mTLS credentials from a Secret', () => {
    const chart = Testing.chart();
    new KafkaMirrorMaker2(chart, 'Mirror', {
      namespace: 'mirror',
      source: MirrorMaker2Cluster.fromAddress('a-0.example.com:9093, a-1.example.com:9093', {
        alias: 'a',
        trustedCertificates: [{ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }, { secretName: 'extra-ca' }],
        authentication: MirrorMaker2Authentication.scramSha512('mirror', 'mirror-a', 'pass'),
      }),
      target: MirrorMaker2Cluster.fromAddress('b.example.com:443', { alias: 'b', tls: true, authentication: MirrorMaker2Authentication.tls('mirror-b') }),
      topics: [Acl.topicPrefix('orders')],
      groups: ['billing'],
    });
    const manifests = synth(chart);
    expectValid(manifests);
    const spec = find(manifests, 'KafkaMirrorMaker2', 'mirror').spec;
    expect(spec.mirrors[0].source).toEqual({
      alias: 'a', bootstrapServers: 'a-0.example.com:9093,a-1.example.com:9093',
      tls: { trustedCertificates: [{ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }, { secretName: 'extra-ca', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'mirror', passwordSecret: { secretName: 'mirror-a', password: 'pass' } },
    });
    expect(spec.target).toMatchObject({
      alias: 'b', bootstrapServers: 'b.example.com:443', tls: { trustedCertificates: [] },
      authentication: { type: 'tls', certificateAndKey: { secretName: 'mirror-b', certificate: 'user.crt', key: 'user.key' } },
    });
    // The Secrets are the user's: made outside the app, they warn that nothing here makes them.
    expect(ConsistencyPass.of(chart).warnings().join('\n')).toMatch(/source refers to Secret 'mirror\/mirror-a', which nothing in the app emits or makes.*MirrorMaker 2 reads it from its own namespace \(mirror\)/);
  });

  test('fromAddress(): a listener of the app at that address is checked (a plaintext dial of a TLS listener fails)', () => {
    const chart = Testing.chart();
    new KafkaCluster(chart, 'B', { name: 'cluster-b', profile: ClusterProfile.DEVELOPMENT, authorization: KafkaAuthorization.none(), defaultListener: false })
      .addListener('tls', { port: 9093, authentication: ListenerAuthentication.none() });
    new KafkaMirrorMaker2(chart, 'Mirror', {
      source: MirrorMaker2Cluster.fromAddress('cluster-a-kafka-bootstrap:9093', { alias: 'cluster-a', trustedCertificates: [{ secretName: 'cluster-a-cluster-ca-cert' }] }),
      target: MirrorMaker2Cluster.fromAddress('cluster-b-kafka-bootstrap:9093', { alias: 'cluster-b' }),
      topics: [Acl.topic('*')], checkpoints: false,
    });
    expect(() => synth(chart)).toThrow(/KafkaMirrorMaker2 'mirror' at test\/Mirror: target dials cluster-b-kafka-bootstrap:9093, listener 'tls' of KafkaCluster 'cluster-b', which has TLS, but trusts no CA/);
  });

  test('fromAddress(): each wrong input beside the right one', () => {
    const f = (address: string, options: Parameters<typeof MirrorMaker2Cluster.fromAddress>[1]) => () => MirrorMaker2Cluster.fromAddress(address, options);
    expect(f('cluster-a-kafka-bootstrap', { alias: 'a' })).toThrow(/MirrorMaker2Cluster.fromAddress\(\): bootstrapServers must be host:port, or several joined by commas .*\(got "cluster-a-kafka-bootstrap"\); use e.g. 'cluster-a-kafka-bootstrap:9092'/);
    expect(f('', { alias: 'a' })).toThrow(/bootstrapServers must be host:port/);
    expect(f('a:9092', { alias: 'a.b' })).toThrow(/MirrorMaker2Cluster.fromAddress\(\): alias must be 1-64 letters, digits, '_' and '-' .*for cluster 'a:9092'/);
    expect(f('a:9092', {} as any)).toThrow(/MirrorMaker2Cluster.fromAddress\(\): options.alias/);
    expect(f('a:9092', { alias: 'a', tls: false, trustedCertificates: [{ secretName: 'ca' }] })).toThrow(/trustedCertificates are set with tls: false: a PLAINTEXT connection trusts no certificate \(got \["ca"\]\); set tls: true/);
    expect(f('a:9092', { alias: 'a', trustedCertificates: [{ secretName: 'ca', certificate: 'ca.crt', pattern: '*.crt' }] })).toThrow(/trustedCertificates\[0\].pattern is set with certificate: Strimzi takes one key or a pattern, not both/);
    expect(f('a:9092', { alias: 'a', trustedCertificates: [{ secretName: 'ca', pattern: '[*.crt' }] })).toThrow(/trustedCertificates\[0\].pattern is not a glob Java accepts/);
    expect(f('a:9092', { alias: 'a', trustedCertificates: [{ secretName: 'Kafka CA' }] })).toThrow(/trustedCertificates\[0\].secretName must name a Secret/);
    expect(f('a:9092', { alias: 'a', authentication: MirrorMaker2Authentication.tls('user') })).toThrow(/authentication is mutual TLS over a connection without TLS: the client certificate is presented in the TLS handshake, and without TLS Strimzi writes security\.protocol=PLAINTEXT .* \(got "tls"\); set tls: true/);
    expect(MirrorMaker2Cluster.fromAddress('a:9092', { alias: 'a', authentication: MirrorMaker2Authentication.scramSha512('u', 'u') })._address?.tls).toBe(false);
    expect(() => MirrorMaker2Authentication.scramSha512('', 'secret')).toThrow(/MirrorMaker2Authentication.scramSha512\(\): username must be a SCRAM username on one line/);
    expect(() => MirrorMaker2Authentication.scramSha512('u\nsasl.x=y', 'secret')).toThrow(/username must be a SCRAM username on one line/);
    expect(() => MirrorMaker2Authentication.scramSha512('u"x', 's')).toThrow(/^MirrorMaker2Authentication\.scramSha512\(\): username must be a SCRAM username on one line, without '"' or '\\' \(it has '"'\): Strimzi writes it unescaped between double quotes into the JAAS line .*\(got "u\\"x"\); use the username as the cluster knows it, e\.g\. 'mirror-maker'/);
    expect(() => MirrorMaker2Authentication.scramSha512('u\\x', 's')).toThrow(/username must be a SCRAM username on one line, without '"' or '\\' \(it has '\\'\)/);
    expect(MirrorMaker2Authentication.scramSha512('cluster-a-user', 's')._spec).toMatchObject({ username: 'cluster-a-user' });
    expect(f('a:9093', { alias: 'a', trustedCertificates: [{ secretName: 'ca', pattern: '*.key' }] })).toThrow(/^MirrorMaker2Cluster\.fromAddress\(\): trustedCertificates\[0\]\.pattern takes only keys that hold no PEM certificate \(every key it matches is a private key, by its name\)/);
    expect(f('a:9093', { alias: 'a', trustedCertificates: [{ secretName: 'ca', certificate: 'ca.password' }] })).toThrow(/trustedCertificates\[0\]\.certificate names a keystore's password, not a PEM certificate/);
    expect(MirrorMaker2Cluster.fromAddress('a:9093', { alias: 'a', trustedCertificates: [{ secretName: 'ca', pattern: '*.crt' }, { secretName: 'other-ca', certificate: 'tls.crt' }] })._address?.trustedCertificates).toHaveLength(2);
    expect(() => MirrorMaker2Authentication.scramSha512('u', 'Secret!')).toThrow(/MirrorMaker2Authentication.scramSha512\(\): secretName must be/);
    expect(() => MirrorMaker2Authentication.tls('user', 'user crt')).toThrow(/MirrorMaker2Authentication.tls\(\): certificate must be/);
    expect(() => MirrorMaker2Authentication.tls(42 as any)).toThrow(/MirrorMaker2Authentication.tls\(\): secretName/);
    // In the mirror: a KafkaTopic cannot be a topic of an address, and one address is not two clusters.
    const setup = twoClusters();
    expect(() => new KafkaMirrorMaker2(setup.chart, 'Mirror', {
      source: MirrorMaker2Cluster.fromAddress('a:9092', { alias: 'a' }), target: MirrorMaker2Cluster.local(setup.west), topics: [setup.orders], checkpoints: false,
    })).toThrow(/topics\[0\] is KafkaTopic 'orders' of cluster 'east' \(test\/East\), but the source is MirrorMaker2Cluster.fromAddress\(\) \(a:9092\), whose topics the app does not know \(got "orders"\); name the topic with Acl.topic\('orders'\)/);
    expect(() => new KafkaMirrorMaker2(setup.chart, 'Twice', {
      source: MirrorMaker2Cluster.fromAddress('a:9092', { alias: 'a' }), target: MirrorMaker2Cluster.fromAddress('a:9092', { alias: 'b' }), topics: [Acl.topic('x')], checkpoints: false,
    })).toThrow(/target has the source's bootstrap address a:9092: MirrorMaker 2 mirrors between two clusters/);
  });

  test('an address side beside a cluster of the app: that side\'s user and checks only; a copy may not take the name of a Secret given for the address', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup, {
      source: MirrorMaker2Cluster.fromAddress('other:9093', { alias: 'other', trustedCertificates: [{ secretName: 'other-ca' }] }),
      topics: [Acl.topic('orders')],
    });
    expect(mm2.sourceUser).toBeUndefined();
    expect(acls(synth(setup.chart), 'mirror-target')).toContain('topic:other.orders:literal:Read+Write+Create+Alter+Describe+AlterConfigs');
    const clash = twoClusters();
    expect(() => mirror(clash, {
      namespace: 'ops',
      source: MirrorMaker2Cluster.fromAddress('other:9093', { alias: 'other', trustedCertificates: [{ secretName: 'mirror-target-ca' }] }),
      topics: [Acl.topic('orders')],
    })).toThrow(/target reads the CA of the target Kafka 'west' from Secret 'mirror-target-ca' in namespace ops, where it reads a Secret given for the source cluster at other:9093 too/);
    // The user's own Secrets may be shared: one CA for both sides.
    const shared = Testing.chart();
    new KafkaMirrorMaker2(shared, 'Mirror', {
      source: MirrorMaker2Cluster.fromAddress('a:9093', { alias: 'a', trustedCertificates: [{ secretName: 'corp-ca' }], authentication: MirrorMaker2Authentication.tls('corp-ca') }),
      target: MirrorMaker2Cluster.fromAddress('b:9093', { alias: 'b', trustedCertificates: [{ secretName: 'corp-ca' }] }),
      topics: [Acl.topic('orders')], checkpoints: false,
    });
    expect(() => synth(shared)).not.toThrow();
  });

  test('the Connect group and topics named as Strimzi\'s examples name them, granted to the target user', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup, {
      name: 'my-mirror-maker-2', groupId: 'my-mirror-maker-2-group',
      configStorageTopic: 'my-mirror-maker-2-config', offsetStorageTopic: 'my-mirror-maker-2-offset', statusStorageTopic: 'my-mirror-maker-2-status',
    });
    const manifests = synth(setup.chart);
    expect(find(manifests, 'KafkaMirrorMaker2', 'my-mirror-maker-2').spec.target).toMatchObject({
      groupId: 'my-mirror-maker-2-group', configStorageTopic: 'my-mirror-maker-2-config', offsetStorageTopic: 'my-mirror-maker-2-offset', statusStorageTopic: 'my-mirror-maker-2-status',
    });
    expect(mm2.connectTopics).toEqual({ config: 'my-mirror-maker-2-config', offset: 'my-mirror-maker-2-offset', status: 'my-mirror-maker-2-status' });
    expect(acls(manifests, 'my-mirror-maker-2-target')).toEqual(expect.arrayContaining([
      'topic:my-mirror-maker-2-config:literal:Read+Write+Create+Describe+DescribeConfigs',
      'topic:my-mirror-maker-2-status:literal:Read+Write+Create+Describe+DescribeConfigs',
      'group:my-mirror-maker-2-group:literal:Read+Describe',
    ]));
    expectValid(manifests);
  });

  test('the checkpoint connector\'s tasks, and sync.topic.acls.enabled restating the construct\'s false', () => {
    const { manifests } = byAddress({ checkpointTasksMax: 3, sourceConnectorConfig: { 'sync.topic.acls.enabled': 'false', 'offset.lag.max': 100 } });
    const mirrorSpec = find(manifests(), 'KafkaMirrorMaker2', 'my-mirror-maker-2').spec.mirrors[0];
    expect(mirrorSpec.checkpointConnector.tasksMax).toBe(3);
    expect(mirrorSpec.sourceConnector.config).toMatchObject({ 'sync.topic.acls.enabled': 'false', 'offset.lag.max': 100 });
    expect(() => byAddress({ sourceConnectorConfig: { 'sync.topic.acls.enabled': 'true' } })).toThrow(/sourceConnectorConfig\['sync.topic.acls.enabled'\] cannot be changed: .*\(got "true"\); remove it, or set it to false \(the construct's value\)/);
  });

  test.each<[string, Partial<KafkaMirrorMaker2Props>, RegExp]>([
    ['a storage topic that is no topic name', { configStorageTopic: 'my config' }, /configStorageTopic is not a valid Kafka topic name/],
    ['two stores in one topic', { offsetStorageTopic: 'mm2-state', statusStorageTopic: 'mm2-state' }, /statusStorageTopic is offsetStorageTopic too: Connect keeps connector configurations, source offsets and statuses each in a compacted topic of its own .*\(got "mm2-state"\)/],
    ['Kafka\'s own topic', { offsetStorageTopic: '__consumer_offsets' }, /offsetStorageTopic is a topic Kafka makes and manages itself \(an internal topic\): another use of it would fight the broker/],
    ['two stores whose names collide (\'.\' against \'_\')', { offsetStorageTopic: 'mm2.state', statusStorageTopic: 'mm2_state' }, /statusStorageTopic collides with the offsetStorageTopic 'mm2\.state': Kafka takes '\.' and '_' as the same in topic names \(metric names\) and refuses to create the second \(Topic\.hasCollision\), so the workers would fail to start \(got "mm2_state"\)/],
    ['an empty group id', { groupId: ' ' }, /groupId must be a consumer group id on one line: Strimzi writes it into the Connect workers' properties file as group.id \(got " "\)/],
    ['a group id with a line break', { groupId: 'mm2\ngroup.id=x' }, /groupId must be a consumer group id on one line/],
    ['no checkpoint task', { checkpointTasksMax: 0 }, /checkpointTasksMax must be a whole number >= 1 \(got 0\)/],
    ['checkpoint tasks without checkpoints', { checkpoints: false, groups: undefined, checkpointTasksMax: 2 }, /checkpointTasksMax is set without checkpoints: there is no checkpoint connector \(got 2\)/],
    ['a mirrored group that is the Connect group given', { groupId: 'billing' }, /groups\[0\] is 'billing', the Connect group of this KafkaMirrorMaker2's own workers on the target/],
    ['a replication factor of 0', { replicationFactor: 0 }, /replicationFactor must be a whole number from 1 to 32767 \(a Java short\), or -1 for the broker's default.replication.factor \(got 0\); set 3, or -1 for the broker default/],
  ])('refuses %s', (_, props, message) => {
    expect(() => mirror(twoClusters(), props)).toThrow(message);
  });

  test('RF -1 is checked at synth as the cluster\'s default.replication.factor, where the cluster tells it', () => {
    const chart = Testing.chart();
    const source = KafkaCluster.fromClusterAttributes(chart, 'A', { name: 'cluster-a', listeners: [{ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }], authorization: KafkaAuthorization.none() });
    const target = KafkaCluster.fromClusterAttributes(chart, 'B', {
      name: 'cluster-b', brokers: 3, config: { 'default.replication.factor': 2, 'min.insync.replicas': 2 },
      listeners: [{ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }], authorization: KafkaAuthorization.none(),
    });
    const mm2 = new KafkaMirrorMaker2(chart, 'Mirror', {
      source: MirrorMaker2Cluster.local(source), target: MirrorMaker2Cluster.local(target), topics: [Acl.topic('*')], checkpoints: false, replicationFactor: -1,
    });
    expect(mm2.replicationFactor).toBe(-1);
    // A cluster without namespace is addressed by the short Service name, as Strimzi's examples do.
    expect(mm2.target.bootstrapServers).toBe('cluster-b-kafka-bootstrap:9092');
    expect(() => synth(chart)).toThrow(/replicationFactor is not above the min.insync.replicas \(2\) of cluster 'cluster-b' \(test\/B\), which the mirrored topics inherit: one replica down stops every acks=all write \(got "-1 \(the broker default, default.replication.factor 2\)"\); set 3/);
  });
});

describe('MirrorMaker 2\'s users: named, or brought along', () => {
  /** A throwaway cluster of one dual-role node in a pool of its own name, in the chart's (no) namespace, as Strimzi's security examples have. */
  function devNode(chart: Chart, id: string, name: string, pool: string): KafkaCluster {
    const kafka = new KafkaCluster(chart, id, { name, profile: ClusterProfile.DEVELOPMENT, defaultNodePools: false, rackAwareness: false });
    kafka.addNodePool(pool, { name: pool, roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 1 });
    return kafka;
  }
  test('userName names the user the construct makes (granted as ever)', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup, { source: MirrorMaker2Cluster.local(setup.east, { userName: 'cluster-a-user' }) });
    const manifests = synth(setup.chart);
    expect(mm2.sourceUser?.userName).toBe('cluster-a-user');
    expect(acls(manifests, 'cluster-a-user')).toEqual(['topic:orders:literal:Read+Describe+DescribeConfigs', 'group:billing:literal:Describe']);
    // Copied into west, MirrorMaker 2 reads it as '<mirror>-source-user' and logs in by the name given.
    expect(find(manifests, 'KafkaMirrorMaker2', 'mirror').spec.mirrors[0].source.authentication).toEqual({ type: 'scram-sha-512', username: 'cluster-a-user', passwordSecret: { secretName: 'mirror-source-user', password: 'password' } });
  });

  test('a user of one\'s own, with its own rules: MirrorMaker 2 logs in as it, and it is granted what MirrorMaker 2 does beside them, nothing twice', () => {
    const chart = Testing.chart();
    const a = devNode(chart, 'A', 'cluster-a', 'source');
    const b = devNode(chart, 'B', 'cluster-b', 'target');
    const own = a.addUser('ClusterAUser', { userName: 'cluster-a-user', acls: [Acl.topic('*').allow(AclOperation.READ, AclOperation.DESCRIBE_CONFIGS), Acl.cluster().allow(AclOperation.DESCRIBE)] });
    const mm2 = new KafkaMirrorMaker2(chart, 'Mirror', {
      source: MirrorMaker2Cluster.local(a, { user: own, trustedCertificatesPattern: '*.crt' }), target: MirrorMaker2Cluster.local(b), topics: [Acl.topic('*')], groups: [Acl.group('*')],
    });
    const manifests = synth(chart);
    expect(mm2.sourceUser).toBe(own);
    expect(manifests.filter((m) => m.kind === 'KafkaUser').map((m) => m.metadata.name)).toEqual(['cluster-a-user', 'mirror-target']);
    expect(acls(manifests, 'cluster-a-user')).toEqual(['topic:*:literal:Read+DescribeConfigs', 'cluster:::Describe', 'topic:*:literal:Describe', 'group:*:literal:Describe']);
    expect(find(manifests, 'KafkaMirrorMaker2', 'mirror').spec.mirrors[0].source).toEqual({
      alias: 'cluster-a', bootstrapServers: 'cluster-a-kafka-bootstrap:9093',
      tls: { trustedCertificates: [{ secretName: 'cluster-a-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'cluster-a-user', passwordSecret: { secretName: 'cluster-a-user', password: 'password' } },
    });
    expectValid(manifests);
    expect(ConsistencyPass.of(chart).warnings()).toEqual([]);
  });

  test('a user of one\'s own on a cluster without authorization keeps its rules only', () => {
    const chart = Testing.chart();
    const a = new KafkaCluster(chart, 'A', { name: 'cluster-a', namespace: 'a', authorization: KafkaAuthorization.none() });
    const b = new KafkaCluster(chart, 'B', { name: 'cluster-b', namespace: 'b' });
    const own = a.addUser('Own', { userName: 'cluster-a-user', authentication: UserAuthentication.scramSha512() });
    new KafkaMirrorMaker2(chart, 'Mirror', { source: MirrorMaker2Cluster.local(a, { user: own }), target: MirrorMaker2Cluster.local(b), topics: [Acl.topic('orders')], checkpoints: false });
    expect(find(synth(chart), 'KafkaUser', 'cluster-a-user').spec.authorization).toBeUndefined();
  });

  test('each wrong user beside the right one', () => {
    const chart = Testing.chart();
    const a = new KafkaCluster(chart, 'A', { name: 'cluster-a', namespace: 'kafka' });
    a.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
    const b = new KafkaCluster(chart, 'B', { name: 'cluster-b', namespace: 'kafka' });
    const scram = a.addUser('Scram', { userName: 'scram-user' });
    const tls = a.addUser('Tls', { userName: 'tls-user', authentication: UserAuthentication.tls() });
    const external = a.addUser('External', { userName: 'external-user', authentication: UserAuthentication.tlsExternal() });
    const ofB = b.addUser('OfB', { userName: 'b-user' });
    const local = (options: Parameters<typeof MirrorMaker2Cluster.local>[1]) => () => MirrorMaker2Cluster.local(a, options);
    expect(local({ user: scram, userName: 'x' })).toThrow(/MirrorMaker2Cluster.local\(\): userName is set with user 'scram-user': the construct makes no user when given one \(got "x"\); drop userName/);
    expect(local({ user: ofB })).toThrow(/MirrorMaker2Cluster.local\(\): user is a user of cluster 'cluster-b' \(test\/B\), not of 'cluster-a' \(test\/A\): only that cluster's user operator gives it credentials there \(got "b-user"\); pass a KafkaUser of 'cluster-a'/);
    expect(local({ user: tls })).toThrow(/user authenticates with tls, but listener 'tls' of KafkaCluster 'cluster-a' authenticates clients with scram-sha-512 \(got "tls-user"\); give the user UserAuthentication.scramSha512\(\), or name a listener that takes tls/);
    expect(local({ listener: 'mtls', user: tls })().alias).toBe('cluster-a');
    expect(local({ listener: 'mtls', user: external })).toThrow(/user is a tls-external user: its certificate is issued outside Strimzi, so there is no Secret of the user operator's for MirrorMaker 2 to read/);
    expect(local({ user: {} as KafkaUser })).toThrow(/MirrorMaker2Cluster.local\(\): options.user/);
    expect(local({ userName: 'Cluster A' })).toThrow(/MirrorMaker2Cluster.local\(\): userName must be/);
    expect(local({ listener: 'mtls', userName: 'u'.repeat(65) })).toThrow(/userName is longer than 64 characters, the most an X.509 common name holds \(listener 'mtls' authenticates with tls/);
    expect(local({ userName: 'u'.repeat(65) })().alias).toBe('cluster-a');
    const plain = new KafkaCluster(chart, 'P', { name: 'plain', namespace: 'kafka', authorization: KafkaAuthorization.none(), defaultListener: false });
    plain.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    expect(() => MirrorMaker2Cluster.local(plain, { userName: 'mm2' })).toThrow(/userName is set, but listener 'plain' of KafkaCluster 'plain' has no authentication: MirrorMaker 2 connects as User:ANONYMOUS/);
    // A userName another construct of the cluster holds as its id, at once; or as its name, at synth.
    a.addUser('taken');
    expect(() => new KafkaMirrorMaker2(chart, 'Mirror', {
      source: MirrorMaker2Cluster.local(a, { userName: 'taken' }), target: MirrorMaker2Cluster.local(b), topics: [Acl.topic('orders')], checkpoints: false,
    })).toThrow(/KafkaMirrorMaker2 'mirror' at test\/Mirror: source names the user it makes 'taken' \(userName\), but test\/A\/taken in cluster 'cluster-a' has that id already \(got "taken"\); pass that KafkaUser as user instead of userName/);
    new KafkaMirrorMaker2(chart, 'Named', {
      source: MirrorMaker2Cluster.local(a, { userName: 'scram-user' }), target: MirrorMaker2Cluster.local(b), topics: [Acl.topic('orders')], checkpoints: false,
    });
    expect(() => synth(chart)).toThrow(/KafkaUser \(kafka.strimzi.io\) 'kafka\/scram-user' is emitted twice into the app: at test\/A\/Scram\/Resource and at test\/A\/scram-user\/Resource/);
  });

  test('trustedCertificatesPattern: the listener\'s CA Secret (or its copy) by a glob, checked against the Secret\'s keys', () => {
    const setup = twoClusters();
    mirror(setup, { source: MirrorMaker2Cluster.local(setup.east, { trustedCertificatesPattern: '*.crt' }), target: MirrorMaker2Cluster.local(setup.west, { trustedCertificatesPattern: 'ca*.crt' }) });
    const spec = find(synth(setup.chart), 'KafkaMirrorMaker2', 'mirror').spec;
    // East is copied into west's namespace; west's own Secret is read where Strimzi writes it.
    expect(spec.mirrors[0].source.tls).toEqual({ trustedCertificates: [{ secretName: 'mirror-source-ca', pattern: '*.crt' }] });
    expect(spec.target.tls).toEqual({ trustedCertificates: [{ secretName: 'west-cluster-ca-cert', pattern: 'ca*.crt' }] });
    expect(() => MirrorMaker2Cluster.local(setup.east, { trustedCertificatesPattern: 'ca.*' })).toThrow(/MirrorMaker2Cluster.local\(\): trustedCertificatesPattern matches 'ca.p12', 'ca.password' of Secret 'east-cluster-ca-cert'/);
    expect(() => MirrorMaker2Cluster.local(setup.east, { trustedCertificatesPattern: '*.pem' })).toThrow(/trustedCertificatesPattern does not match 'ca.crt'/);
    const plain = new KafkaCluster(setup.chart, 'P', { name: 'plain', namespace: 'kafka', authorization: KafkaAuthorization.none(), defaultListener: false });
    plain.addListener('plain', { port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    expect(() => MirrorMaker2Cluster.local(plain, { trustedCertificatesPattern: '*.crt' })).toThrow(/trustedCertificatesPattern is set, but listener 'plain' has no TLS/);
  });
});


describe('topicsExclude and groupsExclude', () => {
  const mirrorSpec = (manifests: readonly Manifest[]) => find(manifests, 'KafkaMirrorMaker2', 'mirror').spec.mirrors[0];

  test('nothing excluded: Kafka\'s default applies, no pattern rendered', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup);
    const spec = mirrorSpec(synth(setup.chart));
    expect(spec.topicsExcludePattern).toBeUndefined();
    expect(spec.groupsExcludePattern).toBeUndefined();
    expect(mm2.topicsExcludePattern).toBeUndefined();
  });

  test('exclusions render after the entries Kafka\'s default and the internal topics, and leave the ACLs to topics and groups', () => {
    const setup = twoClusters();
    const audit = setup.east.addTopic('audit');
    const mm2 = mirror(setup, { topics: [Acl.topic('*')], topicsExclude: [audit, Acl.topicPrefix('tmp-'), '.*-test'], groups: [Acl.group('*')], groupsExclude: [Acl.groupPrefix('canary-'), 'x.+'] });
    const manifests = synth(setup.chart);
    const spec = mirrorSpec(manifests);
    expect(spec.topicsPattern).toBe('.*');
    expect(spec.topicsExcludePattern).toBe('audit|tmp-.*|.*-test|mm2.*\\.internal|.*\\.replica|__.*|.*\\.checkpoints\\.internal');
    expect(spec.groupsExcludePattern).toBe('canary-.*|x.+|console-consumer-.*|connect-.*|__.*');
    expect(mm2.topicsExcludePattern).toBe(spec.topicsExcludePattern);
    // The ACLs follow topics and groups: exclusions do not subtract.
    expect(acls(manifests, 'mirror-source')).toEqual(['topic:*:literal:Read+Describe+DescribeConfigs', 'group:*:literal:Describe']);
    expect(() => mm2.targetTopicName('tmp-1')).toThrow(/topic is not mirrored: topicsExclude\[1\] excludes it/);
    expect(() => mm2.targetTopicName('audit')).toThrow(/topicsExclude\[0\] excludes it/);
    expect(mm2.targetTopicName('orders')).toBe('east.orders');
    expectValid(manifests);
  });

  test('keepDefaultExclusions: false keeps only what MirrorMaker 2 never mirrors', () => {
    const setup = twoClusters();
    const mm2 = mirror(setup, { topics: [Acl.topic('orders.replica')], groups: ['connect-billing'], keepDefaultExclusions: false });
    const spec = mirrorSpec(synth(setup.chart));
    expect(spec.topicsExcludePattern).toBe('__.*|mm2.*\\.internal|.*\\.checkpoints\\.internal');
    expect(spec.groupsExcludePattern).toBe('__.*');
    expect(mm2.targetTopicName('orders.replica')).toBe('east.orders.replica');
  });

  test('without checkpoints no group exclusion is rendered', () => {
    const setup = twoClusters();
    mirror(setup, { checkpoints: false, groups: undefined, topicsExclude: ['x'] });
    const spec = mirrorSpec(synth(setup.chart));
    expect(spec.groupsExcludePattern).toBeUndefined();
    expect(spec.topicsExcludePattern).toMatch(/^x\|/);
  });
});
