export * from './dev';
export * from './kind';
