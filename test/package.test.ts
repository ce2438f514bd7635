import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const root = join(__dirname, '..');
const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env } });

describe('npm pack', () => {
  const work = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-pack-'));
  let files: string[] = [];

  beforeAll(() => {
    run('npx', ['tsc', '-p', '.'], root);
    const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root));
    files = packed[0].files.map((f: { path: string }) => f.path);
    const app = join(work, 'app');
    mkdirSync(join(app, 'node_modules', 'cdk8s-kafka'), { recursive: true });
    run('tar', ['-xzf', join(work, packed[0].filename), '-C', join(app, 'node_modules', 'cdk8s-kafka'), '--strip-components', '1'], work);
  }, 120_000);

  test('carries compiled JS, declarations and the generated imports, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining([
      'package.json', 'README.md', 'lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/cli.js',
      'lib/src/kafka/kafka-cluster.js', 'lib/imports/strimzi-kafka.strimzi.io.js', 'lib/imports/strimzi-kafka.strimzi.io.d.ts',
    ]));
    expect(files.filter((f) => !/^(package\.json|README\.md|lib\/(src|imports)\/.*\.(js|d\.ts))$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(test|dist|src|imports)\/|lib\/test\/|main\.|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('another cdk8s app imports the public API from the package and synthesizes', () => {
    const app = join(work, 'app');
    writeFileSync(join(app, 'main.js'), `
const { App, Chart } = require('cdk8s');
const { KafkaCluster, Acl, AclOperation } = require('cdk8s-kafka');
const app = new App();
const chart = new Chart(app, 'prod');
const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
kafka.addTopic('orders', { partitions: 12 });
kafka.addUser('orders-app', { acls: [Acl.topic('orders').allow(AclOperation.READ)] });
process.stdout.write(app.synthYaml());
`);
    // The app's own dependencies (cdk8s, constructs, …) are the peers the package expects.
    const yaml = run('node', ['main.js'], app, { NODE_PATH: join(root, 'node_modules') });
    expect(yaml).toContain('kind: Kafka\n');
    expect(yaml).toContain('name: orders-app');
  });

  test('its type declarations compile in a TypeScript consumer', () => {
    const app = join(work, 'app');
    writeFileSync(join(app, 'main.ts'), `
import { App, Chart } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps, ListenerAuthentication } from 'cdk8s-kafka';
const props: KafkaClusterProps = { name: 'events' };
const kafka: KafkaCluster = new KafkaCluster(new Chart(new App(), 'c'), 'Kafka', props);
kafka.addListener('mtls', { port: 9094, authentication: ListenerAuthentication.tls() });
`);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'commonjs', target: 'ES2022', baseUrl: '.', paths: { '*': [`${join(root, 'node_modules')}/*`] } },
      files: ['main.ts'],
    }));
    expect(() => run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], app)).not.toThrow();
  });
});
