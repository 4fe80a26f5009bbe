/**
 * Migration 11: every event's `pattern_id`, and what the Patterns view, its filter and new-pattern
 * alerts read instead of raw events. The id's column default and the catalogue's template are SQL
 * generated from @logline/log-patterns' rules (renderPatternIdSql), so a row written without the
 * column (Vector, any INSERT) gets the id the api computes. Changing the rules changes ids: that
 * takes a new migration re-applying the default and re-creating the catalogue's view
 * (patternRulesMigration).
 */
import { renderPatternIdSql, renderTemplateSql } from '@logline/log-patterns';
import { ROLLUP_RETENTION_DAYS } from './retention';
import { DATABASE, LOGS_TABLE } from './tables';

/** Every stored pattern id with its template and when it was first and last stored. */
export const PATTERNS_TABLE = 'patterns';
/** Events per minute, pattern, source and level, with their first and last timestamps and a sample. */
export const PATTERN_COUNTS_TABLE = 'pattern_counts_1m';
/** Templates of the patterns the api named by merging stored ids (see groupPatterns). */
export const PATTERN_GROUPS_TABLE = 'pattern_groups';

/** Longest sample message kept per rollup row, in characters (raw reads cut theirs alike): it is shown, never parsed. */
export const PATTERN_SAMPLE_CHARACTERS = 1000;

const PATTERN_ID_COLUMN = `pattern_id LowCardinality(String) DEFAULT ${renderPatternIdSql('message')}`;

const CATALOGUE_SELECT = `SELECT pattern_id, ${renderTemplateSql('any(message)')} AS template,
       min(ingested_at) AS first_stored, max(ingested_at) AS last_stored
FROM ${DATABASE}.${LOGS_TABLE}
GROUP BY pattern_id`;

const CATALOGUE_VIEW = `CREATE MATERIALIZED VIEW IF NOT EXISTS ${DATABASE}.${PATTERNS_TABLE}_mv TO ${DATABASE}.${PATTERNS_TABLE} AS
${CATALOGUE_SELECT}`;

const COUNTS_SELECT = `SELECT toStartOfMinute(timestamp) AS minute, pattern_id, source, log_level, count() AS events,
       min(timestamp) AS first_seen, max(timestamp) AS last_seen, any(substringUTF8(message, 1, ${PATTERN_SAMPLE_CHARACTERS})) AS sample
FROM ${DATABASE}.${LOGS_TABLE}
GROUP BY minute, pattern_id, source, log_level`;

export const PATTERNS_MIGRATION = {
  version: 11,
  name: 'pattern_id of every event, its catalogue and per-minute counts',
  statements: [
    `ALTER TABLE ${DATABASE}.${LOGS_TABLE} ADD COLUMN IF NOT EXISTS ${PATTERN_ID_COLUMN}`,
    // Parts stored before this compute the id on every read (about 3 µs of CPU an event) until
    // this mutation has written it into them.
    `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MATERIALIZE COLUMN pattern_id`,
    // The template is computed once per id and insert block, on the aggregate (any(message)). No
    // TTL: one row per id ever stored, and "never seen before" (new-pattern alerts) reads it.
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${PATTERNS_TABLE}
(
    pattern_id   String,
    template     SimpleAggregateFunction(any, String),
    first_stored SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last_stored  SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
ORDER BY pattern_id`,
    // Truncate + backfill, as in migration 4, keeps a re-run from storing rows twice.
    `TRUNCATE TABLE ${DATABASE}.${PATTERNS_TABLE}`,
    CATALOGUE_VIEW,
    `INSERT INTO ${DATABASE}.${PATTERNS_TABLE}
${CATALOGUE_SELECT}`,
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${PATTERN_COUNTS_TABLE}
(
    minute     DateTime('UTC'),
    pattern_id String,
    source     LowCardinality(String),
    log_level  LowCardinality(String),
    events     SimpleAggregateFunction(sum, UInt64),
    first_seen SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last_seen  SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    sample     SimpleAggregateFunction(any, String) CODEC(ZSTD(3))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, pattern_id, source, log_level)
TTL minute + INTERVAL ${ROLLUP_RETENTION_DAYS} DAY`,
    `TRUNCATE TABLE ${DATABASE}.${PATTERN_COUNTS_TABLE}`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${DATABASE}.${PATTERN_COUNTS_TABLE}_mv TO ${DATABASE}.${PATTERN_COUNTS_TABLE} AS
${COUNTS_SELECT}`,
    `INSERT INTO ${DATABASE}.${PATTERN_COUNTS_TABLE}
${COUNTS_SELECT}`,
    // Written by the api, the same row by every replica that lists the same pattern.
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${PATTERN_GROUPS_TABLE}
(
    pattern_id String,
    template   String
)
ENGINE = ReplacingMergeTree
ORDER BY pattern_id`,
  ],
};

/**
 * A migration that puts changed masking rules into the schema: the id column's default and the
 * catalogue's template are SQL rendered from the rules, so both are re-applied (metadata only: no
 * stored part is rewritten). Events stored before keep the ids they were stored with, and their
 * rollup rows too, until retention removes them; an id the new rules give is new to the catalogue,
 * so a new-pattern alert may fire once for it. The old view goes first: between the two
 * statements a first-seen id misses its catalogue row (its next event adds it), where the reverse
 * order could store a template that does not hash to its id.
 */
export function patternRulesMigration(version: number, name: string) {
  return {
    version,
    name,
    statements: [
      `DROP VIEW IF EXISTS ${DATABASE}.${PATTERNS_TABLE}_mv`,
      `ALTER TABLE ${DATABASE}.${LOGS_TABLE} MODIFY COLUMN ${PATTERN_ID_COLUMN}`,
      CATALOGUE_VIEW,
    ],
  };
}

/** Migration 19: short hashes and random ids that start with a hex letter became variables. */
export const SHORT_HASH_PATTERN_MIGRATION = patternRulesMigration(19, 'pattern ids masking short hashes and ids that start with a hex letter');
