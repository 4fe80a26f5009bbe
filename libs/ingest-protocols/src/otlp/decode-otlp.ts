/** OTLP/HTTP logs request bodies, protobuf or JSON, as candidate events. */
import { PayloadError, type DecodedRecords } from '../candidate';
import { readJsonBody } from '../json-body';
import { ExportLogsServiceRequest } from './otlp-proto';
import { otlpCandidates } from './otlp-records';
import type { OtlpLogsRequest } from './otlp-shape';

/** `receivedMs`: when the request arrived, the time of records that carry none. */
export function decodeOtlpJson(body: Buffer, receivedMs: number): DecodedRecords {
  const { value, hasEscapes } = readJsonBody(body);
  return otlpCandidates(value as OtlpLogsRequest, hasEscapes, receivedMs);
}

export function decodeOtlpProtobuf(body: Buffer, receivedMs: number): DecodedRecords {
  let message;
  try {
    message = ExportLogsServiceRequest.decode(body);
  } catch (error) {
    throw new PayloadError(`invalid protobuf ExportLogsServiceRequest: ${(error as Error).message}`);
  }
  // The OTLP/JSON shape: int64 as decimal strings, bytes as base64 (ids become hex below).
  const request = ExportLogsServiceRequest.toObject(message, { longs: String, bytes: String }) as OtlpLogsRequest;
  for (const resourceLogs of request.resourceLogs ?? []) {
    for (const scopeLogs of resourceLogs.scopeLogs ?? []) {
      for (const record of scopeLogs.logRecords ?? []) {
        if (record.traceId !== undefined) record.traceId = Buffer.from(record.traceId, 'base64').toString('hex');
        if (record.spanId !== undefined) record.spanId = Buffer.from(record.spanId, 'base64').toString('hex');
      }
    }
  }
  // Protobuf's UTF-8 reader passes on an encoded surrogate half as it is.
  return otlpCandidates(request, true, receivedMs);
}
