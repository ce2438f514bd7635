import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import {
  applyWave, Environment, KafkaCluster, KafkaTopic, renderEnvironment, synthEnvironment,
} from '../../src';
import { exampleEnvironments } from '../../src/examples';
import { sharedValidator } from '../support';

jest.setTimeout(60_000);

function shipped(): Environment[] {
  return exampleEnvironments(new App());
}

const environments = shipped();
const rendered = Object.fromEntries(environments.map((env) => [env.environmentName, renderEnvironment(env)]));

describe.each(environments.map((e) => e.environmentName))('delivery of %s', (name) => {
  const files = rendered[name];
  const env = environments.find((e) => e.environmentName === name)!;

  test('every cluster folder renders with kubectl kustomize, to exactly its object files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-dist-'));
    synthEnvironment(env, dir);
    for (const cluster of Object.keys(env.charts)) {
      const out = execFileSync('kubectl', ['kustomize', join(dir, name, cluster)], { encoding: 'utf8' });
      const objects = parseAllDocuments(out).map((d) => d.toJS());
      const kustomization = parse(files[`${cluster}/kustomization.yaml`]);
      expect(objects).toHaveLength(kustomization.resources.length);
      expect(kustomization.resources).toEqual(Object.keys(files).filter((f) => f.startsWith(`${cluster}/`) && f !== `${cluster}/kustomization.yaml`).map((f) => f.slice(cluster.length + 1)).sort());
    }
  });

  test('file names are numbered by apply wave, which is also every object\'s Argo CD sync wave', () => {
    for (const [path, content] of Object.entries(files).filter(([p]) => /^[^/]+\/\d\d-/.test(p))) {
      const object = parse(content);
      const wave = Number(path.split('/')[1].slice(0, 2));
      expect(object.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe(String(wave));
      expect(applyWave(object)).toBe(wave);
    }
  });

  test('one valid Argo CD Application per cluster, pointing at its folder', () => {
    const apps = Object.keys(env.charts).map((cluster) => parse(files[`argocd/${cluster}.yaml`]));
    expect(apps.map((a) => a.spec.source.path)).toEqual(Object.keys(env.charts).map((c) => `dist/${name}/${c}`));
    expect(apps.map((a) => a.spec.destination)).toEqual(Object.keys(env.charts).map((c) => ({ name: c })));
    expect(sharedValidator().validateObjects(apps).findings).toEqual([]);
  });

  test('no empty field that Argo CD would report as drift (no null, empty string or empty list)', () => {
    const empty: string[] = [];
    const walk = (value: unknown, path: string) => {
      // `group: ""` is how Gateway API and Envoy Gateway references name the core API group.
      if (value === '' && path.endsWith('.group')) return;
      if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) empty.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (typeof value === 'object') for (const [k, v] of Object.entries(value as object)) walk(v, `${path}.${k}`);
    };
    for (const [path, content] of Object.entries(files).filter(([p]) => p.endsWith('.yaml'))) walk(parse(content), path);
    expect(empty).toEqual([]);
  });

  test('every object validates (TSB kinds excepted: they have no schema, see test/failover/tetrate.test.ts)', () => {
    const objects = Object.entries(files).filter(([p]) => /^[^/]+\/\d\d-/.test(p)).map(([, c]) => parse(c));
    const findings = sharedValidator().validateObjects(objects).findings;
    expect(findings.filter((f) => !(f.severity === 'warning' && f.apiVersion.includes('tetrate.io')))).toEqual([]);
  });

  test('a README with the topology, prerequisites, apply order and checks', () => {
    const readme = files['README.md'];
    expect(readme).toMatch(/^# /);
    expect(readme).toContain('```mermaid\nflowchart LR');
    expect(readme).toContain('## Prerequisites');
    const uses = (group: string) => Object.values(files).some((c) => c.includes(`apiVersion: ${group}/`));
    expect(readme.includes('Strimzi 1.2.0')).toBe(uses('kafka.strimzi.io'));
    expect(readme.includes('cert-manager 1.21.1')).toBe(uses('cert-manager.io'));
    expect(readme.includes('Prometheus Operator 0.93.0')).toBe(uses('monitoring.coreos.com'));
    expect(readme.includes('Istio 1.30.3')).toBe(uses('networking.istio.io'));
    expect(readme).toContain('## Apply');
    expect(readme).toContain('## After apply');
    for (const cluster of Object.keys(env.charts)) expect(readme).toContain(`subgraph ${cluster}["cluster ${cluster}"]`);
  });
});

test('the multi-region README draws the links and the failover drill', () => {
  const readme = rendered['multi-region-istio']['README.md'];
  expect(readme).toContain('central -- "HTTPS, priority 0" --> east');
  expect(readme).toContain('east -- "Kafka over TLS, through the Kafka Gateway" --> kafka');
  expect(readme).toContain('kubectl --context east -n bridge scale kafkabridge events --replicas 0');
  expect(readme).toMatch(/Istio 1\.30\.3/);
});

test('re-rendering gives byte-identical output', () => {
  const again = Object.fromEntries(shipped().map((env) => [env.environmentName, renderEnvironment(env)]));
  expect(again).toEqual(rendered);
});

test('a new environment in a few lines of user code', () => {
  // --- what a user writes ---
  const app = new App();
  const prod = new Environment(app, 'prod', { description: 'One production cluster' });
  const eu = prod.addCluster('eu-1', { namespaces: ['kafka'] });
  const kafka = new KafkaCluster(eu, 'Kafka', { name: 'events', namespace: 'kafka' });
  kafka.addTopic('orders', { partitions: 12 });
  kafka.addUser('orders-app');
  // ---
  const files = renderEnvironment(prod);
  expect(Object.keys(files).sort()).toEqual([
    'README.md', 'argocd/eu-1.yaml',
    'eu-1/00-namespace.kafka.yaml', 'eu-1/06-kafka.kafka.events.yaml', 'eu-1/06-kafkanodepool.kafka.broker.yaml', 'eu-1/06-kafkanodepool.kafka.controller.yaml',
    'eu-1/07-kafkatopic.kafka.orders.yaml', 'eu-1/07-kafkauser.kafka.orders-app.yaml', 'eu-1/kustomization.yaml',
  ]);
});

test('a chart nested in a cluster\'s chart (for grouping) is that cluster\'s: its objects are written there and checked with it', () => {
  const app = new App();
  const prod = new Environment(app, 'prod');
  const eu = prod.addCluster('eu-1', { namespaces: ['kafka'] });
  const kafka = new KafkaCluster(eu, 'Kafka', { name: 'events', namespace: 'kafka' });
  const team = new Chart(eu, 'orders-team', { namespace: 'kafka' });
  kafka.addTopic('orders');
  new KafkaTopic(team, 'Payments', { cluster: kafka, topicName: 'payments' });
  const files = renderEnvironment(prod);
  expect(Object.keys(files).filter((f) => f.includes('kafkatopic')).sort()).toEqual(['eu-1/07-kafkatopic.kafka.orders.yaml', 'eu-1/07-kafkatopic.kafka.payments.yaml']);
  // One cluster: two topics of one name in it collide, wherever they are in it.
  new KafkaTopic(new Chart(eu, 'other-team'), 'Orders', { cluster: kafka, topicName: 'orders' });
  expect(() => renderEnvironment(prod)).toThrow(/KafkaTopic \(kafka.strimzi.io\) 'kafka\/orders' is emitted twice into cluster 'eu-1'/);
});

describe('delivery fails when', () => {
  test('an object is in a namespace the cluster does not create', () => {
    const env = new Environment(Testing.app(), 'prod');
    new KafkaCluster(env.addCluster('eu-1'), 'Kafka', { namespace: 'kafka' });
    expect(() => renderEnvironment(env)).toThrow(/Kafka kafka\/kafka in cluster 'eu-1' is in namespace kafka, which the cluster does not create \(got "kafka"\); add it to addCluster\('eu-1', \{ namespaces: \[...\] \}\)/);
  });

  test('a cluster is added twice', () => {
    const env = new Environment(Testing.app(), 'prod');
    env.addCluster('eu-1');
    expect(() => env.addCluster('eu-1')).toThrow(/Environment 'prod' at prod: addCluster\(\) name is added twice \(got "eu-1"\); give each cluster its own name/);
  });

  test('the environment name cannot be a folder', () => {
    expect(() => new Environment(Testing.app(), 'Prod EU')).toThrow(/Environment 'Prod EU' at Prod EU: name must be lowercase alphanumerics and '-'.* \(it names a folder of dist\/\) \(got "Prod EU"\); use e.g. 'prod-eu'/);
  });

  test('a construct is invalid', () => {
    const env = new Environment(Testing.app(), 'prod');
    new KafkaCluster(env.addCluster('eu-1', { namespaces: ['kafka'] }), 'Kafka', { namespace: 'kafka', controllers: { replicas: 2 } });
    expect(() => renderEnvironment(env)).toThrow(/\[prod\/eu-1\/Kafka\] KafkaCluster 'kafka' at prod\/eu-1\/Kafka: controllers.replicas must be odd/);
  });
});

test('a chart outside every environment is named in a warning: no synth of environments writes it', () => {
  const app = new App();
  const prod = new Environment(app, 'prod');
  new KafkaCluster(prod.addCluster('eu-1', { namespaces: ['kafka'] }), 'Kafka', { name: 'events', namespace: 'kafka' });
  new KafkaCluster(new Chart(app, 'stray'), 'Kafka', { name: 'other', namespace: 'kafka' });
  new Chart(app, 'empty');
  const result = synthEnvironment(prod, mkdtempSync(join(tmpdir(), 'stray-')));
  expect(result.warnings.filter((w) => w.includes('no Environment'))).toEqual([
    "Chart 'stray' at stray: scope is in no Environment, so no synth of environments writes its objects (got \"stray\"); make it a cluster's chart (env.addCluster(...)) or nest it in one, or write it with app.synth()",
  ]);
});
