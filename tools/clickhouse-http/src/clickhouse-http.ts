/**
 * Logline's ClickHouse HTTP front: the part of ClickHouse's HTTP interface that @clickhouse/client
 * and Vector's clickhouse sink use, served over the real embedded engine (chdb) in a data
 * directory. Test infrastructure, never shipped: it lets the suite run server mode for real on a
 * machine where no ClickHouse server can run. See tools/clickhouse-http/README.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Engine } from './engine';
import { handleRequest, type FrontState } from './handle-request';
import { MAX_URL_BYTES } from './query-request';

export interface ClickHouseHttpOptions {
  /** The engine's data directory. One process owns a directory; other clients in this process may share it. */
  dataDir: string;
  /** Listen address. Default 127.0.0.1. */
  host?: string;
  /** Port. Default 0 (any free port). */
  port?: number;
  /** Users and their passwords. Default: `default` with an empty password, as a fresh server has. */
  users?: Readonly<Record<string, string>>;
  /** Largest request body held in memory, in bytes. Default 256 MiB. */
  maxBodyBytes?: number;
}

export interface ClickHouseHttp {
  /** `http://host:port`, for CLICKHOUSE_URL. */
  readonly url: string;
  /** The engine's ClickHouse version. */
  readonly version: string;
  /** Stops listening, ends open connections, and waits for the engine to finish what it runs. */
  close(): Promise<void>;
}

// ClickHouse accepts URLs up to 1 MiB (http_max_uri_size); Node's default header limit is 16 KiB,
// which long `param_*` values (@clickhouse/client puts them in the URL) would overflow.
const MAX_REQUEST_HEAD_BYTES = MAX_URL_BYTES + 64 * 1024;
// The server's keep_alive_timeout, 10 s: @clickhouse/client's idle sockets (2.5 s) live shorter.
const KEEP_ALIVE_MS = 10_000;

export async function startClickHouseHttp(options: ClickHouseHttpOptions): Promise<ClickHouseHttp> {
  const engine = new Engine(options.dataDir);
  const facts = await engine.describe();
  const state: FrontState = {
    engine,
    facts,
    users: new Map(Object.entries(options.users ?? { default: '' })),
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024 * 1024,
  };
  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEAD_BYTES }, (request, response) => {
    void handleRequest(state, request, response);
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    version: facts.version,
    close: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await engine.close();
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
