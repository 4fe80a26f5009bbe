/**
 * The newest stored events, held in memory by the process that writes them, so the explorer's
 * first pages (the latest 100, filtered by level or source, and the pages after them) need no
 * query. Only for a sole writer of logs.application_logs — the embedded engine, whose data
 * directory belongs to one process — since every insert must pass through `store`.
 *
 * The invariant: once loaded, the set holds *every* stored event dated at or after `floorMs`.
 * A page that lies entirely at or after it is answered here with the rows, ids and order the
 * table would give; any other page is left to the table.
 */
import { retentionHorizonMs, type LogLevel } from '@logline/log-schema';
import { filtersHeldInMemory, matchesFilters } from './filter-in-memory';
import type { LogFilters } from '../sql/log-filters';
import type { LogCursor } from '../cursors/log-id';
import type { LogRecord } from '../sql/log-record';
import type { PreparedLogRow } from '../insert/prepared-row';
import { rowKeyOf } from './row-key';

/**
 * Reads the newest `count` stored events (all of them when fewer are stored), newest first, in
 * the order the table pages them.
 */
export type NewestLogsLoader = (count: number) => Promise<LogRecord[]>;

export interface RecentLogsOptions {
  /** The table's retention: events about to expire are left to the table. */
  retentionDays: number;
  /** Events held (more while events share the oldest held timestamp). Default 50 000. */
  capacity?: number;
  /** Called when reading the newest events fails (the table answers meanwhile). */
  onLoadError?: (error: unknown) => void;
}

/** Events held beyond `capacity` before the oldest are dropped (so not every insert trims). */
const SLACK = 1.25;
/** Events within this much of expiring are left to the table, whose TTL may drop them. */
const EXPIRY_MARGIN_MS = 3_600_000;
/** After a failed load, the next one waits this long. */
const RELOAD_BACKOFF_MS = 5_000;

export class RecentLogs {
  private entries: RecentEntry[] = [];
  /**
   * The same events by level, each list in time order: a page filtered by one level (ERROR, say,
   * a few percent of events) walks only that level's events.
   */
  private byLevel = new Map<string, RecentEntry[]>();
  /** All stored events dated at or after this are in `entries`; undefined until loaded. */
  private floorMs: number | undefined;
  private loading: Promise<void> | undefined;
  private lastFailureMs = -Infinity;
  /** Loads and stores run one at a time, so a load never misses a concurrent insert. */
  private turn: Promise<unknown> = Promise.resolve();
  private readonly capacity: number;

  constructor(
    private readonly loadNewest: NewestLogsLoader,
    private readonly options: RecentLogsOptions,
  ) {
    this.capacity = options.capacity ?? 50_000;
  }

  /** True once the newest events are held. */
  get loaded(): boolean {
    return this.floorMs !== undefined;
  }

  /** Events held now. */
  get size(): number {
    return this.entries.length;
  }

  /** Reads the newest events from the table, unless they are held already. */
  load(): Promise<void> {
    this.loading ??= this.exclusive(() => this.readNewest()).finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Starts reading the newest events, unless held, being read, or a read failed just now. */
  warmUp(): void {
    if (this.loaded || this.loading || Date.now() - this.lastFailureMs < RELOAD_BACKOFF_MS) return;
    this.load().catch((error: unknown) => {
      this.lastFailureMs = Date.now();
      this.options.onLoadError?.(error);
    });
  }

  /**
   * Runs the insert of `rows`, stamped `ingestedMs`, then holds them. A failed insert may have
   * stored part of its rows: the set is read again from the table. (An insert that succeeded
   * stored the rows' text as it is, but for a lone surrogate, which UTF-8 cannot hold: the Native
   * insert writes U+FFFD for it. The ingest paths refuse such text before it gets here.)
   */
  store(rows: readonly PreparedLogRow[], ingestedMs: number, insert: () => Promise<void>): Promise<void> {
    return this.exclusive(async () => {
      try {
        await insert();
      } catch (error) {
        this.forget();
        throw error;
      }
      if (this.floorMs !== undefined) this.hold(rows, ingestedMs);
    });
  }

  /**
   * The page's records, at most `limit + 1` in order after `after`, when every one of them is
   * held; undefined when the table must answer (not loaded, text terms, or rows beyond the floor).
   */
  page(filters: LogFilters & { limit: number }, order: 'asc' | 'desc', after?: LogCursor): LogRecord[] | undefined {
    if (this.floorMs === undefined) {
      this.warmUp();
      return undefined;
    }
    if (!filtersHeldInMemory(filters)) return undefined;
    // A held event this old may be gone from the table (TTL): a page reaching one is the table's.
    const expiringMs = retentionHorizonMs(this.options.retentionDays) + EXPIRY_MARGIN_MS;
    const scan = { filters, floorMs: this.floorMs, expiringMs, after };
    return order === 'desc' ? this.descending(scan) : this.ascending(scan);
  }

  /** Drops what is held; the next page reads the newest events again. */
  forget(): void {
    this.setEntries([]);
    this.floorMs = undefined;
  }

  private descending({ filters, floorMs, expiringMs, after }: Scan): LogRecord[] | undefined {
    const entries = this.candidates(filters);
    const wanted = filters.limit + 1;
    const lowest = Math.max(filters.fromMs ?? -Infinity, floorMs);
    const below = Math.min(filters.toMs ?? Infinity, after ? after.timestampMs + 1 : Infinity);
    const out: RecentEntry[] = [];
    // Walks down one timestamp at a time; events sharing one are ordered by row key.
    let last = firstAtOrAfter(entries, below) - 1;
    while (last >= 0 && entries[last].ts_ms >= lowest) {
      const ms = entries[last].ts_ms;
      if (ms < expiringMs) return undefined;
      let first = last;
      while (first > 0 && entries[first - 1].ts_ms === ms) first -= 1;
      addTied(out, entries, first, last, filters, 'desc', ms === after?.timestampMs ? BigInt(after.rowKey) : undefined);
      if (out.length >= wanted) return out.slice(0, wanted);
      last = first - 1;
    }
    // Fewer than a page: complete only when nothing older than the floor could belong to it.
    return (filters.fromMs ?? -Infinity) >= floorMs ? out : undefined;
  }

  private ascending({ filters, floorMs, expiringMs, after }: Scan): LogRecord[] | undefined {
    const entries = this.candidates(filters);
    const wanted = filters.limit + 1;
    const lowest = Math.max(filters.fromMs ?? -Infinity, after?.timestampMs ?? -Infinity);
    if (lowest < floorMs) return undefined;
    const limitMs = filters.toMs ?? Infinity;
    const out: RecentEntry[] = [];
    let first = firstAtOrAfter(entries, lowest);
    while (first < entries.length && entries[first].ts_ms < limitMs) {
      const ms = entries[first].ts_ms;
      if (ms < expiringMs) return undefined;
      let last = first;
      while (last + 1 < entries.length && entries[last + 1].ts_ms === ms) last += 1;
      addTied(out, entries, first, last, filters, 'asc', ms === after?.timestampMs ? BigInt(after.rowKey) : undefined);
      if (out.length >= wanted) return out.slice(0, wanted);
      first = last + 1;
    }
    return out;
  }

  private async readNewest(): Promise<void> {
    if (this.floorMs !== undefined) return;
    const records = await this.loadNewest(this.capacity);
    const entries = records.reverse().map((record) => RecentEntry.read(record));
    if (entries.length < this.capacity) {
      this.setEntries(entries);
      this.floorMs = -Infinity;
      return;
    }
    // The oldest timestamp read may have more events than fit: hold only the later ones.
    const oldestMs = entries[0].ts_ms;
    this.setEntries(entries.slice(firstAtOrAfter(entries, oldestMs + 1)));
    this.floorMs = oldestMs + 1;
  }

  private hold(rows: readonly PreparedLogRow[], ingestedMs: number): void {
    const floor = this.floorMs ?? Infinity;
    const fresh: RecentEntry[] = [];
    for (const prepared of rows) {
      if (prepared.timestampMs >= floor) fresh.push(RecentEntry.stored(prepared, ingestedMs));
    }
    if (fresh.length === 0) return;
    fresh.sort((a, b) => a.ts_ms - b.ts_ms);
    const last = this.entries[this.entries.length - 1];
    if (!last || fresh[0].ts_ms >= last.ts_ms) {
      for (const entry of fresh) {
        this.entries.push(entry);
        this.levelList(entry.log_level).push(entry);
      }
    } else {
      const split = firstAtOrAfter(this.entries, fresh[0].ts_ms + 1);
      this.setEntries(this.entries.slice(0, split).concat(mergeByTime(this.entries.slice(split), fresh)));
    }
    if (this.entries.length > this.capacity * SLACK) this.trim();
  }

  /**
   * Keeps the newest `capacity` events and raises the floor. Events sharing the oldest kept
   * timestamp stay together, or all go when there are too many of them.
   */
  private trim(): void {
    let newFloor = this.entries[this.entries.length - this.capacity].ts_ms;
    let keepFrom = firstAtOrAfter(this.entries, newFloor);
    if (this.entries.length - keepFrom > this.capacity * SLACK) {
      newFloor += 1;
      keepFrom = firstAtOrAfter(this.entries, newFloor);
    }
    this.setEntries(this.entries.slice(keepFrom));
    this.floorMs = Math.max(this.floorMs ?? -Infinity, newFloor);
  }

  /** Replaces the held events, and their lists by level. */
  private setEntries(entries: RecentEntry[]): void {
    this.entries = entries;
    this.byLevel = new Map();
    for (const entry of entries) this.levelList(entry.log_level).push(entry);
  }

  private levelList(level: string): RecentEntry[] {
    let list = this.byLevel.get(level);
    if (!list) this.byLevel.set(level, (list = []));
    return list;
  }

  /** The held events a page must look at: one level's, when the filters name exactly one. */
  private candidates(filters: LogFilters): readonly RecentEntry[] {
    return filters.levels?.length === 1 ? (this.byLevel.get(filters.levels[0]) ?? []) : this.entries;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }
}

/** What a page asks of the held events. */
interface Scan {
  filters: LogFilters & { limit: number };
  floorMs: number;
  expiringMs: number;
  after: LogCursor | undefined;
}

/** One held event, in the shape the table's rows are read in; its row key is computed when first needed. */
class RecentEntry implements LogRecord {
  private key: bigint | undefined;

  private constructor(
    readonly ts_ms: number,
    readonly log_level: LogLevel,
    readonly message: string,
    readonly source: string,
    readonly host: string,
    readonly producer_id: string,
    readonly seq: number | null,
    readonly attributes: Record<string, string>,
    readonly trace_id: string,
    readonly span_id: string,
    readonly pattern_id: string,
    readonly ingested_ms: number,
    key?: bigint,
  ) {
    this.key = key;
  }

  static stored({ row, timestampMs, patternId }: PreparedLogRow, ingestedMs: number): RecentEntry {
    const { log_level, message, source, host, producer_id, seq, attributes, trace_id, span_id } = row;
    return new RecentEntry(timestampMs, log_level, message, source, host, producer_id, seq, attributes, trace_id, span_id, patternId, ingestedMs);
  }

  static read(record: LogRecord): RecentEntry {
    const { log_level, message, source, host, producer_id, attributes, trace_id, span_id, pattern_id } = record;
    const seq = record.seq === null ? null : Number(record.seq);
    const ingestedMs = Number(record.ingested_ms);
    const key = BigInt(record.row_key);
    return new RecentEntry(Number(record.ts_ms), log_level, message, source, host, producer_id, seq, attributes, trace_id, span_id, pattern_id, ingestedMs, key);
  }

  get rowKey(): bigint {
    this.key ??= rowKeyOf(this);
    return this.key;
  }

  get row_key(): string {
    return this.rowKey.toString();
  }
}

/**
 * Adds the matching events of entries[first..last] (one timestamp) to `out` in row-key order,
 * only those beyond `afterKey` when the page continues inside this timestamp.
 */
function addTied(
  out: RecentEntry[],
  entries: readonly RecentEntry[],
  first: number,
  last: number,
  filters: LogFilters,
  order: 'asc' | 'desc',
  afterKey: bigint | undefined,
): void {
  if (first === last && afterKey === undefined) {
    if (matchesFilters(entries[first], filters)) out.push(entries[first]);
    return;
  }
  const tied: RecentEntry[] = [];
  for (let index = first; index <= last; index += 1) {
    const entry = entries[index];
    if (!matchesFilters(entry, filters)) continue;
    if (afterKey !== undefined && (order === 'desc' ? entry.rowKey >= afterKey : entry.rowKey <= afterKey)) continue;
    tied.push(entry);
  }
  tied.sort(order === 'desc' ? (a, b) => compareKeys(b, a) : compareKeys);
  for (const entry of tied) out.push(entry);
}

function compareKeys(a: RecentEntry, b: RecentEntry): number {
  return a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0;
}

/** Index of the first entry dated at or after `ms` (entries ascend by time). */
function firstAtOrAfter(entries: readonly RecentEntry[], ms: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle].ts_ms < ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mergeByTime(a: readonly RecentEntry[], b: readonly RecentEntry[]): RecentEntry[] {
  const merged: RecentEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i].ts_ms <= b[j].ts_ms ? a[i++] : b[j++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}
