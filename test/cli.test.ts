import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../src/cli';
import { CRD_DIRECTORY } from './support';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    return { code: main(args, env), out, err: err.join('\n') };
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
  'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: orders, namespace: kafka}\nspec: {partitions: 3}\n',
].join('---\n'));

describe('cdk8s-kafka validate', () => {
  test('exits 0 on valid manifests and prints a summary', () => {
    expect(run(['validate', good, '--crds', CRD_DIRECTORY])).toEqual({ code: 0, out: [], err: '1 documents: 0 errors, 0 warnings' });
  });

  test('prints one line per finding and exits 1 on an error', () => {
    const { code, out } = run(['validate', dir], { CDK8S_KAFKA_CRDS: CRD_DIRECTORY });
    expect(code).toBe(1);
    expect(out).toEqual([
      `${bad}:2 kafka.strimzi.io/v1beta2/KafkaTopic kafka/orders apiVersion: error: kafka.strimzi.io/v1beta2 KafkaTopic is not served (by ${join(CRD_DIRECTORY, 'strimzi', '043-Crd-kafkatopic.yaml')}); use kafka.strimzi.io/v1`,
    ]);
  });

  test('--crds= form, and --crds wins over $CDK8S_KAFKA_CRDS', () => {
    expect(run(['validate', good, `--crds=${CRD_DIRECTORY}`], { CDK8S_KAFKA_CRDS: '/nonexistent' }).code).toBe(0);
  });

  test.each([
    [[], /usage: cdk8s-kafka validate/],
    [['lint', good], /unknown command "lint"/],
    [['validate', good], /no CRD directory: pass --crds DIR or set CDK8S_KAFKA_CRDS/],
    [['validate', good, '--crds', '/nonexistent'], /CRD directory "\/nonexistent" does not exist/],
    [['validate', '--crds', CRD_DIRECTORY], /nothing to validate/],
    [['validate', join(dir, 'missing.yaml'), '--crds', CRD_DIRECTORY], /missing.yaml" does not exist/],
    [['validate', good, '--strict'], /unknown option "--strict"/],
  ])('usage error %j exits 2', (args, message) => {
    const { code, out, err } = run(args);
    expect(code).toBe(2);
    expect(`${out.join('\n')}\n${err}`).toMatch(message);
  });

  test('--help exits 0', () => {
    expect(run(['--help']).code).toBe(0);
  });
});
