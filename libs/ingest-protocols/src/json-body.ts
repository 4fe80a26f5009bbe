/** A JSON request body as a value, or a PayloadError saying why not. */
import { isUtf8 } from 'node:buffer';
import { PayloadError } from './candidate';

export interface JsonBody {
  value: unknown;
  /** The text has `\u` escapes, the only way JSON text can spell a lone surrogate. */
  hasEscapes: boolean;
}

export function readJsonBody(body: Buffer): JsonBody {
  if (!isUtf8(body)) throw new PayloadError('the body is not valid UTF-8');
  const text = body.toString('utf8');
  try {
    return { value: JSON.parse(text), hasEscapes: text.includes('\\u') };
  } catch (error) {
    throw new PayloadError(`invalid JSON: ${(error as Error).message}`);
  }
}
