export * from './candidate';
export { decodeOtlpJson, decodeOtlpProtobuf } from './otlp/decode-otlp';
export { exportLogsResponse, statusResponse, OTLP_CONTENT_TYPES, type OtlpEncoding } from './otlp/otlp-response';
export type { OtlpLogsRequest } from './otlp/otlp-shape';
export { decodeLokiJson, decodeLokiProtobuf } from './loki/decode-loki';
export { decodeBulk, type BulkItem, type DecodedBulk } from './elasticsearch/bulk-body';
export { bulkResponse, clusterInfo, errorResponse } from './elasticsearch/bulk-response';
export { addSyslogFrame } from './syslog/syslog-records';
export { SyslogFrameReader, type SyslogFrame } from './syslog/syslog-frames';
