/**
 * The real embedded engine (chdb, ClickHouse in-process) running each request in a session of its
 * own, as the server gives each HTTP request a fresh context: the request's settings, query
 * parameters and database are set in that session, then its statement runs as received (never
 * rewritten), then the session closes, so nothing one request sets reaches the next.
 */
import { drainPending, Session } from 'chdb';
import { clickHouseError } from './clickhouse-error';
import { MAX_URL_BYTES, type QueryRequest } from './query-request';

export interface EngineResult {
  /** The output exactly as the engine wrote it, in the statement's output format. */
  bytes: Uint8Array;
  resultRows: number;
  resultBytes: number;
  elapsedSeconds: number;
}

export interface EngineFacts {
  version: string;
  timezone: string;
}

/** The server's default output format. */
export const DEFAULT_FORMAT = 'TabSeparated';

const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class Engine {
  private readonly running = new Set<Promise<unknown>>();
  /**
   * Open for the engine's whole life: chdb shuts the engine down when its last session closes
   * (losing Memory tables, stopping merges), and a server's engine runs between requests.
   */
  private readonly keeper: Session;

  constructor(private readonly dataDir: string) {
    this.keeper = new Session(dataDir);
  }

  /** The engine's version and time zone, which the server reports in errors and headers. */
  async describe(): Promise<EngineFacts> {
    const result = await this.inSession((session) => session.queryAsync('SELECT version() AS version, timezone() AS timezone', { format: 'JSONEachRow' }));
    return result.json<EngineFacts>();
  }

  async run(request: QueryRequest): Promise<EngineResult> {
    if (request.text.trim() === '') throw clickHouseError('SYNTAX_ERROR', 'Empty query');
    const statements = [...contextStatements(request), request.text];
    const result = await this.inSession((session) => session.queryAsync(statements.join(';\n'), { format: request.defaultFormat ?? DEFAULT_FORMAT }));
    return { bytes: result.bytes(), resultRows: result.rowsRead, resultBytes: result.bytesRead, elapsedSeconds: result.elapsed };
  }

  /** Waits for the statements still running, then for the engine's own pending work. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
    this.keeper.close();
    await drainPending();
  }

  private async inSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const session = new Session(this.dataDir);
    const running = work(session);
    this.running.add(running);
    try {
      return await running;
    } finally {
      this.running.delete(running);
      session.close();
    }
  }
}

/** The SET and USE statements that give the session the request's context, in the server's order. */
function contextStatements(request: QueryRequest): string[] {
  const statements: string[] = [];
  // GET is read-only: readonly = 2 still lets the request change other settings, not this one.
  if (request.readOnly) statements.push('SET readonly = 2');
  // SET param_<name> gives the engine the parameter's text as received, to parse as its placeholder's type.
  // A server takes param_* apart from the query text, so max_query_size does not bound them (the URL's
  // limit does); in a SET it would, so it is lifted to the URL's limit for that statement only.
  const parameters = [...request.queryParameters].map(([name, value]) => `${settingName(`param_${name}`)} = ${quote(value)}`);
  if (parameters.length > 0) statements.push(`SET max_query_size = ${MAX_URL_BYTES}`, `SET ${parameters.join(', ')}`, 'SET max_query_size = DEFAULT');
  const settings = [...request.settings].map(([name, value]) => `${settingName(name)} = ${quote(value)}`);
  if (settings.length > 0) statements.push(`SET ${settings.join(', ')}`);
  if (request.database !== undefined) statements.push(`USE ${quoteIdentifier(request.database)}`);
  return statements;
}

function settingName(name: string): string {
  if (!SETTING_NAME.test(name)) throw clickHouseError('UNKNOWN_SETTING', `Unknown setting '${name}'`);
  return name;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}
