/** The generator's flags, parsed and validated once at start into a frozen config. */
import { accessSync, constants, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LIMITS, toLogLevel, type LogLevel } from '@logline/log-schema';
import { readSecretFile } from '@logline/security';
import { parseDuration } from './duration';
import { PROFILES, type Profile } from './pacer';
import { KNOWN_SOURCES } from './templates';

export type Target =
  | { readonly kind: 'http'; readonly origin: string; readonly path: string; readonly href: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly href: string };

export interface GeneratorConfig {
  readonly target: Target;
  /** Events per second per producer; 0 means as fast as the target accepts. */
  readonly rate: number;
  /** Events per producer; undefined: until stopped (or the replayed file ends). */
  readonly count?: number;
  readonly batch: number;
  readonly seed?: number;
  /** The producer id, or the base of the ids when there are several producers. */
  readonly producer?: string;
  readonly producers: number;
  readonly sources: readonly string[];
  readonly profile: Profile;
  readonly replay?: { readonly file: string; readonly source: string; readonly shiftToNow: boolean };
  readonly retryDeadlineMs: number;
  readonly spool?: string;
  /** Generate only these levels (in their usual proportions); undefined: every level. */
  readonly levels?: readonly LogLevel[];
  /** Where to serve /metrics; undefined: not served. Port 0 picks a free one. */
  readonly metrics?: { readonly host: string; readonly port: number };
  /** Ingest token (from --token-file or LOGLINE_TOKEN): a bearer token over HTTP, the first line over TCP. */
  readonly token?: string;
}

export type ConfigResult =
  | { kind: 'ok'; config: GeneratorConfig }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'invalid'; problems: string[] };

const DEFAULT_TARGET: Target = {
  kind: 'http',
  origin: 'http://127.0.0.1:4000',
  path: '/api/v1/ingest',
  href: 'http://127.0.0.1:4000/api/v1/ingest',
};
const VALUE_FLAGS = [
  'target', 'rate', 'count', 'batch', 'seed', 'producer', 'producers', 'sources',
  'profile', 'replay', 'source', 'replay-time', 'retry-deadline', 'spool', 'levels', 'metrics-port', 'metrics-host', 'token-file',
] as const;
type Flag = (typeof VALUE_FLAGS)[number];
/** `-<i>` is appended to the producer id when there are several: keep room for it. */
const PRODUCER_ID_BYTES = LIMITS.labelBytes - 8;

/** The environment; the only variable read is LOGLINE_TOKEN. */
export type GeneratorEnv = Readonly<Record<string, string | undefined>>;

export function parseConfig(argv: readonly string[], env: GeneratorEnv = {}): ConfigResult {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(VALUE_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') problems.push(`unexpected argument '${token.value}'`);
    if (token.kind !== 'option') continue;
    if (!(VALUE_FLAGS as readonly string[]).includes(token.name)) problems.push(`unknown flag ${token.rawName}`);
    else if (token.value === undefined || (!token.inlineValue && isFlagLike(token.value))) {
      problems.push(`${token.rawName} needs a value`);
    }
  }
  const raw = (flag: Flag): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' && !isFlagLike(value) ? value : undefined;
  };
  const config = { ...readConfig(raw, problems), token: readToken(raw('token-file'), env['LOGLINE_TOKEN'], problems) };
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', config: deepFreeze(config) };
}

function readConfig(raw: (flag: Flag) => string | undefined, problems: string[]): GeneratorConfig {
  const check = <T>(flag: Flag, read: (text: string) => T | undefined, expected: string): T | undefined => {
    const text = raw(flag);
    if (text === undefined) return undefined;
    const value = read(text);
    if (value === undefined) problems.push(`--${flag} must be ${expected}, got '${text}'`);
    return value;
  };
  const replayFile = check('replay', (file) => (isReadable(file) ? file : undefined), 'a readable file');
  const replaySource = check('source', (name) => readLabel(name), `a name of 1-${LIMITS.labelBytes} bytes`);
  const producer = check('producer', (id) => readLabel(id, PRODUCER_ID_BYTES), `an id of 1-${PRODUCER_ID_BYTES} bytes without spaces`);
  const replayTime = check('replay-time', (text) => (text === 'original' || text === 'now' ? text : undefined), 'original or now');
  const producers = check('producers', (text) => readInteger(text, 1, 1_000), 'an integer from 1 to 1000') ?? 1;
  const metricsPort = check('metrics-port', (text) => readInteger(text, 0, 65_535), 'a port from 0 to 65535');
  const metricsHost = check('metrics-host', (host) => readLabel(host), 'a host name or address');
  const config: GeneratorConfig = {
    target: check('target', readTarget, 'http(s)://host[:port]/path or tcp://host:port') ?? DEFAULT_TARGET,
    rate: check('rate', (text) => readNumber(text, 0, 10_000_000), 'a number from 0 to 10000000') ?? (raw('replay') ? 0 : 1),
    count: check('count', (text) => readInteger(text, 1, Number.MAX_SAFE_INTEGER), 'a positive integer'),
    batch: check('batch', (text) => readInteger(text, 1, 100_000), 'an integer from 1 to 100000') ?? 500,
    seed: check('seed', (text) => readInteger(text, 0, Number.MAX_SAFE_INTEGER), 'a non-negative integer'),
    producer,
    producers,
    sources: check('sources', readSources, 'a comma-separated list of names') ?? KNOWN_SOURCES,
    profile: check('profile', (text) => PROFILES.find((profile) => profile === text), PROFILES.join(', ')) ?? 'steady',
    replay: replayFile && replaySource ? { file: replayFile, source: replaySource, shiftToNow: replayTime === 'now' } : undefined,
    retryDeadlineMs: check('retry-deadline', (text) => positive(parseDuration(text)), 'a duration such as 30s or 5m') ?? 300_000,
    spool: raw('spool'),
    levels: check('levels', readLevels, 'a comma-separated list of DEBUG, INFO, WARNING, ERROR, CRITICAL'),
    metrics: metricsPort === undefined ? undefined : { host: metricsHost ?? '127.0.0.1', port: metricsPort },
  };
  if (raw('replay') !== undefined && raw('source') === undefined) problems.push('--replay needs --source NAME');
  if (raw('source') !== undefined && raw('replay') === undefined) problems.push('--source goes with --replay (generated events use --sources)');
  if (raw('replay') !== undefined && raw('sources') !== undefined) problems.push('--sources does not apply to --replay (use --source)');
  if (raw('replay-time') !== undefined && raw('replay') === undefined) problems.push('--replay-time goes with --replay');
  if (raw('replay') !== undefined && producers > 1) problems.push('--replay sends one file once: it takes a single producer');
  if (raw('levels') !== undefined && raw('replay') !== undefined) problems.push('--levels applies to generated events, not to --replay');
  if (raw('metrics-host') !== undefined && raw('metrics-port') === undefined) problems.push('--metrics-host goes with --metrics-port');
  if (raw('spool') !== undefined && raw('producer') === undefined) problems.push('--spool needs --producer, so that a restart resumes the same producer');
  return config;
}

/** The ingest token: never a flag's value, which every user of the machine could read in `ps`. */
function readToken(file: string | undefined, fromEnv: string | undefined, problems: string[]): string | undefined {
  if (file !== undefined && fromEnv) problems.push('--token-file and LOGLINE_TOKEN both give a token: use one');
  if (file === undefined) return fromEnv || undefined;
  try {
    return readSecretFile(file, '--token-file');
  } catch (error) {
    problems.push((error as Error).message);
    return undefined;
  }
}

/** `--count --seed 5` lacks the count; `--count -5` has a (bad) one. */
function isFlagLike(value: string): boolean {
  return /^-(?!\d)/.test(value);
}

function readTarget(text: string): Target | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) {
    return { kind: 'http', origin: url.origin, path: `${url.pathname}${url.search}`, href: url.href };
  }
  const port = Number(url.port);
  if (url.protocol === 'tcp:' && url.hostname && port > 0) {
    return { kind: 'tcp', host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, href: url.href };
  }
  return undefined;
}

function readNumber(text: string, min: number, max: number): number | undefined {
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max ? value : undefined;
}

function readInteger(text: string, min: number, max: number): number | undefined {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max ? value : undefined;
}

function readLabel(text: string, maxBytes: number = LIMITS.labelBytes): string | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > 0 && bytes <= maxBytes && !/[\s\p{Cc}]/u.test(text) ? text : undefined;
}

function readSources(text: string): string[] | undefined {
  const names = text.split(',').map((name) => name.trim());
  return names.every((name) => readLabel(name) !== undefined) ? names : undefined;
}

function readLevels(text: string): LogLevel[] | undefined {
  const levels = text.split(',').map((name) => toLogLevel(name.trim()));
  return levels.every((level) => level !== undefined) ? [...new Set(levels as LogLevel[])] : undefined;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}

function isReadable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}
