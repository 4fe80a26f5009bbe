/**
 * The host names a server answers to. A page that DNS rebinding has pointed at a local server
 * sends its own site's name in `Host`, so answering only to known names keeps other sites'
 * scripts from reading it. Addresses (no name to rebind) and `localhost` are always allowed, and
 * so is the listen host; `*` in the list turns the check off (for a proxy in front that checks
 * names itself).
 */
import { isIP } from 'node:net';
import { isLoopbackHost, normalizeHostname } from './loopback';

export interface AllowedHosts {
  /** True when `*` was configured: every name is allowed. */
  readonly any: boolean;
  /** Names configured explicitly (normalised); addresses and `localhost` are allowed besides. */
  readonly configured: ReadonlySet<string>;
}

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '']);
const HOST_NAME = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const IPV6 = /^[0-9a-f:.]+$/;

/** Reads a comma-separated list; returns the names and a problem for each entry that is not one. */
export function parseHostList(text: string): { names: string[]; problems: string[] } {
  const names = text.split(',').map(normalizeHostname).filter(Boolean);
  const problems = names
    .filter((name) => name !== '*' && !HOST_NAME.test(name) && !(name.includes(':') && IPV6.test(name)))
    .map((name) => `'${name}' is not a host name or address (no ports, schemes or paths)`);
  return { names, problems };
}

export function allowedHosts(names: readonly string[], listenHost: string): AllowedHosts {
  const configured = new Set(names.map(normalizeHostname));
  const listen = normalizeHostname(listenHost);
  if (!WILDCARD_ADDRESSES.has(listen)) configured.add(listen);
  configured.delete('*');
  return { any: names.includes('*'), configured };
}

/** Is `hostname` (without its port) one this server answers to? */
export function isAllowedHost(allowed: AllowedHosts, hostname: string): boolean {
  if (allowed.any) return true;
  const name = normalizeHostname(hostname);
  return isIP(name) !== 0 || isLoopbackHost(name) || allowed.configured.has(name);
}

/** The name in a `Host` header: `[::1]:4000` → `::1`, `Example.com:3000` → `example.com`. */
export function hostnameOfHostHeader(header: string): string {
  const bracketed = /^\[([^\]]*)\](:\d+)?$/.exec(header.trim());
  if (bracketed) return normalizeHostname(bracketed[1]);
  return normalizeHostname(header.replace(/:\d*$/, ''));
}
