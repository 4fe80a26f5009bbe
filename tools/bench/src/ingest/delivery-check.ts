/** Zero-loss check: what the api stored per producer against what the generator sent. */
import { setTimeout as pause } from 'node:timers/promises';
import type { GeneratorSummary } from '@logline/testing';
import { getJson } from '../api/http';

interface StoredStats {
  stored: number;
  distinct_seq: number;
}

export interface Delivery {
  sent: number;
  stored: number;
  distinctSeq: number;
  /** Sent but not stored. */
  lost: number;
  /** Stored more than once. */
  duplicates: number;
}

/** Waits up to `settleMs` for TCP events still being stored, then compares. */
export async function checkDelivery(base: string, summaries: readonly GeneratorSummary[], settleMs: number): Promise<Delivery> {
  const deadline = Date.now() + settleMs;
  let delivery = await compare(base, summaries);
  while (delivery.distinctSeq < delivery.sent && Date.now() < deadline) {
    await pause(250);
    delivery = await compare(base, summaries);
  }
  return delivery;
}

async function compare(base: string, summaries: readonly GeneratorSummary[]): Promise<Delivery> {
  let sent = 0;
  let stored = 0;
  let distinctSeq = 0;
  for (const summary of summaries) {
    const stats = await getJson<StoredStats>(`${base}/producers/${encodeURIComponent(summary.producer_id)}`);
    sent += summary.sent;
    stored += stats.stored;
    distinctSeq += stats.distinct_seq;
  }
  return { sent, stored, distinctSeq, lost: sent - distinctSeq, duplicates: stored - distinctSeq };
}

/** Mean wire size of a producer's events (NDJSON line with its newline), from up to 1000 stored ones. */
export async function meanWireBytes(base: string, producerId: string): Promise<number> {
  const page = await getJson<{ rows: Record<string, unknown>[] }>(`${base}/logs?producer_id=${encodeURIComponent(producerId)}&limit=1000`);
  if (page.rows.length === 0) return 0;
  const bytes = page.rows.reduce((sum, row) => {
    const { timestamp, log_level, message, source, host, producer_id, seq, attributes } = row;
    return sum + Buffer.byteLength(JSON.stringify({ timestamp, log_level, message, source, host, producer_id, seq, attributes })) + 1;
  }, 0);
  return bytes / page.rows.length;
}
