/**
 * Runs the api: storage, migrations, HTTP and TCP listeners, and a graceful stop on
 * SIGINT/SIGTERM that stops taking input, stores what was received, then closes storage.
 */
import closeWithGrace from 'close-with-grace';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { loadAlertRules } from './alerts/load-alert-rules';
import { buildApp } from './app';
import { loadTokens } from './auth/load-tokens';
import type { ApiConfig } from './config';
import { startSyslog } from './ingest/syslog/syslog-server';
import { startTcpIngest } from './ingest/tcp-ingest-server';
import { createApiServices } from './services';
import { openConfiguredStorage } from './storage';

export async function serve(config: ApiConfig, log: Logger): Promise<void> {
  const tokens = loadTokens(config, log);
  const alertRules = loadAlertRules(config.alerts.rulesFile);
  const storage = openConfiguredStorage(config);
  const services = createApiServices(config, storage, log, { tokens, alertRules });
  const { store, ingest, metrics, alerts } = services;
  if (config.migrateOnStart) {
    const report = await store.migrate();
    log.info({ applied: report.applied }, 'schema is at version %d', report.version);
  }
  store.warmUp();
  const app = await buildApp(
    services,
    // requestTimeout bounds how long a client may take to send a request (slow-loris).
    {
      loggerInstance: log,
      logController: new LogController({ disableRequestLogging: true }),
      requestTimeout: 60_000,
      connectionTimeout: 0,
    },
  );
  app.server.maxConnections = config.maxConnections;
  const tcpServer = config.ingest.enabled && config.tcpPort > 0 ? await startTcpIngest(ingest, config, log, tokens) : undefined;
  const syslogServer = config.ingest.enabled && config.syslogPort > 0 ? await startSyslog(ingest, config, metrics, log) : undefined;
  if (syslogServer && tokens.enabled) log.warn({ port: syslogServer.port() }, 'syslog takes events without a token (the protocol has none): expose SYSLOG_PORT to trusted senders only');
  if (!config.ingest.enabled) log.info('ingest is off (INGEST_ENABLED=false): HTTP ingest answers 404 and no TCP listener runs; send events to Vector');
  const address = await app.listen({ host: config.host, port: config.port });
  log.info({ storage: store.mode, location: store.location, tcpPort: tcpServer?.port(), syslogPort: syslogServer?.port() }, 'Logline api ready on %s', address);
  alerts.start();
  if (alertRules.rules.length > 0) log.info({ file: config.alerts.rulesFile }, 'evaluating %d alert rules every %d s', alertRules.rules.length, config.alerts.evalIntervalMs / 1000);
  closeWithGrace({ delay: 30_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'stopping after an uncaught error');
    else log.info({ signal }, 'stopping: storing what has been received');
    await services.close(async () => {
      await Promise.all([tcpServer?.close(), syslogServer?.close()]);
      await app.close();
    });
    await store.close();
    log.info('stopped');
  });
}
