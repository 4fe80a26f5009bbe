/**
 * GET /live: the page's live tail. Relays the api's event stream for the page's filters and
 * renders each batch of new events into table rows with the same template as the page, so the
 * browser only inserts them. Resumes after Last-Event-ID (the browser sends it on reconnect) or
 * `after` (the page's script, reconnecting itself), or on the first connect from `since` (the
 * page's read time less an overlap). Failures arrive as
 * a `problem` event: `fatal` for filters the api refuses, else the browser reconnects.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { TailBatch } from '@logline/api-contract';
import { ApiRejectedError } from '../../api-client/api-errors';
import { toLogFilters, type LogFilters } from '../../filters/log-filters';
import { LogsQuerySchema } from '../../filters/logs-query';
import { SseReader } from '../../live/sse-reader';
import { LIVE_OVERLAP_MS, toResultRow } from '../../view-models/logs-page';

const RETRY_MS = 2000;
const EVENT_ID_PATTERN = '^\\d{1,15}\\.\\d{1,20}$';
const LiveQuery = Type.Object({
  ...LogsQuerySchema.properties,
  /** Epoch ms to start from (the page's read time less an overlap). */
  since: Type.Optional(Type.Integer({ minimum: 0 })),
  /** An event id of this stream to resume after, when the browser's own Last-Event-ID was lost. */
  after: Type.Optional(Type.String({ pattern: EVENT_ID_PATTERN })),
});
const EVENT_ID = new RegExp(EVENT_ID_PATTERN);

const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Open streams never end on their own; end them before the server waits for its connections.
  const open = new Set<AbortController>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.abort();
  });

  app.get('/live', { schema: { querystring: LiveQuery } }, async (request, reply) => {
    const filters = toLogFilters(request.query);
    const lastEventId = request.headers['last-event-id'];
    const resume =
      typeof lastEventId === 'string' && EVENT_ID.test(lastEventId)
        ? lastEventId
        : (request.query.after ?? `${request.query.since ?? Date.now() - LIVE_OVERLAP_MS}.0`);
    const abort = new AbortController();
    open.add(abort);
    request.raw.on('close', () => abort.abort());
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    out.write(`retry: ${RETRY_MS}\n\n`);
    try {
      await relay(filters, resume, abort.signal, out);
    } catch (error) {
      if (!abort.signal.aborted) {
        request.log.warn({ err: error }, 'live tail relay stopped');
        const fatal = error instanceof ApiRejectedError;
        await send(out, `event: problem\ndata: ${JSON.stringify({ fatal, message: (error as Error).message })}\n\n`);
      }
    } finally {
      open.delete(abort);
      out.end();
    }
  });

  async function relay(filters: LogFilters, resume: string, signal: AbortSignal, out: ServerResponse): Promise<void> {
    const upstream = await app.api.openTail(filters, resume, signal);
    const reader = new SseReader();
    const decoder = new TextDecoder();
    for await (const chunk of upstream.body) {
      for (const message of reader.push(decoder.decode(chunk as Buffer, { stream: true }))) {
        if (message.kind === 'comment') await send(out, `: ${message.text}\n\n`);
        else if (message.event === 'logs') await send(out, await renderBatch(filters, message.id, message.data));
      }
    }
  }

  async function renderBatch(filters: LogFilters, id: string | undefined, data: string): Promise<string> {
    const rows: unknown = JSON.parse(data);
    if (!Value.Check(TailBatch, rows)) throw new Error('the api sent live rows of an unexpected shape');
    const html = await app.view('live-rows.hbs', { rows: rows.map((row) => toResultRow(filters, row)) });
    // Every line break a browser's EventSource knows (CR too, which HTML escaping leaves alone)
    // starts a new data line, so text from a log message can never start a field of its own.
    const lines = html.split(/\r\n|\r|\n/).map((line) => `data: ${line}`);
    return `${id === undefined ? '' : `id: ${id}\n`}event: rows\n${lines.join('\n')}\n\n`;
  }
};

/** Writes, waiting for the browser to take it when its buffer is full (or for it to leave). */
async function send(out: ServerResponse, text: string): Promise<void> {
  if (out.destroyed) return;
  if (!out.write(text)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}

export default liveRoutes;
