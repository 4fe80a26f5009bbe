module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'search-syntax',
  rootDir: __dirname,
};
