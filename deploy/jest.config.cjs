module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'deploy',
  rootDir: __dirname,
  // The shared test vectors are test-only entry points of the libraries, not part of their public API.
  moduleNameMapper: {
    '^@logline/log-schema/test-vectors$': '<rootDir>/../libs/log-schema/src/test-vectors/index.ts',
    '^@logline/processing-rules/test-vectors$': '<rootDir>/../libs/processing-rules/src/test-vectors/index.ts',
    '^@logline/ingest-protocols/test-vectors$': '<rootDir>/../libs/ingest-protocols/src/test-vectors/index.ts',
  },
};
