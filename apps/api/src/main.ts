/**
 * Starts the api: opens storage (embedded engine or server), applies migrations, serves HTTP and
 * the TCP ingest listener, and on SIGINT/SIGTERM stops taking input, stores what it has, closes.
 * `main.js migrate` only applies the migrations and exits (server mode, with a DDL-capable user).
 */
import { readFileSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { applyMigrations, openStorage, type Storage } from '@logline/ch-client';
import { buildApp } from './app';
import { loadConfig, type ApiConfig } from './config';
import { IngestPipeline } from './ingest/ingest-pipeline';
import { startTcpIngest } from './ingest/tcp-ingest-server';
import { TailHub } from './live/tail-hub';
import { visibilityClock } from './live/visibility-clock';
import { createMetrics } from './metrics';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const log = pino({ level: config.logLevel });
  const storage = openConfiguredStorage(config);
  if (process.argv[2] === 'migrate' || config.migrateOnStart) {
    const report = await applyMigrations(storage.writer, { retentionDays: config.retentionDays });
    log.info({ applied: report.applied, version: report.version }, 'schema is at version %d', report.version);
    if (process.argv[2] === 'migrate') return storage.close();
  }
  const metrics = createMetrics();
  const ingest = new IngestPipeline(storage, config.ingest, metrics, log);
  const tail = new TailHub(storage.reader, visibilityClock(ingest, config.tail.safetyMs), config.tail.pollMs, (error) =>
    log.warn({ err: error }, 'live tail poll failed; retrying'),
  );
  const app = await buildApp(
    { config, storage, ingest, metrics, tail },
    // requestTimeout bounds how long a client may take to send a request (slow-loris).
    { loggerInstance: log, disableRequestLogging: true, requestTimeout: 60_000, connectionTimeout: 0 },
  );
  app.server.maxConnections = config.maxConnections;
  const tcpServer = config.tcpPort > 0 ? await startTcpIngest(ingest, config, log) : undefined;
  await app.listen({ host: config.host, port: config.port });
  log.info(
    { storage: storage.mode, location: storage.location, tcpPort: tcpServer?.port() },
    'Logline api ready on http://%s:%d',
    config.host,
    app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port,
  );
  closeWithGrace({ delay: 30_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'stopping after an uncaught error');
    else log.info({ signal }, 'stopping: storing what has been received');
    await tcpServer?.close();
    await app.close();
    tail.close();
    await ingest.close();
    await storage.close();
    log.info('stopped');
  });
}

function readConfigOrExit(): ApiConfig {
  try {
    return loadConfig();
  } catch (error) {
    process.stderr.write(`logline api: invalid configuration:\n  ${(error as Error).message}\n`);
    process.exit(2);
  }
}

function openConfiguredStorage(config: ApiConfig): Storage {
  return openStorage({
    url: config.clickhouse.url,
    username: config.clickhouse.username,
    password: config.clickhouse.password,
    caCertificate: config.clickhouse.caCertPath ? readFileSync(config.clickhouse.caCertPath) : undefined,
    dataDir: config.dataDir,
    maxQuerySeconds: config.queryTimeoutSeconds,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`logline api: ${(error as Error).message}\n`);
  process.exit(1);
});
