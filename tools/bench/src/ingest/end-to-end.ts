/**
 * End-to-end ingest: generator → api (HTTP or TCP) → stored, as fast as the api accepts, several
 * producers, repeated; events/s and MB/s (median), with every event checked stored exactly once.
 */
import { median } from '../stats';
import { runGenerator, totalOf } from '../processes/generator-run';
import { checkDelivery, meanWireBytes } from './delivery-check';
import type { RunningApi } from './running-api';

export type Transport = 'http' | 'tcp';

export interface EndToEndResult {
  transport: Transport;
  producers: number;
  events: number;
  runs: number;
  eventsPerSecond: number;
  megabytesPerSecond: number;
  lost: number;
  duplicates: number;
  /** Every run's generator exited 0 (all acknowledged; over TCP, written before a clean close). */
  allAcknowledged: boolean;
}

const PRODUCERS = 4;
const BATCH = 5000;

export async function measureEndToEnd(api: RunningApi, transport: Transport, events: number, runs: number): Promise<EndToEndResult> {
  const rates: number[] = [];
  const bytes: number[] = [];
  let lost = 0;
  let duplicates = 0;
  let allAcknowledged = true;
  for (let run = 0; run < runs; run += 1) {
    const producer = `e2e-${transport}-${run}`;
    const target = transport === 'http' ? api.httpTarget : api.tcpTarget;
    const count = Math.ceil(events / PRODUCERS);
    const result = await runGenerator({ target, producer, producers: PRODUCERS, rate: 0, batch: BATCH, count }, 30 * 60_000);
    const delivery = await checkDelivery(api.base, result.summaries, 10_000);
    allAcknowledged &&= result.code === 0 && totalOf(result.summaries, 'acked') === delivery.sent;
    lost += delivery.lost;
    duplicates += delivery.duplicates;
    rates.push(delivery.sent / result.seconds);
    bytes.push(await meanWireBytes(api.base, `${producer}-0`));
  }
  const eventsPerSecond = median(rates);
  return {
    transport,
    producers: PRODUCERS,
    events,
    runs,
    eventsPerSecond,
    megabytesPerSecond: (eventsPerSecond * median(bytes)) / 1e6,
    lost,
    duplicates,
    allAcknowledged,
  };
}
