/**
 * What exists before any migration: the database, the record of applied versions, and the claims
 * with which api replicas agree which of them applies the migrations (libs/ch-client's claims.ts
 * and schema-lock.ts). Created IF NOT EXISTS at every start, by every replica at once if
 * need be (on a cluster each CREATE goes through the DDL queue; a second finds the table there).
 */
import { DATABASE } from '../tables';

export const MIGRATIONS_TABLE = 'schema_migrations';
export const CLAIMS_TABLE = 'replica_claims';

/** Days a claim is kept: far longer than anyone waits on one (a key is never claimed again later). */
const CLAIM_RETENTION_DAYS = 30;

export const BOOTSTRAP_STATEMENTS: readonly string[] = Object.freeze([
  `CREATE DATABASE IF NOT EXISTS ${DATABASE}`,
  `CREATE TABLE IF NOT EXISTS ${DATABASE}.${MIGRATIONS_TABLE}
(
    version    UInt32,
    name       String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY version`,
  // The first row stored for a key wins. A claim carries its key as insert_deduplication_token, so
  // the engine drops a later claim of that key (one node: within the table's last 10,000 inserts;
  // a cluster: Keeper's window on the shard the key hashes to); should both be kept, every reader
  // takes the earliest alike.
  `CREATE TABLE IF NOT EXISTS ${DATABASE}.${CLAIMS_TABLE}
(
    key        String,
    holder     String,
    claimed_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY key
TTL toDateTime(claimed_at) + INTERVAL ${CLAIM_RETENTION_DAYS} DAY
SETTINGS non_replicated_deduplication_window = 10000`,
]);
