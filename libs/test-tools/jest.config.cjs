module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'test-tools',
  rootDir: __dirname,
};
