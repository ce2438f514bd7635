/**
 * Helm's floor: the same objects as the library writes, held by Helm charts as static templates,
 * rendered by `helm template` (the pinned helm of tools/lint/helm).
 *
 * The charts are what a user who keeps the same objects in Helm would write: one chart per
 * Kubernetes cluster of E (one per region, as the library writes one folder per cluster; a
 * release is installed per cluster), and in it one template file per object, as Helm's best
 * practices ask ("each resource definition should be in its own template file"). Templates are
 * static (no values): that is Helm's floor, since a `range` over values would only add work. So
 * rendering E is one `helm template` per region, each paying Helm's start-up; the start-up is
 * measured apart (`helm version`, and a chart of one object) so that per-object cost shows.
 */
import { execFileSync } from 'child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';

/** The YAML of one object exactly as cdk8s writes it, with `{{` kept literal for Go templates. */
function template(object: unknown): string {
  const text = stringify(object, { keepUndefined: true, lineWidth: 0, version: '1.1' });
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

/** Writes one chart per element of `perChart` under `dir`; returns the chart folders. */
export function writeHelmCharts(dir: string, perChart: readonly unknown[][]): string[] {
  return perChart.map((objects, c) => {
    const chart = join(dir, `cluster-${c}`);
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), `apiVersion: v2\nname: cluster-${c}\nversion: 0.1.0\n`);
    objects.forEach((object, i) => {
      const { kind, metadata } = object as { kind: string; metadata: { name: string } };
      writeFileSync(join(chart, 'templates', `${String(i).padStart(5, '0')}-${kind.toLowerCase()}-${metadata.name}.yaml`), template(object));
    });
    return chart;
  });
}

/**
 * Wall time of `helm template` on every chart in turn, in ms, median of `runs`; beside each run,
 * three runs of `helm template` on the chart of one object `startupChart` (Helm's start-up, taken
 * next to the runs it is subtracted from, as the machine's load varies); and the documents rendered.
 */
export function timeHelmTemplate(helm: string, charts: readonly string[], startupChart: string, out: string, runs = 3): { ms: number; startupMs: number; documents: number } {
  const times: number[] = [];
  const startups: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < 3; j++) {
      const start = performance.now();
      execFileSync(helm, ['template', 'release', startupChart], { stdio: 'ignore' });
      startups.push(performance.now() - start);
    }
    const fd = openSync(out, 'w');
    const start = performance.now();
    for (const chart of charts) execFileSync(helm, ['template', 'release', chart], { stdio: ['ignore', fd, 'inherit'] });
    times.push(performance.now() - start);
    closeSync(fd);
  }
  // Helm starts every document with `---\n# Source: <chart>/templates/<file>`.
  const documents = readFileSync(out, 'utf8').split('\n# Source: ').length - 1;
  return { ms: median(times), startupMs: median(startups), documents };
}

/** A chart of one small object (a ConfigMap) in `dir`, for Helm's start-up. */
export function oneObjectChart(dir: string): string {
  return writeHelmCharts(dir, [[{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'kafka' }, data: { key: 'value' } }]])[0];
}

/** Helm's start-up: `helm version`, and `helm template` of `startupChart`; median of `runs`, in ms. */
export function helmStartup(helm: string, startupChart: string, runs = 5): { versionMs: number; oneObjectMs: number } {
  const times = (args: string[]) => median(Array.from({ length: runs }, () => {
    const start = performance.now();
    execFileSync(helm, args, { stdio: 'ignore' });
    return performance.now() - start;
  }));
  return { versionMs: times(['version']), oneObjectMs: times(['template', 'release', startupChart]) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
