/**
 * A child process that owns one embedded-engine data directory for one task and exits, since a
 * process may open only one data directory: `node engine-worker.js <task> <json args>`. Prints
 * its result as one line `RESULT <json>` on stdout.
 */
import { timeEngineFloors } from './engine/engine-floors';
import { measureInsertPath } from './engine/insert-path';
import { timeLibraryQueries } from './engine/library-queries';
import { loadFile } from './engine/load-file';
import { measureReplayedStorage } from './engine/replayed-storage';
import { RESULT_PREFIX } from './engine/worker-protocol';
import { writeCsvSlice } from './engine/write-csv';

const TASKS: Record<string, (args: never) => Promise<unknown>> = {
  load: loadFile,
  csv: writeCsvSlice,
  queries: timeLibraryQueries,
  floors: timeEngineFloors,
  'insert-path': measureInsertPath,
  'replayed-storage': measureReplayedStorage,
};

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const run = TASKS[task];
  if (!run || json === undefined) throw new Error(`usage: engine-worker <${Object.keys(TASKS).join('|')}> <json args>`);
  const result = await run(JSON.parse(json) as never);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
