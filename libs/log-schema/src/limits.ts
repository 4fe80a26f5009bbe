/** Size limits applied to every event, on the api's ingest path and in the Vector program alike. */
export const LIMITS = Object.freeze({
  /** Longest `message`, in UTF-8 bytes. */
  messageBytes: 65_536,
  /** Longest `source`, `host` or `producer_id`, in UTF-8 bytes. */
  labelBytes: 256,
  /** Most attributes per event (explicit `attributes` plus extra top-level fields). */
  attributeCount: 256,
  /** Longest attribute name, in UTF-8 bytes. */
  attributeKeyBytes: 256,
  /** Longest attribute value, in UTF-8 bytes. */
  attributeValueBytes: 16_384,
  /** Largest `seq` (JSON numbers are exact up to 2^53 - 1). */
  maxSeq: Number.MAX_SAFE_INTEGER,
});

/** Longest raw text kept in a dead-letter record, in bytes; longer input is truncated. */
export const DEAD_LETTER_RAW_BYTES = 4096;
