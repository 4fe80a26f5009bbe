/**
 * The events Vector's sources hand to the door programs (legacy log namespace), made here from the
 * same input, since no Vector binary runs on these machines. OTLP: the http_server source's `otlp`
 * codec decodes an ExportLogsServiceRequest with protobuf's JSON field names, 64-bit integers as
 * integers, enums by name and bytes as raw bytes (lib/codecs/src/decoding/format/otlp.rs, VRL's
 * protobuf parser); the vectors' trace and span ids keep each byte below 0x80, so JSON can carry
 * them raw. Syslog: the socket source's `syslog` codec, i.e. VRL's own parse_syslog (both use the
 * syslog_loose parser), plus the source's peer fields. Timestamps cannot travel through JSON into
 * the VRL engine: a prelude turns them back into timestamps, as the source hands them over (and
 * nothing else, so the door's program is checked against fields of unknown type, as in Vector).
 */
import type { OtlpLogsRequest } from '@logline/ingest-protocols';
import { runProgram } from './run-vrl';

type VrlEvent = Record<string, unknown>;

const SEVERITY_NAMES = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

/** Runs before syslog.vrl: the source's timestamp as a VRL timestamp. */
export const SYSLOG_SOURCE_PRELUDE = `.timestamp = parse_timestamp!(.timestamp, "%+")\n`;

/** The syslog source's event for a message: parsed by syslog_loose, the peer as host when the message names none. */
export function syslogSourceEvent(message: string, receivedIso: string): Record<string, unknown> {
  const parse = `. = parse_syslog!(.message)
.source_type = "syslog"
.source_ip = "10.1.2.3"
.host = if exists(.hostname) { .hostname } else { "10.1.2.3" }
if !exists(.timestamp) { .timestamp = "${receivedIso}" }
`;
  return runProgram(parse, { message }) as Record<string, unknown>;
}

/** The event the `otlp` codec makes of a request (given as OTLP/JSON). */
export function otlpCodecEvent(request: OtlpLogsRequest): VrlEvent {
  return codecValue(request) as VrlEvent;
}

function codecValue(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => codecValue(item));
  if (value === null || typeof value !== 'object') {
    if (key === 'severityNumber') return severityName(Number(value));
    if (['timeUnixNano', 'observedTimeUnixNano', 'intValue'].includes(key)) return Number(value);
    if (key === 'traceId' || key === 'spanId') return Buffer.from(String(value), 'hex').toString('latin1');
    return value;
  }
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, codecValue(item, name)]));
}

function severityName(number: number): string {
  if (number === 0) return 'SEVERITY_NUMBER_UNSPECIFIED';
  const step = (number - 1) % 4;
  return `SEVERITY_NUMBER_${SEVERITY_NAMES[Math.floor((number - 1) / 4)]}${step === 0 ? '' : step + 1}`;
}
