/**
 * The whole schema as one SQL script for a topology: what exists before any migration, every
 * migration in order, the retention when it is not the default, and the record of the versions
 * applied, so the api's `migrate` afterwards applies only newer ones. It is what `main.js
 * schema-sql` prints and, for one node, the ClickHouse image's init script
 * (deploy/clickhouse/initdb/001-schema.sql). Run by hand, it takes no lock: run it once.
 */
import { MIGRATIONS, retentionStatement, type Migration } from '../migrations';
import { DEFAULT_RETENTION_DAYS } from '../retention';
import { DATABASE } from '../tables';
import { BOOTSTRAP_STATEMENTS, MIGRATIONS_TABLE } from './bootstrap';
import { renderMigration, renderStatements } from './render-schema';
import type { SchemaTarget } from './schema-target';

export interface SchemaScriptOptions {
  target: SchemaTarget;
  retentionDays: number;
  /** Comment lines (without `-- `) that open the script. */
  header: readonly string[];
}

export function renderSchemaScript({ target, retentionDays, header }: SchemaScriptOptions): string {
  const sorted = [...MIGRATIONS].sort((a, b) => a.version - b.version);
  const sections = [
    header.map((line) => `-- ${line}`).join('\n'),
    section('Before any migration: the database, the versions applied, the replicas\' claims', renderStatements(BOOTSTRAP_STATEMENTS, target)),
    ...sorted.map((migration) => section(`Migration ${migration.version}: ${migration.name}`, renderMigration(migration, target))),
    ...(retentionDays === DEFAULT_RETENTION_DAYS ? [] : [section(`Retention: ${retentionDays} days`, renderStatements([retentionStatement(retentionDays)], target))]),
    section('Record the versions applied, as `main.js migrate` does', [recordVersions(sorted)]),
  ];
  return `${sections.join('\n\n')}\n`;
}

function section(title: string, statements: readonly string[]): string {
  return [`-- ${title}`, ...statements.map((statement) => `${statement};`)].join('\n\n');
}

/** The versions above, each recorded once however often the script runs. */
function recordVersions(migrations: readonly Migration[]): string {
  const rows = migrations.map((migration) => `(${migration.version}, '${migration.name.replace(/[\\']/g, '\\$&')}')`).join(', ');
  return `INSERT INTO ${DATABASE}.${MIGRATIONS_TABLE} (version, name)
SELECT version, name FROM values('version UInt32, name String', ${rows})
WHERE version NOT IN (SELECT version FROM ${DATABASE}.${MIGRATIONS_TABLE})`;
}
