import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { parse } from 'yaml';
import { Environment, KafkaCluster, renderEnvironment, synthEnvironment } from '../../src';

// dist/ holds one file per object, named after it; a file system takes at most 255 bytes a name
// (NAME_MAX), while a KafkaTopic may be named with 253 characters and a ConfigMap in a long
// namespace too. Every valid name must write; names that fit keep their file.

const NAME_MAX = 255;
const LONG_TOPIC = 't'.repeat(249);
const LONG_USER = 'u'.repeat(250);

function environment(topic: string, user: string): Environment {
  const env = new Environment(new App(), 'prod');
  const eu = env.addCluster('eu-1', { namespaces: ['kafka'] });
  const kafka = new KafkaCluster(eu, 'Kafka', { name: 'events', namespace: 'kafka' });
  kafka.addTopic(topic, { partitions: 3 });
  kafka.addUser(user);
  return env;
}

/** The object files of cluster eu-1, by name. */
function objectFiles(files: Record<string, string>): string[] {
  return Object.keys(files).filter((f) => f.startsWith('eu-1/') && f !== 'eu-1/kustomization.yaml').map((f) => f.slice('eu-1/'.length)).sort();
}

describe('dist/ file names stay within NAME_MAX', () => {
  test('a name that fits keeps its file, byte for byte (the right value)', () => {
    const files = renderEnvironment(environment('orders', 'orders-app'));
    expect(objectFiles(files)).toEqual([
      '00-namespace.kafka.yaml', '06-kafka.kafka.events.yaml', '06-kafkanodepool.kafka.broker.yaml', '06-kafkanodepool.kafka.controller.yaml',
      '07-kafkatopic.kafka.orders.yaml', '07-kafkauser.kafka.orders-app.yaml',
    ]);
  });

  test('a topic of 249 characters and a user of 250 write (the value that failed with "name too long")', () => {
    const env = environment(LONG_TOPIC, LONG_USER);
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-names-'));
    try {
      synthEnvironment(env, dir);
      const written = readdirSync(join(dir, 'prod', 'eu-1')).filter((f) => f !== 'kustomization.yaml').sort();
      const files = renderEnvironment(environment(LONG_TOPIC, LONG_USER));
      expect(written).toEqual(objectFiles(files));
      for (const file of written) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(NAME_MAX);
      const topicFile = written.find((f) => f.startsWith('07-kafkatopic.'))!;
      const userFile = written.find((f) => f.startsWith('07-kafkauser.'))!;
      // The name's first bytes, '%' and 32 hex digits of its sha256: exactly NAME_MAX bytes.
      expect(topicFile).toMatch(/^07-kafkatopic\.kafka\.t+%[0-9a-f]{32}\.yaml$/);
      expect(userFile).toMatch(/^07-kafkauser\.kafka\.u+%[0-9a-f]{32}\.yaml$/);
      expect(Buffer.byteLength(topicFile)).toBe(NAME_MAX);
      // The file holds the object under its full name; kustomize finds it.
      expect(parse(readFileSync(join(dir, 'prod', 'eu-1', topicFile), 'utf8')).metadata.name).toBe(LONG_TOPIC);
      const built = execFileSync('kubectl', ['kustomize', join(dir, 'prod', 'eu-1')], { encoding: 'utf8' });
      expect(built).toContain(`name: ${LONG_TOPIC}`);
      expect(built).toContain(`name: ${LONG_USER}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('shortened names are stable and distinct: two long names that differ only at the end get two files', () => {
    const a = `${'x'.repeat(240)}-a`;
    const b = `${'x'.repeat(240)}-b`;
    const env = new Environment(new App(), 'prod');
    const eu = env.addCluster('eu-1', { namespaces: ['kafka'] });
    const kafka = new KafkaCluster(eu, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addTopic(a);
    kafka.addTopic(b);
    const topics = objectFiles(renderEnvironment(env)).filter((f) => f.startsWith('07-kafkatopic.'));
    expect(topics).toHaveLength(2);
    expect(topics[0]).not.toBe(topics[1]);
    expect(topics.every((f) => Buffer.byteLength(f) === NAME_MAX)).toBe(true);
    // The same names give the same files in another synth.
    const again = new Environment(new App(), 'prod');
    const kafka2 = new KafkaCluster(again.addCluster('eu-1', { namespaces: ['kafka'] }), 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka2.addTopic(a);
    kafka2.addTopic(b);
    expect(objectFiles(renderEnvironment(again)).filter((f) => f.startsWith('07-kafkatopic.'))).toEqual(topics);
  });

  test('a name of multi-byte characters is cut on a character boundary', () => {
    // RBAC names are path segments: any character but '/' and '%' (ValidateRBACName).
    const name = `rôle-${'é'.repeat(200)}`;
    const env = new Environment(new App(), 'prod');
    const eu = env.addCluster('eu-1', { namespaces: ['kafka'] });
    new k8s.KubeRole(eu, 'Role', { metadata: { name, namespace: 'kafka' }, rules: [] });
    const [file] = objectFiles(renderEnvironment(env)).filter((f) => f.includes('-role.'));
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(NAME_MAX);
    expect(file).toMatch(/^\d\d-role\.kafka\.rôle-é+%[0-9a-f]{32}\.yaml$/);
    // As many characters as fit: one more 'é' (2 bytes) would pass NAME_MAX.
    expect(Buffer.byteLength(file)).toBeGreaterThan(NAME_MAX - 2);
  });
});
