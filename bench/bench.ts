/**
 * `npm run bench`: the library's speed and memory, as ratios measured in one run on this
 * machine (absolute times vary with the machine; ratios to a floor measured alongside do not).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const root = resolve(__dirname, '..', '..');
const child = join(__dirname, 'child.js');
const tmp = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-bench-'));

function measure(args: string[]): Record<string, number> {
  return JSON.parse(execFileSync('node', [child, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/** Median wall time of a command, in ms. */
function time(cmd: string, args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, CDK8S_OUTDIR: join(tmp, 'dist') } });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const lines: string[] = [];
const row = (label: string, value: string, target = '') => lines.push(`${label.padEnd(58)} ${value.padStart(14)}   ${target}`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

// 1. End to end.
const empty = time('node', ['-e', ''], 5);
const cdk8s = time('node', ['-e', "require('cdk8s')"]);
const library = time('node', ['-e', "require('./lib/src')"]);
const compiled = time('node', [join(root, 'lib', 'src', 'main.js')]);
const cli = time('npx', ['cdk8s', 'synth', '--no-check-upgrade']);
lines.push('1. synthesizing the example environments (median of 3)');
row("node -e ''", `${empty.toFixed(0)} ms`);
row("node -e \"require('cdk8s')\"", `${cdk8s.toFixed(0)} ms`);
row("node -e \"require('cdk8s-kafka')\" (load time over cdk8s)", `+${(library - cdk8s).toFixed(0)} ms`, `target <= 150 ms: ${verdict(library - cdk8s <= 150)}`);
row('node lib/src/main.js (every example environment)', `${compiled.toFixed(0)} ms`, `target <= 500 ms: ${verdict(compiled <= 500)}`);
row('npx cdk8s synth (tsx runner, CLI included)', `${cli.toFixed(0)} ms`, `the CLI + runner cost ${(cli - compiled).toFixed(0)} ms`);
const validate = time('node', [join(root, 'lib', 'src', 'cli.js'), 'validate', 'dist'], 5);
row('cdk8s-kafka validate dist/ (cold start, every document)', `${validate.toFixed(0)} ms`);
row("validate dist/ / node -e ''", ratio(validate, empty), `target <= 8×: ${verdict(validate / empty <= 8)}`);

// 2 and 3. The reference environment and its floors, at three sizes.
const sizes: Array<[string, number]> = [['1k', 1000], ['E (~15k)', 15000], ['50k', 50000]];
const ratios: Record<string, number> = {};
for (const [label, objects] of sizes) {
  const file = join(tmp, `${objects}.json`);
  const lib = measure(['library', String(objects), file]);
  const yaml = measure(['yaml', file]);
  const json = measure(['json', file]);
  ratios[label] = lib.ms / yaml.ms;
  lines.push('', `${label === 'E (~15k)' ? '2' : '3'}. reference environment ${label}: ${lib.objects} objects`);
  row('library: constructs, synth and YAML', `${lib.ms.toFixed(0)} ms`, `${lib.peakMb} MB peak`);
  row('floor F: yaml.stringify of the same objects', `${yaml.ms.toFixed(0)} ms`, `${yaml.peakMb} MB peak`);
  row('JSON.stringify of the same objects', `${json.ms.toFixed(0)} ms`, `${json.peakMb} MB peak`);
  row('library / F (time)', ratio(lib.ms, yaml.ms), label === 'E (~15k)' ? `target <= 1.3×: ${verdict(lib.ms / yaml.ms <= 1.3)}` : '');
  row('library / F (peak memory)', ratio(lib.peakMb, yaml.peakMb), label === 'E (~15k)' ? `target <= 2×: ${verdict(lib.peakMb / yaml.peakMb <= 2)}` : '');
  if (label === 'E (~15k)') {
    const v = measure(['validate', file]);
    lines.push('', `4. validator on E: ${v.objects} objects of ${v.kinds} kinds`);
    row('first object of each kind (reads its schema)', `${v.compileMs.toFixed(0)} ms`);
    row('throughput after that', `${v.perSecond} obj/s`, `target >= 2000: ${verdict(v.perSecond >= 2000)}; ${v.errors} errors`);
  }
}
const growth = ratios['50k'] / ratios['1k'];
lines.push('');
row('growth: (library / F at 50k) / (library / F at 1k)', growth.toFixed(2), `target <= 1.1: ${verdict(growth <= 1.1)}`);
console.log(lines.join('\n'));
