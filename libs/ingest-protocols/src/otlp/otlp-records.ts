/**
 * OTLP log records as candidate events (CONTRACT "Standard ingest protocols"): resource
 * `service.name` → source, `host.name` → host; severityNumber 1–24 → level (else severityText
 * by its spelling; neither → INFO); body → message (non-strings as JSON text); timeUnixNano, else
 * observedTimeUnixNano → timestamp; traceId, spanId → trace_id, span_id; log, scope and resource
 * attributes → attributes (the record's win over its scope's, which win over the resource's),
 * with the scope's name and version as `otel.scope.name`/`otel.scope.version`, the names
 * OpenTelemetry gives them outside OTLP. A record with neither time is dated when received, as
 * the log data model tells a collector to (and as Vector's opentelemetry source does).
 */
import { emptyDecodedRecords, PayloadError, UNKNOWN_SOURCE, UNSTATED_LEVEL, type DecodedRecords, type RecordRefusal } from '../candidate';
import { anyValueText, keyValueTexts, list } from './any-value';
import type { OtlpLogRecord, OtlpLogsRequest, OtlpResourceLogs, OtlpScopeLogs } from './otlp-shape';

/** severityNumber ranges of the OpenTelemetry log data model, by level. */
const SEVERITY_LEVELS = ['DEBUG', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;

const NANOS_PER_MILLI = 1_000_000n;

/** What a record inherits from its resource and scope. */
interface Context {
  source: string;
  host: string;
  inherited: Record<string, string>;
}

type RecordContext = Context & { receivedMs: number };

/**
 * The request's records as candidates; a container of the wrong shape (resourceLogs,
 * scopeLogs, their attributes) is a PayloadError, a record of the wrong shape a refusal.
 */
export function otlpCandidates(request: OtlpLogsRequest, mayHoldLoneSurrogates: boolean, receivedMs: number): DecodedRecords {
  const out = emptyDecodedRecords(mayHoldLoneSurrogates);
  if (request === null || typeof request !== 'object' || Array.isArray(request)) throw new PayloadError('the body must be an ExportLogsServiceRequest object');
  let position = 0;
  list(request.resourceLogs, 'resourceLogs').forEach((item, r) => {
    const resourceLogs = objectAt(item, `resourceLogs[${r}]`) as OtlpResourceLogs;
    const resource = resourceContext(resourceLogs, `resourceLogs[${r}]`);
    list(resourceLogs.scopeLogs, `resourceLogs[${r}].scopeLogs`).forEach((entry, s) => {
      const where = `resourceLogs[${r}].scopeLogs[${s}]`;
      const scopeLogs = objectAt(entry, where) as OtlpScopeLogs;
      const context = { ...resource, inherited: { ...resource.inherited, ...scopeAttributes(scopeLogs, where) } };
      list(scopeLogs.logRecords, `${where}.logRecords`).forEach((record, l) => {
        position += 1;
        addRecord(out, record as OtlpLogRecord, { ...context, receivedMs }, position, `${where}.logRecords[${l}]`);
      });
    });
  });
  return out;
}

function objectAt(value: unknown, where: string): object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PayloadError(`${where} must be an object`);
  return value;
}

function resourceContext(resourceLogs: OtlpResourceLogs, where: string): Context {
  const attributes = keyValueTexts(resourceLogs.resource?.attributes, `${where}.resource.attributes`);
  const { ['service.name']: source, ['host.name']: host, ...inherited } = attributes;
  return { source: source || UNKNOWN_SOURCE, host: host ?? '', inherited };
}

function scopeAttributes({ scope }: OtlpScopeLogs, where: string): Record<string, string> {
  const attributes = keyValueTexts(scope?.attributes, `${where}.scope.attributes`);
  if (scope?.name) attributes['otel.scope.name'] = scope.name;
  if (scope?.version) attributes['otel.scope.version'] = scope.version;
  return attributes;
}

function addRecord(out: DecodedRecords, record: OtlpLogRecord, context: RecordContext, position: number, where: string): void {
  const raw = () => JSON.stringify(record) ?? '';
  const refuse = (code: RecordRefusal['code'], reason: string) => void out.refusals.push({ position, code, reason: `${where}: ${reason}`, raw: raw() });
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return refuse('wrong_type', 'a log record must be an object');
  try {
    addValidRecord(out, record, context, position, where, refuse);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    refuse('wrong_type', error.message);
  }
}

function addValidRecord(
  out: DecodedRecords,
  record: OtlpLogRecord,
  context: RecordContext,
  position: number,
  where: string,
  refuse: (code: RecordRefusal['code'], reason: string) => void,
): void {
  const timestamp = recordTime(record, context.receivedMs);
  if (typeof timestamp !== 'number') return refuse(timestamp.code, timestamp.reason);
  const level = recordLevel(record);
  if (level === undefined) return refuse('invalid_value', `severityNumber ${record.severityNumber} is not one of 0-24`);
  const attributes = { ...context.inherited, ...keyValueTexts(record.attributes, `${where}.attributes`) };
  out.events.push({
    position,
    event: {
      timestamp: new Date(timestamp).toISOString(),
      log_level: level,
      message: anyValueText(record.body, `${where}.body`) ?? '',
      source: context.source,
      host: context.host,
      trace_id: record.traceId,
      span_id: record.spanId,
      attributes,
    },
    describe: () => ({ where, raw: JSON.stringify(record) }),
  });
}

/** Epoch ms of the record's time (received, when it has none), or why it has no valid one. */
function recordTime(record: OtlpLogRecord, receivedMs: number): number | Pick<RecordRefusal, 'code' | 'reason'> {
  for (const name of ['timeUnixNano', 'observedTimeUnixNano'] as const) {
    const value = record[name];
    if (value === undefined || value === null || value === 0 || value === '0') continue;
    const digits = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof digits !== 'string' || !/^\d{1,20}$/.test(digits)) {
      return { code: 'invalid_value', reason: `${name} must be nanoseconds since the Unix epoch, got ${JSON.stringify(value).slice(0, 40)}` };
    }
    return Number(BigInt(digits) / NANOS_PER_MILLI);
  }
  return receivedMs;
}

/** The level from severityNumber, else severityText as written (normalizeEvent reads its spelling). */
function recordLevel(record: OtlpLogRecord): string | undefined {
  const number = record.severityNumber ?? 0;
  if (Number.isInteger(number) && number >= 1 && number <= 24) return SEVERITY_LEVELS[Math.ceil(number / 4) - 1];
  if (number !== 0) return undefined;
  return record.severityText ? record.severityText : UNSTATED_LEVEL;
}
