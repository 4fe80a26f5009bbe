/** Starts the front on this jest worker's engine directory (one per process) for a test file. */
import { testDataDir } from '@logline/ch-client/testing';
import { startClickHouseHttp, type ClickHouseHttp } from '../src';

export const USERS = { default: '', writer: 'pa:ss word' } as const;

export function startTestFront(): Promise<ClickHouseHttp> {
  return startClickHouseHttp({ dataDir: testDataDir(), users: USERS });
}

/** A raw request to the front, as curl would send it. */
export async function call(front: ClickHouseHttp, pathAndQuery: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${front.url}${pathAndQuery}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}
