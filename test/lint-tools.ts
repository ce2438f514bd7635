// The tools platform teams already run beside this library, pinned in tools/lint/<tool>/go.mod
// (one module each: their Kubernetes libraries do not agree on one version) and built by
// test/go-build.ts: kubeconform (schemas), kube-score (policy) and helm (templating).
// kube-linter is not served by the Go module proxy this project may use (golang.stackrox.io and
// github.com/stackrox/kube-linter are both refused), so it cannot be built here: a test runs it
// only from `$KUBE_LINTER`, a kube-linter binary the user brings.
import { existsSync } from 'fs';
import { join } from 'path';
import { goProgram, GoProgram, pinnedVersion, REPO_ROOT } from './go-build';

const LINT = join(REPO_ROOT, 'tools', 'lint');

/** A pinned tool of tools/lint: its module path and the Go variable that holds its version. */
const TOOLS = {
  'kubeconform': { module: 'github.com/yannh/kubeconform', versionVariable: 'main.version' },
  'kube-score': { module: 'github.com/zegl/kube-score', versionVariable: 'main.version' },
  'helm': { module: 'helm.sh/helm/v4', versionVariable: 'helm.sh/helm/v4/internal/version.version' },
} as const;

/** The name of a tool of tools/lint. */
export type LintTool = keyof typeof TOOLS;

/** The version tools/lint/<tool>/go.mod pins, e.g. `v0.8.0`. */
export function lintToolVersion(tool: LintTool): string {
  return pinnedVersion(join(LINT, tool), TOOLS[tool].module);
}

/**
 * `tool`, built from tools/lint/<tool> on first use (about 2 minutes for all three with a warm
 * module cache). Undefined when `go` is missing; in CI that throws (test/go-build.ts).
 */
export function lintTool(tool: LintTool): GoProgram | undefined {
  const version = lintToolVersion(tool);
  return goProgram({ module: join(LINT, tool), name: tool, version, target: 'tool', ldflags: [`-X ${TOOLS[tool].versionVariable}=${version}`] });
}

/** kube-linter from `$KUBE_LINTER`, or undefined (see the file's comment for why it is not built here). */
export function kubeLinter(): string | undefined {
  const path = process.env.KUBE_LINTER;
  if (path === undefined) return undefined;
  if (!existsSync(path)) throw new Error(`KUBE_LINTER=${path}: no such file`);
  return path;
}
