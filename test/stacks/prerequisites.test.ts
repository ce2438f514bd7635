import { App } from 'cdk8s';
import {
  Environment, KafkaAuthorization, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaTopic, KafkaUser, ListenerAuthentication, renderEnvironment, UserAuthentication,
} from '../../src';
import { COMPONENT_VERSIONS } from '../../src/core/versions';
import { installerOf, prerequisitesOf } from '../../src/stacks/prerequisites';

const names = (objects: Array<{ apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown }>) => prerequisitesOf(objects).map((p) => p.name.split(' ')[0]);

describe("a cluster folder's prerequisites, as its README lists them", () => {
  test('any Istio API group needs Istio, not only networking.istio.io', () => {
    expect(names([{ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'default', namespace: 'istio-system' } }])).toEqual(['Istio']);
    expect(names([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'kafka' } }])).toEqual([]);
  });

  test('a pod asking for an Istio sidecar needs Istio, unless Tetrate Service Bridge (which brings its own) runs the cluster', () => {
    const bridge = { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaBridge', metadata: { name: 'b', namespace: 'bridge' }, spec: { template: { pod: { metadata: { labels: { 'sidecar.istio.io/inject': 'true' } } } } } };
    expect(names([bridge])).toEqual(['Istio', 'Strimzi']);
    expect(names([bridge, { apiVersion: 'tsb.tetrate.io/v2', kind: 'Tenant', metadata: { name: 't', namespace: 'tsb-conf' } }])).toEqual(['Tetrate', 'Strimzi']);
  });

  test('installers own their namespaces', () => {
    expect(installerOf('cert-manager')).toMatch(/^cert-manager /);
    expect(installerOf('istio-ingress')).toMatch(/^Istio /);
    expect(installerOf('kafka')).toBeUndefined();
  });
});

describe("an app team's cluster of a Kafka cluster owned elsewhere: Strimzi is the owner's", () => {
  const HELM_STRIMZI = 'helm install strimzi';
  const OWNER = `Strimzi ${COMPONENT_VERSIONS.strimzi}, run by the owner of the Kafka cluster`;

  /** The ledger team's environment of the README (topics, a user, a consumer), on the platform's Kafka or on one of its own. */
  function ledgerTeam(own: boolean): Record<string, string> {
    const team = new Environment(new App(), 'ledger-team');
    const streaming = team.addCluster('streaming', own ? { namespaces: ['payments'] } : { existingNamespaces: ['payments'] });
    const payments = own
      ? new KafkaCluster(streaming, 'Payments', { name: 'payments', namespace: 'payments', authorization: KafkaAuthorization.simple() })
      : KafkaCluster.fromClusterAttributes(streaming, 'Payments', {
        name: 'payments', namespace: 'payments', brokers: 5, authorization: KafkaAuthorization.simple(),
        listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() }],
        config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
      });
    const entries = new KafkaTopic(streaming, 'Entries', { cluster: payments, topicName: 'ledger-entries', partitions: 12 });
    const ledger = new KafkaUser(streaming, 'Ledger', { cluster: payments, userName: 'ledger', authentication: UserAuthentication.scramSha512() });
    entries.grantRead(ledger, { group: 'ledger' });
    new KafkaClientWorkload(streaming, 'Consumer', { cluster: payments, user: ledger, topic: entries, role: KafkaClientRole.CONSUMER, group: 'ledger' });
    return renderEnvironment(team);
  }

  test('topics and users of a cluster declared by attributes: no install command, the CRDs checked, no second Strimzi', () => {
    const readme = ledgerTeam(false)['README.md'];
    expect(readme).not.toContain(HELM_STRIMZI);
    expect(readme).toContain(`- ${OWNER} this folder's Strimzi resources belong to: its CRDs must be installed`);
    expect(readme).toContain('install no second Strimzi');
    expect(readme).toContain('kubectl get crd kafkas.kafka.strimzi.io kafkatopics.kafka.strimzi.io kafkausers.kafka.strimzi.io');
  });

  test('the right counterpart: the same team with a Kafka cluster of its own installs Strimzi', () => {
    const readme = ledgerTeam(true)['README.md'];
    expect(readme).toContain(HELM_STRIMZI);
    expect(readme).not.toContain(OWNER);
  });

  const topic = (cluster: string) => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'orders', namespace: 'kafka', labels: { 'strimzi.io/cluster': cluster } } });
  const kafka = { apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'events', namespace: 'kafka' } };
  const owner = (objects: Parameters<typeof prerequisitesOf>[0]) => prerequisitesOf(objects).filter((p) => p.name.startsWith('Strimzi')).map((p) => (p.name.startsWith(OWNER) ? 'owner' : 'install'));

  test.each<[string, Parameters<typeof prerequisitesOf>[0], string[]]>([
    ['a topic of a Kafka the folder does not hold', [topic('events')], ['owner']],
    ['a topic of the folder\'s own Kafka', [kafka, topic('events')], ['install']],
    ['a Kafka of its own and a topic of another (the folder runs Strimzi either way)', [kafka, topic('payments')], ['install']],
    ['a regional KafkaBridge alone (an operand: its own cluster operator)', [{ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaBridge', metadata: { name: 'events', namespace: 'bridge' } }], ['install']],
    ['a connector of the folder\'s own KafkaConnect', [{ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaConnect', metadata: { name: 'connect', namespace: 'kafka' } }, { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaConnector', metadata: { name: 'sink', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'connect' } } }], ['install']],
    ['a connector of a KafkaConnect owned elsewhere', [{ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaConnector', metadata: { name: 'sink', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'connect' } } }], ['owner']],
  ])('%s', (_, objects, expected) => {
    expect(owner(objects)).toEqual(expected);
  });

  test('the owner\'s Strimzi still brings the CRDs the API-server stage installs, and no namespace', () => {
    const [p] = prerequisitesOf([topic('events')]);
    expect(p.crdGroups).toEqual(['kafka.strimzi.io', 'core.strimzi.io']);
    expect(p.namespaces).toEqual([]);
    expect(p.install.join('\n')).not.toMatch(/helm|kubectl (apply|create)/);
  });
});
