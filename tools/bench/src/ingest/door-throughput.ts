/**
 * Events/s through each door of the api — the native NDJSON endpoint and the standard protocols —
 * measured the same way in the same run: the same events, in bodies of BATCH events, sent by
 * SENDERS concurrent senders (HTTP: each request answered once its rows are stored; syslog over
 * TCP: as many connections, until every event is stored), and every event checked stored.
 */
import { connect } from 'node:net';
import { request } from 'undici';
import { benchRow } from '../dataset/bench-events';
import { createRandom } from '../dataset/random';
import { getJson } from '../api/http';
import { doorPayloads, type DoorName, type DoorPayloads } from './door-payloads';
import type { RunningApi } from './running-api';

export interface DoorThroughput {
  door: DoorName;
  events: number;
  eventsPerSecond: number;
  /** Events stored (every one sent, when the door lost none). */
  stored: number;
}

const DOORS: readonly DoorName[] = ['ndjson', 'otlp-protobuf', 'otlp-json', 'loki-protobuf', 'loki-json', 'elasticsearch', 'syslog-tcp'];
const BATCH = 5000;
const SENDERS = 4;
const STORED_WITHIN_MS = 5 * 60_000;

export async function measureDoors(api: RunningApi, events: number): Promise<DoorThroughput[]> {
  const results: DoorThroughput[] = [];
  for (const [index, door] of DOORS.entries()) {
    const random = createRandom(1000 + index);
    const endMs = Date.now();
    const rows = Array.from({ length: events }, (_, i) => ({ ...benchRow(random, i, events, endMs - 3_600_000, endMs), producer_id: `door-ndjson-${i % 8}` }));
    const payloads = doorPayloads(door, rows, BATCH);
    const started = performance.now();
    if (door === 'syslog-tcp') await streamSyslog(api, payloads);
    else await postAll(api, payloads);
    const stored = await storedCount(api, payloads.source, events);
    const seconds = (performance.now() - started) / 1000;
    results.push({ door, events, eventsPerSecond: stored / seconds, stored });
  }
  return results;
}

async function postAll(api: RunningApi, { bodies, path, contentType }: DoorPayloads): Promise<void> {
  const origin = new URL(api.base).origin;
  let next = 0;
  const sender = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      for (;;) {
        const response = await request(`${origin}${path}`, { method: 'POST', body, headers: { 'content-type': contentType ?? '' } });
        await response.body.dump();
        // Storage behind: wait as Retry-After says, as the shippers do.
        if (response.statusCode === 503) await new Promise((resolve) => setTimeout(resolve, 1000));
        else if (response.statusCode >= 300) throw new Error(`${path} answered ${response.statusCode}`);
        else break;
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
}

async function streamSyslog(api: RunningApi, { bodies }: DoorPayloads): Promise<void> {
  const port = Number(api.syslogTarget.split(':').pop());
  const connections = Array.from({ length: SENDERS }, (_, sender) => bodies.filter((_, index) => index % SENDERS === sender));
  await Promise.all(
    connections.map(
      (frames) =>
        new Promise<void>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => {
            for (const frame of frames) socket.write(frame);
            socket.end();
          });
          socket.on('close', () => resolve());
          socket.on('error', reject);
        }),
    ),
  );
}

/** Waits until `expected` events of the source are stored; the count stored when it stops growing otherwise. */
async function storedCount(api: RunningApi, source: string, expected: number): Promise<number> {
  const deadline = Date.now() + STORED_WITHIN_MS;
  for (;;) {
    const { facets } = await getJson<{ facets: { source: { values: { count: number }[] } } }>(`${api.base}/facets?field=source&source=${source}`);
    const count = facets.source.values[0]?.count ?? 0;
    if (count >= expected || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
