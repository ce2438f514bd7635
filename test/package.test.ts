import { execFileSync, spawnSync } from 'child_process';
import { UPSTREAM_CRDS } from './support';
import { clusterFolders } from './kube/clusters';
import { kubeBinary } from './kube/control-plane';
import { judgeFolder } from './kube/judge';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * The package as a user gets it: `npm pack`, then a new cdk8s app that installs the tarball (with
 * its dependencies and peers, from the npm registry or npm's cache) and uses it.
 */
const root = join(__dirname, '..');
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
/** The versions this repository is tested with, so that npm's cache serves them. */
const version = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('npm pack, installed in a new cdk8s app', () => {
  const work = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-pack-'));
  const app = join(work, 'app');
  let files: string[] = [];

  beforeAll(() => {
    run('npx', ['tsc', '-p', '.'], root);
    const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root));
    files = packed[0].files.map((f: { path: string }) => f.path);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    run('npm', [
      'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed[0].filename),
      `cdk8s@${version('cdk8s')}`, `constructs@${version('constructs')}`, `cdk8s-plus-28@${version('cdk8s-plus-28')}`,
    ], app);
    writeFileSync(join(app, 'main.js'), `
const { App, Chart } = require('cdk8s');
const { KafkaCluster, Acl, AclOperation } = require('cdk8s-kafka');
const app = new App();
const chart = new Chart(app, 'prod');
const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
kafka.addTopic('orders', { partitions: 12 });
kafka.addUser('orders-app', { acls: [Acl.topic('orders').allow(AclOperation.READ)] });
app.synth();
`);
  }, 300_000);

  test('carries compiled JS, declarations, the generated imports, the built-in schemas, the policy tools\' configuration and the license, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining([
      'package.json', 'README.md', 'LICENSE', 'lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/cli.js',
      'lib/src/kafka/kafka-cluster.js', 'lib/imports/strimzi-kafka.strimzi.io.js', 'lib/imports/strimzi-kafka.strimzi.io.d.ts',
      'schemas/index.json', 'schemas/kubernetes.json', 'schemas/crd/kafkas.kafka.strimzi.io.json',
      'lint/kube-score.args', 'lint/kube-linter.yaml',
    ]));
    expect(files.filter((f) => !/^(package\.json|README\.md|LICENSE|lib\/(src|imports)\/.*\.(js|d\.ts)|schemas\/.*\.json|lint\/(kube-score\.args|kube-linter\.yaml))$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(test|dist|src|imports|scripts|tools)\/|lib\/(test|bench|scripts)\/|main\.|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('the README links only to what the package carries, or to absolute URLs', () => {
    const readme = readFileSync(join(app, 'node_modules', 'cdk8s-kafka', 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((link) => !/^[a-z]+:/.test(link));
    expect(relative.filter((link) => !existsSync(join(app, 'node_modules', 'cdk8s-kafka', link)))).toEqual([]);
  });

  test('the app imports the public API from the package and synthesizes', () => {
    run('node', ['main.js'], app);
    const yaml = readFileSync(join(app, 'dist', 'prod.k8s.yaml'), 'utf8');
    expect(yaml).toContain('kind: Kafka\n');
    expect(yaml).toContain('name: orders-app');
  });

  test('npx cdk8s-kafka validate, with no flags and no setup: 0 on the library\'s output, 1 on an unknown field, naming the field and the line', () => {
    run('node', ['main.js'], app);
    const clean = spawnSync('npx', ['--no-install', 'cdk8s-kafka', 'validate'], { cwd: app, encoding: 'utf8' });
    expect(clean.stderr).toMatch(/^\d+ documents in 1 file: 0 errors, 0 warnings\n$/);
    expect(clean.status).toBe(0);

    writeFileSync(join(app, 'dist', 'bad.yaml'), [
      '# a hand-written cluster', 'apiVersion: kafka.strimzi.io/v1', 'kind: Kafka', 'metadata: {name: hand, namespace: kafka}', 'spec:', '  kafka:',
      '    listeners: [{name: plain, port: 9092, type: internal, tls: false}]', '    replicas: 3', '',
    ].join('\n'));
    const bad = spawnSync('npx', ['--no-install', 'cdk8s-kafka', 'validate'], { cwd: app, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('dist/bad.yaml:2 kafka.strimzi.io/v1/Kafka kafka/hand spec.kafka.replicas: error: unknown field "replicas": not declared in the schema\n');
    const own = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(spawnSync('npx', ['--no-install', 'cdk8s-kafka', '--version'], { cwd: app, encoding: 'utf8' }).stdout).toBe(`cdk8s-kafka ${own}\n`);
  });

  test('a consumer app builds its own two-region estate and an app team\'s chart on the platform\'s cluster: type-checked, synthesized with every check, and judged by a real API server', async () => {
    // The platform team's estate: its own names, five brokers, its own topics and users. The
    // ledger team's environment (its own repository in real life) refers to the platform's Kafka
    // cluster by its attributes, adds a topic and a user and grants it what a consumer needs.
    writeFileSync(join(app, 'estate.ts'), `
import { App } from 'cdk8s';
import {
  Environment, FailoverProviderKind, KafkaAuthorization, KafkaClientRole, KafkaClientWorkload, KafkaCluster, KafkaTopic, KafkaUser,
  ListenerAuthentication, MultiRegionEnvironment, synthEnvironments, UserAuthentication,
} from 'cdk8s-kafka';

const app = new App();
const estate = new MultiRegionEnvironment(app, 'estate', {
  provider: FailoverProviderKind.ENVOY_GATEWAY,
  domain: 'corp.example',
  regions: [{ name: 'eu-west', priority: 0 }, { name: 'eu-central', priority: 1 }],
  kafka: { cluster: 'streaming', name: 'payments', namespace: 'payments', brokers: 5 },
  centralCluster: 'edge',
  bridgeNamespace: 'http',
  topics: [{ name: 'payments', partitions: 24 }, { name: 'refunds', partitions: 6 }],
  users: [{ name: 'checkout', produces: ['payments'] }, { name: 'ledger-audit', consumes: ['payments', 'refunds'], group: 'audit' }],
  trafficGenerators: { namespace: 'load', topic: 'refunds' },
});

const team = new Environment(app, 'ledger-team', { description: "The ledger team's topics and consumer on the platform's Kafka cluster." });
const streaming = team.addCluster('streaming', { existingNamespaces: ['payments'] });
const payments = KafkaCluster.fromClusterAttributes(streaming, 'Payments', {
  name: 'payments', namespace: 'payments', brokers: 5, authorization: KafkaAuthorization.simple(),
  listeners: [{ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() }],
  config: { 'default.replication.factor': 3, 'min.insync.replicas': 2 },
});
const entries = new KafkaTopic(streaming, 'Entries', { cluster: payments, topicName: 'ledger-entries', partitions: 12 });
const ledger = new KafkaUser(streaming, 'Ledger', { cluster: payments, userName: 'ledger', authentication: UserAuthentication.scramSha512() });
entries.grantRead(ledger, { group: 'ledger' });
new KafkaClientWorkload(streaming, 'Consumer', { cluster: payments, user: ledger, topic: entries, role: KafkaClientRole.CONSUMER, group: 'ledger' });

synthEnvironments([estate, team], 'estate-dist');
`);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, skipLibCheck: false, module: 'commonjs', target: 'ES2022', types: [], outDir: 'out' },
      files: ['estate.ts'],
    }));
    run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], app);
    run('node', ['out/estate.js'], app);
    const folders = clusterFolders(join(app, 'estate-dist'), app);
    expect(folders.map((f) => f.path)).toEqual([
      'estate-dist/estate/argocd/', 'estate-dist/estate/edge/', 'estate-dist/estate/eu-central/', 'estate-dist/estate/eu-west/', 'estate-dist/estate/streaming/',
      'estate-dist/ledger-team/argocd/', 'estate-dist/ledger-team/streaming/',
    ]);
    expect(readFileSync(join(app, 'estate-dist', 'ledger-team', 'README.md'), 'utf8')).toContain('the namespaces `payments`, made by their owners');
    const validate = spawnSync('npx', ['--no-install', 'cdk8s-kafka', 'validate', 'estate-dist'], { cwd: app, encoding: 'utf8' });
    expect({ status: validate.status, stdout: validate.stdout }).toEqual({ status: 0, stdout: '' });

    // The API-server stage, as for this repository's own dist/ (test/kube/apply.test.ts).
    const binary = UPSTREAM_CRDS === undefined ? undefined : kubeBinary();
    if (binary === undefined || UPSTREAM_CRDS === undefined) {
      if (process.env.CI === 'true') throw new Error('the consumer estate must pass the API-server stage in CI: it needs go and the upstream CRDs');
      process.stderr.write('skipped the consumer estate\'s API-server stage: it needs go and the upstream CRDs (../shared/crds)\n');
      return;
    }
    const queue = [...folders];
    const reports: string[] = [];
    await Promise.all([0, 1].map(async () => {
      for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) reports.push(await judgeFolder(binary.path, UPSTREAM_CRDS!, folder, app));
    }));
    process.stdout.write(`consumer estate on a real API server:\n${reports.sort().join('\n')}\n`);
    expect(reports).toHaveLength(folders.length);
  }, 600_000);

  test('its type declarations compile in a TypeScript consumer', () => {
    writeFileSync(join(app, 'main.ts'), `
import { App, Chart } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps, ListenerAuthentication, ManifestValidator } from 'cdk8s-kafka';
const props: KafkaClusterProps = { name: 'events' };
const kafka: KafkaCluster = new KafkaCluster(new Chart(new App(), 'c'), 'Kafka', props);
kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
const errors: number = new ManifestValidator().validateText('kind: x').errors;
void errors;
`);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'commonjs', target: 'ES2022', types: [] },
      files: ['main.ts'],
    }));
    expect(() => run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], app)).not.toThrow();
  });
});
