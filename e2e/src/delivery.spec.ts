/** The Delivery page over the real api: a clean bill for a complete run, the exact gap when events are withheld. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerator, type RunningProcess } from '@logline/testing';
import { startApiAndWeb } from './support/api-and-web';

describe('delivery page', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'logline-delivery-'));
  let api: RunningProcess;
  let web: RunningProcess;
  let apiUrl: string;
  let webUrl: string;

  beforeAll(async () => {
    ({ api, web, apiUrl, webUrl } = await startApiAndWeb(dataDir));
  });
  afterAll(async () => {
    await web?.stop();
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const rows = (html: string, table: string) => {
    const body = new RegExp(`<table id="${table}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)?.[1] ?? '';
    return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((match) => match[0]);
  };

  it('shows a clean bill for a complete generator run', async () => {
    const run = await runGenerator(['--target', `${apiUrl}/api/v1/ingest`, '--count', '5000', '--rate', '0', '--producer', 'complete-run']);
    expect(run.code).toBe(0);
    const html = await (await fetch(`${webUrl}/delivery`)).text();
    expect(html).toContain('every event stored exactly once');
    const [row] = rows(html, 'audit');
    expect(row).toContain('complete-run');
    expect(row).toContain('5,000');
  });

  it('shows the withheld seqs and the rejected lines', async () => {
    const now = Date.now() - 60_000;
    const lines = Array.from({ length: 30 }, (_, seq) => seq)
      .filter((seq) => seq < 10 || seq > 14)
      .map((seq) => JSON.stringify({ timestamp: new Date(now + seq).toISOString(), level: 'info', message: `m${seq}`, source: 'auth', producer_id: 'withheld', seq }));
    lines.push('{"broken', '<img src=x onerror=alert(1)>');
    const response = await fetch(`${apiUrl}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines.join('\n') });
    expect(((await response.json()) as { accepted: number }).accepted).toBe(25);
    // Dead letters are written in the background, a moment after the answer.
    let html = '';
    for (let attempt = 0; attempt < 30 && rows(html, 'rejections').length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      html = await (await fetch(`${webUrl}/delivery`)).text();
    }
    expect(html).toContain('1 of 2 producers have missing or duplicated events.');
    const withheld = rows(html, 'audit').find((row) => row.includes('withheld')) ?? '';
    expect(withheld).toContain('10–14');
    expect(withheld).toContain('missing events');
    const rejected = rows(html, 'rejections');
    expect(rejected).toHaveLength(2);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toContain('<img src=x onerror');
  });
});
