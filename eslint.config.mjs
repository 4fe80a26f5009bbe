import nx from '@nx/eslint-plugin';

const depConstraints = [
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:web', notDependOnLibsWithTags: ['scope:storage'] },
  { sourceTag: 'scope:generator', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:deploy', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:lib'] },
];

// Test infrastructure (tag type:test-support, e.g. the ClickHouse HTTP front) is for tests only:
// test files of any project may import it, the code a project ships may not.
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.onlyDependOnLibsWithTags?.includes('type:lib')
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:test-support'] }
    : constraint,
);

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
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'tmp', 'data'] },
  { files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'], rules: boundaries(depConstraints) },
  { files: ['**/*.spec.ts', '**/test/**/*.ts'], rules: boundaries(testDepConstraints) },
];
