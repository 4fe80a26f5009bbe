/**
 * The bench's events as each standard protocol carries them, in request bodies of `batch` events:
 * what a shipper would send, built before the clock starts (encoding is the sender's cost).
 * Every door's events name the door as their source, so its stored count can be read back.
 */
import { compressSync } from 'snappy';
import { ExportLogsServiceRequest, PushRequest } from '@logline/ingest-protocols';
import type { BenchRow } from '../dataset/bench-events';

export type DoorName = 'ndjson' | 'otlp-protobuf' | 'otlp-json' | 'loki-protobuf' | 'loki-json' | 'elasticsearch' | 'syslog-tcp';

export interface DoorPayloads {
  door: DoorName;
  /** The source every event of this door is stored under. */
  source: string;
  /** HTTP request bodies (path and content type below), or syslog frames for TCP. */
  bodies: Buffer[];
  path?: string;
  contentType?: string;
}

const SEVERITY_NUMBERS: Record<string, number> = { DEBUG: 5, INFO: 9, WARNING: 13, ERROR: 17, CRITICAL: 21 };
const SYSLOG_SEVERITIES: Record<string, number> = { DEBUG: 7, INFO: 6, WARNING: 4, ERROR: 3, CRITICAL: 2 };
const LOCAL0 = 16;

const iso = (row: BenchRow) => `${row.timestamp.replace(' ', 'T')}Z`;
const nanos = (row: BenchRow) => `${Date.parse(iso(row))}000000`;

export function doorPayloads(door: DoorName, rows: readonly BenchRow[], batch: number): DoorPayloads {
  const source = `door-${door}`;
  const batches: BenchRow[][] = [];
  for (let at = 0; at < rows.length; at += batch) batches.push(rows.slice(at, at + batch));
  const build = BUILDERS[door];
  return { door, source, bodies: batches.map((part) => build.body(part, source)), path: build.path, contentType: build.contentType };
}

interface Builder {
  body(rows: readonly BenchRow[], source: string): Buffer;
  path?: string;
  contentType?: string;
}

const BUILDERS: Record<DoorName, Builder> = {
  ndjson: { path: '/api/v1/ingest', contentType: 'application/x-ndjson', body: (rows, source) => lines(rows.map((row) => ({ ...row, timestamp: iso(row), source }))) },
  'otlp-protobuf': {
    path: '/v1/logs',
    contentType: 'application/x-protobuf',
    body: (rows, source) => Buffer.from(ExportLogsServiceRequest.encode(ExportLogsServiceRequest.fromObject(otlpRequest(rows, source))).finish()),
  },
  'otlp-json': { path: '/v1/logs', contentType: 'application/json', body: (rows, source) => Buffer.from(JSON.stringify(otlpRequest(rows, source))) },
  'loki-protobuf': {
    path: '/loki/api/v1/push',
    contentType: 'application/x-protobuf',
    body: (rows, source) => compressSync(Buffer.from(PushRequest.encode(PushRequest.fromObject(lokiProtobuf(rows, source))).finish())),
  },
  'loki-json': { path: '/loki/api/v1/push', contentType: 'application/json', body: (rows, source) => Buffer.from(JSON.stringify(lokiJson(rows, source))) },
  elasticsearch: {
    path: '/_bulk',
    contentType: 'application/x-ndjson',
    body: (rows, source) =>
      lines(rows.flatMap((row) => [{ create: { _index: source } }, { '@timestamp': iso(row), message: row.message, log: { level: row.log_level.toLowerCase() }, host: { name: row.host }, service: { name: source }, ...row.attributes }])),
  },
  'syslog-tcp': {
    body: (rows, source) =>
      Buffer.concat(
        rows.map((row) => {
          const data = Object.entries(row.attributes).map(([name, value]) => `${name}="${value}"`).join(' ');
          const message = Buffer.from(`<${LOCAL0 * 8 + SYSLOG_SEVERITIES[row.log_level]}>1 ${iso(row)} ${row.host} ${source} - - [bench@32473 ${data}] ${row.message}`);
          return Buffer.concat([Buffer.from(`${message.length} `), message]);
        }),
      ),
  },
};

function lines(values: readonly unknown[]): Buffer {
  return Buffer.from(`${values.map((value) => JSON.stringify(value)).join('\n')}\n`);
}

/** Records grouped by host, each host a resource (as one SDK per host would send them). */
function otlpRequest(rows: readonly BenchRow[], source: string) {
  const byHost = groupBy(rows, (row) => row.host);
  return {
    resourceLogs: [...byHost].map(([host, records]) => ({
      resource: { attributes: [keyValue('service.name', source), keyValue('host.name', host)] },
      scopeLogs: [
        {
          logRecords: records.map((row) => ({
            timeUnixNano: nanos(row),
            severityNumber: SEVERITY_NUMBERS[row.log_level],
            body: { stringValue: row.message },
            attributes: Object.entries(row.attributes).map(([key, value]) => keyValue(key, value)),
          })),
        },
      ],
    })),
  };
}

/** One stream per host and level, as Promtail's labels make them. */
function lokiStreams(rows: readonly BenchRow[], source: string) {
  return [...groupBy(rows, (row) => `${row.host}\u0000${row.log_level}`)].map(([, entries]) => ({
    labels: { service_name: source, host: entries[0].host, level: entries[0].log_level.toLowerCase() },
    entries,
  }));
}

function lokiJson(rows: readonly BenchRow[], source: string) {
  return { streams: lokiStreams(rows, source).map(({ labels, entries }) => ({ stream: labels, values: entries.map((row) => [nanos(row), row.message, row.attributes]) })) };
}

function lokiProtobuf(rows: readonly BenchRow[], source: string) {
  return {
    streams: lokiStreams(rows, source).map(({ labels, entries }) => ({
      labels: `{${Object.entries(labels).map(([name, value]) => `${name}="${value}"`).join(', ')}}`,
      entries: entries.map((row) => {
        const ms = Date.parse(iso(row));
        return {
          timestamp: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
          line: row.message,
          structuredMetadata: Object.entries(row.attributes).map(([name, value]) => ({ name, value })),
        };
      }),
    })),
  };
}

function keyValue(key: string, value: string) {
  return { key, value: { stringValue: value } };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
