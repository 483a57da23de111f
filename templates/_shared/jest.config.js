/**
 * The tests are TypeScript, compiled file by file by ts-jest (`npm test` type-checks everything with
 * tsc first). Each test file starts its own emulator and add-on on free ports, so files run in parallel.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 20000,
};
