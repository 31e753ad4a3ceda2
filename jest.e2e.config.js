/** Browser tests: the real server, the Agents Playground and Debian's Chromium (npm run test:e2e). */
module.exports = {
  displayName: 'e2e',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  maxWorkers: 1,
};
