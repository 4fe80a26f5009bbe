/**
 * Apache httpd error log: `[Sun Dec 04 04:47:44 2005] [error] msg` (2.2) and
 * `[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 1.2.3.4:80] msg` (2.4).
 */
import { toLogLevel } from '@logline/log-schema';
import { fractionToMillis, localTime, monthIndex } from './calendar';
import type { LineParser } from './parsed-line';

const APACHE = /^\[[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))? (\d{4})\] \[(?:([\w-]+):)?(\w+)\] (.*)$/;
const PREFIXES = /^\[(pid|client) ([^\]]*)\] /;

export const parseApacheError: LineParser = (line) => {
  const m = APACHE.exec(line);
  const month = m ? monthIndex(m[1]) : undefined;
  // httpd's trace1..trace8 are its debug levels below `debug`.
  const level = m ? toLogLevel(m[9].replace(/^trace\d$/, 'trace')) : undefined;
  if (!m || month === undefined || !level) return undefined;
  const [day, hour, minute, second] = m.slice(2, 6).map(Number);
  const timestampMs = localTime({ year: Number(m[7]), month, day, hour, minute, second, millisecond: fractionToMillis(m[6]) });
  if (timestampMs === undefined) return undefined;
  const attributes: Record<string, string> = {};
  if (m[8]) attributes.module = m[8];
  let message = m[10];
  for (let prefix = PREFIXES.exec(message); prefix; prefix = PREFIXES.exec(message)) {
    attributes[prefix[1]] = prefix[2];
    message = message.slice(prefix[0].length);
  }
  return { timestampMs, level, message, attributes };
};
