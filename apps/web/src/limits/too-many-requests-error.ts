/** One user (or, without sign-in, one address) sent more requests in a minute than WEB_RATE_LIMIT_PER_MINUTE. */
export class TooManyRequestsError extends Error {
  override readonly name = 'TooManyRequestsError';
  readonly statusCode = 429;

  constructor(perMinute: number, retryIn: string) {
    super(`More than ${perMinute} requests in a minute came from you. Wait ${retryIn}, then reload the page.`);
  }
}
