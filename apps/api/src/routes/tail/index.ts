/**
 * GET /api/v1/tail: server-sent events with the new events matching the filters. Each `logs`
 * event carries a batch of rows (a JSON array) and an id to resume from (Last-Event-ID).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, TailQuery } from '@logline/api-contract';
import type { TailPosition } from '@logline/ch-client';
import { BadRequestError } from '../../errors';
import { toLogFilters } from '../../query/log-filters-query';

const HEARTBEAT_MS = 15_000;

const tailRoute: FastifyPluginAsyncTypebox = async (app) => {
  // Open streams never end on their own; end them before the server waits for its connections.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get(
    '/api/v1/tail',
    {
      schema: {
        summary: 'Live tail of new events (text/event-stream)',
        tags: ['logs'],
        description: 'Events: `logs` with data = JSON array of rows and id = resume position; comments as heartbeats.',
        querystring: TailQuery,
        response: { 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const filters = toLogFilters(request.query);
      const resume = readPosition(request.headers['last-event-id'] ?? request.query.last_event_id);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write('retry: 2000\n\n');
      const unsubscribe = await app.tail.subscribe(
        filters,
        (batch) => out.write(`id: ${batch.position.ingestedMs}.${batch.position.rowKey}\nevent: logs\ndata: ${JSON.stringify(batch.rows)}\n\n`),
        resume,
      );
      const heartbeat = setInterval(() => out.write(`: ${Date.now()}\n\n`), HEARTBEAT_MS);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        out.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
};

function readPosition(text: string | string[] | undefined): TailPosition | undefined {
  if (text === undefined || Array.isArray(text) || text === '') return undefined;
  const match = /^(\d{1,15})\.(\d{1,20})$/.exec(text);
  if (!match) throw new BadRequestError(`Last-Event-ID: '${text.slice(0, 40)}' is not an event id from this stream`);
  return { ingestedMs: Number(match[1]), rowKey: match[2] };
}

export default tailRoute;
