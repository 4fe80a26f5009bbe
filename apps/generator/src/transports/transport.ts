import type { Batch } from '../batch';

/** What became of a batch once its delivery ended. */
export interface BatchOutcome {
  /** Events the target confirmed it stored (over TCP: written before a clean close). */
  acked: number;
  /** Events that were refused or that the target never confirmed. */
  failed: number;
  /**
   * True when the target answered for the whole batch (stored, or refused for good), so it
   * need not be kept for a later resend; false when it gave up waiting for an answer.
   */
  final: boolean;
}

export interface Delivery {
  /** Settles exactly once, never rejects. */
  settled: Promise<BatchOutcome>;
}

/** How batches reach the target: HTTP POSTs or a TCP stream. */
export interface Transport {
  /** Hands a batch over; resolves once the transport can take another (its backpressure). */
  send(batch: Batch): Promise<Delivery>;
  /** Finishes delivering everything handed over and releases the connections. */
  close(): Promise<void>;
}

/** What every transport needs besides its address. */
export interface TransportContext {
  /** After this long without an acknowledgement a batch counts as failed. */
  retryDeadlineMs: number;
  /** Aborts when the run must end now: deliveries still open count as failed. */
  abandon: AbortSignal;
  warn: (message: string) => void;
  /** Called each time a batch is sent again after a failed attempt. */
  onRetry?: () => void;
  /** Ingest token of a secured target: how it is sent depends on the transport. */
  token?: string;
}

export function acknowledged(batch: Batch): BatchOutcome {
  return { acked: batch.lines.length, failed: 0, final: true };
}

export function unacknowledged(batch: Batch): BatchOutcome {
  return { acked: 0, failed: batch.lines.length, final: false };
}
