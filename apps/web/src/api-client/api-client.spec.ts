import { toLogFilters } from '../filters/log-filters';
import { logsPage, startContractApi, storedLog, unusedAddress } from '../../test/api-contract-server';
import { createApiClient } from './api-client';
import { ApiRejectedError, ApiUnavailableError } from './api-errors';

const FIRST_PAGE = toLogFilters({ limit: 100, order: 'desc' });

describe('createApiClient', () => {
  it('reaches the api beneath a path prefix in API_URL and returns its rows', async () => {
    const api = await startContractApi({ status: 200, body: logsPage([storedLog()], { next_cursor: 'c2' }) });
    const client = createApiClient({ baseUrl: `${api.url}/logline/`, timeoutMs: 1000 });
    try {
      const page = await client.searchLogs(FIRST_PAGE);

      expect(api.requests[0].pathname).toBe('/logline/api/v1/logs');
      expect(page.rows).toEqual([storedLog()]);
      expect(page.nextCursor).toBe('c2');
    } finally {
      await client.close();
      await api.close();
    }
  });

  it('turns a 400 into ApiRejectedError carrying the api message', async () => {
    const api = await startContractApi({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'bad from' } });
    const client = createApiClient({ baseUrl: `${api.url}/`, timeoutMs: 1000 });
    try {
      await expect(client.searchLogs(FIRST_PAGE)).rejects.toEqual(new ApiRejectedError('bad from'));
    } finally {
      await client.close();
      await api.close();
    }
  });

  it('reports a refused connection as unreachable, naming the cause', async () => {
    const client = createApiClient({ baseUrl: `${await unusedAddress()}/`, timeoutMs: 1000 });
    try {
      const failure = await client.searchLogs(FIRST_PAGE).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ApiUnavailableError);
      expect((failure as ApiUnavailableError).reason).toBe('unreachable');
      expect((failure as ApiUnavailableError).detail).toMatch(/ECONNREFUSED/);
    } finally {
      await client.close();
    }
  });
});
