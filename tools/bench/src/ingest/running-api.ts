/** An api process on its own data directory with HTTP, TCP and syslog ingest, for the ingest phases. */
import { freePort, startApp, waitForOk, type RunningProcess } from '@logline/testing';

export interface RunningApi {
  app: RunningProcess;
  /** http://127.0.0.1:<port>/api/v1 */
  base: string;
  httpTarget: string;
  tcpTarget: string;
  /** tcp://127.0.0.1:<syslog port> */
  syslogTarget: string;
  /** Milliseconds from the process's start to its health check answering. */
  readyMs: number;
}

export async function startApi(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const tcpPort = await freePort();
  const syslogPort = await freePort();
  const started = performance.now();
  const app = startApp('api', [], {
    LOG_LEVEL: 'warn',
    API_PORT: String(port),
    INGEST_TCP_PORT: String(tcpPort),
    SYSLOG_PORT: String(syslogPort),
    LOGLINE_DATA_DIR: dataDir,
    RATE_LIMIT_INGEST_PER_MINUTE: '0',
    RATE_LIMIT_QUERY_PER_MINUTE: '0',
    ...extraEnv,
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  await waitForOk(`${base}/health`, app, 180_000);
  const readyMs = performance.now() - started;
  return { app, base, httpTarget: `${base}/ingest`, tcpTarget: `tcp://127.0.0.1:${tcpPort}`, syslogTarget: `tcp://127.0.0.1:${syslogPort}`, readyMs };
}
