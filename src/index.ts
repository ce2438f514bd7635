export * from './core';
export * from './kafka';
export * from './policy';
export * from './stacks';
