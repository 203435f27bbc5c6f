/** Tests are transpiled by SWC (TypeScript 6 type-checks separately: `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/contract',
    '<rootDir>/service',
    '<rootDir>/cli',
    '<rootDir>/sandbox',
    '<rootDir>/server',
    '<rootDir>/bot',
    '<rootDir>/tabs',
    '<rootDir>/tools',
    '<rootDir>/bench',
  ],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
  // adaptivecards' lib/ is ESM without "type": "module"; its UMD bundle loads under jest (with jsdom).
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  // Chance is an input: property tests draw from a fixed seed.
  setupFiles: ['<rootDir>/service/testing/seed-fast-check.ts'],
  testTimeout: 30000,
};
