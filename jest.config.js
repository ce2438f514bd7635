/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig sets isolatedModules, so ts-jest only transpiles; `tsc` type-checks in `npm test`.
  transform: { '^.+\\.ts$': 'ts-jest' },
  // test.concurrent (the API-server stage): two control planes at a time on a 2-core machine.
  maxConcurrency: 2,
  coveragePathIgnorePatterns: ['/node_modules/', '/imports/'],
};
