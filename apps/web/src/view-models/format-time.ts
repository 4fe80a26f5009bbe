// How times read on the page: UTC, with milliseconds, and durations in words.

const UNIT_NAMES: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' };

/** `2026-11-28 17:00:00.123` for any ISO 8601 time (shown in UTC); other text unchanged. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').replace('Z', '');
}

/** `15 minutes`, `1 hour` for a relative duration such as `15m`; undefined for anything else. */
export function describeDuration(value: string): string | undefined {
  const match = /^(\d+)([smhdw])$/.exec(value);
  if (match === null) return undefined;
  const count = Number(match[1]);
  return `${count} ${UNIT_NAMES[match[2]]}${count === 1 ? '' : 's'}`;
}

/** The time range of a search in words: `All time`, `Last 15 minutes`, `From … to …`. */
export function describeTimeRange(from: string | undefined, to: string | undefined): string {
  if (from === undefined && to === undefined) return 'All time';
  if (to === undefined) {
    const duration = describeDuration(from as string);
    return duration === undefined ? `Since ${describeBound(from as string)}` : `Last ${duration}`;
  }
  if (from === undefined) return `Until ${describeBound(to)}`;
  return `From ${describeBound(from)} to ${describeBound(to)}`;
}

function describeBound(value: string): string {
  if (value === 'now') return 'now';
  const duration = describeDuration(value);
  return duration === undefined ? `${formatUtc(value)} UTC` : `${duration} ago`;
}
