import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Names this process among the replicas sharing a database (in claims and alert transitions): host, pid and a random part. */
export function newReplicaId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
