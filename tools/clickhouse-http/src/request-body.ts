/**
 * A request's body as text: read up to a cap (the front holds it in memory, where the server
 * streams it), decoded from its Content-Encoding, and checked to be UTF-8, since statements and
 * their data reach the engine as text.
 */
import type { IncomingMessage } from 'node:http';
import { clickHouseError } from './clickhouse-error';
import { decodeBody } from './http-compression';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export async function readBodyText(request: IncomingMessage, maxBytes: number): Promise<string> {
  if (request.method === 'POST' && request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) {
    throw clickHouseError('HTTP_LENGTH_REQUIRED', 'The Transfer-Encoding is not chunked and there is no Content-Length header for POST request');
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw clickHouseError('QUERY_IS_TOO_LARGE', `The request body is over ${maxBytes} bytes, the most this test front holds in memory`);
    chunks.push(chunk);
  }
  const body = await decodeBody(Buffer.concat(chunks), request.headers['content-encoding']);
  try {
    return UTF8.decode(body);
  } catch {
    throw clickHouseError(
      'BAD_ARGUMENTS',
      'The request body is not UTF-8 text: this front hands statements and their data to the engine as text, so binary input formats (RowBinary, Native, Parquet) are not supported',
    );
  }
}
