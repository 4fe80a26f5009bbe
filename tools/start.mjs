#!/usr/bin/env node
// `npm start`: builds the three apps (Nx cache makes repeat builds instant), then runs the api
// (embedded ClickHouse, data in ./data), the web app and a generator feeding the api, prints the
// page's URL, and stops all three in order on Ctrl-C (generator, web, then the api, which stores
// what it has received before exiting).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const env = process.env;
const settings = Object.freeze({
  apiHost: env.API_HOST || '127.0.0.1',
  apiPort: Number(env.API_PORT || 4000),
  webHost: env.WEB_HOST || '127.0.0.1',
  webPort: Number(env.WEB_PORT || 3000),
  demoRate: Number(env.LOGLINE_DEMO_RATE ?? 20),
});
const problems = Object.entries(settings)
  .filter(([name, value]) => typeof value === 'number' && (!Number.isInteger(value) || value < 0))
  .map(([name]) => name);
if (problems.length > 0) {
  console.error(`npm start: invalid numbers for ${problems.join(', ')}`);
  process.exit(2);
}
const apiUrl = `http://${settings.apiHost}:${settings.apiPort}`;
const webUrl = `http://${settings.webHost}:${settings.webPort}`;

function build() {
  console.log('Building api, web and generator (cached after the first run)...');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api,web,generator', '--outputStyle=static'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, NX_DAEMON: 'false' },
  });
  if (result.status !== 0) {
    console.error('npm start: the build failed; run `npx nx run-many -t build` to see why.');
    process.exit(1);
  }
}

const children = [];

function run(name, args, extraEnv = {}) {
  // Each child in its own process group: Ctrl-C reaches only this script, which then stops the
  // children one by one in order (a second signal would make them skip their graceful stop).
  // Readable log lines for a person at a terminal (the apps' default is JSON, for collectors).
  const childEnv = { LOG_FORMAT: 'pretty', ...env, ...extraEnv };
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`npm start: ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the rest.`);
      void stop(1);
    }
  });
  children.push({ name, child });
  return child;
}

async function waitFor(url, name) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  console.error(`npm start: ${name} did not answer at ${url} within 60 s.`);
  await stop(1);
}

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const { name, child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const done = await Promise.race([exited.then(() => true), sleep(35_000).then(() => false)]);
    if (!done) {
      console.error(`npm start: ${name} did not stop in time; killing it.`);
      child.kill('SIGKILL');
    }
  }
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('exit', () => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

build();
run('api', ['dist/apps/api/main.js']);
await waitFor(`${apiUrl}/api/v1/health`, 'the api');
run('web', ['dist/apps/web/main.js'], { API_URL: env.API_URL || apiUrl });
await waitFor(`${webUrl}/healthz`, 'the web app');
if (settings.demoRate > 0) {
  run('generator', ['dist/apps/generator/main.js', '--target', `${apiUrl}/api/v1/ingest`, '--rate', String(settings.demoRate)]);
}
console.log(`\n  Logline is running: open ${webUrl}\n  (api ${apiUrl}, TCP ingest on port ${env.INGEST_TCP_PORT || 4001}; Ctrl-C stops everything)\n`);
