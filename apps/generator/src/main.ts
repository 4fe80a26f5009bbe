/** Entry point: parses the flags, wires signals, progress, warnings and metrics, prints the summary. */
import { LOGLINE_VERSION } from '@logline/version';
import { parseConfig } from './config';
import { startMetrics } from './metrics/start-metrics';
import { ProgressLine } from './progress';
import { StartupError, runGenerator } from './run-generator';
import { createShutdown } from './shutdown';
import { allAcknowledged, formatSummary } from './summary';
import { USAGE } from './usage';
import { createWarn } from './warnings';

/** After Ctrl-C, deliveries in flight get this long to finish. */
const SHUTDOWN_GRACE_MS = 10_000;

function main(): void {
  const result = parseConfig(process.argv.slice(2), process.env);
  if (result.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (result.kind === 'version') {
    process.stdout.write(`${LOGLINE_VERSION}\n`);
    return;
  }
  if (result.kind === 'invalid') {
    process.stderr.write(`${result.problems.map((problem) => `generator: ${problem}\n`).join('')}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const shutdown = createShutdown(SHUTDOWN_GRACE_MS);
  process.on('SIGINT', shutdown.request);
  process.on('SIGTERM', shutdown.request);
  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : undefined;
  const warn = createWarn((line) => (progress ? progress.log(line) : process.stderr.write(`${line}\n`)));
  const exit = (code: number, stdout: string, stderr = ''): void => {
    progress?.stop();
    shutdown.dispose();
    process.stderr.write(stderr);
    // Exit explicitly once the summary is written: a connection a peer keeps open must not
    // keep the process alive after its work is done.
    process.stdout.write(stdout, () => process.exit(code));
  };
  const { config } = result;
  startMetrics(config, (line) => process.stderr.write(`${line}\n`))
    .then((observer) => runGenerator(config, { stop: shutdown.stop, abandon: shutdown.abandon, warn, observer, onStart: (stats) => progress?.start(stats) }))
    .then((stats) => exit(allAcknowledged(stats) ? 0 : 1, stats.map((producer) => `${formatSummary(producer)}\n`).join('')))
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      exit(error instanceof StartupError ? 2 : 1, '', `generator: ${message}\n`);
    });
}

main();
