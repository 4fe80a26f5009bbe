/**
 * Alert rules' states shared by every api replica (logs.alert_transitions, see log-schema's
 * replica-state-migration.ts): each replica reads the newest transition of each rule before it
 * evaluates, and records a change as the next transition, which only one replica wins.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { ALERT_TRANSITIONS_TABLE, DATABASE, formatClickHouseTime } from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

const TRANSITIONS = identifier(`${DATABASE}.${ALERT_TRANSITIONS_TABLE}`);
const DATE_TIME = "DateTime64(3, 'UTC')";

export interface AlertTransition {
  readonly rule: string;
  /** 1 for a rule's first change, then one more for each. */
  readonly transition: number;
  readonly state: string;
  readonly sinceMs: number;
  readonly activeSinceMs?: number;
}

interface TransitionRow {
  rule: string;
  transition: string | number;
  state: string;
  since_ms: string | number;
  active_since_ms: string | number | null;
}

/** The newest transition of each of these rules that has one. */
export async function readAlertTransitions(client: ClickHouseClient, rules: readonly string[]): Promise<Map<string, AlertTransition>> {
  if (rules.length === 0) return new Map();
  // Of two rows of one transition (kept when they came further apart than the deduplication
  // window), every replica takes the same one: the first written.
  const rows = await selectRows<TransitionRow>(
    client,
    sql`SELECT rule, transition, state, toUnixTimestamp64Milli(since) AS since_ms,
               toUnixTimestamp64Milli(active_since) AS active_since_ms
        FROM ${TRANSITIONS}
        WHERE rule IN ${[...rules]}
        ORDER BY rule, transition DESC, written_at, holder
        LIMIT 1 BY rule`,
  );
  return new Map(rows.map((row) => [row.rule, toTransition(row)]));
}

/**
 * Records the change unless another replica recorded that number first; true when this replica's
 * row is the one kept. Inserts as the writer, then reads which row was kept as the reader, so the
 * writer needs nothing but its INSERT.
 */
export async function recordAlertTransition(
  { writer, reader }: { writer: ClickHouseClient; reader: ClickHouseClient },
  change: AlertTransition,
  holder: string,
): Promise<boolean> {
  const token = `${change.rule}:${change.transition}`;
  const activeSince = change.activeSinceMs === undefined ? null : formatClickHouseTime(change.activeSinceMs);
  await runCommand(
    writer,
    sql`INSERT INTO ${TRANSITIONS} (rule, transition, state, since, active_since, holder)
        SETTINGS insert_deduplication_token = ${token}
        VALUES (${change.rule}, ${bind(change.transition, 'UInt64')}, ${change.state}, ${bind(formatClickHouseTime(change.sinceMs), DATE_TIME)},
                ${bind(activeSince, `Nullable(${DATE_TIME})`)}, ${holder})`,
  );
  const [kept] = await selectRows<{ holder: string }>(
    reader,
    sql`SELECT holder FROM ${TRANSITIONS}
        WHERE rule = ${change.rule} AND transition = ${bind(change.transition, 'UInt64')}
        ORDER BY written_at, holder LIMIT 1`,
  );
  return kept?.holder === holder;
}

function toTransition(row: TransitionRow): AlertTransition {
  return {
    rule: row.rule,
    transition: Number(row.transition),
    state: row.state,
    sinceMs: Number(row.since_ms),
    activeSinceMs: row.active_since_ms === null ? undefined : Number(row.active_since_ms),
  };
}
