/**
 * Sign-in attempt budgets every web replica shares (the attempts are rows in ClickHouse, see
 * sign-in-attempts.ts). Each attempt counts as it starts, against three budgets over a window;
 * using one up pauses what it counts until its oldest attempt leaves the window:
 * - one username from one address (`perUserAddress`), since the user last signed in from it: a
 *   guesser at one address cannot lock the user out anywhere else;
 * - one address, whatever the usernames (`perAddress`): stops spraying many names;
 * - one username from every address it has not signed in from lately (`perUserUnknownAddresses`):
 *   bounds guessing from many addresses, while the addresses the user really signs in from keep
 *   working, so no one can lock a user out for good.
 * A correct password gives its attempt back. Usernames count whether or not they exist.
 *
 * An attempt is recorded first and judged after, counting every attempt stored by then, its own
 * included: of two attempts racing on two replicas, the later read sees both, so together they
 * never get past a budget (both may be refused when one was left: refusing is the safe side).
 * A refused attempt is given back, so hammering a paused budget does not extend the pause.
 */
import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { readSignInAttempts, recordSignIn, recordSignInAttempt, withdrawSignInAttempt, type SeenAttempts } from './sign-in-attempts';

export interface SignInLimits {
  readonly perUserAddress: number;
  readonly perAddress: number;
  readonly perUserUnknownAddresses: number;
  /** How long an attempt counts. */
  readonly windowMs: number;
}

export interface SignInCaller {
  /** As typed; compared trimmed and lower-cased. */
  readonly username: string;
  readonly address: string;
}

/** Either the attempt may go ahead (and is counted under `attempt`) or it must wait. */
export type SignInStart = { readonly attempt: string; readonly retryAfterMs: 0 } | { readonly attempt?: undefined; readonly retryAfterMs: number };

interface Clients {
  readonly writer: ClickHouseClient;
  readonly reader: ClickHouseClient;
}

/** Counts an attempt before its password is checked; refused (and given back) when a budget is used up. */
export async function beginSignIn(clients: Clients, caller: SignInCaller, limits: SignInLimits, nowMs: number): Promise<SignInStart> {
  const attempt = { attempt: randomUUID(), username: normalizeUsername(caller.username), address: caller.address, atMs: nowMs };
  await recordSignInAttempt(clients.writer, attempt, limits.windowMs);
  const seen = await readSignInAttempts(clients.reader, { ...attempt, sinceMs: nowMs - limits.windowMs, nowMs });
  const wait = waitMs(seen, attempt, limits, nowMs, attempt.attempt);
  if (wait === 0) return { attempt: attempt.attempt, retryAfterMs: 0 };
  await withdrawSignInAttempt(clients.writer, attempt, limits.windowMs);
  return { retryAfterMs: wait };
}

/** Milliseconds until `caller` may try again; 0 when now. */
export async function signInRetryAfterMs(reader: ClickHouseClient, caller: SignInCaller, limits: SignInLimits, nowMs: number): Promise<number> {
  const who = { username: normalizeUsername(caller.username), address: caller.address };
  const seen = await readSignInAttempts(reader, { ...who, sinceMs: nowMs - limits.windowMs, nowMs });
  return waitMs(seen, who, limits, nowMs);
}

/** The password of `attempt` was right: it is given back, and the address becomes one the user signs in from. */
export function succeedSignIn(clients: Clients, caller: SignInCaller, attempt: string): Promise<void> {
  return recordSignIn(clients, { attempt, username: normalizeUsername(caller.username), address: caller.address });
}

/** The longest pause among the budgets the caller's attempts count against, not counting attempt `except`. */
function waitMs(seen: SeenAttempts, caller: SignInCaller, limits: SignInLimits, nowMs: number, except?: string): number {
  const counted = seen.counted.filter((attempt) => attempt.attempt !== except);
  const signedInAt = seen.knownAddresses.get(caller.address);
  const budgets = [
    { max: limits.perUserAddress, times: counted.filter((a) => a.sameUser && a.address === caller.address && a.atMs > (signedInAt ?? -Infinity)) },
    { max: limits.perAddress, times: counted.filter((a) => a.address === caller.address) },
  ];
  if (signedInAt === undefined) {
    budgets.push({ max: limits.perUserUnknownAddresses, times: counted.filter((a) => a.sameUser && !seen.knownAddresses.has(a.address)) });
  }
  return Math.max(0, ...budgets.map(({ max, times }) => pauseMs(times.map((a) => a.atMs), max, limits.windowMs, nowMs)));
}

/** With `max` or more attempts in the window, the time until enough of them leave it for one more. */
function pauseMs(times: number[], max: number, windowMs: number, nowMs: number): number {
  if (times.length < max) return 0;
  const sorted = times.sort((a, b) => a - b);
  return Math.max(0, sorted[sorted.length - max] + windowMs - nowMs);
}

function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
