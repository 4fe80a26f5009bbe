import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool, type ToolSearch } from './find-tool';
import { TEST_TOOLS, type TestTool } from './test-tools';

describe('findTool', () => {
  let root: string;
  beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'logline-find-tool-'))));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** An executable script at `dir/name` printing `version` for --version. */
  function program(dir: string, name: string, version = ''): string {
    mkdirSync(join(root, dir), { recursive: true });
    const path = join(root, dir, name);
    writeFileSync(path, `#!/bin/sh\necho '${version}'\n`);
    chmodSync(path, 0o755);
    return path;
  }
  const linux = (env: ToolSearch['env']): ToolSearch => ({ env, platform: 'linux' });

  it('takes the path variable over PATH', () => {
    const configured = program('configured', 'my-chrome');
    const onPath = program('bin-a', 'chromium');
    expect(findTool(TEST_TOOLS.chromium, linux({ CHROMIUM_PATH: configured, PATH: join(root, 'bin-a') }))).toMatchObject({ found: true, path: configured });
    expect(findTool(TEST_TOOLS.chromium, linux({ PATH: join(root, 'bin-a') }))).toMatchObject({ found: true, path: onPath });
  });

  it('prefers the first command name over PATH order: chromium before google-chrome', () => {
    program('bin-b', 'google-chrome');
    const chromium = program('bin-c', 'chromium');
    const search = linux({ PATH: [join(root, 'bin-b'), join(root, 'bin-c')].join(':') });
    expect(findTool(TEST_TOOLS.chromium, search)).toMatchObject({ found: true, path: chromium });
  });

  it('says what is wrong with a path variable naming no program, instead of looking elsewhere', () => {
    program('bin-d', 'chromium');
    const search = linux({ CHROMIUM_PATH: join(root, 'nowhere'), PATH: join(root, 'bin-d') });
    expect(findTool(TEST_TOOLS.chromium, search)).toEqual({
      tool: TEST_TOOLS.chromium,
      found: false,
      misconfigured: `CHROMIUM_PATH=${join(root, 'nowhere')} is not an executable chromium`,
    });
  });

  it('ignores files that are not executable and directories', () => {
    mkdirSync(join(root, 'bin-e', 'promtool'), { recursive: true });
    mkdirSync(join(root, 'bin-f'));
    writeFileSync(join(root, 'bin-f', 'promtool'), '#!/bin/sh\n', { mode: 0o644 });
    expect(findTool(TEST_TOOLS.promtool, linux({ PATH: [join(root, 'bin-e'), join(root, 'bin-f')].join(':') }))).toEqual({ tool: TEST_TOOLS.promtool, found: false });
  });

  it('skips a logger that is not util-linux (macOS has one without network options) for one that is', () => {
    program('bsd', 'logger', 'usage: logger [-is] [-f file]');
    const utilLinux = program('keg', 'logger', 'logger from util-linux 2.38.1');
    const tool: TestTool = { ...TEST_TOOLS.logger, locations: { darwin: [utilLinux] } };
    expect(findTool(tool, { env: { PATH: join(root, 'bsd') }, platform: 'darwin' })).toMatchObject({ found: true, path: utilLinux });
    expect(findTool(tool, { env: { PATH: join(root, 'bsd') }, platform: 'linux' })).toMatchObject({ found: false });
  });

  it('looks in the usual locations of the platform when PATH lacks the program', () => {
    const sbin = program('sbin', 'rsyslogd');
    const tool: TestTool = { ...TEST_TOOLS.rsyslogd, locations: { linux: [sbin] } };
    expect(findTool(tool, linux({ PATH: '' }))).toMatchObject({ found: true, path: sbin });
    expect(findTool(tool, { env: { PATH: '' }, platform: 'darwin' })).toMatchObject({ found: false });
  });
});
