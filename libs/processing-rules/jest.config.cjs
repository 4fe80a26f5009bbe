module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'processing-rules',
  rootDir: __dirname,
  // The shared normalisation vectors are a test-only entry point of log-schema, not part of its public API.
  moduleNameMapper: { '^@logline/log-schema/test-vectors$': '<rootDir>/../log-schema/src/test-vectors/index.ts' },
};
