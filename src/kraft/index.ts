export { deterministicUuid, KraftClientAuthenticationType, parseProperties } from './config';
export type { KraftPool, KraftRole, KraftTopology } from './config';
export * from './kraft-cluster';
