/**
 * The connection pool to the api. With a token (API_TOKEN), every request through it carries
 * `Authorization: Bearer <token>`, so no call (pages, export relay, live tail) can forget it.
 */
import { Agent, type Dispatcher } from 'undici';

type Headers = Dispatcher.DispatchOptions['headers'];

export class BearerAgent extends Agent {
  private readonly authorization?: string;

  constructor(token: string | undefined, options: Agent.Options) {
    super(options);
    this.authorization = token ? `Bearer ${token}` : undefined;
  }

  override dispatch(options: Agent.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (!this.authorization) return super.dispatch(options, handler);
    return super.dispatch({ ...options, headers: withAuthorization(options.headers, this.authorization) }, handler);
  }
}

function withAuthorization(headers: Headers, value: string): Headers {
  if (headers == null) return { authorization: value };
  if (Array.isArray(headers)) return [...headers, 'authorization', value];
  if (isIterable(headers)) return [...headers, ['authorization', value]];
  return { ...headers, authorization: value };
}

function isIterable(headers: object): headers is Iterable<[string, string | string[] | undefined]> {
  return typeof (headers as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}
