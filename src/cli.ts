#!/usr/bin/env node
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { bundleDirectory } from './policy/bundle';
import { formatFinding, ManifestValidator, ValidationResult } from './policy/validator';
import { readManifests } from './policy/yaml';

const USAGE = `usage: cdk8s-kafka validate [PATH...] [--crds PATH]...
       cdk8s-kafka --version | --help

Checks Kubernetes manifests offline, as the API server's schema stage would: served
apiVersion and kind, unknown fields, types, enums, RE2 patterns, formats, defaults,
list-type uniqueness, CEL (x-kubernetes-validations) rules and metadata. YAML is read as
kubectl reads it. The schemas of Kubernetes and of the pinned Strimzi, cert-manager,
Gateway API, Envoy Gateway, Istio, Argo CD and Prometheus Operator CRDs are built in.

  PATH         a file, or a directory searched for *.yaml, *.yml and *.json; - reads
               standard input. Default: the cdk8s output folder (output: in ./cdk8s.yaml,
               else dist/)
  --crds PATH  a file or directory of CustomResourceDefinitions to check against as well
               (another operator's, say); repeatable; wins over a built-in CRD of the same kind
  -h, --help   print this help
  --version    print the version

Prints one line per finding, <file>:<line> <apiVersion>/<kind> <namespace>/<name> <field>:
<severity>: <message>, where <line> is the line the document starts on, and a summary.
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.`;

/** What the CLI reads besides its arguments (replaced in tests). */
export interface CliIo {
  /** Reads standard input, for the path `-`. */
  readonly stdin?: () => string;
  /** The working directory, where `cdk8s.yaml` is looked for. */
  readonly cwd?: string;
}

/** Runs the CLI; returns the exit code. Findings go to stdout, the summary and problems to stderr. */
export function main(argv: readonly string[], io: CliIo = {}): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || (command === 'validate' && rest.some((a) => a === '--help' || a === '-h'))) {
    console.log(USAGE);
    return 0;
  }
  if (command === '--version') {
    console.log(`cdk8s-kafka ${version()}`);
    return 0;
  }
  if (command === undefined) return usage('no command');
  if (command !== 'validate') return usage(`unknown command ${JSON.stringify(command)}`);

  const crds: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    } else if (arg === '--crds') {
      if (i + 1 >= rest.length) return usage('--crds needs a file or directory');
      crds.push(rest[++i]);
    } else if (arg.startsWith('--crds=')) {
      crds.push(arg.slice('--crds='.length));
    } else if (arg.startsWith('-') && arg !== '-') {
      return usage(`unknown option ${JSON.stringify(arg)}`);
    } else {
      paths.push(arg);
    }
  }
  const cwd = io.cwd ?? process.cwd();
  if (paths.length === 0) {
    const output = cdk8sOutput(cwd);
    if (!existsSync(join(cwd, output))) return fail(`nothing to validate: ${output}/ does not exist; name the files or directories to check`);
    paths.push(output);
  }

  let result: ValidationResult;
  try {
    const validator = new ManifestValidator({ crds: crds.map((c) => resolve(cwd, c)) });
    const stdin = paths.includes('-') ? (io.stdin ?? (() => readFileSync(0, 'utf8')))() : '';
    const results = paths.map((p) => (p === '-' ? validator.validateText(stdin, '<stdin>') : validator.validatePaths([resolve(cwd, p)])));
    result = merge(results);
  } catch (e) {
    return fail((e as Error).message.split('\n')[0]);
  }
  if (result.documents + result.clientConfigs === 0) return fail(`no manifests found in ${paths.join(', ')}`);

  for (const finding of result.findings) console.log(formatFinding(finding).replace(`${cwd}/`, ''));
  console.error(
    `${result.documents} documents in ${result.files} files: ${result.errors} errors, ${result.warnings} warnings` +
      (result.clientConfigs > 0 ? `, ${result.clientConfigs} client-side configs skipped` : '') +
      (result.skippedTransitionRules > 0 ? `, ${result.skippedTransitionRules} transition rules on oldSelf skipped` : ''),
  );
  return result.errors > 0 ? 1 : 0;
}

function merge(results: readonly ValidationResult[]): ValidationResult {
  const sum = (key: 'files' | 'documents' | 'clientConfigs' | 'errors' | 'warnings' | 'skippedTransitionRules') => results.reduce((n, r) => n + r[key], 0);
  return {
    findings: results.flatMap((r) => r.findings),
    files: sum('files'),
    documents: sum('documents'),
    clientConfigs: sum('clientConfigs'),
    errors: sum('errors'),
    warnings: sum('warnings'),
    skippedTransitionRules: sum('skippedTransitionRules'),
  };
}

/** The folder `cdk8s synth` writes to: `output:` in `cdk8s.yaml`, else cdk8s' default `dist`. */
function cdk8sOutput(cwd: string): string {
  try {
    const config = readManifests(readFileSync(join(cwd, 'cdk8s.yaml'), 'utf8'))[0]?.value as { output?: unknown } | undefined;
    return typeof config?.output === 'string' ? config.output : 'dist';
  } catch {
    return 'dist';
  }
}

function version(): string {
  return (JSON.parse(readFileSync(join(dirname(bundleDirectory()), 'package.json'), 'utf8')) as { version: string }).version;
}

function usage(problem: string): number {
  console.error(`cdk8s-kafka: ${problem}\n\n${USAGE}`);
  return 2;
}

function fail(problem: string): number {
  console.error(`cdk8s-kafka: ${problem}`);
  return 2;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`cdk8s-kafka: ${(e as Error).message.split('\n')[0]}`);
    process.exitCode = 2;
  }
}
