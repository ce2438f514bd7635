export * from './external-listener';
export * from './gateway-class';
export * from './kafka-gateway';
export * from './tls-routes';
