/** The whole PostgreSQL baseline: start, load, index, time the queries, measure, stop and remove. */
import { Client } from 'pg';
import type { QueryContext } from '../queries/query-context';
import { loadPostgres, type PgLoad } from './pg-load';
import { timePostgresQueries, type PgTiming } from './pg-queries';
import { startPostgres } from './pg-server';

export interface PostgresResult {
  version: string;
  load: PgLoad;
  queries: Record<string, PgTiming>;
}

/** `csvPath` must be readable by the postgres user (the server reads it itself). */
export async function runPostgresBaseline(csvPath: string, context: QueryContext, runs: number): Promise<PostgresResult> {
  const server = await startPostgres();
  try {
    const client = new Client({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      const load = await loadPostgres(client, csvPath);
      const queries = await timePostgresQueries(client, context, runs);
      return { version: server.version, load, queries };
    } finally {
      await client.end();
    }
  } finally {
    server.stop();
  }
}
