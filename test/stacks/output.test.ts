import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Size } from 'cdk8s';
import { Environment, KafkaCluster, KraftCluster, PrivateCa, synthEnvironment, synthEnvironments } from '../../src';
import { replaceDirectory } from '../../src/stacks/output';
import { folderSnapshot } from '../support';

jest.setTimeout(120_000);

/** A small environment: one cluster, a Kafka cluster and `topics`. */
function prod(app: App, name: string, topics: string[], replicas = 3): Environment {
  const env = new Environment(app, name);
  const kafka = new KafkaCluster(env.addCluster('eu-1', { namespaces: ['kafka'] }), 'Kafka', { name: 'events', namespace: 'kafka' });
  for (const topic of topics) kafka.addTopic(topic, { replicas });
  return env;
}

function tempDist(): string {
  return join(mkdtempSync(join(tmpdir(), 'cdk8s-kafka-out-')), 'dist');
}

describe('synthEnvironments: dist/ is all or nothing', () => {
  test('a successful synth makes dist/ exactly the model: a removed object\'s file is gone', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders', 'payments'])], dist);
    expect(existsSync(join(dist, 'prod', 'eu-1', '07-kafkatopic.kafka.payments.yaml'))).toBe(true);

    const result = synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    expect(existsSync(join(dist, 'prod', 'eu-1', '07-kafkatopic.kafka.payments.yaml'))).toBe(false);
    expect(result.removed).toEqual(['prod/eu-1/07-kafkatopic.kafka.payments.yaml']);
    expect(result.written).toEqual(['prod/README.md', 'prod/eu-1/kustomization.yaml']);
    expect(readFileSync(join(dist, 'prod', 'eu-1', 'kustomization.yaml'), 'utf8')).not.toContain('payments');
  });

  test('an environment no longer synthesized, and a stray file, are removed', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders']), prod(new App(), 'staging', ['orders'])], dist);
    writeFileSync(join(dist, 'prod', 'eu-1', 'hand-edited.yaml'), 'kind: ConfigMap\n');
    const result = synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    expect(readdirSync(dist)).toEqual(['prod']);
    expect(result.removed).toContain('prod/eu-1/hand-edited.yaml');
  });

  test('an unchanged synth touches nothing', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    const inode = statSync(dist).ino;
    const result = synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    expect(result).toMatchObject({ written: [], removed: [] });
    expect(statSync(dist).ino).toBe(inode);
  });

  test('a construct error in the last environment, after successful ones, leaves every byte as it was', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders']), prod(new App(), 'staging', ['orders'])], dist);
    const before = folderSnapshot(dist);
    const app = new App();
    // More replicas than brokers: KafkaTopic's own validation fails when the environment renders.
    expect(() => synthEnvironments([prod(app, 'prod', ['orders', 'payments']), prod(app, 'staging', ['orders'], 5)], dist))
      .toThrow(/replicas/);
    expect(folderSnapshot(dist)).toEqual(before);
    expect(readdirSync(join(dist, '..'))).toEqual(['dist']);
  });

  test('a namespace error in the last environment leaves every byte as it was', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    const before = folderSnapshot(dist);
    const app = new App();
    const broken = new Environment(app, 'staging');
    new KafkaCluster(broken.addCluster('eu-1'), 'Kafka', { namespace: 'kafka' });
    expect(() => synthEnvironments([prod(app, 'prod', ['orders', 'payments']), broken], dist)).toThrow(/which the cluster does not create/);
    expect(folderSnapshot(dist)).toEqual(before);
  });

  test('a manifest the validator rejects stops the synth before anything is written', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    const before = folderSnapshot(dist);
    const app = new App();
    const env = prod(app, 'prod', ['orders', 'payments']);
    const chart = env.charts['eu-1'];
    new ApiObject(chart, 'Bad', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bad', namespace: 'kafka' }, data: { retries: 3 } });
    expect(() => synthEnvironments([env], dist)).toThrow(/the manifest validator found 1 error\(s\) in what would be written to .*dist\/; nothing was written:\n {2}.*05-configmap\.kafka\.bad\.yaml:1 v1\/ConfigMap kafka\/bad data\.retries: error: must be of type string \(got 3\)/);
    expect(folderSnapshot(dist)).toEqual(before);
  });

  test('two environments of one name are refused', () => {
    expect(() => synthEnvironments([prod(new App(), 'prod', []), prod(new App(), 'prod', [])], tempDist())).toThrow(/two environments are named 'prod'/);
  });

  test('synthEnvironment replaces only its environment\'s folder', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders']), prod(new App(), 'staging', ['orders'])], dist);
    const staging = folderSnapshot(join(dist, 'staging'));
    synthEnvironment(prod(new App(), 'prod', []), dist);
    expect(existsSync(join(dist, 'prod', 'eu-1', '07-kafkatopic.kafka.orders.yaml'))).toBe(false);
    expect(folderSnapshot(join(dist, 'staging'))).toEqual(staging);
  });
});

describe('only output a synth wrote is ever replaced', () => {
  /** A project: sources, a package.json, a sibling project, a stray file. */
  function workspace(): string {
    const parent = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-ws-'));
    mkdirSync(join(parent, 'proj', 'src'), { recursive: true });
    mkdirSync(join(parent, 'sibling'));
    writeFileSync(join(parent, 'proj', 'package.json'), '{}');
    writeFileSync(join(parent, 'proj', 'src', 'app.js'), 'console.log(1);\n');
    writeFileSync(join(parent, 'sibling', 'notes.txt'), 'keep me\n');
    writeFileSync(join(parent, 'stray.txt'), 'keep me too\n');
    return parent;
  }

  test.each([
    ['the parent of a project', '.', /it holds .*proj \(no README.md written by a synth\)/],
    ['the project itself', 'proj', /it holds .*proj\/package.json \(no README.md written by a synth\)/],
    ['a source folder', 'proj/src', /it holds .*app.js \(no README.md written by a synth\)/],
    ['a file', 'stray.txt', /could not write .*stray.txt; it was left as it was: .*is not a folder/],
  ])('synthEnvironments refuses %s, and deletes nothing', (_, outdir, message) => {
    const parent = workspace();
    const before = folderSnapshot(parent);
    expect(() => synthEnvironments([prod(new App(), 'prod', ['orders'])], join(parent, outdir))).toThrow(message);
    expect(folderSnapshot(parent)).toEqual(before);
  });

  test('synthEnvironment refuses an environment folder it did not write', () => {
    const parent = workspace();
    const before = folderSnapshot(parent);
    expect(() => synthEnvironment(prod(new App(), 'src', ['orders']), join(parent, 'proj'))).toThrow(/refusing to replace .*proj\/src: it holds .*src \(no README.md written by a synth\)/);
    expect(folderSnapshot(parent)).toEqual(before);
  });

  test('a file beside the environments is named, not deleted', () => {
    const dist = tempDist();
    synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    writeFileSync(join(dist, 'notes.md'), 'mine\n');
    expect(() => synthEnvironments([prod(new App(), 'prod', [])], dist)).toThrow(/refusing to replace .*dist: it holds .*notes.md/);
    expect(readFileSync(join(dist, 'notes.md'), 'utf8')).toBe('mine\n');
  });

  test('an empty existing folder is fine, and keeps its mode; a new one gets 755', () => {
    const dist = tempDist();
    mkdirSync(dist, { mode: 0o750 });
    chmodSync(dist, 0o750);
    synthEnvironments([prod(new App(), 'prod', ['orders'])], dist);
    expect(statSync(dist).mode & 0o777).toBe(0o750);
    synthEnvironments([prod(new App(), 'prod', [])], dist);
    expect(statSync(dist).mode & 0o777).toBe(0o750);
    const fresh = tempDist();
    synthEnvironments([prod(new App(), 'prod', [])], fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o755);
  });
});

describe('replaceDirectory', () => {
  const file = (content: string) => ({ content, mode: 0o644 });
  const anything = () => undefined;

  test.each(['../escape.yaml', '/etc/passwd', 'a/../../b.yaml', ''])('refuses the path %j', (path) => {
    expect(() => replaceDirectory(tempDist(), new Map([[path, file('x')]]), anything)).toThrow(/output paths must be relative, normalized and inside it/);
  });

  test('scripts keep their mode', () => {
    const dist = tempDist();
    replaceDirectory(dist, new Map([['run.sh', { content: '#!/bin/sh\n', mode: 0o755 }]]), anything);
    expect(statSync(join(dist, 'run.sh')).mode & 0o111).not.toBe(0);
  });
});

describe('npx cdk8s synth', () => {
  const root = join(__dirname, '..', '..');

  /** A copy of the project (sources, config, dist/) in a temporary folder, sharing node_modules. */
  function project(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-project-'));
    for (const entry of ['src', 'imports', 'schemas', 'dist', 'cdk8s.yaml', 'package.json', '.npmrc', 'tsconfig.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  }

  test('a bad prop in an example exits non-zero, prints the problem without a stack, and leaves dist/ as it was', () => {
    const dir = project();
    const before = folderSnapshot(join(dir, 'dist'));
    const examples = join(dir, 'src', 'examples.ts');
    writeFileSync(examples, readFileSync(examples, 'utf8').replace("new DevEnvironment(app, 'dev'),", "new DevEnvironment(app, 'dev', { domain: 'Not A Domain' }),"));
    const result = spawnSync('npx', ['cdk8s', 'synth'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/cdk8s-kafka: synth failed; dist\/ was left as it was\.\n.*domain/);
    // What the app prints has no stack; cdk8s-cli then adds its own trace of the failed command.
    expect(result.stderr.split('Error: command "node')[0]).not.toMatch(/^\s+at /m);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/new version|http error/);
    expect(folderSnapshot(join(dir, 'dist'))).toEqual(before);
  });

  test('a successful synth rewrites dist/ to the same bytes and links cdk8s-cli\'s output folder to it', () => {
    const dir = project();
    const before = folderSnapshot(join(dir, 'dist'));
    execFileSync('npx', ['cdk8s', 'synth'], { cwd: dir, stdio: 'pipe' });
    expect(folderSnapshot(join(dir, 'dist'))).toEqual(before);
    expect(realpathSync(join(dir, '.cdk8s.out'))).toBe(realpathSync(join(dir, 'dist')));
  });
});

describe('a synth refuses what the running objects cannot take (immutable fields)', () => {
  /** An operator-less cluster whose brokers' volumes are `storage`. */
  function kraft(app: App, storage: Size, replicas = 3): Environment {
    const env = new Environment(app, 'kraft');
    const chart = env.addCluster('eu-1', { namespaces: ['kafka'] });
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: 'kafka' });
    new KraftCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', issuer: ca.issuer, brokers: { storage, replicas } });
    return env;
  }

  // Kubernetes 1.37 ValidateStatefulSetUpdate: volumeClaimTemplates are immutable, so a bigger
  // volume in the model cannot be applied over the running StatefulSet (test/kube/apply.test.ts
  // shows the real API server's "field is immutable" for the same class).
  test('a bigger broker volume changes the claim templates: refused, naming the file, the object and the way out; dist/ untouched', () => {
    const dist = tempDist();
    synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist);
    const before = folderSnapshot(dist);
    expect(() => synthEnvironments([kraft(new App(), Size.gibibytes(200))], dist)).toThrow(
      /kraft\/eu-1\/06-statefulset\.kafka\.events-broker\.yaml: StatefulSet kafka\/events-broker changes spec\.volumeClaimTemplates \(spec\.volumeClaimTemplates\[0\]\.spec\.resources\.requests\.storage: "100Gi" → "200Gi"; ValidateStatefulSetUpdate\), which the API server keeps immutable[\s\S]*allowImmutableChanges/);
    expect(folderSnapshot(dist)).toEqual(before);
  });

  test('listed in allowImmutableChanges, the same change is written', () => {
    const dist = tempDist();
    synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist);
    const result = synthEnvironments([kraft(new App(), Size.gibibytes(200))], dist, { allowImmutableChanges: ['StatefulSet kafka/events-broker'] });
    expect(result.written).toContain('kraft/eu-1/06-statefulset.kafka.events-broker.yaml');
  });

  test('a change the server takes (a fourth broker: replicas, the pod template, its configuration) is written without asking', () => {
    const dist = tempDist();
    synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist);
    const result = synthEnvironments([kraft(new App(), Size.gibibytes(100), 4)], dist);
    expect(result.written).toContain('kraft/eu-1/06-statefulset.kafka.events-broker.yaml');
  });
});

describe('allowImmutableChanges is checked like any prop', () => {
  function kraft(app: App, storage: Size): Environment {
    const env = new Environment(app, 'kraft');
    const chart = env.addCluster('eu-1', { namespaces: ['kafka'] });
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: 'kafka' });
    new KraftCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', issuer: ca.issuer, brokers: { storage } });
    return env;
  }

  test('not an array, or an entry not of the form the refusal names: a prop error, nothing written', () => {
    const dist = tempDist();
    for (const bad of ['StatefulSet kafka/events-broker', {}, new Set(['StatefulSet kafka/events-broker'])]) {
      expect(() => synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist, { allowImmutableChanges: bad as unknown as string[] })).toThrow(/options.allowImmutableChanges must be an array of 'Kind namespace\/name'/);
    }
    for (const bad of ['statefulset kafka/events-broker ', 'StatefulSet kafka/events-broker/x', 'StatefulSet', 'StatefulSet Kafka/events-broker']) {
      expect(() => synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist, { allowImmutableChanges: [bad] })).toThrow(/allowImmutableChanges\[0\] must be 'Kind namespace\/name'/);
    }
    expect(existsSync(dist)).toBe(false);
  });

  test('an allowance that matches no change is refused (stale or mistyped), naming it', () => {
    const dist = tempDist();
    synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist);
    expect(() => synthEnvironments([kraft(new App(), Size.gibibytes(200))], dist, { allowImmutableChanges: ['StatefulSet kafka/events-broker', 'Deployment kafka/nope'] }))
      .toThrow(/allowImmutableChanges names 'Deployment kafka\/nope', but no object of that kind, namespace and name changes an immutable field/);
  });

  test('the refusal gives the values before and after', () => {
    const dist = tempDist();
    synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist);
    expect(() => synthEnvironments([kraft(new App(), Size.gibibytes(200))], dist)).toThrow(/requests\.storage: "100Gi" → "200Gi"[\s\S]*allowImmutableChanges: \['StatefulSet kafka\/events-broker'\]/);
  });

  test('the previous object is found by kind, namespace and name, whatever its wave number', () => {
    const dist = tempDist();
    synthEnvironments([kraft(new App(), Size.gibibytes(100))], dist);
    const folder = join(dist, 'kraft', 'eu-1');
    const file = readdirSync(folder).find((f) => f.endsWith('statefulset.kafka.events-broker.yaml'))!;
    writeFileSync(join(folder, file.replace(/^\d+/, '09')), readFileSync(join(folder, file)));
    rmSync(join(folder, file));
    expect(() => synthEnvironments([kraft(new App(), Size.gibibytes(200))], dist)).toThrow(/StatefulSet kafka\/events-broker changes spec.volumeClaimTemplates/);
  });
});

describe('an environment never creates (and so owns) a namespace Kubernetes or an installer owns', () => {
  test.each(['kube-system', 'default', 'cert-manager', 'istio-system', 'envoy-gateway-system', 'argocd'])('%s is refused, naming its owner', (namespace) => {
    expect(() => new Environment(new App(), 'prod').addCluster('eu-1', { namespaces: ['kafka', namespace] }))
      .toThrow(new RegExp(`clusters\\['eu-1'\\].namespaces\\[1\\] is (one of Kubernetes' own namespaces|made by the installer of .*), which the environment must not create and own`));
  });
  test('a namespace of its own is taken', () => {
    expect(() => new Environment(new App(), 'prod').addCluster('eu-1', { namespaces: ['kafka', 'payments'] })).not.toThrow();
  });
});
