/**
 * What every HTTP protocol door does once it has decoded a body: the records go through the one
 * ingest path (acceptRecords, then the pipeline's dead letters and store), within the same bounds
 * as an NDJSON body (INGEST_MAX_LINES records, INGEST_MAX_ERRORS_KEPT refusals with details), and
 * a body nothing could be read from becomes one dead letter naming the door.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PreparedLogRow } from '@logline/ch-client';
import type { DecodedRecords, PayloadError } from '@logline/ingest-protocols';
import { DEAD_LETTER_RAW_BYTES } from '@logline/log-schema';
import { HttpError } from '../errors';
import { acceptRecords } from './accept-records';
import type { Transport } from './ingest-pipeline';
import { emptyParsedLines, lineLimits } from './parse-lines';
import type { LineRejection } from './rejections';

export interface IngestedRecords {
  rows: PreparedLogRow[];
  /** The refusals kept with details, in position order (every one with `everyRefusal`). */
  refused: readonly LineRejection[];
  /** Every refusal, kept or only counted. */
  rejected: number;
}

/**
 * Stores the accepted records (resolves once they are visible) and records the refused ones.
 * `everyRefusal`: the door answers each record (Elasticsearch bulk), so every refusal is kept for
 * the answer; the dead letters stay bounded all the same.
 */
export async function ingestRecords(
  app: FastifyInstance,
  request: FastifyRequest,
  decoded: DecodedRecords,
  transport: Transport,
  { everyRefusal = false } = {},
): Promise<IngestedRecords> {
  const { maxLines } = app.config.ingest;
  if (decoded.events.length + decoded.refusals.length > maxLines) {
    throw new HttpError(413, `the body has more than ${maxLines} records (INGEST_MAX_LINES); send them in several requests`);
  }
  const parsed = emptyParsedLines(app.ingest.collectRejections({ keepEvery: everyRefusal }));
  acceptRecords(decoded, lineLimits({ ...app.config.ingest, retentionDays: app.config.retentionDays }), parsed);
  const refused = parsed.rejections.take(true);
  app.ingest.reject(refused, transport, peerOf(request));
  await app.ingest.store(parsed.rows, transport);
  return { rows: parsed.rows, refused: refused.details, rejected: parsed.rejections.count };
}

/** Records a body that could not be decoded at all. */
export function rejectPayload(app: FastifyInstance, request: FastifyRequest, transport: Transport, error: PayloadError, body: Buffer): void {
  const raw = body.subarray(0, DEAD_LETTER_RAW_BYTES).toString('utf8');
  const rejections = app.ingest.collectRejections();
  rejections.add({ line: 1, code: 'invalid_payload', reason: error.message, raw });
  app.ingest.reject(rejections.take(true), transport, peerOf(request));
}

function peerOf(request: FastifyRequest): string {
  return `${request.ip}:${request.socket.remotePort ?? 0}`;
}
