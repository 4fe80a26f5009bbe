/**
 * The explorer requests through the api in server mode on the same data: the ClickHouse HTTP front
 * (tools/clickhouse-http) serves the data directory as a ClickHouse server would and the api asks
 * it over HTTP (@clickhouse/client, compression both ways). Beside the embedded figures this is the
 * cost of the HTTP hop to ClickHouse; a real server's own work differs from the embedded engine's.
 */
import { freePort, startClickHouseFront, waitForOk } from '@logline/testing';
import { startApi } from '../ingest/running-api';
import type { QueryContext } from '../queries/query-context';
import { timeApiQueries, type ApiTiming } from './api-queries';

export async function timeServerModeQueries(dataDir: string, context: QueryContext, runs: number): Promise<Record<string, ApiTiming>> {
  const port = await freePort();
  const front = startClickHouseFront(dataDir, port);
  try {
    await waitForOk(`http://127.0.0.1:${port}/ping`, front);
    // CLICKHOUSE_URL puts the api in server mode: the data directory is the front's, not the api's.
    const api = await startApi(dataDir, { INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', CLICKHOUSE_URL: `http://127.0.0.1:${port}` });
    try {
      return await timeApiQueries(api.base, context, runs);
    } catch (error) {
      // A 500's reason is in the processes' logs, not in the answer.
      const tail = (text: string) => text.slice(-4000);
      throw new Error(`${String(error)}\n--- api (server mode) printed:\n${tail(api.app.output())}\n--- the ClickHouse HTTP front printed:\n${tail(front.output())}`, { cause: error });
    } finally {
      await api.app.stop();
    }
  } finally {
    await front.stop();
  }
}
