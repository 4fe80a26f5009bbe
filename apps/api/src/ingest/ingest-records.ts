/**
 * What every HTTP protocol door does once it has decoded a body: the records go through the one
 * ingest path (acceptRecords, then the pipeline's dead letters and store), and a body nothing
 * could be read from becomes one dead letter naming the door.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DecodedRecords, PayloadError } from '@logline/ingest-protocols';
import { DEAD_LETTER_RAW_BYTES } from '@logline/log-schema';
import { acceptRecords } from './accept-records';
import type { Transport } from './ingest-pipeline';
import { lineLimits, type ParsedLines } from './parse-lines';

/** Stores the accepted records (resolves once they are visible) and records the refused ones. */
export async function ingestRecords(app: FastifyInstance, request: FastifyRequest, decoded: DecodedRecords, transport: Transport): Promise<ParsedLines> {
  const parsed = acceptRecords(decoded, lineLimits({ ...app.config.ingest, retentionDays: app.config.retentionDays }));
  app.ingest.reject(parsed.rejections, transport, peerOf(request));
  await app.ingest.store(parsed.rows, transport);
  return parsed;
}

/** Records a body that could not be decoded at all. */
export function rejectPayload(app: FastifyInstance, request: FastifyRequest, transport: Transport, error: PayloadError, body: Buffer): void {
  const raw = body.subarray(0, DEAD_LETTER_RAW_BYTES).toString('utf8');
  app.ingest.reject([{ line: 1, code: 'invalid_payload', reason: error.message, raw }], transport, peerOf(request));
}

function peerOf(request: FastifyRequest): string {
  return `${request.ip}:${request.socket.remotePort ?? 0}`;
}
