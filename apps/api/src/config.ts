/** The api's configuration: read once from the environment, validated, frozen. */
import { envSchema } from 'env-schema';
import { CLUSTER_NAME_PATTERN, DEFAULT_INDEXED_ATTRIBUTES, DEFAULT_RETENTION_DAYS, INDEXABLE_ATTRIBUTE_PATTERN, LIMITS, MAX_RETENTION_DAYS } from '@logline/log-schema';
import { LOG_FORMATS, LOGGER_LEVELS, type LogFormat, type LoggerLevel, type LogSettings } from '@logline/logging';
import { loadProcessingRules, ProcessingRulesError, type MultilineOptions, type ProcessingRule } from '@logline/processing-rules';
import { allowedHosts, parseHostList, readSecretSetting, type AllowedHosts } from '@logline/security';

/** SYSLOG_PORT when unset and no API_TOKENS_FILE is given (514 needs root; 5514 is the usual stand-in). */
const DEFAULT_SYSLOG_PORT = 5514;

const schema = {
  type: 'object',
  properties: {
    API_HOST: { type: 'string', default: '127.0.0.1' },
    API_PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 4000 },
    API_ALLOWED_HOSTS: { type: 'string', default: '' },
    API_MAX_CONNECTIONS: { type: 'integer', minimum: 1, default: 4096 },
    INGEST_TCP_PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 4001 },
    // No default here: unset, it depends on API_TOKENS_FILE (see loadConfig).
    SYSLOG_PORT: { type: 'integer', minimum: 0, maximum: 65535 },
    CLICKHOUSE_URL: { type: 'string', default: '', pattern: '^(https?://.+)?$' },
    CLICKHOUSE_USER: { type: 'string', default: 'default' },
    CLICKHOUSE_PASSWORD: { type: 'string', default: '' },
    CLICKHOUSE_PASSWORD_FILE: { type: 'string', default: '' },
    CLICKHOUSE_WRITER_USER: { type: 'string', default: '' },
    CLICKHOUSE_WRITER_PASSWORD: { type: 'string', default: '' },
    CLICKHOUSE_WRITER_PASSWORD_FILE: { type: 'string', default: '' },
    CLICKHOUSE_CA_CERT: { type: 'string', default: '' },
    CLICKHOUSE_CLUSTER: { type: 'string', default: '', pattern: `(${CLUSTER_NAME_PATTERN})|^$` },
    LOGLINE_DATA_DIR: { type: 'string', minLength: 1, default: './data' },
    LOG_RETENTION_DAYS: { type: 'integer', minimum: 1, maximum: MAX_RETENTION_DAYS, default: DEFAULT_RETENTION_DAYS },
    // Comma-separated attribute names (1-100 of A-Z a-z 0-9 _ . -), each with a lookup index; empty: none.
    INDEXED_ATTRIBUTES: {
      type: 'string',
      pattern: `^(${INDEXABLE_ATTRIBUTE_PATTERN}(,${INDEXABLE_ATTRIBUTE_PATTERN})*)?$`,
      default: DEFAULT_INDEXED_ATTRIBUTES.join(','),
    },
    MIGRATE_ON_START: { type: 'boolean', default: true },
    INGEST_ENABLED: { type: 'boolean', default: true },
    INGEST_MAX_BODY_BYTES: { type: 'integer', minimum: 1024, default: 16 * 1024 * 1024 },
    INGEST_MAX_LINE_BYTES: { type: 'integer', minimum: 1024, default: 1024 * 1024 },
    INGEST_MAX_LINES: { type: 'integer', minimum: 1, default: 100_000 },
    INGEST_MAX_ERRORS_KEPT: { type: 'integer', minimum: 1, maximum: 100_000, default: 1000 },
    INGEST_MAX_PENDING_DEAD_LETTERS: { type: 'integer', minimum: 1, default: 10_000 },
    INGEST_MAX_BUFFERED_BYTES: { type: 'integer', minimum: 1024, default: 256 * 1024 * 1024 },
    INGEST_MAX_FUTURE_SECONDS: { type: 'integer', minimum: 0, default: 86_400 },
    INGEST_BATCH_ROWS: { type: 'integer', minimum: 1, default: 20_000 },
    INGEST_FLUSH_MS: { type: 'integer', minimum: 0, default: 50 },
    INGEST_MAX_PENDING_ROWS: { type: 'integer', minimum: 1, default: 200_000 },
    INGEST_MAX_CONCURRENT_REQUESTS: { type: 'integer', minimum: 1, default: 64 },
    INGEST_TCP_MAX_CONNECTIONS: { type: 'integer', minimum: 1, default: 1000 },
    INGEST_TCP_MAX_CONNECTIONS_PER_ADDRESS: { type: 'integer', minimum: 1, default: 100 },
    INGEST_TCP_IDLE_SECONDS: { type: 'integer', minimum: 1, default: 300 },
    PROCESSING_RULES_FILE: { type: 'string', default: '' },
    MULTILINE_ENABLED: { type: 'boolean', default: true },
    MULTILINE_FLUSH_MS: { type: 'integer', minimum: 1, maximum: 60_000, default: 1000 },
    MULTILINE_MAX_LINES: { type: 'integer', minimum: 1, maximum: 100_000, default: 500 },
    MULTILINE_MAX_BYTES: { type: 'integer', minimum: 1024, maximum: LIMITS.messageBytes, default: LIMITS.messageBytes },
    QUERY_TIMEOUT_SECONDS: { type: 'integer', minimum: 1, default: 30 },
    TAIL_POLL_MS: { type: 'integer', minimum: 50, default: 250 },
    TAIL_SAFETY_MS: { type: 'integer', minimum: 0, default: 300 },
    TAIL_MAX_VIEWERS: { type: 'integer', minimum: 1, default: 200 },
    TAIL_MAX_POLLERS: { type: 'integer', minimum: 1, default: 32 },
    TAIL_CATCH_UP_SECONDS: { type: 'integer', minimum: 0, default: 300 },
    TAIL_CATCH_UP_ROWS: { type: 'integer', minimum: 0, default: 10_000 },
    TAIL_MAX_BUFFERED_BYTES: { type: 'integer', minimum: 65_536, default: 4 * 1024 * 1024 },
    API_TOKENS_FILE: { type: 'string', default: '' },
    ALLOW_UNAUTHENTICATED_BIND: { type: 'boolean', default: false },
    RATE_LIMIT_INGEST_PER_MINUTE: { type: 'integer', minimum: 0, default: 60_000 },
    RATE_LIMIT_QUERY_PER_MINUTE: { type: 'integer', minimum: 0, default: 6_000 },
    ALERT_RULES_FILE: { type: 'string', default: '' },
    ALERT_EVAL_SECONDS: { type: 'integer', minimum: 1, maximum: 3600, default: 15 },
    ALERT_WEBHOOK_TIMEOUT_SECONDS: { type: 'integer', minimum: 1, maximum: 300, default: 10 },
    ALERT_WEBHOOK_RETRIES: { type: 'integer', minimum: 0, maximum: 20, default: 5 },
    LOG_LEVEL: { type: 'string', enum: LOGGER_LEVELS, default: 'info' },
    LOG_FORMAT: { type: 'string', enum: LOG_FORMATS, default: 'json' },
  },
} as const;

export interface ApiConfig {
  host: string;
  port: number;
  /** Host names requests may name besides addresses and localhost (DNS rebinding). */
  allowedHosts: AllowedHosts;
  maxConnections: number;
  tcpPort: number;
  /** Syslog over TCP and UDP (same number); 0: off. */
  syslogPort: number;
  /** `cluster`: the schema spans that cluster's shards and replicas (needs `url`). */
  clickhouse: {
    url?: string;
    username: string;
    password: string;
    /** Who inserts, when not `username` (CLICKHOUSE_WRITER_USER). */
    writer?: { username: string; password: string };
    caCertPath?: string;
    cluster?: string;
  };
  dataDir: string;
  retentionDays: number;
  /** Attributes looked up by id often enough to index (see attribute-indexes.ts in log-schema). */
  indexedAttributes: readonly string[];
  migrateOnStart: boolean;
  ingest: {
    /** False: the api only serves queries (HTTP ingest answers 404, no TCP listener); events go through Vector. */
    enabled: boolean;
    maxBodyBytes: number;
    maxLineBytes: number;
    /** Lines (or array elements) one HTTP body may hold; 413 beyond. */
    maxLines: number;
    /** Refusals kept with their details per request or TCP connection; the rest are only counted. */
    maxErrorsKept: number;
    /** Dead letters waiting for storage at most; more are dropped (and counted). */
    maxPendingDeadLetters: number;
    /** Bytes of ingest bodies being received or parsed at once, all requests together (503 beyond). */
    maxBufferedBytes: number;
    maxFutureSeconds: number;
    batchRows: number;
    flushMs: number;
    maxPendingRows: number;
    maxConcurrentRequests: number;
    tcpMaxConnections: number;
    /** Open TCP ingest connections from one client address at most. */
    tcpMaxConnectionsPerAddress: number;
    tcpIdleSeconds: number;
    /** PROCESSING_RULES_FILE, read and checked at start; no file: no rules. */
    processingRules: { file?: string; rules: readonly ProcessingRule[] };
    /** Joining the lines of a stack trace sent one per event over TCP or syslog; undefined: off. */
    multiline?: MultilineOptions;
  };
  queryTimeoutSeconds: number;
  tail: {
    pollMs: number;
    safetyMs: number;
    /** Live tail streams open at once, all filters together (503 beyond). */
    maxViewers: number;
    /** Distinct filter sets followed at once, one query per poll each (503 beyond). */
    maxPollers: number;
    /** How far back a resume (Last-Event-ID) catches up, ms; older rows are skipped and a `gap` event says so. */
    catchUpMs: number;
    /** Rows one resume catches up at most. */
    catchUpRows: number;
    /** Bytes waiting to be sent to one viewer before it is cut off (it reconnects and catches up). */
    maxBufferedBytes: number;
  };
  auth: { tokensFile?: string; allowUnauthenticatedBind: boolean };
  rateLimits: { ingestPerMinute: number; queryPerMinute: number };
  alerts: { rulesFile?: string; evalIntervalMs: number; webhookTimeoutMs: number; webhookRetries: number };
  log: LogSettings;
}

interface Env {
  API_HOST: string;
  API_PORT: number;
  API_ALLOWED_HOSTS: string;
  API_MAX_CONNECTIONS: number;
  INGEST_TCP_PORT: number;
  SYSLOG_PORT?: number;
  CLICKHOUSE_URL: string;
  CLICKHOUSE_USER: string;
  CLICKHOUSE_PASSWORD: string;
  CLICKHOUSE_PASSWORD_FILE: string;
  CLICKHOUSE_WRITER_USER: string;
  CLICKHOUSE_WRITER_PASSWORD: string;
  CLICKHOUSE_WRITER_PASSWORD_FILE: string;
  CLICKHOUSE_CA_CERT: string;
  CLICKHOUSE_CLUSTER: string;
  LOGLINE_DATA_DIR: string;
  LOG_RETENTION_DAYS: number;
  INDEXED_ATTRIBUTES: string;
  MIGRATE_ON_START: boolean;
  INGEST_ENABLED: boolean;
  INGEST_MAX_BODY_BYTES: number;
  INGEST_MAX_LINE_BYTES: number;
  INGEST_MAX_LINES: number;
  INGEST_MAX_ERRORS_KEPT: number;
  INGEST_MAX_PENDING_DEAD_LETTERS: number;
  INGEST_MAX_BUFFERED_BYTES: number;
  INGEST_MAX_FUTURE_SECONDS: number;
  INGEST_BATCH_ROWS: number;
  INGEST_FLUSH_MS: number;
  INGEST_MAX_PENDING_ROWS: number;
  INGEST_MAX_CONCURRENT_REQUESTS: number;
  INGEST_TCP_MAX_CONNECTIONS: number;
  INGEST_TCP_MAX_CONNECTIONS_PER_ADDRESS: number;
  INGEST_TCP_IDLE_SECONDS: number;
  PROCESSING_RULES_FILE: string;
  MULTILINE_ENABLED: boolean;
  MULTILINE_FLUSH_MS: number;
  MULTILINE_MAX_LINES: number;
  MULTILINE_MAX_BYTES: number;
  QUERY_TIMEOUT_SECONDS: number;
  TAIL_POLL_MS: number;
  TAIL_SAFETY_MS: number;
  TAIL_MAX_VIEWERS: number;
  TAIL_MAX_POLLERS: number;
  TAIL_CATCH_UP_SECONDS: number;
  TAIL_CATCH_UP_ROWS: number;
  TAIL_MAX_BUFFERED_BYTES: number;
  API_TOKENS_FILE: string;
  ALLOW_UNAUTHENTICATED_BIND: boolean;
  RATE_LIMIT_INGEST_PER_MINUTE: number;
  RATE_LIMIT_QUERY_PER_MINUTE: number;
  ALERT_RULES_FILE: string;
  ALERT_EVAL_SECONDS: number;
  ALERT_WEBHOOK_TIMEOUT_SECONDS: number;
  ALERT_WEBHOOK_RETRIES: number;
  LOG_LEVEL: LoggerLevel;
  LOG_FORMAT: LogFormat;
}

/** Reads and validates the environment; throws one error listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const values = envSchema<Env>({ schema, data: env, dotenv: false, ajv: undefined });
  const hosts = parseHostList(values.API_ALLOWED_HOSTS);
  const password = readSecretSetting(env, 'CLICKHOUSE_PASSWORD');
  const writerPassword = readSecretSetting(env, 'CLICKHOUSE_WRITER_PASSWORD');
  const problems = [
    ...hosts.problems.map((problem) => `API_ALLOWED_HOSTS: ${problem}`),
    ...[password, writerPassword].flatMap((setting) => (setting.problem ? [setting.problem] : [])),
    ...(values.CLICKHOUSE_CLUSTER && !values.CLICKHOUSE_URL ? ['CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL: a cluster is reached through one of its servers'] : []),
  ];
  const processingRules = readProcessingRules(values.PROCESSING_RULES_FILE, problems);
  if (problems.length > 0) throw new Error(problems.join('\n  '));
  return deepFreeze({
    host: values.API_HOST,
    port: values.API_PORT,
    allowedHosts: allowedHosts(hosts.names, values.API_HOST),
    maxConnections: values.API_MAX_CONNECTIONS,
    tcpPort: values.INGEST_TCP_PORT,
    // Syslog carries no credentials: where tokens guard the api it listens only when asked to.
    syslogPort: values.SYSLOG_PORT ?? (values.API_TOKENS_FILE ? 0 : DEFAULT_SYSLOG_PORT),
    clickhouse: {
      url: values.CLICKHOUSE_URL || undefined,
      username: values.CLICKHOUSE_USER,
      password: password.value ?? '',
      writer: values.CLICKHOUSE_WRITER_USER ? { username: values.CLICKHOUSE_WRITER_USER, password: writerPassword.value ?? '' } : undefined,
      caCertPath: values.CLICKHOUSE_CA_CERT || undefined,
      cluster: values.CLICKHOUSE_CLUSTER || undefined,
    },
    dataDir: values.LOGLINE_DATA_DIR,
    retentionDays: values.LOG_RETENTION_DAYS,
    indexedAttributes: [...new Set(values.INDEXED_ATTRIBUTES.split(',').filter(Boolean))],
    migrateOnStart: values.MIGRATE_ON_START,
    ingest: {
      enabled: values.INGEST_ENABLED,
      maxBodyBytes: values.INGEST_MAX_BODY_BYTES,
      maxLineBytes: values.INGEST_MAX_LINE_BYTES,
      maxLines: values.INGEST_MAX_LINES,
      maxErrorsKept: values.INGEST_MAX_ERRORS_KEPT,
      maxPendingDeadLetters: values.INGEST_MAX_PENDING_DEAD_LETTERS,
      maxBufferedBytes: values.INGEST_MAX_BUFFERED_BYTES,
      maxFutureSeconds: values.INGEST_MAX_FUTURE_SECONDS,
      batchRows: values.INGEST_BATCH_ROWS,
      flushMs: values.INGEST_FLUSH_MS,
      maxPendingRows: values.INGEST_MAX_PENDING_ROWS,
      maxConcurrentRequests: values.INGEST_MAX_CONCURRENT_REQUESTS,
      tcpMaxConnections: values.INGEST_TCP_MAX_CONNECTIONS,
      tcpMaxConnectionsPerAddress: values.INGEST_TCP_MAX_CONNECTIONS_PER_ADDRESS,
      tcpIdleSeconds: values.INGEST_TCP_IDLE_SECONDS,
      processingRules,
      multiline: values.MULTILINE_ENABLED
        ? { flushMs: values.MULTILINE_FLUSH_MS, maxLines: values.MULTILINE_MAX_LINES, maxBytes: values.MULTILINE_MAX_BYTES }
        : undefined,
    },
    queryTimeoutSeconds: values.QUERY_TIMEOUT_SECONDS,
    tail: {
      pollMs: values.TAIL_POLL_MS,
      safetyMs: values.TAIL_SAFETY_MS,
      maxViewers: values.TAIL_MAX_VIEWERS,
      maxPollers: values.TAIL_MAX_POLLERS,
      catchUpMs: values.TAIL_CATCH_UP_SECONDS * 1000,
      catchUpRows: values.TAIL_CATCH_UP_ROWS,
      maxBufferedBytes: values.TAIL_MAX_BUFFERED_BYTES,
    },
    auth: { tokensFile: values.API_TOKENS_FILE || undefined, allowUnauthenticatedBind: values.ALLOW_UNAUTHENTICATED_BIND },
    rateLimits: { ingestPerMinute: values.RATE_LIMIT_INGEST_PER_MINUTE, queryPerMinute: values.RATE_LIMIT_QUERY_PER_MINUTE },
    alerts: {
      rulesFile: values.ALERT_RULES_FILE || undefined,
      evalIntervalMs: values.ALERT_EVAL_SECONDS * 1000,
      webhookTimeoutMs: values.ALERT_WEBHOOK_TIMEOUT_SECONDS * 1000,
      webhookRetries: values.ALERT_WEBHOOK_RETRIES,
    },
    log: { level: values.LOG_LEVEL, format: values.LOG_FORMAT },
  });
}

/** The rules of PROCESSING_RULES_FILE, compiled once; every problem in the file goes to `problems`. */
function readProcessingRules(file: string, problems: string[]): ApiConfig['ingest']['processingRules'] {
  if (file === '') return { rules: [] };
  try {
    return { file, rules: loadProcessingRules(file).rules };
  } catch (error) {
    if (!(error instanceof ProcessingRulesError)) throw error;
    problems.push(`PROCESSING_RULES_FILE: ${error.message}`);
    return { rules: [] };
  }
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
