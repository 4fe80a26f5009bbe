/** The built api as a real process for the standard protocols' doors, and reads of what it stored. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApp, waitForOk, type RunningProcess } from './processes';

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
  return {
    url,
    syslogPort,
    process: api,
    rows: async (query) => {
      const response = await fetch(`${url}/api/v1/logs?order=asc&limit=1000&${query}`);
      return ((await response.json()) as { rows: StoredRow[] }).rows;
    },
    deadLetters: async (transport) => {
      const response = await fetch(`${url}/api/v1/ingest-errors?limit=1000`);
      const body = (await response.json()) as { recent: DeadLetter[] };
      return body.recent.filter((letter) => letter.transport === transport).sort((a, b) => a.line - b.line);
    },
    stop: async () => {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `read` until `done` holds (stored rows become visible within a second or so). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
