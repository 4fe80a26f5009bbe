/**
 * GET /api/v1/audit: per producer, whether every event it sent is stored exactly once — expected
 * (from each boot's seq range), stored, missing ranges, duplicates — plus last seen and lag.
 */
import { Type, type Static } from 'typebox';

export const AuditQuery = Type.Object({
  from: Type.String({ default: '24h', maxLength: 64, description: 'Audit events with timestamps since.' }),
  producer_id: Type.Optional(Type.String({ maxLength: 256 })),
});

const Boot = Type.Object({
  boot: Type.Integer({ description: 'Counts restarts: a new boot begins where seq goes back down.' }),
  first_seq: Type.Integer(),
  last_seq: Type.Integer(),
  expected: Type.Integer(),
  stored: Type.Integer(),
  missing: Type.Integer(),
  missing_ranges: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), { description: 'Inclusive; at most 100.' }),
  duplicates_stored: Type.Integer({ description: 'Rows stored more than once for one seq (should be 0).' }),
  first_timestamp: Type.String(),
  last_timestamp: Type.String(),
});

export const AUDIT_STATUSES = ['complete', 'missing', 'duplicated'] as const;

const ProducerAudit = Type.Object({
  producer_id: Type.String(),
  status: Type.Enum([...AUDIT_STATUSES]),
  expected: Type.Integer(),
  stored: Type.Integer(),
  missing: Type.Integer(),
  duplicates_stored: Type.Integer(),
  duplicates_absorbed: Type.Integer({ description: 'Retried events the api recognised and dropped.' }),
  last_ingested_at: Type.Union([Type.String(), Type.Null()]),
  lag_p50_ms: Type.Union([Type.Integer(), Type.Null()]),
  lag_p95_ms: Type.Union([Type.Integer(), Type.Null()]),
  boots: Type.Array(Boot),
});

export const Audit = Type.Object({
  since: Type.String(),
  producers: Type.Array(ProducerAudit),
});

export type ProducerAudit = Static<typeof ProducerAudit>;
export type Audit = Static<typeof Audit>;
