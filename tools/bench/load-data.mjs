// Child process: loads an NDJSON file into a data directory with the engine's own reader
// (INSERT ... SELECT FROM file), and reports rows/s and bytes on disk. A separate process so
// the engine's lock on the directory is released when it exits.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createClient } = require('@clickhouse/client');
const { createChdbConnection } = require('chdb/connection');

const [dataDir, file] = process.argv.slice(2);
const client = createClient({ connection: createChdbConnection({ path: dataDir }) });
const started = performance.now();
await client.command({
  query: `INSERT INTO logs.application_logs (timestamp, log_level, message, source, host, producer_id, seq, attributes)
          SELECT timestamp, log_level, message, source, host, producer_id, seq, attributes
          FROM file('${file}', JSONEachRow,
            'timestamp DateTime64(3, \\'UTC\\'), log_level String, message String, source String, host String, producer_id String, seq UInt64, attributes Map(String, String)')`,
});
const seconds = (performance.now() - started) / 1000;
const result = await client.query({
  query: "SELECT sum(rows) AS rows, sum(bytes_on_disk) AS bytes FROM system.parts WHERE active AND database = 'logs' AND table = 'application_logs'",
  format: 'JSONEachRow',
});
const [{ rows, bytes }] = await result.json();
await client.close();
process.stdout.write(JSON.stringify({ seconds, rows: Number(rows), bytesOnDisk: Number(bytes) }) + '\n');
