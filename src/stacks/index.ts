export type { TopicDefinition, UserDefinition } from './blocks';
export * from './delivery';
export * from './dev';
export * from './environment';
export * from './in-cluster-mtls';
export * from './kind';
export * from './kraft-plain';
export * from './multi-region';
export * from './multi-region-dr';
