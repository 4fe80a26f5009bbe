/**
 * HTTP compression as ClickHouse's server does it: a request body in the `Content-Encoding` it
 * names, and a response compressed only when `enable_http_compression` is on and `Accept-Encoding`
 * names a method it knows, at `http_zlib_compression_level` (default 3). Methods: gzip, deflate
 * and br. Not zstd: Node 20's zlib has no zstd (22.15 added it), and @clickhouse/client refuses
 * zstd on Node 20 as well; ClickHouse's xz, lz4, bz2 and snappy have no codec in Node.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { clickHouseError } from './clickhouse-error';

type Codec = (input: Buffer, level: number) => Promise<Buffer>;

const DECODERS: Record<string, (input: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

const gzip = promisify(zlib.gzip);
const deflate = promisify(zlib.deflate);
const brotli = promisify(zlib.brotliCompress);

/** In the order the front prefers them when a client accepts several. */
const ENCODERS: [string, Codec][] = [
  ['gzip', (input, level) => gzip(input, { level })],
  ['deflate', (input, level) => deflate(input, { level })],
  ['br', (input, level) => brotli(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: Math.min(level, 11) } })],
];

/** The request body as the client meant it, before its Content-Encoding. */
export async function decodeBody(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  const method = (contentEncoding ?? '').trim().toLowerCase();
  if (method === '' || method === 'identity' || method === 'none') return body;
  const decode = DECODERS[method];
  if (!decode) throw clickHouseError('UNKNOWN_COMPRESSION_METHOD', `Unknown HTTP compression method '${method}' in Content-Encoding (this front decodes ${Object.keys(DECODERS).join(', ')})`);
  try {
    return await decode(body);
  } catch (error) {
    throw clickHouseError('CANNOT_DECOMPRESS', `Cannot decompress the ${method} request body: ${(error as Error).message}`);
  }
}

export interface ResponseEncoding {
  method: string;
  encode(body: Buffer): Promise<Buffer>;
}

/** How to compress the answer, or undefined to send it as is. */
export function chooseResponseEncoding(acceptEncoding: string | undefined, enabled: boolean, level: number): ResponseEncoding | undefined {
  if (!enabled || !acceptEncoding) return undefined;
  const accepted = new Set(acceptEncoding.split(',').map((part) => part.split(';')[0].trim().toLowerCase()));
  const match = ENCODERS.find(([method]) => accepted.has(method));
  if (!match) return undefined;
  const [method, codec] = match;
  return { method, encode: (body) => codec(body, level) };
}
