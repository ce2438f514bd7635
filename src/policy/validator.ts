import { decodeText, manifestFiles, NotJson, readBytes, toJsonData } from './input';
import { editDistance } from '../core/naming';
import { checkCoreRules } from './core-rules';
import { checkMetadata } from './metadata';
import { OpenApiSchema } from './openapi';
import { checkSchema, checkUnknownFields } from './schema';
import { KindVersion, ResolvedSchema, SchemaRegistry } from './schema-registry';
import { applyDefaults, checkStructural, FieldPath, formatPath, hasRules } from './structural';
import { readManifests } from './yaml';

/** How bad a finding is: an `error` fails validation, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** One problem found in one document. */
export interface Finding {
  /** The file (or source) the document came from. */
  readonly file: string;
  /** The document's position in its file (or in the list of objects), from 1. */
  readonly document: number;
  /** The line, from 1, where the document starts in its file; absent for objects validated in memory. */
  readonly line?: number;
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
  /** How many files (or texts) were read; 0 for objects validated in memory. */
  readonly files: number;
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

/**
 * `<file>:<line> <apiVersion>/<kind> <ns>/<name> <path>: <severity>: <message>`, where `<line>`
 * is the line the document starts on (`<source>#<n>` for objects validated in memory).
 */
export function formatFinding(f: Finding): string {
  const where = f.line !== undefined ? `${f.file}:${f.line}` : `${f.file}#${f.document}`;
  return `${where} ${f.apiVersion || '?'}/${f.kind || '?'} ${f.namespace ?? '-'}/${f.name ?? '-'} ${f.path}: ${f.severity}: ${f.message}`;
}

/** Props of {@link ManifestValidator}. */
export interface ManifestValidatorProps {
  /**
   * Files or directories of CustomResourceDefinitions (e.g. another operator's) to validate
   * against, besides the built-in ones; a CRD given here wins over a built-in one of the same
   * group and kind.
   * @default - only the built-in schemas: the pinned Strimzi, cert-manager, Gateway API, Envoy
   *   Gateway, Istio, Argo CD and Prometheus Operator CRDs and the Kubernetes schema
   */
  readonly crds?: readonly string[];
}

/**
 * An offline stand-in for the API server's schema stage: each manifest is read as kubectl
 * reads YAML and checked against the pinned CRDs or the Kubernetes schema, with defaults
 * applied, unknown fields rejected, list-type uniqueness and CEL rules evaluated, and metadata
 * checked. The schemas ship with the package (`schemas/`), so nothing needs to be set up.
 *
 * @example
 * const result = new ManifestValidator().validatePaths(['dist']);
 * for (const finding of result.findings) console.log(formatFinding(finding));
 */
export class ManifestValidator {
  private readonly registry: SchemaRegistry;

  /**
   * Creates a validator over the built-in schemas and `props.crds`.
   * @throws Error when a path of `props.crds` cannot be read or holds no CustomResourceDefinition.
   */
  public constructor(props: ManifestValidatorProps = {}) {
    if (props !== undefined && props !== null && (typeof props !== 'object' || Array.isArray(props))) {
      throw new Error(`ManifestValidator: props must be an object (got ${JSON.stringify(props)}); e.g. { crds: ['crds/'] }`);
    }
    const crds: unknown = props?.crds ?? [];
    if (!Array.isArray(crds) || crds.some((c) => typeof c !== 'string' || c === '')) {
      throw new Error(`ManifestValidator: crds must be a list of file or directory paths (got ${JSON.stringify(crds)}); e.g. { crds: ['crds/'] }`);
    }
    this.registry = new SchemaRegistry(crds);
  }

  /**
   * Validates files and directories: a directory is searched recursively for `*.yaml`, `*.yml`
   * and `*.json` (skipping `node_modules` and hidden entries, and not following links to folders), in sorted order.
   * @throws Error when a path cannot be read.
   */
  public validatePaths(paths: readonly string[]): ValidationResult {
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string' || p === '')) {
      throw new Error(`ManifestValidator.validatePaths: paths must be a list of file or directory paths (got ${JSON.stringify(paths)})`);
    }
    const run = new Run();
    for (const file of paths.flatMap(manifestFiles)) this.validateTextInto(run, readBytes(file), file);
    return run.result();
  }

  /** Validates the YAML (or JSON) documents of one text, given as a string or as bytes (e.g. a Buffer). */
  public validateText(text: string | Uint8Array, file: string = '<input>'): ValidationResult {
    if (typeof text !== 'string' && !(text instanceof Uint8Array)) {
      throw new Error(`ManifestValidator.validateText: text must be a string or a Buffer (got ${text === null ? 'null' : typeof text})`);
    }
    const run = new Run();
    this.validateTextInto(run, text, file);
    return run.result();
  }

  /** Validates objects already in memory, e.g. `Testing.synth(chart)`, as the JSON they serialize to. */
  public validateObjects(objects: readonly unknown[], source: string = '<objects>'): ValidationResult {
    if (!Array.isArray(objects)) throw new Error(`ManifestValidator.validateObjects: objects must be a list (got ${objects === null ? 'null' : typeof objects})`);
    const run = new Run();
    objects.forEach((object, i) => {
      const problems: NotJson[] = [];
      const data = toJsonData(object, problems);
      const where = { file: source, document: i + 1 };
      if (problems.length > 0) {
        run.documents++;
        for (const p of problems) run.add({ ...where, apiVersion: '', kind: '', path: formatPath(p.path), severity: 'error', message: p.message });
      } else {
        this.validateObject(run, data, where);
      }
    });
    return run.result();
  }

  private validateTextInto(run: Run, input: string | Uint8Array, file: string): void {
    run.files++;
    const { text, invalidUtf8Line } = typeof input === 'string' ? { text: input, invalidUtf8Line: undefined } : decodeText(input);
    const docs = readManifests(text);
    // The document holding the first byte that is not UTF-8: go-yaml rejects it.
    const broken = invalidUtf8Line === undefined ? undefined : docs.filter((d) => d.line <= invalidUtf8Line).pop() ?? docs[0];
    if (invalidUtf8Line !== undefined && broken === undefined) {
      run.documents++;
      run.add({ file, document: 1, line: invalidUtf8Line, apiVersion: '', kind: '', path: '.', severity: 'error', message: notUtf8(invalidUtf8Line) });
    }
    for (const doc of docs) {
      const where = { file, document: doc.index + 1, line: doc.line };
      const base = { ...where, apiVersion: '', kind: '', path: '.' };
      if (doc === broken) {
        run.documents++;
        run.add({ ...base, severity: 'error', message: notUtf8(invalidUtf8Line!) });
        continue;
      }
      if (doc.errors.length > 0) {
        run.documents++;
        for (const message of doc.errors) run.add({ ...base, severity: 'error', message: `invalid YAML: ${message}` });
        continue;
      }
      if (doc.value === undefined || doc.value === null) continue;
      for (const message of doc.warnings) run.add({ ...base, severity: 'warning', message });
      this.validateObject(run, doc.value, where);
    }
  }

  private validateObject(run: Run, object: unknown, where: { file: string; document: number; line?: number }): void {
    const record = (typeof object === 'object' && object !== null && !Array.isArray(object) ? object : {}) as Record<string, unknown>;
    const apiVersion = typeof record.apiVersion === 'string' ? record.apiVersion : '';
    const kind = typeof record.kind === 'string' ? record.kind : '';
    if (CLIENT_CONFIG_KINDS.has(`${apiVersion.replace(/\/[^/]*$/, '')}/${kind}`)) {
      run.clientConfigs++;
      return;
    }
    // kubectl reads any document with an `items` list as a list (`v1 List`, what `kubectl get -o
    // yaml` prints) and applies its items one by one (k8s.io/apimachinery v0.37
    // unstructuredJSONScheme.decode, k8s.io/cli-runtime v0.37 resource.FlattenListVisitor).
    if (Array.isArray(record.items)) {
      for (const item of record.items) this.validateObject(run, item, where);
      return;
    }
    if (record.items !== undefined || (apiVersion === 'v1' && kind === 'List')) {
      run.documents++;
      run.add({ ...where, apiVersion, kind, path: 'items', severity: 'error', message: `a list's items must be a list of objects (got ${JSON.stringify(record.items) ?? 'none'}); kubectl cannot decode it` });
      return;
    }
    run.documents++;
    const metadata = (record.metadata ?? {}) as Record<string, unknown>;
    const base = {
      ...where,
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
    try {
      this.check(record, object, apiVersion, kind, report, run);
    } catch (e) {
      // A fault of the validator itself must not hide the other documents' findings.
      report('error', [], `the validator could not check this object (${(e as Error).message}); please report this as a bug of cdk8s-kafka`);
    }
  }

  private check(
    record: Record<string, unknown>, object: unknown, apiVersion: string, kind: string,
    report: (severity: Severity, path: FieldPath, message: string) => void, run: Run,
  ): void {
    if (record !== object) return report('error', [], 'a manifest must be an object with apiVersion, kind and metadata');
    for (const field of ['apiVersion', 'kind'] as const) {
      if (record[field] === undefined || record[field] === '') return report('error', [field], 'required value');
      if (typeof record[field] !== 'string') return report('error', [field], `must be of type string (got ${JSON.stringify(record[field])})`);
    }
    if (apiVersion.split('/').length > 2 || apiVersion.split('/').some((part) => part === '')) {
      return report('error', ['apiVersion'], `must be <group>/<version> or <version> (got ${JSON.stringify(apiVersion)}); kubectl cannot parse it`);
    }

    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = apiVersion.slice(slash + 1);
    const info = this.registry.kind(group, kind);
    if (info === undefined) {
      // A kind close to one its group serves is most likely a typo: an error. Any other kind
      // (a kind of the group the built-in schemas leave out, or a vendor API such as Tetrate's)
      // cannot be judged: a warning, never silence.
      const kinds = this.registry.kindsOf(group);
      const meant = kinds.find((k) => editDistance(k.toLowerCase(), kind.toLowerCase()) <= 2);
      if (meant !== undefined) return report('error', ['kind'], `no schema for ${kind} in API group ${JSON.stringify(group)}: the group has no such kind; did you mean ${meant}?`);
      return report('warning', ['kind'], kinds.length > 0
        ? `no schema for ${kind} in API group ${JSON.stringify(group)} (built in: ${kinds.join(', ')}), so it was not validated; give its CRD with --crds to check it`
        : `no schema for ${kind}: no CRD serves API group ${JSON.stringify(group)} (neither built in nor given with --crds), so it was not validated`);
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
    } else if (this.registry.isKubernetesKind(group, kind) && /^v\d+alpha\d+$/.test(version)) {
      const stable = served.filter((v) => !/alpha|beta/.test(v.name)).map(qualified);
      report('warning', ['apiVersion'], `${apiVersion} is an alpha API, served only where the cluster enables it (--runtime-config)${stable.length > 0 ? `; use ${stable.join(', ')}` : ''}`);
    }

    const resolved = this.registry.resolve(group, version, kind)!;
    dropStatus(resolved, record, (path, message) => report('error', path, message));
    // A default written inside a list item is drift for custom resources: kubectl's client-side
    // apply sends them as JSON merge patches and Argo CD diffs them the same way, and both
    // replace a list whole (RFC 7386), so the server's copy differs from the file on every sync.
    // One finding per list item, naming every field defaulted in it.
    const core = this.registry.isKubernetesKind(group, kind);
    const defaultedInLists = new Map<string, { item: FieldPath; fields: string[] }>();
    applyDefaults(resolved.schema, record, resolved.deref, {
      pruned: (path) => report('warning', path, 'null is dropped by the API server (the field is not nullable and has no default); remove it'),
      defaulted: (path, value) => {
        const last = path.reduce<number>((at, p, i) => (typeof p === 'number' ? i : at), -1);
        if (core || last < 0 || path[0] === 'status') return;
        const item = path.slice(0, last + 1);
        const entry = defaultedInLists.get(formatPath(item)) ?? { item, fields: [] };
        entry.fields.push(`${path.slice(last + 1).join('.')}: ${JSON.stringify(value)}`);
        defaultedInLists.set(formatPath(item), entry);
      },
    });
    for (const { item, fields } of defaultedInLists.values()) {
      report('warning', item, `the API server writes ${fields.join(', ')} into this list item, and client-side kubectl apply and Argo CD compare the list whole: write ${fields.length === 1 ? 'it' : 'them'} out, or every apply reports "configured" and Argo CD shows the object OutOfSync`);
    }
    let blocked = false;
    checkSchema(resolved.schema, record, resolved.context, (path, message, blocking) => {
      blocked ||= blocking;
      report('error', path, message);
    });
    // Like the API server, skip CEL rules once a "blocking" error (a missing, mistyped or
    // out-of-range value) is found: rules would only trip over the same problem.
    if (blocked && hasRules(resolved.schema, resolved.deref)) {
      report('warning', [], 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation');
    }
    // The API server does not enforce x-kubernetes-list-type on built-in kinds: a create keeps
    // duplicates, server-side apply rejects them. Their Go validation (core-rules.ts) rejects the
    // duplicates that matter (containers, volumes, ports); the others are warnings.
    const duplicates: Array<[FieldPath, string]> = [];
    checkStructural(resolved.schema, record, resolved.deref, {
      error: (path, message) => (core ? duplicates.push([path, message]) : report('error', path, message)),
      warning: (path, message) => report('warning', path, message),
      skippedTransitionRule: () => run.skippedTransitionRules++,
    }, { evaluateRules: !blocked });
    checkMetadata(group, kind, info.namespaced, record.metadata, (path, message, severity = 'error') => report(severity, path, message));
    // What the API server checks in Go for built-in kinds; after a type error it never gets there.
    const coreErrors: string[] = [];
    if (core && !blocked) {
      checkCoreRules(group, kind, record, resolved, (path, message) => {
        coreErrors.push(formatPath(path));
        report('error', path, message);
      });
    }
    for (const [path, message] of duplicates) {
      const at = formatPath(path);
      if (coreErrors.some((e) => e === at || e.startsWith(`${at}.`) || e.startsWith(`${at}[`))) continue;
      report('warning', path, `${message}; the API server accepts it on create, but server-side apply (kubectl apply --server-side, Argo CD ServerSideApply) rejects it`);
    }
  }
}

/**
 * Where the API server drops `status` on create (the status subresource of a CRD, or a core
 * kind's create strategy), only its unknown fields are reported (the decoder sees them); the
 * rest is never validated, so it is removed before validation, as the API server does.
 */
function dropStatus(resolved: ResolvedSchema, record: Record<string, unknown>, error: (path: FieldPath, message: string) => void): void {
  if (!resolved.statusDroppedOnCreate || record.status === undefined) return;
  const status: OpenApiSchema | undefined = resolved.deref(resolved.schema).properties?.status;
  if (status !== undefined) checkUnknownFields(status, record.status, resolved.context, (path, message) => error(path, message), ['status']);
  delete record.status;
}

function notUtf8(line: number): string {
  return `invalid YAML: line ${line} is not valid UTF-8, which kubectl rejects; save the file as UTF-8`;
}

/**
 * Files tools read on the client side, never sent to an API server (a KIND cluster config, a
 * Kustomization): recognised and skipped, not reported as kinds without a schema.
 */
const CLIENT_CONFIG_KINDS = new Set(['kind.x-k8s.io/Cluster', 'kustomize.config.k8s.io/Kustomization', 'kustomize.config.k8s.io/Component']);

class Run {
  public files = 0;
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
      files: this.files,
      documents: this.documents,
      clientConfigs: this.clientConfigs,
      errors: this.findings.filter((f) => f.severity === 'error').length,
      warnings: this.findings.filter((f) => f.severity === 'warning').length,
      skippedTransitionRules: this.skippedTransitionRules,
    };
  }
}
