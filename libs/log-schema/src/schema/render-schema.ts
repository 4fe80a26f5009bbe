/** Migrations and other schema statements as a topology (schema-target.ts) runs them. */
import type { Migration } from '../migrations';
import { renderForCluster } from './render-cluster';
import type { SchemaTarget } from './schema-target';

/** One node runs the statements as written; a cluster runs their cluster form. */
export function renderStatements(statements: readonly string[], target: SchemaTarget): string[] {
  if (target.topology === 'single-node') return [...statements];
  return statements.flatMap((statement) => renderForCluster(statement, target.cluster));
}

export function renderMigration(migration: Migration, target: SchemaTarget): string[] {
  return renderStatements(migration.statements, target);
}
