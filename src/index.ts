export * from './core';
export * from './policy';
