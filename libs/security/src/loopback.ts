/** Names and addresses that only ever reach this machine: listening there needs no credentials. */
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** True for `localhost`, 127.0.0.0/8 and `::1` (brackets and a trailing dot allowed). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(normalizeHostname(host));
}

/** Lower case, without IPv6 brackets or the root's trailing dot, so equal names compare equal. */
export function normalizeHostname(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}
