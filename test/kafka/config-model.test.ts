import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SUPPORTED_KAFKA_VERSIONS } from '../../src';
import { configIssues } from '../../src/kafka/broker-config';
import { CONFIG_MODEL_VERSIONS, configDefinitions, ConfigSet, ConfigValidator, versionsDefining } from '../../src/kafka/config-model';

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

  // The library's checks against Kafka's own: every key of every config set, each with values of
  // every kind, judged by Kafka's ConfigDef.parseType and the key's validator (the generator's
  // --judge) and by configIssues, must get the same verdict. Left out: CLASS keys (Kafka loads the
  // class) and validators the model only describes (Kafka's code, e.g. the controller quorum's).
  const VALUES = ['', ' ', '0', '1', '-1', '-2', '+5', ' 5 ', '5.0', '1e3', '0.5', '0.5d', '1.5', 'NaN', 'true', 'TRUE', 'yes', '7d', '1048576', '2147483648', '-2147483649',
    '9223372036854775808', '32768', 'a,b', 'a,,b', 'a, b', 'compact', 'delete', 'Compact', 'compact,delete', 'producer', 'zstd', 'none', 'CreateTime', 'PLAINTEXT', 'ssl', 'all',
    'broker,controller', '*', '0:1,1:2', 'TLSv1.3', 'required'];
  const opaque = (v?: ConfigValidator): boolean => v !== undefined && ((v.class !== undefined && !/^\[(-?\d+),\.\.\.,(-?\d+)\] or (-?\d+)$/.test(v.text ?? '')) || (v.all ?? []).some(opaque));
  (tools || process.env.CI === 'true' ? test.each : test.skip.each)(['4.2.0', '4.3.1'])('the library judges values as Kafka %s does', (version) => {
    if (!tools) throw new Error('java or mvn is not on PATH: CI must hold the configuration checks to Kafka\'s own (tools/kafka-config)');
    const cases: Array<[ConfigSet, string, string]> = [];
    for (const set of ['broker', 'topic', 'producer', 'consumer', 'admin', 'connect', 'mirrormaker', 'mirror-source', 'mirror-checkpoint', 'mirror-heartbeat'] as ConfigSet[]) {
      for (const [key, definition] of configDefinitions(set, version)) {
        if (definition.type !== 'CLASS' && !opaque(definition.validator)) cases.push(...VALUES.map((value): [ConfigSet, string, string] => [set, key, value]));
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-config-judge-'));
    try {
      writeFileSync(join(dir, 'cases.tsv'), `${cases.map((c) => c.join('\t')).join('\n')}\n`);
      const run = spawnSync('node', [join(root, 'scripts', 'kafka-config.mjs'), '--judge', version, join(dir, 'cases.tsv')], { encoding: 'utf8', maxBuffer: 1 << 30 });
      expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      const verdicts = run.stdout.trimEnd().split('\n');
      expect(verdicts).toHaveLength(cases.length);
      expect(cases.length).toBeGreaterThan(40_000);
      const disagreements = cases.flatMap(([set, key, value], i) => {
        const ours = configIssues(set, version, { [key]: value });
        return (ours.length === 0) === (verdicts[i] === 'ok') ? [] : [`${set} ${key}=${JSON.stringify(value)}: Kafka ${verdicts[i]}, the library ${ours[0] ?? 'ok'}`];
      });
      // Deliberately stricter: a DOUBLE of NaN, which Kafka takes (Double.parseDouble) and no setting means.
      expect(disagreements.filter((d) => !/^\S+ \S+="NaN": Kafka ok, the library .*must be a number: Kafka reads it as DOUBLE/.test(d))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
