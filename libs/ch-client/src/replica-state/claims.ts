/**
 * First-writer-wins claims in logs.replica_claims, how api replicas that share one ClickHouse (or
 * one cluster) agree which of them applies the migrations (schema-lock.ts); alert transitions
 * (alert-transitions.ts) are decided the same way, in their own table.
 * ClickHouse has no compare-and-set; what it has is insert deduplication. A claim is inserted
 * with its key as `insert_deduplication_token`, so of concurrent claims of one key the engine
 * stores the first and silently drops the rest (one node: the table's
 * non_replicated_deduplication_window; a cluster: Keeper's block ids on the shard the key
 * hashes to). Every claimant then reads the key back and has won only if the stored holder is
 * itself. Should both rows be stored (a claim made after the deduplication window), the earliest
 * wins for everyone alike.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { CLAIMS_TABLE, DATABASE } from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { identifier, sql } from '../sql/sql';

const CLAIMS = identifier(`${DATABASE}.${CLAIMS_TABLE}`);

/** True when `holder` won `key`: it is the holder stored for it, now and for every later reader. */
export async function claimKey(client: ClickHouseClient, key: string, holder: string): Promise<boolean> {
  await runCommand(client, sql`INSERT INTO ${CLAIMS} (key, holder) SETTINGS insert_deduplication_token = ${key} VALUES (${key}, ${holder})`);
  return (await readHolder(client, key)) === holder;
}

/** Who holds `key`, if anyone claimed it. */
export async function readHolder(client: ClickHouseClient, key: string): Promise<string | undefined> {
  const [row] = await selectRows<{ holder: string }>(
    client,
    sql`SELECT argMin(holder, (claimed_at, holder)) AS holder FROM ${CLAIMS} WHERE key = ${key} HAVING count() > 0`,
  );
  return row?.holder;
}

/** Adds a row under `key` that is not a claim (a heartbeat, a release): every such row is kept. */
export async function recordUnderKey(client: ClickHouseClient, key: string, holder: string): Promise<void> {
  await runCommand(client, sql`INSERT INTO ${CLAIMS} (key, holder) VALUES (${key}, ${holder})`);
}
