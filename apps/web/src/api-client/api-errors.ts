// The two ways a call to the api fails, each carrying the status the web page answers with.

/** Why the api could not serve a request; the page explains each one differently. */
export type UnavailableReason = 'unreachable' | 'timeout' | 'server-error' | 'unexpected-response' | 'unauthorized';

/** The api is down, too slow, failing, or not the Logline api at all: a bad gateway for us. */
export class ApiUnavailableError extends Error {
  readonly statusCode = 502;

  constructor(
    readonly reason: UnavailableReason,
    /** What happened, for the page and the log, e.g. `connect ECONNREFUSED 127.0.0.1:4000`. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`api unavailable (${reason}): ${detail}`, options);
    this.name = 'ApiUnavailableError';
  }
}

/** The api refused the filters (HTTP 400); its message is meant for the person who sent them. */
export class ApiRejectedError extends Error {
  readonly statusCode = 400;

  constructor(message: string) {
    super(message);
    this.name = 'ApiRejectedError';
  }
}
