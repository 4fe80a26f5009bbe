// The api's saved searches, as the web app reads and changes them.
import type { Static } from 'typebox';
import type { Agent } from 'undici';
import { Value } from 'typebox/value';
import { SavedSearch, SavedSearchList, type SavedView } from '@logline/api-contract';
import { ApiRejectedError, ApiUnavailableError } from './api-errors';
import { fetchJson, rejectionMessage, unexpectedStatus, type JsonAnswer } from './http-json';

export interface SavedSearchesClient {
  listSavedSearches(): Promise<SavedSearch[]>;
  /** Undefined when there is no such search (deleted meanwhile). */
  getSavedSearch(id: string): Promise<SavedSearch | undefined>;
  /** Throws ApiRejectedError (400) for a name in use or a view the api refuses. */
  saveSearch(name: string, view: SavedView): Promise<SavedSearch>;
  /** Undefined when there is no such search; ApiRejectedError for a name in use. */
  renameSavedSearch(id: string, name: string): Promise<SavedSearch | undefined>;
  /** False when there was no such search. */
  deleteSavedSearch(id: string): Promise<boolean>;
}

export function createSavedSearchesClient(agent: Agent, baseUrl: string, timeoutMs: number): SavedSearchesClient {
  const url = (id?: string) => new URL(id === undefined ? 'api/v1/saved-searches' : `api/v1/saved-searches/${encodeURIComponent(id)}`, baseUrl);
  return {
    async listSavedSearches() {
      const target = url();
      return checked(target, await fetchJson(agent, target, timeoutMs), SavedSearchList).saved_searches;
    },
    async getSavedSearch(id) {
      const target = url(id);
      const answer = await fetchJson(agent, target, timeoutMs);
      return isMissing(answer) ? undefined : checked(target, answer, SavedSearch);
    },
    async saveSearch(name, view) {
      const target = url();
      const answer = await fetchJson(agent, target, timeoutMs, { method: 'POST', body: { name, view } });
      return checked(target, answer, SavedSearch, 201);
    },
    async renameSavedSearch(id, name) {
      const target = url(id);
      const answer = await fetchJson(agent, target, timeoutMs, { method: 'PATCH', body: { name } });
      return isMissing(answer) ? undefined : checked(target, answer, SavedSearch);
    },
    async deleteSavedSearch(id) {
      const target = url(id);
      const answer = await fetchJson(agent, target, timeoutMs, { method: 'DELETE' });
      if (isMissing(answer)) return false;
      if (answer.statusCode !== 204) throw unexpectedStatus(target, answer.statusCode);
      return true;
    },
  };
}

function isMissing(answer: JsonAnswer): boolean {
  return answer.statusCode === 404;
}

/** The answer's body when it has the expected status and shape; the api's message for 400 and 409. */
function checked<T extends typeof SavedSearch | typeof SavedSearchList>(url: URL, answer: JsonAnswer, schema: T, expected = 200): Static<T> {
  if (answer.statusCode === 400 || answer.statusCode === 409) throw new ApiRejectedError(rejectionMessage(answer.body));
  if (answer.statusCode !== expected) throw unexpectedStatus(url, answer.statusCode);
  if (!Value.Check(schema, answer.body)) throw new ApiUnavailableError('unexpected-response', `${url.pathname} answered JSON of an unexpected shape`);
  return answer.body as Static<T>;
}
