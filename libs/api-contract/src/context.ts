/** GET /api/v1/logs/{id}/context: an event and its neighbours from the same producer or source. */
import { Type, type Static } from 'typebox';
import { LogIdParam } from './cursors';
import { StoredLogSchema } from './stored-log';

const Scope = (description?: string) => Type.Union([Type.Literal('producer'), Type.Literal('source')], { description });

export const ContextParams = Type.Object({ id: LogIdParam });

export const ContextQuery = Type.Object({
  before: Type.Integer({ minimum: 0, maximum: 1000, default: 10, description: 'Events before the anchor.' }),
  after: Type.Integer({ minimum: 0, maximum: 1000, default: 10, description: 'Events after the anchor.' }),
  scope: Type.Optional(Scope('Neighbours from the same producer (default when the event has one) or source.')),
});

export const LogContext = Type.Object({
  scope: Scope(),
  anchor: StoredLogSchema,
  before: Type.Array(StoredLogSchema, { description: 'Oldest first, ending just before the anchor.' }),
  after: Type.Array(StoredLogSchema, { description: 'Oldest first, starting just after the anchor.' }),
});

export type LogContext = Static<typeof LogContext>;
