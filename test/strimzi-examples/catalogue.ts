import { existsSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import { Chart, Testing } from 'cdk8s';
import type { Manifest } from '../support';
import type { NotRebuilt, Rebuild } from './rebuild';

/** Strimzi 1.2.0's example files, vendored unchanged (upstream/SOURCES.md). */
export const UPSTREAM = join(__dirname, 'upstream');
/** One rebuild per example file, at the same path with `.ts`. */
export const REBUILDS = join(__dirname, 'rebuilds');

/** The example files, relative to {@link UPSTREAM}, in name order. */
export function exampleFiles(dir: string = UPSTREAM): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? exampleFiles(p) : p.endsWith('.yaml') ? [relative(UPSTREAM, p)] : [];
  }).sort();
}

/** The rebuild module of an example file (its path, and what it exports), if there is one. */
export function rebuildOf(file: string): { module: string; exported?: { rebuild?: Rebuild } & Partial<NotRebuilt> } {
  const module = join(REBUILDS, file.replace(/\.yaml$/, '.ts'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { module, exported: existsSync(module) ? require(module) : undefined };
}

/** A rebuild's objects: built into an empty chart of a fresh app (no namespace, like the examples) and synthesized. */
export function synthRebuild(rebuild: Rebuild): Manifest[] {
  const app = Testing.app();
  rebuild.build(new Chart(app, 'example'));
  return app.charts.flatMap((c) => Testing.synth(c));
}
