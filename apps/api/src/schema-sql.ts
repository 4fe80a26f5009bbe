/** `main.js schema-sql`: the DDL the api would apply for its configuration, printed without connecting. */
import { clusterTarget, renderSchemaScript, SINGLE_NODE } from '@logline/log-schema';
import type { ApiConfig } from './config';

export function renderConfiguredSchema(config: ApiConfig): string {
  const { url, cluster } = config.clickhouse;
  const server = url ? new URL(url).origin : undefined;
  const where = cluster ? `the cluster ${cluster}, through ${server}` : server ? `the ClickHouse server at ${server}` : `the embedded engine in ${config.dataDir}`;
  return renderSchemaScript({
    target: cluster ? clusterTarget(cluster) : SINGLE_NODE,
    retentionDays: config.retentionDays,
    header: [
      `Logline's schema for ${where}, keeping raw events ${config.retentionDays} days.`,
      'Printed by `main.js schema-sql` without connecting. `main.js migrate` (or the api at start) applies',
      'it one replica at a time and records the versions; run by hand, run it once.',
    ],
  });
}
