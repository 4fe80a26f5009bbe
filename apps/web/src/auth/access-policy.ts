/**
 * Who may see what when sign-in is on, in one table. Everything needs a signed-in user (viewer
 * or admin) except the public routes; admin-only routes need the admin role. An anonymous
 * request for a page is sent to the sign-in page; one for a fragment, a download or the live
 * stream gets 401, since a redirect there would land in a script or a saved file.
 */

export type RequiredRole = 'none' | 'viewer' | 'admin';

/** The sign-in page, liveness, and the Prometheus endpoint (counts only, no log content). */
const PUBLIC_ROUTES = new Set(['/login', '/healthz', '/metrics']);
/** Operators' views: the delivery audit shows producers, shippers' addresses and raw rejected input. */
const ADMIN_ROUTES = new Set(['/delivery']);
const NOT_PAGES = new Set(['/export', '/live']);

/** `routeUrl` is the route's template (never the raw URL); undefined for an unknown address. */
export function requiredRole(routeUrl: string | undefined): RequiredRole {
  if (routeUrl === undefined) return 'viewer';
  if (PUBLIC_ROUTES.has(routeUrl) || routeUrl.startsWith('/assets/')) return 'none';
  return ADMIN_ROUTES.has(routeUrl) ? 'admin' : 'viewer';
}

/** Whether an anonymous request is answered with a redirect to the sign-in page (else 401). */
export function redirectsToSignIn(method: string, routeUrl: string | undefined, fragment: boolean): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (fragment || routeUrl?.startsWith('/partials/')) return false;
  return !NOT_PAGES.has(routeUrl ?? '');
}
