// What the boot test reads from dist/: the objects of a cluster folder and the commands of an
// environment's README, taken as they are written (nothing here re-types a value).
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import type { Manifest } from '../../support';

export const ROOT = resolve(__dirname, '..', '..', '..');

/** Every object of a cluster folder (`dist/<env>/<cluster>/`), in file order. */
export function loadFolder(dir: string): Manifest[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJSON() as Manifest))
    .filter((o) => o !== null);
}

/** The one object of `kind` named `name` (in `namespace`, when given). */
export function find(objects: readonly Manifest[], kind: string, name: string, namespace?: string): Manifest {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${namespace ?? '*'}/${name} in the manifests, found ${found.length}`);
  return found[0];
}

/** Every object of `kind`. */
export function all(objects: readonly Manifest[], kind: string): Manifest[] {
  return objects.filter((o) => o.kind === kind);
}

/** The shell commands of a README's ```sh blocks, one per line, in order. */
export function readmeCommands(readme: string): string[] {
  const commands: string[] = [];
  const fence = /```sh\n([\s\S]*?)```/g;
  for (let m = fence.exec(readme); m !== null; m = fence.exec(readme)) {
    commands.push(...m[1].split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
  }
  return commands;
}

/**
 * A command line as the user's shell turns it into arguments (bash does the quoting and the
 * expansions, e.g. `$(openssl rand -base64 24)`), as when it is pasted from the README.
 */
export function shellArgs(commandLine: string): string[] {
  const r = spawnSync('bash', ['-c', `printf '%s\\0' ${commandLine}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bash could not expand ${JSON.stringify(commandLine)}: ${r.stderr}`);
  return r.stdout.split('\0').slice(0, -1);
}

/** `kubectl [-n ns] <verb> ...` read into its namespace and the rest of its arguments. */
export function kubectlArgs(args: readonly string[]): { namespace?: string; rest: string[] } {
  if (args[0] !== 'kubectl') throw new Error(`not a kubectl command: ${args.join(' ')}`);
  const rest = [...args.slice(1)];
  let namespace: string | undefined;
  const n = rest.findIndex((a) => a === '-n' || a === '--namespace');
  if (n >= 0) namespace = rest.splice(n, 2)[1];
  return { namespace, rest };
}

/** The image tag: `apache/kafka:4.3.1` gives `4.3.1`. */
export function imageTag(image: string): string {
  const at = image.lastIndexOf(':');
  if (at < 0 || image.slice(at).includes('/')) throw new Error(`image ${image} has no tag`);
  return image.slice(at + 1);
}

/** A Kubernetes duration (`2160h`, `90m`, `1h30m`) in hours. */
export function durationHours(text: string): number {
  let hours = 0;
  const re = /(\d+(?:\.\d+)?)(h|m|s)/g;
  let consumed = '';
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    hours += Number(m[1]) / ({ h: 1, m: 60, s: 3600 } as Record<string, number>)[m[2]];
    consumed += m[0];
  }
  if (consumed !== text) throw new Error(`cannot read duration ${text}`);
  return hours;
}

/** Properties text (`key=value` lines) as a map, the way java.util.Properties reads simple files. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('#') || l.startsWith('!')) continue;
    const at = l.search(/[=:]/);
    out[(at < 0 ? l : l.slice(0, at)).trim()] = at < 0 ? '' : l.slice(at + 1).trim();
  }
  return out;
}
