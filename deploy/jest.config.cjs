module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'deploy',
  rootDir: __dirname,
  // The shared test vectors are a test-only entry point of log-schema, not part of its public API.
  moduleNameMapper: { '^@logline/log-schema/test-vectors$': '<rootDir>/../libs/log-schema/src/test-vectors/index.ts' },
};
