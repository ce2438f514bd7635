export * from './client';
export * from './connect';
// The grant options only: the rest of grants.ts is the library's authorization model.
export type { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
export * from './cluster-base';
// Cruise Control's options and goal list: the rest of cruise-control.ts is the checks.
export { CRUISE_CONTROL_GOALS } from './cruise-control';
export type { CruiseControlAutoRebalance, CruiseControlBrokerCapacity, CruiseControlBrokerCapacityOverride, CruiseControlGoalSettings, CruiseControlOptions, KafkaRebalanceGoalOptions } from './cruise-control';
export * from './kafka-cluster';
export type { KafkaClusterAttributes, KafkaListenerAttributes } from './imported-cluster';
export * from './listener';
export * from './metrics';
export * from './mirror-maker2';
export * from './node-pool';
export * from './rebalance';
export * from './pod-monitor';
export * from './storage';
// TieredStorage and its options: the rest of tiered-storage.ts is the checks.
export { TieredStorage } from './tiered-storage';
export type { CustomTieredStorageOptions, TopicRemoteStorage } from './tiered-storage';
export * from './topic';
export * from './user';
// The public types only: the rest of zones.ts is the checks.
export type { KafkaZonedNodeOptions, KafkaZonePoolsOptions, NodePoolZone } from './zones';
export type { TrustedCa } from './trust';
export { ReplicaMovementStrategy } from './cruise-control';
export type { KafkaRebalanceTemplateOptions, KafkaRebalanceTuningOptions } from './cruise-control';
// Additional volumes and their mounts: the rest of additional-volume.ts is the checks.
export { AdditionalVolume, EmptyDirMedium, VolumeImagePullPolicy } from './additional-volume';
export type { AdditionalVolumeMount, CsiVolumeOptions, EmptyDirVolumeOptions, ImageVolumeOptions, KeysVolumeOptions, PersistentVolumeClaimVolumeOptions, VolumeKeyToPath } from './additional-volume';
