export * from './config';
export * from './kraft-cluster';
