import { loadConfig } from './config';
import { renderConfiguredSchema } from './schema-sql';

describe('main.js schema-sql', () => {
  it('prints the cluster DDL for CLICKHOUSE_CLUSTER, naming the server without its credentials', () => {
    const script = renderConfiguredSchema(loadConfig({ CLICKHOUSE_URL: 'http://user:secret@ch-1:8123', CLICKHOUSE_CLUSTER: 'logline', LOG_RETENTION_DAYS: '7' }));
    expect(script).toMatch(/^-- Logline's schema for the cluster logline, through http:\/\/ch-1:8123, keeping raw events 7 days\./);
    expect(script).not.toContain('secret');
    expect(script).toContain('CREATE TABLE IF NOT EXISTS logs.application_logs ON CLUSTER logline AS logs.application_logs_local');
    expect(script).toContain('ALTER TABLE logs.application_logs_local ON CLUSTER logline MODIFY TTL toDateTime(timestamp) + INTERVAL 7 DAY;');
  });

  it('prints one node\'s DDL for the embedded engine and for a single server alike', () => {
    const embedded = renderConfiguredSchema(loadConfig({}));
    const server = renderConfiguredSchema(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123' }));
    expect(embedded).toMatch(/^-- Logline's schema for the embedded engine in \.\/data, keeping raw events 30 days\./);
    expect(server.split('\n').slice(1)).toEqual(embedded.split('\n').slice(1));
    expect(embedded).not.toMatch(/ON CLUSTER|Distributed|Replicated|MODIFY TTL/);
  });
});
