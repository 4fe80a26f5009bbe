/**
 * `node dist/tools/clickhouse-http/main.js --data-dir DIR [--host H] [--port P] [--user NAME:PASSWORD]...`
 * serves the ClickHouse HTTP front until SIGINT or SIGTERM. Prints one line with its URL when ready.
 */
import { parseArgs } from 'node:util';
import { startClickHouseHttp, type ClickHouseHttpOptions } from './clickhouse-http';

const USAGE = 'usage: main.js --data-dir DIR [--host 127.0.0.1] [--port 8123] [--user NAME:PASSWORD]...';

function readOptions(argv: string[]): ClickHouseHttpOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8123' },
      user: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!values['data-dir'] || !Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(USAGE);
  const users = values.user?.map((entry) => {
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new Error(`--user takes NAME:PASSWORD, got '${entry}'`);
    return [entry.slice(0, colon), entry.slice(colon + 1)] as const;
  });
  return { dataDir: values['data-dir'], host: values.host, port, users: users ? Object.fromEntries(users) : undefined };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const front = await startClickHouseHttp(options);
  process.stdout.write(`ClickHouse HTTP front (test infrastructure) on ${front.url}: ClickHouse ${front.version} embedded, data in ${options.dataDir}\n`);
  const stop = () => void front.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`clickhouse-http: ${(error as Error).message}\n`);
  process.exit(1);
});
