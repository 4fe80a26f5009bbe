/**
 * The programs outside npm that the test suite runs: where each is usually installed and which
 * package provides it on each system. Adding a tool here makes `npm test` find, install or ask
 * for it before any test runs.
 */

export type TestToolName = 'chromium' | 'promtool' | 'logger' | 'rsyslogd';

export interface TestTool {
  name: TestToolName;
  /** What the suite uses it for, shown when it is missing. */
  usedFor: string;
  /** Environment variable holding the program's path; when set, it is the only place looked at. */
  pathVariable: string;
  /** Program names looked up in PATH, in order of preference. */
  commands: readonly string[];
  /** Where installers put it outside a usual PATH (`sbin`, app bundles, Homebrew kegs, snaps). */
  locations: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>>;
  /** When set, a candidate counts only if `<candidate> --version` prints this: another program shares the name. */
  versionPattern?: RegExp;
  /** The package that provides it: on Debian, on Ubuntu, and in Homebrew (a cask when `brewCask`). */
  packages: { debian: string; ubuntu: string; brew: string; brewCask?: boolean };
}

export const TEST_TOOLS: Readonly<Record<TestToolName, TestTool>> = {
  chromium: {
    name: 'chromium',
    usedFor: 'browser tests',
    pathVariable: 'CHROMIUM_PATH',
    commands: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
    locations: {
      linux: ['/snap/bin/chromium', '/opt/google/chrome/chrome'],
      darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    },
    // Ubuntu ships Chromium only as a snap; `chromium-browser` is the apt package that installs it.
    packages: { debian: 'chromium', ubuntu: 'chromium-browser', brew: 'chromium', brewCask: true },
  },
  promtool: {
    name: 'promtool',
    usedFor: 'metrics and alert rule checks',
    pathVariable: 'PROMTOOL_PATH',
    commands: ['promtool'],
    locations: {},
    packages: { debian: 'prometheus', ubuntu: 'prometheus', brew: 'prometheus' },
  },
  logger: {
    name: 'logger',
    usedFor: 'syslog tests (sends RFC 5424/3164 over TCP and UDP)',
    pathVariable: 'LOGGER_PATH',
    commands: ['logger'],
    // macOS's own /usr/bin/logger has no network options; Homebrew's util-linux is keg-only.
    locations: { darwin: ['/opt/homebrew/opt/util-linux/bin/logger', '/usr/local/opt/util-linux/bin/logger'] },
    versionPattern: /util-linux/,
    packages: { debian: 'bsdutils', ubuntu: 'bsdutils', brew: 'util-linux' },
  },
  rsyslogd: {
    name: 'rsyslogd',
    usedFor: 'syslog tests (a real log shipper)',
    pathVariable: 'RSYSLOGD_PATH',
    commands: ['rsyslogd'],
    locations: {
      linux: ['/usr/sbin/rsyslogd', '/sbin/rsyslogd'],
      darwin: ['/opt/homebrew/sbin/rsyslogd', '/usr/local/sbin/rsyslogd'],
    },
    packages: { debian: 'rsyslog', ubuntu: 'rsyslog', brew: 'rsyslog' },
  },
};
