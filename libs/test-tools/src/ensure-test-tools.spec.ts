/**
 * The step before the tests, run as a real process from its bundle, as `npm test` runs it: as a
 * user who is not root and with the tools out of reach it stops at once with the install
 * command; a path variable naming nothing stops it even as root, before any install; with the
 * tools on this machine it prints where they are.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { findTool, type MissingTool } from './find-tool';
import { describeHost } from './host-system';
import { missingToolsMessage } from './install-advice';
import { TEST_TOOLS } from './test-tools';
import { testToolPath } from './test-tool-path';

const NOBODY = 65534;

describe('the test tools step (npm run test:tools)', () => {
  let dir: string;
  let bundle: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'logline-test-tools-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'empty'));
    bundle = join(dir, 'ensure-test-tools.cjs');
    buildSync({ entryPoints: [join(__dirname, 'main.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function runStep(env: NodeJS.ProcessEnv, options: SpawnSyncOptions = {}) {
    return spawnSync(process.execPath, [bundle], { cwd: dir, env, encoding: 'utf8', timeout: 30_000, ...options });
  }

  it('stops a user who is not root, before any test, naming each missing tool and the command that installs it', () => {
    const env = { PATH: join(dir, 'empty'), HOME: dir };
    const notRoot = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const missing = Object.values(TEST_TOOLS)
      .map((tool) => findTool(tool, { env, platform: process.platform }))
      .filter((lookup): lookup is MissingTool => !lookup.found);

    const result = runStep(env, notRoot);

    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('promtool for metrics and alert rule checks: not found');
    const stopped = "Logline's tests need programs this machine lacks, so no test was run:";
    expect(result.stderr).toBe(`\n${missingToolsMessage(stopped, missing, { ...describeHost(), isRoot: false })}\n\n`);
  });

  it('stops, installing nothing, when a path variable names no program', () => {
    const result = runStep({ PATH: process.env['PATH'], CHROMIUM_PATH: join(dir, 'no-chromium') });

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`  chromium for browser tests: CHROMIUM_PATH=${join(dir, 'no-chromium')} is not an executable chromium\n`);
  });

  it('prints the path of every tool it found, the same paths the tests use', () => {
    const result = runStep(process.env);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const paths = Object.values(TEST_TOOLS).map((tool) => `${tool.name} ${testToolPath(tool.name)}`);
    expect(result.stdout).toBe(`test tools: ${paths.join(', ')}\n`);
  });
});
