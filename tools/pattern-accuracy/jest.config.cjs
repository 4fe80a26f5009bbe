module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'pattern-accuracy',
  rootDir: __dirname,
};
