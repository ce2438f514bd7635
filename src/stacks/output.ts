import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'path';
import { ioProblem, isLink } from '../core/io';

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

/**
 * Makes `link` a relative symbolic link to the folder `target` (a junction on Windows), in place
 * of whatever `link` was.
 */
export function linkFolder(link: string, target: string): void {
  if (existsSync(link) || isLink(link)) rmSync(link, { recursive: true, force: true });
  mkdirSync(dirname(resolve(link)), { recursive: true });
  symlinkSync(relative(dirname(resolve(link)), resolve(target)), link, 'junction');
}

/**
 * Says whether an existing folder may be replaced: given the folder, undefined when it holds
 * only what the writer wrote before, else what it holds that the writer did not write.
 */
export type OutputClaim = (directory: string) => string | undefined;

/**
 * Makes `directory` hold exactly `files` (paths relative to it, with `/`), all or nothing.
 *
 * Everything is written to a staging folder beside `directory` first; only when every write has
 * succeeded is the staging folder swapped in (two renames), and the old folder deleted. A failed
 * write (a full disk, a bad path) leaves `directory` as it was, and a file of an object that no
 * longer exists does not survive a successful one. When nothing changed, nothing is touched.
 * An existing `directory` is replaced only if `claim` recognizes it as earlier output, so that a
 * wrong path (`.`, `..`, `src`) can never delete what the writer did not write.
 *
 * @throws Error when a path is not a relative path inside `directory`, when `claim` refuses the
 *   folder, or on an I/O error; `directory` is then unchanged.
 */
export function replaceDirectory(folder: string, files: ReadonlyMap<string, OutputFile>, claim: OutputClaim): OutputChanges {
  const target = resolve(folder);
  const directory = folder === '' ? target : folder;
  for (const path of files.keys()) {
    const normalized = normalize(path);
    if (path === '' || isAbsolute(path) || normalized.startsWith(`..${sep}`) || normalized === '..' || normalized !== path.split('/').join(sep)) {
      throw new Error(`cannot write ${JSON.stringify(path)} into ${directory}: output paths must be relative, normalized and inside it`);
    }
  }
  try {
    const exists = existsSync(target) || isLink(target);
    if (exists) {
      if (!lstatSync(target).isDirectory()) throw new Error(`${directory} exists and is not a folder`);
      const foreign = readdirSync(target).length === 0 ? undefined : claim(target);
      if (foreign !== undefined) {
        throw new RefusedError(`refusing to replace ${directory}: it holds ${foreign}, which cdk8s-kafka did not write; move that away, or choose an output folder of its own (e.g. dist)`);
      }
    }
    const before = exists ? listFiles(target) : new Map<string, string>();
    const written = [...files].filter(([path, file]) => before.get(path) !== file.content).map(([path]) => path).sort();
    const removed = [...before.keys()].filter((path) => !files.has(path)).sort();
    const changes = { written, removed, unchanged: files.size - written.length };
    if (written.length === 0 && removed.length === 0 && exists) return changes;

    mkdirSync(dirname(target), { recursive: true });
    const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.staging-`));
    try {
      // mkdtemp makes a private folder; the output keeps the mode the folder had, or the usual one.
      chmodSync(staging, exists ? lstatSync(target).mode & 0o7777 : 0o755);
      for (const path of [...files.keys()].sort()) {
        const file = join(staging, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, files.get(path)!.content, { mode: files.get(path)!.mode });
      }
      swap(staging, target);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw e;
    }
    return changes;
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    const at = (e as NodeJS.ErrnoException).path;
    throw new Error(`could not write ${directory}; it was left as it was: ${ioProblem(e)}${at !== undefined ? ` (${at})` : ''}`);
  }
}

/** A refusal to replace a folder: its message says why, and is not an I/O error's. */
class RefusedError extends Error {}

/** Puts `staging` in place of `target`: rename the old one away, rename the new one in, delete the old one. */
function swap(staging: string, target: string): void {
  if (!existsSync(target) && !isLink(target)) {
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

/** Every file under `root` (symbolic links are not followed), by path relative to it (with `/`), with its content. */
function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, entry.isSymbolicLink() ? `\0link ${readlinkSync(path)}` : readFileSync(path, 'utf8'));
    }
  };
  walk(root, '');
  return files;
}
