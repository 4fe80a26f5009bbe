/**
 * /api/v1/web/session-ends: the web sessions signed out, shared by every web replica (the web
 * records each sign-out, and every replica reads the list every few seconds).
 */
import { Type, type Static } from 'typebox';

/** The SHA-256 of a session id, base64url: the id itself never leaves the browser and the web. */
const SessionDigest = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'SHA-256 of the session id, base64url.' });

export const SessionEnd = Type.Object({
  session: SessionDigest,
  until_ms: Type.Integer({ minimum: 0, description: 'When the session would have ended anyway, epoch ms.' }),
});
export type SessionEnd = Static<typeof SessionEnd>;

export const SessionEnds = Type.Object({
  sessions: Type.Array(SessionEnd),
});
export type SessionEnds = Static<typeof SessionEnds>;
