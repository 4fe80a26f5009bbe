/**
 * The OTLP logs messages protobufjs decodes requests with and encodes answers in: the subset of
 * opentelemetry-proto (v1.x: collector/logs/v1/logs_service.proto, logs/v1/logs.proto,
 * common/v1/common.proto, resource/v1/resource.proto) that a logs receiver reads, with the
 * upstream names, types and field numbers. Fields left out are skipped as unknown fields, as
 * protobuf intends; google.rpc.Status is the error body the OTLP/HTTP spec names.
 */
import { parse, type Type } from 'protobufjs';

const OTLP_LOGS_PROTO = `
syntax = "proto3";
package otlp;

message ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }
message ExportLogsServiceResponse { ExportLogsPartialSuccess partial_success = 1; }
message ExportLogsPartialSuccess {
  int64 rejected_log_records = 1;
  string error_message = 2;
}

message ResourceLogs {
  Resource resource = 1;
  repeated ScopeLogs scope_logs = 2;
  string schema_url = 3;
}
message ScopeLogs {
  InstrumentationScope scope = 1;
  repeated LogRecord log_records = 2;
  string schema_url = 3;
}
message LogRecord {
  fixed64 time_unix_nano = 1;
  fixed64 observed_time_unix_nano = 11;
  int32 severity_number = 2;
  string severity_text = 3;
  AnyValue body = 5;
  repeated KeyValue attributes = 6;
  uint32 dropped_attributes_count = 7;
  fixed32 flags = 8;
  bytes trace_id = 9;
  bytes span_id = 10;
}

message Resource {
  repeated KeyValue attributes = 1;
  uint32 dropped_attributes_count = 2;
}
message InstrumentationScope {
  string name = 1;
  string version = 2;
  repeated KeyValue attributes = 3;
  uint32 dropped_attributes_count = 4;
}
message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue {
  string key = 1;
  AnyValue value = 2;
}

message Status {
  int32 code = 1;
  string message = 2;
}
`;

const root = parse(OTLP_LOGS_PROTO).root;

export const ExportLogsServiceRequest: Type = root.lookupType('otlp.ExportLogsServiceRequest');
export const ExportLogsServiceResponse: Type = root.lookupType('otlp.ExportLogsServiceResponse');
/** google.rpc.Status, the body of an OTLP/HTTP error answer. */
export const RpcStatus: Type = root.lookupType('otlp.Status');
