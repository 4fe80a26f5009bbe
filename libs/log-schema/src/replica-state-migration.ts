/**
 * Migration 14: what api replicas share instead of holding it in one process's memory, so any
 * number of them can run behind a load balancer and a restart forgets nothing.
 */
import { DATABASE } from './tables';

/**
 * Every change of an alert rule's state (inactive, pending, firing, resolved), numbered per rule.
 * A replica that sees a change inserts transition n + 1 with `<rule>:<n + 1>` as its
 * insert_deduplication_token: of replicas doing so at once the engine keeps the first row (the
 * table's deduplication window; on a cluster Keeper's, on the one shard the key hashes to), and
 * only the replica whose row was kept sends the notification. The newest transition is the rule's
 * state for every replica and after a restart. A few rows a day per rule: no TTL, so a state
 * that lasts is never forgotten.
 */
export const ALERT_TRANSITIONS_TABLE = 'alert_transitions';

export const REPLICA_STATE_MIGRATION = {
  version: 14,
  name: 'shared replica state: alert rule transitions',
  statements: [
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${ALERT_TRANSITIONS_TABLE}
(
    rule         String,
    transition   UInt64,
    state        LowCardinality(String),
    since        DateTime64(3, 'UTC'),
    active_since Nullable(DateTime64(3, 'UTC')),
    holder       String,
    written_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (rule, transition)
SETTINGS non_replicated_deduplication_window = 10000`,
  ],
};
