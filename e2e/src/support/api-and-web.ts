/** The built api (embedded engine in `dataDir`, no TCP or syslog listeners) and a web app on it, each on a free port, both answering. */
import { freePort, startApp, waitForOk, type RunningProcess } from '@logline/testing';

export interface ApiAndWeb {
  readonly api: RunningProcess;
  readonly web: RunningProcess;
  readonly apiUrl: string;
  readonly webUrl: string;
}

export async function startApiAndWeb(dataDir: string): Promise<ApiAndWeb> {
  const apiUrl = `http://127.0.0.1:${await freePort()}`;
  const webUrl = `http://127.0.0.1:${await freePort()}`;
  const api = startApp('api', [], { API_PORT: new URL(apiUrl).port, INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', LOGLINE_DATA_DIR: dataDir });
  await waitForOk(`${apiUrl}/api/v1/health`, api);
  const web = startApp('web', [], { WEB_PORT: new URL(webUrl).port, API_URL: apiUrl });
  await waitForOk(`${webUrl}/healthz`, web);
  return { api, web, apiUrl, webUrl };
}
