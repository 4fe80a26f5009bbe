// The api's delivery answers (GET /api/v1/audit and /api/v1/ingest-errors), as schemas.
import { Type, type Static } from 'typebox';

const BootSchema = Type.Object({
  boot: Type.Integer(),
  first_seq: Type.Integer(),
  last_seq: Type.Integer(),
  expected: Type.Integer(),
  stored: Type.Integer(),
  missing: Type.Integer(),
  missing_ranges: Type.Array(Type.Array(Type.Integer())),
  duplicates_stored: Type.Integer(),
  first_timestamp: Type.String(),
  last_timestamp: Type.String(),
});

export const AuditResponseSchema = Type.Object({
  since: Type.String(),
  producers: Type.Array(
    Type.Object({
      producer_id: Type.String(),
      status: Type.String(),
      expected: Type.Integer(),
      stored: Type.Integer(),
      missing: Type.Integer(),
      duplicates_stored: Type.Integer(),
      duplicates_absorbed: Type.Integer(),
      last_ingested_at: Type.Union([Type.String(), Type.Null()]),
      lag_p50_ms: Type.Union([Type.Integer(), Type.Null()]),
      lag_p95_ms: Type.Union([Type.Integer(), Type.Null()]),
      boots: Type.Array(BootSchema),
    }),
  ),
});

export const IngestErrorsResponseSchema = Type.Object({
  total: Type.Integer(),
  by_code: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer() })),
  recent: Type.Array(
    Type.Object({
      received_at: Type.String(),
      transport: Type.String(),
      peer: Type.String(),
      line: Type.Integer(),
      code: Type.String(),
      reason: Type.String(),
      raw: Type.String(),
    }),
  ),
});

export type AuditResponse = Static<typeof AuditResponseSchema>;
export type IngestErrorsResponse = Static<typeof IngestErrorsResponseSchema>;
