interface ProducerSeqs {
  /** Highest seq stored when this process began watching the producer (-1: none). */
  highestBefore: number;
  /** Seqs above it stored since, as sorted disjoint ranges: [from0, to0, from1, to1, ...]. */
  ranges: number[];
}

/** Most producers watched; past it the longest-watched is forgotten (and asked about again). */
const MAX_PRODUCERS = 10_000;
/** Most ranges kept per producer; past it the closest two merge (their gap then gets checked). */
const MAX_RANGES = 64;

/**
 * What the table's only writer knows of each producer's stored seqs: the highest one stored
 * before it began watching the producer, and the ranges it stored itself since. A seq above the
 * first and outside the second cannot be stored yet, so that row needs no duplicate-check SELECT;
 * any other seq (a retry, a producer restarted from 0) is still checked. Sound only while
 * nothing else writes the table; after a failed insert, whose rows may be partly stored, the
 * producers involved are forgotten and asked about again.
 */
export class StoredSeqRanges {
  private readonly producers = new Map<string, ProducerSeqs>();

  /** Those of `producers` not watched yet. */
  unwatched(producers: Iterable<string>): string[] {
    return [...producers].filter((producer) => !this.producers.has(producer));
  }

  /** Starts watching a producer whose highest stored seq is `highestStored` (-1: none). */
  watch(producer: string, highestStored: number): void {
    if (this.producers.size >= MAX_PRODUCERS) this.producers.delete(this.producers.keys().next().value as string);
    this.producers.set(producer, { highestBefore: highestStored, ranges: [] });
  }

  /** True when no event of the producer with this seq can be stored. */
  isUnstored(producer: string, seq: number): boolean {
    const known = this.producers.get(producer);
    return known !== undefined && seq > known.highestBefore && !inRanges(known.ranges, seq);
  }

  /** Notes seqs of the producer just stored, in any order. */
  record(producer: string, seqs: readonly number[]): void {
    const known = this.producers.get(producer);
    if (!known) return;
    const above = seqs.filter((seq) => seq > known.highestBefore).sort((a, b) => a - b);
    const ranges = [...known.ranges];
    for (let start = 0, end = 0; start < above.length; start = end + 1) {
      end = start;
      while (end + 1 < above.length && above[end + 1] <= above[end] + 1) end += 1;
      ranges.push(above[start], above[end]);
    }
    known.ranges = mergeRanges(ranges);
  }

  forget(producers: Iterable<string>): void {
    for (const producer of producers) this.producers.delete(producer);
  }
}

function inRanges(ranges: readonly number[], seq: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (seq < ranges[2 * middle]) high = middle - 1;
    else if (seq > ranges[2 * middle + 1]) low = middle + 1;
    else return true;
  }
  return false;
}

/** Sorts and joins overlapping or adjacent ranges, then closes the smallest gaps down to MAX_RANGES. */
function mergeRanges(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const pair of pairs) {
    const last = merged[merged.length - 1];
    if (last && pair[0] <= last[1] + 1) last[1] = Math.max(last[1], pair[1]);
    else merged.push(pair);
  }
  while (merged.length > MAX_RANGES) {
    let closest = 0;
    for (let i = 1; i < merged.length - 1; i += 1) {
      if (merged[i + 1][0] - merged[i][1] < merged[closest + 1][0] - merged[closest][1]) closest = i;
    }
    // Claiming the gap as stored only sends its seqs to the SELECT: slower, never wrong.
    merged[closest][1] = merged[closest + 1][1];
    merged.splice(closest + 1, 1);
  }
  return merged.flat();
}
