// An application logging with winston and the winston-loki transport, unmodified: JSON pushes, or
// snappy-compressed protobuf when the job says so. Logs the job's records (argv[2], JSON), waits
// until Loki (here: Logline) has answered every push, and exits 0 unless a push failed.
import winston from 'winston';
import LokiTransport from 'winston-loki';

const job = JSON.parse(process.argv[2]);
let failed = false;
const transport = new LokiTransport({
  host: job.url,
  json: job.json,
  labels: job.labels,
  interval: 0.2,
  onConnectionError: (error) => {
    failed = true;
    process.stderr.write(`push failed: ${error?.message ?? error}\n`);
  },
});
const logger = winston.createLogger({ level: 'debug', transports: [transport] });
for (const record of job.records) logger.log(record.level, record.message, record.meta ?? {});
await transport.flush();
await transport.close();
process.stdout.write(failed ? 'failed\n' : 'pushed\n');
process.exit(failed ? 1 : 0);
