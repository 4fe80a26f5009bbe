/**
 * One migrator at a time, however many api replicas start at once. The lock is a claim
 * (claims.ts) of `schema-lock:<n>`: a replica that finds migrations to apply reads the newest
 * attempt n; while its holder is alive (a heartbeat row every few seconds, no release row) it
 * waits for the work to be done; otherwise it claims n + 1, and of the replicas that do so at once
 * exactly one wins. A holder that dies stops beating, and after the lease another replica claims
 * the next attempt (each migration is written to be safe to run again after an interruption).
 * Ages are measured by the database's clock, so the replicas' clocks do not matter.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { CLAIMS_TABLE, DATABASE } from '@logline/log-schema';
import { claimKey, recordUnderKey } from '../replica-state/claims';
import { selectRows } from '../sql/run-query';
import { identifier, sql } from '../sql/sql';

const CLAIMS = identifier(`${DATABASE}.${CLAIMS_TABLE}`);
const LOCK_PREFIX = 'schema-lock:';

export interface SchemaLockTiming {
  /** A holder whose newest heartbeat is older than this is taken for dead. Default 60 s. */
  leaseMs: number;
  /** How often the holder beats. Default 5 s. */
  beatMs: number;
  /** How often a waiter looks again. Default 1 s. */
  pollMs: number;
}

const DEFAULT_TIMING: SchemaLockTiming = { leaseMs: 60_000, beatMs: 5_000, pollMs: 1_000 };

/**
 * Runs `work` holding the lock, unless `isDone` turns true while another replica holds it: then
 * returns undefined without running it.
 */
export async function withSchemaLock<T>(
  client: ClickHouseClient,
  holder: string,
  isDone: () => Promise<boolean>,
  work: () => Promise<T>,
  timing: SchemaLockTiming = DEFAULT_TIMING,
): Promise<T | undefined> {
  for (;;) {
    const newest = await readNewestAttempt(client);
    if (newest && newest.alive(timing.leaseMs)) {
      if (await isDone()) return undefined;
      await sleep(timing.pollMs);
      continue;
    }
    const key = `${LOCK_PREFIX}${(newest?.attempt ?? 0) + 1}`;
    if (!(await claimKey(client, key, holder))) continue;
    const heartbeat = beat(client, key, holder, timing.beatMs);
    try {
      return await work();
    } finally {
      await heartbeat.stop();
      // Unrecorded (storage gone), the release is inferred from the heartbeats stopping.
      await recordUnderKey(client, `${key}:released`, holder).catch(() => undefined);
    }
  }
}

interface Attempt {
  attempt: number;
  alive(leaseMs: number): boolean;
}

async function readNewestAttempt(client: ClickHouseClient): Promise<Attempt | undefined> {
  const [row] = await selectRows<{ attempt: number; age_ms: number | string; released: number }>(
    client,
    sql`SELECT toUInt32(splitByChar(':', key)[2]) AS attempt,
               dateDiff('millisecond', max(claimed_at), now64(3)) AS age_ms,
               countIf(endsWith(key, ':released')) AS released
        FROM ${CLAIMS}
        WHERE startsWith(key, ${LOCK_PREFIX})
        GROUP BY attempt ORDER BY attempt DESC LIMIT 1`,
  );
  if (!row) return undefined;
  return { attempt: Number(row.attempt), alive: (leaseMs) => Number(row.released) === 0 && Number(row.age_ms) <= leaseMs };
}

/** Inserts a heartbeat row under `<key>:beat` every `everyMs` until stopped. */
function beat(client: ClickHouseClient, key: string, holder: string, everyMs: number): { stop(): Promise<void> } {
  let beats = 0;
  let pending: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beats += 1;
    // The beat's number keeps each row distinct, so the table's deduplication keeps them all.
    pending = recordUnderKey(client, `${key}:beat`, `${holder}#${beats}`).catch(() => undefined);
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
