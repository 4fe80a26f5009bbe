module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'clickhouse-http',
  rootDir: __dirname,
};
