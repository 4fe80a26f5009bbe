import { allAcknowledged, emptyStats, formatSummary } from './summary';

describe('summary', () => {
  it('prints one JSON line with the documented keys in order', () => {
    const stats = { ...emptyStats('p1'), sent: 3, acked: 2, failed: 1, first_seq: 0, last_seq: 2 };
    expect(formatSummary(stats)).toBe('{"producer_id":"p1","sent":3,"acked":2,"failed":1,"first_seq":0,"last_seq":2}');
    expect(formatSummary(emptyStats('p2'))).toBe('{"producer_id":"p2","sent":0,"acked":0,"failed":0,"first_seq":null,"last_seq":null}');
  });

  it('counts a run as successful only when every producer had every event acknowledged', () => {
    const done = { ...emptyStats('a'), sent: 5, acked: 5 };
    expect(allAcknowledged([done, emptyStats('b')])).toBe(true);
    expect(allAcknowledged([done, { ...emptyStats('c'), sent: 5, acked: 4, failed: 1 }])).toBe(false);
    expect(allAcknowledged([{ ...emptyStats('d'), sent: 5, acked: 4 }])).toBe(false);
  });
});
