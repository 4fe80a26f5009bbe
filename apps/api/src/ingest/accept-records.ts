/**
 * The one ingest path for records a protocol door decoded: each candidate goes through the same
 * normalisation, lone-surrogate check and retention window as an NDJSON line; refusals keep the
 * record's position and say where it was in the protocol's terms.
 */
import type { DecodedRecords } from '@logline/ingest-protocols';
import { loneSurrogateIn } from '@logline/log-schema';
import { addEvent, emptyParsedLines, type LineLimits, type ParsedLines } from './parse-lines';

export function acceptRecords(decoded: DecodedRecords, limits: LineLimits): ParsedLines {
  const out = emptyParsedLines();
  for (const { position, code, reason, raw } of decoded.refusals) out.rejections.push({ line: position, code, reason, raw });
  for (const candidate of decoded.events) {
    const surrogate = decoded.mayHoldLoneSurrogates ? loneSurrogateIn(candidate.event) : undefined;
    if (surrogate) {
      const { where, raw } = candidate.describe();
      out.rejections.push({ line: candidate.position, code: 'invalid_json', reason: `${where}: ${surrogate}`, raw });
      continue;
    }
    addEvent(candidate.event, candidate.position, limits, out, candidate.describe);
  }
  out.rejections.sort((a, b) => a.line - b.line);
  return out;
}
