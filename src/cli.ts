#!/usr/bin/env node
import { existsSync, readFileSync, realpathSync } from 'fs';
import { dirname, isAbsolute, join, relative, resolve } from 'path';
import { bundleDirectory } from './policy/bundle';
import { readBytes } from './policy/input';
import { KUBECONFORM_SCHEMA_LOCATION, writeKubeconformSchemas } from './policy/kubeconform';
import { formatFinding, ManifestValidator, ValidationResult } from './policy/validator';
import { readManifests } from './policy/yaml';

const USAGE = `usage: cdk8s-kafka validate [PATH...] [--crds PATH]...
       cdk8s-kafka schemas --kubeconform DIR
       cdk8s-kafka --version | --help

validate: checks Kubernetes manifests offline, as the API server's schema stage would: served
apiVersion and kind, unknown fields, types, enums, RE2 patterns, formats, defaults,
list-type uniqueness, CEL (x-kubernetes-validations) rules and metadata. YAML is read as
kubectl reads it. The schemas of Kubernetes and of the pinned Strimzi, cert-manager,
Gateway API, Envoy Gateway, Istio, Argo CD and Prometheus Operator CRDs are built in.

  PATH         a file, or a directory searched for *.yaml, *.yml and *.json; - reads
               standard input. Default: the cdk8s output folder (output: in ./cdk8s.yaml)
               or else dist/
  --crds PATH  a file or directory of CustomResourceDefinitions to check against as well
               (another operator's, say); repeatable; wins over a built-in CRD of the same kind

Prints one line per finding, <file>:<line> <apiVersion>/<kind> <namespace>/<name> <field>:
<severity>: <message>, where <line> is the line the document starts on, and a summary.
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.

schemas: writes the built-in schemas in another tool's format.

  --kubeconform DIR  standalone strict JSON Schemas for kubeconform, one file per kind and
               served version, into DIR (created if missing; files of the same name are
               replaced). Prints the -schema-location to give kubeconform:
                 kubeconform -strict -ignore-missing-schemas \\
                   -schema-location 'DIR/${KUBECONFORM_SCHEMA_LOCATION}' dist/
               CEL rules and the Go rules of core kinds have no JSON Schema form: validate
               checks them.

Exit status: 0 written, 2 usage or I/O error.

  -h, --help   print this help
  --version    print the version`;

/** What the CLI reads besides its arguments (replaced in tests). */
export interface CliIo {
  /** Reads standard input, for the path `-`. */
  readonly stdin?: () => string | Uint8Array;
  /** The working directory, where `cdk8s.yaml` is looked for. */
  readonly cwd?: string;
}

/** Runs the CLI; returns the exit code. Findings go to stdout, the summary and problems to stderr. */
export function main(argv: readonly string[], io: CliIo = {}): number {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.some((a) => a === '--help' || a === '-h') || (argv.length === 1 && argv[0] === 'help')) {
    console.log(USAGE);
    return 0;
  }
  if (options.includes('--version')) {
    console.log(`cdk8s-kafka ${version()}`);
    return 0;
  }
  const [command, ...rest] = argv;
  if (command === undefined) return usage('no command: try cdk8s-kafka validate');
  const cwd = io.cwd ?? process.cwd();
  if (command === 'validate') return validate(rest, cwd, io);
  if (command === 'schemas') return schemas(rest, cwd);
  return usage(`unknown command ${JSON.stringify(command)}`);
}

/** `cdk8s-kafka validate`. */
function validate(rest: readonly string[], cwd: string, io: CliIo): number {
  const crds: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    } else if (arg === '--crds' || arg.startsWith('--crds=')) {
      const value = arg === '--crds' ? rest[++i] : arg.slice('--crds='.length);
      if (value === undefined || value === '') return usage('--crds needs a file or directory');
      crds.push(value);
    } else if (arg.startsWith('-') && arg !== '-') {
      return usage(`unknown option ${JSON.stringify(arg)}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.includes('')) return usage('an empty path: name a file or directory (is a shell variable unset?)');
  if (paths.filter((p) => p === '-').length > 1) return usage('- (standard input) can be given once');
  if (paths.length === 0) {
    try {
      const output = defaultPath(cwd);
      if (output === undefined) return fail(`nothing to validate: ${cdk8sOutput(cwd)}/ does not exist; name the files or directories to check`);
      paths.push(output);
    } catch (e) {
      return fail((e as Error).message.split('\n')[0]);
    }
  }

  let result: ValidationResult;
  try {
    const validator = new ManifestValidator({ crds: crds.map((c) => resolve(cwd, c)) });
    result = merge(paths.map((p) => (p === '-'
      ? validator.validateText((io.stdin ?? (() => readBytes(0, 'standard input')))(), '<stdin>')
      : validator.validatePaths([resolve(cwd, p)]))));
  } catch (e) {
    return fail((e as Error).message.split('\n')[0]);
  }
  if (result.documents + result.clientConfigs === 0) return fail(`no manifests found in ${paths.join(', ')}`);

  for (const finding of result.findings) console.log(formatFinding({ ...finding, file: shown(cwd, finding.file) }));
  console.error(
    `${count(result.documents, 'document')} in ${count(result.files, 'file')}: ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}` +
      (result.clientConfigs > 0 ? `, ${count(result.clientConfigs, 'client-side config')} skipped` : '') +
      (result.skippedTransitionRules > 0 ? `, ${count(result.skippedTransitionRules, 'transition rule')} on oldSelf skipped` : ''),
  );
  return result.errors > 0 ? 1 : 0;
}

/** `cdk8s-kafka schemas --kubeconform DIR`: the built-in schemas as kubeconform's JSON Schemas. */
function schemas(rest: readonly string[], cwd: string): number {
  let kubeconform: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--kubeconform' || arg.startsWith('--kubeconform=')) {
      const value = arg === '--kubeconform' ? rest[++i] : arg.slice('--kubeconform='.length);
      if (value === undefined || value === '') return usage('--kubeconform needs the folder to write to');
      if (kubeconform !== undefined) return usage('--kubeconform can be given once');
      kubeconform = value;
    } else if (arg.startsWith('-')) {
      return usage(`unknown option ${JSON.stringify(arg)}`);
    } else {
      return usage(`schemas takes no path (got ${JSON.stringify(arg)}); name the folder with --kubeconform DIR`);
    }
  }
  if (kubeconform === undefined) return usage('schemas needs a format: --kubeconform DIR');
  let files: number;
  try {
    files = writeKubeconformSchemas(resolve(cwd, kubeconform)).files.length;
  } catch (e) {
    return fail((e as Error).message.split('\n')[0]);
  }
  const location = join(shown(cwd, resolve(cwd, kubeconform)), KUBECONFORM_SCHEMA_LOCATION);
  console.log(location);
  console.error(`wrote ${count(files, 'kubeconform schema')} to ${kubeconform}; check manifests with: kubeconform -strict -ignore-missing-schemas -schema-location '${location}' dist/`);
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A file as printed: relative to the working directory when it is inside it. */
function shown(cwd: string, file: string): string {
  const path = relative(cwd, file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
}

/**
 * What `validate` checks when no path is given: the cdk8s output folder (`output:` in
 * `cdk8s.yaml`), else `dist/`, whichever exists, with links resolved (this repository's
 * `.cdk8s.out` links to `dist/`).
 */
function defaultPath(cwd: string): string | undefined {
  for (const candidate of [cdk8sOutput(cwd), 'dist']) {
    if (existsSync(join(cwd, candidate))) return shown(cwd, realpathSync(join(cwd, candidate)));
  }
  return undefined;
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

/**
 * The folder `cdk8s synth` writes to: `output:` in `cdk8s.yaml`, else cdk8s' default `dist`.
 * @throws Error (one line) when `cdk8s.yaml` is there but cannot be read, or its `output` is not a folder name.
 */
function cdk8sOutput(cwd: string): string {
  const file = join(cwd, 'cdk8s.yaml');
  if (!existsSync(file)) return 'dist';
  const [doc] = readManifests(readBytes(file, 'cdk8s.yaml').toString());
  const output = (doc?.value as { output?: unknown } | undefined)?.output;
  if (doc?.errors.length || (output !== undefined && (typeof output !== 'string' || output === ''))) {
    throw new Error(`cdk8s.yaml: ${doc?.errors[0] ?? `output must be a folder name (got ${JSON.stringify(output)})`}; fix it, or name the files or directories to check`);
  }
  return typeof output === 'string' ? output : 'dist';
}

function version(): string {
  return (JSON.parse(readFileSync(join(dirname(bundleDirectory()), 'package.json'), 'utf8')) as { version: string }).version;
}

function usage(problem: string): number {
  console.error(`cdk8s-kafka: ${problem}; see cdk8s-kafka --help`);
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
