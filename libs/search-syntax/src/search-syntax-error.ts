/** A query that cannot be parsed; the message ends with the position (from 0) it refers to. */
export class SearchSyntaxError extends Error {
  override readonly name = 'SearchSyntaxError';
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
  }
}
