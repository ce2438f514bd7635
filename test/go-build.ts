// Go programs of the test tooling (tools/kube, tools/lint/*), built once into a cache keyed by the
// module's files and the Go version, so a warm run never rebuilds and a changed pin always does.
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'fs';
import { homedir } from 'os';
import { basename, dirname, join } from 'path';

/**
 * The repository's root: the nearest folder above this file with a package.json, so that the
 * tooling finds tools/ both from its source (test/) and compiled (lib/test/, for the bench).
 */
export const REPO_ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'tools'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root (package.json and tools/) above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

/** A program built from a Go module of tools/. */
export interface GoProgram {
  /** The executable. */
  readonly path: string;
  /** What building it took, in seconds; undefined when the cached build was used. */
  readonly builtInSeconds?: number;
}

/** What to build: a module folder, the name of the program, and what `go build` builds there. */
export interface GoBuild {
  /** The module's folder (holds go.mod). */
  readonly module: string;
  /** The executable's name, and the cache folder's prefix. */
  readonly name: string;
  /** The cache folder's version part, e.g. the pinned release. */
  readonly version: string;
  /** The package to build (`.`, or `tool` for a module whose go.mod names it with a `tool` line). */
  readonly target: string;
  /** Extra `-ldflags` (e.g. `-X main.version=v1.2.3`). */
  readonly ldflags?: readonly string[];
}

/**
 * Builds `build` into `$CDK8S_KAFKA_CACHE` (default `~/.cache/cdk8s-kafka`)`/<name>-<version>-<key>/`,
 * where the key hashes go.mod, go.sum, the module's Go sources, the ldflags and `go version`.
 * Undefined when `go` is not on PATH; in CI (`CI=true`) that throws instead, so a stage that
 * needs the program can never be skipped there.
 */
export function goProgram(build: GoBuild): GoProgram | undefined {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error !== undefined || go.status !== 0) {
    if (process.env.CI === 'true') throw new Error(`go is not on PATH: CI needs ${build.name}, built from ${build.module}`);
    return undefined;
  }
  const ldflags = ['-s', '-w', ...(build.ldflags ?? [])].join(' ');
  const hash = createHash('sha256').update(go.stdout).update(ldflags).update(build.target);
  for (const file of readdirSync(build.module).filter((f) => /^(go\.mod|go\.sum|.*\.go)$/.test(f)).sort()) {
    hash.update(file).update(readFileSync(join(build.module, file)));
  }
  const cache = join(process.env.CDK8S_KAFKA_CACHE ?? join(homedir(), '.cache', 'cdk8s-kafka'), `${build.name}-${build.version}-${hash.digest('hex').slice(0, 16)}`);
  const path = join(cache, build.name);
  if (existsSync(path)) return { path };
  mkdirSync(cache, { recursive: true });
  const started = Date.now();
  // Built beside its final name and renamed, so that an interrupted build never looks finished.
  const partial = join(cache, `.partial-${process.pid}`);
  mkdirSync(partial, { recursive: true });
  const result = spawnSync('go', ['build', '-trimpath', `-ldflags=${ldflags}`, '-o', `${partial}/`, build.target], { cwd: build.module, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`building ${build.module} failed:\n${result.stderr}`);
  const built = readdirSync(partial);
  if (built.length !== 1) throw new Error(`building ${build.module} made ${built.length} programs (${built.join(', ')}), expected one`);
  renameSync(join(partial, built[0]), path);
  rmSync(partial, { recursive: true, force: true });
  return { path, builtInSeconds: (Date.now() - started) / 1000 };
}

/** The version a `tool` line's module is pinned to in `module`'s go.mod, e.g. `v0.8.0`. */
export function pinnedVersion(module: string, modulePath: string): string {
  const match = new RegExp(`^\\s*(?:require\\s+)?${modulePath.replace(/[.]/g, '\\.')} (v\\S+)`, 'm').exec(readFileSync(join(module, 'go.mod'), 'utf8'));
  if (match === null) throw new Error(`${basename(module)}/go.mod does not pin ${modulePath}`);
  return match[1];
}
