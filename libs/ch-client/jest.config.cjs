module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'ch-client',
  rootDir: __dirname,
};
