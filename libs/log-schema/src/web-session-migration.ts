/**
 * Migration 15: sessions the web has ended (signed out), shared by every web replica through the
 * api. A session is a signed cookie any replica can check on its own (apps/web auth/session-token.ts);
 * what a replica cannot know on its own is that a session was signed out on another, hence this
 * list. A row names the SHA-256 of the session's id (never the id, so the table cannot be turned
 * into cookies) and when the session would have ended anyway; after that the row says nothing
 * more, and the TTL drops it.
 */
import { DATABASE } from './tables';

export const WEB_SESSION_ENDS_TABLE = 'web_session_ends';

export const WEB_SESSION_MIGRATION = {
  version: 15,
  name: 'web sessions ended by sign-out',
  statements: [
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${WEB_SESSION_ENDS_TABLE}
(
    session  String,
    until    DateTime64(3, 'UTC'),
    ended_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (until, session)
TTL toDateTime(until) + INTERVAL 1 DAY`,
  ],
};
