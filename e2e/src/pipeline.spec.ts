/**
 * The whole product as a user runs it: the built api (embedded ClickHouse), web and generator as
 * separate processes, events flowing generator → api → storage → api → web page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { freePort, runGenerator, startApp, waitForOk, type RunningProcess } from '@logline/testing';

interface Row {
  seq: number;
  message: string;
  producer_id: string;
}

describe('generator → api → storage → web', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'logline-e2e-'));
  let api: RunningProcess;
  let web: RunningProcess;
  let apiUrl: string;
  let webUrl: string;
  let tcpPort: number;

  beforeAll(async () => {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    tcpPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    webUrl = `http://127.0.0.1:${webPort}`;
    api = startApp('api', [], { API_PORT: String(apiPort), INGEST_TCP_PORT: String(tcpPort), SYSLOG_PORT: '0', LOGLINE_DATA_DIR: dataDir });
    await waitForOk(`${apiUrl}/api/v1/health`, api);
    web = startApp('web', [], { WEB_PORT: String(webPort), API_URL: apiUrl });
    await waitForOk(`${webUrl}/healthz`, web);
  });

  afterAll(async () => {
    await web?.stop();
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function producerRows(producer: string): Promise<Row[]> {
    const response = await fetch(`${apiUrl}/api/v1/logs?producer_id=${producer}&order=asc&limit=10000`);
    return ((await response.json()) as { rows: Row[] }).rows;
  }

  it('stores exactly the 500 generated events with seqs 0..499, and the page shows the newest 100', async () => {
    const run = await runGenerator(['--target', `${apiUrl}/api/v1/ingest`, '--count', '500', '--rate', '0', '--batch', '50', '--producer', 'e2e-http', '--seed', '7']);
    expect(run.code).toBe(0);
    expect(run.summaries).toEqual([{ producer_id: 'e2e-http', sent: 500, acked: 500, failed: 0, first_seq: 0, last_seq: 499 }]);
    const rows = await producerRows('e2e-http');
    // Events generated in the same millisecond share a timestamp, so compare as a set of seqs.
    expect(rows.map((row) => row.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, seq) => seq));

    const page = await (await fetch(`${webUrl}/`)).text();
    const start = page.indexOf('<table id="logs"');
    const table = page.slice(start, page.indexOf('</table>', start));
    const bodyRows = table.split('<tbody')[1].match(/<tr[\s>]/g) ?? [];
    expect(bodyRows).toHaveLength(100);
    const newest = (await (await fetch(`${apiUrl}/api/v1/logs?limit=1`)).json()) as { rows: Row[] };
    // The page escapes text the way handlebars does.
    expect(table).toContain(Handlebars.escapeExpression(newest.rows[0].message));
  });

  it('over HTTP at full speed: 10,000 events acked and exactly 10,000 stored', async () => {
    const run = await runGenerator(['--target', `${apiUrl}/api/v1/ingest`, '--count', '10000', '--rate', '0', '--batch', '1000', '--producer', 'e2e-bulk-http']);
    expect(run.code).toBe(0);
    expect(run.summaries[0]).toMatchObject({ acked: 10_000, failed: 0 });
    const stats = await (await fetch(`${apiUrl}/api/v1/producers/e2e-bulk-http`)).json();
    expect(stats).toMatchObject({ stored: 10_000, distinct_seq: 10_000, min_seq: 0, max_seq: 9999 });
  });

  it('over TCP: 10,000 events written before a clean close are all stored within a second', async () => {
    const run = await runGenerator(['--target', `tcp://127.0.0.1:${tcpPort}`, '--count', '10000', '--rate', '0', '--producer', 'e2e-bulk-tcp']);
    expect(run.code).toBe(0);
    expect(run.summaries[0]).toMatchObject({ acked: 10_000, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stats = await (await fetch(`${apiUrl}/api/v1/producers/e2e-bulk-tcp`)).json();
    expect(stats).toMatchObject({ stored: 10_000, distinct_seq: 10_000, min_seq: 0, max_seq: 9999 });
  });

  it('stops cleanly on SIGINT and keeps every event across a restart on the same data directory', async () => {
    expect(await api.stop()).toBe(0);
    const apiPort = Number(new URL(apiUrl).port);
    api = startApp('api', [], { API_PORT: String(apiPort), INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', LOGLINE_DATA_DIR: dataDir });
    await waitForOk(`${apiUrl}/api/v1/health`, api);
    const stats = (await (await fetch(`${apiUrl}/api/v1/producers/e2e-bulk-tcp`)).json()) as { stored: number };
    expect(stats.stored).toBe(10_000);
    expect((await producerRows('e2e-http')).length).toBe(500);
  });
});
