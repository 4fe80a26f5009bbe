export * from './schema-target';
export { renderMigration, renderStatements } from './render-schema';
export { BOOTSTRAP_STATEMENTS, CLAIMS_TABLE, MIGRATIONS_TABLE } from './bootstrap';
export { renderSchemaScript, type SchemaScriptOptions } from './schema-script';
