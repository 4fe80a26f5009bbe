/**
 * Loki's push request (logproto.PushRequest in Loki's pkg/push/push.proto) as protobufjs reads it:
 * streams of entries with the stream's labels in Prometheus text form, each entry with a
 * google.protobuf.Timestamp, its line and structured metadata. Upstream names and field numbers;
 * the stream hash Loki computes for itself is left out (skipped as an unknown field).
 */
import { parse, type Type } from 'protobufjs';

const LOKI_PUSH_PROTO = `
syntax = "proto3";
package logproto;

message PushRequest { repeated StreamAdapter streams = 1; }
message StreamAdapter {
  string labels = 1;
  repeated EntryAdapter entries = 2;
}
message EntryAdapter {
  Timestamp timestamp = 1;
  string line = 2;
  repeated LabelPairAdapter structuredMetadata = 3;
}
message LabelPairAdapter {
  string name = 1;
  string value = 2;
}
message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}
`;

export const PushRequest: Type = parse(LOKI_PUSH_PROTO).root.lookupType('logproto.PushRequest');
