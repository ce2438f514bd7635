/**
 * kubeconform (the pinned one of tools/lint/kubeconform) beside the library's validator: it
 * judges the same documents by the library's own schemas, written by
 * `cdk8s-kafka schemas --kubeconform DIR`, with `-strict` (no unknown fields).
 */
import { execFileSync, spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { median } from './helm';

/** What a kubeconform run found (its `-summary` line) and how long it took (median of the runs). */
export interface KubeconformRun {
  readonly ms: number;
  readonly resources: number;
  readonly valid: number;
  readonly invalid: number;
  readonly errors: number;
  readonly skipped: number;
}

/**
 * Writes the library's schemas for kubeconform into `dir` with the CLI (lib/src/cli.js), and
 * returns the `-schema-location` it prints; undefined when this CLI has no `schemas` command.
 */
export function writeKubeconformSchemas(root: string, dir: string): string | undefined {
  const result = spawnSync('node', [join(root, 'lib', 'src', 'cli.js'), 'schemas', '--kubeconform', dir], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Median wall time of `kubeconform <args>`, with what its summary says. */
export function timeKubeconform(kubeconform: string, args: readonly string[], runs = 3): KubeconformRun {
  const times: number[] = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    // Exit status 1 is "invalid documents", which the summary says: the run is still timed.
    const result = spawnSync(kubeconform, ['-summary', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    times.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`kubeconform ${args.join(' ')}: ${result.stderr || result.stdout}`);
    summary = result.stdout;
  }
  // Summary: 239 resources found in 239 files - Valid: 207, Invalid: 0, Errors: 0, Skipped: 32
  const match = /Summary: (\d+) resources? found in \d+ files? - Valid: (\d+), Invalid: (\d+), Errors: (\d+), Skipped: (\d+)/.exec(summary);
  if (match === null) throw new Error(`kubeconform ${args.join(' ')}: no summary in ${summary.slice(-500)}`);
  const [resources, valid, invalid, errors, skipped] = match.slice(1).map(Number);
  return { ms: median(times), resources, valid, invalid, errors, skipped };
}

/** `kubeconform -v`, median wall time of `runs`, in ms. */
export function timeKubeconformVersion(kubeconform: string, runs = 5): number {
  return median(Array.from({ length: runs }, () => {
    const start = performance.now();
    execFileSync(kubeconform, ['-v'], { stdio: 'ignore' });
    return performance.now() - start;
  }));
}

/** Writes `objects` as one YAML stream (cdk8s' serializer settings) to `file`; returns `file`. */
export function writeYamlStream(file: string, objects: readonly unknown[]): string {
  writeFileSync(file, objects.map((o) => stringify(o, { keepUndefined: true, lineWidth: 0, version: '1.1' })).join('---\n'));
  return file;
}

/** The first object of each apiVersion and kind, in order. */
export function firstOfEachKind(objects: readonly unknown[]): unknown[] {
  const firsts = new Map<string, unknown>();
  for (const o of objects) {
    const { apiVersion, kind } = o as { apiVersion: string; kind: string };
    if (!firsts.has(`${apiVersion}/${kind}`)) firsts.set(`${apiVersion}/${kind}`, o);
  }
  return [...firsts.values()];
}
