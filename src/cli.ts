#!/usr/bin/env node
import { existsSync } from 'fs';
import { formatFinding, ManifestValidator } from './policy';

const USAGE = `usage: cdk8s-kafka validate <file|dir>... [--crds DIR]

Checks Kubernetes manifests offline, as an API server's schema stage would: served
apiVersion/kind, unknown fields, types, enums, patterns, formats, defaults, list-type
uniqueness, CEL (x-kubernetes-validations) rules and metadata.

  --crds DIR   the CRD directory (CRD YAML files and kubernetes/_definitions-v1.32.0.json);
               defaults to $CDK8S_KAFKA_CRDS

Prints one line per finding and exits 1 if any is an error.`;

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'validate') return usage(`unknown command ${JSON.stringify(command)}`);

  let crds = env.CDK8S_KAFKA_CRDS;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--crds') crds = rest[++i];
    else if (rest[i].startsWith('--crds=')) crds = rest[i].slice('--crds='.length);
    else if (rest[i].startsWith('-')) return usage(`unknown option ${JSON.stringify(rest[i])}`);
    else paths.push(rest[i]);
  }
  if (crds === undefined || crds === '') return usage('no CRD directory: pass --crds DIR or set CDK8S_KAFKA_CRDS');
  if (!existsSync(crds)) return usage(`CRD directory ${JSON.stringify(crds)} does not exist`);
  if (paths.length === 0) return usage('nothing to validate: name at least one file or directory');
  const missing = paths.find((p) => !existsSync(p));
  if (missing !== undefined) return usage(`${JSON.stringify(missing)} does not exist`);

  const result = new ManifestValidator({ crdDirectory: crds }).validatePaths(paths);
  for (const finding of result.findings) console.log(formatFinding(finding));
  console.error(
    `${result.documents} documents: ${result.errors} errors, ${result.warnings} warnings` +
      (result.clientConfigs > 0 ? `, ${result.clientConfigs} client-side configs skipped` : '') +
      (result.skippedTransitionRules > 0 ? `, ${result.skippedTransitionRules} transition rules on oldSelf skipped` : ''),
  );
  return result.errors > 0 ? 1 : 0;
}

function usage(problem: string): number {
  console.error(`cdk8s-kafka: ${problem}\n\n${USAGE}`);
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
