/**
 * Conversion of Kubernetes OpenAPI schemas (CRD structural schemas and the core
 * `_definitions.json`) into JSON Schema for ajv.
 *
 * Only the keywords that validate a value are kept; `default`, descriptions and the
 * `x-kubernetes-*` extensions are handled by `structural.ts` in a walk of their own. What the
 * API server does with field validation `Strict` is made explicit here: an object rejects
 * fields its schema does not declare, unless it preserves unknown fields.
 */

/** A node of an OpenAPI v3 schema, as found in a CRD or in the Kubernetes definitions. */
export interface OpenApiSchema {
  readonly type?: string;
  readonly format?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly additionalProperties?: OpenApiSchema | boolean;
  readonly items?: OpenApiSchema;
  readonly required?: readonly string[];
  readonly allOf?: readonly OpenApiSchema[];
  readonly anyOf?: readonly OpenApiSchema[];
  readonly oneOf?: readonly OpenApiSchema[];
  readonly not?: OpenApiSchema;
  readonly default?: unknown;
  readonly $ref?: string;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-validations'?: readonly unknown[];
  readonly [keyword: string]: unknown;
}

/** A JSON Schema object for ajv. */
export type JsonSchema = Record<string, unknown>;

/** The `$id` under which the Kubernetes definitions are registered with ajv. */
export const K8S_SCHEMA_ID = 'k8s';

/** The JSON Schema reference to a Kubernetes definition, e.g. `ObjectMeta`. */
export function k8sRef(definition: string): JsonSchema {
  return { $ref: `${K8S_SCHEMA_ID}#/definitions/${definition}` };
}

export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
/** `resource.ParseQuantity`: a signed decimal number with an optional binary, decimal or exponent suffix. */
const QUANTITY_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$';

/**
 * The formats the API server validates (k8s.io/kube-openapi `strfmt` registry). Every other
 * format, `int32` and `int64` among them, is ignored by Kubernetes and so is dropped here.
 */
const VALIDATED_FORMATS = new Set(['byte', 'date', 'date-time', 'ipv4', 'ipv6', 'cidr', 'uri', 'email', 'hostname', 'uuid', 'mac', 'duration']);

/** Keywords copied verbatim: they mean the same in OpenAPI v3 and JSON Schema. */
const VALUE_KEYWORDS = [
  'enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'required',
] as const;

interface ConvertOptions {
  /** Objects that declare no properties are open (core definitions) or closed (CRDs). */
  readonly closeEmptyObjects: boolean;
  /**
   * Inside `allOf`/`anyOf`/`oneOf`/`not` a structural schema only restricts values; its
   * branches never declare fields, so they never reject unknown ones either.
   */
  readonly inJunctor?: boolean;
}

/**
 * Converts a CRD version's `openAPIV3Schema` to JSON Schema. At the root and in embedded
 * resources `metadata` is checked as a Kubernetes `ObjectMeta`, as the API server does.
 */
export function crdToJsonSchema(root: OpenApiSchema): JsonSchema {
  return convert(root, { closeEmptyObjects: true }, true);
}

/** Converts the Kubernetes `definitions` map (swagger 2.0 style `$ref`s) for ajv. */
export function definitionsToJsonSchema(definitions: Readonly<Record<string, OpenApiSchema>>): JsonSchema {
  const converted: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(definitions)) {
    converted[name] = convert(schema, { closeEmptyObjects: false }, false);
  }
  // The schema says only "string or number"; the API server parses quantities with this pattern.
  converted[QUANTITY] = { type: ['string', 'number'], pattern: QUANTITY_PATTERN };
  return { $id: K8S_SCHEMA_ID, definitions: converted };
}

function convert(node: OpenApiSchema, options: ConvertOptions, isResource: boolean): JsonSchema {
  if (node.$ref !== undefined) return { $ref: node.$ref };
  const out: JsonSchema = {};

  const type = node['x-kubernetes-int-or-string'] ? ['integer', 'string'] : node.type;
  if (type !== undefined) out.type = node.nullable ? [type, 'null'].flat() : type;
  if (node.format !== undefined && VALIDATED_FORMATS.has(node.format)) out.format = node.format;
  for (const keyword of VALUE_KEYWORDS) {
    if (node[keyword] !== undefined) out[keyword] = node[keyword];
  }
  if (node.nullable && node.enum !== undefined && !node.enum.includes(null)) out.enum = [...node.enum, null];

  if (node.properties !== undefined) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, child] of Object.entries(node.properties)) {
      properties[name] = convert(child, options, false);
    }
    out.properties = properties;
  }
  const embedded = isResource || node['x-kubernetes-embedded-resource'] === true;
  if (embedded) {
    const properties = (out.properties ?? {}) as Record<string, JsonSchema>;
    out.properties = {
      ...properties,
      apiVersion: properties.apiVersion ?? { type: 'string' },
      kind: properties.kind ?? { type: 'string' },
      metadata: k8sRef(OBJECT_META),
    };
  }
  if (typeof node.additionalProperties === 'object') {
    out.additionalProperties = convert(node.additionalProperties, options, false);
  } else if (node['x-kubernetes-preserve-unknown-fields'] || node.additionalProperties === true) {
    // unknown fields are kept
  } else if (options.inJunctor) {
    // the outer schema decides which fields exist
  } else if (node.properties !== undefined || embedded || (options.closeEmptyObjects && node.type === 'object')) {
    out.additionalProperties = false;
  }
  if (node.items !== undefined) out.items = convert(node.items, options, false);

  const junctor: ConvertOptions = { ...options, inJunctor: true };
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[keyword];
    if (branches !== undefined) out[keyword] = branches.map((b) => convert(b, junctor, false));
  }
  if (node.not !== undefined) out.not = convert(node.not, junctor, false);
  return out;
}
