// Shapes one event and its neighbours for the event page.
import type { LogContext } from '@logline/api-contract';
import { toLogRowView, type LogRowView } from './log-row';

export interface EventPageView {
  readonly title: string;
  readonly json: string;
  readonly scopeText: string;
  readonly rows: readonly (LogRowView & { anchor: boolean })[];
  /** `filterHref`: the explorer narrowed to this value, when the search syntax can say it. */
  readonly attributes: readonly { name: string; value: string; filterHref?: string }[];
  readonly backHref: string;
  /** The event's trace, when it names one. */
  readonly trace?: TraceView;
}

export interface TraceView {
  readonly traceId: string;
  readonly spanId: string;
  /** The explorer listing every event of the trace, oldest first. */
  readonly eventsHref: string;
  /** The trace in the tracing UI of TRACE_URL_TEMPLATE, when one is configured. */
  readonly externalHref?: string;
}

/** `traceUrlTemplate`: an http(s) URL with `{trace_id}` (TRACE_URL_TEMPLATE), or undefined. */
export function buildEventPage(context: LogContext, traceUrlTemplate?: string): EventPageView {
  const anchor = context.anchor;
  const scopeText =
    context.scope === 'producer' ? `the same producer (${anchor.producer_id})` : `the same source (${anchor.source})`;
  return {
    title: 'Event',
    json: JSON.stringify(anchor, null, 2),
    scopeText,
    rows: [...context.before, anchor, ...context.after].map((log) => ({ ...toLogRowView(log), anchor: log.id === anchor.id })),
    attributes: Object.entries(anchor.attributes).map(([name, value]) => ({ name, value, filterHref: attributeFilterHref(name, value) })),
    backHref: `/?source=${encodeURIComponent(anchor.source)}&to=${encodeURIComponent(new Date(Date.parse(anchor.timestamp) + 1).toISOString())}`,
    trace: anchor.trace_id === '' ? undefined : buildTraceView(anchor.trace_id, anchor.span_id, traceUrlTemplate),
  };
}

/** The api stores trace ids as lower-case hex, so they go into a search or a URL as they are. */
function buildTraceView(traceId: string, spanId: string, traceUrlTemplate?: string): TraceView {
  return {
    traceId,
    spanId,
    eventsHref: `/?${new URLSearchParams({ q: `trace_id:${traceId}`, order: 'asc' }).toString()}`,
    externalHref: traceUrlTemplate?.replaceAll('{trace_id}', encodeURIComponent(traceId)),
  };
}

/**
 * `attributes.<name>:<value>` as a search, quoted when the value has spaces or colons. Names with
 * spaces, colons or quotes, and values with quotes or a trailing `*` (a prefix search), cannot be
 * written in the syntax: no link for them.
 */
export function attributeFilterHref(name: string, value: string): string | undefined {
  if (!/^[^\s:"]+$/.test(name) || value.includes('"') || value.endsWith('*')) return undefined;
  const term = `attributes.${name}:${value === '' || /[\s:]/.test(value) ? `"${value}"` : value}`;
  return `/?${new URLSearchParams({ q: term }).toString()}`;
}
