/** Two projects: unit tests (no network) and integration tests (a real Azurite per run). */
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = {
  transform,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/e2e/', '/.data/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/azurite-global-setup.ts',
      globalTeardown: '<rootDir>/test/azurite-global-teardown.ts',
    },
  ],
};
