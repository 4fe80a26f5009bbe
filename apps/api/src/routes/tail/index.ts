/**
 * GET /api/v1/tail: server-sent events with the new events matching the filters. Each `logs`
 * event carries a batch of rows (a JSON array) and an id to resume from (Last-Event-ID).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, TailQuery } from '@logline/api-contract';
import type { TailPosition } from '@logline/ch-client';
import { BadRequestError } from '../../errors';
import { SseStream } from '../../live/sse-stream';
import type { TailBatch } from '../../live/tail-feed';
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
        description:
          'Events: `logs` with data = JSON array of rows and id = resume position; `gap` with data = {"skipped": [...]} when a ' +
          'resume reached back further than TAIL_CATCH_UP_SECONDS or TAIL_CATCH_UP_ROWS allow; comments as heartbeats.',
        querystring: TailQuery,
        response: { 400: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const filters = toLogFilters(request.query);
      const resume = readPosition(request.headers['last-event-id'] ?? request.query.last_event_id);
      const out = reply.raw;
      const stream = new SseStream(out, app.config.tail.maxBufferedBytes, () => close());
      // Joining first answers 503 (before the stream starts) when the viewer caps are reached.
      const subscription = app.tail.join(filters, {
        live: (batch) => stream.push(formatBatch(batch)),
        catchUp: (batch) => stream.write(formatBatch(batch)),
      });
      reply.hijack();
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write('retry: 2000\n\n');
      const heartbeat = setInterval(() => stream.push(`: ${Date.now()}\n\n`), HEARTBEAT_MS);
      const close = () => {
        clearInterval(heartbeat);
        subscription.close();
        open.delete(close);
        out.end();
      };
      // Attached before anything waits, so a client that leaves during the catch-up is let go too.
      out.once('close', close);
      open.add(close);
      if (request.socket.destroyed) return close();
      try {
        const skipped = await subscription.start(resume);
        if (skipped.length > 0) stream.push(`event: gap\ndata: ${JSON.stringify({ skipped })}\n\n`);
      } catch (error) {
        request.log.warn({ err: error }, 'live tail catch-up failed');
        close();
      }
    },
  );
};

function formatBatch(batch: TailBatch): string {
  return `id: ${batch.position.ingestedMs}.${batch.position.rowKey}\nevent: logs\ndata: ${JSON.stringify(batch.rows)}\n\n`;
}

function readPosition(text: string | string[] | undefined): TailPosition | undefined {
  if (text === undefined || Array.isArray(text) || text === '') return undefined;
  const match = /^(\d{1,15})\.(\d{1,20})$/.exec(text);
  if (!match) throw new BadRequestError(`Last-Event-ID: '${text.slice(0, 40)}' is not an event id from this stream`);
  return { ingestedMs: Number(match[1]), rowKey: match[2] };
}

export default tailRoute;
