/**
 * Loads the bench rows into PostgreSQL with sensible types and the indexes a user would add for
 * this explorer: btree on time, (level, source, time) for filtered pages, pg_trgm GIN on message
 * for word and phrase search, btrees on the trace id and the request id for lookups by id.
 * Times the COPY, each index build and VACUUM ANALYZE.
 */
import { rmSync } from 'node:fs';
import type { Client } from 'pg';

export interface PgLoad {
  copySeconds: number;
  indexSeconds: Record<string, number>;
  analyzeSeconds: number;
  tableBytes: number;
  indexBytes: number;
  totalBytes: number;
}

const SCHEMA = `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE logs (
  ts          timestamptz NOT NULL,
  log_level   text        NOT NULL,
  message     text        NOT NULL,
  source      text        NOT NULL,
  host        text        NOT NULL,
  producer_id text        NOT NULL,
  seq         bigint,
  attributes  jsonb       NOT NULL,
  trace_id    text        NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
)`;

const INDEXES: Record<string, string> = {
  'btree (ts)': 'CREATE INDEX logs_ts ON logs (ts)',
  'btree (log_level, source, ts)': 'CREATE INDEX logs_level_source_ts ON logs (log_level, source, ts)',
  'GIN pg_trgm (message)': 'CREATE INDEX logs_message_trgm ON logs USING gin (message gin_trgm_ops)',
  'btree (trace_id)': 'CREATE INDEX logs_trace_id ON logs (trace_id)',
  "btree (attributes->>'request_id')": "CREATE INDEX logs_request_id ON logs ((attributes->>'request_id'))",
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * Loads the rows from CSV files, one chunk at a time: `nextCsv` writes the next chunk and returns
 * its path (readable by the postgres user), or undefined when all are written. Each file is removed
 * once copied, so at most one chunk is on disk beside the database. Only the COPYs are timed.
 */
export async function loadPostgres(client: Client, nextCsv: () => Promise<string | undefined>, expectedRows: number): Promise<PgLoad> {
  await client.query(SCHEMA);
  let copySeconds = 0;
  let rows = 0;
  for (let csvPath = await nextCsv(); csvPath !== undefined; csvPath = await nextCsv()) {
    const path = csvPath;
    copySeconds += await timed(async () => {
      const copied = await client.query(`COPY logs (ts, log_level, message, source, host, producer_id, seq, attributes, trace_id, ingested_at) FROM '${path.replace(/'/g, "''")}' WITH (FORMAT csv)`);
      rows += copied.rowCount ?? 0;
    });
    rmSync(path);
  }
  if (rows !== expectedRows) throw new Error(`PostgreSQL copied ${rows} rows of ${expectedRows}`);
  const indexSeconds: Record<string, number> = {};
  for (const [name, statement] of Object.entries(INDEXES)) indexSeconds[name] = await timed(() => client.query(statement));
  const analyzeSeconds = await timed(() => client.query('VACUUM ANALYZE logs'));
  const sizes = await client.query<{ table: string; indexes: string; total: string }>(
    "SELECT pg_table_size('logs') AS table, pg_indexes_size('logs') AS indexes, pg_total_relation_size('logs') AS total",
  );
  const { table, indexes, total } = sizes.rows[0];
  return { copySeconds, indexSeconds, analyzeSeconds, tableBytes: Number(table), indexBytes: Number(indexes), totalBytes: Number(total) };
}
