/** A run of consecutive events of one producer, sent together and acknowledged together. */
export interface Batch {
  producerId: string;
  /** The seq of the first event; the others follow one by one. */
  firstSeq: number;
  /** Each event as its JSON text. */
  lines: readonly string[];
}

/** NDJSON: one event a line, each line ended by a newline. */
export function batchBody(batch: Batch): string {
  return `${batch.lines.join('\n')}\n`;
}

/** `producer seq first..last`, for messages. */
export function describeBatch(batch: Batch): string {
  return `${batch.producerId} seq ${batch.firstSeq}..${batch.firstSeq + batch.lines.length - 1}`;
}
