/**
 * Each production bundle installs from an empty folder with `npm ci --omit=dev` and runs there, as
 * in its image: each prints package.json's version, api (embedded engine) stores and returns
 * events, web renders them with its own templates and assets, the generator feeds the api; and the api runs without the embedded engine
 * in server mode, as the api image installs it. The test target depends on the three builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstAnswer, freePort, readGeneratorSummaries, type AppName, type RunningProcess } from '@logline/testing';
import { installBundle, startBundle } from './bundle-processes';
import { PACKAGE_VERSION, WORKSPACE } from './workspace';

// Starting the engine and installing take seconds on a busy machine; npm ci has its own limit.
jest.setTimeout(180_000);

const APPS: AppName[] = ['api', 'web', 'generator'];
const root = mkdtempSync(join(tmpdir(), 'logline-bundles-'));
const folderOf = (app: AppName) => join(root, app);

function lockPackages(path: string): Record<string, { version: string }> {
  return (JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, { version: string }> }).packages;
}

beforeAll(async () => {
  await Promise.all(APPS.map(async (app) => {
    mkdirSync(folderOf(app));
    await installBundle(app, folderOf(app));
  }));
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

it("keeps the embedded engine's build for every platform in the api's lock file", () => {
  const engineBuilds = (packages: Record<string, { version: string }>) =>
    Object.fromEntries(Object.entries(packages).filter(([key]) => key.startsWith('node_modules/@chdb/lib-')).map(([key, entry]) => [key, entry.version]));
  const workspace = engineBuilds(lockPackages(join(WORKSPACE, 'package-lock.json')));
  expect(Object.keys(workspace)).toHaveLength(4);
  expect(engineBuilds(lockPackages(join(WORKSPACE, 'dist', 'apps', 'api', 'package-lock.json')))).toEqual(workspace);
});

it.each(APPS)("%s prints package.json's version for --version", (app) => {
  expect(execFileSync(process.execPath, ['main.js', '--version'], { cwd: folderOf(app), encoding: 'utf8' })).toBe(`${PACKAGE_VERSION}\n`);
});

describe('api (embedded engine), web and generator from their installed bundles', () => {
  const producer = `bundle-${process.pid}`;
  let api: RunningProcess;
  let web: RunningProcess;
  let apiUrl: string;

  beforeAll(async () => {
    apiUrl = `http://127.0.0.1:${await freePort()}`;
    api = startBundle(folderOf('api'), [], {
      API_PORT: new URL(apiUrl).port,
      INGEST_TCP_PORT: '0',
      SYSLOG_PORT: '0',
      LOGLINE_DATA_DIR: join(root, 'data'),
    });
  });

  afterAll(async () => {
    await web?.stop();
    expect(await api.stop()).toBe(0);
  });

  it('api answers its health check and returns the events it accepted', async () => {
    const health = await firstAnswer(`${apiUrl}/api/v1/health`, api);
    expect(await health.json()).toEqual({ status: 'ok', storage: 'embedded', pending_rows: 0, version: PACKAGE_VERSION });
    const now = Date.now();
    const body = [0, 1].map((seq) => JSON.stringify({ timestamp: new Date(now + seq).toISOString(), log_level: 'INFO', message: `from the bundle ${seq}`, source: 'auth', producer_id: producer, seq })).join('\n');
    const ingest = await fetch(`${apiUrl}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(await ingest.json()).toEqual({ accepted: 2, rejected: 0, errors: [] });
    const logs = (await (await fetch(`${apiUrl}/api/v1/logs?producer_id=${producer}&order=asc`)).json()) as { rows: { seq: number; message: string }[] };
    expect(logs.rows.map(({ seq, message }) => ({ seq, message }))).toEqual([
      { seq: 0, message: 'from the bundle 0' },
      { seq: 1, message: 'from the bundle 1' },
    ]);
  });

  it('web renders the logs table with the templates and assets of its bundle', async () => {
    const webUrl = `http://127.0.0.1:${await freePort()}`;
    web = startBundle(folderOf('web'), [], { WEB_PORT: new URL(webUrl).port, API_URL: apiUrl });
    expect((await firstAnswer(`${webUrl}/healthz`, web)).status).toBe(200);
    const page = await fetch(`${webUrl}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const table = html.slice(html.indexOf('<table id="logs"'));
    expect(table).toContain('from the bundle 1');
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map(([, path]) => path);
    expect(assets).toEqual(expect.arrayContaining(['/assets/app.css']));
    for (const asset of new Set(assets)) {
      const response = await fetch(`${webUrl}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(join(folderOf('web'), asset)));
    }
  });

  it('generator sends 300 events to the api, all acknowledged and stored, and exits 0', async () => {
    const generator = startBundle(folderOf('generator'), ['--target', `${apiUrl}/api/v1/ingest`, '--count', '300', '--rate', '0', '--batch', '100', '--producer', `${producer}-gen`, '--seed', '3'], {});
    expect(await generator.exited).toBe(0);
    expect(readGeneratorSummaries(generator.output())).toEqual([{ producer_id: `${producer}-gen`, sent: 300, acked: 300, failed: 0, first_seq: 0, last_seq: 299 }]);
    const stats = await (await fetch(`${apiUrl}/api/v1/producers/${producer}-gen`)).json();
    expect(stats).toMatchObject({ stored: 300, distinct_seq: 300, min_seq: 0, max_seq: 299 });
  });
});

describe('api installed as its image installs it (no embedded engine)', () => {
  beforeAll(() => {
    // The api image's own step, with its default build argument (EMBEDDED_ENGINE=false).
    const dockerfile = readFileSync(join(WORKSPACE, 'apps', 'api', 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
    const run = dockerfile.split('\n').find((line) => line.includes('$EMBEDDED_ENGINE')) ?? '';
    const step = run.split('&&').map((part) => part.trim()).find((part) => part.includes('$EMBEDDED_ENGINE'));
    const [, defaultValue] = /^ARG EMBEDDED_ENGINE=(\S+)$/m.exec(dockerfile) ?? [];
    execFileSync('sh', ['-c', step ?? 'exit 1'], { cwd: folderOf('api'), env: { PATH: process.env['PATH'] ?? '', EMBEDDED_ENGINE: defaultValue ?? '' } });
    expect(existsSync(join(folderOf('api'), 'node_modules', 'fastify'))).toBe(true);
  });

  it('runs in server mode with ingest off, as in compose: reads served, ingest refused with a pointer to Vector, no TCP listener', async () => {
    const [apiPort, tcpPort, closedPort] = [await freePort(), await freePort(), await freePort()];
    const api = startBundle(folderOf('api'), [], {
      API_PORT: String(apiPort),
      CLICKHOUSE_URL: `http://127.0.0.1:${closedPort}`,
      CLICKHOUSE_USER: 'logline_reader',
      MIGRATE_ON_START: 'false',
      INGEST_ENABLED: 'false',
      INGEST_TCP_PORT: String(tcpPort),
      SYSLOG_PORT: '0',
    });
    try {
      // No ClickHouse listens there: the api runs and says its storage is unavailable.
      const health = await firstAnswer(`http://127.0.0.1:${apiPort}/api/v1/health`, api);
      expect({ status: health.status, body: await health.json() }).toEqual({ status: 503, body: { status: 'unavailable', storage: 'server', pending_rows: 0, version: PACKAGE_VERSION } });
      const ingest = await fetch(`http://127.0.0.1:${apiPort}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{}\n' });
      expect(ingest.status).toBe(404);
      expect(((await ingest.json()) as { message: string }).message).toMatch(/INGEST_ENABLED=false.*Vector/);
      const tcp = await new Promise<string>((resolve) => {
        const socket = connect(tcpPort, '127.0.0.1', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(tcp).toBe('ECONNREFUSED');
    } finally {
      expect(await api.stop()).toBe(0);
    }
  });

  it('refuses embedded mode, saying how to get a working storage', async () => {
    const apiPort = await freePort();
    const api = startBundle(folderOf('api'), [], { API_PORT: String(apiPort), INGEST_TCP_PORT: '0', SYSLOG_PORT: '0', LOGLINE_DATA_DIR: join(root, 'data-2') });
    const started = firstAnswer(`http://127.0.0.1:${apiPort}/api/v1/health`, api).then(() => 'answered', () => 'exited');
    try {
      expect(await started).toBe('exited');
      expect(await api.exited).toBe(1);
      expect(api.output()).toMatch(/embedded ClickHouse engine \(npm package chdb\) is not installed here: set CLICKHOUSE_URL/);
    } finally {
      await api.stop();
    }
  });
});
