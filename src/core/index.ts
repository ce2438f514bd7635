export * from './names';
export * from './versions';
