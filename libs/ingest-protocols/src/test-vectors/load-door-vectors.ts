/**
 * The shared door vectors (door-vectors.json) and the api's side of each: the protocol decoder,
 * then normalizeEvent, as the api's ingest path applies them (retention aside).
 */
import { normalizeEvent, type LogRow } from '@logline/log-schema';
import { decodeOtlpJson } from '../otlp/decode-otlp';
import { addSyslogFrame } from '../syslog/syslog-records';
import { emptyDecodedRecords, type DecodedRecords } from '../candidate';
import vectorsFile from './door-vectors.json';

export type RecordOutcome = { kind: 'row'; row: LogRow } | { kind: 'rejection'; code: string; reason: string };

export interface DoorVector {
  name: string;
  /** An OTLP/JSON request, or syslog messages as received. */
  input: { otlp: unknown } | { syslog: string[] };
  expected: RecordOutcome[];
}

/** When the vectors' records without a time were received. */
export const VECTORS_RECEIVED_MS = Date.parse(vectorsFile.received);

export function loadDoorVectors(): DoorVector[] {
  const year = String(new Date().getUTCFullYear());
  return (vectorsFile.vectors as Record<string, unknown>[]).map((vector) => ({
    name: vector['name'] as string,
    input: vector['otlp'] !== undefined ? { otlp: vector['otlp'] } : { syslog: ([] as string[]).concat(vector['syslog'] as string | string[]) },
    expected: (vector['outcomes'] as Record<string, unknown>[]).map((outcome) => {
      if (outcome['row'] === undefined) return { kind: 'rejection', ...(outcome['rejection'] as { code: string; reason: string }) };
      const row = outcome['row'] as LogRow;
      return { kind: 'row', row: { ...row, timestamp: row.timestamp.replace('$YEAR', year) } };
    }),
  }));
}

/** What the api makes of a vector's input: one outcome per record, in order. */
export function apiOutcomes(input: DoorVector['input']): RecordOutcome[] {
  let decoded: DecodedRecords;
  if ('otlp' in input) {
    decoded = decodeOtlpJson(Buffer.from(JSON.stringify(input.otlp)), VECTORS_RECEIVED_MS);
  } else {
    decoded = emptyDecodedRecords(false);
    input.syslog.forEach((message, index) => addSyslogFrame(decoded, { message: Buffer.from(message) }, index + 1, VECTORS_RECEIVED_MS));
  }
  const outcomes = new Map<number, RecordOutcome>();
  for (const refusal of decoded.refusals) outcomes.set(refusal.position, { kind: 'rejection', code: refusal.code, reason: refusal.reason });
  for (const { position, event } of decoded.events) {
    const result = normalizeEvent(event);
    outcomes.set(position, result.ok ? { kind: 'row', row: result.row } : { kind: 'rejection', code: result.code, reason: result.reason });
  }
  return [...outcomes.keys()].sort((a, b) => a - b).map((position) => outcomes.get(position) as RecordOutcome);
}
