/** The built api as a real process for the standard protocols' doors, and reads of what it stored. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApp, waitForOk, type RunningProcess } from '@logline/testing';
import { until } from './until';

/** How long stored rows and dead letters may take to become visible. */
const VISIBLE_WITHIN_MS = 15_000;

export interface StoredRow {
  id: string;
  timestamp: string;
  log_level: string;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: number | null;
  attributes: Record<string, string>;
  trace_id: string;
  span_id: string;
}

export interface DeadLetter {
  transport: string;
  line: number;
  code: string;
  reason: string;
  raw: string;
}

export interface ProtocolApi {
  url: string;
  syslogPort: number;
  process: RunningProcess;
  /** Rows matching the query (oldest first, up to 1000). */
  rows(query: string): Promise<StoredRow[]>;
  /** Dead letters of one door. */
  deadLetters(transport: string): Promise<DeadLetter[]>;
  /** The rows matching the query, once there are `count` of them. */
  waitForRows(query: string, count: number): Promise<StoredRow[]>;
  /** The dead letters of one door, once there are `count` of them. */
  waitForDeadLetters(transport: string, count: number): Promise<DeadLetter[]>;
  /** Resolves once some accepted rows wait for storage (the ingest buffer holds them). */
  waitForPendingRows(): Promise<void>;
  stop(): Promise<void>;
}

export async function startProtocolApi(env: Record<string, string> = {}): Promise<ProtocolApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'logline-protocols-'));
  const [port, syslogPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const api = startApp('api', [], {
    API_PORT: String(port),
    INGEST_TCP_PORT: '0',
    SYSLOG_PORT: String(syslogPort),
    LOGLINE_DATA_DIR: dataDir,
    ...env,
  });
  await waitForOk(`${url}/api/v1/health`, api);
  const rows = async (query: string) => {
    const response = await fetch(`${url}/api/v1/logs?order=asc&limit=1000&${query}`);
    return ((await response.json()) as { rows: StoredRow[] }).rows;
  };
  const deadLetters = async (transport: string) => {
    const response = await fetch(`${url}/api/v1/ingest-errors?limit=1000`);
    const body = (await response.json()) as { recent: DeadLetter[] };
    return body.recent.filter((letter) => letter.transport === transport).sort((a, b) => a.line - b.line);
  };
  const counted = <T>(count: number) => (found: T[]) => (found.length === count ? found : undefined);
  return {
    url,
    syslogPort,
    process: api,
    rows,
    deadLetters,
    waitForRows: (query, count) => until(`${count} rows for ${query}`, VISIBLE_WITHIN_MS, async () => counted<StoredRow>(count)(await rows(query))),
    waitForDeadLetters: (transport, count) =>
      until(`${count} ${transport} dead letters`, VISIBLE_WITHIN_MS, async () => counted<DeadLetter>(count)(await deadLetters(transport))),
    waitForPendingRows: async () => {
      await until('rows waiting for storage', VISIBLE_WITHIN_MS, async () => {
        const health = (await (await fetch(`${url}/api/v1/health`)).json()) as { pending_rows: number };
        return health.pending_rows > 0 ? true : undefined;
      });
    },
    stop: async () => {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
