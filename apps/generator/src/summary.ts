/** The per-producer counts a run reports, and the exit line built from them. */
export interface ProducerStats {
  producer_id: string;
  /** Events handed to the target (resent spooled ones included). */
  sent: number;
  acked: number;
  failed: number;
  /** Lowest and highest seq sent in this run; null when none was. */
  first_seq: number | null;
  last_seq: number | null;
}

export function emptyStats(producerId: string): ProducerStats {
  return { producer_id: producerId, sent: 0, acked: 0, failed: 0, first_seq: null, last_seq: null };
}

/** The one JSON line printed on exit, keys in the documented order. */
export function formatSummary(stats: ProducerStats): string {
  const { producer_id, sent, acked, failed, first_seq, last_seq } = stats;
  return JSON.stringify({ producer_id, sent, acked, failed, first_seq, last_seq });
}

/** True when every event sent was acknowledged: the run exits 0 only then. */
export function allAcknowledged(stats: readonly ProducerStats[]): boolean {
  return stats.every((producer) => producer.acked === producer.sent && producer.failed === 0);
}
