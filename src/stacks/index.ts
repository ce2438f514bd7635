export * from './dev';
