/** The pinned Go tools of tools/lint, for the bench. */
import { execFileSync } from 'child_process';
import { resolve } from 'path';
import type { LintTool } from '../test/lint-tools';

const root = resolve(__dirname, '..', '..');

/**
 * The path of `tool`, built by test/lint-tools.ts on first use (a minute or two); undefined
 * without go. test/lint-tools.ts finds tools/lint from its own folder, which compiled to
 * lib/test/ is lib/tools/lint (absent), so it runs here from its source, through tsx.
 */
export function lintToolPath(tool: LintTool): string | undefined {
  const script = `process.stdout.write(JSON.stringify(require('./test/lint-tools').lintTool(${JSON.stringify(tool)})?.path ?? null))`;
  const path = JSON.parse(execFileSync('node', ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as string | null;
  return path ?? undefined;
}
