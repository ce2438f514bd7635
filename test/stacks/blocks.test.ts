import { App, Chart, Testing } from 'cdk8s';
import { Acl, ClusterProfile, DevEnvironment, Environment, FailoverProviderKind, KafkaCluster, KafkaTopic, KafkaUser, KraftPlainEnvironment, MultiRegionEnvironment, renderEnvironment, synthEnvironments } from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { all, expectValid, find, synth } from '../support';

/**
 * The ready-made environments are building blocks: every name, size, topic and user the examples
 * use is a prop, and the checks the stacks make (port chain, cross-cluster wiring, grants) hold
 * for any values.
 */

/** Every chart of an environment synthesized, by cluster name, with the app's consistency warnings. */
function clustersOf(app: App, charts: Record<string, Chart>) {
  const clusters = Object.fromEntries(Object.entries(charts).map(([name, chart]) => [name, synth(chart)]));
  return { clusters, warnings: ConsistencyPass.of(app).warnings() };
}

describe('MultiRegionEnvironment with its own names, sizes, topics and users', () => {
  const app = Testing.app();
  const env = new MultiRegionEnvironment(app, 'estate', {
    provider: FailoverProviderKind.ENVOY_GATEWAY,
    domain: 'corp.example',
    regions: [{ name: 'eu-west', priority: 0 }, { name: 'eu-central', priority: 1 }],
    kafka: { cluster: 'streaming', name: 'payments', namespace: 'payments', brokers: 5 },
    centralCluster: 'edge',
    bridgeNamespace: 'http',
    topics: [{ name: 'payments', partitions: 24 }, { name: 'refunds', partitions: 6, config: { 'retention.ms': 86400000 } }],
    users: [{ name: 'ledger', consumes: ['payments', 'refunds'], group: 'ledger' }, { name: 'checkout', produces: ['payments'] }],
    trafficGenerators: { namespace: 'load', topic: 'refunds' },
  });
  const { clusters, warnings } = clustersOf(app, env.charts);

  test('one chart per cluster, named as given', () => {
    expect(Object.keys(clusters)).toEqual(['streaming', 'eu-west', 'eu-central', 'edge']);
  });

  test('Kafka: the name, namespace and brokers given; every topic', () => {
    expect(find(clusters.streaming, 'KafkaNodePool', 'broker').spec.replicas).toBe(5);
    expect(find(clusters.streaming, 'Kafka', 'payments').metadata.namespace).toBe('payments');
    expect(all(clusters.streaming, 'KafkaTopic').map((t) => [t.metadata.name, t.spec.partitions])).toEqual([['payments', 24], ['refunds', 6]]);
  });

  test('the bridge user is granted every topic, and its HTTP consumers the groups <topic>-*', () => {
    const acls = find(clusters.streaming, 'KafkaUser', 'bridge').spec.authorization.acls;
    const on = (type: string, name: string) => acls.filter((a: any) => a.resource.type === type && a.resource.name === name).flatMap((a: any) => a.operations).sort();
    expect(on('topic', 'payments')).toEqual(['Describe', 'DescribeConfigs', 'Read', 'Write']);
    expect(on('topic', 'refunds')).toEqual(['Describe', 'DescribeConfigs', 'Read', 'Write']);
    expect(on('group', 'payments-')).toEqual(['Describe', 'Read']);
    expect(acls.filter((a: any) => a.resource.type === 'cluster')).toEqual([]);
  });

  test('users get exactly their grants: a consumer reads in its group, a producer writes', () => {
    const ops = (user: string) => find(clusters.streaming, 'KafkaUser', user).spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.name}:${a.operations.join('+')}`).sort();
    expect(ops('ledger')).toEqual(['group:ledger:Read+Describe', 'topic:payments:Read+Describe', 'topic:refunds:Read+Describe']);
    expect(ops('checkout')).toEqual(['topic:payments:Write+Describe']);
  });

  test('bridges in the namespace given, in each region; traffic generators on the topic and namespace given', () => {
    expect(find(clusters['eu-west'], 'KafkaBridge', 'events').metadata.namespace).toBe('http');
    expect(find(clusters['eu-central'], 'KafkaBridge', 'events').metadata.namespace).toBe('http');
    expect(find(clusters.edge, 'Deployment', 'refunds-producer').metadata.namespace).toBe('load');
    expect(JSON.stringify(find(clusters.edge, 'Deployment', 'refunds-consumer-a').spec)).toContain('refunds-traffic');
  });

  test('the runbook and README checks name the clusters, namespaces and Secrets given', () => {
    const runbook = env.artefacts()['runbook.md'];
    expect(runbook).toContain('kubectl --context streaming -n payments get secret payments-external-tls');
    expect(runbook).toContain('kubectl --context eu-west -n http create secret generic kafka-ca');
    expect(runbook).toContain('kubectl --context edge -n load create secret generic bridge-ca');
    expect(runbook).not.toMatch(/--context (kafka|central|east|west) /);
    const commands = env.checks.flatMap((c) => c.commands).join('\n');
    expect(commands).toContain('kubectl --context streaming -n payments wait kafka/payments');
    expect(commands).toContain('logs deploy/refunds-producer');
  });

  test('valid, and the consistency pass has nothing to say', () => {
    for (const manifests of Object.values(clusters)) expectValid(manifests);
    expect(warnings).toEqual([]);
  });

  test('without traffic generators, the central cluster holds only the tier-1 gateway', () => {
    const quiet = new MultiRegionEnvironment(Testing.app(), 'quiet', { provider: FailoverProviderKind.ISTIO, trafficGenerators: false });
    const central = synth(quiet.charts.central);
    expect(all(central, 'Deployment')).toEqual([]);
    expect(all(central, 'Namespace').map((n) => n.metadata.name)).not.toContain('traffic');
    expect(quiet.artefacts()['runbook.md']).not.toContain('-n traffic');
  });
});

describe('wrong stack props fail at synth time with the prop', () => {
  const multi = (props: object) => () => new MultiRegionEnvironment(Testing.app(), 'mr', { provider: FailoverProviderKind.ISTIO, ...props });
  test.each<[string, () => unknown, RegExp]>([
    ['a user granted a topic the environment lacks', multi({ users: [{ name: 'app', consumes: ['payments'] }] }),
      /MultiRegionEnvironment 'mr' at mr: users\[0\].consumes\[0\] is not a topic of the environment \(got "payments"\); define it in topics, or use one of 'orders'/],
    ['a topic given twice', multi({ topics: [{ name: 'a' }, { name: 'a' }] }), /topics\[1\].name is given twice \(got "a"\)/],
    ['a user given twice', multi({ users: [{ name: 'u' }, { name: 'u' }] }), /users\[1\].name is given twice \(got "u"\)/],
    ['topics that are not a list', multi({ topics: 'orders' }), /MultiRegionEnvironment 'mr' at mr: topics must be an array of TopicDefinition objects \(got "orders"\)/],
    ['traffic on a topic the environment lacks', multi({ trafficGenerators: { topic: 'nope' } }), /trafficGenerators.topic is not a topic of the environment \(got "nope"\)/],
    ['a region named like the Kafka cluster', multi({ kafka: { cluster: 'east' } }), /regions\[0\].name is taken: each region is a cluster of the environment, beside its own 'east' and 'central' clusters/],
    ['Kafka and central in one cluster', multi({ centralCluster: 'kafka' }), /centralCluster is also kafka.cluster/],
    ['a bridge namespace that is no namespace name', multi({ bridgeNamespace: 'Bridge_NS' }), /bridgeNamespace must be/],
    ['a KRaft environment with a bad namespace', () => new KraftPlainEnvironment(Testing.app(), 'k', { kafka: { namespace: 'Bad_NS' } }), /KraftPlainEnvironment 'k' at k: kafka.namespace must be/],
    ['a dev user granted a topic the environment lacks', () => new DevEnvironment(Testing.app(), 'dev', { users: [{ name: 'app', produces: ['x'] }] }), /DevEnvironment 'dev' at dev: users\[0\].produces\[0\] is not a topic of the environment \(got "x"\)/],
  ])('%s', (_case, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('DevEnvironment and KraftPlainEnvironment sized and named by props', () => {
  test('DevEnvironment: five brokers, three controllers, its own topics and users, a client script per user', () => {
    const app = Testing.app();
    const dev = new DevEnvironment(app, 'dev', {
      brokers: 5,
      controllers: 3,
      topics: [{ name: 'clicks', partitions: 6 }],
      users: [{ name: 'writer', produces: ['clicks'] }, { name: 'reader', consumes: ['clicks'], group: Acl.groupPrefix('reader-') }, { name: 'analyst', consumes: ['clicks'] }],
    });
    const manifests = synth(dev.chart);
    expect(find(manifests, 'KafkaNodePool', 'broker').spec.replicas).toBe(5);
    expect(find(manifests, 'KafkaNodePool', 'controller').spec.replicas).toBe(3);
    expect(Object.keys(dev.artefacts()).filter((f) => f.startsWith('clients/')).sort()).toEqual(['clients/analyst.sh', 'clients/reader.sh', 'clients/writer.sh']);
    // The README's check produces as the first producer and consumes as the first consumer with a named group.
    const check = dev.checks.find((c) => c.title.startsWith('Produce and consume'))!.commands.join('\n');
    expect(check).toContain('--command-config ${KAFKA_CLIENT_DIR:-$HOME/.config/cdk8s-kafka/dev}/writer.properties --topic clicks');
    expect(check).toContain('analyst.properties --topic clicks --group analyst');
    expect(dev.hostnames.hosts(dev.kafka.brokerNodeIds)).toHaveLength(6);
    expectValid(manifests);
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });

  test('KraftPlainEnvironment: the KRaft cluster props pass through; the README names its pools and pods', () => {
    const env = new KraftPlainEnvironment(Testing.app(), 'kraft', { kafka: { name: 'ledger', namespace: 'ledger', brokers: { replicas: 5 } } });
    const manifests = synth(Object.values(env.charts)[0]);
    expect(find(manifests, 'StatefulSet', 'ledger-broker').spec.replicas).toBe(5);
    const commands = env.checks.flatMap((c) => c.commands).join('\n');
    expect(commands).toContain('kubectl -n ledger rollout status statefulset/ledger-controller statefulset/ledger-broker');
    expect(commands).toContain('kubectl -n ledger exec -it ledger-broker-0');
    expectValid(manifests);
  });
});

describe('an environment on a namespace someone else owns (existingNamespaces)', () => {
  function team(existingNamespaces?: string[]) {
    const app = Testing.app();
    const env = new Environment(app, 'team');
    const chart = env.addCluster('streaming', { existingNamespaces });
    const kafka = KafkaCluster.fromClusterAttributes(chart, 'Platform', { name: 'events', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093 }] });
    new KafkaTopic(chart, 'Orders', { cluster: kafka, topicName: 'orders' });
    return env;
  }

  test('without it, an object in a namespace the environment does not create fails, naming the way out', () => {
    expect(() => renderEnvironment(team())).toThrow(/KafkaTopic kafka\/orders in cluster 'streaming' is in namespace kafka, which the cluster does not create.*or to existingNamespaces when someone else makes it/);
  });

  test('with it, nothing creates or prunes the namespace, and the README lists it as a prerequisite', () => {
    const files = renderEnvironment(team(['kafka']));
    expect(Object.keys(files).filter((f) => /namespace/.test(f))).toEqual([]);
    expect(files['README.md']).toContain('- the namespaces `kafka`, made by their owners (this environment neither creates nor prunes them)');
  });

  test('a namespace both created and found is refused', () => {
    expect(() => new Environment(Testing.app(), 'e').addCluster('c', { namespaces: ['kafka'], existingNamespaces: ['kafka'] })).toThrow(/clusters\['c'\].existingNamespaces\[0\] is also in namespaces: the environment either creates a namespace or finds it \(got "kafka"\)/);
  });
});

test('a construct id taken in its scope fails naming the kind, the id and what holds it (not constructs\' own message)', () => {
  const chart = new Chart(Testing.app(), 'c');
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  new KafkaTopic(chart, 'Orders', { cluster: kafka, topicName: 'orders' });
  expect(() => new KafkaUser(chart, 'Orders', { cluster: kafka, userName: 'orders' })).toThrow(/^KafkaUser in c: id "Orders" is already the id of KafkaTopic at c\/Orders \(got "Orders"\); give each construct of a scope its own id, e.g. 'OrdersKafkaUser'$/);
});

describe('found by the fresh-user trial', () => {
  const multi = (props: object) => () => new MultiRegionEnvironment(Testing.app(), 'mr', { provider: FailoverProviderKind.ENVOY_GATEWAY, ...props });

  test("topics and users named like JavaScript's own properties are names like any other", () => {
    const env = multi({ topics: [{ name: 'constructor' }, { name: 'toString' }], users: [{ name: 'valueof', consumes: ['toString'], group: 'g' }], trafficGenerators: { topic: 'constructor' } })();
    expect(Object.keys(env.topics)).toEqual(['constructor', 'toString']);
    expect(() => multi({ users: [{ name: 'a', consumes: ['hasOwnProperty'] }] })()).toThrow(/users\[0\].consumes\[0\] is not a topic of the environment \(got "hasOwnProperty"\)/);
    expect(() => multi({ trafficGenerators: { topic: '__proto__' } })()).toThrow(/trafficGenerators.topic is not a topic of the environment \(got "__proto__"\)/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a user named like the bridges\' user', multi({ users: [{ name: 'bridge' }] }), /users\[0\].name is the name of the bridges' user, which the environment makes \(got "bridge"\); give the user another name/],
    ['a user name with capitals (not silently lower-cased)', multi({ users: [{ name: 'App' }] }), /userName must be/],
    ['an empty topic name', multi({ topics: [{ name: '' }] }), /topics\[0\].name must be a non-empty name \(got ""\)/],
    ['no topics, with traffic generators', multi({ topics: [] }), /topics are empty, so the traffic generators have no topic.*or set trafficGenerators: false/],
    ['a Kafka name that is no name', multi({ kafka: { name: 'Payments' } }), /MultiRegionEnvironment 'mr' at mr: kafka.name must be/],
    ['0 brokers', multi({ kafka: { brokers: 0 } }), /kafka.brokers must be a whole number of at least 1 \(got 0\)/],
    ["an installer's namespace for the bridges", multi({ bridgeNamespace: 'cert-manager' }), /bridgeNamespace is made by the installer of cert-manager .*, which the environment must not create and own \(got "cert-manager"\); use a namespace of your own/],
    ["the tier-1 gateway's namespace for the traffic", multi({ trafficGenerators: { namespace: 'tier1' } }), /trafficGenerators.namespace is the namespace of the tier-1 gateway's objects \(tier1\) in cluster 'central'/],
    ['a namespace listed twice', () => new Environment(Testing.app(), 'e').addCluster('c', { namespaces: ['kafka', 'kafka'] }), /clusters\['c'\].namespaces\[1\] is also namespaces\[0\] \(got "kafka"\)/],
  ])('%s fails naming the prop', (_case, make, message) => {
    expect(make).toThrow(message);
  });

  test('a throwaway estate: the Kafka cluster takes a profile and config, so the fixes it proposes can be followed', () => {
    const kafkaOf = (props: object) => () => synth((multi(props)() as MultiRegionEnvironment).kafkaChart);
    expect(kafkaOf({ kafka: { brokers: 1 } })).toThrow(/ClusterProfile.DEVELOPMENT/);
    expect(kafkaOf({ kafka: { brokers: 1, controllers: 1, profile: ClusterProfile.DEVELOPMENT } })).not.toThrow();
    expect(kafkaOf({ kafka: { config: { 'default.replication.factor': 5 } } })).toThrow(/default.replication.factor'\] exceeds the 3 brokers/);
  });

  test("the README's produce-and-consume check produces to the traffic generators' topic, whose consumer logs it tails", () => {
    const env = multi({ topics: [{ name: 'payments' }, { name: 'refunds' }], trafficGenerators: { topic: 'refunds' } })();
    const check = env.checks.find((c) => c.title.startsWith('Produce and consume'))!.commands.join('\n');
    expect(check).toContain('/topics/refunds');
    expect(check).toContain('logs deploy/refunds-consumer-a');
  });

  test("the dev README quotes topic and group names in its shell commands", () => {
    const dev = new DevEnvironment(Testing.app(), 'dev', { users: [{ name: 'app', consumes: ['orders'], produces: ['orders'], group: 'a b;rm -rf ~' }] });
    const check = dev.checks.find((c) => c.title.startsWith('Produce and consume'))!.commands.join('\n');
    expect(check).toContain("--group 'a b;rm -rf ~' --from-beginning");
  });

  test('a grant across two Kubernetes clusters of one environment fails, though both Kafka clusters are kafka/events', () => {
    const env = new Environment(Testing.app(), 'e');
    const eu = env.addCluster('eu', { namespaces: ['kafka'] });
    const us = env.addCluster('us', { namespaces: ['kafka'] });
    const orders = new KafkaCluster(eu, 'Kafka', { name: 'events', namespace: 'kafka' }).addTopic('orders');
    const usKafka = new KafkaCluster(us, 'Kafka', { name: 'events', namespace: 'kafka' });
    expect(() => orders.grantRead(usKafka.addUser('app'), { group: 'app' })).toThrow(/user belongs to cluster 'events' .*us\/Kafka.*, not to cluster 'events' .*eu\/Kafka/);
    expect(() => orders.grantRead(new KafkaCluster(eu, 'Kafka2', { name: 'audit', namespace: 'kafka' }).addUser('a'), { group: 'a' })).toThrow(/belongs to cluster 'audit'/);
    const euUser = (orders.cluster as KafkaCluster).addUser('eu-app');
    expect(() => orders.grantRead(euUser, { group: 'eu-app' })).not.toThrow();
  });
});

test("a user name of 253 characters writes its dev client script (file names stay within NAME_MAX), and the README's check names that file", () => {
  const name = 'u'.repeat(253);
  const dev = new DevEnvironment(Testing.app(), 'dev', { users: [{ name, consumes: ['orders'], produces: ['orders'], group: 'g' }] });
  const scripts = Object.keys(dev.artefacts()).filter((f) => f.startsWith('clients/'));
  expect(scripts).toHaveLength(1);
  expect(Buffer.byteLength(scripts[0].slice('clients/'.length))).toBeLessThanOrEqual(255);
  expect(dev.checks.flatMap((c) => c.commands).join('\n')).toContain(scripts[0]);
  const dir = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'long-names-'));
  expect(() => synthEnvironments([dev], dir)).not.toThrow();
});
