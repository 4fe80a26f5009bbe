import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '@logline/ch-client';
import { closeTestStorage, openTestStorage } from '@logline/ch-client/testing';
import { formatClickHouseTime } from '@logline/log-schema';
import { ALL, expandPanelSql, type QueryContext, type VariableValue } from './grafana-query';

interface Target {
  rawSql: string;
  datasource: { type: string; uid: string };
}

interface Panel {
  title: string;
  type: string;
  interval?: string;
  datasource: { uid: string };
  targets: Target[];
}

interface Variable {
  type: string;
  name: string;
  query: string | { rawSql: string };
  includeAll?: boolean;
  multi?: boolean;
}

interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

const DASHBOARD_DIR = join(__dirname, '..', 'grafana', 'dashboards');
const dashboards = readdirSync(DASHBOARD_DIR).map((file) => JSON.parse(readFileSync(join(DASHBOARD_DIR, file), 'utf8')) as Dashboard);
const byUid = (uid: string): Dashboard => dashboards.find((dashboard) => dashboard.uid === uid) as Dashboard;

const MINUTE = 60_000;
/** The seeded events lie in the hour before `now`; the dashboards look at the two hours before. */
const now = Math.floor(Date.now() / MINUTE) * MINUTE;
const RANGE = { fromMs: now - 120 * MINUTE, toMs: now + MINUTE, intervalMs: 30_000 };

interface SeedSource {
  source: string;
  hosts: string[];
  /** How many events of each level. */
  levels: Record<string, number>;
  lagMs: number;
  message: (level: string, index: number) => string;
}

const SEED: SeedSource[] = [
  { source: 'payment', hosts: ['web-1', 'web-2'], levels: { INFO: 30, WARNING: 4, ERROR: 6 }, lagMs: 2000, message: (level, i) => (level === 'ERROR' ? `Payment_FAILED for order ${i % 2}` : `charged order ${i}`) },
  { source: 'auth', hosts: ['auth-1'], levels: { INFO: 20, CRITICAL: 2 }, lagMs: 500, message: (level, i) => (level === 'CRITICAL' ? 'token store unreachable' : `login ok user ${i}`) },
  { source: 'search', hosts: ['web-1'], levels: { DEBUG: 10 }, lagMs: 100, message: (_level, i) => (i === 0 ? "query o'brien took 3 ms" : `query ${i} took 3 ms`) },
];
const TOTAL = SEED.reduce((sum, seed) => sum + Object.values(seed.levels).reduce((a, b) => a + b, 0), 0);
const ERRORS = 6 + 2;

async function seed(storage: Storage): Promise<void> {
  const rows = SEED.flatMap((source) =>
    Object.entries(source.levels).flatMap(([level, count]) =>
      Array.from({ length: count }, (_, i) => {
        const timestampMs = now - (5 + ((i * 7) % 50)) * MINUTE - 1000;
        return {
          timestamp: formatClickHouseTime(timestampMs),
          log_level: level,
          message: source.message(level, i),
          source: source.source,
          host: source.hosts[i % source.hosts.length],
          producer_id: 'seed',
          seq: null,
          attributes: { order: String(i) },
          ingested_at: formatClickHouseTime(timestampMs + source.lagMs),
        };
      }),
    ),
  );
  await storage.writer.insert({ table: 'logs.application_logs', values: rows, format: 'JSONEachRow' });
  const letters = [
    { transport: 'http', peer: '10.0.0.1', line: 2, code: 'invalid_json', reason: 'invalid JSON: Unexpected token', raw: '{"oops"}' },
    { transport: 'http', peer: '10.0.0.1', line: 5, code: 'invalid_json', reason: 'invalid JSON: Unexpected end', raw: '{' },
    { transport: 'vector', peer: '', line: 0, code: 'processing_rule', reason: "rule 'set-level': unknown log_level 'loud'", raw: '{}' },
  ].map((letter, i) => ({ ...letter, received_at: formatClickHouseTime(now - (10 + i) * MINUTE) }));
  await storage.writer.insert({ table: 'logs.ingest_errors', values: letters, format: 'JSONEachRow' });
}

/** Every variable at its default: All for multi-value ones, '' for a textbox, the first source otherwise. */
function defaults(dashboard: Dashboard): Record<string, VariableValue> {
  return Object.fromEntries(dashboard.templating.list.map((variable) => [variable.name, variable.type === 'textbox' ? '' : variable.includeAll ? [ALL] : 'payment']));
}

describe('Grafana dashboards on the real engine and schema', () => {
  let storage: Storage;

  beforeAll(async () => {
    storage = await openTestStorage();
    await seed(storage);
  });

  afterAll(() => closeTestStorage(storage));

  async function run(panelSql: string, context: Omit<QueryContext, 'fromMs' | 'toMs' | 'intervalMs'>): Promise<Array<Record<string, unknown>>> {
    const result = await storage.reader.query({ query: expandPanelSql(panelSql, { ...RANGE, ...context }), format: 'JSONEachRow' });
    return result.json<Record<string, unknown>>();
  }

  function panelOf(uid: string, title: string): Panel {
    const panel = byUid(uid).panels.find((candidate) => candidate.title === title);
    if (!panel) throw new Error(`no panel '${title}' in ${uid}`);
    return panel;
  }

  async function rowsOf(uid: string, title: string, variables: Record<string, VariableValue> = {}): Promise<Array<Record<string, unknown>>> {
    const panel = panelOf(uid, title);
    return run(panel.targets[0].rawSql, { minInterval: panel.interval, variables: { ...defaults(byUid(uid)), ...variables } });
  }

  const targets = dashboards.flatMap((dashboard) =>
    dashboard.panels.flatMap((panel) => panel.targets.map((target) => [`${dashboard.title} / ${panel.title}`, dashboard, panel, target] as const)),
  );

  it.each(targets)('%s: its query, macros expanded, runs and finds the seeded events', async (_name, dashboard, panel, target) => {
    expect(target.rawSql).toMatch(/\$__timeFilter\(/);
    expect((await run(target.rawSql, { minInterval: panel.interval, variables: defaults(dashboard) })).length).toBeGreaterThan(0);
  });

  const variableQueries = dashboards.flatMap((dashboard) =>
    dashboard.templating.list.filter((variable) => variable.type === 'query').map((variable) => [`${dashboard.title} / $${variable.name}`, dashboard, variable] as const),
  );

  it.each(variableQueries)('%s: its options query runs', async (_name, dashboard, variable) => {
    const rows = await run((variable.query as { rawSql: string }).rawSql, { variables: defaults(dashboard) });
    const options = rows.map((row) => Object.values(row)[0]);
    expect(options.length).toBeGreaterThan(0);
    expect(new Set(options).size).toBe(options.length);
  });

  it('counts what was stored, by level and by source, from the rollups', async () => {
    const events = async (variables: Record<string, VariableValue> = {}) => (await rowsOf('logline-overview', 'Events', variables)).map((row) => Number(row['events']));
    expect(await events()).toEqual([TOTAL]);
    expect(await events({ source: ['auth', 'search'] })).toEqual([32]);
    const ratio = (await rowsOf('logline-overview', 'Error ratio'))[0]['error_ratio'] as number;
    expect(ratio).toBeCloseTo(ERRORS / TOTAL, 6);
    const byLevel = await rowsOf('logline-overview', 'Events by level');
    expect(byLevel.reduce((sum, row) => sum + Number(row['events']), 0)).toBe(TOTAL);
    expect((await rowsOf('logline-overview', 'Top sources')).map((row) => [row['source'], Number(row['events'])])).toEqual([
      ['payment', 40],
      ['auth', 22],
      ['search', 10],
    ]);
  });

  it('buckets by the panel interval, never finer than its minimum', async () => {
    const times = (await rowsOf('logline-overview', 'Events by level')).map((row) => Date.parse(`${String(row['time']).replace(' ', 'T')}Z`));
    expect(times.every((time) => time % MINUTE === 0)).toBe(true);
  });

  it('measures ingest lag per source', async () => {
    const lags = await rowsOf('logline-overview', 'Ingest lag p95 by source');
    const maxLag = (source: string) => Math.max(...lags.filter((row) => row['source'] === source).map((row) => Number(row['lag_seconds'])));
    expect([maxLag('payment'), maxLag('auth'), maxLag('search')]).toEqual([2, 0.5, 0.1]);
  });

  it('counts dead letters by reason', async () => {
    const reasons = await rowsOf('logline-overview', 'Dead letter reasons');
    expect(reasons.map((row) => [row['code'], row['transport'], Number(row['dead_letters'])])).toEqual([
      ['invalid_json', 'http', 2],
      ['processing_rule', 'vector', 1],
    ]);
  });

  it('filters the logs panel by level, source, host and whole words, quotes included', async () => {
    const failures = await rowsOf('logline-logs', 'Logs', { level: ['ERROR', 'CRITICAL'], search: 'payment failed' });
    expect(failures).toHaveLength(6);
    expect(failures.every((row) => row['level'] === 'ERROR' && row['body'] === `Payment_FAILED for order ${String(row['body']).slice(-1)}`)).toBe(true);
    expect(await rowsOf('logline-logs', 'Logs', { host: ['web-2'], source: ['payment'] })).toHaveLength(20);
    expect(await rowsOf('logline-logs', 'Logs', { search: "o'brien" })).toEqual([expect.objectContaining({ body: "query o'brien took 3 ms" })]);
    expect(await rowsOf('logline-logs', 'Logs', { search: 'pay' })).toEqual([]);
    const volume = await rowsOf('logline-logs', 'Volume by level', { level: ['WARNING'], host: ['web-1'] });
    expect(volume.reduce((sum, row) => sum + Number(row['events']), 0)).toBe(2);
  });

  it('drills into one source', async () => {
    const hosts = await rowsOf('logline-source', 'Events by host', { source: 'payment' });
    expect(new Set(hosts.map((row) => row['host']))).toEqual(new Set(['web-1', 'web-2']));
    const errors = await rowsOf('logline-source', 'Commonest errors', { source: 'auth' });
    expect(errors.map((row) => [row['message'], Number(row['events'])])).toEqual([['token store unreachable', 2]]);
    expect(await rowsOf('logline-source', 'Latest warnings and errors', { source: "o'brien" })).toEqual([]);
  });
});
