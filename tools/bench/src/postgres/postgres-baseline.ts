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

/** `nextCsv` writes the rows chunk by chunk, as loadPostgres asks for them. */
export async function runPostgresBaseline(
  nextCsv: () => Promise<string | undefined>,
  events: number,
  context: QueryContext,
  runs: number,
): Promise<PostgresResult> {
  const server = await startPostgres();
  try {
    const client = new Client({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      const load = await loadPostgres(client, nextCsv, events);
      const queries = await timePostgresQueries(client, context, runs);
      return { version: server.version, load, queries };
    } finally {
      await client.end();
    }
  } finally {
    server.stop();
  }
}
