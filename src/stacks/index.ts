export * from './dev';
export * from './kind';
export * from './multi-region';
