/** HTTP requests to the api and web for timing: undici over kept-alive connections. */
import { Agent, request } from 'undici';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 8 });
/** No request of the bench should take this long; a hung one fails the run instead of stalling it. */
const TIMEOUT_MS = 300_000;

export interface Fetched {
  status: number;
  body: Buffer;
}

export async function get(url: string): Promise<Fetched> {
  const response = await request(url, { dispatcher: agent, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  const body = Buffer.from(await response.body.arrayBuffer());
  if (response.statusCode >= 400) throw new Error(`${url} answered ${response.statusCode}: ${body.toString('utf8', 0, 500)}`);
  return { status: response.statusCode, body };
}

export async function getJson<T>(url: string): Promise<T> {
  return JSON.parse((await get(url)).body.toString('utf8')) as T;
}

/** Reads a streamed body to its end, counting lines (NDJSON rows). */
export async function countLines(url: string): Promise<number> {
  const response = await request(url, { dispatcher: agent, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  if (response.statusCode >= 400) throw new Error(`${url} answered ${response.statusCode}`);
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return lines;
}

export async function closeHttp(): Promise<void> {
  await agent.close();
}
