/**
 * The syslog listener on SYSLOG_PORT: TCP (octet counting or newline framing) and UDP on the same
 * port number. Syslog carries no credentials, so it is its own door with no token check; see
 * config.ts for when it listens.
 */
import { createServer } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { ConnectionsPerAddress } from '@logline/security';
import type { ApiConfig } from '../../config';
import type { ApiMetrics } from '../../metrics';
import type { IngestPipeline } from '../ingest-pipeline';
import { SyslogConnection } from './syslog-connection';
import { SyslogDatagrams } from './syslog-datagrams';

export interface SyslogServer {
  /** The bound TCP port (useful when configured as 0); UDP listens on the same number. */
  port(): number;
  /** Stops accepting, stores what every connection and datagram brought, closes them. */
  close(): Promise<void>;
}

export async function startSyslog(pipeline: IngestPipeline, config: ApiConfig, metrics: ApiMetrics, log: FastifyBaseLogger): Promise<SyslogServer> {
  const limits = { ...config.ingest, retentionDays: config.retentionDays };
  const connections = new Set<SyslogConnection>();
  const perAddress = new ConnectionsPerAddress(config.ingest.tcpMaxConnectionsPerAddress);
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    // One address cannot take every connection the listener allows.
    if (!perAddress.admit(socket)) {
      socket.destroy();
      return;
    }
    socket.setTimeout(config.ingest.tcpIdleSeconds * 1000, () => socket.destroy());
    const connection = new SyslogConnection(socket, pipeline, limits, log);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  server.maxConnections = config.ingest.tcpMaxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.syslogPort, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const datagrams = new SyslogDatagrams(config.host, pipeline, limits, metrics, log);
  await datagrams.bind(port, config.host);
  return {
    port: () => port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...[...connections].map((connection) => connection.drain()), datagrams.close()]);
      await closed;
    },
  };
}
