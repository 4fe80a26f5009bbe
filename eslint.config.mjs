import nx from '@nx/eslint-plugin';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const depConstraints = [
  // Libraries never import apps, tools, tests or deploy/.
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:deploy', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:lib'] },
  // log-schema (with log-patterns), metrics and logging stand alone; the contract and storage build on them only.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:metrics', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:logging', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:contract', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:storage', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Starting processes is for e2e, deploy tests and tools: no library or app depends on it.
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: [] },
  // The web talks to the api over HTTP (the contract), never to storage.
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:contract', 'scope:storage', 'scope:metrics', 'scope:logging'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:contract', 'scope:metrics', 'scope:logging'] },
  { sourceTag: 'scope:generator', onlyDependOnLibsWithTags: ['scope:shared', 'scope:metrics'] },
];

// Test infrastructure (tag type:test-support, e.g. the ClickHouse HTTP front) is for tests only:
// test files of any project may import it, the code a project ships may not.
const testDepConstraints = depConstraints.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:test-support'],
}));

const boundaries = (constraints) => ({
  '@nx/enforce-module-boundaries': [
    'error',
    {
      enforceBuildableLibDependency: true,
      allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/jest\\.preset\\.cjs$'],
      depConstraints: constraints,
    },
  ],
});

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/.nx', 'tmp', 'data'] },
  { files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'], rules: boundaries(depConstraints) },
  { files: ['**/*.spec.ts', '**/test/**/*.ts'], rules: boundaries(testDepConstraints) },
  {
    // No import cycles inside a project (the module-boundary rule reports those between projects).
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts'], 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })] },
    rules: { 'import-x/no-cycle': 'error' },
  },
];
