module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'ingest-protocols',
  rootDir: __dirname,
};
