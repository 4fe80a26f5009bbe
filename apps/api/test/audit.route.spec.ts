import { startTestApi, event, type TestApi } from './test-app';

describe('delivery audit and dead letters', () => {
  let api: TestApi;
  const post = (lines: string[]) =>
    api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  const at = (seq: number, offsetMs = 0) => new Date(Date.now() - 3_600_000 + offsetMs + seq * 1000).toISOString();

  beforeAll(async () => {
    api = await startTestApi();
    const clean = Array.from({ length: 50 }, (_, seq) => event(seq, { producer_id: 'clean', timestamp: at(seq) }));
    await post(clean);
    // A retry of the same request: absorbed, not stored twice.
    await post(clean.slice(10, 30));
    // Seqs 20-24 and 40 withheld on purpose; then the producer restarts from 0 later.
    const gappy = Array.from({ length: 50 }, (_, seq) => seq)
      .filter((seq) => !(seq >= 20 && seq <= 24) && seq !== 40)
      .map((seq) => event(seq, { producer_id: 'gappy', timestamp: at(seq) }));
    const rebooted = Array.from({ length: 5 }, (_, seq) => event(seq, { producer_id: 'gappy', timestamp: at(seq, 600_000) }));
    await post([...gappy, ...rebooted]);
    await post(['{"not":"an event"}', 'garbage', '{"timestamp":"2026-11-28T00:00:00Z","level":"loud","message":"m","source":"s"}']);
    await api.ingest.close();
  });
  afterAll(() => api.close());

  it('gives a clean bill to a producer whose every event is stored once, counting absorbed retries', async () => {
    const { producers } = (await api.app.inject({ url: '/api/v1/audit?producer_id=clean' })).json();
    expect(producers).toEqual([
      expect.objectContaining({ producer_id: 'clean', status: 'complete', expected: 50, stored: 50, missing: 0, duplicates_stored: 0, duplicates_absorbed: 20 }),
    ]);
  });

  it('names the withheld ranges and treats a restart from seq 0 as a new boot', async () => {
    const [gappy] = (await api.app.inject({ url: '/api/v1/audit?producer_id=gappy' })).json().producers;
    expect(gappy).toMatchObject({ status: 'missing', expected: 55, stored: 49, missing: 6 });
    expect(gappy.boots.map((boot: { missing_ranges: number[][] }) => boot.missing_ranges)).toEqual([[[20, 24], [40, 40]], []]);
    expect(gappy.boots[1]).toMatchObject({ boot: 1, first_seq: 0, last_seq: 4, stored: 5 });
  });

  it('lists recent rejected lines with counts by reason', async () => {
    const errors = (await api.app.inject({ url: '/api/v1/ingest-errors?from=1h' })).json();
    expect(errors.total).toBe(3);
    expect(errors.by_code).toEqual(
      expect.arrayContaining([{ code: 'missing_field', count: 1 }, { code: 'invalid_json', count: 1 }, { code: 'invalid_value', count: 1 }]),
    );
    expect(errors.recent.map((row: { raw: string }) => row.raw)).toContain('garbage');
  });
});
