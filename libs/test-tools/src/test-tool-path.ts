/** For tests: the path of a test tool, found the way the step before the tests found it. */
import { currentToolSearch, findTool } from './find-tool';
import { describeHost } from './host-system';
import { missingToolsMessage } from './install-advice';
import { TEST_TOOLS, type TestToolName } from './test-tools';

/** Throws, naming the install command, when the tool is missing: a test never skips for it. */
export function testToolPath(name: TestToolName): string {
  const lookup = findTool(TEST_TOOLS[name], currentToolSearch());
  if (lookup.found) return lookup.path;
  throw new Error(missingToolsMessage(`This test needs ${name} (\`npm test\` checks for it first; \`npm run test:tools\` alone does too):`, [lookup], describeHost()));
}
