/**
 * Which shard a row inserted through a Distributed table goes to. Deterministic (never rand()):
 * a writer's retry must split its block across the shards exactly as the first attempt did, so
 * that each shard recognises its part as a block it already stored and drops it.
 */
import { LOGS_TABLE } from '../tables';

/** Tables whose rows spread better by another key than their sorting key. */
const SHARDING_KEYS: Readonly<Record<string, string>> = Object.freeze({
  // Ordered by time only: events of one millisecond would all go to one shard. The event's
  // identity spreads a burst over every shard, and a retried event lands where it landed before.
  [LOGS_TABLE]: 'cityHash64(timestamp, producer_id, source, host, message)',
});

/** The table's sharding key: its own entry above, else a hash of its sorting key. */
export function shardingKey(table: string, orderBy: string): string {
  return SHARDING_KEYS[table] ?? `cityHash64(${orderBy})`;
}
