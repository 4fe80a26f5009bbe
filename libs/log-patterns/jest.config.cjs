module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'log-patterns',
  rootDir: __dirname,
};
