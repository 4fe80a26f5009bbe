import type { MissingTool } from './find-tool';
import type { HostSystem } from './host-system';
import { installCommand, missingToolsMessage } from './install-advice';
import { TEST_TOOLS } from './test-tools';

const debianUser: HostSystem = { packageSystem: 'debian', description: 'Debian GNU/Linux 12 (bookworm)', isRoot: false };
const all = Object.values(TEST_TOOLS);

describe('installCommand', () => {
  it.each<[string, HostSystem, string | undefined]>([
    ['Debian, not root', debianUser, 'sudo apt-get install chromium prometheus bsdutils rsyslog'],
    ['Debian, root', { ...debianUser, isRoot: true }, 'apt-get install chromium prometheus bsdutils rsyslog'],
    ['Ubuntu, whose Chromium package differs', { packageSystem: 'ubuntu', description: 'Ubuntu 24.04 LTS', isRoot: false }, 'sudo apt-get install chromium-browser prometheus bsdutils rsyslog'],
    ['macOS, a cask and formulas', { packageSystem: 'macos', description: 'macOS', isRoot: false }, 'brew install --cask chromium && brew install prometheus util-linux rsyslog'],
    ['another system', { packageSystem: 'other', description: 'Fedora Linux 41', isRoot: false }, undefined],
  ])('%s', (_case, host, command) => {
    expect(installCommand(all, host)).toBe(command);
  });

  it('names only what is missing', () => {
    expect(installCommand([TEST_TOOLS.promtool], { packageSystem: 'macos', description: 'macOS', isRoot: false })).toBe('brew install prometheus');
    expect(installCommand([TEST_TOOLS.chromium], debianUser)).toBe('sudo apt-get install chromium');
  });
});

describe('missingToolsMessage', () => {
  const missing = (name: keyof typeof TEST_TOOLS, misconfigured?: string): MissingTool => ({ tool: TEST_TOOLS[name], found: false, misconfigured });

  it('lists each missing tool with its use, then the one command for this system', () => {
    expect(missingToolsMessage('Stopped:', [missing('chromium'), missing('promtool')], debianUser)).toBe(
      [
        'Stopped:',
        '  chromium for browser tests: not found (on PATH as chromium, chromium-browser, google-chrome-stable, google-chrome, or CHROMIUM_PATH)',
        '  promtool for metrics and alert rule checks: not found (on PATH as promtool, or PROMTOOL_PATH)',
        '',
        'Install them on Debian GNU/Linux 12 (bookworm) with:',
        '  sudo apt-get install chromium prometheus',
        'then run the tests again (run as root, `npm test` installs them itself), or set CHROMIUM_PATH, PROMTOOL_PATH to where they are.',
      ].join('\n'),
    );
  });

  it('leaves a misconfigured path variable out of the install command', () => {
    const message = missingToolsMessage('Stopped:', [missing('chromium', 'CHROMIUM_PATH=/x is not an executable chromium'), missing('promtool')], debianUser);
    expect(message).toContain('  chromium for browser tests: CHROMIUM_PATH=/x is not an executable chromium\n');
    expect(message).toContain('  sudo apt-get install prometheus\n');
  });

  it('names the Debian packages where it knows no command', () => {
    const message = missingToolsMessage('Stopped:', [missing('promtool')], { packageSystem: 'other', description: 'Fedora Linux 41', isRoot: false });
    expect(message).toContain("Install them with Fedora Linux 41's package manager (Debian calls the packages: prometheus),\nor set PROMTOOL_PATH to where they are.");
  });
});
