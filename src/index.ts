export * from './bridge';
export * from './certs';
export * from './core';
export * from './failover';
export * from './gateway';
export * from './kafka';
export * from './policy';
export * from './stacks';
