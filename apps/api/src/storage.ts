import { readFileSync } from 'node:fs';
import { openStorage, type Storage } from '@logline/ch-client';
import type { ApiConfig } from './config';

/** Opens the storage the configuration names: a ClickHouse server, or the embedded engine. */
export function openConfiguredStorage(config: ApiConfig): Storage {
  return openStorage({
    url: config.clickhouse.url,
    username: config.clickhouse.username,
    password: config.clickhouse.password,
    caCertificate: config.clickhouse.caCertPath ? readFileSync(config.clickhouse.caCertPath) : undefined,
    dataDir: config.dataDir,
    maxQuerySeconds: config.queryTimeoutSeconds,
  });
}
