export * from './validator';
export { SchemaRegistry } from './schema-registry';
export type { KindInfo, KindVersion } from './schema-registry';
export { lowerLevel, PodSecurityLevel, podSecurityProblems } from './pod-security';
export type { PodSpecFields } from './pod-security';
export { KUBECONFORM_SCHEMA_LOCATION, kubeconformSchema, kubeconformSchemaFile, kubeconformSchemas, writeKubeconformSchemas } from './kubeconform';
export type { JsonSchema, KubeconformSchema, KubeconformSchemaFiles } from './kubeconform';
