export * from './hostnames';
export * from './names';
export * from './synth';
export * from './versions';
