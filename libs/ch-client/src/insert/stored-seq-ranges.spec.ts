import { StoredSeqRanges } from './stored-seq-ranges';

describe('StoredSeqRanges', () => {
  it('vouches only for seqs above the highest stored before, and not stored since', () => {
    const known = new StoredSeqRanges();
    expect(known.unwatched(['p', 'q'])).toEqual(['p', 'q']);
    known.watch('p', 9);
    known.record('p', [20, 21, 22, 12]);
    expect([9, 10, 12, 20, 22, 23].map((seq) => known.isUnstored('p', seq))).toEqual([false, true, false, false, false, true]);
    expect(known.isUnstored('q', 100)).toBe(false);
    known.forget(['p']);
    expect(known.isUnstored('p', 30)).toBe(false);
  });

  it('never vouches for a stored seq, however scattered the stored seqs are', () => {
    const known = new StoredSeqRanges();
    known.watch('p', -1);
    const stored = new Set<number>();
    let state = 7;
    for (let batch = 0; batch < 50; batch += 1) {
      const seqs = Array.from({ length: 20 }, () => (state = (state * 48271) % 2147483647) % 5000);
      known.record('p', seqs);
      seqs.forEach((seq) => stored.add(seq));
    }
    for (const seq of stored) expect(known.isUnstored('p', seq)).toBe(false);
    expect(known.isUnstored('p', 5000)).toBe(true);
  });
});
