import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../src/cli';
import { writeExampleCrd } from './support';

function run(args: string[], io: { stdin?: () => string; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    return { code: main(args, io), out, err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-cli-'));
const good = join(dir, 'good.yaml');
const bad = join(dir, 'bad.yaml');
writeFileSync(good, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: kafka}\ndata: {a: b}\n');
writeFileSync(bad, [
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n',
  '# a KafkaTopic\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: orders, namespace: kafka}\nspec:\n  partitions: 3\n  replica: 3\n',
].join('---\n'));

const widgetCrd = join(dir, 'crds', 'widgets.yaml');
mkdirSync(join(dir, 'crds'));
writeExampleCrd('Widget', { size: { type: 'integer' } }, widgetCrd);

const widget = join(dir, 'widget.yaml');
writeFileSync(widget, 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: ns}\nspec: {size: big}\n');

describe('cdk8s-kafka validate', () => {
  test('exits 0 on valid manifests, with no setup, and prints a summary', () => {
    expect(run(['validate', good])).toEqual({ code: 0, out: [], err: '1 document in 1 file: 0 errors, 0 warnings' });
  });

  test('prints one line per finding, at the line the document starts, and exits 1 on an error', () => {
    const { code, out } = run(['validate', bad]);
    expect(code).toBe(1);
    expect(out).toEqual([`${bad}:6 kafka.strimzi.io/v1/KafkaTopic kafka/orders spec.replica: error: unknown field "replica": not declared in the schema`]);
    expect(readFileSync(bad, 'utf8').split('\n')[5]).toBe('apiVersion: kafka.strimzi.io/v1');
  });

  test('paths are relative to the working directory, and printed so', () => {
    expect(run(['validate', 'bad.yaml'], { cwd: dir }).out).toEqual([expect.stringMatching(/^bad\.yaml:6 /)]);
  });

  test('- reads standard input', () => {
    const { code, out } = run(['validate', '-'], { stdin: () => readFileSync(bad, 'utf8') });
    expect(code).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^<stdin>:6 kafka.strimzi.io\/v1\/KafkaTopic /)]);
  });

  test('--crds adds CRDs to the built-in ones (a file or a directory, repeatable, --crds=)', () => {
    expect(run(['validate', widget])).toMatchObject({ code: 0, out: [expect.stringMatching(/kind: warning: no schema for Widget: no CRD serves API group "example.com"/)] });
    const checked = [`${widget}:1 example.com/v1/Widget ns/w spec.size: error: must be of type integer (got "big")`];
    expect(run(['validate', widget, '--crds', widgetCrd])).toMatchObject({ code: 1, out: checked });
    expect(run(['validate', widget, `--crds=${join(dir, 'crds')}`, '--crds', widgetCrd])).toMatchObject({ code: 1, out: checked });
  });

  test('with no path, it validates the cdk8s output folder: output: in ./cdk8s.yaml, else dist/', () => {
    const app = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-app-'));
    mkdirSync(join(app, 'dist'));
    writeFileSync(join(app, 'dist', 'a.yaml'), readFileSync(bad));
    expect(run(['validate'], { cwd: app })).toMatchObject({ code: 1, out: [expect.stringMatching(/^dist\/a\.yaml:6 /)] });
    writeFileSync(join(app, 'cdk8s.yaml'), 'app: node main.js\noutput: out\n');
    mkdirSync(join(app, 'out'));
    writeFileSync(join(app, 'out', 'b.yaml'), readFileSync(good));
    expect(run(['validate'], { cwd: app }).code).toBe(0);
  });

  test('a folder with the cdk8s output named in cdk8s.yaml missing falls back to dist/, and links are resolved', () => {
    const app = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-app-'));
    mkdirSync(join(app, 'dist'));
    writeFileSync(join(app, 'dist', 'a.yaml'), readFileSync(bad));
    writeFileSync(join(app, 'cdk8s.yaml'), 'output: .cdk8s.out\n');
    expect(run(['validate'], { cwd: app }).out).toEqual([expect.stringMatching(/^dist\/a\.yaml:6 /)]);
    symlinkSync('dist', join(app, '.cdk8s.out'));
    expect(run(['validate'], { cwd: app }).out).toEqual([expect.stringMatching(/^dist\/a\.yaml:6 /)]);
  });

  test('hidden entries, node_modules and links to folders are not walked; a dangling link to a manifest is an I/O error', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-walk-'));
    writeFileSync(join(folder, 'good.yaml'), readFileSync(good));
    mkdirSync(join(folder, 'node_modules'));
    writeFileSync(join(folder, 'node_modules', 'x.yaml'), readFileSync(bad));
    symlinkSync('u@h.1:1', join(folder, '.#good.yaml')); // an editor's lock file
    symlinkSync('..', join(folder, 'up'));
    expect(run(['validate', folder])).toMatchObject({ code: 0, err: '1 document in 1 file: 0 errors, 0 warnings' });
    symlinkSync('missing.yaml', join(folder, 'dangling.yaml'));
    expect(run(['validate', folder])).toMatchObject({ code: 2, err: `cdk8s-kafka: cannot read ${join(folder, 'dangling.yaml')}: no such file or directory (a symbolic link)` });
  });

  test('bytes that are not UTF-8 are an error on their document, as in kubectl; UTF-16 with a byte order mark is read', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-utf-'));
    writeFileSync(join(folder, 'latin1.yaml'), Buffer.concat([readFileSync(good), Buffer.from('---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {a: "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    expect(run(['validate', join(folder, 'latin1.yaml')])).toMatchObject({
      code: 1,
      out: [`${join(folder, 'latin1.yaml')}:6 ?/? -/- .: error: invalid YAML: line 9 is not valid UTF-8, which kubectl rejects; save the file as UTF-8`],
    });
    writeFileSync(join(folder, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(good, 'utf8'), 'utf16le')]));
    expect(run(['validate', join(folder, 'utf16.yaml')]).code).toBe(0);
  });

  test.each([
    [[], /^cdk8s-kafka: no command: try cdk8s-kafka validate; see cdk8s-kafka --help$/],
    [['lint', good], /^cdk8s-kafka: unknown command "lint"; see cdk8s-kafka --help$/],
    [['validate', good, '--strict'], /^cdk8s-kafka: unknown option "--strict"; see cdk8s-kafka --help$/],
    [['validate', good, '--crds'], /^cdk8s-kafka: --crds needs a file or directory; see/],
    [['validate', good, '--crds='], /^cdk8s-kafka: --crds needs a file or directory; see/],
    [['validate', ''], /^cdk8s-kafka: an empty path: name a file or directory/],
    [['validate', '-', '-'], /^cdk8s-kafka: - \(standard input\) can be given once/],
    [['validate', good, '--crds', '/nonexistent'], /^cdk8s-kafka: cannot read \/nonexistent: no such file or directory$/],
    [['validate', good, '--crds', good], /^cdk8s-kafka: no CustomResourceDefinition in .*good.yaml$/],
    [['validate', join(dir, 'missing.yaml')], /^cdk8s-kafka: cannot read .*missing.yaml: no such file or directory$/],
    [['validate', mkdtempSync(join(tmpdir(), 'cdk8s-kafka-empty-'))], /^cdk8s-kafka: no manifests found in .*cdk8s-kafka-empty-/],
    [['validate', '-'], /^cdk8s-kafka: no manifests found in -$/],
    [['validate'], /^cdk8s-kafka: nothing to validate: dist\/ does not exist/],
  ])('usage or I/O error %j exits 2 with one line', (args, message) => {
    const { code, out, err } = run(args, { stdin: () => '', cwd: mkdtempSync(join(tmpdir(), 'cdk8s-kafka-cwd-')) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });

  test('a cdk8s.yaml that cannot be read, or whose output is not a folder name, is a usage error, not a silent fallback', () => {
    for (const content of ['output: [\n', 'output: 5\n']) {
      const app = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-app-'));
      mkdirSync(join(app, 'dist'));
      writeFileSync(join(app, 'cdk8s.yaml'), content);
      const { code, err } = run(['validate'], { cwd: app });
      expect(code).toBe(2);
      expect(err).toMatch(/^cdk8s-kafka: cdk8s.yaml: .*; fix it, or name the files or directories to check$/);
    }
  });

  test('a --crds folder with a dangling link is a one-line I/O error', () => {
    const crds = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-crds-'));
    symlinkSync('missing.yaml', join(crds, 'x.yaml'));
    expect(run(['validate', good, '--crds', crds])).toMatchObject({ code: 2, err: `cdk8s-kafka: cannot read ${join(crds, 'x.yaml')}: no such file or directory (a symbolic link)` });
  });

  test('reading standard input from a folder is an I/O error', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'cli.ts'), 'validate', '-'], { encoding: 'utf8', stdio: [openSync(dir, 'r'), 'pipe', 'pipe'] });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: 'cdk8s-kafka: cannot read standard input: is a directory\n' });
  });

  test('after --, everything is a path', () => {
    expect(run(['validate', '--', '-h'], { cwd: dir })).toMatchObject({ code: 2, err: expect.stringMatching(/^cdk8s-kafka: cannot read .*-h: no such file or directory$/) });
  });

  test.each([[['--help']], [['-h']], [['help']], [['validate', '--help']], [['validate', good, '-h']], [['lint', '-h']]])('%j prints the usage and exits 0', (args) => {
    const { code, out } = run(args);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: cdk8s-kafka validate/);
  });

  test('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
    expect(run(['--version'])).toEqual({ code: 0, out: [`cdk8s-kafka ${version}`], err: '' });
  });

  test('reads YAML as kubectl does and knows what the API server enforces: a PrometheusRule, an EndpointSlice without endpoints, exportTo: [.]', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-upstream-'));
    writeFileSync(join(folder, 'prometheusrule.yaml'), [
      'apiVersion: monitoring.coreos.com/v1', 'kind: PrometheusRule', 'metadata: {name: kafka, namespace: monitoring}', 'spec:', '  groups:',
      '  - name: kafka', '    partial_response_strategy: Warn', '    rules:', '    - alert: UnderReplicated', '      expr: kafka_server_replicamanager_underreplicatedpartitions > 0', '      for: 5m', '',
    ].join('\n'));
    writeFileSync(join(folder, 'endpointslice.yaml'), 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: empty, namespace: kafka}\naddressType: IPv4\n');
    writeFileSync(join(folder, 'serviceentry.yaml'), [
      'apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata: {name: kafka, namespace: kafka}', 'spec:',
      '  hosts: [kafka.example.com]', '  exportTo: [.]', '  location: MESH_EXTERNAL', '  resolution: DNS', '  ports: [{number: 9093, name: tls, protocol: TLS}]', '',
    ].join('\n'));
    expect(run(['validate', folder])).toEqual({ code: 0, out: [], err: '3 documents in 3 files: 0 errors, 0 warnings' });
  });
});

describe('cdk8s-kafka schemas', () => {
  test('--kubeconform DIR writes a schema per kind and version, prints the -schema-location, and exits 0', () => {
    const app = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-schemas-'));
    const { code, out, err } = run(['schemas', '--kubeconform', 'kubeconform'], { cwd: app });
    expect(code).toBe(0);
    expect(out).toEqual(['kubeconform/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json']);
    expect(err).toMatch(/^wrote \d+ kubeconform schemas to kubeconform; check manifests with: kubeconform -strict -ignore-missing-schemas -schema-location 'kubeconform\/\{\{ \.Group \}\}\/.*' dist\/$/);
    const deployment = JSON.parse(readFileSync(join(app, 'kubeconform', 'apps', 'deployment_v1.json'), 'utf8'));
    expect(deployment.properties.kind).toEqual({ enum: ['Deployment'], type: 'string' });
    expect(JSON.parse(readFileSync(join(app, 'kubeconform', 'kafka.strimzi.io', 'kafka_v1.json'), 'utf8')).properties.kind.enum).toEqual(['Kafka']);
    expect(run(['schemas', `--kubeconform=${join(app, 'again')}`]).out).toEqual([join(app, 'again', '{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json')]);
  });

  test.each([
    [['schemas'], 'schemas needs a format: --kubeconform DIR'],
    [['schemas', '--kubeconform'], '--kubeconform needs the folder to write to'],
    [['schemas', '--kubeconform='], '--kubeconform needs the folder to write to'],
    [['schemas', '--kubeconform', 'a', '--kubeconform', 'b'], '--kubeconform can be given once'],
    [['schemas', '--kubeconform', 'a', '--crds', 'b'], 'unknown option "--crds"'],
    [['schemas', 'a'], 'schemas takes no path (got "a"); name the folder with --kubeconform DIR'],
  ])('%j is a usage error (exit 2)', (args, problem) => {
    expect(run(args, { cwd: dir })).toEqual({ code: 2, out: [], err: `cdk8s-kafka: ${problem}; see cdk8s-kafka --help` });
  });

  test('a folder that cannot be made is a one-line I/O error', () => {
    expect(run(['schemas', '--kubeconform', join(good, 'schemas')])).toEqual({ code: 2, out: [], err: `cdk8s-kafka: cannot create ${join(good, 'schemas')}: not a directory` });
  });

  test('--help describes it', () => {
    expect(run(['schemas', '--help']).out.join('\n')).toMatch(/cdk8s-kafka schemas --kubeconform DIR[\s\S]*-schema-location 'DIR\/\{\{ \.Group \}\}\/\{\{ \.ResourceKind \}\}_\{\{ \.ResourceAPIVersion \}\}\.json'/);
  });
});

describe('the installed command', () => {
  const cli = join(__dirname, '..', 'src', 'cli.ts');
  const node = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

  test('a usage or I/O error is one line on stderr and exit 2, never a stack trace', () => {
    const result = node(['validate', good, '--crds', '/nonexistent/crds']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cdk8s-kafka: cannot read /nonexistent/crds: no such file or directory\n');
    expect(result.stdout).toBe('');
  });

  test('findings exit 1, a clean run 0', () => {
    expect(node(['validate', bad]).status).toBe(1);
    expect(execFileSync(process.execPath, ['--import', 'tsx', cli, 'validate', good], { encoding: 'utf8', stdio: 'pipe' })).toBe('');
  });
});
