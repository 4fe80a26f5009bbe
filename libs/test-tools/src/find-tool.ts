/**
 * Where a test tool is on this machine: its path variable (e.g. CHROMIUM_PATH) if set, else the
 * first of its command names on PATH, else its usual install locations.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TestTool } from './test-tools';

/** The parts of the environment a search reads, so a test can describe another machine. */
export interface ToolSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

export interface FoundTool {
  tool: TestTool;
  found: true;
  path: string;
}

export interface MissingTool {
  tool: TestTool;
  found: false;
  /** Set when the path variable names something unusable: installing would not help. */
  misconfigured?: string;
}

export type ToolLookup = FoundTool | MissingTool;

export function findTool(tool: TestTool, search: ToolSearch): ToolLookup {
  const configured = search.env[tool.pathVariable];
  if (configured) {
    if (isTheTool(tool, configured)) return { tool, found: true, path: configured };
    return { tool, found: false, misconfigured: `${tool.pathVariable}=${configured} is not an executable ${tool.name}` };
  }
  const path = candidatePaths(tool, search).find((candidate) => isTheTool(tool, candidate));
  return path ? { tool, found: true, path } : { tool, found: false };
}

/** The environment and platform of this process. */
export function currentToolSearch(): ToolSearch {
  return { env: process.env, platform: process.platform };
}

function candidatePaths(tool: TestTool, search: ToolSearch): string[] {
  const directories = (search.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const onPath = tool.commands.flatMap((command) => directories.map((directory) => join(directory, command)));
  return [...onPath, ...(tool.locations[search.platform] ?? [])];
}

function isTheTool(tool: TestTool, path: string): boolean {
  if (!isExecutableFile(path)) return false;
  if (!tool.versionPattern) return true;
  const version = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return tool.versionPattern.test(`${version.stdout ?? ''}${version.stderr ?? ''}`);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
