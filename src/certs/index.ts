export * from './certificate';
export * from './issuer';
export * from './private-ca';
