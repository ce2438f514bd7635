export * from './hostnames';
export * from './names';
export type { NetworkPeer } from './network';
export * from './synth';
export { COMPONENT_VERSIONS, DEFAULT_KAFKA_VERSION, GATEWAY_API_CHANNEL, KAFKA_METADATA_VERSIONS, SUPPORTED_KAFKA_VERSIONS } from './versions';
export { ConsistencyPass, secretRef, serviceRef } from './consistency';
export type { GatewayRouteClaim, NodePortGateway, ObjectRef, TlsClient, TlsServer } from './consistency';
export type { NamespacePodSecurity } from './consistency';
