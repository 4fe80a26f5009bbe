// The api's Dashboard tiles (saved searches pinned by name), as the web app reads and changes them.
import { Value } from 'typebox/value';
import type { Agent } from 'undici';
import { DashboardTiles, PinnedTile } from '@logline/api-contract';
import { ApiRejectedError, ApiUnavailableError } from './api-errors';
import { fetchJson, rejectionMessage, unexpectedStatus } from './http-json';

const TILES_PATH = 'api/v1/dashboard/tiles';

export interface DashboardTilesClient {
  /** Every tile, counted from `from` (a duration back from now) to now. */
  getDashboardTiles(from: string): Promise<DashboardTiles>;
  /** Pins the saved search named `name`; ApiRejectedError when there is none (deleted meanwhile). */
  pinSavedSearch(name: string): Promise<void>;
  /** Removes its tile; false when there was none. */
  unpinSavedSearch(name: string): Promise<boolean>;
}

export function createDashboardTilesClient(agent: Agent, baseUrl: string, timeoutMs: number): DashboardTilesClient {
  return {
    async getDashboardTiles(from) {
      const url = new URL(TILES_PATH, baseUrl);
      url.search = new URLSearchParams({ from }).toString();
      const { statusCode, body } = await fetchJson(agent, url, timeoutMs);
      if (statusCode !== 200) throw unexpectedStatus(url, statusCode);
      if (!Value.Check(DashboardTiles, body)) throw new ApiUnavailableError('unexpected-response', `${url.pathname} answered JSON of an unexpected shape`);
      return body;
    },
    async pinSavedSearch(name) {
      const url = new URL(TILES_PATH, baseUrl);
      const { statusCode, body } = await fetchJson(agent, url, timeoutMs, { method: 'POST', body: { saved_search: name } });
      if (statusCode === 400 || statusCode === 404) throw new ApiRejectedError(rejectionMessage(body));
      if ((statusCode !== 200 && statusCode !== 201) || !Value.Check(PinnedTile, body)) throw unexpectedStatus(url, statusCode);
    },
    async unpinSavedSearch(name) {
      const url = new URL(`${TILES_PATH}/${encodeURIComponent(name)}`, baseUrl);
      const { statusCode } = await fetchJson(agent, url, timeoutMs, { method: 'DELETE' });
      if (statusCode === 404) return false;
      if (statusCode !== 204) throw unexpectedStatus(url, statusCode);
      return true;
    },
  };
}
