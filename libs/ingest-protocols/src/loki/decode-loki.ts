/**
 * Loki push bodies as candidate events: JSON (`{"streams":[{"stream":{labels},"values":[[ns,
 * line, {metadata}?]]}]}`) or snappy-compressed protobuf PushRequest, as Promtail, Alloy, Fluent
 * Bit and the logging libraries send them.
 */
import { Reader } from 'protobufjs';
import { uncompressSync } from 'snappy';
import { emptyDecodedRecords, PayloadError, type DecodedRecords } from '../candidate';
import { readJsonBody } from '../json-body';
import { parseLabelSet } from './label-set';
import { addLokiEntry } from './loki-records';
import { PushRequest } from './loki-proto';

const NANOS_PER_MILLI = 1_000_000n;

export function decodeLokiJson(body: Buffer): DecodedRecords {
  const { value, hasEscapes } = readJsonBody(body);
  const streams = (value as { streams?: unknown } | null)?.streams;
  if (!Array.isArray(streams)) throw new PayloadError('the body must be {"streams": [...]}');
  const out = emptyDecodedRecords(hasEscapes);
  streams.forEach((stream: { stream?: unknown; values?: unknown }, s) => {
    const labels = stringMap(stream?.stream, `streams[${s}].stream`);
    if (!Array.isArray(stream.values)) throw new PayloadError(`streams[${s}].values must be an array of [timestamp, line] pairs`);
    stream.values.forEach((entry: unknown, v) => {
      const where = `streams[${s}].values[${v}]`;
      if (!Array.isArray(entry) || typeof entry[1] !== 'string') throw new PayloadError(`${where} must be ["<unix epoch in nanoseconds>", "<line>"]`);
      const structuredMetadata = entry[2] === undefined ? {} : stringMap(entry[2], `${where}[2]`);
      addLokiEntry(out, labels, { timestampMs: nanosToMillis(entry[0]), line: entry[1], structuredMetadata }, where);
    });
  });
  return out;
}

/** `maxBytes`: the largest body accepted once uncompressed. */
export function decodeLokiProtobuf(body: Buffer, maxBytes: number): DecodedRecords {
  const request = PushRequest.toObject(decodePush(uncompressed(body, maxBytes)), { longs: String }) as ProtoPush;
  const out = emptyDecodedRecords(true);
  (request.streams ?? []).forEach((stream, s) => {
    const labels = parseLabelSet(stream.labels ?? '');
    (stream.entries ?? []).forEach((entry, e) => {
      const structuredMetadata: Record<string, string> = {};
      for (const { name = '', value = '' } of entry.structuredMetadata ?? []) {
        Object.defineProperty(structuredMetadata, name, { value, enumerable: true, writable: true, configurable: true });
      }
      const timestampMs = entry.timestamp ? nanosToMillis(`${entry.timestamp.seconds ?? 0}${String(entry.timestamp.nanos ?? 0).padStart(9, '0')}`) : 'the entry has no timestamp';
      addLokiEntry(out, labels, { timestampMs, line: entry.line ?? '', structuredMetadata }, `streams[${s}].entries[${e}]`);
    });
  });
  return out;
}

interface ProtoPush {
  streams?: {
    labels?: string;
    entries?: { timestamp?: { seconds?: string; nanos?: number }; line?: string; structuredMetadata?: { name?: string; value?: string }[] }[];
  }[];
}

function decodePush(bytes: Buffer) {
  try {
    return PushRequest.decode(bytes);
  } catch (error) {
    throw new PayloadError(`invalid protobuf PushRequest: ${(error as Error).message}`);
  }
}

/** The snappy block, refused before decompression when its stated length is over `maxBytes`. */
function uncompressed(body: Buffer, maxBytes: number): Buffer {
  try {
    // A snappy block starts with its uncompressed length as a varint.
    const length = Reader.create(body).uint32();
    if (length > maxBytes) throw new PayloadError(`the body is ${length} bytes uncompressed; the limit is ${maxBytes}`);
    return uncompressSync(body, { asBuffer: true }) as Buffer;
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    throw new PayloadError(`the body is not snappy-compressed protobuf: ${(error as Error).message}`);
  }
}

function nanosToMillis(value: unknown): number | string {
  const digits = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof digits !== 'string' || !/^\d{1,20}$/.test(digits)) return `timestamp ${JSON.stringify(value)?.slice(0, 40)} is not nanoseconds since the Unix epoch`;
  return Number(BigInt(digits) / NANOS_PER_MILLI);
}

function stringMap(value: unknown, where: string): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PayloadError(`${where} must be an object of strings`);
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw new PayloadError(`${where}.${key} must be a string`);
  }
  return value as Record<string, string>;
}
