// Shapes the delivery audit and recent rejections for the Delivery page.
import type { Audit, IngestErrors } from '@logline/api-contract';
import { formatUtc } from './format-time';

export interface ProducerRowView {
  readonly producerId: string;
  readonly statusText: string;
  readonly statusClass: string;
  readonly expected: string;
  readonly stored: string;
  readonly missing: string;
  readonly missingRanges: string;
  readonly duplicatesStored: string;
  readonly duplicatesAbsorbed: string;
  readonly boots: number;
  readonly lastSeen: string;
  readonly lag: string;
}

export interface DeliveryPageView {
  readonly title: string;
  readonly range: string;
  readonly verdict: string;
  readonly verdictClass: string;
  readonly producers: readonly ProducerRowView[];
  readonly rejectedTotal: string;
  readonly rejectionCodes: readonly { code: string; count: string }[];
  readonly rejections: readonly { receivedAt: string; transport: string; peer: string; line: number; code: string; reason: string; raw: string }[];
}

const STATUS: Record<string, { text: string; className: string }> = {
  complete: { text: 'complete', className: 'badge badge-info' },
  missing: { text: 'missing events', className: 'badge badge-error' },
  duplicated: { text: 'duplicates stored', className: 'badge badge-warning' },
};

const number = (value: number) => value.toLocaleString('en-US');

export function describeRanges(ranges: readonly (readonly number[])[]): string {
  if (ranges.length === 0) return '—';
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}

export function buildDeliveryPage(from: string, audit: Audit, errors: IngestErrors): DeliveryPageView {
  const producers = audit.producers.map((producer): ProducerRowView => {
    const status = STATUS[producer.status] ?? { text: producer.status, className: 'badge badge-debug' };
    return {
      producerId: producer.producer_id,
      statusText: status.text,
      statusClass: status.className,
      expected: number(producer.expected),
      stored: number(producer.stored),
      missing: number(producer.missing),
      missingRanges: describeRanges(producer.boots.flatMap((boot) => boot.missing_ranges)),
      duplicatesStored: number(producer.duplicates_stored),
      duplicatesAbsorbed: number(producer.duplicates_absorbed),
      boots: producer.boots.length,
      lastSeen: producer.last_ingested_at ? formatUtc(producer.last_ingested_at) : '—',
      lag: producer.lag_p50_ms === null ? '—' : `${producer.lag_p50_ms} / ${producer.lag_p95_ms} ms`,
    };
  });
  const incomplete = audit.producers.filter((producer) => producer.status !== 'complete').length;
  return {
    title: 'Delivery',
    range: from,
    verdict:
      audit.producers.length === 0
        ? 'No producer has sent events with a seq in this range.'
        : incomplete === 0
          ? `${audit.producers.length === 1 ? 'The one producer' : `All ${audit.producers.length} producers`}: every event stored exactly once.`
          : `${incomplete} of ${audit.producers.length} producers have missing or duplicated events.`,
    verdictClass: incomplete === 0 ? 'verdict verdict-ok' : 'verdict verdict-bad',
    producers,
    rejectedTotal: number(errors.total),
    rejectionCodes: errors.by_code.map((entry) => ({ code: entry.code, count: number(entry.count) })),
    rejections: errors.recent.map((entry) => ({
      receivedAt: formatUtc(entry.received_at),
      transport: entry.transport,
      peer: entry.peer,
      line: entry.line,
      code: entry.code,
      reason: entry.reason,
      raw: entry.raw,
    })),
  };
}
