/**
 * Web sessions ended by sign-out (logs.web_session_ends, see log-schema's web-session-migration.ts):
 * the web replica that signs a session out records it, every replica reads the list.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, formatClickHouseTime, WEB_SESSION_ENDS_TABLE } from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

const SESSION_ENDS = identifier(`${DATABASE}.${WEB_SESSION_ENDS_TABLE}`);
const DATE_TIME = "DateTime64(3, 'UTC')";

export interface SessionEnd {
  /** The SHA-256 of the session's id, as the web computes it. */
  readonly session: string;
  /** When the session would have ended anyway (its absolute limit), epoch ms. */
  readonly untilMs: number;
}

export async function recordSessionEnd(client: ClickHouseClient, end: SessionEnd): Promise<void> {
  await runCommand(
    client,
    sql`INSERT INTO ${SESSION_ENDS} (session, until) VALUES (${end.session}, ${bind(formatClickHouseTime(end.untilMs), DATE_TIME)})`,
  );
}

/** The ended sessions that could otherwise still be in use at `nowMs`. */
export async function readSessionEnds(client: ClickHouseClient, nowMs: number): Promise<SessionEnd[]> {
  const rows = await selectRows<{ session: string; until_ms: string | number }>(
    client,
    sql`SELECT session, max(toUnixTimestamp64Milli(until)) AS until_ms
        FROM ${SESSION_ENDS}
        WHERE until > ${bind(formatClickHouseTime(nowMs), DATE_TIME)}
        GROUP BY session`,
  );
  return rows.map((row) => ({ session: row.session, untilMs: Number(row.until_ms) }));
}
