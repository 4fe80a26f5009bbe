#!/usr/bin/env node
// `npm run bench`: loads N realistic events (default 10 million) with the engine's own reader —
// the insert ceiling — then measures, on this machine and in the same run: end-to-end ingest
// through the api (generator → HTTP and TCP → stored, zero loss checked) as a ratio of that
// ceiling; the latency of every explorer request through the api (median of --runs); the web
// page's render time; storage per event; the api's memory. Prints a table, writes JSON to
// tools/bench/results/ and replaces docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeData, PHRASE, RARE_WORD } from './make-data.mjs';
import { medianMs, streamRowsPerSecond } from './measure.mjs';
import { freePort, runToEnd, startApp, waitForOk } from './processes.mjs';
import { writeReport } from './report.mjs';

const { values } = parseArgs({
  options: { events: { type: 'string' }, quick: { type: 'boolean' }, runs: { type: 'string' }, 'ingest-events': { type: 'string' } },
});
const EVENTS = Number(values.events ?? (values.quick ? 200_000 : 10_000_000));
const RUNS = Number(values.runs ?? 5);
const INGEST_EVENTS = Number(values['ingest-events'] ?? Math.min(1_000_000, Math.max(100_000, EVENTS / 10)));
const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'logline-bench-'));
const results = { date: new Date().toISOString(), events: EVENTS, runs: RUNS, machine: machine(), figures: [] };
const figure = (group, name, value, unit, note = '') => {
  results.figures.push({ group, name, value, unit, note });
  console.log(`${group.padEnd(8)} ${name.padEnd(44)} ${String(value).padStart(12)} ${unit} ${note}`);
};

try {
  build();
  const loaded = await loadData();
  await measureQueries(loaded.dataDir);
  await measureIngest(loaded.ceiling);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
  writeReport(join(ROOT, 'docs', 'benchmarks.md'), results);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function build() {
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api,web,generator', '--outputStyle=static'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (result.status !== 0) throw new Error('build failed');
}

async function loadData() {
  const file = join(work, 'events.ndjson');
  const dataDir = join(work, 'data');
  const generated = performance.now();
  const rawBytes = await makeData(file, EVENTS, Date.now());
  console.log(`generated ${EVENTS} events (${(rawBytes / 2 ** 20).toFixed(0)} MiB NDJSON) in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  // The api applies the schema (migrations) and stops; then the engine loads the file itself.
  const port = await freePort();
  const api = startApp('api', [], { API_PORT: String(port), INGEST_TCP_PORT: '0', LOGLINE_DATA_DIR: dataDir });
  await waitForOk(`http://127.0.0.1:${port}/api/v1/health`, api);
  await api.stop();
  const load = spawnSync(process.execPath, [join(import.meta.dirname, 'load-data.mjs'), dataDir, file], { cwd: ROOT, encoding: 'utf8' });
  if (load.status !== 0) throw new Error(load.stderr);
  const { seconds, rows, bytesOnDisk } = JSON.parse(load.stdout);
  const ceiling = rows / seconds;
  figure('load', 'engine insert ceiling (INSERT SELECT FROM file)', Math.round(ceiling), 'rows/s', 'same table, indexes and rollup view');
  figure('storage', 'bytes on disk per event', (bytesOnDisk / rows).toFixed(1), 'B', `raw NDJSON ${(rawBytes / rows).toFixed(0)} B`);
  figure('storage', 'compression vs raw NDJSON', (rawBytes / bytesOnDisk).toFixed(2), 'x', 'incl. text index');
  rmSync(file);
  return { dataDir, ceiling };
}

async function measureQueries(dataDir) {
  const apiPort = await freePort();
  const webPort = await freePort();
  const api = startApp('api', [], { API_PORT: String(apiPort), INGEST_TCP_PORT: '0', LOGLINE_DATA_DIR: dataDir, RATE_LIMIT_QUERY_PER_MINUTE: '0' });
  const base = `http://127.0.0.1:${apiPort}/api/v1`;
  await waitForOk(`${base}/health`, api);
  const web = startApp('web', [], { WEB_PORT: String(webPort), API_URL: `http://127.0.0.1:${apiPort}` });
  await waitForOk(`http://127.0.0.1:${webPort}/healthz`, web);
  const anchor = (await (await fetch(`${base}/logs?limit=1&q=${RARE_WORD}`)).json()).rows[0];
  const queries = [
    ['latest 100', '/logs'],
    ['latest 100, level ERROR + source payment', '/logs?level=ERROR&source=payment'],
    [`rare-word search (${RARE_WORD})`, `/logs?q=${RARE_WORD}`],
    ['common-word search (charged)', '/logs?q=charged'],
    [`phrase search ("${PHRASE}")`, `/logs?q=${encodeURIComponent(`"${PHRASE}"`)}`],
    ['histogram 24 h (rollup)', '/histogram?from=24h'],
    ['histogram 7 d (rollup)', '/histogram?from=7d'],
    ['histogram 24 h with a search (raw table)', '/histogram?from=24h&q=charged'],
    ['facets 24 h', '/facets?from=24h'],
    ['context (10 before, 10 after)', `/logs/${anchor?.id}/context`],
  ];
  for (const [name, path] of queries) figure('query', name, (await medianMs(`${base}${path}`, RUNS)).toFixed(1), 'ms', 'via api, median');
  const exported = await streamRowsPerSecond(`${base}/export?format=ndjson&level=CRITICAL`);
  figure('query', `export NDJSON (${exported.rows} rows)`, Math.round(exported.rowsPerSecond), 'rows/s', 'streamed');
  figure('web', 'GET / server render', (await medianMs(`http://127.0.0.1:${webPort}/`, RUNS)).toFixed(1), 'ms', 'rows + histogram + facets');
  figure('memory', 'api RSS after the query load', api.rssMiB().toFixed(0), 'MiB', `${EVENTS} events stored`);
  await web.stop();
  await api.stop();
}

async function measureIngest(ceiling) {
  for (const transport of ['http', 'tcp']) {
    const dataDir = join(work, `ingest-${transport}`);
    const apiPort = await freePort();
    const tcpPort = await freePort();
    const api = startApp('api', [], { API_PORT: String(apiPort), INGEST_TCP_PORT: String(tcpPort), LOGLINE_DATA_DIR: dataDir, RATE_LIMIT_INGEST_PER_MINUTE: '0' });
    await waitForOk(`http://127.0.0.1:${apiPort}/api/v1/health`, api);
    const target = transport === 'http' ? `http://127.0.0.1:${apiPort}/api/v1/ingest` : `tcp://127.0.0.1:${tcpPort}`;
    const perProducer = Math.floor(INGEST_EVENTS / 4);
    const run = await runToEnd('generator', ['--target', target, '--rate', '0', '--producers', '4', '--batch', '5000', '--count', String(perProducer), '--producer', `ingest-${transport}`]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let stored = 0;
    for (let i = 0; i < 4; i += 1) stored += (await (await fetch(`http://127.0.0.1:${apiPort}/api/v1/producers/ingest-${transport}-${i}`)).json()).distinct_seq;
    const rate = (perProducer * 4) / run.seconds;
    const loss = perProducer * 4 - stored;
    figure('ingest', `end to end over ${transport.toUpperCase()} (4 producers)`, Math.round(rate), 'events/s', `${(rate / ceiling).toFixed(2)}x ceiling, lost ${loss}`);
    figure('memory', `api RSS after ${transport.toUpperCase()} ingest`, api.rssMiB().toFixed(0), 'MiB', '');
    await api.stop();
  }
}

function machine() {
  const version = spawnSync(process.execPath, ['-e', "console.log(require('chdb').getChdbVersion?.() ?? '')"], { cwd: ROOT, encoding: 'utf8' });
  return { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, engine: version.stdout.trim() || 'chdb (ClickHouse 26.7)' };
}
