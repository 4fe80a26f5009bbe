import type { LogLevel } from '@logline/log-schema';
import type { Random } from '../random';

/** The varying part of one generated event: its message and the attributes that explain it. */
export interface MessageDraft {
  message: string;
  attributes: Record<string, string>;
}

export type Template = (random: Random) => MessageDraft;

/** Message templates of one source, by level; every level has at least one. */
export type SourceTemplates = Readonly<Record<LogLevel, readonly Template[]>>;
