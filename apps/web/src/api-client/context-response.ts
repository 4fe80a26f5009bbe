// The api's answer to GET /api/v1/logs/:id/context, as a schema.
import { Type, type Static } from 'typebox';
import { StoredLogSchema } from './logs-response';

export const ContextResponseSchema = Type.Object({
  scope: Type.String(),
  anchor: StoredLogSchema,
  before: Type.Array(StoredLogSchema),
  after: Type.Array(StoredLogSchema),
});

export type ContextResponse = Static<typeof ContextResponseSchema>;
