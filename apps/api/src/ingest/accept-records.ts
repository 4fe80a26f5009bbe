/**
 * The one ingest path for records a protocol door decoded: each candidate goes through the same
 * normalisation, lone-surrogate check and retention window as an NDJSON line; refusals keep the
 * record's position and say where it was in the protocol's terms. They reach `out` in position
 * order, so the ones its Rejections keeps with details are the first of the payload.
 */
import type { DecodedRecords, RecordRefusal } from '@logline/ingest-protocols';
import { loneSurrogateIn } from '@logline/log-schema';
import { addEvent, type LineLimits, type ParsedLines } from './parse-lines';

export function acceptRecords(decoded: DecodedRecords, limits: LineLimits, out: ParsedLines): void {
  const refusals = decoded.refusals;
  let next = 0;
  const refuseUpTo = (position: number) => {
    for (; next < refusals.length && refusals[next].position <= position; next += 1) out.rejections.add(asRejection(refusals[next]));
  };
  for (const candidate of decoded.events) {
    refuseUpTo(candidate.position);
    const surrogate = decoded.mayHoldLoneSurrogates ? loneSurrogateIn(candidate.event) : undefined;
    if (surrogate) {
      const { where, raw } = candidate.describe();
      out.rejections.add({ line: candidate.position, code: 'invalid_json', reason: `${where}: ${surrogate}`, raw });
      continue;
    }
    addEvent(candidate.event, candidate.position, limits, out, candidate.describe);
  }
  refuseUpTo(Number.POSITIVE_INFINITY);
}

function asRejection({ position, code, reason, raw }: RecordRefusal) {
  return { line: position, code, reason, raw };
}
