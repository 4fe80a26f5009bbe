/**
 * The step before the tests: every test tool found, or installed with apt when this is Debian or
 * Ubuntu and we are root, or a MissingTestToolsError naming each missing tool and the command
 * that installs it. Never installs over a path variable that names something unusable.
 */
import { findTool, type FoundTool, type MissingTool, type ToolSearch } from './find-tool';
import type { HostSystem } from './host-system';
import { missingToolsMessage } from './install-advice';
import { installWithApt } from './install-with-apt';
import { TEST_TOOLS } from './test-tools';

export class MissingTestToolsError extends Error {}

const STOPPED = "Logline's tests need programs this machine lacks, so no test was run:";

export function ensureTestTools(search: ToolSearch, host: HostSystem, write: (line: string) => void): FoundTool[] {
  const first = lookUpAll(search);
  if (first.missing.length === 0) return first.found;
  if (!canInstall(first.missing, host)) throw new MissingTestToolsError(missingToolsMessage(STOPPED, first.missing, host));
  const packageSystem = host.packageSystem as 'debian' | 'ubuntu';
  const packages = [...new Set(first.missing.map(({ tool }) => tool.packages[packageSystem]))];
  write(`Installing ${packages.join(' ')} with apt-get for the tests (${first.missing.map(({ tool }) => tool.usedFor).join('; ')}):`);
  installWithApt(packages);
  const second = lookUpAll(search);
  if (second.missing.length > 0) {
    throw new MissingTestToolsError(missingToolsMessage(`apt-get installed ${packages.join(' ')}, yet the tests still lack:`, second.missing, host));
  }
  return second.found;
}

function lookUpAll(search: ToolSearch): { found: FoundTool[]; missing: MissingTool[] } {
  const lookups = Object.values(TEST_TOOLS).map((tool) => findTool(tool, search));
  return {
    found: lookups.filter((lookup): lookup is FoundTool => lookup.found),
    missing: lookups.filter((lookup): lookup is MissingTool => !lookup.found),
  };
}

function canInstall(missing: readonly MissingTool[], host: HostSystem): boolean {
  const apt = host.packageSystem === 'debian' || host.packageSystem === 'ubuntu';
  return apt && host.isRoot && missing.every((lookup) => !lookup.misconfigured);
}
