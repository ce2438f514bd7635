/**
 * `npm run bench`: the library's speed and memory, as ratios measured in one run on this
 * machine (absolute times vary with the machine; ratios to a floor measured alongside do not).
 * The floors: the `yaml` package serializing the same objects (F, cdk8s' own serializer),
 * JSON.stringify, and Helm rendering the same objects from static templates (bench/helm.ts).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { helmStartup, median, oneObjectChart, timeHelmTemplate, writeHelmCharts } from './helm';
import { firstOfEachKind, timeKubeconform, timeKubeconformVersion, writeKubeconformSchemas, writeYamlStream } from './kubeconform';
import { lintTool } from '../test/lint-tools';

const root = resolve(__dirname, '..', '..');
const child = join(__dirname, 'child.js');
// One fixed folder, emptied first (a run that was killed leaves it behind) and removed at the end.
const tmp = join(tmpdir(), 'cdk8s-kafka-bench');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

type Measured = Record<string, number>;

function measure(args: string[]): Measured {
  return JSON.parse(execFileSync('node', [child, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/** The run with the median `ms` of `runs` runs of the child. */
function measureMedian(args: string[], runs = 3): Measured {
  const results = Array.from({ length: runs }, () => measure(args));
  const ms = median(results.map((r) => r.ms));
  return results.find((r) => r.ms === ms)!;
}

/** Median wall time of a command, in ms. */
function time(cmd: string, args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, CDK8S_OUTDIR: join(tmp, 'dist') } });
    times.push(performance.now() - start);
  }
  return median(times);
}

const lines: string[] = [];
const row = (label: string, value: string, target = '') => lines.push(`${label.padEnd(70)} ${value.padStart(14)}   ${target}`.trimEnd());
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const ms = (value: number) => `${value.toFixed(0)} ms`;
const share = (part: number, whole: number) => `${(100 * part / whole).toFixed(0)}%`;

// 1. End to end.
const empty = time('node', ['-e', ''], 5);
const cdk8s = time('node', ['-e', "require('cdk8s')"]);
const library = time('node', ['-e', "require('./lib/src')"]);
const compiled = time('node', [join(root, 'lib', 'src', 'main.js')]);
const cli = time('npx', ['cdk8s', 'synth', '--no-check-upgrade']);
lines.push('1. synthesizing the example environments (median of 3)');
row("node -e ''", ms(empty));
row("node -e \"require('cdk8s')\"", ms(cdk8s));
row("node -e \"require('cdk8s-kafka')\" (load time over cdk8s)", `+${(library - cdk8s).toFixed(0)} ms`, `target <= 150 ms: ${verdict(library - cdk8s <= 150)}`);
row('node lib/src/main.js (every example environment)', ms(compiled), `target <= 500 ms: ${verdict(compiled <= 500)}`);
row('npx cdk8s synth (tsx runner, CLI included)', ms(cli), `the CLI + runner cost ${(cli - compiled).toFixed(0)} ms`);
const validate = time('node', [join(root, 'lib', 'src', 'cli.js'), 'validate', 'dist'], 5);
row('cdk8s-kafka validate dist/ (cold start, every document)', ms(validate));
row("validate dist/ / node -e ''", ratio(validate, empty), `target <= 8×: ${verdict(validate / empty <= 8)}`);

// Helm, built from tools/lint/helm on first use (undefined without go: its rows are left out).
const helm = lintTool('helm')?.path;
const startupChart = oneObjectChart(join(tmp, 'helm-startup'));
const startup = helm === undefined ? undefined : helmStartup(helm, startupChart);
if (startup !== undefined) {
  lines.push('', "Helm's start-up (median of 5)");
  row('helm version', ms(startup.versionMs));
  row('helm template of a chart of one object', ms(startup.oneObjectMs));
}

// 2 and 3. The reference environment and its floors, at three sizes (E first).
const sizes: Array<[string, number]> = [['E (~15k)', 15000], ['1k', 1000], ['50k', 50000]];
const ratios: Record<string, number> = {};
for (const [label, objects] of sizes) {
  const isE = label === 'E (~15k)';
  const file = join(tmp, `${objects}.json`);
  const lib = measureMedian(['library', String(objects), file]);
  const yaml = measure(['yaml', file]);
  const json = measure(['json', file]);
  ratios[label] = lib.ms / yaml.ms;
  lines.push('', `${isE ? '2' : '3'}. reference environment ${label}: ${lib.objects} objects (library and helm: median of 3)`);
  row('library: constructs, synth and YAML, in process', ms(lib.ms), `${lib.peakMb} MB peak`);
  row('library from a cold start (node, loading the library, all of the above)', ms(lib.wallMs));
  row('floor F: yaml.stringify of the same objects', ms(yaml.ms), `${yaml.peakMb} MB peak`);
  row('JSON.stringify of the same objects', ms(json.ms), `${json.peakMb} MB peak`);
  row('library / F (time)', ratio(lib.ms, yaml.ms), isE ? `target <= 1.3×: ${verdict(lib.ms / yaml.ms <= 1.3)}` : '');
  row('library / F (peak memory)', ratio(lib.peakMb, yaml.peakMb), isE ? `target <= 2×: ${verdict(lib.peakMb / yaml.peakMb <= 2)}` : '');
  if (helm !== undefined) helmRows(helm, file, lib, yaml.ms);
  if (isE) phaseRows(objects);
}
const growth = ratios['50k'] / ratios['1k'];
lines.push('');
row('growth: (library / F at 50k) / (library / F at 1k)', growth.toFixed(2), `target <= 1.1: ${verdict(growth <= 1.1)}`);

// 4. The validator on E, and 5. kubeconform beside it.
const eFile = join(tmp, '15000.json');
const v = measure(['validate', eFile]);
lines.push('', `4. validator on E: ${v.objects} objects of ${v.kinds} kinds`);
row('first object of each kind (reads its schema)', ms(v.compileMs));
row('throughput after that', `${v.perSecond} obj/s`, `target >= 2000: ${verdict(v.perSecond >= 2000)}; ${v.errors} errors`);
kubeconformRows(eFile, v.perSecond);
console.log(lines.join('\n'));

/**
 * `helm template` of the objects in `file` (bench/helm.ts: one chart per cluster, one static
 * template per object) beside the library and F: the goal is the library at or under Helm's time.
 */
function helmRows(helm: string, file: string, lib: Measured, yamlMs: number): void {
  const dir = join(tmp, 'helm-charts');
  const charts = writeHelmCharts(dir, JSON.parse(readFileSync(file, 'utf8')) as unknown[][]);
  const rendered = timeHelmTemplate(helm, charts, startupChart, join(tmp, 'helm-output.yaml'));
  rmSync(dir, { recursive: true, force: true });
  if (rendered.documents !== lib.objects) throw new Error(`helm template rendered ${rendered.documents} documents of ${lib.objects}`);
  const perObject = rendered.ms - charts.length * rendered.startupMs;
  row(`helm template, one chart per cluster (${charts.length}), a template per object`, ms(rendered.ms), 'start-ups included');
  row(`helm template minus ${charts.length} start-ups (${ms(rendered.startupMs)} each, taken alongside)`, ms(perObject));
  row('library / helm template (both from a cold start)', ratio(lib.wallMs, rendered.ms), `target <= 1×: ${verdict(lib.wallMs <= rendered.ms)}`);
  row('library in process / helm template minus start-ups', ratio(lib.ms, perObject), `target <= 1×: ${verdict(lib.ms <= perObject)}`);
  row('helm template / F', ratio(rendered.ms, yamlMs));
}

/**
 * Where the library's time on E goes, measured in one run by wrapping the functions that do
 * each part (bench/child.ts `phases`). On this 2-core machine (issue 16) it was: YAML ~44%
 * (cdk8s' Yaml.stringify, which is F itself), constructs ~22% (cdk8s' ApiObject and the
 * constructs tree about a quarter of that; the library's own checks the rest: argument checks,
 * each KRaft pod's server.properties judged by Kafka's config model, names), toJson ~15%
 * (cdk8s' resolve, sanitize and key sorting ~11%, the imports' toJson_ mapping ~5%),
 * validations ~13% (nearly all the consistency pass), cdk8s' dependency ordering ~6%. A
 * `node --cpu-prof` of the child agrees (self time: the `yaml` package ~39%, garbage collection
 * ~16%, cdk8s ~15%, constructs ~4%, the library's own code ~17%, the imports ~4%). So the library
 * cannot reach Helm's time on E while it serializes with the `yaml` package: F alone is
 * ~0.6-0.8× helm template (which copies template text and never serializes an object), leaving
 * ~0.2-0.4× of Helm's time for everything else, which takes ~1×.
 */
function phaseRows(objects: number): void {
  const p = measure(['phases', String(objects)]);
  const rest = p.synthMs - p['validations'] - p['toJson'];
  const phase = (label: string, value: number) => row(label, ms(value), share(value, p.ms));
  lines.push('', `   where the library's time on E goes (one run, in process: ${ms(p.ms)}; share of that)`);
  phase('   constructs', p.constructMs);
  phase("     of which the library's argument checks (checkArgs)", p['argument checks']);
  phase("   validations (every construct's, run by cdk8s before any chart)", p['validations']);
  phase('     of which the consistency pass', p['consistency pass']);
  phase('   toJson of every object', p['toJson']);
  phase("     of which cdk8s' ApiObject.toJson (resolve, sanitize, sort)", p['ApiObject.toJson']);
  phase("     of which the imports' toJson_ mapping to JSON names", p['toJson'] - p['ApiObject.toJson']);
  phase('   the rest of synth (cdk8s dependency graph and ordering)', rest);
  phase("   YAML (cdk8s' Yaml.stringify: F itself)", p.yamlMs);
  row('   loading the library, before the clock (node start-up included)', ms(p.loadMs));
}

/**
 * 5. kubeconform with the library's schemas, beside the validator: start-up, dist/ from a cold
 * start, and throughput on E (one file, judged after the first object of each kind, as in 4).
 */
function kubeconformRows(file: string, validatorPerSecond: number): void {
  const kubeconform = lintTool('kubeconform')?.path;
  const location = kubeconform === undefined ? undefined : writeKubeconformSchemas(root, join(tmp, 'kubeconform'));
  if (kubeconform === undefined || location === undefined) {
    lines.push('', `5. kubeconform: left out (${kubeconform === undefined ? 'no go to build it' : 'this CLI has no `schemas --kubeconform`'})`);
    return;
  }
  const strict = ['-strict', '-schema-location', location];
  const objects = (JSON.parse(readFileSync(file, 'utf8')) as unknown[][]).flat();
  const one = writeYamlStream(join(tmp, 'one.yaml'), [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'kafka' }, data: { key: 'value' } }]);
  const firsts = writeYamlStream(join(tmp, 'firsts.yaml'), firstOfEachKind(objects));
  const eYaml = file.replace(/\.json$/, '.yaml');
  const version = timeKubeconformVersion(kubeconform);
  const small = timeKubeconform(kubeconform, [...strict, one], 5);
  const dist = timeKubeconform(kubeconform, [...strict, '-ignore-missing-schemas', join(root, 'dist')], 5);
  const onE = timeKubeconform(kubeconform, [...strict, eYaml]);
  const onFirsts = timeKubeconform(kubeconform, [...strict, firsts]);
  const validateE = time('node', [join(root, 'lib', 'src', 'cli.js'), 'validate', eYaml]);
  const perSecond = Math.round((onE.resources - onFirsts.resources) / ((onE.ms - onFirsts.ms) / 1000));
  const found = (r: { invalid: number; errors: number }) => `${r.invalid} invalid, ${r.errors} errors`;
  lines.push('', '5. kubeconform -strict with the library\'s schemas (cdk8s-kafka schemas --kubeconform), median of 5 (E: of 3)');
  row('kubeconform -v', ms(version));
  row('kubeconform, one small document (a ConfigMap)', ms(small.ms), found(small));
  row(`kubeconform dist/ (${dist.resources} documents, ${dist.skipped} without a schema skipped)`, ms(dist.ms), found(dist));
  row('cdk8s-kafka validate dist/ (cold start, as in 1)', ms(validate));
  row('kubeconform dist/ / validate dist/', ratio(dist.ms, validate));
  row(`kubeconform on E (one file of ${onE.resources} documents)`, ms(onE.ms), found(onE));
  row('cdk8s-kafka validate on the same file (cold start)', ms(validateE));
  row(`kubeconform on E's first object of each kind (${onFirsts.resources})`, ms(onFirsts.ms));
  row('kubeconform throughput on E after that (its default 4 workers)', `${perSecond} obj/s`);
  row('validator throughput on E after the first of each kind (as in 4)', `${validatorPerSecond} obj/s`);
  row('validator / kubeconform throughput', ratio(validatorPerSecond, perSecond));
}
