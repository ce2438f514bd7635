import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SUPPORTED_KAFKA_VERSIONS } from '../../src';
import { CONFIG_MODEL_VERSIONS, configDefinitions, versionsDefining } from '../../src/kafka/config-model';

const root = join(__dirname, '..', '..');
const committed = join(root, 'src', 'kafka', 'config-model.generated.ts');

/** Whether `command` runs (`java -version`, `mvn -v`). */
const runs = (command: string, arg: string) => spawnSync(command, [arg], { stdio: 'ignore' }).error === undefined;

describe("Kafka's configuration model (src/kafka/config-model.generated.ts)", () => {
  test('covers exactly the Kafka versions the library supports', () => {
    expect(CONFIG_MODEL_VERSIONS).toEqual(SUPPORTED_KAFKA_VERSIONS);
    const modules = [...readFileSync(join(root, 'tools', 'kafka-config', 'pom.xml'), 'utf8').matchAll(/<module>kafka\/([^<]+)<\/module>/g)].map((m) => m[1]);
    expect(modules).toEqual(SUPPORTED_KAFKA_VERSIONS);
  });

  test('holds what Kafka defines, as Kafka defines it', () => {
    expect(configDefinitions('topic', '4.3.1').get('retention.ms')).toEqual({ sets: ['topic'], type: 'LONG', default: '604800000', validator: { range: ['-1', null] }, importance: 'medium' });
    expect(configDefinitions('topic', '4.3.1').get('cleanup.policy')?.validator).toEqual({ list: ['compact', 'delete'], emptyAllowed: true, nullAllowed: false });
    expect(configDefinitions('broker', '4.3.1').get('offsets.topic.replication.factor')).toMatchObject({ type: 'SHORT', default: '3', validator: { range: ['1', null] } });
    expect(configDefinitions('producer', '4.3.1').get('acks')).toMatchObject({ type: 'STRING', default: 'all', validator: { in: ['all', '-1', '0', '1'] } });
    // Kafka 4.3.0 removed the internal group.share.enable (share groups are on by default) and added cordoned.log.dirs.
    expect(versionsDefining('broker', 'group.share.enable')).toEqual(['4.2.0', '4.2.1']);
    expect(versionsDefining('broker', 'cordoned.log.dirs')).toEqual(['4.3.0', '4.3.1']);
    for (const version of SUPPORTED_KAFKA_VERSIONS) {
      expect(configDefinitions('topic', version).size).toBeGreaterThan(30);
      expect(configDefinitions('broker', version).size).toBeGreaterThan(300);
    }
  });

  // Regenerated from Kafka's own jars (tools/kafka-config) when java and mvn are on PATH; a cold
  // run fetches the Kafka jars of every supported version into ~/.m2, a warm one stays offline.
  const tools = runs('java', '-version') && runs('mvn', '-v');
  if (!tools && process.env.CI !== 'true') {
    // eslint-disable-next-line no-console
    console.warn('java or mvn is not on PATH: skipped regenerating src/kafka/config-model.generated.ts from Kafka\'s jars (`npm run kafka-config`)');
  }
  (tools || process.env.CI === 'true' ? test : test.skip)('is what `npm run kafka-config` makes of Kafka\'s jars, byte for byte', () => {
    if (!tools) throw new Error('java or mvn is not on PATH: CI must regenerate the Kafka configuration model from Kafka\'s jars (tools/kafka-config)');
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-config-model-'));
    try {
      const out = join(dir, 'config-model.generated.ts');
      const run = spawnSync('node', [join(root, 'scripts', 'kafka-config.mjs'), out], { encoding: 'utf8' });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      // Regenerate with `npm run kafka-config`.
      if (readFileSync(out, 'utf8') !== readFileSync(committed, 'utf8')) throw new Error('src/kafka/config-model.generated.ts differs from a fresh `npm run kafka-config`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
