/**
 * /api/v1/saved-searches: list, save, open, rename and delete named views of the explorer. Names
 * are unique (409 on a second one); who saved a search and when are kept through renames, and so
 * is its Dashboard tile (moved to the new name). A deleted search's tile stays, saying so.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateSavedSearch,
  ErrorBody,
  RenameSavedSearch,
  SavedSearch,
  SavedSearchesQuery,
  SavedSearchList,
  SavedSearchParams,
} from '@logline/api-contract';
import type { SavedSearchRecord, SavedSearchTable } from '@logline/ch-client';
import { relayedUser } from '../../auth/relayed-user';
import { HttpError } from '../../errors';
import { checkView } from '../../query/saved-view-filters';
import { toSavedSearch } from './saved-search-answer';

const TAGS = ['saved searches'];

const savedSearchesRoute: FastifyPluginAsyncTypebox = async (app) => {
  const table = app.store.savedSearches;

  app.get(
    '/api/v1/saved-searches',
    { schema: { summary: 'Every saved search, by name', tags: TAGS, querystring: SavedSearchesQuery, response: { 200: SavedSearchList } } },
    async (request) => {
      const { name } = request.query;
      const records = name === undefined ? await table.list() : [await table.findByName(name)].filter((record) => record !== undefined);
      return { saved_searches: records.map(toSavedSearch) };
    },
  );

  app.get(
    '/api/v1/saved-searches/:id',
    { schema: { summary: 'One saved search', tags: TAGS, params: SavedSearchParams, response: { 200: SavedSearch, 404: ErrorBody } } },
    async (request) => toSavedSearch(await existing(table, request.params.id)),
  );

  app.post(
    '/api/v1/saved-searches',
    { schema: { summary: 'Saves a view under a new name', tags: TAGS, body: CreateSavedSearch, response: { 201: SavedSearch, 400: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => {
      const { name, view } = request.body;
      const savedBy = relayedUser(request) ?? request.principal?.name ?? 'anonymous';
      checkView(view);
      await refuseTakenName(table, name);
      const id = randomUUID();
      await table.write({ id, name, view: JSON.stringify(view), savedBy, savedAtMs: Date.now() });
      reply.code(201);
      return toSavedSearch(await existing(table, id));
    },
  );

  app.patch(
    '/api/v1/saved-searches/:id',
    {
      schema: { summary: 'Renames a saved search', tags: TAGS, params: SavedSearchParams, body: RenameSavedSearch, response: { 200: SavedSearch, 404: ErrorBody, 409: ErrorBody } },
    },
    async (request) => {
      const record = await existing(table, request.params.id);
      if (record.name !== request.body.name) {
        await refuseTakenName(table, request.body.name);
        await table.write({ ...record, name: request.body.name });
        await app.store.dashboardTiles.rename(record.name, request.body.name);
      }
      return toSavedSearch(await existing(table, record.id));
    },
  );

  app.delete(
    '/api/v1/saved-searches/:id',
    { schema: { summary: 'Deletes a saved search', tags: TAGS, params: SavedSearchParams, response: { 204: Type.Null({ description: 'Deleted.' }), 404: ErrorBody } } },
    async (request, reply) => {
      await table.remove(await existing(table, request.params.id));
      return reply.code(204).send(null);
    },
  );
};

async function existing(table: SavedSearchTable, id: string): Promise<SavedSearchRecord> {
  const record = await table.find(id);
  if (!record) throw new HttpError(404, `no saved search with id '${id}'`);
  return record;
}

async function refuseTakenName(table: SavedSearchTable, name: string): Promise<void> {
  const taken = await table.findByName(name);
  if (taken) throw new HttpError(409, `name: a saved search named '${name}' exists already (saved by ${taken.savedBy}); pick another name or rename that one`);
}

export default savedSearchesRoute;
