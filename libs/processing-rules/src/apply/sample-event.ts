/**
 * Keeps a fixed fraction of events, decided by a hash of the rule and the event, not by chance: a
 * retried event gets the same answer on every api replica and in Vector (VRL's `md5`), so a
 * sampled stream never keeps half of a retry.
 */
import { createHash } from 'node:crypto';
import type { LogRow } from '@logline/log-schema';

/** The hash's first 32 bits are compared against rate * 2^32. */
export function sampleThreshold(rate: number): number {
  return Math.floor(rate * 2 ** 32);
}

/** What the hash covers: the rule's name and the fields that tell one event from another. */
function sampleKey(ruleName: string, row: LogRow): string {
  return [ruleName, row.timestamp, row.producer_id, row.seq ?? '', row.source, row.host, row.message].join('\n');
}

export function keepsSample(ruleName: string, rate: number, row: LogRow): boolean {
  const digest = createHash('md5').update(sampleKey(ruleName, row)).digest();
  return digest.readUInt32BE(0) < sampleThreshold(rate);
}
