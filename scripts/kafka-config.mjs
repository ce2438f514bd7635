#!/usr/bin/env node
// Regenerates src/kafka/config-model.generated.ts: Apache Kafka's own configuration definitions
// (ConfigDef) of brokers, topics, producers, consumers, admin clients, Connect workers and
// MirrorMaker 2, for every Kafka version the library supports, read from Kafka's jars.
//
// tools/kafka-config is a Maven reactor: generator/ (a Java 17 program) and one module per Kafka
// version, kafka/<version>/, whose classpath Maven resolves. The reactor is built in a scratch copy
// (nothing is written into the repository but the output), offline first: with the jars in
// ~/.m2 nothing is fetched. Then the generator runs once per version on that version's classpath
// and prints its ConfigDefs as JSON; this script merges the versions into one model in which each
// definition is stored once, with the config sets and versions it belongs to.
//
// usage: node scripts/kafka-config.mjs [OUTPUT]   (default: src/kafka/config-model.generated.ts)
//        node scripts/kafka-config.mjs --judge VERSION CASES
//   prints Kafka VERSION's own verdict on each line of the file CASES (`set<TAB>key<TAB>value`):
//   `ok`, `error: <Kafka's message>` or `unknown`, one a line, for the tests that hold the
//   library's checks to Kafka's.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(root, 'tools', 'kafka-config');
const judging = process.argv[2] === '--judge';
const output = resolve(judging ? '' : process.argv[2] ?? join(root, 'src', 'kafka', 'config-model.generated.ts'));
const MAIN = 'dev.cdk8s.kafka.config.KafkaConfigModel';

/** Runs a command, failing with its output. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error !== undefined) throw new Error(`${command}: ${result.error.message}`);
  return result;
}

/** Builds the reactor in `dir`: offline when ~/.m2 has everything, else fetching what is missing. */
function build(dir) {
  const args = ['-B', '-q', '-f', join(dir, 'pom.xml'), 'compile'];
  if (run('mvn', ['-o', ...args]).status === 0) return;
  const online = run('mvn', args);
  if (online.status !== 0) throw new Error(`mvn ${args.join(' ')} failed:\n${online.stdout}${online.stderr}`);
}

/** The Kafka versions of the reactor, in its order (oldest first). */
function versionsOf(dir) {
  return [...readFileSync(join(dir, 'pom.xml'), 'utf8').matchAll(/<module>kafka\/([^<]+)<\/module>/g)].map((m) => m[1]);
}

/** Runs the generator on Kafka `version`'s classpath, with `args` after the version and `input` on its standard input. */
function generator(dir, version, args = [], input = undefined) {
  const classpath = readFileSync(join(dir, 'kafka', version, 'target', 'classpath.txt'), 'utf8').trim();
  const java = run('java', ['-cp', [join(dir, 'generator', 'target', 'classes'), classpath].join(delimiter), MAIN, version, ...args], { input });
  if (java.status !== 0) throw new Error(`the generator failed for Kafka ${version}:\n${java.stderr}`);
  return java.stdout;
}

/** One version's ConfigDefs, as the generator prints them. */
function extract(dir, version) {
  return JSON.parse(generator(dir, version));
}

/**
 * The versions merged: every config name with its variants, each a definition (type, default,
 * validator, importance, internal) with the sets that define the name so and, unless it is every
 * version, the versions that do.
 */
function merge(raw) {
  const versions = raw.map((r) => r.version);
  const sets = Object.keys(raw[0].sets);
  for (const r of raw) {
    if (Object.keys(r.sets).join() !== sets.join()) throw new Error(`Kafka ${r.version} has the config sets ${Object.keys(r.sets)}, not ${sets}`);
  }
  /** name → definition (as JSON) → set → versions */
  const names = new Map();
  for (const r of raw) {
    for (const set of sets) {
      for (const [name, definition] of Object.entries(r.sets[set])) {
        const byDefinition = names.get(name) ?? new Map();
        names.set(name, byDefinition);
        const json = JSON.stringify(definition);
        const bySet = byDefinition.get(json) ?? new Map();
        byDefinition.set(json, bySet);
        bySet.set(set, [...(bySet.get(set) ?? []), r.version]);
      }
    }
  }
  const configs = {};
  for (const name of [...names.keys()].sort()) {
    const variants = [];
    for (const [json, bySet] of names.get(name)) {
      // Sets that have this definition in the same versions share a variant.
      const byVersions = new Map();
      for (const [set, in_] of bySet) byVersions.set(in_.join(), [...(byVersions.get(in_.join()) ?? []), set]);
      for (const [key, setsOf] of byVersions) {
        const vs = key.split(',');
        variants.push({ sets: setsOf, ...(vs.length < versions.length && { versions: vs }), ...JSON.parse(json) });
      }
    }
    const first = (v) => [versions.indexOf((v.versions ?? versions)[0]), sets.indexOf(v.sets[0])];
    variants.sort((a, b) => first(a)[0] - first(b)[0] || first(a)[1] - first(b)[1]);
    configs[name] = variants;
  }
  return { versions, sets, configs };
}

function render(model) {
  const lines = Object.entries(model.configs).map(([name, variants]) => `    ${JSON.stringify(name)}: ${JSON.stringify(variants)},`);
  return [
    '// Generated by `npm run kafka-config` (scripts/kafka-config.mjs, tools/kafka-config) from the ConfigDefs of',
    "// Apache Kafka's own jars; do not edit.",
    "import type { ConfigModelData } from './config-model';",
    '',
    '/**',
    ' * Every configuration Kafka defines, per config set and Kafka version: each name with its variants,',
    ' * a definition and the sets (and, unless every version, the versions) that define the name so.',
    ' */',
    'export const KAFKA_CONFIG_MODEL: ConfigModelData = {',
    `  versions: ${JSON.stringify(model.versions)},`,
    `  sets: ${JSON.stringify(model.sets)},`,
    '  configs: {',
    ...lines,
    '  },',
    '};',
    '',
  ].join('\n');
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-config-'));
try {
  cpSync(project, work, { recursive: true, filter: (source) => !/[\\/]target([\\/]|$)/.test(source) });
  build(work);
  if (judging) {
    process.stdout.write(generator(work, process.argv[3], ['--judge'], readFileSync(process.argv[4], 'utf8')));
  } else {
    const raw = versionsOf(work).map((version) => extract(work, version));
    writeFileSync(output, render(merge(raw)));
    console.error(`wrote ${output} (Kafka ${raw.map((r) => r.version).join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
