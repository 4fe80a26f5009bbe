/**
 * Loki push entries as candidate events (CONTRACT "Standard ingest protocols"): the stream's
 * labels and the entry's structured metadata (which wins on a clash) are read as one set:
 * `service_name`/`service`/`app`/`job` → source (none: unknown_service, as Loki says),
 * `level`/`detected_level`/`severity` → level (none: INFO), `host`/`hostname`/`instance` → host,
 * `trace_id`/`span_id` → the row's trace context (Loki's OTLP ingest puts them there), every other
 * label → an attribute; the line → message.
 */
import { UNKNOWN_SOURCE, UNSTATED_LEVEL, type DecodedRecords } from '../candidate';

/** Label names read as each field, in order of preference. */
const FIELD_LABELS = {
  source: ['service_name', 'service', 'app', 'job'],
  log_level: ['level', 'detected_level', 'severity'],
  host: ['host', 'hostname', 'instance'],
  trace_id: ['trace_id'],
  span_id: ['span_id'],
} as const;

const MAPPED = new Set<string>(Object.values(FIELD_LABELS).flat());

export interface LokiEntry {
  /** Epoch ms of the entry, or why it has none. */
  timestampMs: number | string;
  line: string;
  structuredMetadata: Record<string, string>;
}

/** Adds one entry of a stream to `out`; `where` names it (streams[0].values[3]). */
export function addLokiEntry(out: DecodedRecords, labels: Record<string, string>, entry: LokiEntry, where: string): void {
  const position = out.events.length + out.refusals.length + 1;
  const raw = () => JSON.stringify({ labels, ...entry });
  if (typeof entry.timestampMs === 'string') {
    out.refusals.push({ position, code: 'invalid_value', reason: `${where}: ${entry.timestampMs}`, raw: raw() });
    return;
  }
  const all = { ...labels, ...entry.structuredMetadata };
  const attributes: Record<string, string> = {};
  for (const name of Object.keys(all)) {
    if (!MAPPED.has(name)) Object.defineProperty(attributes, name, { value: all[name], enumerable: true, writable: true, configurable: true });
  }
  out.events.push({
    position,
    event: {
      timestamp: new Date(entry.timestampMs).toISOString(),
      log_level: pick(all, FIELD_LABELS.log_level) ?? UNSTATED_LEVEL,
      message: entry.line,
      source: pick(all, FIELD_LABELS.source) ?? UNKNOWN_SOURCE,
      host: pick(all, FIELD_LABELS.host),
      trace_id: pick(all, FIELD_LABELS.trace_id),
      span_id: pick(all, FIELD_LABELS.span_id),
      attributes,
    },
    describe: () => ({ where, raw: raw() }),
  });
}

function pick(labels: Record<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    if (Object.hasOwn(labels, name) && labels[name] !== '') return labels[name];
  }
  return undefined;
}
