module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'log-schema',
  rootDir: __dirname,
};
