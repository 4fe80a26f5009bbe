import { logsPage, startContractApi } from '../../test/api-contract-server';
import { toLogFilters } from '../filters/log-filters';
import { createApiClient } from './api-client';
import { ApiUnavailableError } from './api-errors';
import { serveFor } from './served-user';

const UNAUTHORIZED = { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'a bearer token is required' } };

const FILTERS = toLogFilters({ limit: 10, order: 'desc' });

describe('the api client with API_TOKEN', () => {
  it('sends the token on page calls and on the export relay', async () => {
    const api = await startContractApi({ status: 200, body: logsPage([]) });
    const client = createApiClient({ baseUrl: `${api.url}/`, timeoutMs: 1000, token: 'll_secret' });
    try {
      await client.searchLogs(FILTERS);
      const download = await client.openExport(FILTERS, 'ndjson');
      await download.body.dump();

      expect(api.headers.map((headers) => headers.authorization)).toEqual(['Bearer ll_secret', 'Bearer ll_secret']);
      expect(api.headers[0].accept).toBe('application/json');
    } finally {
      await client.close();
      await api.close();
    }
  });

  it('sends no Authorization header without a token', async () => {
    const api = await startContractApi({ status: 200, body: logsPage([]) });
    const client = createApiClient({ baseUrl: `${api.url}/`, timeoutMs: 1000 });
    try {
      await client.searchLogs(FILTERS);

      expect(api.headers[0].authorization).toBeUndefined();
    } finally {
      await client.close();
      await api.close();
    }
  });

  it('reports a 401 from the api as the api refusing the web server', async () => {
    const api = await startContractApi(UNAUTHORIZED);
    const client = createApiClient({ baseUrl: `${api.url}/`, timeoutMs: 1000 });
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

describe('the api client while serving a signed-in user', () => {
  it('names the user on every call made for them, and no one otherwise', async () => {
    const api = await startContractApi({ status: 200, body: logsPage([]) });
    const client = createApiClient({ baseUrl: `${api.url}/`, timeoutMs: 1000, token: 'll_secret' });
    try {
      await serveFor('ada', () => client.searchLogs(FILTERS));
      await client.searchLogs(FILTERS);

      expect(api.headers.map((headers) => [headers['x-logline-user'], headers.authorization])).toEqual([
        ['ada', 'Bearer ll_secret'],
        [undefined, 'Bearer ll_secret'],
      ]);
    } finally {
      await client.close();
      await api.close();
    }
  });
});
