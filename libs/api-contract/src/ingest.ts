/** POST /api/v1/ingest: NDJSON (or a JSON array) of events; the answer comes once accepted rows are stored. */
import { Type, type Static } from 'typebox';

/** At most this many line errors are listed in one answer; `rejected` still counts them all. */
export const MAX_LISTED_ERRORS = 1000;

export const IngestResult = Type.Object({
  accepted: Type.Integer({ description: 'Events stored and visible to queries.' }),
  rejected: Type.Integer({ description: 'Lines refused; each is also kept in logs.ingest_errors.' }),
  errors: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() }), {
    description: `The first ${MAX_LISTED_ERRORS} refused lines, numbered from 1 (blank lines count).`,
  }),
});

export type IngestResult = Static<typeof IngestResult>;
