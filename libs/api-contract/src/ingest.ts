/** POST /api/v1/ingest: NDJSON (or a JSON array) of events; the answer comes once accepted rows are stored. */
import { Type, type Static } from 'typebox';

export const IngestResult = Type.Object({
  accepted: Type.Integer({ description: 'Events stored and visible to queries, and those a processing rule dropped (taken on: not to be sent again).' }),
  rejected: Type.Integer({
    description: 'Lines refused: the first INGEST_MAX_ERRORS_KEPT each kept in logs.ingest_errors, the rest in one summarising dead letter.',
  }),
  errors: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() }), {
    description: 'The first refused lines (INGEST_MAX_ERRORS_KEPT, default 1000), numbered from 1 (blank lines count).',
  }),
});

export type IngestResult = Static<typeof IngestResult>;
