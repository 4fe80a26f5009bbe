// Saved searches: the list page, saving the explorer's view, opening, renaming, deleting and
// pinning to the Dashboard.
// Changes are form posts (CSRF-checked like every post) answered with a redirect to the list; a
// change the api refuses (a name in use) shows the list again with its reason.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { SavedView } from '@logline/api-contract';
import { ApiRejectedError } from '../../api-client/api-errors';
import type { ApiClient } from '../../api-client/api-client';
import { InvalidFilterError } from '../../filters/invalid-filter-error';
import { savedViewHref } from '../../filters/saved-view';
import { buildSavedSearchesPage } from '../../view-models/saved-searches-page';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 64 })) });
const NameForm = Type.Object({ name: Type.String({ default: '' }) });
const SaveForm = Type.Object({ name: Type.String({ default: '' }), view: Type.String({ default: '{}', maxLength: 8192 }) });

const savedSearchesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/saved-searches', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const view = buildSavedSearchesPage(await app.api.listSavedSearches(), { highlightId: request.query.saved });
    return reply.header('cache-control', 'no-store').view('saved-searches.hbs', view);
  });

  app.get('/saved-searches/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const search = await app.api.getSavedSearch(request.params.id);
    if (!search) return showList(app.api, reply, 404, 'That saved search no longer exists: it was deleted.');
    return reply.redirect(savedViewHref(search.view), 303);
  });

  app.post('/saved-searches', { schema: { body: SaveForm } }, async (request, reply) => {
    const view = readView(request.body.view);
    // The api records who saved it: the signed-in user this request relays.
    return changeThenList(app.api, reply, async () => (await app.api.saveSearch(request.body.name.trim(), view)).id);
  });

  app.post('/saved-searches/:id/rename', { schema: { params: IdParams, body: NameForm } }, async (request, reply) =>
    changeThenList(app.api, reply, async () => {
      const renamed = await app.api.renameSavedSearch(request.params.id, request.body.name.trim());
      if (!renamed) throw new ApiRejectedError('That saved search no longer exists: it was deleted.');
      return renamed.id;
    }),
  );

  // Pinning refers to the search by name, like alert rules; the Dashboard then shows its tile.
  app.post('/saved-searches/pin', { schema: { body: NameForm } }, async (request, reply) => {
    try {
      await app.api.pinSavedSearch(request.body.name);
      return reply.redirect('/dashboard', 303);
    } catch (error) {
      if (!(error instanceof ApiRejectedError)) throw error;
      return showList(app.api, reply, 400, error.message);
    }
  });

  app.post('/saved-searches/:id/delete', { schema: { params: IdParams } }, async (request, reply) =>
    changeThenList(app.api, reply, async () => {
      await app.api.deleteSavedSearch(request.params.id);
      return undefined;
    }),
  );
};

/** The form's hidden view, as the explorer wrote it; anything else is a 400. */
function readView(text: string): SavedView {
  let view: unknown;
  try {
    view = JSON.parse(text);
  } catch {
    view = undefined;
  }
  if (!Value.Check(SavedView, view)) throw new InvalidFilterError('view: not a view of the explorer; save the search from the explorer page.');
  return view;
}

/** Runs a change and shows the list (the changed search highlighted), or the list with the api's reason. */
async function changeThenList(api: ApiClient, reply: FastifyReply, change: () => Promise<string | undefined>) {
  try {
    const id = await change();
    return reply.redirect(id === undefined ? '/saved-searches' : `/saved-searches?saved=${encodeURIComponent(id)}`, 303);
  } catch (error) {
    if (!(error instanceof ApiRejectedError)) throw error;
    return showList(api, reply, 400, error.message);
  }
}

async function showList(api: ApiClient, reply: FastifyReply, status: number, problem: string) {
  const view = buildSavedSearchesPage(await api.listSavedSearches(), { problem });
  return reply.code(status).header('cache-control', 'no-store').view('saved-searches.hbs', view);
}

export default savedSearchesRoutes;
