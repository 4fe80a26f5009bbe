/** GET /api/v1/ingest-errors: recent rejected input (dead letters) and counts by reason. */
import { Type, type Static } from 'typebox';

export const IngestErrorsQuery = Type.Object({
  from: Type.String({ default: '24h', maxLength: 64 }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
});

export const IngestErrors = Type.Object({
  total: Type.Integer({ description: 'Rejected lines since `from`.' }),
  by_code: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer() })),
  recent: Type.Array(
    Type.Object({
      received_at: Type.String(),
      transport: Type.String(),
      peer: Type.String(),
      line: Type.Integer(),
      code: Type.String(),
      reason: Type.String(),
      raw: Type.String({ description: 'The input as received, truncated to 4 KiB.' }),
    }),
  ),
});

export type IngestErrors = Static<typeof IngestErrors>;
