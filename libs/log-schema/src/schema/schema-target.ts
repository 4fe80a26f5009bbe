/**
 * Where the schema is applied: one node (the embedded engine or a ClickHouse server: the same
 * DDL), or a cluster named in the servers' `remote_servers` (CLICKHOUSE_CLUSTER), where each table
 * is a Replicated* table on every shard behind a Distributed table of the same name users query.
 */
export type SchemaTarget = { readonly topology: 'single-node' } | { readonly topology: 'cluster'; readonly cluster: string };

export const SINGLE_NODE: SchemaTarget = Object.freeze({ topology: 'single-node' });

/** A cluster name as ClickHouse's configuration allows it (it is written into the DDL). */
export const CLUSTER_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

export function clusterTarget(cluster: string): SchemaTarget {
  if (!new RegExp(CLUSTER_NAME_PATTERN).test(cluster)) throw new RangeError(`not a ClickHouse cluster name: ${cluster}`);
  return Object.freeze({ topology: 'cluster', cluster });
}

/** The shards' own tables on a cluster are named after their Distributed table plus this. */
export const LOCAL_TABLE_SUFFIX = '_local';

/** The table that holds the rows: the table itself on one node, each shard's local table on a cluster. */
export function storedTableName(table: string, target: SchemaTarget): string {
  return target.topology === 'cluster' ? `${table}${LOCAL_TABLE_SUFFIX}` : table;
}
