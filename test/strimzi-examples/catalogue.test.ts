import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { formatFinding } from '../../src/policy';
import { Manifest, sharedValidator } from '../support';
import { exampleFiles, rebuildOf, synthRebuild, UPSTREAM } from './catalogue';
import { effectDifferences, isStrimzi, parseExample, unexplained } from './effect';

/**
 * Strimzi 1.2.0's example catalogue (packaging/examples; upstream/SOURCES.md), rebuilt through the
 * public API: each file's rebuild (rebuilds/<same path>.ts) must synthesize, validate, and have
 * the file's effect: every Strimzi resource it defines, with every field it sets, save the
 * differences the rebuild names with a reason. test/kube/catalogue.test.ts applies them to a real
 * API server.
 */
const files = exampleFiles();
/** Escape hatches a rebuild must not use: it is the public, typed API or nothing. */
const ESCAPE_HATCHES = [/\bApiObject\b/, /JsonPatch/, /addOverride/, /\.resource\b/, /imports\//, /\bas any\b/];

test('the catalogue is Strimzi 1.2.0\'s: 51 files with Strimzi resources, each rebuilt or said why not', () => {
  expect(files).toHaveLength(51);
  const missing = files.filter((f) => !existsSync(rebuildOf(f).module));
  expect(missing).toEqual([]);
});

/**
 * The validator on Strimzi's own files: they are valid, save two that predate the v1 API. In
 * `kafka.strimzi.io/v1` a KafkaConnect requires groupId and the three storage topics
 * (KafkaConnectSpec: @RequiredInVersions("v1+"); the CRD's `required`), which the two Connect
 * metrics examples leave out, so the API server rejects them as written. Their rebuilds are valid:
 * the library names the group and topics after the Connect cluster.
 */
test('the validator finds in Strimzi\'s own files exactly the fields v1 requires of the two Connect metrics examples', () => {
  const errors = files.flatMap((file) => sharedValidator().validateText(readFileSync(join(UPSTREAM, file), 'utf8'), file).findings)
    .filter((f) => f.severity === 'error').map(formatFinding).map((line) => line.replace(/:\d+ /, ' '));
  const missing = (file: string) => ['groupId', 'configStorageTopic', 'statusStorageTopic', 'offsetStorageTopic']
    .map((field) => `${file} kafka.strimzi.io/v1/KafkaConnect -/my-connect-cluster spec.${field}: error: required value`);
  expect(errors).toEqual([...missing('metrics/kafka-connect-metrics.yaml'), ...missing('metrics/strimzi-metrics-reporter/kafka-connect-metrics.yaml')]);
});

describe.each(files)('%s', (file) => {
  const { module, exported } = rebuildOf(file);
  const upstream = parseExample(readFileSync(join(UPSTREAM, file), 'utf8'));
  const defined = upstream.filter(isStrimzi);

  test('rebuilt through the public API only, or said why not', () => {
    if (exported === undefined) return; // the catalogue test above fails
    const source = readFileSync(module, 'utf8');
    expect(ESCAPE_HATCHES.filter((re) => re.test(source)).map(String)).toEqual([]);
    if (exported.rebuild === undefined) {
      // Only files without kafka.strimzi.io resources may be left out (the acceptance).
      expect(defined.filter((d) => d.apiVersion.startsWith('kafka.strimzi.io/')).map((d) => d.kind)).toEqual([]);
      expect(exported.notRebuilt?.length ?? 0).toBeGreaterThan(80); // a reason, not a placeholder
    }
  });

  const rebuild = exported?.rebuild;
  if (rebuild === undefined) return;

  let objects: Manifest[] = [];
  test(`synthesizes and validates: ${rebuild.summary}`, () => {
    objects = synthRebuild(rebuild);
    const findings = sharedValidator().validateObjects(objects).findings.map(formatFinding);
    expect(findings).toEqual([]);
  });

  test('has the example\'s effect, save the differences it names', () => {
    expect(objects.length).toBeGreaterThan(0);
    const { diffs, stale } = unexplained(effectDifferences(upstream, objects), rebuild.deviations ?? []);
    expect(diffs).toEqual([]);
    expect(stale).toEqual([]);
  });
});
