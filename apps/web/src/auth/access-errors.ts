// Why a request was refused before it reached its page, each with its status and what to do.

/** A refusal the error page shows with its own title and message. */
export abstract class AccessError extends Error {
  abstract readonly statusCode: 401 | 403;
  abstract readonly title: string;
}

/** No session (or an ended one) on a request that cannot be redirected: a fragment or a download. */
export class SignInRequiredError extends AccessError {
  override readonly name = 'SignInRequiredError';
  readonly statusCode = 401;
  readonly title = 'Sign in to continue';

  constructor() {
    super('You are not signed in, or your session has ended. Reload the page to sign in again.');
  }
}

/** A state-changing request without this session's CSRF token. */
export class CsrfTokenError extends AccessError {
  override readonly name = 'CsrfTokenError';
  readonly statusCode = 403;
  readonly title = 'This form cannot be accepted';

  constructor() {
    super(
      'It was not sent from a Logline page open in this browser, or it has expired (cookies must be on). ' +
        'Go back, reload the page and try again.',
    );
  }
}

/** A request another site could have made a browser send: a foreign Host name or Origin. */
export class CrossSiteRequestError extends AccessError {
  override readonly name = 'CrossSiteRequestError';
  readonly statusCode = 403;
  readonly title = 'This request was refused';
}

/** GET /metrics without the token it needs. */
export class MetricsTokenError extends AccessError {
  override readonly name = 'MetricsTokenError';
  readonly statusCode = 401;
  readonly title = 'A metrics token is needed';
}

/** A viewer asking for an admin-only page. */
export class AdminOnlyError extends AccessError {
  override readonly name = 'AdminOnlyError';
  readonly statusCode = 403;
  readonly title = 'Admins only';

  constructor() {
    super('This page is for admins. Ask an admin of this Logline for the admin role if you need it.');
  }
}
