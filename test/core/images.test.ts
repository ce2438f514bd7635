import { readdirSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import {
  apacheKafkaImage, CURL_IMAGE, DEFAULT_KAFKA_VERSION, DEFAULT_TRAFFIC_IMAGE, Environment, IMAGE_FACTS, imageFacts,
  KAFKA_CLIENT_IMAGE, PodSecurityLevel, podSecurityProblems, SUPPORTED_KAFKA_VERSIONS,
} from '../../src';
import { exampleEnvironments as buildExamples } from '../../src/examples';
import { POD_SPEC_PATHS } from '../../src/policy/pod-security';
import { Manifest, synth } from '../support';

function exampleEnvironments(): Environment[] {
  return buildExamples(Testing.app());
}

/** The labels of the pods `object` makes. */
function podLabels(object: Manifest): Record<string, string> {
  const path = POD_SPEC_PATHS[object.kind];
  const metadata = path.slice(0, -1).reduce((o, key) => o?.[key], object as any)?.metadata;
  return object.kind === 'Pod' ? object.metadata.labels ?? {} : metadata?.labels ?? {};
}

function podSpec(object: Manifest): any {
  return POD_SPEC_PATHS[object.kind].reduce((o, key) => o?.[key], object as any);
}

interface Cluster { readonly where: string; readonly manifests: Manifest[] }

const clusters: Cluster[] = exampleEnvironments().flatMap((env) => Object.entries(env.charts).map(([name, chart]) => ({ where: `${env.environmentName}/${name}`, manifests: synth(chart) })));
const workloads = clusters.flatMap(({ where, manifests }) => manifests.filter((m) => POD_SPEC_PATHS[m.kind] !== undefined).map((object) => ({ where, object, manifests })));

describe('the table of image facts', () => {
  test('knows the default image of every pod spec the library defines: apache/kafka of every supported Kafka version, and the curl image', () => {
    for (const version of SUPPORTED_KAFKA_VERSIONS) expect(IMAGE_FACTS[apacheKafkaImage(version)]).toBeDefined();
    expect(IMAGE_FACTS[KAFKA_CLIENT_IMAGE]).toBeDefined();
    expect(KAFKA_CLIENT_IMAGE).toBe(apacheKafkaImage(DEFAULT_KAFKA_VERSION));
    expect(DEFAULT_TRAFFIC_IMAGE).toBe(CURL_IMAGE);
    expect(Object.keys(IMAGE_FACTS).sort()).toEqual([...SUPPORTED_KAFKA_VERSIONS.map(apacheKafkaImage), CURL_IMAGE].sort());
  });

  test.each(Object.entries(IMAGE_FACTS))('%s: a non-root numeric user and group, with the name the image gives it and its source', (_, facts) => {
    expect(Number.isInteger(facts.uid) && facts.uid > 0).toBe(true);
    expect(Number.isInteger(facts.gid) && facts.gid >= 0).toBe(true);
    expect(facts.userName).toMatch(/^[a-z_][a-z0-9_-]*$/);
    // A commit the numbers were read at, in the source.
    expect(facts.source).toMatch(/@ [0-9a-f]{40}\b/);
  });

  test('the facts the issue names: apache/kafka runs as appuser 1000:1000, curlimages/curl as curl_user 100:101', () => {
    expect(IMAGE_FACTS['apache/kafka:4.3.1']).toMatchObject({ uid: 1000, gid: 1000, userName: 'appuser' });
    expect(IMAGE_FACTS['curlimages/curl:8.11.1']).toMatchObject({ uid: 100, gid: 101, userName: 'curl_user' });
  });

  test('an image from docker.io by its full name is the same image; another tag or registry is not', () => {
    expect(imageFacts('docker.io/apache/kafka:4.3.1')).toBe(IMAGE_FACTS['apache/kafka:4.3.1']);
    expect(imageFacts('index.docker.io/curlimages/curl:8.11.1')).toBe(IMAGE_FACTS['curlimages/curl:8.11.1']);
    expect(imageFacts('apache/kafka:3.9.0')).toBeUndefined();
    expect(imageFacts('quay.io/curl/curl:8.11.1')).toBeUndefined();
    expect(imageFacts('toString')).toBeUndefined();
  });
});

describe('every pod spec of every example environment', () => {
  test('the examples built here are the ones src/main.ts writes to dist/', () => {
    const built = [...new Set(clusters.map((c) => c.where.split('/')[0]))].sort();
    const written = readdirSync(join(__dirname, '..', '..', 'dist'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(built).toEqual(written);
  });

  test('there are pod specs to check: client workloads, traffic generators and KRaft StatefulSets', () => {
    const images = new Set(workloads.flatMap(({ object }) => podSpec(object).containers.map((c: { image: string }) => c.image)));
    expect([...images].sort()).toEqual(['apache/kafka:4.3.1', 'curlimages/curl:8.11.1']);
    expect(workloads.map(({ object }) => object.kind).sort()).toEqual(expect.arrayContaining(['Deployment', 'StatefulSet']));
  });

  test.each(workloads.map(({ where, object }) => [`${where} ${object.kind} ${object.metadata.namespace}/${object.metadata.name}`, object] as const))(
    '%s: where runAsNonRoot is set, runs as the numeric user and group of its image in the table',
    (_, object) => {
      const pod = podSpec(object);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        const effective = (key: string) => container.securityContext?.[key] ?? pod.securityContext?.[key];
        if (effective('runAsNonRoot') !== true) continue;
        const facts = imageFacts(container.image);
        expect({ container: container.name, image: container.image, known: facts !== undefined }).toEqual({ container: container.name, image: container.image, known: true });
        expect({ container: container.name, runAsUser: effective('runAsUser'), runAsGroup: effective('runAsGroup') }).toEqual({ container: container.name, runAsUser: facts!.uid, runAsGroup: facts!.gid });
      }
      // A volume the process writes (a StatefulSet's claims) belongs to the image's group.
      if (object.kind === 'StatefulSet' && (object.spec.volumeClaimTemplates ?? []).length > 0) {
        expect(pod.securityContext?.fsGroup).toBe(imageFacts(pod.containers[0].image)!.gid);
      }
    },
  );

  test.each(workloads.map(({ where, object, manifests }) => [`${where} ${object.kind} ${object.metadata.namespace}/${object.metadata.name}`, object, manifests] as const))(
    '%s: a NetworkPolicy of its namespace selects its pods, both directions, egress to the cluster DNS',
    (_, object, manifests) => {
      const labels = podLabels(object);
      const policies = manifests.filter((m) => m.kind === 'NetworkPolicy' && m.metadata.namespace === object.metadata.namespace
        && Object.entries(m.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v));
      expect(policies.length).toBeGreaterThan(0);
      const types = new Set(policies.flatMap((p) => p.spec.policyTypes));
      expect([...types].sort()).toEqual(['Egress', 'Ingress']);
      const egress = policies.flatMap((p) => p.spec.egress ?? []);
      expect(egress).toContainEqual({
        ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      });
    },
  );

  test("Strimzi's pods that set runAsNonRoot run Strimzi's images, whose USER is numeric (1001), not an image the library names", () => {
    const strimzi = clusters.flatMap(({ manifests }) => manifests.filter((m) => m.apiVersion.startsWith('kafka.strimzi.io/') && JSON.stringify(m).includes('"runAsNonRoot":true')));
    expect(strimzi.length).toBeGreaterThan(0);
    // A KafkaConnect's build output is Strimzi's Kafka image with the plugins added, and Strimzi's
    // Dockerfile switches back to USER 1001 after adding them (KafkaConnectDockerfile: NON_PRIVILEGED_USER).
    const named = (m: (typeof strimzi)[number]) => JSON.stringify(m.kind === 'KafkaConnect' ? { ...m, spec: { ...m.spec, build: { ...m.spec.build, output: undefined } } } : m).includes('"image":');
    for (const resource of strimzi) expect({ resource: `${resource.kind}/${resource.metadata.name}`, image: named(resource) }).toEqual({ resource: `${resource.kind}/${resource.metadata.name}`, image: false });
  });

  test.each(workloads.map((w) => [`${w.where} ${w.object.kind}/${w.object.metadata.name}`, w] as const))(
    '%s: requests and a memory limit on every container, and the Pod Security level of its namespace met and labelled (issue 13)',
    (_, { object, manifests }) => {
      const pod = podSpec(object);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect({ container: container.name, requests: container.resources?.requests !== undefined, memoryLimit: container.resources?.limits?.memory !== undefined })
          .toEqual({ container: container.name, requests: true, memoryLimit: true });
      }
      const namespace = manifests.find((m) => m.kind === 'Namespace' && m.metadata.name === object.metadata.namespace);
      const level = namespace?.metadata.labels?.['pod-security.kubernetes.io/enforce'] as PodSecurityLevel | undefined;
      expect(level).toBeDefined();
      expect(podSecurityProblems(pod, level!)).toEqual([]);
      // The library's own pods meet restricted wherever they run.
      expect(podSecurityProblems(pod, PodSecurityLevel.RESTRICTED)).toEqual([]);
    },
  );

  test('every Kafka node pool and Strimzi operand of the examples has requests and a memory limit', () => {
    const strimzi = clusters.flatMap(({ manifests }) => manifests.filter((m) => m.kind === 'KafkaNodePool' || m.kind === 'Kafka'));
    for (const r of strimzi) {
      const resources = r.kind === 'KafkaNodePool' ? [r.spec.resources] : [r.spec.entityOperator?.topicOperator?.resources, r.spec.entityOperator?.userOperator?.resources];
      for (const res of resources) expect({ r: `${r.kind}/${r.metadata.name}`, requests: res?.requests !== undefined, limit: res?.limits?.memory !== undefined }).toEqual({ r: `${r.kind}/${r.metadata.name}`, requests: true, limit: true });
    }
  });
});
