/**
 * Packages that ship only ES modules, compiled for jsdom like our code: d3 (under
 * @fluentui/react-charts) and the Markdown renderer's unified/micromark family.
 */
const esmOnly = [
  'd3-[^/]+',
  'internmap',
  'react-markdown',
  'remark-[^/]+',
  'rehype-[^/]+',
  'unified',
  'micromark[^/]*',
  'mdast-util-[^/]+',
  'hast-util-[^/]+',
  'unist-util-[^/]+',
  'vfile[^/]*',
  'bail',
  'ccount',
  'character-entities[^/]*',
  'character-reference-invalid',
  'comma-separated-tokens',
  'decode-named-character-reference',
  'devlop',
  'escape-string-regexp',
  'estree-util-is-identifier-name',
  'html-url-attributes',
  'is-alphabetical',
  'is-alphanumerical',
  'is-decimal',
  'is-hexadecimal',
  'is-plain-obj',
  'longest-streak',
  'markdown-table',
  'parse-entities',
  'property-information',
  'space-separated-tokens',
  'stringify-entities',
  'trim-lines',
  'trough',
  'zwitch',
].join('|');

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
        [`/node_modules/(${esmOnly})/.+\\.m?js$`]: [
          '@swc/jest',
          { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
        ],
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
      transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
      // The adaptivecards package's lib/ entry is extension-less ESM; its UMD bundle loads in jsdom.
      moduleNameMapper: {
        '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
      },
      setupFilesAfterEnv: ['<rootDir>/tab/web/test/setup.ts'],
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    },
  ],
};
