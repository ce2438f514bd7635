export * from './client';
// The grant options only: the rest of grants.ts is the library's authorization model.
export type { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
export * from './cluster-base';
export * from './kafka-cluster';
export type { KafkaClusterAttributes, KafkaListenerAttributes } from './imported-cluster';
export * from './listener';
export * from './metrics';
export * from './mirror-maker2';
export * from './node-pool';
export * from './pod-monitor';
export * from './storage';
// TieredStorage and its options: the rest of tiered-storage.ts is the checks.
export { TieredStorage } from './tiered-storage';
export type { CustomTieredStorageOptions, TopicRemoteStorage } from './tiered-storage';
export * from './topic';
export * from './user';
// The public types only: the rest of zones.ts is the checks.
export type { KafkaZonedNodeOptions, KafkaZonePoolsOptions, NodePoolZone } from './zones';
