import { DEAD_LETTER_RAW_BYTES } from '@logline/log-schema';

/** A rejected line as stored in logs.ingest_errors. */
export interface DeadLetter {
  /** `http`, `tcp`, `vector-http`, `vector-tcp`. */
  transport: string;
  /** Client address, `ip:port`. */
  peer: string;
  /** Line number within the request or connection, from 1. */
  line: number;
  code: string;
  reason: string;
  /** The raw text, truncated to DEAD_LETTER_RAW_BYTES. */
  raw: string;
}

/** Cuts text to the dead-letter limit without splitting a UTF-8 character. */
export function truncateRaw(raw: string): string {
  if (raw.length * 3 <= DEAD_LETTER_RAW_BYTES) return raw;
  const bytes = Buffer.from(raw, 'utf8');
  if (bytes.length <= DEAD_LETTER_RAW_BYTES) return raw;
  return bytes.subarray(0, DEAD_LETTER_RAW_BYTES).toString('utf8').replace(/\uFFFD$/, '');
}
