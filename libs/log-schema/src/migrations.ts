/**
 * The schema of the `logs` database as versioned migrations: the single source of truth for the
 * api's start-up migration, the ClickHouse server's init script and the tests. A migration is
 * never edited once released; a change is a new, higher version. Statements are written for one
 * node; schema/render-cluster.ts derives what a cluster runs from them.
 */
import { addAttributeIndexStatements } from './attribute-indexes';
import { DASHBOARD_TILE_MIGRATION } from './dashboard-tile-migration';
import { PATTERNS_MIGRATION, SHORT_HASH_PATTERN_MIGRATION } from './pattern-migration';
import { REPLICA_STATE_MIGRATION } from './replica-state-migration';
import { WEB_SESSION_MIGRATION } from './web-session-migration';
import { RATE_LIMIT_HITS_MIGRATION, SIGN_IN_ATTEMPTS_MIGRATION } from './shared-limits-migrations';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, ROLLUP_RETENTION_DAYS } from './retention';
import { DATABASE, LOGS_TABLE } from './tables';

export { DATABASE, LOGS_TABLE } from './tables';
export const INGEST_ERRORS_TABLE = 'ingest_errors';
export const COUNTS_TABLE = 'log_counts_1m';
export const HOST_COUNTS_TABLE = 'log_counts_host_1m';
export const DUPLICATES_TABLE = 'ingest_duplicates';
export const SAVED_SEARCHES_TABLE = 'saved_searches';
/** The stored row key (a hash of the event's identity and message) that orders ties on timestamp. */
export const ROW_HASH_COLUMN = 'row_hash';

/** Events per minute, host, source and level: what the host-count view adds and its backfill copies. */
const HOST_COUNTS_SELECT = `SELECT toStartOfMinute(timestamp) AS minute, host, source, log_level, count() AS events
FROM ${DATABASE}.${LOGS_TABLE}
GROUP BY minute, host, source, log_level`;

export interface Migration {
  version: number;
  name: string;
  /** Statements run in order; together they are safe to run again after an interruption. */
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'create application_logs',
    statements: [
      `CREATE DATABASE IF NOT EXISTS ${DATABASE}`,
      `CREATE TABLE IF NOT EXISTS ${DATABASE}.${LOGS_TABLE}
(
    timestamp   DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    log_level   LowCardinality(String),
    message     String CODEC(ZSTD(3)),
    source      LowCardinality(String),
    host        LowCardinality(String),
    producer_id LowCardinality(String),
    seq         Nullable(UInt64),
    attributes  Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta(8), ZSTD(1)),
    INDEX idx_message message TYPE text(tokenizer = splitByNonAlpha, preprocessor = lower(message))
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(timestamp)
ORDER BY timestamp
TTL toDateTime(timestamp) + INTERVAL ${DEFAULT_RETENTION_DAYS} DAY
SETTINGS ttl_only_drop_parts = 1, fsync_after_insert = 1, fsync_part_directory = 1, old_parts_lifetime = 480`,
    ],
  },
  {
    version: 2,
    name: 'create ingest_errors (dead letters)',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${DATABASE}.${INGEST_ERRORS_TABLE}
(
    received_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta(8), ZSTD(1)),
    transport   LowCardinality(String),
    peer        String,
    line        UInt32,
    code        LowCardinality(String),
    reason      String,
    raw         String CODEC(ZSTD(3))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY received_at
TTL toDateTime(received_at) + INTERVAL ${DEFAULT_RETENTION_DAYS} DAY
SETTINGS ttl_only_drop_parts = 1`,
    ],
  },
  {
    version: 3,
    name: 'deduplicate retried identical insert blocks',
    statements: [
      // Vector's ClickHouse sink retries a failed request with the same body; ClickHouse drops a
      // block identical to one of the last 1000 it stored. (The api also drops events whose
      // producer_id, seq and timestamp are already stored, before it inserts.)
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MODIFY SETTING non_replicated_deduplication_window = 1000`,
    ],
  },
  {
    version: 4,
    name: 'per-minute counts rollup for histograms',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${DATABASE}.${COUNTS_TABLE}
(
    minute    DateTime('UTC'),
    source    LowCardinality(String),
    log_level LowCardinality(String),
    events    UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, source, log_level)
TTL minute + INTERVAL ${ROLLUP_RETENTION_DAYS} DAY`,
      // Truncate + backfill keeps a re-run of this migration from counting events twice.
      `TRUNCATE TABLE ${DATABASE}.${COUNTS_TABLE}`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${DATABASE}.${COUNTS_TABLE}_mv TO ${DATABASE}.${COUNTS_TABLE} AS
SELECT toStartOfMinute(timestamp) AS minute, source, log_level, count() AS events
FROM ${DATABASE}.${LOGS_TABLE}
GROUP BY minute, source, log_level`,
      `INSERT INTO ${DATABASE}.${COUNTS_TABLE}
SELECT toStartOfMinute(timestamp) AS minute, source, log_level, count() AS events
FROM ${DATABASE}.${LOGS_TABLE}
GROUP BY minute, source, log_level`,
    ],
  },
  {
    version: 5,
    name: 'index ingested_at for the live tail',
    statements: [
      // ingested_at rises with every insert, so per-granule min/max prune all but the newest parts.
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} ADD INDEX IF NOT EXISTS idx_ingested_at ingested_at TYPE minmax GRANULARITY 1`,
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MATERIALIZE INDEX idx_ingested_at`,
    ],
  },
  {
    version: 6,
    name: 'count duplicates absorbed per producer',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${DATABASE}.${DUPLICATES_TABLE}
(
    minute      DateTime('UTC'),
    producer_id LowCardinality(String),
    duplicates  UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (producer_id, minute)
TTL minute + INTERVAL ${ROLLUP_RETENTION_DAYS} DAY`,
    ],
  },
  {
    version: 7,
    name: 'store the row key that orders events sharing a timestamp',
    statements: [
      // Every page is ordered by (timestamp, row key). Computed at read time, the key hashed the
      // message of every row in the page's time window (latest 100 on 10M events: 22 ms, 12 ms
      // stored); stored, it costs 8 bytes an event. Parts written before this migration compute
      // it on read until MATERIALIZE rewrites them. Events with a seq keep the ids they had; for
      // events without one the old key was NULL (sipHash64 of a NULL is NULL), which broke their
      // ids and the order of their ties: they now hash without the seq.
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} ADD COLUMN IF NOT EXISTS ${ROW_HASH_COLUMN} UInt64 MATERIALIZED
    if(isNull(seq), sipHash64(producer_id, source, host, message), sipHash64(producer_id, assumeNotNull(seq), source, host, message))
    CODEC(ZSTD(1))`,
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MATERIALIZE COLUMN ${ROW_HASH_COLUMN}`,
    ],
  },
  {
    version: 8,
    name: 'smaller compressed blocks for searches that read scattered rows',
    statements: [
      // A word matching 100 events across a week reads 100 granules, and each column's granule
      // is decompressed whole from blocks of up to 1 MiB. 8-64 KiB blocks, measured on 10M bench
      // events against the default, same data, interleaved: rare word 94 -> 81 ms, a 26 h latest
      // page 42 -> 27 ms, common word and a 10,000-row export unchanged, 42.0 -> 42.3 B/event.
      // (Granules of 2048 rows halved the rare word but cost a table rebuild and made common-word
      // and export reads 15-30% slower.) Parts take it as they are written or merged.
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MODIFY SETTING min_compress_block_size = 8192, max_compress_block_size = 65536`,
    ],
  },
  {
    version: 9,
    name: 'per-minute counts by host for the host facet',
    statements: [
      // The explorer's host facet counted raw events: 26 ms over 24 h of 10M bench events, 30 ms
      // over all of them, the slowest part of every page load. Counts per minute and host (with
      // source and level, so their filters still apply) answer it from ~220,000 rows instead.
      // Truncate + backfill, as in migration 4, keeps a re-run from counting events twice.
      `CREATE TABLE IF NOT EXISTS ${DATABASE}.${HOST_COUNTS_TABLE}
(
    minute    DateTime('UTC'),
    host      LowCardinality(String),
    source    LowCardinality(String),
    log_level LowCardinality(String),
    events    UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, host, source, log_level)
TTL minute + INTERVAL ${ROLLUP_RETENTION_DAYS} DAY`,
      `TRUNCATE TABLE ${DATABASE}.${HOST_COUNTS_TABLE}`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${DATABASE}.${HOST_COUNTS_TABLE}_mv TO ${DATABASE}.${HOST_COUNTS_TABLE} AS
${HOST_COUNTS_SELECT}`,
      `INSERT INTO ${DATABASE}.${HOST_COUNTS_TABLE}
${HOST_COUNTS_SELECT}`,
    ],
  },
  {
    version: 10,
    name: 'trace and span ids, with a skip index for lookups by trace',
    statements: [
      // W3C trace context from OpenTelemetry and other shippers, lower-case hex, '' when absent.
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} ADD COLUMN IF NOT EXISTS trace_id String DEFAULT '' CODEC(ZSTD(1))`,
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} ADD COLUMN IF NOT EXISTS span_id String DEFAULT '' CODEC(ZSTD(1))`,
      // A trace's events are looked up with no time range, and the table is ordered by time only.
      // On 10M events, a third of them in traces of ten, finding one trace's events (oldest
      // first, through searchLogs): 146-248 ms median without an index (every granule read),
      // 9-13 ms with bloom_filter(0.001), 32 ms with bloom_filter(0.01); the index takes 622 KiB
      // (a granule's ids repeat, as events of one trace arrive together).
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} ADD INDEX IF NOT EXISTS idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1`,
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MATERIALIZE INDEX idx_trace_id`,
    ],
  },
  PATTERNS_MIGRATION,
  {
    version: 12,
    name: 'text index for lookups by request_id',
    // The api adds and drops the indexes of INDEXED_ATTRIBUTES at start (see attribute-indexes.ts);
    // this gives a server initialised from the migrations the default one too.
    statements: addAttributeIndexStatements('request_id'),
  },
  {
    version: 13,
    name: 'saved searches shared by every replica',
    statements: [
      // Every change (save, rename, delete) inserts a whole new version of the search's row; the
      // row with the newest `updated_at` per id wins and `deleted = 1` removes it. Reads use FINAL,
      // which applies that replacement at read time, so a rename or delete is right from the next
      // read on, before or without any merge, and on every replica alike. (An UPDATE or DELETE
      // mutation would be asynchronous; a plain MergeTree would answer every old version.)
      `CREATE TABLE IF NOT EXISTS ${DATABASE}.${SAVED_SEARCHES_TABLE}
(
    id         UUID,
    name       String,
    view       String,
    saved_by   String,
    saved_at   DateTime64(3, 'UTC'),
    updated_at DateTime64(6, 'UTC'),
    deleted    UInt8
)
ENGINE = ReplacingMergeTree(updated_at, deleted)
ORDER BY id`,
    ],
  },
  REPLICA_STATE_MIGRATION,
  WEB_SESSION_MIGRATION,
  SIGN_IN_ATTEMPTS_MIGRATION,
  RATE_LIMIT_HITS_MIGRATION,
  DASHBOARD_TILE_MIGRATION,
  SHORT_HASH_PATTERN_MIGRATION,
]);

/** The table TTL for a retention period; applied at start when the configured days differ. */
export function retentionStatement(days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new RangeError(`retention days must be an integer from 1 to ${MAX_RETENTION_DAYS}, got ${days}`);
  }
  return `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MODIFY TTL toDateTime(timestamp) + INTERVAL ${days} DAY`;
}

/** The fragment ClickHouse shows in the table's definition when the TTL is `days`. */
export function retentionMarker(days: number): string {
  return `toIntervalDay(${days})`;
}
