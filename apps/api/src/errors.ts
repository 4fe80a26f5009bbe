/** Request failures a client can act on, each with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpError {
  override readonly name = 'BadRequestError';
  constructor(message: string) {
    super(400, message);
  }
}

export class ServiceUnavailableError extends HttpError {
  override readonly name = 'ServiceUnavailableError';
  constructor(message: string, retryAfterSeconds?: number) {
    super(503, message, retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {});
  }
}
