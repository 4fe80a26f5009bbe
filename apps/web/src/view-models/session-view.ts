// What every page's header knows about who is looking: the signed-in user, the CSRF token of
// its forms, and whether to offer the admin-only views.
import type { Role } from '../auth/users-file';

export interface SessionView {
  readonly csrfToken: string;
  /** Shown with a Sign out button; absent in local mode and before sign-in. */
  readonly account?: { readonly username: string; readonly role: Role };
  /** Before sign-in: the header shows no navigation. */
  readonly anonymous?: true;
  /** For viewers: links to admin-only views are left out. */
  readonly hideAdminViews?: true;
}

/** Single-user local mode: no account, every view offered. */
export function localSessionView(csrfToken: string): SessionView {
  return { csrfToken };
}

export function signedInSessionView(username: string, role: Role, csrfToken: string): SessionView {
  return role === 'admin' ? { csrfToken, account: { username, role } } : { csrfToken, account: { username, role }, hideAdminViews: true };
}

/** Not signed in; the sign-in page sets its own token. */
export function anonymousSessionView(): SessionView {
  return { csrfToken: '', anonymous: true };
}
