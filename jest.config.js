/**
 * Three projects: unit tests (no network), integration tests (a real Azurite per run), and the
 * tab's component tests (jsdom).
 */
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
      setupFilesAfterEnv: ['<rootDir>/test/integration-timeout.ts'],
      globalSetup: '<rootDir>/test/azurite-global-setup.ts',
      globalTeardown: '<rootDir>/test/azurite-global-teardown.ts',
    },
    {
      displayName: 'web',
      transform: {
        '^.+\\.tsx?$': [
          '@swc/jest',
          {
            jsc: {
              target: 'es2022',
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
            },
          },
        ],
      },
      testEnvironment: '<rootDir>/tab/web/test/jsdom-environment.cjs',
      roots: ['<rootDir>/tab/web'],
      testMatch: ['**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      setupFilesAfterEnv: ['<rootDir>/tab/web/test/setup.ts'],
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    },
  ],
};
