/** Tests are transpiled by SWC (TypeScript 6 type-checks separately: `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/service', '<rootDir>/sandbox', '<rootDir>/server', '<rootDir>/bot'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  testTimeout: 30000,
};
