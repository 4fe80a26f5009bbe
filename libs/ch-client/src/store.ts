/**
 * The one object the apps hold for storage: every query and write of Logline, each on the right
 * client (reads on the reader, inserts and DDL on the writer). With the embedded engine this
 * process is the table's only writer, so the store also keeps the newest stored events in memory
 * and answers the explorer's first pages from them (see RecentLogs).
 */
import type { StoredLog } from '@logline/log-schema';
import type { LogField } from '@logline/search-syntax';
import type { Storage } from './connection/open-storage';
import type { LogCursor } from './cursors/log-id';
import { DashboardTileTable } from './dashboard-tiles/dashboard-tile-table';
import type { WriteBatch } from './insert/batch-inserter';
import type { DeadLetter } from './insert/dead-letter';
import { createLogRowWriter, type DuplicatesListener, type InsertListener } from './insert/log-row-writer';
import { NativeBlockInserter } from './insert/native-block-inserter';
import type { PreparedLogRow } from './insert/prepared-row';
import { recordDuplicates } from './insert/record-duplicates';
import { createPatternGroupsWriter, type PatternGroupsWriter } from './insert/save-pattern-groups';
import { writeDeadLetters } from './insert/write-dead-letters';
import { RecentLogs } from './memory/recent-logs';
import { aggregateLogs, type AggregateRequest, type AggregateResult } from './queries/aggregate-logs';
import { auditDelivery, type BootAudit } from './queries/audit-delivery';
import { countHistogram, type HistogramRequest, type HistogramResult } from './queries/count-histogram';
import { countLogs, type CountWindow } from './queries/count-logs';
import { countTopValues, type TopValues, type TopValuesOptions } from './queries/count-top-values';
import { findLog } from './queries/find-log';
import { findNewPatterns, type NewPattern } from './queries/find-new-patterns';
import { getProducerStats, type ProducerStats } from './queries/get-producer-stats';
import { listPatterns, type PatternList, type PatternListRequest } from './queries/list-patterns';
import { measureIngestLag, type SourceLag } from './queries/measure-ingest-lag';
import { pingStorage } from './queries/ping-storage';
import { readProducerActivity, type ProducerActivity } from './queries/read-producer-activity';
import { readAlertTransitions, recordAlertTransition, type AlertTransition } from './replica-state/alert-transitions';
import { readSessionEnds, recordSessionEnd, type SessionEnd } from './replica-state/web-session-ends';
import { exchangeRateLimitHits, type RateLimitHits } from './replica-state/rate-limit-hits';
import { beginSignIn, signInRetryAfterMs, succeedSignIn, type SignInCaller, type SignInLimits, type SignInStart } from './replica-state/sign-in-budgets';
import { newReplicaId } from './replica-state/replica-id';
import { readNewestRecords, searchLogs, type SearchLogsOptions, type SearchLogsResult } from './queries/search-logs';
import { summarizeIngestErrors, type IngestErrorSummary } from './queries/summarize-ingest-errors';
import { tailLogs, type TailPage, type TailPosition } from './queries/tail-logs';
import { SavedSearchTable } from './saved-searches/saved-search-table';
import { applyMigrations, type MigrationReport } from './schema/apply-migrations';
import type { LogFilters } from './sql/log-filters';

export interface StoreOptions {
  /** Raw events' retention in days (LOG_RETENTION_DAYS): the table's TTL, and what memory leaves to the table. */
  retentionDays: number;
  /** Attributes with a lookup index (INDEXED_ATTRIBUTES; see attribute-indexes.ts). Default: request_id. */
  indexedAttributes?: readonly string[];
  /** Called when reading the newest events into memory fails (the table answers meanwhile). */
  onRecentLoadError?: (error: unknown) => void;
}

export class Store {
  /** The newest stored events, held when this process is the table's only writer (embedded engine). */
  private readonly recent: RecentLogs | undefined;
  /** Saves merged patterns' templates, remembering which it saved. */
  private readonly savePatternGroups: PatternGroupsWriter;
  /** This process among the api replicas sharing the database: who migrates, whose alert transition is kept. */
  readonly replicaId = newReplicaId();
  /** The saved searches every user and replica shares (logs.saved_searches). */
  readonly savedSearches: SavedSearchTable;
  /** The saved searches pinned to the Dashboard, shared like them (logs.dashboard_tiles). */
  readonly dashboardTiles: DashboardTileTable;
  /** The embedded engine takes log rows as Native blocks; a server, as JSON text. */
  private readonly native: NativeBlockInserter | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly options: StoreOptions,
  ) {
    this.savedSearches = new SavedSearchTable(storage.reader, storage.writer);
    this.dashboardTiles = new DashboardTileTable(storage.reader, storage.writer);
    this.recent =
      storage.mode === 'embedded'
        ? new RecentLogs((count) => readNewestRecords(storage.reader, count), {
            retentionDays: options.retentionDays,
            onLoadError: options.onRecentLoadError,
          })
        : undefined;
    this.savePatternGroups = createPatternGroupsWriter(storage.writer);
    this.native = storage.mode === 'embedded' ? new NativeBlockInserter(storage.writer) : undefined;
  }

  get mode(): Storage['mode'] {
    return this.storage.mode;
  }

  /** Where the data lives: the data directory or the server URL (without credentials). */
  get location(): string {
    return this.storage.location;
  }

  /** Brings the schema to the newest version, the table's TTL to the configured retention and its attribute indexes to the configured list. */
  migrate(): Promise<MigrationReport> {
    return applyMigrations(this.storage.writer, {
      retentionDays: this.options.retentionDays,
      indexedAttributes: this.options.indexedAttributes,
      target: this.storage.schemaTarget,
      holder: this.replicaId,
    });
  }

  /** Starts reading the newest events into memory (embedded engine only); queries go to the table meanwhile. */
  warmUp(): void {
    this.recent?.warmUp();
  }

  /** True when the storage answers a trivial query. */
  ping(): Promise<boolean> {
    return pingStorage(this.storage.reader);
  }

  searchLogs(options: SearchLogsOptions): Promise<SearchLogsResult> {
    return searchLogs(this.storage.reader, options, this.recent);
  }

  findLog(id: LogCursor): Promise<StoredLog | undefined> {
    return findLog(this.storage.reader, id, this.recent);
  }

  countLogs(filters: LogFilters, window: CountWindow): Promise<number> {
    return countLogs(this.storage.reader, filters, window);
  }

  countHistogram(filters: LogFilters, request: HistogramRequest): Promise<HistogramResult> {
    return countHistogram(this.storage.reader, filters, request);
  }

  countTopValues(filters: LogFilters, field: LogField, limit: number, options?: TopValuesOptions): Promise<TopValues> {
    return countTopValues(this.storage.reader, filters, field, limit, options);
  }

  /** The Patterns view: stored pattern ids over the range grouped into patterns, busiest first. */
  listPatterns(filters: LogFilters, request: PatternListRequest): Promise<PatternList> {
    return listPatterns(this.storage.reader, this.savePatternGroups, filters, request);
  }

  /** Patterns first stored at or after `sinceMs` among the events matching `filters` (new-pattern alerts). */
  findNewPatterns(filters: LogFilters, sinceMs: number): Promise<NewPattern[]> {
    return findNewPatterns(this.storage.reader, filters, sinceMs);
  }

  /** A stats command over the matching events; throws StatsTooLargeError when a read limit stops it. */
  aggregateLogs(filters: LogFilters, request: AggregateRequest): Promise<AggregateResult> {
    return aggregateLogs(this.storage.reader, this.savePatternGroups, filters, request);
  }

  tailLogs(filters: LogFilters, options: { after: TailPosition; visibleUntilMs: number; limit: number }): Promise<TailPage> {
    return tailLogs(this.storage.reader, filters, options);
  }

  measureIngestLag(sinceMs: number): Promise<SourceLag[]> {
    return measureIngestLag(this.storage.reader, sinceMs);
  }

  auditDelivery(options: { sinceMs: number; producerId?: string }): Promise<BootAudit[]> {
    return auditDelivery(this.storage.reader, options);
  }

  readProducerActivity(sinceMs: number): Promise<ProducerActivity[]> {
    return readProducerActivity(this.storage.reader, sinceMs);
  }

  getProducerStats(producerId: string): Promise<ProducerStats> {
    return getProducerStats(this.storage.reader, producerId);
  }

  summarizeIngestErrors(sinceMs: number, limit: number): Promise<IngestErrorSummary> {
    return summarizeIngestErrors(this.storage.reader, sinceMs, limit);
  }

  /**
   * The batch writer of log rows (one per process: see createLogRowWriter). With the embedded
   * engine it trusts the seqs it stored itself, keeps the newest events in memory and inserts
   * Native blocks. `listener` hears of every insert as it settles.
   */
  createLogRowWriter(onDuplicates?: DuplicatesListener, listener?: InsertListener): WriteBatch<PreparedLogRow> {
    return createLogRowWriter(this.storage.writer, onDuplicates, {
      reader: this.storage.reader,
      soleWriter: this.recent !== undefined,
      recent: this.recent,
      native: this.native,
      listener,
    });
  }

  /** Stores rejected lines in logs.ingest_errors. */
  writeDeadLetters(letters: readonly DeadLetter[]): Promise<void> {
    return writeDeadLetters(this.storage.writer, letters);
  }

  /** Adds counts of absorbed duplicates per producer (for the delivery audit). */
  recordDuplicates(duplicatesByProducer: ReadonlyMap<string, number>): Promise<void> {
    return recordDuplicates(this.storage.writer, duplicatesByProducer);
  }

  /** The newest shared state of each of these alert rules that has one. */
  readAlertTransitions(rules: readonly string[]): Promise<Map<string, AlertTransition>> {
    return readAlertTransitions(this.storage.reader, rules);
  }

  /** Records an alert rule's next state; true when this replica's record is the one every replica keeps. */
  recordAlertTransition(change: AlertTransition): Promise<boolean> {
    return recordAlertTransition(this.storage, change, this.replicaId);
  }

  /** Records that the web signed a session out, for every web replica to see. */
  recordSessionEnd(end: SessionEnd): Promise<void> {
    return recordSessionEnd(this.storage.writer, end);
  }

  /** The web sessions signed out that would otherwise still be valid at `nowMs`. */
  readSessionEnds(nowMs: number): Promise<SessionEnd[]> {
    return readSessionEnds(this.storage.reader, nowMs);
  }

  /** Counts a web sign-in attempt before its password is checked, unless a budget shared by every web replica is used up. */
  beginSignIn(caller: SignInCaller, limits: SignInLimits, nowMs: number): Promise<SignInStart> {
    return beginSignIn(this.storage, caller, limits, nowMs);
  }

  /** Milliseconds until `caller` may try to sign in again; 0 when now. */
  signInRetryAfterMs(caller: SignInCaller, limits: SignInLimits, nowMs: number): Promise<number> {
    return signInRetryAfterMs(this.storage.reader, caller, limits, nowMs);
  }

  /** The password of `attempt` was right: it stops counting, and the address is one the user signs in from. */
  succeedSignIn(caller: SignInCaller, attempt: string): Promise<void> {
    return succeedSignIn(this.storage, caller, attempt);
  }

  /** Adds a replica's new rate-limit counts and answers the other replicas' totals in the window. */
  exchangeRateLimitHits(report: RateLimitHits): Promise<Map<string, number>> {
    return exchangeRateLimitHits(this.storage, report);
  }

  close(): Promise<void> {
    this.native?.close();
    return this.storage.close();
  }
}
