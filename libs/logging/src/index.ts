export { createLogger } from './create-logger';
export { LOG_FORMATS, LOGGER_LEVELS, type LogFormat, type LoggerLevel, type LogSettings } from './log-settings';
export { DebugRequestLog } from './request-log';
