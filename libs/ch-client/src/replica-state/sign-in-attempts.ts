/**
 * Sign-in attempts as rows of logs.sign_in_attempts (see log-schema's shared-limits-migrations.ts):
 * an attempt is recorded as it starts, given back by a second row, and read back with every
 * attempt sharing one of its budgets, so every web replica counts the same attempts.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, formatClickHouseTime, SIGN_IN_ATTEMPTS_TABLE, SIGN_IN_KNOWN_ADDRESS_DAYS } from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

const ATTEMPTS = identifier(`${DATABASE}.${SIGN_IN_ATTEMPTS_TABLE}`);
const DATE_TIME = "DateTime64(3, 'UTC')";
const KNOWN_ADDRESS_MS = SIGN_IN_KNOWN_ADDRESS_DAYS * 86_400_000;
/**
 * Attempts read back at most. Refused attempts are given back, so the attempts still counted
 * stay within the budgets (plus those racing right now); this only bounds a flood's answer.
 */
const MAX_ATTEMPTS_READ = 10_000;

export interface SignInAttempt {
  readonly attempt: string;
  /** Trimmed and lower-cased: one user whatever the case typed. */
  readonly username: string;
  readonly address: string;
  readonly atMs: number;
}

/** What a new attempt is judged by: the attempts counted and the user's known addresses. */
export interface SeenAttempts {
  /** Attempts still counted since the window's start that share the user or the address. */
  readonly counted: readonly { readonly attempt: string; readonly sameUser: boolean; readonly address: string; readonly atMs: number }[];
  /** Address → when the user last signed in from it, within SIGN_IN_KNOWN_ADDRESS_DAYS. */
  readonly knownAddresses: ReadonlyMap<string, number>;
}

/** Counts the attempt until `windowMs` after it started. */
export function recordSignInAttempt(client: ClickHouseClient, attempt: SignInAttempt, windowMs: number): Promise<void> {
  return insertAttemptRow(client, attempt, { weight: 1, expiresMs: attempt.atMs + windowMs });
}

/** Stops counting an attempt refused before its password was checked. */
export function withdrawSignInAttempt(client: ClickHouseClient, attempt: SignInAttempt, windowMs: number): Promise<void> {
  return insertAttemptRow(client, attempt, { weight: -1, expiresMs: attempt.atMs + windowMs });
}

/**
 * The password of a recorded attempt was right: it stops counting, and its address becomes one the
 * user signs in from. Reads the attempt's own row first (as the reader: the writer may only
 * insert), so only an attempt some replica recorded can be given back; an unknown one changes nothing.
 */
export async function recordSignIn(clients: { writer: ClickHouseClient; reader: ClickHouseClient }, attempt: Omit<SignInAttempt, 'atMs'>): Promise<void> {
  const [recorded] = await selectRows<{ at_ms: string | number }>(
    clients.reader,
    sql`SELECT toUnixTimestamp64Milli(at) AS at_ms FROM ${ATTEMPTS}
        WHERE username = ${attempt.username} AND address = ${attempt.address} AND attempt = ${bind(attempt.attempt, 'UUID')} AND weight = 1
        LIMIT 1`,
  );
  if (!recorded) return;
  await insertAttemptRow(clients.writer, { ...attempt, atMs: Number(recorded.at_ms) }, { weight: -1, signedIn: true });
}

interface SeenRow {
  kind: 'attempt' | 'known';
  attempt: string;
  same_user: number;
  address: string;
  at_ms: string | number;
}

/** The attempts counted since `sinceMs` for this user or from this address, and the user's known addresses. */
export async function readSignInAttempts(
  client: ClickHouseClient,
  { username, address, sinceMs, nowMs }: { username: string; address: string; sinceMs: number; nowMs: number },
): Promise<SeenAttempts> {
  const rows = await selectRows<SeenRow>(
    client,
    sql`(SELECT 'attempt' AS kind, toString(attempt) AS attempt, username = ${username} AS same_user, address,
                toUnixTimestamp64Milli(min(at)) AS at_ms
         FROM ${ATTEMPTS}
         WHERE (username = ${username} OR address = ${address}) AND at > ${bind(formatClickHouseTime(sinceMs), DATE_TIME)}
         GROUP BY username, address, attempt
         HAVING sum(weight) > 0
         ORDER BY at_ms DESC
         LIMIT ${bind(MAX_ATTEMPTS_READ, 'UInt32')})
        UNION ALL
        (SELECT 'known' AS kind, '' AS attempt, 1 AS same_user, address, toUnixTimestamp64Milli(max(at)) AS at_ms
         FROM ${ATTEMPTS}
         WHERE username = ${username} AND signed_in = 1 AND at > ${bind(formatClickHouseTime(nowMs - KNOWN_ADDRESS_MS), DATE_TIME)}
         GROUP BY address)`,
  );
  const counted = rows
    .filter((row) => row.kind === 'attempt')
    .map((row) => ({ attempt: row.attempt, sameUser: Number(row.same_user) === 1, address: row.address, atMs: Number(row.at_ms) }));
  const knownAddresses = new Map(rows.filter((row) => row.kind === 'known').map((row) => [row.address, Number(row.at_ms)]));
  return { counted, knownAddresses };
}

/** One row of an attempt: counted (1) or given back (-1), kept until `expiresMs` or, for a sign-in, SIGN_IN_KNOWN_ADDRESS_DAYS. */
function insertAttemptRow(
  client: ClickHouseClient,
  attempt: SignInAttempt,
  row: { weight: 1 | -1; expiresMs: number } | { weight: -1; signedIn: true },
): Promise<void> {
  const signedIn = 'signedIn' in row;
  const expiresMs = signedIn ? attempt.atMs + KNOWN_ADDRESS_MS : row.expiresMs;
  return runCommand(
    client,
    sql`INSERT INTO ${ATTEMPTS} (username, address, attempt, at, weight, signed_in, expires)
        VALUES (${attempt.username}, ${attempt.address}, ${bind(attempt.attempt, 'UUID')}, ${bind(formatClickHouseTime(attempt.atMs), DATE_TIME)},
                ${bind(row.weight, 'Int8')}, ${bind(signedIn ? 1 : 0, 'UInt8')}, ${bind(Math.ceil(expiresMs / 1000), 'UInt32')})`,
  );
}
