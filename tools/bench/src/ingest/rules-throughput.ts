/**
 * What processing rules cost at ingest: the end-to-end HTTP run again (same generator traffic,
 * producers and batches), against an api started with PROCESSING_RULES_FILE set to the 10-rule
 * example, so the table puts events/s with the rules beside the run without them. The example's
 * drop and sample rules leave some events unstored by design, so the rate counts acknowledged
 * events and the stored share is reported rather than checked.
 */
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@logline/testing';
import { getJson } from '../api/http';
import { runGenerator, totalOf } from '../processes/generator-run';
import { median } from '../stats';
import { startApi } from './running-api';

export const EXAMPLE_RULES_FILE = join('config', 'processing-rules.example.yaml');

export interface RulesThroughput {
  rulesFile: string;
  events: number;
  runs: number;
  /** Acknowledged events per second, median of the runs. */
  eventsPerSecond: number;
  /** Stored events / acknowledged ones: what the drop and sample rules kept. */
  storedShare: number;
  /** Every run's generator exited 0 with every event acknowledged. */
  allAcknowledged: boolean;
}

const PRODUCERS = 4;
const BATCH = 5000;

export async function measureRulesThroughput(work: string, events: number, runs: number): Promise<RulesThroughput> {
  const api = await startApi(join(work, 'rules'), { PROCESSING_RULES_FILE: join(WORKSPACE_ROOT, EXAMPLE_RULES_FILE) });
  const rates: number[] = [];
  let acked = 0;
  let stored = 0;
  let allAcknowledged = true;
  try {
    for (let run = 0; run < runs; run += 1) {
      const producer = `rules-http-${run}`;
      const count = Math.ceil(events / PRODUCERS);
      const result = await runGenerator({ target: api.httpTarget, producer, producers: PRODUCERS, rate: 0, batch: BATCH, count }, 30 * 60_000);
      const runAcked = totalOf(result.summaries, 'acked');
      allAcknowledged &&= result.code === 0 && runAcked === totalOf(result.summaries, 'sent');
      rates.push(runAcked / result.seconds);
      acked += runAcked;
      for (const summary of result.summaries) stored += (await getJson<{ stored: number }>(`${api.base}/producers/${encodeURIComponent(summary.producer_id)}`)).stored;
    }
  } finally {
    await api.app.stop();
  }
  return { rulesFile: EXAMPLE_RULES_FILE, events, runs, eventsPerSecond: median(rates), storedShare: acked === 0 ? 0 : stored / acked, allAcknowledged };
}
