/**
 * The last steps every normalised event takes, whichever door it came through: the processing
 * rules (PROCESSING_RULES_FILE), then the retention window and clock-skew allowance on its
 * (possibly rule-set) timestamp, then the row ready for insert. A rule that cannot be applied
 * sends the event to the dead letters naming the rule; a drop or sample rule counts it.
 */
import { prepareLogRow } from '@logline/ch-client';
import type { LogRow } from '@logline/log-schema';
import { applyRules } from '@logline/processing-rules';
import type { LineLimits, ParsedLines } from './parse-lines';

/** Where a refused event was, in its protocol's terms (prefixed to the reason), and its text. */
export type DescribeEvent = () => { where: string | undefined; raw: string };

/** An event normalizeEvent accepted, with where it came from. */
export interface NormalisedEvent {
  row: LogRow;
  timestampMs: number;
  /** Its line (or record position) in the body or connection. */
  line: number;
  describe: DescribeEvent;
}

export function refuseEvent(out: ParsedLines, line: number, describe: DescribeEvent, code: string, reason: string): void {
  const { where, raw } = describe();
  out.rejections.add({ line, code, reason: where === undefined ? reason : `${where}: ${reason}`, raw });
}

export function acceptEvent(event: NormalisedEvent, limits: LineLimits, out: ParsedLines): void {
  const refuse = (code: string, reason: string) => refuseEvent(out, event.line, event.describe, code, reason);
  const outcome = applyRules(limits.rules, event.row, event.timestampMs);
  if (outcome.kind === 'failure') return refuse(outcome.code, outcome.reason);
  if (outcome.kind === 'drop') return out.rejections.drop(outcome.rule);
  const { row, timestampMs } = outcome;
  if (timestampMs < limits.earliestMs) {
    return refuse('out_of_range', `timestamp ${row.timestamp} is older than the retention period; it would be deleted at once`);
  }
  if (timestampMs > limits.latestMs) return refuse('out_of_range', `timestamp ${row.timestamp} is in the future beyond the allowed clock skew`);
  out.rows.push(prepareLogRow(row, timestampMs));
}
