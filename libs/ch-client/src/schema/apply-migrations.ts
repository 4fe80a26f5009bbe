/** Brings the `logs` database to the newest schema version; safe to run at every start. */
import type { ClickHouseClient } from '@clickhouse/client';
import {
  DATABASE,
  LOGS_TABLE,
  MIGRATIONS,
  MIGRATIONS_TABLE_DDL,
  retentionMarker,
  retentionStatement,
  type Migration,
} from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { identifier, sql } from '../sql/sql';

const MIGRATIONS_TABLE = identifier(`${DATABASE}.schema_migrations`);

export interface MigrationReport {
  /** Versions applied by this call, oldest first. */
  applied: number[];
  /** Newest version the database is at now. */
  version: number;
}

export async function applyMigrations(
  client: ClickHouseClient,
  options: { retentionDays: number; migrations?: readonly Migration[] },
): Promise<MigrationReport> {
  const migrations = options.migrations ?? MIGRATIONS;
  await runCommand(client, sql`CREATE DATABASE IF NOT EXISTS ${identifier(DATABASE)}`);
  await client.command({ query: MIGRATIONS_TABLE_DDL });
  const done = new Set(
    (await selectRows<{ version: number }>(client, sql`SELECT version FROM ${MIGRATIONS_TABLE}`)).map((row) =>
      Number(row.version),
    ),
  );
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    for (const statement of migration.statements) {
      await client.command({ query: statement });
    }
    await runCommand(
      client,
      sql`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES (${bindUInt(migration.version)}, ${migration.name})`,
    );
    applied.push(migration.version);
  }
  await applyRetention(client, options.retentionDays);
  const version = Math.max(0, ...done, ...applied);
  return { applied, version };
}

/** Changes the table TTL only when the configured retention differs from the current one. */
async function applyRetention(client: ClickHouseClient, days: number): Promise<void> {
  const [table] = await selectRows<{ definition: string }>(
    client,
    sql`SELECT create_table_query AS definition FROM system.tables
        WHERE database = ${DATABASE} AND name = ${LOGS_TABLE}`,
  );
  if (!table || table.definition.includes(retentionMarker(days))) return;
  await client.command({ query: retentionStatement(days) });
}

function bindUInt(value: number) {
  return sql`toUInt32(${value})`;
}
