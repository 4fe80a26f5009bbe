/** Times the explorer's requests as SQL on PostgreSQL: median of `runs` after a warm-up. */
import type { Client } from 'pg';
import { QUERIES } from '../queries/catalogue';
import type { QueryContext } from '../queries/query-context';
import { medianMs } from '../stats';

export interface PgTiming {
  ms: number;
  rows: number;
}

export async function timePostgresQueries(client: Client, context: QueryContext, runs: number): Promise<Record<string, PgTiming>> {
  const timings: Record<string, PgTiming> = {};
  for (const query of QUERIES) {
    const postgres = query.postgres;
    if (!postgres) continue;
    let rows = 0;
    const ms = await medianMs(runs, async () => {
      rows = 0;
      // Asked for each run: the lookups by id ask for another id each time.
      for (const statement of postgres(context)) {
        const result = await client.query(statement.text, statement.values);
        // Serialised like the api's answer, so the export pays for its JSON as Logline does.
        rows += result.rows.map((row) => JSON.stringify(row)).length;
      }
    });
    timings[query.key] = { ms, rows };
  }
  return timings;
}
