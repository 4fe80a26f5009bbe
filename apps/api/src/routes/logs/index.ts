/** GET /api/v1/logs: filtered events, newest first by default, with keyset paging. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { searchLogs } from '@logline/ch-client';
import { toLogLevel } from '@logline/log-schema';
import { BadRequestError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../query/cursor';
import { toSearchWords } from '../../query/search-words';
import { parseTimeBound } from '../../query/time-bound';
import { ErrorBody, Repeatable, StoredLogSchema } from '../../schemas/common';

const LogsQuery = Type.Object({
  level: Type.Optional(Repeatable('Levels to include (any of); aliases such as warn are accepted.')),
  source: Type.Optional(Repeatable('Sources to include (any of).')),
  producer_id: Type.Optional(Repeatable('Producers to include (any of).')),
  q: Type.Optional(Type.String({ maxLength: 1000, description: 'Words that must all appear in the message.' })),
  from: Type.Optional(Type.String({ maxLength: 64, description: 'ISO time or a duration back from now (15m, 24h).' })),
  to: Type.Optional(Type.String({ maxLength: 64, description: 'ISO time, now, or a duration back from now.' })),
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
  order: Type.Union([Type.Literal('desc'), Type.Literal('asc')], { default: 'desc' }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});

const LogsPage = Type.Object({
  rows: Type.Array(StoredLogSchema),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});

const logsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/logs',
    { schema: { summary: 'Search log events', querystring: LogsQuery, response: { 200: LogsPage, 400: ErrorBody } } },
    async (request) => {
      const query = request.query;
      const now = Date.now();
      const page = await searchLogs(app.storage.reader, {
        levels: query.level?.map(toLevel),
        sources: query.source,
        producerIds: query.producer_id,
        words: toSearchWords(query.q),
        fromMs: parseTimeBound('from', query.from, now),
        toMs: parseTimeBound('to', query.to, now),
        limit: query.limit,
        order: query.order,
        after: decodeCursor(query.cursor),
      });
      return { rows: page.rows, next_cursor: page.next ? encodeCursor(page.next) : null };
    },
  );
};

function toLevel(value: string) {
  const level = toLogLevel(value);
  if (!level) throw new BadRequestError(`level: unknown level '${value.slice(0, 32)}' (DEBUG, INFO, WARNING, ERROR, CRITICAL)`);
  return level;
}

export default logsRoute;
