/**
 * Answers of the OTLP/HTTP logs endpoint, in the request's encoding: an
 * ExportLogsServiceResponse (with partialSuccess when records were rejected), or a
 * google.rpc.Status for a refused request.
 */
import { ExportLogsServiceResponse, RpcStatus } from './otlp-proto';

export type OtlpEncoding = 'protobuf' | 'json';

/** Reasons quoted in partialSuccess.errorMessage; the count covers them all. */
const QUOTED_REASONS = 5;

export const OTLP_CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

/** An ExportLogsServiceResponse: empty when everything was accepted. */
export function exportLogsResponse(encoding: OtlpEncoding, rejectedReasons: readonly string[], rejectedCount = rejectedReasons.length): Buffer | string {
  const body =
    rejectedCount === 0
      ? {}
      : {
          partialSuccess: {
            rejectedLogRecords: rejectedCount,
            errorMessage: `${rejectedCount} log record${rejectedCount === 1 ? ' was' : 's were'} rejected: ${rejectedReasons.slice(0, QUOTED_REASONS).join('; ')}`,
          },
        };
  return encoding === 'json' ? JSON.stringify(body) : Buffer.from(ExportLogsServiceResponse.encode(ExportLogsServiceResponse.fromObject(body)).finish());
}

/** gRPC status codes the OTLP/HTTP spec pairs with HTTP statuses. */
const GRPC_CODES: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 3, 415: 3, 429: 8, 503: 14 };

/** A google.rpc.Status body for an HTTP error status. */
export function statusResponse(encoding: OtlpEncoding, httpStatus: number, message: string): Buffer | string {
  const status = { code: GRPC_CODES[httpStatus] ?? 2, message };
  return encoding === 'json' ? JSON.stringify(status) : Buffer.from(RpcStatus.encode(RpcStatus.fromObject(status)).finish());
}
