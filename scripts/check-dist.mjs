#!/usr/bin/env node
// Fails when `dist/` differs from what is committed: changed, deleted or new (untracked) files.
// `git diff --exit-code` alone misses files the synth added.
import { execFileSync } from 'node:child_process';

const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'], { encoding: 'utf8' });
if (status.trim() !== '') {
  console.error('dist/ is not what the app synthesizes; run `npx cdk8s synth` and commit dist/:\n' + status);
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', 'dist'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ matches the synthesized output');
