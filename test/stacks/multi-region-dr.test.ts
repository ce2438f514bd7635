import { Testing } from 'cdk8s';
import { DisasterRecoveryPattern, FailoverProviderKind, MultiRegionDrEnvironment } from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { all, expectValid, find, Manifest, synth } from '../support';

/** A user's ACLs as `type:pattern:name:operations`, in order. */
function acls(manifests: Manifest[], user: string): string[] {
  return find(manifests, 'KafkaUser', user).spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.patternType ?? ''}:${a.resource.name ?? ''}:${a.operations.join('+')}`);
}

describe.each([DisasterRecoveryPattern.ACTIVE_PASSIVE, DisasterRecoveryPattern.ACTIVE_ACTIVE])('MultiRegionDrEnvironment (%s)', (pattern) => {
  const app = Testing.app();
  const env = new MultiRegionDrEnvironment(app, 'dr', { pattern });
  const clusters = Object.fromEntries(Object.entries(env.charts).map(([name, chart]) => [name, synth(chart)]));
  const runbook = env.artefacts()['runbook.md'];

  test('one chart per cluster: a Kafka cluster, a bridge and (receiving) a mirror per region; the tier-1 gateway in central', () => {
    expect(Object.keys(clusters)).toEqual(['east', 'west', 'central']);
    for (const region of ['east', 'west']) {
      expect(all(clusters[region], 'Kafka').map((k) => k.metadata.name)).toEqual(['events']);
      expect(all(clusters[region], 'KafkaBridge').map((k) => k.metadata.name)).toEqual(['events']);
    }
    const mirrors = (region: string) => all(clusters[region], 'KafkaMirrorMaker2').map((m) => m.metadata.name);
    expect(mirrors('west')).toEqual(['east-to-west']);
    expect(mirrors('east')).toEqual(pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? [] : ['west-to-east']);
  });

  test("each MirrorMaker 2 user has exactly what MirrorMaker 2 needs on its side: read the source's topics and describe its groups; write, create and sync on the target", () => {
    expect(acls(clusters.east, 'east-to-west-source')).toEqual(['topic:literal:orders:Read+Describe+DescribeConfigs', 'group:prefix:orders-:Describe']);
    const target = acls(clusters.west, 'east-to-west-target');
    const mirrored = pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? 'orders' : 'east.orders';
    const synced = pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE;
    expect(target).toContain(`topic:literal:${mirrored}:${synced ? 'Read+' : ''}Write+Create+Alter+Describe+AlterConfigs`);
    expect(target).toContain('topic:literal:east.checkpoints.internal:Read+Write+Create+Describe');
    expect(target).toContain('group:literal:east-to-west-group:Read+Describe');
    expect(target.some((a) => a.startsWith('group:prefix:orders-'))).toBe(synced);
    expect(target.filter((a) => a.startsWith('cluster:'))).toEqual([]);
  });

  test('the topics consumers use exist on the other side under the policy: the standby bridge serves what the preferred one does', () => {
    const served = (region: string) => acls(clusters[region], 'bridge').filter((a) => a.startsWith('topic:') && a.includes('Read')).map((a) => a.split(':')[2]);
    expect(served('east')).toEqual(pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? ['orders'] : ['orders', 'west.orders']);
    expect(served('west')).toEqual(pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? ['orders'] : ['east.orders', 'orders']);
    const mirror = env.mirrors.west;
    expect(mirror.targetTopicName('orders')).toBe(pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE ? 'orders' : 'east.orders');
    expect(find(clusters.west, 'KafkaMirrorMaker2', 'east-to-west').spec.mirrors[0].sourceCluster ?? find(clusters.west, 'KafkaMirrorMaker2', 'east-to-west').spec.mirrors[0].source.alias).toBe('east');
  });

  test('the runbook names every resource it touches, and each exists', () => {
    const names = (region: string, kind: string) => all(clusters[region], kind).map((o) => o.metadata.name);
    const touched = [...runbook.matchAll(/--context (\w+) -n kafka (?:get|annotate|scale|delete) (kafkamirrormaker2|secret|kafkabridge|kafkatopic) ([\w.-]+)/g)];
    expect(touched.length).toBeGreaterThan(3);
    for (const m of touched) {
      const [, region, kind, name] = m;
      const made = kind === 'secret'
        ? [...names(region, 'KafkaUser'), ...names(region, 'Certificate').map((c) => find(clusters[region], 'Certificate', c).spec.secretName)]
        : names(region, { kafkamirrormaker2: 'KafkaMirrorMaker2', kafkabridge: 'KafkaBridge', kafkatopic: 'KafkaTopic' }[kind]!);
      expect({ region, kind, name, exists: made.includes(name) }).toEqual({ region, kind, name, exists: true });
    }
    // The copies it makes are the Secrets the mirrors read.
    for (const mirror of Object.values(env.mirrors)) {
      const spec = find(clusters[mirror === env.mirrors.west ? 'west' : 'east'], 'KafkaMirrorMaker2', mirror.mirrorName).spec.mirrors[0].source;
      expect(runbook).toContain(`create secret generic ${spec.tls.trustedCertificates[0].secretName} `);
      expect(runbook).toContain(`create secret generic ${spec.authentication.passwordSecret.secretName} `);
    }
    expect(runbook).toContain('## east is lost');
    expect(runbook).toContain('## east comes back');
    if (pattern === DisasterRecoveryPattern.ACTIVE_PASSIVE) {
      // Failback: the traffic stays in west until east holds a fresh copy of west's topics.
      const order = ['scale kafkabridge events --replicas 0', 'swap the regions\' priorities', 'delete kafkatopic orders', '--time -2', 'scale kafkabridge events --replicas 1'].map((step) => runbook.indexOf(step));
      expect(order.every((at) => at > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  test('valid, and the consistency pass (trust chains, copies, SANs) has nothing to say', () => {
    for (const manifests of Object.values(clusters)) expectValid(manifests);
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });
});

describe('MultiRegionDrEnvironment props', () => {
  test.each<[string, object, RegExp]>([
    ['one region', { regions: [{ name: 'east', priority: 0 }] }, /regions must be two regions/],
    ['one priority', { regions: [{ name: 'east', priority: 0 }, { name: 'west', priority: 0 }] }, /regions have one priority/],
    ['a region named like the central cluster', { regions: [{ name: 'central', priority: 0 }, { name: 'west', priority: 1 }] }, /regions must have two names of their own, apart from centralCluster 'central'/],
    ['no topics', { topics: [] }, /topics are empty: there is nothing to mirror or serve/],
    ["an installer's namespace", { namespace: 'cert-manager' }, /namespace is made by the installer of cert-manager/],
    ['a topic MirrorMaker 2 renames under every policy', { topics: [{ name: 'heartbeats' }] }, /topics\[0\].name ends in 'heartbeats', which MirrorMaker 2 renames on the other side under every policy/],
    ['region names too long for the mirror between them', { regions: [{ name: 'e'.repeat(22), priority: 0 }, { name: 'w'.repeat(22), priority: 1 }] }, /regions have names of 22 and 22 characters, and the mirror between them is named <from>-to-<to>, 48 characters/],
    ['a priority other than 0 or 1', { regions: [{ name: 'east', priority: 0 }, { name: 'west', priority: 5 }] }, /regions\[1\].priority must be 0 \(the preferred region\) or 1 \(the standby\) \(got 5\)/],
  ])('%s fails naming the prop', (_case, props, message) => {
    expect(() => new MultiRegionDrEnvironment(Testing.app(), 'dr', props)).toThrow(message);
  });

  test.each([FailoverProviderKind.ISTIO, FailoverProviderKind.TETRATE])('%s in front of the bridges', (provider) => {
    const app = Testing.app();
    const env = new MultiRegionDrEnvironment(app, 'dr', { provider, topics: [{ name: 'payments' }, { name: 'refunds' }] });
    for (const chart of Object.values(env.charts)) synth(chart);
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
    expect(env.artefacts()['runbook.md']).toContain('--topic refunds');
  });
});
