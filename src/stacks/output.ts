import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'path';

/** A file to write: its content and mode. */
export interface OutputFile {
  readonly content: string;
  /** e.g. `0o644`, or `0o755` for a script. */
  readonly mode: number;
}

/** What a write changed. */
export interface OutputChanges {
  /** Files whose content is new or different. */
  readonly written: readonly string[];
  /** Files that were there and are gone: their objects no longer exist. */
  readonly removed: readonly string[];
  /** How many files were already as they should be. */
  readonly unchanged: number;
}

/** Entries whose presence means a folder is a project, never a synthesized output to replace. */
const PROJECT_MARKERS = ['.git', 'package.json', 'cdk8s.yaml', 'node_modules', 'tsconfig.json'];

/**
 * Makes `directory` hold exactly `files` (paths relative to it, with `/`), all or nothing.
 *
 * Everything is written to a staging folder beside `directory` first; only when every write has
 * succeeded is the staging folder swapped in (two renames), and the old folder deleted. A failed
 * write (a full disk, a bad path) leaves `directory` as it was, and a file of an object that no
 * longer exists does not survive a successful one. When nothing changed, nothing is touched.
 *
 * @throws Error when a path is not a relative path inside `directory`, when `directory` looks like
 *   a project folder (it holds `.git`, `package.json`, …), or on an I/O error (then `directory` is unchanged).
 */
export function replaceDirectory(directory: string, files: ReadonlyMap<string, OutputFile>): OutputChanges {
  const target = resolve(directory);
  for (const path of files.keys()) {
    const normalized = normalize(path);
    if (path === '' || isAbsolute(path) || normalized.startsWith(`..${sep}`) || normalized === '..' || normalized !== path.split('/').join(sep)) {
      throw new Error(`cannot write ${JSON.stringify(path)} into ${directory}: output paths must be relative, normalized and inside it`);
    }
  }
  const marker = existsSync(target) ? PROJECT_MARKERS.find((m) => existsSync(join(target, m))) : undefined;
  if (marker !== undefined) {
    throw new Error(`refusing to replace ${directory}: it holds ${marker}, so it looks like a project folder, not a synthesized output; choose an output folder of its own (e.g. dist)`);
  }

  const before = existsSync(target) ? listFiles(target) : new Map<string, string>();
  const written = [...files].filter(([path, file]) => before.get(path) !== file.content).map(([path]) => path).sort();
  const removed = [...before.keys()].filter((path) => !files.has(path)).sort();
  const changes = { written, removed, unchanged: files.size - written.length };
  if (written.length === 0 && removed.length === 0 && existsSync(target)) return changes;

  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.staging-`));
  try {
    for (const path of [...files.keys()].sort()) {
      const file = join(staging, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, files.get(path)!.content, { mode: files.get(path)!.mode });
    }
    swap(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not write ${directory}; it was left as it was: ${(e as Error).message}`);
  }
  return changes;
}

/** Puts `staging` in place of `target`: rename the old one away, rename the new one in, delete the old one. */
function swap(staging: string, target: string): void {
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  const old = `${staging}.old`;
  renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (e) {
    renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** Every file under `root`, by path relative to it (with `/`), with its content. */
function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}
