/** What to tell a person whose machine lacks test tools: which, why, and the command that installs them. */
import type { MissingTool } from './find-tool';
import type { HostSystem } from './host-system';
import type { TestTool } from './test-tools';

/** The one command that installs these tools on this system; undefined where we know no package names. */
export function installCommand(tools: readonly TestTool[], host: HostSystem): string | undefined {
  switch (host.packageSystem) {
    case 'debian':
    case 'ubuntu': {
      const packages = unique(tools.map((tool) => tool.packages[host.packageSystem as 'debian' | 'ubuntu']));
      return `${host.isRoot ? '' : 'sudo '}apt-get install ${packages.join(' ')}`;
    }
    case 'macos': {
      const casks = unique(tools.filter((tool) => tool.packages.brewCask).map((tool) => tool.packages.brew));
      const formulas = unique(tools.filter((tool) => !tool.packages.brewCask).map((tool) => tool.packages.brew));
      const commands = [casks.length ? `brew install --cask ${casks.join(' ')}` : '', formulas.length ? `brew install ${formulas.join(' ')}` : ''];
      return commands.filter(Boolean).join(' && ');
    }
    case 'other':
      return undefined;
  }
}

/** Every missing tool with its use and the problem, then how to get them; `headline` says what stopped. */
export function missingToolsMessage(headline: string, missing: readonly MissingTool[], host: HostSystem): string {
  const lines = [headline];
  for (const { tool, misconfigured } of missing) {
    lines.push(`  ${tool.name} for ${tool.usedFor}: ${misconfigured ?? `not found (on PATH as ${tool.commands.join(', ')}, or ${tool.pathVariable})`}`);
  }
  const installable = missing.filter((lookup) => !lookup.misconfigured).map((lookup) => lookup.tool);
  if (installable.length > 0) lines.push('', ...installAdvice(installable, host));
  return lines.join('\n');
}

function installAdvice(tools: readonly TestTool[], host: HostSystem): string[] {
  const command = installCommand(tools, host);
  const pathVariables = tools.map((tool) => tool.pathVariable).join(', ');
  if (!command) {
    const debianPackages = unique(tools.map((tool) => tool.packages.debian)).join(' ');
    return [
      `Install them with ${host.description}'s package manager (Debian calls the packages: ${debianPackages}),`,
      `or set ${pathVariables} to where they are. Then run the tests again.`,
    ];
  }
  const apt = host.packageSystem === 'debian' || host.packageSystem === 'ubuntu';
  return [
    `Install them on ${host.description} with:`,
    `  ${command}`,
    `then run the tests again${apt ? ' (run as root, `npm test` installs them itself)' : ''}, or set ${pathVariables} to where they are.`,
  ];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
