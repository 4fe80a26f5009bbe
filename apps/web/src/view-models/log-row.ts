import type { StoredLog } from '@logline/log-schema';
import { formatUtc } from './format-time';

/** One table row as the template prints it. Text stays raw: the template escapes it once. */
export interface LogRowView {
  readonly id: string;
  readonly timestamp: string;
  readonly isoTimestamp: string;
  readonly level: string;
  readonly badgeClass: string;
  readonly source: string;
  readonly message: string;
  readonly host: string;
  readonly producerId: string;
  readonly seq: string;
  /** Host, producer, sequence and attributes on one line, shown when hovering the message. */
  readonly details: string;
  /** The event's own page: full event and its neighbours. */
  readonly detailHref: string;
}

export function levelBadgeClass(level: string): string {
  return `badge badge-${level.toLowerCase()}`;
}

export function toLogRowView(log: StoredLog): LogRowView {
  const seq = log.seq === null ? '' : String(log.seq);
  const details = [
    ['host', log.host],
    ['producer', log.producer_id],
    ['seq', seq],
    ...Object.entries(log.attributes),
  ]
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${value}`)
    .join('  ');
  return {
    id: log.id,
    timestamp: formatUtc(log.timestamp),
    isoTimestamp: log.timestamp,
    level: log.log_level,
    badgeClass: levelBadgeClass(log.log_level),
    source: log.source,
    message: log.message,
    host: log.host,
    producerId: log.producer_id,
    seq,
    details,
    detailHref: `/logs/${encodeURIComponent(log.id)}`,
  };
}
