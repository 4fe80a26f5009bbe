module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'processing-rules',
  rootDir: __dirname,
};
