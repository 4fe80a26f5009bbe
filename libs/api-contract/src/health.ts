/** GET /api/v1/health: 200 when storage answers, 503 otherwise (same body). */
import { Type, type Static } from 'typebox';

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  storage: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
  pending_rows: Type.Integer({ description: 'Accepted rows waiting to be stored.' }),
  version: Type.String({ description: "Logline's version (the api's --version)." }),
});

export type Health = Static<typeof Health>;
