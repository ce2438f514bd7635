/**
 * One measurement in a fresh process, printed as JSON, so that each has its own heap and peak
 * memory: `library <objects> [out.json]` builds the reference through the constructs and
 * serializes it (and saves the objects for the floors, and their YAML as `out.yaml`);
 * `phases <objects>` does the same and says where the time went; `yaml|json <in.json>` serializes
 * the same objects with the `yaml` package (cdk8s' serializer) or JSON.stringify;
 * `validate <in.json>` reads the schemas and validates every object.
 */
import { readFileSync, writeFileSync } from 'fs';
import { ApiObject, App, Yaml } from 'cdk8s';
import { Node } from 'constructs';
import { stringify } from 'yaml';
import * as certManager from '../imports/certmanager-cert-manager.io';
import * as envoyGateway from '../imports/envoygateway-gateway.envoyproxy.io';
import * as gatewayApi from '../imports/gatewayapi-gateway.networking.k8s.io';
import * as istio from '../imports/istio-networking.istio.io';
import * as strimzi from '../imports/strimzi-kafka.strimzi.io';
import { ConsistencyPass } from '../src/core/consistency';
import * as props from '../src/core/props';
import { synthesizeCharts } from '../src/core/synth';
import { ManifestValidator } from '../src/policy';
import { buildReference, sizeFor } from './reference';

const [mode, arg, out] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function report(result: Record<string, number>): void {
  process.stdout.write(JSON.stringify({ ...result, peakMb: peakMb() }));
}

/**
 * Wraps `owner[name]` (a function) so that the time spent in its outermost calls adds up in
 * `totals[label]`; calls sharing a `depth` counter count once, at the outermost.
 */
function timed(owner: object, name: string, totals: Record<string, number>, label: string, depth = { n: 0 }): void {
  const o = owner as Record<string, (...args: unknown[]) => unknown>;
  const original = o[name];
  totals[label] ??= 0;
  o[name] = function (this: unknown, ...args: unknown[]) {
    if (depth.n++ > 0) {
      try { return original.apply(this, args); } finally { depth.n--; }
    }
    const start = performance.now();
    try { return original.apply(this, args); } finally { totals[label] += performance.now() - start; depth.n--; }
  };
}

if (mode === 'library' || mode === 'phases') {
  // Where the time goes, measured by wrapping the functions that do each part (a few ms of
  // wrapping at E): argument checks, validations (the consistency pass among them), cdk8s'
  // ApiObject.toJson (prop resolution, metadata, sanitizing and key sorting), and the imports'
  // L1 toJson (each calls ApiObject.toJson, then maps the props to their JSON names).
  const phases: Record<string, number> = {};
  if (mode === 'phases') {
    timed(props, 'checkArgs', phases, 'argument checks');
    timed(Node.prototype, 'validate', phases, 'validations');
    timed(ConsistencyPass.prototype, 'validate', phases, 'consistency pass');
    const toJson = { n: 0 };
    for (const module of [certManager, envoyGateway, gatewayApi, istio, strimzi]) {
      for (const value of Object.values(module)) {
        if (typeof value === 'function' && ApiObject.prototype.isPrototypeOf(value.prototype) && Object.hasOwn(value.prototype, 'toJson')) timed(value.prototype, 'toJson', phases, 'toJson', toJson);
      }
    }
    timed(ApiObject.prototype, 'toJson', phases, 'toJson', toJson);
    timed(ApiObject.prototype, 'toJson', phases, 'ApiObject.toJson');
  }
  const loaded = performance.now();
  const app = new App();
  const charts = buildReference(app, sizeFor(Number(arg)));
  const built = performance.now();
  const perChart = synthesizeCharts(charts);
  const synthesized = performance.now();
  const documents = perChart.map((objects) => Yaml.stringify(...objects));
  const end = performance.now();
  const objects = perChart.flat();
  if (out) {
    writeFileSync(out, JSON.stringify(perChart));
    writeFileSync(out.replace(/\.json$/, '.yaml'), documents.join('---\n'));
  }
  // wallMs: from the process' start (node's start-up and loading the library included).
  report({ ms: end - loaded, wallMs: end, loadMs: loaded, constructMs: built - loaded, synthMs: synthesized - built, yamlMs: end - synthesized, ...phases, objects: objects.length, bytes: documents.reduce((n, d) => n + d.length, 0) });
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
