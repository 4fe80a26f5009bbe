/**
 * Reads a password for `main.js hash-password`: from a pipe, its first line; from a terminal,
 * typed twice at a prompt on stderr without being echoed.
 */
import type { Readable } from 'node:stream';
import type { ReadStream } from 'node:tty';

export async function readPassword(stdin: Readable | ReadStream = process.stdin): Promise<string> {
  if (!('isTTY' in stdin) || !stdin.isTTY) return firstLine(stdin);
  const password = await promptHidden(stdin, 'Password: ');
  if ((await promptHidden(stdin, 'Same password again: ')) !== password) throw new Error('the two passwords differ');
  return password;
}

async function firstLine(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text.split(/\r?\n/)[0];
}

function promptHidden(stdin: ReadStream, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let typed: string[] = [];
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(() => resolve(typed.join('')));
        if (char === '\u0003' || char === '\u0004') return finish(() => reject(new Error('cancelled')));
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : [...typed, char];
      }
    };
    stdin.on('data', onData);
  });
}
