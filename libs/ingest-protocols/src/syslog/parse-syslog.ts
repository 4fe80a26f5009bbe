/**
 * One syslog message, RFC 5424 (`<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG`) or
 * RFC 3164 (`<PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG`), as a candidate event (CONTRACT):
 * severity 0–2 → CRITICAL, 3 ERROR, 4 WARNING, 5–6 INFO, 7 DEBUG; APP-NAME or TAG → source
 * (none: `syslog`); HOSTNAME → host; facility, PROCID, MSGID and each structured-data parameter
 * (`<SD-ID>.<name>`) → attributes. A message without a time (`-`) is dated when received; an RFC
 * 3164 time, which has no year or zone, is read as UTC in the current year (the year before for a
 * December time seen in January). Surrounding blanks are not part of a message. These are the
 * readings of Vector's syslog source, so both ingest paths store the same row.
 */
import { readStructuredData } from './structured-data';

export type SyslogParse = { ok: true; event: Record<string, unknown> } | { ok: false; reason: string };

const SEVERITY_LEVELS = ['CRITICAL', 'CRITICAL', 'CRITICAL', 'ERROR', 'WARNING', 'INFO', 'INFO', 'DEBUG'] as const;

/** Facility keywords, by code, as Vector's syslog parser (syslog_loose) names them. */
const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit', 'alert',
  'clockd', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
] as const;

/** The source of a message that names no application. */
const SYSLOG_SOURCE = 'syslog';

const PRI = /^<(\d{1,3})>/;
const RFC5424_HEADER = /^1 (\S+) (\S+) (\S+) (\S+) (\S+) /;
const RFC3164_TIME = /^([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) /;
const TAG = /^([^\s:[\]]{1,48})(?:\[([^\]\s]{1,128})\])?:? ?/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BOM = '\ufeff';

export function parseSyslog(frame: string, receivedMs: number): SyslogParse {
  const text = frame.trim();
  const pri = PRI.exec(text);
  if (!pri || Number(pri[1]) > 191 || (pri[1].length > 1 && pri[1].startsWith('0'))) {
    return { ok: false, reason: 'a syslog message starts with <PRI>, a number from 0 to 191 (e.g. <13>)' };
  }
  const priority = Number(pri[1]);
  const rest = text.slice(pri[0].length);
  const base = {
    log_level: SEVERITY_LEVELS[priority % 8],
    attributes: { facility: FACILITIES[priority >> 3] ?? String(priority >> 3) } as Record<string, string>,
  };
  return rest.startsWith('1 ') ? parse5424(rest, base, receivedMs) : parse3164(rest, base, receivedMs);
}

type Base = { log_level: string; attributes: Record<string, string> };

function parse5424(text: string, base: Base, receivedMs: number): SyslogParse {
  const header = RFC5424_HEADER.exec(text);
  if (!header) return { ok: false, reason: 'RFC 5424 header must be "1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID"' };
  const [, time, hostname, appName, procId, msgId] = header;
  const data = readStructuredData(text, header[0].length);
  if (!data.ok) return data;
  const attributes = { ...base.attributes, ...data.params };
  if (procId !== '-') attributes['procid'] = procId;
  if (msgId !== '-') attributes['msgid'] = msgId;
  let message = text.slice(data.end);
  if (message.startsWith(' ')) message = message.slice(1);
  if (message.startsWith(BOM)) message = message.slice(BOM.length);
  return {
    ok: true,
    event: {
      timestamp: time === '-' ? new Date(receivedMs).toISOString() : time,
      log_level: base.log_level,
      message,
      source: appName === '-' ? SYSLOG_SOURCE : appName,
      host: hostname === '-' ? '' : hostname,
      attributes,
    },
  };
}

function parse3164(text: string, base: Base, receivedMs: number): SyslogParse {
  const time = RFC3164_TIME.exec(text);
  if (!time) return { ok: false, reason: 'RFC 3164 message must start with a time such as "Dec  5 04:50:00" (or use RFC 5424: <PRI>1 ...)' };
  const month = MONTHS.indexOf(time[1]);
  if (month === -1) return { ok: false, reason: `'${time[1]}' is not a month (Jan..Dec)` };
  let rest = text.slice(time[0].length);
  const hostname = /^(\S+) /.exec(rest);
  if (hostname) rest = rest.slice(hostname[0].length);
  const tag = TAG.exec(rest);
  const attributes = { ...base.attributes };
  if (tag?.[2]) attributes['procid'] = tag[2];
  return {
    ok: true,
    event: {
      timestamp: inferYear(month, Number(time[2]), [time[3], time[4], time[5]].map(Number), receivedMs),
      log_level: base.log_level,
      message: tag ? rest.slice(tag[0].length) : rest,
      source: tag?.[1] ?? SYSLOG_SOURCE,
      host: hostname?.[1] ?? '',
      attributes,
    },
  };
}

/** The time in the current year, or last year for a December time seen in January, as ISO text. */
function inferYear(month: number, day: number, [hour, minute, second]: number[], nowMs: number): string {
  const now = new Date(nowMs);
  const year = now.getUTCMonth() === 0 && month === 11 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  return new Date(Date.UTC(year, month, day, hour, minute, second)).toISOString();
}
