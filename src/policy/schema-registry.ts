import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { crdToJsonSchema, definitionsToJsonSchema, k8sRef, OpenApiSchema } from './openapi';

/** Where the Kubernetes schema lives inside a CRD directory. */
export const KUBERNETES_DEFINITIONS = join('kubernetes', '_definitions-v1.32.0.json');

/** One served (or formerly served) version of a kind. */
export interface KindVersion {
  /** The version, e.g. `v1`. */
  readonly name: string;
  /** Whether the API server serves it. */
  readonly served: boolean;
  /** Whether it is deprecated. */
  readonly deprecated: boolean;
  /** The CRD's deprecation message, if it has one. */
  readonly deprecationWarning?: string;
}

/** What the registry knows of a kind: its scope and its versions. */
export interface KindInfo {
  /** The API group; empty for the core group. */
  readonly group: string;
  /** The kind. */
  readonly kind: string;
  /** Whether objects of the kind live in a namespace. */
  readonly namespaced: boolean;
  /** Its versions. */
  readonly versions: readonly KindVersion[];
  /** Where the schema comes from, for messages: a CRD file or the Kubernetes schema. */
  readonly source: string;
}

/** A kind at one version, ready to validate against. */
export interface ResolvedSchema {
  readonly info: KindInfo;
  readonly version: KindVersion;
  /** The OpenAPI schema (for defaults, list types and CEL rules). */
  readonly schema: OpenApiSchema;
  /** Resolves a `$ref` in {@link schema} (core kinds); CRD schemas have none. */
  readonly deref: (node: OpenApiSchema) => OpenApiSchema;
  /** The compiled ajv validator (compiled on first use, then cached). */
  readonly validate: ValidateFunction;
}

/** Core kinds that are cluster-scoped (the Kubernetes schema does not record scope). */
const CLUSTER_SCOPED_CORE_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus', 'ClusterRole', 'ClusterRoleBinding',
  'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'PriorityClass', 'RuntimeClass',
  'IngressClass', 'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration', 'IPAddress', 'ServiceCIDR',
  'DeviceClass', 'TokenReview', 'SelfSubjectReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview',
  'SubjectAccessReview',
]);

interface CrdDocument {
  readonly file: string;
  readonly text: string;
}

interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/**
 * The schemas of every kind in a CRD directory (`../shared/crds` layout: one folder per
 * project with CRD YAML files, plus `kubernetes/_definitions-*.json` for the core kinds).
 *
 * Loading is lazy: CRD files are only indexed by group and kind up front; a document is parsed,
 * and its schema compiled, the first time an object of that kind is validated.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv;
  /** `group/Kind` → the unparsed CRD document. */
  private readonly crdIndex = new Map<string, CrdDocument>();
  private readonly crds = new Map<string, { info: KindInfo; schemas: Map<string, OpenApiSchema> }>();
  private readonly definitions: Record<string, OpenApiSchema>;
  /** `group/Kind` → version → definition name, for the core kinds. */
  private readonly coreKinds = new Map<string, Map<string, string>>();
  private readonly compiled = new Map<string, ValidateFunction>();

  /**
   * Indexes the CRD files of `crdDirectory` and loads its Kubernetes schema.
   * @param crdDirectory The CRD directory (`../shared/crds` layout).
   */
  public constructor(public readonly crdDirectory: string) {
    const k8sFile = join(crdDirectory, KUBERNETES_DEFINITIONS);
    this.definitions = (JSON.parse(readFileSync(k8sFile, 'utf8')) as { definitions: Record<string, OpenApiSchema> }).definitions;
    for (const [name, definition] of Object.entries(this.definitions)) {
      const gvks = (definition['x-kubernetes-group-version-kind'] ?? []) as GroupVersionKind[];
      for (const gvk of gvks) {
        const key = `${gvk.group}/${gvk.kind}`;
        if (!this.coreKinds.has(key)) this.coreKinds.set(key, new Map());
        this.coreKinds.get(key)!.set(gvk.version, name);
      }
    }
    for (const file of yamlFiles(crdDirectory)) this.indexCrdFile(file);

    // Loaded here, not at the top: ajv costs ~50 ms that every `require('cdk8s-kafka')` would pay.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AjvClass = (require('ajv') as typeof import('ajv')).default;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
    this.ajv = new AjvClass({ allErrors: true, strict: false, validateFormats: true, code: { regExp: goRegExp } });
    addFormats(this.ajv, ['byte', 'date', 'date-time', 'ipv4', 'ipv6', 'uri', 'email', 'hostname', 'uuid']);
    this.ajv.addFormat('cidr', /^(?:(?:\d{1,3}\.){3}\d{1,3}\/\d{1,2}|[0-9a-fA-F:.]+\/\d{1,3})$/);
    this.ajv.addFormat('mac', /^(?:[0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/);
    this.ajv.addFormat('duration', /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$|^0$/);
    this.ajv.addSchema(definitionsToJsonSchema(this.definitions));
  }

  /** What is known of `group/kind`, or undefined when no CRD and no core kind has that name. */
  public kind(group: string, kind: string): KindInfo | undefined {
    const key = `${group}/${kind}`;
    const crd = this.loadCrd(key);
    if (crd !== undefined) return crd.info;
    const versions = this.coreKinds.get(key);
    if (versions === undefined) return undefined;
    return {
      group,
      kind,
      namespaced: !CLUSTER_SCOPED_CORE_KINDS.has(kind),
      versions: [...versions.keys()].map((name) => ({ name, served: true, deprecated: false })),
      source: `Kubernetes ${KUBERNETES_DEFINITIONS}`,
    };
  }

  /** Whether any CRD or core kind is in API `group`. */
  public servesGroup(group: string): boolean {
    const prefix = `${group}/`;
    return [...this.crdIndex.keys(), ...this.crds.keys(), ...this.coreKinds.keys()].some((key) => key.startsWith(prefix));
  }

  /** The schema of `group/kind` at `version`, or undefined when that version is not known. */
  public resolve(group: string, version: string, kind: string): ResolvedSchema | undefined {
    const info = this.kind(group, kind);
    const kindVersion = info?.versions.find((v) => v.name === version);
    if (info === undefined || kindVersion === undefined) return undefined;
    const key = `${group}/${version}/${kind}`;

    const crd = this.crds.get(`${group}/${kind}`);
    if (crd !== undefined) {
      const schema = crd.schemas.get(version) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      const validate = this.compile(key, () => crdToJsonSchema(schema));
      return { info, version: kindVersion, schema, deref: (node) => node, validate };
    }
    const definition = this.coreKinds.get(`${group}/${kind}`)!.get(version)!;
    const validate = this.compile(key, () => k8sRef(definition));
    return { info, version: kindVersion, schema: this.definitions[definition], deref: (node) => this.deref(node), validate };
  }

  private compile(key: string, schema: () => object): ValidateFunction {
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(schema());
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private deref(node: OpenApiSchema): OpenApiSchema {
    let current = node;
    while (current.$ref !== undefined) current = this.definitions[current.$ref.replace('#/definitions/', '')];
    return current;
  }

  /**
   * Indexes a CRD file without parsing it: each document's `spec.group` and `spec.names.kind`
   * are read with two anchored patterns; a document they do not fit is parsed right away.
   */
  private indexCrdFile(file: string): void {
    const text = readFileSync(file, 'utf8');
    for (const doc of text.split(/^---[^\S\n]*$/m)) {
      if (!/^kind:\s*CustomResourceDefinition\s*$/m.test(doc)) continue;
      const group = /^ {2}group:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
      const kind = /^ {4}kind:\s*["']?(\w+)/m.exec(doc)?.[1];
      if (group !== undefined && kind !== undefined) {
        this.crdIndex.set(`${group}/${kind}`, { file, text: doc });
      } else {
        const crd = parseCrd({ file, text: doc });
        this.crds.set(`${crd.info.group}/${crd.info.kind}`, crd);
      }
    }
  }

  private loadCrd(key: string) {
    let crd = this.crds.get(key);
    const doc = this.crdIndex.get(key);
    if (crd === undefined && doc !== undefined) {
      crd = parseCrd(doc);
      if (`${crd.info.group}/${crd.info.kind}` !== key) {
        throw new Error(`${doc.file}: indexed as ${key} but defines ${crd.info.group}/${crd.info.kind}`);
      }
      this.crds.set(key, crd);
    }
    return crd;
  }
}

/**
 * CRD patterns are Go RE2 expressions. The few RE2 forms JavaScript lacks are rewritten: a
 * leading `(?i)` flag group becomes the `i` flag, `(?P<name>` becomes `(?<name>`; escapes the
 * `u` flag rejects (`\_`, `\ `) are retried without it.
 */
const goRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    let source = pattern.replace(/\(\?P</g, '(?<');
    let extra = '';
    const inline = /^\(\?([ims]+)\)/.exec(source);
    if (inline !== null) {
      source = source.slice(inline[0].length);
      extra = inline[1];
    }
    try {
      return new RegExp(source, flags + extra);
    } catch {
      return new RegExp(source, flags.replace('u', '') + extra);
    }
  },
  { code: 'goRegExp' },
);

interface CrdManifest {
  spec: {
    group: string;
    names: { kind: string };
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string;
      served: boolean;
      deprecated?: boolean;
      deprecationWarning?: string;
      schema?: { openAPIV3Schema?: OpenApiSchema };
    }>;
  };
}

function parseCrd(doc: CrdDocument) {
  const crd = parseDocument(doc.text).toJS() as CrdManifest;
  const schemas = new Map<string, OpenApiSchema>();
  for (const v of crd.spec.versions) {
    if (v.schema?.openAPIV3Schema !== undefined) schemas.set(v.name, v.schema.openAPIV3Schema);
  }
  const info: KindInfo = {
    group: crd.spec.group,
    kind: crd.spec.names.kind,
    namespaced: crd.spec.scope === 'Namespaced',
    versions: crd.spec.versions.map((v) => ({
      name: v.name,
      served: v.served,
      deprecated: v.deprecated === true,
      deprecationWarning: v.deprecationWarning,
    })),
    source: doc.file,
  };
  return { info, schemas };
}

function yamlFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory).sort()) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry)) files.push(path);
  }
  return files;
}
