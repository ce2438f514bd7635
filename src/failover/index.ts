export * from './envoy';
export * from './failover-gateway';
export * from './istio';
export * from './model';
export * from './tetrate';
export * from './traffic';
