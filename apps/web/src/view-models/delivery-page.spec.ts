import type { ProducerAudit } from '@logline/api-contract';
import { buildDeliveryPage, describeRanges } from './delivery-page';

const producer = (overrides: Partial<ProducerAudit> = {}): ProducerAudit => ({
  producer_id: 'p1',
  status: 'complete',
  expected: 100000,
  stored: 100000,
  missing: 0,
  duplicates_stored: 0,
  duplicates_absorbed: 12,
  last_ingested_at: '2026-11-28T17:00:00.123Z',
  lag_p50_ms: 40,
  lag_p95_ms: 90,
  boots: [{ boot: 0, first_seq: 0, last_seq: 99999, expected: 100000, stored: 100000, missing: 0, missing_ranges: [], duplicates_stored: 0, first_timestamp: '', last_timestamp: '' }],
  ...overrides,
});

const noErrors = { total: 0, by_code: [], recent: [] };

describe('buildDeliveryPage', () => {
  it('gives a clean bill when every producer is complete', () => {
    const page = buildDeliveryPage('24h', { since: '', producers: [producer()] }, noErrors);
    expect(page.verdict).toBe('The one producer: every event stored exactly once.');
    expect(page.producers[0]).toMatchObject({ expected: '100,000', stored: '100,000', missingRanges: '—', duplicatesAbsorbed: '12', lag: '40 / 90 ms' });
  });

  it('names missing ranges and flags the producer', () => {
    const gappy = producer({ status: 'missing', missing: 6, boots: [{ ...producer().boots[0], missing_ranges: [[20, 24], [40, 40]] }] });
    const page = buildDeliveryPage('1h', { since: '', producers: [gappy, producer({ producer_id: 'p2' })] }, noErrors);
    expect(page.verdict).toBe('1 of 2 producers have missing or duplicated events.');
    expect(page.producers[0]).toMatchObject({ statusText: 'missing events', statusClass: 'badge badge-error', missingRanges: '20–24, 40' });
  });

  it('lists rejections with their raw text untouched for the template to escape', () => {
    const errors = { total: 1, by_code: [{ code: 'invalid_json', count: 1 }], recent: [{ received_at: '2026-11-28T17:00:00.000Z', transport: 'http', peer: '127.0.0.1:5', line: 2, code: 'invalid_json', reason: 'invalid JSON', raw: '<script>x</script>' }] };
    const page = buildDeliveryPage('24h', { since: '', producers: [] }, errors);
    expect(page.rejections[0].raw).toBe('<script>x</script>');
    expect(page.rejectionCodes).toEqual([{ code: 'invalid_json', count: '1' }]);
    expect(describeRanges([])).toBe('—');
  });
});
