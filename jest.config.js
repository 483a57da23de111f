/**
 * Two projects: everything on Express 5 (the dev dependency), and the add-on's integration tests again
 * with `express` resolved to Express 4, since the router is built by whichever Express the app has.
 * @type {import('jest').Config}
 */
const project = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // The emulator's web UI is plain JavaScript modules, served as they are; its pure ones are unit-tested here.
    '/lib/emulator/ui/.+\\.js$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/test/support/resource-symbols.js'],
  // Integration and example tests import the package by name, as its users do (tsconfig.json maps the same names for tsc).
  moduleNameMapper: {
    '^hipchat-connect$': '<rootDir>/lib/index.ts',
    '^hipchat-connect/testing$': '<rootDir>/lib/testing.ts',
    '^hipchat-connect/emulator$': '<rootDir>/lib/emulator/index.ts',
  },
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 20000,
  projects: [
    // Not templates/: each template's tests import its generated project (`hipchat-connect` from its own
    // node_modules) and run there, in test/integration/cli/new-templates.test.ts.
    { ...project, displayName: 'express5', roots: ['<rootDir>/test'], testMatch: ['**/*.test.ts'], globals: { EXPRESS_MAJOR: 5 } },
    {
      ...project,
      displayName: 'express4',
      roots: ['<rootDir>/test/integration/addon'],
      testMatch: ['**/*.test.ts'],
      moduleNameMapper: { ...project.moduleNameMapper, '^express$': 'express4' },
      globals: { EXPRESS_MAJOR: 4 },
    },
  ],
};
