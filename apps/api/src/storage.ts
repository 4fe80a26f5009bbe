import { readFileSync } from 'node:fs';
import { openStorage, StorageUnavailableError, type Storage } from '@logline/ch-client';
import type { ApiConfig } from './config';

/** Opens the storage the configuration names: a ClickHouse server, or the embedded engine. */
export function openConfiguredStorage(config: ApiConfig): Storage {
  try {
    return openStorageOf(config);
  } catch (error) {
    // The api image leaves the embedded engine out (apps/api/Dockerfile, EMBEDDED_ENGINE).
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /\bchdb\b/.test((error as Error).message)) {
      throw new StorageUnavailableError(
        'the embedded ClickHouse engine (npm package chdb) is not installed here: set CLICKHOUSE_URL to a ClickHouse ' +
          'server, or install chdb (in the api image: build it with --build-arg EMBEDDED_ENGINE=true)',
        { cause: error },
      );
    }
    throw error;
  }
}

function openStorageOf(config: ApiConfig): Storage {
  return openStorage({
    url: config.clickhouse.url,
    cluster: config.clickhouse.cluster,
    username: config.clickhouse.username,
    password: config.clickhouse.password,
    writer: config.clickhouse.writer,
    caCertificate: config.clickhouse.caCertPath ? readFileSync(config.clickhouse.caCertPath) : undefined,
    dataDir: config.dataDir,
    maxQuerySeconds: config.queryTimeoutSeconds,
  });
}
