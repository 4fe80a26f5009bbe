/**
 * The newline-delimited JSON ingest listener (no acknowledgements, like Vector's socket source).
 * With authentication on, a connection's first line must be `{"token":"<ingest token>"}`.
 */
import { createServer, type Server } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { ConnectionsPerAddress } from '@logline/security';
import type { ApiConfig } from '../config';
import { TokenStore } from '../auth/token-store';
import type { IngestPipeline } from './ingest-pipeline';
import { tcpAuthenticator } from './tcp-auth';
import { TcpConnection } from './tcp-connection';

export interface TcpIngestServer {
  /** The bound port (useful when configured as 0). */
  port(): number;
  /** Stops accepting, stores what every connection has read, closes them. */
  close(): Promise<void>;
}

export async function startTcpIngest(
  pipeline: IngestPipeline,
  config: ApiConfig,
  log: FastifyBaseLogger,
  tokens: TokenStore = new TokenStore([]),
): Promise<TcpIngestServer> {
  const connections = new Set<TcpConnection>();
  const perAddress = new ConnectionsPerAddress(config.ingest.tcpMaxConnectionsPerAddress);
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    // One address cannot take every connection the listener allows.
    if (!perAddress.admit(socket)) {
      socket.destroy();
      return;
    }
    socket.setTimeout(config.ingest.tcpIdleSeconds * 1000, () => socket.destroy());
    const limits = { ...config.ingest, retentionDays: config.retentionDays };
    const connection = new TcpConnection(socket, pipeline, limits, log, tokens.enabled ? tcpAuthenticator(tokens) : undefined);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  server.maxConnections = config.ingest.tcpMaxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.tcpPort, config.host, () => resolve());
  });
  return {
    port: () => {
      const address = server.address();
      return typeof address === 'object' && address ? address.port : 0;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...connections].map((connection) => connection.drain()));
      await closed;
    },
  };
}
