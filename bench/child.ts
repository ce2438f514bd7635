/**
 * One measurement in a fresh process, printed as JSON, so that each has its own heap and peak
 * memory: `library <objects> <out.json>` builds the reference through the constructs and
 * serializes it (and saves the objects for the floors); `yaml|json <in.json>` serializes the same
 * objects with the `yaml` package (cdk8s' serializer) or JSON.stringify; `validate <in.json>`
 * reads the schemas and validates every object.
 */
import { readFileSync, writeFileSync } from 'fs';
import { App, Yaml } from 'cdk8s';
import { stringify } from 'yaml';
import { synthesizeCharts } from '../src/core/synth';
import { ManifestValidator } from '../src/policy';
import { buildReference, sizeFor } from './reference';

const [mode, arg, out] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function report(result: Record<string, number>): void {
  process.stdout.write(JSON.stringify({ ...result, peakMb: peakMb() }));
}

if (mode === 'library') {
  const start = performance.now();
  const charts = buildReference(new App(), sizeFor(Number(arg)));
  const perChart = synthesizeCharts(charts);
  const text = perChart.map((objects) => Yaml.stringify(...objects)).join('');
  const ms = performance.now() - start;
  const objects = perChart.flat();
  if (out) writeFileSync(out, JSON.stringify(perChart));
  report({ ms, objects: objects.length, bytes: text.length });
} else if (mode === 'yaml' || mode === 'json') {
  const perChart = JSON.parse(readFileSync(arg, 'utf8')) as unknown[][];
  const start = performance.now();
  const text = mode === 'yaml'
    // Exactly what cdk8s' Yaml.stringify does for each document.
    ? perChart.map((objects) => objects.map((o) => stringify(o, { keepUndefined: true, lineWidth: 0, version: '1.1' })).join('---\n')).join('')
    : perChart.map((objects) => objects.map((o) => JSON.stringify(o)).join('\n')).join('');
  report({ ms: performance.now() - start, bytes: text.length });
} else if (mode === 'validate') {
  const objects = (JSON.parse(readFileSync(arg, 'utf8')) as unknown[][]).flat();
  const validator = new ManifestValidator();
  const warmup = performance.now();
  // One object of each kind reads its schema.
  const firsts = [...new Map(objects.map((o) => [`${(o as { apiVersion: string }).apiVersion}/${(o as { kind: string }).kind}`, o])).values()];
  validator.validateObjects(firsts);
  const compileMs = performance.now() - warmup;
  const start = performance.now();
  const result = validator.validateObjects(objects);
  const ms = performance.now() - start;
  report({ compileMs, ms, objects: objects.length, kinds: firsts.length, errors: result.errors, perSecond: Math.round(objects.length / (ms / 1000)) });
} else {
  throw new Error(`unknown mode ${mode}`);
}
