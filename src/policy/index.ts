export * from './validator';
export { SchemaRegistry } from './schema-registry';
export type { KindInfo, KindVersion } from './schema-registry';
