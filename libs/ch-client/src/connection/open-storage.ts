/**
 * Opens ClickHouse for the api: the embedded engine (chdb) in a data directory when no server URL
 * is given, otherwise a ClickHouse server over HTTP(S). Either way callers get @clickhouse/client
 * instances, one for reads and one for writes (the embedded engine runs one call per client at a
 * time, so separate clients let queries run while a batch is inserted).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { clusterTarget, SINGLE_NODE, type SchemaTarget } from '@logline/log-schema';
import { StorageUnavailableError } from '../errors';

type EmbeddedConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

export interface StorageOptions {
  /** ClickHouse server URL, `http(s)://host:port`. Unset: the embedded engine. */
  url?: string;
  /**
   * The cluster (in the servers' `remote_servers`) the schema spans: tables are Replicated on each
   * shard behind Distributed ones (see libs/log-schema's render-cluster.ts). Needs `url`. Unset: one node.
   */
  cluster?: string;
  /** Server user. Default `default`. Ignored by the embedded engine. */
  username?: string;
  /** Server password. Default empty. Ignored by the embedded engine. */
  password?: string;
  /**
   * The user inserts (and migrations) run as, when not `username`: a read-only reader beside a
   * writer allowed its few INSERTs. Default: `username` and `password`.
   */
  writer?: { readonly username: string; readonly password: string };
  /** PEM CA certificate(s) to trust for an https URL. Default: the system's CAs. */
  caCertificate?: Buffer;
  /** Embedded engine's data directory; created when missing. Required when `url` is unset. */
  dataDir?: string;
  /** Longest a read may run, in seconds (`max_execution_time`). Default 30. */
  maxQuerySeconds?: number;
  /** Most memory one read may use, in bytes (`max_memory_usage`). Default 2 GiB. */
  maxQueryMemoryBytes?: number;
  /** Most rows one read may return (`max_result_rows`). Default 1 000 000. */
  maxResultRows?: number;
  /** HTTP request timeout for a server, in ms. Default 60 000. */
  requestTimeoutMs?: number;
}

export interface Storage {
  readonly mode: 'embedded' | 'server';
  /** The topology the schema is rendered for: one node, or the cluster. */
  readonly schemaTarget: SchemaTarget;
  /** Where the data lives: the data directory or the server URL (without credentials). */
  readonly location: string;
  readonly reader: ClickHouseClient;
  readonly writer: ClickHouseClient;
  close(): Promise<void>;
}

/**
 * Limits on every read, so one bad search cannot starve the server. The production reader user may
 * change exactly these in readonly mode (deploy/clickhouse/users.d), so keep the two lists together.
 */
export function readerSettings(options: StorageOptions): ClickHouseSettings {
  return {
    max_execution_time: options.maxQuerySeconds ?? 30,
    max_memory_usage: String(options.maxQueryMemoryBytes ?? 2 ** 31),
    max_result_rows: String(options.maxResultRows ?? 1_000_000),
    result_overflow_mode: 'throw',
  };
}

export function openStorage(options: StorageOptions): Storage {
  const readSettings = readerSettings(options);
  if (options.url) return openServer(options.url, options, readSettings);
  if (options.cluster) throw new StorageUnavailableError('a cluster is reached through a server: set CLICKHOUSE_URL with CLICKHOUSE_CLUSTER');
  if (!options.dataDir) throw new StorageUnavailableError('no CLICKHOUSE_URL and no data directory given');
  return openEmbedded(resolve(options.dataDir), readSettings);
}

function openServer(url: string, options: StorageOptions, readSettings: ClickHouseSettings): Storage {
  const common = {
    url,
    username: options.username ?? 'default',
    password: options.password ?? '',
    request_timeout: options.requestTimeoutMs ?? 60_000,
    tls: options.caCertificate ? { ca_cert: options.caCertificate } : undefined,
    compression: { request: true, response: true },
  };
  const cluster = options.cluster ? clusterSettings : {};
  const reader = createClient({ ...common, clickhouse_settings: { ...readSettings, ...cluster } });
  const writer = createClient({ ...common, ...options.writer, clickhouse_settings: { wait_end_of_query: 1, ...cluster } });
  const location = new URL(url).origin;
  const schemaTarget = options.cluster ? clusterTarget(options.cluster) : SINGLE_NODE;
  return { mode: 'server', schemaTarget, location, reader, writer, close: () => closeAll([reader, writer]) };
}

/**
 * On a cluster, an insert into a Distributed table answers once a replica of every shard has the
 * rows (not when they are queued on the node that took them), so a 2xx still means stored. And
 * every query picks the first healthy replica of each shard, as the insert did, so a query right
 * after an insert, the api's duplicate check included, reads where it wrote rather than a replica
 * still fetching the part. The other replicas take over when the first is down.
 */
const clusterSettings: ClickHouseSettings = { distributed_foreground_insert: 1, load_balancing: 'in_order' };

function openEmbedded(dataDir: string, readSettings: ClickHouseSettings): Storage {
  mkdirSync(dataDir, { recursive: true });
  // Loaded lazily so server mode never loads the 500 MB engine.
  const { createChdbConnection } = require('chdb/connection') as typeof import('chdb/connection');
  const connect = (settings?: ClickHouseSettings): ClickHouseClient => {
    try {
      // chdb builds against its own copy of client-common's types; the runtime contract is the same.
      const connection = createChdbConnection({ path: dataDir }) as unknown as EmbeddedConnection;
      return createClient({ connection, clickhouse_settings: settings });
    } catch (error) {
      throw new StorageUnavailableError(
        `cannot open the embedded ClickHouse data directory ${dataDir}: another process (an api ` +
          `already running?) holds it, or it is not writable. Stop that process or set LOGLINE_DATA_DIR.`,
        { cause: error },
      );
    }
  };
  const writer = connect();
  const reader = connect(readSettings);
  return { mode: 'embedded', schemaTarget: SINGLE_NODE, location: dataDir, reader, writer, close: () => closeAll([reader, writer]) };
}

async function closeAll(clients: ClickHouseClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}
