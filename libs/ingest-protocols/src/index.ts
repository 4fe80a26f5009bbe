export * from './candidate';
export { decodeOtlpJson, decodeOtlpProtobuf } from './otlp/decode-otlp';
export { exportLogsResponse, statusResponse, OTLP_CONTENT_TYPES, type OtlpEncoding } from './otlp/otlp-response';
export type { OtlpLogsRequest } from './otlp/otlp-shape';
/** The message types, for senders (the bench) that encode what the doors decode. */
export { ExportLogsServiceRequest } from './otlp/otlp-proto';
export { PushRequest } from './loki/loki-proto';
export { decodeLokiJson, decodeLokiProtobuf } from './loki/decode-loki';
export { decodeBulk } from './elasticsearch/bulk-body';
export { bulkResponse, clusterInfo, errorResponse } from './elasticsearch/bulk-response';
export { addSyslogFrame } from './syslog/syslog-records';
export { SyslogFrameReader, type SyslogFrame } from './syslog/syslog-frames';
