/** Syslog frames as candidate events or refusals; `position` counts messages on a connection (or datagrams). */
import type { DecodedRecords } from '../candidate';
import { parseSyslog } from './parse-syslog';
import type { SyslogFrame } from './syslog-frames';

export function addSyslogFrame(out: DecodedRecords, frame: SyslogFrame, position: number, receivedMs: number): void {
  if ('tooLarge' in frame) {
    out.refusals.push({ position, code: 'too_large', reason: `message ${position} is ${frame.tooLarge} bytes; the limit is smaller`, raw: frame.head.toString('utf8') });
    return;
  }
  // Bytes that are not UTF-8 (RFC 5424 allows any octets without a BOM) are read leniently.
  const text = frame.message.toString('utf8');
  const parsed = parseSyslog(text, receivedMs);
  if (!parsed.ok) {
    out.refusals.push({ position, code: 'invalid_payload', reason: `message ${position}: ${parsed.reason}`, raw: text });
    return;
  }
  out.events.push({ position, event: parsed.event, describe: () => ({ where: `message ${position}`, raw: text }) });
}
