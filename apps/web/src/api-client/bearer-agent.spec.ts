import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toLogFilters } from '../filters/log-filters';
import { createApiClient } from './api-client';
import { ApiUnavailableError } from './api-errors';

/** An api stand-in that records the headers of each request and answers with `status`. */
async function recordingApi(status: number) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ rows: [], next_cursor: null }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

const FILTERS = toLogFilters({ limit: 10, order: 'desc' });

describe('the api client with API_TOKEN', () => {
  it('sends the token on page calls and on the export relay', async () => {
    const api = await recordingApi(200);
    const client = createApiClient({ baseUrl: api.url, timeoutMs: 1000, token: 'll_secret' });
    try {
      await client.searchLogs(FILTERS);
      const download = await client.openExport(FILTERS, 'ndjson');
      await download.body.dump();

      expect(api.seen.map((headers) => headers.authorization)).toEqual(['Bearer ll_secret', 'Bearer ll_secret']);
      expect(api.seen[0].accept).toBe('application/json');
    } finally {
      await client.close();
      await api.close();
    }
  });

  it('sends no Authorization header without a token', async () => {
    const api = await recordingApi(200);
    const client = createApiClient({ baseUrl: api.url, timeoutMs: 1000 });
    try {
      await client.searchLogs(FILTERS);

      expect(api.seen[0].authorization).toBeUndefined();
    } finally {
      await client.close();
      await api.close();
    }
  });

  it('reports a 401 from the api as the api refusing the web server', async () => {
    const api = await recordingApi(401);
    const client = createApiClient({ baseUrl: api.url, timeoutMs: 1000 });
    try {
      const failure = await client.searchLogs(FILTERS).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ApiUnavailableError);
      expect((failure as ApiUnavailableError).reason).toBe('unauthorized');
    } finally {
      await client.close();
      await api.close();
    }
  });
});
