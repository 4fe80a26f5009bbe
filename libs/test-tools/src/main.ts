/** `npm run test:tools` (npm test's pretest): makes sure the suite's external programs are here. */
import { currentToolSearch } from './find-tool';
import { describeHost } from './host-system';
import { ensureTestTools, MissingTestToolsError } from './ensure-test-tools';

try {
  const found = ensureTestTools(currentToolSearch(), describeHost(), (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`test tools: ${found.map(({ tool, path }) => `${tool.name} ${path}`).join(', ')}\n`);
} catch (error) {
  if (!(error instanceof MissingTestToolsError)) throw error;
  process.stderr.write(`\n${error.message}\n\n`);
  process.exitCode = 1;
}
