import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ErrorObject } from 'ajv';
import { parseAllDocuments, Tags } from 'yaml';
import { checkMetadata } from './metadata';
import { KindVersion, SchemaRegistry } from './schema-registry';
import { applyDefaults, checkStructural, FieldPath, formatPath, hasRules } from './structural';

/** How bad a finding is: an `error` fails validation, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** One problem found in one document. */
export interface Finding {
  /** The file (or source) the document came from. */
  readonly file: string;
  /** The document's position in its file, from 1. */
  readonly document: number;
  /** The document's `apiVersion`; empty when it has none. */
  readonly apiVersion: string;
  /** The document's `kind`; empty when it has none. */
  readonly kind: string;
  /** The object's namespace, if set. */
  readonly namespace?: string;
  /** The object's name, if set. */
  readonly name?: string;
  /** The field, as the API server writes it (`spec.listeners[0].name`); `.` for the whole object. */
  readonly path: string;
  /** How bad it is. */
  readonly severity: Severity;
  /** What is wrong. */
  readonly message: string;
}

/** What a validation run found. */
export interface ValidationResult {
  /** Every finding, in the order found. */
  readonly findings: readonly Finding[];
  /** How many documents were validated. */
  readonly documents: number;
  /** Client-side config documents (KIND, Kustomize) that were recognised and skipped. */
  readonly clientConfigs: number;
  /** How many findings are errors. */
  readonly errors: number;
  /** How many findings are warnings. */
  readonly warnings: number;
  /** CEL transition rules (on `oldSelf`) that were not evaluated: they only apply to updates. */
  readonly skippedTransitionRules: number;
}

/** `<file>:<doc#> <apiVersion>/<kind> <ns>/<name> <json-path>: <severity>: <message>`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.document} ${f.apiVersion || '?'}/${f.kind || '?'} ${f.namespace ?? '-'}/${f.name ?? '-'} ${f.path}: ${f.severity}: ${f.message}`;
}

/** Props of {@link ManifestValidator}. */
export interface ManifestValidatorProps {
  /** A directory laid out like `../shared/crds`: CRD YAML files and `kubernetes/_definitions-v1.32.0.json`. */
  readonly crdDirectory: string;
}

/**
 * An offline stand-in for the API server's schema stage: each manifest is checked against the
 * pinned CRDs or the Kubernetes schema, with defaults applied, unknown fields rejected,
 * list-type uniqueness and CEL rules evaluated, and metadata checked.
 *
 * Schemas are compiled on first use and cached, so one validator should check many documents.
 */
export class ManifestValidator {
  private readonly registry: SchemaRegistry;

  /** Creates a validator over the schemas in `props.crdDirectory`. */
  public constructor(props: ManifestValidatorProps) {
    this.registry = new SchemaRegistry(props.crdDirectory);
  }

  /** Validates files and directories (recursively: `*.yaml`, `*.yml`, `*.json`), in sorted order. */
  public validatePaths(paths: readonly string[]): ValidationResult {
    const run = new Run();
    for (const file of paths.flatMap(manifestFiles)) this.validateTextInto(run, readFileSync(file, 'utf8'), file);
    return run.result();
  }

  /** Validates the YAML (or JSON) documents of one text. */
  public validateText(text: string, file: string = '<input>'): ValidationResult {
    const run = new Run();
    this.validateTextInto(run, text, file);
    return run.result();
  }

  /** Validates objects already in memory, e.g. `Testing.synth(chart)`. */
  public validateObjects(objects: readonly unknown[], source: string = '<objects>'): ValidationResult {
    const run = new Run();
    objects.forEach((object, i) => this.validateObject(run, structuredClone(object), source, i + 1));
    return run.result();
  }

  private validateTextInto(run: Run, text: string, file: string): void {
    parseAllDocuments(text, KUBECTL_YAML).forEach((doc, i) => {
      if (doc.errors.length > 0) {
        run.documents++;
        for (const e of doc.errors) run.add({ file, document: i + 1, apiVersion: '', kind: '', path: '.', severity: 'error', message: `invalid YAML: ${e.message}` });
        return;
      }
      const object: unknown = doc.toJS();
      if (object !== null && object !== undefined) this.validateObject(run, object, file, i + 1);
    });
  }

  private validateObject(run: Run, object: unknown, file: string, document: number): void {
    const record = (typeof object === 'object' && object !== null && !Array.isArray(object) ? object : {}) as Record<string, unknown>;
    const apiVersion = typeof record.apiVersion === 'string' ? record.apiVersion : '';
    const kind = typeof record.kind === 'string' ? record.kind : '';
    if (CLIENT_CONFIG_KINDS.has(`${apiVersion.replace(/\/[^/]*$/, '')}/${kind}`)) {
      run.clientConfigs++;
      return;
    }
    run.documents++;
    const metadata = (record.metadata ?? {}) as Record<string, unknown>;
    const base = {
      file,
      document,
      apiVersion,
      kind,
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      name: typeof metadata.name === 'string' ? metadata.name : undefined,
    };
    const seen = new Set<string>();
    const report = (severity: Severity, path: FieldPath, message: string) => {
      const finding = { ...base, path: formatPath(path), severity, message };
      const key = `${finding.path}\u0000${message}`;
      if (!seen.has(key)) run.add(finding);
      seen.add(key);
    };

    if (record !== object) return report('error', [], 'a manifest must be an object with apiVersion, kind and metadata');
    if (apiVersion === '') return report('error', ['apiVersion'], 'required value');
    if (kind === '') return report('error', ['kind'], 'required value');

    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = apiVersion.slice(slash + 1);
    const info = this.registry.kind(group, kind);
    if (info === undefined) {
      // A kind in a group some schema serves is most likely a typo: an error. A group no schema
      // knows (a vendor API such as Tetrate's) is reported too, but cannot be judged: a warning.
      const knownGroup = this.registry.servesGroup(group);
      return report(knownGroup ? 'error' : 'warning', ['kind'], knownGroup
        ? `no schema for ${kind} in API group ${JSON.stringify(group)}: the group has no such kind in ${this.registry.crdDirectory}`
        : `no schema for ${kind}: no CRD in ${this.registry.crdDirectory} and no Kubernetes kind serves API group ${JSON.stringify(group)}, so it was not validated`);
    }
    const qualified = (v: KindVersion) => (group === '' ? v.name : `${group}/${v.name}`);
    const served = info.versions.filter((v) => v.served);
    const current = served.filter((v) => !v.deprecated);
    const use = (current.length > 0 ? current : served).map(qualified).join(', ');
    const kindVersion = served.find((v) => v.name === version);
    if (kindVersion === undefined) {
      return report('error', ['apiVersion'], `${apiVersion} ${kind} is not served (by ${info.source}); use ${use}`);
    }
    if (kindVersion.deprecated) {
      report('warning', ['apiVersion'], kindVersion.deprecationWarning ?? `${apiVersion} ${kind} is deprecated; use ${use}`);
    }

    const resolved = this.registry.resolve(group, version, kind)!;
    applyDefaults(resolved.schema, record, resolved.deref, (path) =>
      report('warning', path, 'null is dropped by the API server (the field is not nullable and has no default); remove it'));
    const errors = resolved.validate(record) ? [] : relevantErrors(resolved.validate.errors ?? []);
    for (const error of errors) {
      const [path, message] = describe(error, record);
      report('error', path, message);
    }
    // Like the API server, skip CEL rules once a "blocking" error (a missing, mistyped or
    // out-of-range value) is found: rules would only trip over the same problem.
    const blocked = errors.some((e) => BLOCKING_KEYWORDS.has(e.keyword));
    if (blocked && hasRules(resolved.schema, resolved.deref)) {
      report('warning', [], 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation');
    }
    checkStructural(resolved.schema, record, resolved.deref, {
      error: (path, message) => report('error', path, message),
      skippedTransitionRule: () => run.skippedTransitionRules++,
    }, { evaluateRules: !blocked });
    checkMetadata(kind, info.namespaced, record.metadata, (path, message) => report('error', path, message));
  }
}

/**
 * Parse as kubectl does (go-yaml v2, YAML 1.1): merge keys, and `yes`/`no`/`on`/`off`/`y`/`n` as
 * booleans; but timestamps and sexagesimal numbers stay strings, as go-yaml v2 leaves them.
 * cdk8s writes YAML 1.1 too, so a string that 1.1 would read as a boolean is quoted.
 */
const KUBECTL_YAML = {
  version: '1.1' as const,
  customTags: (tags: Tags) => tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME')),
};

/**
 * Files tools read on the client side, never sent to an API server (a KIND cluster config, a
 * Kustomization): recognised and skipped, not reported as kinds without a schema.
 */
const CLIENT_CONFIG_KINDS = new Set(['kind.x-k8s.io/Cluster', 'kustomize.config.k8s.io/Kustomization', 'kustomize.config.k8s.io/Component']);

/** Errors after which the API server does not run CEL rules (`hasBlockingErr`). */
const BLOCKING_KEYWORDS = new Set(['required', 'type', 'enum', 'maxLength', 'maxItems', 'maxProperties']);

class Run {
  public documents = 0;
  public clientConfigs = 0;
  public skippedTransitionRules = 0;
  private readonly findings: Finding[] = [];

  public add(finding: Finding): void {
    this.findings.push(finding);
  }

  public result(): ValidationResult {
    return {
      findings: this.findings,
      documents: this.documents,
      clientConfigs: this.clientConfigs,
      errors: this.findings.filter((f) => f.severity === 'error').length,
      warnings: this.findings.filter((f) => f.severity === 'warning').length,
      skippedTransitionRules: this.skippedTransitionRules,
    };
  }
}

/**
 * Drops the errors of the branches of a failed `anyOf`/`oneOf`/`not`: the junctor's own error
 * says what is wrong; its branches' errors are the alternatives that did not fit either.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const junctions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'not').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !junctions.some((prefix) => e.schemaPath.startsWith(prefix)));
}

/** Turns an ajv error into the field it concerns and an API-server-like message. */
function describe(error: ErrorObject, root: unknown): [FieldPath, string] {
  const path = pointerToPath(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  const got = JSON.stringify(valueAt(path, root));
  switch (error.keyword) {
    case 'additionalProperties':
      return [[...path, String(params.additionalProperty)], `unknown field ${JSON.stringify(params.additionalProperty)}: not declared in the schema`];
    case 'required':
      return [[...path, String(params.missingProperty)], 'required value'];
    case 'type':
      return [path, `must be of type ${String(params.type).replace(',', ' or ')} (got ${got})`];
    case 'enum':
      return [path, `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${got})`];
    case 'pattern':
      return [path, `must match ${String(params.pattern)} (got ${got})`];
    default:
      return [path, `${error.message ?? error.keyword} (got ${got})`];
  }
}

function pointerToPath(pointer: string, root: unknown): FieldPath {
  const path: (string | number)[] = [];
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(current) ? Number(key) : key;
    path.push(segment);
    current = (current as Record<string | number, unknown> | undefined)?.[segment];
  }
  return path;
}

function valueAt(path: FieldPath, root: unknown): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown> | undefined)?.[segment], root);
}

function manifestFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => {
      const child = join(path, entry);
      return statSync(child).isDirectory() ? manifestFiles(child) : /\.(ya?ml|json)$/.test(entry) ? [child] : [];
    });
}
