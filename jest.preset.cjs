// Shared jest settings: swc for speed, Nx's resolver for the tsconfig path aliases, and
// ESM-only packages (cookie@2 under fastify's inject, typebox 1.x) transformed so they load on Node 20.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|js|mjs|cjs)$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(cookie|typebox|@fastify/type-provider-typebox)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  resolver: '@nx/jest/plugins/resolver',
  testMatch: ['**/?(*.)+(spec|test).ts'],
  passWithNoTests: true,
  // A timeout only catches a hang: tests on the real engine share two cores with every other
  // Nx task in CI, and jest's 5 s default failed them under that load (schema-sql.spec.ts).
  testTimeout: 60_000,
};
