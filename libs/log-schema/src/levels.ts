/** Severity levels, least to most severe. The wire and the `log_level` column use these names. */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Spellings real shippers use, upper-cased, mapped to our level. Syslog names (notice, crit,
 * emerg, alert), log4j/slf4j (trace, fatal) and the short forms (warn, err) are accepted.
 */
const LEVEL_ALIASES: Readonly<Record<string, LogLevel>> = Object.freeze({
  TRACE: 'DEBUG',
  DEBUG: 'DEBUG',
  INFO: 'INFO',
  INFORMATION: 'INFO',
  NOTICE: 'INFO',
  WARN: 'WARNING',
  WARNING: 'WARNING',
  ERR: 'ERROR',
  ERROR: 'ERROR',
  CRIT: 'CRITICAL',
  CRITICAL: 'CRITICAL',
  FATAL: 'CRITICAL',
  ALERT: 'CRITICAL',
  EMERG: 'CRITICAL',
  EMERGENCY: 'CRITICAL',
});

/** Maps any accepted spelling (any case, surrounding spaces ignored) to a level, or undefined. */
export function toLogLevel(value: string): LogLevel | undefined {
  const key = value.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(LEVEL_ALIASES, key) ? LEVEL_ALIASES[key] : undefined;
}
