/**
 * Every migration, as it stands now and as later ones are added (by any branch, written for one
 * node), must render for a cluster: each statement goes through ClickHouse's own parser (the
 * embedded engine's formatQuery, no server needed) and the cluster's layout rules are checked on
 * what it prints. One node's DDL runs on the real engine in every storage test (ch-client's
 * testing.ts migrates each test database).
 */
import { queryBind } from 'chdb';
import { attributeIndexChanges } from '../attribute-indexes';
import { MIGRATIONS, retentionStatement } from '../migrations';
import { BOOTSTRAP_STATEMENTS } from './bootstrap';
import { renderForCluster } from './render-cluster';
import { renderMigration, renderStatements } from './render-schema';
import { clusterTarget, SINGLE_NODE } from './schema-target';

const CLUSTER = clusterTarget('logline');

/** The statement as ClickHouse's parser prints it back; throws on a syntax error. */
function parse(statement: string): string {
  return queryBind('SELECT formatQuery({statement:String})', { statement }, 'TSVRaw').trim();
}

const everyStatement = [...BOOTSTRAP_STATEMENTS, ...MIGRATIONS.flatMap((migration) => migration.statements), retentionStatement(7)];
const onCluster = renderStatements(everyStatement, CLUSTER).map(parse);
const createdTables = everyStatement.flatMap((statement) => statement.match(/^CREATE TABLE IF NOT EXISTS logs\.(\w+)/)?.[1] ?? []);

describe('the schema on a cluster', () => {
  it.each(MIGRATIONS.map((migration) => [migration.version, migration.name, migration] as const))(
    'migration %i (%s) renders into statements ClickHouse parses, each run ON CLUSTER but the backfills',
    (_version, _name, migration) => {
      for (const statement of renderMigration(migration, CLUSTER).map(parse)) {
        if (statement.startsWith('INSERT INTO')) expect(statement).not.toContain('ON CLUSTER');
        else expect(statement).toContain(' ON CLUSTER logline');
      }
    },
  );

  it.each(createdTables)('stores %s in a Replicated table per shard, behind a Distributed table of that name', (table) => {
    const local = onCluster.filter((statement) => statement.startsWith(`CREATE TABLE IF NOT EXISTS logs.${table}_local ON CLUSTER logline`));
    const front = onCluster.filter((statement) => statement.startsWith(`CREATE TABLE IF NOT EXISTS logs.${table} ON CLUSTER logline`));
    expect(local).toHaveLength(1);
    expect(local[0]).toMatch(new RegExp(`ENGINE = Replicated\\w*MergeTree\\('/clickhouse/tables/\\{shard\\}/logs/${table}_local', '\\{replica\\}'`));
    expect(local[0]).toMatch(/replicated_deduplication_window = \d+/);
    expect(front).toEqual([expect.stringContaining(`ENGINE = Distributed('logline', 'logs', '${table}_local', cityHash64(`)]);
  });

  it('deduplicates retried blocks on a cluster exactly where one node does', () => {
    const window = (table: string) => onCluster.filter((statement) => statement.includes(`logs.${table}_local`) && /deduplication_window/.test(statement)).join('\n');
    expect(window('application_logs')).toContain('MODIFY SETTING replicated_deduplication_window = 1000');
    expect(window('replica_claims')).toContain('replicated_deduplication_window = 10000');
    expect(window('ingest_duplicates')).toContain('replicated_deduplication_window = 0');
    expect(onCluster.join('\n')).not.toContain('non_replicated_deduplication_window');
  });

  it('keeps every materialized view on the shards: it reads a shard table and writes the same shard\'s rollup', () => {
    const views = onCluster.filter((statement) => statement.startsWith('CREATE MATERIALIZED VIEW'));
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) {
      expect(view).toMatch(/ TO logs\.\w+_local\b/);
      const sources = [...view.matchAll(/\bFROM (logs\.\w+)/g)].map(([, from]) => from);
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.every((from) => from.endsWith('_local'))).toBe(true);
    }
  });

  it('adds a column to the shard tables and the Distributed table (without its codec), and changes TTL and indexes on the shards only', () => {
    expect(renderForCluster("ALTER TABLE logs.t ADD COLUMN IF NOT EXISTS x String DEFAULT '' CODEC(ZSTD(1))", 'logline')).toEqual([
      "ALTER TABLE logs.t_local ON CLUSTER logline ADD COLUMN IF NOT EXISTS x String DEFAULT '' CODEC(ZSTD(1))",
      "ALTER TABLE logs.t ON CLUSTER logline ADD COLUMN IF NOT EXISTS x String DEFAULT ''",
    ]);
    expect(renderStatements([retentionStatement(7)], CLUSTER)).toEqual([
      'ALTER TABLE logs.application_logs_local ON CLUSTER logline MODIFY TTL toDateTime(timestamp) + INTERVAL 7 DAY',
    ]);
    expect(renderForCluster('ALTER TABLE logs.t ADD INDEX IF NOT EXISTS i k TYPE bloom_filter GRANULARITY 1', 'logline')).toHaveLength(1);
  });

  it('adds, builds and drops the INDEXED_ATTRIBUTES indexes on the shard tables', () => {
    const onShards = renderStatements(attributeIndexChanges(['idx_attr_user_5fid'], ['request_id']), CLUSTER);
    expect(onShards).toEqual([
      "ALTER TABLE logs.application_logs_local ON CLUSTER logline ADD INDEX IF NOT EXISTS idx_attr_request_5fid attributes['request_id'] TYPE text(tokenizer = array) GRANULARITY 1",
      'ALTER TABLE logs.application_logs_local ON CLUSTER logline MATERIALIZE INDEX idx_attr_request_5fid',
      'ALTER TABLE logs.application_logs_local ON CLUSTER logline DROP INDEX IF EXISTS idx_attr_user_5fid',
    ]);
    for (const statement of onShards) expect(parse(statement)).toContain('ON CLUSTER logline');
  });

  it('keeps an engine\'s own arguments after the replication ones', () => {
    const [local] = renderForCluster('CREATE TABLE IF NOT EXISTS logs.t\n(\n    k String,\n    v UInt64\n)\nENGINE = ReplacingMergeTree(v)\nORDER BY k', 'logline');
    expect(parse(local)).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/logs/t_local', '{replica}', v)");
  });

  it('refuses a statement it has no cluster form for, and a cluster name that is not an identifier', () => {
    expect(() => renderForCluster('CREATE VIEW logs.v AS SELECT 1', 'logline')).toThrow(/no cluster form/);
    expect(() => renderForCluster('CREATE TABLE IF NOT EXISTS logs.t (k String) ENGINE = Memory', 'logline')).toThrow(/MergeTree/);
    expect(() => clusterTarget("x'; DROP")).toThrow(/cluster name/);
  });
});

describe('the schema on one node', () => {
  it('is every statement as written, which ClickHouse parses', () => {
    const statements = renderStatements(everyStatement, SINGLE_NODE);
    expect(statements).toEqual(everyStatement);
    for (const statement of statements) expect(parse(statement)).not.toMatch(/ON CLUSTER|Replicated|Distributed|_local\b/);
  });
});
