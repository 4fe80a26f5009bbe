import type { ClickHouseClient } from '@clickhouse/client';
import { render, type SqlFragment } from './sql';

/** Runs a SELECT built with `sql` and returns its rows as objects. */
export async function selectRows<T>(client: ClickHouseClient, fragment: SqlFragment): Promise<T[]> {
  const { text, params } = render(fragment);
  const result = await client.query({ query: text, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

/** Runs a statement that returns nothing (DDL, ALTER). */
export async function runCommand(client: ClickHouseClient, fragment: SqlFragment): Promise<void> {
  const { text, params } = render(fragment);
  await client.command({ query: text, query_params: params });
}
