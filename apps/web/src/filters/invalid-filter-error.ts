/** A filter the web server can tell is wrong before asking the api, e.g. an unknown level name. */
export class InvalidFilterError extends Error {
  readonly statusCode = 400;

  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilterError';
  }
}
