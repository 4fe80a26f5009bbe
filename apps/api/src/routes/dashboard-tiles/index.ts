/**
 * /api/v1/dashboard/tiles: saved searches pinned to the Dashboard by name — list them counted over
 * a range, pin one, remove one. Pins are shared by every user and replica (logs.dashboard_tiles).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DashboardTiles, DashboardTilesQuery, ErrorBody, PinnedTile, PinTile, TileParams } from '@logline/api-contract';
import { retentionHorizonMs } from '@logline/log-schema';
import { relayedUser } from '../../auth/relayed-user';
import { BadRequestError, HttpError } from '../../errors';
import { planBuckets } from '../../query/histogram-buckets';
import { parseTimeBound } from '../../query/time-bound';
import { answerTile, pinnedTile } from './tile-answer';

const TAGS = ['dashboard'];

const dashboardTilesRoute: FastifyPluginAsyncTypebox = async (app) => {
  const tiles = app.store.dashboardTiles;

  app.get(
    '/api/v1/dashboard/tiles',
    { schema: { summary: 'The pinned saved searches, each counted over the range', tags: TAGS, querystring: DashboardTilesQuery, response: { 200: DashboardTiles, 400: ErrorBody } } },
    async (request) => {
      const nowMs = Date.now();
      const toMs = parseTimeBound('to', request.query.to, nowMs) ?? nowMs;
      const fromMs = parseTimeBound('from', request.query.from, nowMs) ?? toMs;
      if (fromMs >= toMs) throw new BadRequestError('from: must be before to');
      const plan = planBuckets(fromMs, toMs, request.query.buckets);
      const range = { plan, nowMs, expiringBeforeMs: retentionHorizonMs(app.config.retentionDays) };
      const [pinned, saved] = await Promise.all([tiles.list(), app.store.savedSearches.list()]);
      const byName = new Map(saved.map((search) => [search.name, search]));
      return {
        from: new Date(plan.fromMs).toISOString(),
        to: new Date(plan.toMs).toISOString(),
        bucket_seconds: plan.bucketSeconds,
        tiles: await Promise.all(pinned.map((tile) => answerTile(app.store, tile, byName.get(tile.savedSearch), range, request.log))),
      };
    },
  );

  app.post(
    '/api/v1/dashboard/tiles',
    { schema: { summary: 'Pins a saved search to the Dashboard', tags: TAGS, body: PinTile, response: { 200: PinnedTile, 201: PinnedTile, 400: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => {
      const name = request.body.saved_search;
      if (!(await app.store.savedSearches.findByName(name))) throw new HttpError(404, `saved_search: no saved search is named '${name}'`);
      const existing = await tiles.find(name);
      if (existing) return pinnedTile(existing);
      const tile = { savedSearch: name, pinnedBy: relayedUser(request) ?? request.principal?.name ?? 'anonymous', pinnedAtMs: Date.now() };
      await tiles.pin(tile);
      reply.code(201);
      return pinnedTile(tile);
    },
  );

  app.delete(
    '/api/v1/dashboard/tiles/:saved_search',
    { schema: { summary: 'Removes a tile from the Dashboard', tags: TAGS, params: TileParams, response: { 204: Type.Null({ description: 'Removed.' }), 404: ErrorBody } } },
    async (request, reply) => {
      const tile = await tiles.find(request.params.saved_search);
      if (!tile) throw new HttpError(404, `no tile shows a saved search named '${request.params.saved_search}'`);
      await tiles.unpin(tile);
      return reply.code(204).send(null);
    },
  );
};

export default dashboardTilesRoute;
