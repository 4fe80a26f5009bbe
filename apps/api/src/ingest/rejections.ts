/**
 * The refused lines of one request or connection, in bounded memory: details (line number, reason,
 * the raw text cut to the dead-letter limit) for the first `maxKept`, and only counts by code for
 * the rest, which one summarising dead letter stands for. A body of millions of bad lines thus
 * costs no more than one of `maxKept`. Every ingest door collects its refusals here (see
 * IngestPipeline.collectRejections) and hands them to IngestPipeline.reject, with the counts of
 * the events processing rules dropped (not refusals: no dead letter, but counted the same way).
 */
import { truncateRaw } from '@logline/ch-client';

export interface LineRejection {
  line: number;
  code: string;
  reason: string;
  /** The line as received (decoded leniently when it was not valid UTF-8). */
  raw: string;
}

/** What IngestPipeline.reject stores and counts: the refusals collected since the last take. */
export interface RejectionBatch {
  /** Refusals kept with their details. */
  readonly details: readonly LineRejection[];
  /** One dead letter for every refusal past the detail budget; only in the batch that closes the source. */
  readonly summary?: LineRejection;
  /** Refusals in this batch by code, those summarised included. */
  readonly counts: ReadonlyMap<string, number>;
  /** Events a processing rule dropped (a drop or sample rule), by rule: counted, never dead letters. */
  readonly dropped: ReadonlyMap<string, number>;
}

/** Code of the dead letter that summarises refusals past the detail budget. */
export const MORE_REJECTIONS_CODE = 'more_rejections';

export class Rejections {
  private details: LineRejection[] = [];
  private counts = new Map<string, number>();
  private droppedByRule = new Map<string, number>();
  private keptTotal = 0;
  private total = 0;
  private droppedTotal = 0;
  private readonly omittedByCode = new Map<string, number>();
  private omittedLines: { first: number; last: number } | undefined;

  constructor(private readonly maxKept: number) {}

  /** Refusals collected so far, kept and summarised. */
  get count(): number {
    return this.total;
  }

  /** Events processing rules dropped so far: taken on, so never refused, and not stored. */
  get dropped(): number {
    return this.droppedTotal;
  }

  /** The refusals kept with details and not yet taken. */
  get kept(): readonly LineRejection[] {
    return this.details;
  }

  add(rejection: LineRejection): void {
    this.total += 1;
    this.counts.set(rejection.code, (this.counts.get(rejection.code) ?? 0) + 1);
    if (this.keptTotal < this.maxKept) {
      this.keptTotal += 1;
      this.details.push({ ...rejection, raw: truncateRaw(rejection.raw) });
      return;
    }
    this.omittedByCode.set(rejection.code, (this.omittedByCode.get(rejection.code) ?? 0) + 1);
    this.omittedLines = { first: this.omittedLines?.first ?? rejection.line, last: rejection.line };
  }

  /** Counts an event the processing rule `rule` dropped. */
  drop(rule: string): void {
    this.droppedTotal += 1;
    this.droppedByRule.set(rule, (this.droppedByRule.get(rule) ?? 0) + 1);
  }

  /**
   * Hands over what was collected since the last take. With `final` (the request or connection
   * is over) the batch carries the summary of every refusal past the detail budget.
   */
  take(final: boolean): RejectionBatch {
    const batch = { details: this.details, counts: this.counts, dropped: this.droppedByRule, summary: final ? this.summary() : undefined };
    this.details = [];
    this.counts = new Map();
    this.droppedByRule = new Map();
    return batch;
  }

  private summary(): LineRejection | undefined {
    if (!this.omittedLines) return undefined;
    const omitted = this.total - this.keptTotal;
    const byCode = [...this.omittedByCode].map(([code, count]) => `${code} ${count}`).join(', ');
    const { first, last } = this.omittedLines;
    return {
      line: first,
      code: MORE_REJECTIONS_CODE,
      reason: `${omitted} more lines refused after the first ${this.maxKept} (lines ${first} to ${last}; ${byCode}); only their count is kept`,
      raw: '',
    };
  }
}
