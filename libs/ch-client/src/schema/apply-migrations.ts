/**
 * Brings the `logs` database to the newest schema version, the raw table's TTL to the configured
 * retention and its attribute lookup indexes to INDEXED_ATTRIBUTES, for the topology it runs on;
 * safe to run at every start of every replica.
 * What exists before any migration is created first (log-schema's bootstrap.ts); then, only when there is work,
 * one replica does it under the schema lock while the others wait for it (schema-lock.ts).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import {
  ATTRIBUTE_INDEX_PREFIX,
  attributeIndexChanges,
  BOOTSTRAP_STATEMENTS,
  DATABASE,
  DEFAULT_INDEXED_ATTRIBUTES,
  LOGS_TABLE,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  renderMigration,
  renderStatements,
  retentionMarker,
  retentionStatement,
  SINGLE_NODE,
  storedTableName,
  type Migration,
  type SchemaTarget,
} from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { identifier, sql } from '../sql/sql';
import { newReplicaId } from '../replica-state/replica-id';
import { withSchemaLock, type SchemaLockTiming } from './schema-lock';

const APPLIED = identifier(`${DATABASE}.${MIGRATIONS_TABLE}`);

export interface MigrationReport {
  /** Versions applied by this call, oldest first (none when another replica applied them). */
  applied: number[];
  /** Newest version the database is at now. */
  version: number;
}

export interface MigrationOptions {
  retentionDays: number;
  /** Attributes with a lookup index (INDEXED_ATTRIBUTES); others' indexes are dropped. Default: request_id. */
  indexedAttributes?: readonly string[];
  /** Default one node (embedded engine or a server). */
  target?: SchemaTarget;
  migrations?: readonly Migration[];
  /** Who this process is in the schema lock. Default a new replica id (replica-id.ts). */
  holder?: string;
  lockTiming?: SchemaLockTiming;
}

export async function applyMigrations(client: ClickHouseClient, options: MigrationOptions): Promise<MigrationReport> {
  const goal: SchemaGoal = {
    target: options.target ?? SINGLE_NODE,
    migrations: [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version),
    retentionDays: options.retentionDays,
    indexedAttributes: options.indexedAttributes ?? DEFAULT_INDEXED_ATTRIBUTES,
  };
  await runStatements(client, renderStatements(BOOTSTRAP_STATEMENTS, goal.target));
  const isDone = async () =>
    (await pendingMigrations(client, goal.migrations)).length === 0 &&
    (await retentionIsCurrent(client, goal.retentionDays, goal.target)) &&
    (await attributeIndexChangesNeeded(client, goal)).length === 0;
  let applied: number[] = [];
  if (!(await isDone())) {
    const holder = options.holder ?? newReplicaId();
    applied = (await withSchemaLock(client, holder, isDone, () => applyPending(client, goal), options.lockTiming)) ?? [];
  }
  return { applied, version: Math.max(0, ...(await readApplied(client))) };
}

interface SchemaGoal {
  target: SchemaTarget;
  migrations: readonly Migration[];
  retentionDays: number;
  indexedAttributes: readonly string[];
}

/** Under the lock: what is still missing now (another holder may have done part of it). */
async function applyPending(client: ClickHouseClient, goal: SchemaGoal): Promise<number[]> {
  const { target, retentionDays } = goal;
  const applied: number[] = [];
  for (const migration of await pendingMigrations(client, goal.migrations)) {
    await runStatements(client, renderMigration(migration, target));
    await runCommand(client, sql`INSERT INTO ${APPLIED} (version, name) VALUES (toUInt32(${migration.version}), ${migration.name})`);
    applied.push(migration.version);
  }
  if (!(await retentionIsCurrent(client, retentionDays, target))) await runStatements(client, renderStatements([retentionStatement(retentionDays)], target));
  await runStatements(client, renderStatements(await attributeIndexChangesNeeded(client, goal), target));
  return applied;
}

async function pendingMigrations(client: ClickHouseClient, migrations: readonly Migration[]): Promise<Migration[]> {
  const done = new Set(await readApplied(client));
  return migrations.filter((migration) => !done.has(migration.version));
}

async function readApplied(client: ClickHouseClient): Promise<number[]> {
  const rows = await selectRows<{ version: number }>(client, sql`SELECT version FROM ${APPLIED}`);
  return rows.map((row) => Number(row.version));
}

/** Whether the raw table's TTL is the configured retention (on a cluster: this node's shard table). */
async function retentionIsCurrent(client: ClickHouseClient, days: number, target: SchemaTarget): Promise<boolean> {
  const [table] = await selectRows<{ definition: string }>(
    client,
    sql`SELECT create_table_query AS definition FROM system.tables
        WHERE database = ${DATABASE} AND name = ${storedTableName(LOGS_TABLE, target)}`,
  );
  return !table || table.definition.includes(retentionMarker(days));
}

/**
 * The statements (for one node) that add the index of each indexed attribute without one and drop
 * those of attributes no longer listed, judged on the raw table (on a cluster: this node's shard
 * table); none before the table exists. A new index is built for the stored parts in the
 * background; until then lookups read those parts whole, so no event is ever missed.
 */
async function attributeIndexChangesNeeded(client: ClickHouseClient, goal: SchemaGoal): Promise<string[]> {
  const table = storedTableName(LOGS_TABLE, goal.target);
  const [tables] = await selectRows<{ n: number }>(client, sql`SELECT count() AS n FROM system.tables WHERE database = ${DATABASE} AND name = ${table}`);
  if (Number(tables.n) === 0) return [];
  const present = await selectRows<{ name: string }>(
    client,
    sql`SELECT name FROM system.data_skipping_indices
        WHERE database = ${DATABASE} AND table = ${table} AND startsWith(name, ${ATTRIBUTE_INDEX_PREFIX})`,
  );
  return attributeIndexChanges(present.map((index) => index.name), goal.indexedAttributes);
}

async function runStatements(client: ClickHouseClient, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await client.command({ query: statement });
}
