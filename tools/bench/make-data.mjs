// Writes N realistic, already-normalised rows (JSONEachRow) to a file: seeded, levels skewed,
// four sources, hosts, request ids, timestamps spread over the last seven days, a few rare words.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const LEVELS = [['INFO', 0.75], ['DEBUG', 0.12], ['WARNING', 0.09], ['ERROR', 0.035], ['CRITICAL', 0.005]];
const SOURCES = ['auth', 'payment', 'search', 'profile'];
const MESSAGES = {
  auth: (r) => `User u-${r(100000)} logged in from 10.${r(255)}.${r(255)}.${r(255)} via password`,
  payment: (r) => `Charged ${r(500)}.${r(99)} EUR for order ord_${r(1e9).toString(16)} via stripe`,
  search: (r) => `Query "${['winter jacket', 'red shoes', 'laptop bag', 'coffee'][r(4)]}" returned ${r(5000)} hits in ${r(300)} ms`,
  profile: (r) => `User u-${r(100000)} updated ${['address', 'avatar', 'display_name'][r(3)]}`,
};
export const RARE_WORD = 'zanzibarquux';
export const PHRASE = 'gateway timeout upstream';

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickLevel(x) {
  let total = 0;
  for (const [level, weight] of LEVELS) if (x < (total += weight)) return level;
  return 'INFO';
}

export async function makeData(path, events, nowMs) {
  const next = random(42);
  const r = (n) => Math.floor(next() * n);
  const out = createWriteStream(path);
  const spanMs = 7 * 86_400_000;
  let bytes = 0;
  for (let i = 0; i < events; i += 1) {
    const source = SOURCES[i % 4];
    const level = pickLevel(next());
    let message = MESSAGES[source](r);
    if (i % 100_000 === 7) message += ` ${RARE_WORD}`;
    if (level === 'ERROR' && i % 7 === 0) message = `Payment ${PHRASE} after ${r(30000)} ms`;
    const ts = new Date(nowMs - spanMs + Math.floor((i / events) * spanMs)).toISOString();
    const line = JSON.stringify({
      timestamp: `${ts.slice(0, 10)} ${ts.slice(11, 23)}`,
      log_level: level,
      message,
      source,
      host: `${source}-${1 + r(3)}`,
      producer_id: `bench-${i % 8}`,
      seq: Math.floor(i / 8),
      attributes: { request_id: `${next().toString(36).slice(2, 12)}`, latency_ms: String(r(2000)) },
    }) + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
