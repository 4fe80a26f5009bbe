/**
 * A migration statement written for one node, as a cluster runs it. Every statement but a
 * backfill runs ON CLUSTER, through the servers' DDL queue, on every node. A table becomes
 * `<name>_local`, a Replicated* table on each shard (its Keeper path per `{shard}`, each node its
 * `{replica}` macro), behind a Distributed table of the table's own name, which users, Grafana and
 * the api query and insert into. A materialized view watches each shard's local table and writes
 * the same shard's local rollup, so every event is counted once, on the shard that stores it
 * (replicas fetch the rollup's part; their views do not run again), and a query over the
 * Distributed rollup sums the shards. Statements of a kind not known here are refused, so a new
 * kind fails the schema's tests rather than a cluster.
 */
import { DATABASE } from '../tables';
import { shardingKey } from './sharding-keys';
import { LOCAL_TABLE_SUFFIX } from './schema-target';

const CREATE_DATABASE = /^CREATE DATABASE (IF NOT EXISTS )?(\w+)$/;
const CREATE_TABLE = /^CREATE TABLE (IF NOT EXISTS )?(\w+)\.(\w+)(\s*\([\s\S]*)$/;
const MERGE_TREE_ENGINE = /\bENGINE = (\w*MergeTree)(?:\(([^()]*)\))?/;
const CREATE_VIEW = /^CREATE MATERIALIZED VIEW (IF NOT EXISTS )?(\w+)\.(\w+) TO (\w+)\.(\w+)(\s+AS\s[\s\S]*)$/;
const ALTER_TABLE = /^ALTER TABLE (\w+)\.(\w+)\s+([\s\S]*)$/;
/** ALTERs the Distributed table must follow: it has columns, but no indexes, TTL or parts. */
const COLUMN_CLAUSE = /^(ADD|DROP|MODIFY|RENAME|COMMENT) COLUMN\b/;
const DROP_VIEW = /^DROP VIEW (IF EXISTS )?(\w+)\.(\w+)$/;
const TRUNCATE_TABLE = /^TRUNCATE TABLE (IF EXISTS )?(\w+)\.(\w+)$/;
const CODEC = /\s+CODEC\((?:[^()]|\([^()]*\))*\)/g;
const DATABASE_TABLE = new RegExp(`\\b${DATABASE}\\.(\\w+)\\b`, 'g');

export function renderForCluster(statement: string, cluster: string): string[] {
  const sql = statement.trim();
  const on = ` ON CLUSTER ${cluster}`;
  let match: RegExpMatchArray | null;
  if ((match = sql.match(CREATE_DATABASE))) return [`CREATE DATABASE ${match[1] ?? ''}${match[2]}${on}`];
  if ((match = sql.match(CREATE_TABLE))) return renderCreateTable(match, cluster);
  if ((match = sql.match(CREATE_VIEW))) {
    const [, ifNotExists = '', database, view, toDatabase, to, select] = match;
    return [`CREATE MATERIALIZED VIEW ${ifNotExists}${database}.${view}${on} TO ${toDatabase}.${local(to)}${select.replace(DATABASE_TABLE, (_, table: string) => `${DATABASE}.${local(table)}`)}`];
  }
  if ((match = sql.match(ALTER_TABLE))) {
    const [, database, table, clauses] = match;
    const onShards = `ALTER TABLE ${database}.${local(table)}${on} ${clauses.replace(/\bnon_replicated_deduplication_window\b/g, 'replicated_deduplication_window')}`;
    if (!COLUMN_CLAUSE.test(clauses)) return [onShards];
    return [onShards, `ALTER TABLE ${database}.${table}${on} ${clauses.replace(CODEC, '')}`];
  }
  if ((match = sql.match(DROP_VIEW))) return [`DROP VIEW ${match[1] ?? ''}${match[2]}.${match[3]}${on}`];
  if ((match = sql.match(TRUNCATE_TABLE))) return [`TRUNCATE TABLE ${match[1] ?? ''}${match[2]}.${local(match[3])}${on}`];
  // A backfill runs once, through the Distributed tables: it reads every shard, and its rows go
  // to the shards by the target's key (a rollup is only ever summed, wherever its rows are).
  if (sql.startsWith('INSERT INTO ')) return [sql];
  throw new Error(`no cluster form for this statement (add one to render-cluster.ts): ${sql.slice(0, 80)}`);
}

/**
 * The shards' Replicated table, then the Distributed table in front of it. A Replicated table
 * drops a block identical to a recent one (Keeper keeps their ids); one node drops them only where
 * a table sets non_replicated_deduplication_window. So the cluster keeps exactly the one node's
 * rule: that setting becomes replicated_deduplication_window, and where it is absent the window
 * is 0 — otherwise two equal blocks the api writes on purpose (one duplicate of producer p in
 * minute m, absorbed by two requests: logs.ingest_duplicates) would be stored once and a count
 * would fall short.
 */
function renderCreateTable(match: RegExpMatchArray, cluster: string): string[] {
  const [, ifNotExists = '', database, table, body] = match;
  const engine = body.match(MERGE_TREE_ENGINE);
  if (!engine) throw new Error(`a cluster table needs a MergeTree engine: ${database}.${table}`);
  const [, name, args] = engine;
  const keeperPath = `'/clickhouse/tables/{shard}/${database}/${local(table)}'`;
  const replicated = `ENGINE = Replicated${name}(${[keeperPath, "'{replica}'", ...(args ? [args] : [])].join(', ')})`;
  const localBody = withDeduplicationWindow(body.replace(MERGE_TREE_ENGINE, replicated));
  const orderBy = body.match(/^ORDER BY (.+)$/m)?.[1] ?? 'tuple()';
  return [
    `CREATE TABLE ${ifNotExists}${database}.${local(table)} ON CLUSTER ${cluster}${localBody}`,
    `CREATE TABLE ${ifNotExists}${database}.${table} ON CLUSTER ${cluster} AS ${database}.${local(table)}\n` +
      `ENGINE = Distributed('${cluster}', '${database}', '${local(table)}', ${shardingKey(table, orderBy)})`,
  ];
}

function withDeduplicationWindow(body: string): string {
  if (/\bnon_replicated_deduplication_window\b/.test(body)) return body.replace(/\bnon_replicated_deduplication_window\b/g, 'replicated_deduplication_window');
  if (/^SETTINGS /m.test(body)) return body.replace(/^SETTINGS /m, 'SETTINGS replicated_deduplication_window = 0, ');
  return `${body}\nSETTINGS replicated_deduplication_window = 0`;
}

function local(table: string): string {
  return `${table}${LOCAL_TABLE_SUFFIX}`;
}
