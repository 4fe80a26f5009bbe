import type { LogContext } from '@logline/api-contract';
import type { StoredLog } from '@logline/log-schema';
import { attributeFilterHref, buildEventPage } from './event-page';

const log = (seq: number, overrides: Partial<StoredLog> = {}): StoredLog => ({
  id: `100${seq}.${seq}`,
  timestamp: `2026-11-28T17:00:0${seq}.000Z`,
  log_level: 'INFO',
  message: `m${seq}`,
  source: 'auth',
  host: 'h1',
  producer_id: 'p1',
  seq,
  attributes: {},
  trace_id: '',
  span_id: '',
  pattern_id: '3f0c9a1be27d4c58',
  ingested_at: '2026-11-28T17:00:09.000Z',
  ...overrides,
});

describe('buildEventPage', () => {
  it('puts the anchor between its neighbours, marked, with its attributes and full JSON', () => {
    const anchor = log(2, { attributes: { user: '<b>x</b>' } });
    const page = buildEventPage({ scope: 'producer', anchor, before: [log(0), log(1)], after: [log(3)] });
    expect(page.rows.map((row) => [row.seq, row.anchor])).toEqual([['0', false], ['1', false], ['2', true], ['3', false]]);
    expect(page.attributes).toEqual([{ name: 'user', value: '<b>x</b>', filterHref: '/?q=attributes.user%3A%3Cb%3Ex%3C%2Fb%3E' }]);
    expect(JSON.parse(page.json)).toEqual(anchor);
    expect(page.scopeText).toBe('the same producer (p1)');
  });

  it('shows the trace of an event that names one, with the explorer listing it oldest first and the tracing UI', () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const anchor = log(2, { trace_id: trace, span_id: '00f067aa0ba902b7' });
    const context: LogContext = { scope: 'producer', anchor, before: [], after: [] };
    expect(buildEventPage(context, 'https://tempo.example/explore?trace={trace_id}&x={trace_id}').trace).toEqual({
      traceId: trace,
      spanId: '00f067aa0ba902b7',
      eventsHref: `/?q=trace_id%3A${trace}&order=asc`,
      externalHref: `https://tempo.example/explore?trace=${trace}&x=${trace}`,
    });
    expect(buildEventPage(context).trace?.externalHref).toBeUndefined();
    expect(buildEventPage({ ...context, anchor: log(2) }).trace).toBeUndefined();
  });

  it('links an attribute value to the explorer narrowed to it, quoting what the syntax needs quoted', () => {
    expect(attributeFilterHref('user_id', '42')).toBe('/?q=attributes.user_id%3A42');
    expect(attributeFilterHref('region', 'eu west:1')).toBe('/?q=attributes.region%3A%22eu+west%3A1%22');
    expect(attributeFilterHref('note', 'say "hi"')).toBeUndefined();
    expect(attributeFilterHref('path', '/api/*')).toBeUndefined();
    expect(attributeFilterHref('odd name', 'x')).toBeUndefined();
  });
});
