export { deterministicUuid, KraftClientAuthenticationType, parseProperties } from './config';
export type { KraftExternalSettings, KraftListenerNames, KraftPool, KraftPorts, KraftRole, KraftTopology } from './config';
export * from './kraft-cluster';
