/** Writes the ClickHouse init script from MIGRATIONS: `npx nx run deploy:generate-ddl`. */
import { writeFileSync } from 'node:fs';
import { SCHEMA_SQL_PATH, renderSchemaSql } from './schema-sql';

writeFileSync(SCHEMA_SQL_PATH, renderSchemaSql());
process.stdout.write(`wrote ${SCHEMA_SQL_PATH}\n`);
