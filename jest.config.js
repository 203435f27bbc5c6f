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
  // A worker per core. Jest's default (one fewer) runs one suite at a time on a 2-core machine, where
  // most suites wait on the emulators, PostgreSQL or Chromium rather than compute: two at once took
  // the whole suite from 1,084 s to 647 s here, every test passing.
  maxWorkers: '100%',
};
