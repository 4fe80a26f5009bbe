/**
 * What every protocol decoder hands to the one ingest path: candidate events in the wire format's
 * vocabulary (the fields normalizeEvent reads), and the records it could not even decode. Rules
 * about fields (types, sizes, levels, timestamps) are normalizeEvent's alone.
 */

/** One decoded record, in the wire format's vocabulary. */
export interface CandidateEvent {
  /** 1-based ordinal of the record in its payload: the dead letter's `line`. */
  position: number;
  event: Record<string, unknown>;
  /** Where the record sits in the protocol's own terms, and the record as received; asked only when it is refused. */
  describe(): { where: string; raw: string };
}

/** A record the decoder refused before normalisation (a missing time, a broken frame...). */
export interface RecordRefusal {
  position: number;
  code: 'invalid_value' | 'missing_field' | 'wrong_type' | 'invalid_payload' | 'too_large';
  /** Says where, in the protocol's terms, and what. */
  reason: string;
  raw: string;
}

export interface DecodedRecords {
  events: CandidateEvent[];
  refusals: RecordRefusal[];
  /**
   * True when strings may hold lone surrogates (JSON text with `\u` escapes): they are checked
   * before they can spoil an insert. Protobuf and raw text decode to well-formed strings.
   */
  mayHoldLoneSurrogates: boolean;
}

/** The whole payload is unreadable (broken protobuf, wrong JSON shape): nothing in it is kept. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

/** Decoded records ready to be filled. */
export function emptyDecodedRecords(mayHoldLoneSurrogates: boolean): DecodedRecords {
  return { events: [], refusals: [], mayHoldLoneSurrogates };
}

/**
 * The level of a record whose protocol carries none (a Loki stream without a level label, a
 * Filebeat document without log.level, an OpenTelemetry record with neither severity field).
 */
export const UNSTATED_LEVEL = 'INFO';

/** The source of a record that names no service (as Loki and OpenTelemetry call it). */
export const UNKNOWN_SOURCE = 'unknown_service';
