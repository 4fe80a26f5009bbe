/** Finding a severity in free text, and the severities of syslog priorities. */
import { type LogLevel, toLogLevel } from '@logline/log-schema';

/** Level names that are not ordinary English words: matched in any case. */
const LEVEL_WORDS = /\b(trace|debug|info|warn|warning|error|critical|fatal)\b/i;
/** Level names that are also English words ("notice", "alert"): matched only in capitals. */
const CAPITAL_LEVEL_WORDS = /\b(NOTICE|ALERT|ERR|CRIT|EMERG|EMERGENCY)\b/;

/** The level of the first level word in the text, or undefined when there is none. */
export function findLevelWord(text: string): LogLevel | undefined {
  const plain = LEVEL_WORDS.exec(text);
  const capital = CAPITAL_LEVEL_WORDS.exec(text);
  const first = plain && capital ? (plain.index <= capital.index ? plain : capital) : (plain ?? capital);
  return first ? toLogLevel(first[1]) : undefined;
}

/** Syslog severities 0-7 (emerg, alert, crit, err, warning, notice, info, debug). */
const SYSLOG_SEVERITIES: readonly LogLevel[] = [
  'CRITICAL', 'CRITICAL', 'CRITICAL', 'ERROR', 'WARNING', 'INFO', 'INFO', 'DEBUG',
];

/** The level of a syslog `<PRI>` value (facility * 8 + severity), or undefined if out of range. */
export function levelOfPriority(priority: number): LogLevel | undefined {
  return priority >= 0 && priority <= 191 ? SYSLOG_SEVERITIES[priority % 8] : undefined;
}
