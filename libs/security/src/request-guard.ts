/**
 * Refuses requests another web site could make a browser send: a `Host` this server does not
 * answer to (DNS rebinding), a state change from another origin, and (where asked) a state
 * change as a "simple request" that needs no CORS preflight. Registered first, as an onRequest
 * hook, so nothing is parsed or stored before the check.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { hostnameOfHostHeader, isAllowedHost, type AllowedHosts } from './allowed-hosts';
import { normalizeHostname } from './loopback';
import { isSimpleRequest } from './simple-request';

export interface Refusal {
  readonly statusCode: 403 | 415;
  readonly message: string;
}

export interface RequestGuardOptions {
  readonly allowedHosts: AllowedHosts;
  /** The setting that lists allowed names, named in the refusal so an operator knows what to set. */
  readonly hostsSetting: string;
  /** Refuse state changes sent as simple requests (the api; not the web, whose forms are exactly that). */
  readonly refuseSimpleRequests: boolean;
  /** Turns a refusal into the app's own error type, answered by its error handler. */
  readonly toError: (refusal: Refusal) => Error;
}

/** What the guard looks at in a request. */
export interface GuardedRequest {
  readonly method: string;
  /** The `Host` header as the client sent it. */
  readonly hostHeader?: string;
  /** Host and port the client addressed (a trusted proxy's X-Forwarded-Host included). */
  readonly host: string;
  readonly origin?: string;
  /** Sec-Fetch-Site: where the browser says the request comes from, relative to this origin. */
  readonly fetchSite?: string;
  readonly contentType?: string;
  readonly hasBody: boolean;
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkRequest(request: GuardedRequest, options: Omit<RequestGuardOptions, 'toError'>): Refusal | undefined {
  if (request.hostHeader !== undefined && !isAllowedHost(options.allowedHosts, hostnameOfHostHeader(request.hostHeader))) {
    const name = hostnameOfHostHeader(request.hostHeader).slice(0, 100);
    return { statusCode: 403, message: `this server does not answer to the host name '${name}'; add it to ${options.hostsSetting} if it is this server's` };
  }
  if (SAFE_METHODS.has(request.method)) return undefined;
  if (!isFromThisSite(request, options.allowedHosts)) {
    const from = request.origin && request.origin !== 'null' ? `a page from ${request.origin.slice(0, 100)}` : 'a page of another site';
    return { statusCode: 403, message: `cross-site request refused: ${from} may not change anything here` };
  }
  if (options.refuseSimpleRequests && isSimpleRequest(request.method, request.contentType, request.hasBody)) {
    const sent = request.contentType ? `Content-Type ${request.contentType.slice(0, 100)}` : 'a body without a Content-Type';
    return {
      statusCode: 415,
      message: `${sent} is refused: any web page can send it without asking; send the body with its own type (e.g. application/x-ndjson or application/json)`,
    };
  }
  return undefined;
}

/**
 * Whether a state change comes from this server's own pages (or from no page: a script or
 * shipper). The browser's Sec-Fetch-Site says so where it is sent; Origin is the request's own
 * origin or a site configured by name (a proxy may rename the host). A page whose Referrer-Policy
 * is no-referrer sends `Origin: null` even to its own origin, so null counts only with
 * Sec-Fetch-Site: same-origin.
 */
function isFromThisSite({ origin, fetchSite, host }: GuardedRequest, allowed: AllowedHosts): boolean {
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin === undefined) return true;
  if (origin === 'null') return fetchSite === 'same-origin';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.host === host.toLowerCase() || allowed.configured.has(normalizeHostname(url.hostname));
}

function guardedRequest(request: FastifyRequest): GuardedRequest {
  const { headers } = request;
  const length = Number(headers['content-length'] ?? 0);
  return {
    method: request.method,
    hostHeader: headers.host,
    host: request.host,
    origin: headers.origin,
    fetchSite: typeof headers['sec-fetch-site'] === 'string' ? headers['sec-fetch-site'] : undefined,
    contentType: headers['content-type'],
    hasBody: length > 0 || headers['transfer-encoding'] !== undefined,
  };
}

export const requestGuard = fp<RequestGuardOptions>(
  async (app, options) => {
    app.addHook('onRequest', async (request) => {
      const refusal = checkRequest(guardedRequest(request), options);
      if (refusal) throw options.toError(refusal);
    });
  },
  { name: 'request-guard' },
);
