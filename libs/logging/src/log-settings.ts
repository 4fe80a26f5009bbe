/** The settings every server app reads from its environment for its own log (LOG_LEVEL, LOG_FORMAT). */

export const LOGGER_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LoggerLevel = (typeof LOGGER_LEVELS)[number];

/** `json`: one JSON object a line, for collectors (production). `pretty`: one readable line each, for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  level: LoggerLevel;
  format: LogFormat;
}
