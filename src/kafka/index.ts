export * from './kafka-cluster';
export * from './listener';
export * from './metrics';
export * from './node-pool';
export * from './storage';
export * from './topic';
export * from './user';
