export * from './hostnames';
export * from './names';
export * from './versions';
