import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Acl, AclOperation, BridgeTrafficGenerators, BridgeTrafficGeneratorsProps, KafkaClientRole, KafkaClientWorkload, KafkaClientWorkloadProps, KafkaCluster,
  KraftCluster, KraftClusterProps, ListenerAuthentication, PrivateCa, UserAuthentication,
} from '../../src';
import { workloadNetworkPolicy } from '../../src/core/network';
import { all, expectValid, find, Manifest, synth } from '../support';

const DNS = {
  ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
};

function client(props: Partial<KafkaClientWorkloadProps> = {}) {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
  const topic = kafka.addTopic('orders');
  const user = kafka.addUser('producer', { authentication: UserAuthentication.tls(), acls: [Acl.topic('orders').allow(AclOperation.WRITE)] });
  const workload = () => new KafkaClientWorkload(chart, 'Producer', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER, ...props });
  return { chart, workload };
}

function traffic(props: Partial<BridgeTrafficGeneratorsProps> = {}) {
  const chart = Testing.chart();
  const generators = () => new BridgeTrafficGenerators(chart, 'Traffic', { endpoint: 'https://bridge.example.com', topic: 'orders', namespace: 'traffic', ...props });
  return { chart, generators };
}

function kraft(props: Partial<KraftClusterProps> = {}) {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
  const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
  const cluster = () => new KraftCluster(chart, 'Kafka', { name: 'events', issuer: ca.issuer, ...props });
  return { chart, cluster };
}

const podOf = (manifests: Manifest[], kind: string, name: string) => find(manifests, kind, name).spec.template.spec;

describe('numeric users from the table of image facts', () => {
  test('a client workload runs as appuser 1000:1000 of apache/kafka, at pod level, without fsGroup (its volumes are an emptyDir and Secrets)', () => {
    const { chart, workload } = client();
    workload();
    const pod = podOf(synth(chart), 'Deployment', 'orders-producer');
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
  });

  test('traffic generators run as curl_user 100:101 of curlimages/curl', () => {
    const { chart, generators } = traffic();
    generators();
    for (const d of all(synth(chart), 'Deployment')) {
      expect(d.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 100, runAsGroup: 101 });
    }
  });

  test('KRaft pods run as 1000:1000 and the group owns their data volumes', () => {
    const { chart, cluster } = kraft();
    cluster();
    for (const s of all(synth(chart), 'StatefulSet')) {
      expect(s.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    }
  });

  test('every supported Kafka version of a KRaft cluster is in the table', () => {
    for (const version of ['4.2.0', '4.2.1', '4.3.0', '4.3.1']) {
      const { chart, cluster } = kraft({ version });
      expect(cluster().imageUser).toEqual({ uid: 1000, gid: 1000 });
      expect(podOf(synth(chart), 'StatefulSet', 'events-broker').containers[0].image).toBe(`apache/kafka:${version}`);
    }
  });

  test('an image the table does not know needs imageUser, and says how to find it', () => {
    expect(() => client({ image: 'registry.example.com/kafka:4.3.1' }).workload()).toThrow(
      "KafkaClientWorkload 'Producer' at test/Producer: imageUser is needed with image 'registry.example.com/kafka:4.3.1', whose numeric user the library does not know (it knows apache/kafka:4.2.0, apache/kafka:4.2.1, apache/kafka:4.3.0, apache/kafka:4.3.1, curlimages/curl:8.11.1): the pods set runAsNonRoot, and the kubelet refuses an image whose USER is a name it cannot verify, so they must name the user by number (got undefined); pass imageUser: { uid, gid } with the image's numeric user and group (`docker run --rm --entrypoint id registry.example.com/kafka:4.3.1` prints them)",
    );
    expect(() => traffic({ image: 'alpine/curl:8.11.1' }).generators()).toThrow(/BridgeTrafficGenerators 'Traffic' at test\/Traffic: imageUser is needed with image 'alpine\/curl:8.11.1'/);
    expect(() => kraft({ image: 'bitnami/kafka:4.0' }).cluster()).toThrow(/KraftCluster 'events' at test\/Kafka: imageUser is needed with image 'bitnami\/kafka:4.0'/);
  });

  test('with imageUser, any image runs as it; a KRaft cluster gives its volumes to that group', () => {
    const c = client({ image: 'registry.example.com/kafka:4.3.1', imageUser: { uid: 1001, gid: 0 } });
    c.workload();
    expect(podOf(synth(c.chart), 'Deployment', 'orders-producer').securityContext).toMatchObject({ runAsUser: 1001, runAsGroup: 0 });
    const k = kraft({ image: 'registry.example.com/kafka:4.3.1', imageUser: { uid: 5000, gid: 5001 } });
    k.cluster();
    expect(podOf(synth(k.chart), 'StatefulSet', 'events-broker').securityContext).toMatchObject({ runAsUser: 5000, runAsGroup: 5001, fsGroup: 5001 });
    const t = traffic({ imageUser: { uid: 2000, gid: 2000 } });
    t.generators();
    expect(podOf(synth(t.chart), 'Deployment', 'orders-producer').securityContext).toMatchObject({ runAsUser: 2000, runAsGroup: 2000 });
  });

  test('imageUser must be a non-root numeric user and a numeric group', () => {
    expect(() => client({ imageUser: { uid: 0, gid: 0 } }).workload()).toThrow(
      "KafkaClientWorkload 'Producer' at test/Producer: imageUser.uid must be a whole number from 1 to 2147483647: the pods run as non-root (got 0); use the numeric user of image 'apache/kafka:4.3.1' (`docker run --rm --entrypoint id apache/kafka:4.3.1` prints it)",
    );
    expect(() => client({ imageUser: { uid: 1.5, gid: 0 } }).workload()).toThrow(/imageUser.uid must be a whole number/);
    expect(() => client({ imageUser: { uid: 1000, gid: -1 } }).workload()).toThrow(/imageUser.gid must be a whole number from 0 to 2147483647 \(got -1\)/);
    expect(() => kraft({ imageUser: { uid: 2 ** 31, gid: 0 } }).cluster()).toThrow(/KraftCluster 'events' at test\/Kafka: imageUser.uid must be a whole number from 1 to 2147483647/);
  });

  test('docker.io/apache/kafka is apache/kafka', () => {
    const { chart, workload } = client({ image: 'docker.io/apache/kafka:4.2.0' });
    workload();
    expect(podOf(synth(chart), 'Deployment', 'orders-producer').securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1000 });
  });
});

describe('NetworkPolicies of the pods the library defines', () => {
  test('a client workload: nothing in; out, DNS and the broker pods of its cluster on the listener port', () => {
    const { chart, workload } = client();
    const w = workload();
    const manifests = synth(chart);
    const policy = find(manifests, 'NetworkPolicy', 'orders-producer');
    expect(policy.metadata.namespace).toBe('kafka');
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'orders-producer', 'app.kubernetes.io/component': 'kafka-client' } },
      policyTypes: ['Ingress', 'Egress'],
      egress: [
        DNS,
        { ports: [{ port: 9094, protocol: 'TCP' }], to: [{ podSelector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/kind': 'Kafka', 'strimzi.io/broker-role': 'true' } } }] },
      ],
    });
    // The Deployment's pods are the ones it selects.
    expect(find(manifests, 'Deployment', 'orders-producer').spec.template.metadata.labels).toEqual(policy.spec.podSelector.matchLabels);
    expect(w.networkPolicy.name).toBe('orders-producer');
    expectValid(manifests);
  });

  test("a SCRAM client dials the SCRAM listener's port", () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    const topic = kafka.addTopic('orders');
    const user = kafka.addUser('app', { acls: [Acl.topic('orders').allow(AclOperation.WRITE)] });
    new KafkaClientWorkload(chart, 'P', { cluster: kafka, user, topic, role: KafkaClientRole.PRODUCER });
    expect(find(synth(chart), 'NetworkPolicy', 'orders-producer').spec.egress[1].ports).toEqual([{ port: 9093, protocol: 'TCP' }]);
  });

  test.each([
    ['https://bridge.example.com', 443],
    ['http://bridge.example.com', 80],
    ['https://bridge.example.com:8443', 8443],
  ])('traffic generators of %s: nothing in; out, DNS and TCP %d anywhere, one policy per Deployment', (endpoint, port) => {
    const { chart, generators } = traffic({ endpoint });
    const g = generators();
    const manifests = synth(chart);
    const names = ['orders-producer', 'orders-consumer-a', 'orders-consumer-b'];
    expect(all(manifests, 'NetworkPolicy').map((p) => p.metadata.name)).toEqual(names);
    expect(g.networkPolicies.map((p) => p.name)).toEqual(names);
    for (const name of names) {
      const policy = find(manifests, 'NetworkPolicy', name);
      expect(policy.metadata.namespace).toBe('traffic');
      expect(policy.spec).toEqual({
        podSelector: { matchLabels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'traffic-generator' } },
        policyTypes: ['Ingress', 'Egress'],
        egress: [DNS, { ports: [{ port, protocol: 'TCP' }] }],
      });
      expect(find(manifests, 'Deployment', name).spec.template.metadata.labels).toEqual(policy.spec.podSelector.matchLabels);
    }
    expectValid(manifests);
  });

  test('KRaft: the nodes reach each other and DNS, and nothing else; ingress as before', () => {
    const { chart, cluster } = kraft();
    cluster();
    const policy = find(synth(chart), 'NetworkPolicy', 'events');
    const nodes = { 'app.kubernetes.io/name': 'kafka', 'app.kubernetes.io/instance': 'events' };
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.egress).toEqual([DNS, { to: [{ podSelector: { matchLabels: nodes } }] }]);
    expect(policy.spec.ingress[0]).toEqual({ from: [{ podSelector: { matchLabels: nodes } }] });
  });

  test('an egress rule to nobody or on no port is left out, never written as "everything"', () => {
    const chart = Testing.chart();
    workloadNetworkPolicy(chart as Construct, 'P', {
      name: 'p', namespace: 'ns', podLabels: { app: 'p' },
      egress: [{ to: [], ports: [{ port: { value: 1 } as any, protocol: 'TCP' }] }, { ports: [] }],
    });
    expect(find(synth(chart), 'NetworkPolicy', 'p').spec.egress).toEqual([DNS]);
  });
});
