// Shared jest settings: swc for speed, Nx's resolver for the tsconfig path aliases, and
// cookie@2 (ESM only, pulled in by fastify's inject) transformed so app.inject works on Node 20.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(cookie)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  resolver: '@nx/jest/plugins/resolver',
  testMatch: ['**/?(*.)+(spec|test).ts'],
  passWithNoTests: true,
};
