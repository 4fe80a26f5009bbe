/**
 * The connection pool to the api. With a token (API_TOKEN), every request through it carries
 * `Authorization: Bearer <token>`, and every request made while serving a signed-in user names
 * them in X-Logline-User, so no call (pages, export relay, live tail) can forget either.
 */
import { Agent, type Dispatcher } from 'undici';
import { RELAYED_USER_HEADER } from '@logline/security';
import { currentServedUser } from './served-user';

type Headers = Dispatcher.DispatchOptions['headers'];

export class BearerAgent extends Agent {
  private readonly authorization?: string;

  constructor(token: string | undefined, options: Agent.Options) {
    super(options);
    this.authorization = token ? `Bearer ${token}` : undefined;
  }

  override dispatch(options: Agent.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    let headers = options.headers;
    if (this.authorization) headers = withHeader(headers, 'authorization', this.authorization);
    const user = currentServedUser();
    if (user !== undefined) headers = withHeader(headers, RELAYED_USER_HEADER, user);
    return super.dispatch(headers === options.headers ? options : { ...options, headers }, handler);
  }
}

function withHeader(headers: Headers, name: string, value: string): Headers {
  if (headers == null) return { [name]: value };
  if (Array.isArray(headers)) return [...headers, name, value];
  if (isIterable(headers)) return [...headers, [name, value]];
  return { ...headers, [name]: value };
}

function isIterable(headers: object): headers is Iterable<[string, string | string[] | undefined]> {
  return typeof (headers as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}
