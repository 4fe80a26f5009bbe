import type { WriteStream } from 'node:tty';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogSettings } from './log-settings';

/**
 * The app's logger: JSON lines on stdout, or with `pretty` the same records as one readable line
 * each (time, level, message, then the fields), coloured on a terminal only, written synchronously
 * so the last lines before an exit are not lost.
 */
export function createLogger(settings: LogSettings, destination: NodeJS.WritableStream = process.stdout): Logger {
  if (settings.format === 'json') return pino({ level: settings.level }, destination);
  const colorize = (destination as Partial<WriteStream>).isTTY === true;
  const stream = pretty({ destination, colorize, sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return pino({ level: settings.level }, stream);
}
