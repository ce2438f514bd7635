import { QUANTITY } from './schema';
import { checkArgs } from '../core/props';
import { readFileSync } from 'fs';
import { ioProblem } from '../core/io';
import { manifestFiles } from './input';
import { BundleCrd, BundleIndex, readBundleFile } from './bundle';
import { addParsedExpressions } from './cel';
import { STATUS_RESET_ON_CREATE, UNENFORCED_REQUIRED } from './core-required';
import { OpenApiSchema } from './openapi';
import { SchemaContext } from './schema';
import { readManifests } from './yaml';

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
  /** Where the schema comes from, for messages: a CRD (built in, or a file given with `--crds`) or the Kubernetes schema. */
  readonly source: string;
}

/** A kind at one version, ready to validate against. */
export interface ResolvedSchema {
  readonly info: KindInfo;
  readonly version: KindVersion;
  /** The OpenAPI schema of the whole object. */
  readonly schema: OpenApiSchema;
  /** How to read it: `$ref`s, `ObjectMeta`, closed or open empty objects. */
  readonly context: SchemaContext;
  /** Resolves a `$ref` chain (core kinds); CRD schemas have none. */
  readonly deref: (node: OpenApiSchema) => OpenApiSchema;
  /** Whether the API server drops `status` on create (status subresource, or a core kind's create strategy). */
  readonly statusDroppedOnCreate: boolean;
}

/** Core kinds that are cluster-scoped (the Kubernetes schema does not record scope). */
const CLUSTER_SCOPED_CORE_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus', 'ClusterRole', 'ClusterRoleBinding',
  'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'PriorityClass', 'RuntimeClass',
  'IngressClass', 'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration', 'IPAddress', 'ServiceCIDR',
  'DeviceClass', 'TokenReview', 'SelfSubjectReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview',
  'SubjectAccessReview', 'ClusterTrustBundle', 'StorageVersionMigration', 'VolumeAttributesClass', 'ResourceSlice',
]);

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** A CRD version known to the registry. */
interface CrdVersion extends KindVersion {
  readonly statusSubresource?: boolean;
}

/** A CRD: its kind, and its schemas (loaded on first use). */
interface Crd {
  readonly info: KindInfo & { readonly versions: readonly CrdVersion[] };
  readonly schemas: () => Record<string, OpenApiSchema | string>;
}

/**
 * Schemas by API group, kind and version: the built-in ones (the pinned CRDs and Kubernetes
 * schema, shipped in `schemas/`), and any CRDs a user adds, which take precedence.
 *
 * Only the index is read up front; a kind's schema is parsed the first time an object of that
 * kind is validated.
 */
export class SchemaRegistry {
  private readonly index: BundleIndex = readBundleFile<BundleIndex>('index.json');
  private readonly crds = new Map<string, Crd>();
  private definitions?: Record<string, OpenApiSchema>;
  private readonly loadedCrds = new Map<Crd, Record<string, OpenApiSchema | string>>();

  /**
   * @param crdPaths Files or directories (searched recursively for `*.yaml`, `*.yml`, `*.json`) of
   *   CustomResourceDefinitions to use besides the built-in ones.
   * @throws Error (one line) when a path cannot be read or holds no CustomResourceDefinition.
   */
  public constructor(crdPaths: readonly string[] = []) {
    checkArgs('new SchemaRegistry()', 'SchemaRegistry.constructor', arguments);
    for (const [key, crd] of Object.entries(this.index.crds)) {
      const [group, kind] = splitKey(key);
      this.crds.set(key, {
        info: { group, kind, namespaced: crd.namespaced, versions: crd.versions, source: `the built-in CRD from ${crd.source}` },
        schemas: () => {
          const file = readBundleFile<BundleCrd>(crd.file);
          addParsedExpressions(file.cel ?? {});
          return file.versions;
        },
      });
    }
    for (const path of crdPaths) this.addCrds(path);
  }

  /** The Kubernetes release whose schema checks the core kinds, e.g. `1.32.0`. */
  public get kubernetesVersion(): string {
    return this.index.kubernetes.version;
  }

  /** What is known of `group/kind`, or undefined when no CRD and no core kind has that name. */
  public kind(group: string, kind: string): KindInfo | undefined {
    const crd = this.crds.get(`${group}/${kind}`);
    if (crd !== undefined) return crd.info;
    const versions = this.index.kubernetes.kinds[`${group}/${kind}`];
    if (versions === undefined) return undefined;
    return {
      group,
      kind,
      namespaced: !CLUSTER_SCOPED_CORE_KINDS.has(kind),
      versions: Object.keys(versions).map((name) => ({ name, served: true, deprecated: false })),
      source: `the Kubernetes ${this.index.kubernetes.version} schema`,
    };
  }

  /** Whether `group/kind` is a Kubernetes kind (not a CRD's). */
  public isKubernetesKind(group: string, kind: string): boolean {
    return !this.crds.has(`${group}/${kind}`) && this.index.kubernetes.kinds[`${group}/${kind}`] !== undefined;
  }

  /** The kinds of API `group` that a CRD or the Kubernetes schema serves, sorted. */
  public kindsOf(group: string): string[] {
    const prefix = `${group}/`;
    return [...this.crds.keys(), ...Object.keys(this.index.kubernetes.kinds)]
      .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
      .map((key) => key.slice(prefix.length))
      .sort();
  }

  /** The schema of `group/kind` at `version`, or undefined when that version is not known. */
  public resolve(group: string, version: string, kind: string): ResolvedSchema | undefined {
    const info = this.kind(group, kind);
    const kindVersion = info?.versions.find((v) => v.name === version);
    if (info === undefined || kindVersion === undefined) return undefined;
    const definitions = this.kubernetesDefinitions();
    const resolveRef = (ref: string) => definitions[ref.replace('#/definitions/', '')];
    const objectMeta = definitions[OBJECT_META];

    const crd = this.crds.get(`${group}/${kind}`);
    if (crd !== undefined) {
      const schemas = this.crdSchemas(crd);
      let schema = schemas[version];
      if (typeof schema === 'string') schema = schemas[schema];
      return {
        info,
        version: kindVersion,
        // A version without a schema accepts anything (apiextensions.k8s.io/v1 requires one; v1beta1 CRDs did not).
        schema: (schema as OpenApiSchema | undefined) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        context: { resolveRef, objectMeta, closeEmptyObjects: true, checkFormats: true },
        deref: (node) => node,
        statusDroppedOnCreate: (kindVersion as CrdVersion).statusSubresource === true,
      };
    }
    const definition = this.index.kubernetes.kinds[`${group}/${kind}`][version];
    const deref = (node: OpenApiSchema): OpenApiSchema => {
      let current = node;
      while (current.$ref !== undefined) current = resolveRef(current.$ref);
      return current;
    };
    return {
      info,
      version: kindVersion,
      schema: { $ref: `#/definitions/${definition}` },
      context: { resolveRef, objectMeta, closeEmptyObjects: false, checkFormats: false, unenforcedRequired: UNENFORCED_REQUIRED },
      deref,
      statusDroppedOnCreate: STATUS_RESET_ON_CREATE.has(`${group}/${kind}`),
    };
  }

  private kubernetesDefinitions(): Record<string, OpenApiSchema> {
    this.definitions ??= withQuantity(readBundleFile<Record<string, OpenApiSchema>>(this.index.kubernetes.definitions));
    return this.definitions;
  }

  private crdSchemas(crd: Crd): Record<string, OpenApiSchema | string> {
    let schemas = this.loadedCrds.get(crd);
    if (schemas === undefined) {
      schemas = crd.schemas();
      this.loadedCrds.set(crd, schemas);
    }
    return schemas;
  }

  private addCrds(path: string): void {
    let found = 0;
    for (const file of manifestFiles(path)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new Error(`cannot read ${file}: ${ioProblem(e)}`);
      }
      for (const doc of readManifests(text)) {
        if (doc.errors.length > 0) throw new Error(`${file}:${doc.line}: not valid YAML (${doc.errors[0]})`);
        const crd = doc.value as CrdManifest | undefined;
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        const spec = crd.spec;
        if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string' || !Array.isArray(spec.versions)) {
          throw new Error(`${file}: CustomResourceDefinition ${crd.metadata?.name ?? '(no name)'} has no spec.group, spec.names.kind or spec.versions`);
        }
        const schemas: Record<string, OpenApiSchema> = {};
        for (const v of spec.versions) if (v.schema?.openAPIV3Schema !== undefined) schemas[v.name] = v.schema.openAPIV3Schema;
        this.crds.set(`${spec.group}/${spec.names.kind}`, {
          info: {
            group: spec.group,
            kind: spec.names.kind,
            namespaced: spec.scope !== 'Cluster',
            versions: spec.versions.map((v) => ({
              name: v.name,
              served: v.served !== false,
              deprecated: v.deprecated === true,
              deprecationWarning: v.deprecationWarning,
              statusSubresource: v.subresources?.status !== undefined,
            })),
            source: file,
          },
          schemas: () => schemas,
        });
        found++;
      }
    }
    if (found === 0) throw new Error(`no CustomResourceDefinition in ${path}`);
  }
}

/**
 * The Kubernetes schema says only that a Quantity is a string; the API server takes a JSON
 * number too (`cpu: 0.5`) and a string with spaces around it, and parses either with
 * `resource.ParseQuantity` (apimachinery quantity.go `UnmarshalJSON`): the marker makes the
 * schema checker judge it with the same parser (core-rules.ts `parseQuantity`).
 */
function withQuantity(definitions: Record<string, OpenApiSchema>): Record<string, OpenApiSchema> {
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { [QUANTITY]: true };
  return definitions;
}

interface CrdManifest {
  kind?: string;
  metadata?: { name?: string };
  spec?: {
    group?: string;
    names?: { kind?: string };
    scope?: 'Namespaced' | 'Cluster';
    versions?: Array<{
      name: string; served?: boolean; deprecated?: boolean; deprecationWarning?: string;
      subresources?: { status?: object }; schema?: { openAPIV3Schema?: OpenApiSchema };
    }>;
  };
}

function splitKey(key: string): [string, string] {
  const slash = key.lastIndexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

