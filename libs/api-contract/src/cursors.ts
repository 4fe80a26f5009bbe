/**
 * Row ids and page cursors as parameters. Both are opaque to clients: a page cursor is the
 * next_cursor or prev_cursor of an answer, handed back unchanged.
 */
import { Type } from 'typebox';

/**
 * Longest page cursor a client may send. The longest the api issues is 379 characters: sorted
 * by source, the source's at most 256 UTF-8 bytes in base64url (342), `~`, and a row id (36).
 */
export const PAGE_CURSOR_MAX_LENGTH = 400;

/** Longest row id a client may send (an id the api issued is at most 36 characters). */
export const LOG_ID_MAX_LENGTH = 64;

export const PageCursorParam = (description: string) => Type.String({ maxLength: PAGE_CURSOR_MAX_LENGTH, description });

export const LogIdParam = Type.String({ maxLength: LOG_ID_MAX_LENGTH });
