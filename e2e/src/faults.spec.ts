/**
 * Delivery under faults, with real processes: the api killed (SIGKILL) or stopped in the middle
 * of a 100,000-event run and restarted on the same data directory; the generator retries until
 * acknowledged; the audit must show every event stored exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runGenerator, startApp, waitForOk, type RunningProcess } from '@logline/testing';

const EVENTS = 100_000;

describe('delivery under faults', () => {
  let dataDir: string;
  let api: RunningProcess;
  let apiUrl: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'logline-faults-'));
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    env = { API_PORT: String(port), INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', LOGLINE_DATA_DIR: dataDir };
    api = await startApi();
  });

  afterEach(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startApi(): Promise<RunningProcess> {
    const started = startApp('api', [], env);
    await waitForOk(`${apiUrl}/api/v1/health`, started);
    return started;
  }

  async function storedFor(producer: string): Promise<number> {
    try {
      return ((await (await fetch(`${apiUrl}/api/v1/producers/${producer}`)).json()) as { stored: number }).stored;
    } catch {
      return 0;
    }
  }

  async function whenStored(producer: string, atLeast: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await storedFor(producer)) < atLeast) {
      if (Date.now() > deadline) throw new Error(`${producer} never reached ${atLeast} stored events`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function generate(producer: string) {
    return runGenerator([
      '--target', `${apiUrl}/api/v1/ingest`, '--count', String(EVENTS), '--rate', '0', '--batch', '1000',
      '--producer', producer, '--retry-deadline', '3m',
    ]);
  }

  async function expectCleanAudit(producer: string): Promise<void> {
    const audit = (await (await fetch(`${apiUrl}/api/v1/audit?producer_id=${producer}`)).json()) as { producers: unknown[] };
    expect(audit.producers).toEqual([
      expect.objectContaining({ producer_id: producer, status: 'complete', expected: EVENTS, stored: EVENTS, missing: 0, duplicates_stored: 0 }),
    ]);
  }

  it('kill -9 of the api mid-run loses nothing and stores nothing twice', async () => {
    const run = generate('fault-kill');
    await whenStored('fault-kill', EVENTS / 4);
    api.child.kill('SIGKILL');
    await api.exited;
    api = await startApi();
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.summaries[0]).toMatchObject({ acked: EVENTS, failed: 0 });
    await expectCleanAudit('fault-kill');
  });

  it('storage unavailable for a while (api stopped, then back) loses nothing', async () => {
    const run = generate('fault-stop');
    await whenStored('fault-stop', EVENTS / 4);
    expect(await api.stop()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    api = await startApi();
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.summaries[0]).toMatchObject({ acked: EVENTS, failed: 0 });
    await expectCleanAudit('fault-stop');
  });

  it('storage paused (SIGSTOP) mid-run loses nothing', async () => {
    const run = generate('fault-pause');
    await whenStored('fault-pause', EVENTS / 4);
    api.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    api.child.kill('SIGCONT');
    const result = await run;
    expect(result.code).toBe(0);
    await expectCleanAudit('fault-pause');
  });
});
