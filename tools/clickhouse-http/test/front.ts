/** Starts the front for a test file on this jest worker's engine directory. */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClickHouseHttp, type ClickHouseHttp } from '../src';

export const USERS = { default: '', writer: 'pa:ss word' } as const;

// The engine takes one data directory per process, so every test file of a worker shares this one.
// (Not ch-client's testDataDir: ch-client's tests import this project, which must not import them.)
const DATA_DIR = join(tmpdir(), `logline-clickhouse-http-jest-${process.pid}`);
process.once('exit', () => rmSync(DATA_DIR, { recursive: true, force: true }));

export function startTestFront(): Promise<ClickHouseHttp> {
  return startClickHouseHttp({ dataDir: DATA_DIR, users: USERS });
}

/** A raw request to the front, as curl would send it. */
export async function call(front: ClickHouseHttp, pathAndQuery: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${front.url}${pathAndQuery}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}
