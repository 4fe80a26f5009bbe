import { createHash } from 'node:crypto';
import { derivePattern, patternIdOf } from './derive-pattern';

const MESSAGES = [
  'Failed password for root from 173.234.31.186 port 38926 ssh2',
  'Failed password for root from 5.36.59.76 port 42393 ssh2',
  'Received disconnect from 183.62.140.253: 11: Bye Bye [preauth]',
  'PacketResponder 1 for block blk_38865049064139660 terminating',
  'session opened for user cyrus by (uid=0)',
  'jk2_init() Found child 6725 in scoreboard slot 10',
];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

describe('derivePattern', () => {
  it('gives a 16-hex-character id: the first 8 bytes of the template SHA-256, as SQL or VRL would compute it', () => {
    const { patternId, template } = derivePattern('Failed password for root from 173.234.31.186 port 38926 ssh2');
    expect(template).toBe('Failed password for root from <*> port <*> ssh2');
    expect(patternId).toBe(createHash('sha256').update(template, 'utf8').digest('hex').slice(0, 16));
    expect(patternId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps ids from one release to the next (a changed id splits every stored pattern)', () => {
    // Expected values from `printf '%s' TEMPLATE | sha256sum`.
    expect(derivePattern('Failed password for root from 5.36.59.76 port 42393 ssh2').patternId).toBe('908b780998f75f21');
    expect(patternIdOf('sesión abierta para <*> — ok')).toBe('7f6d3bbf03d674e7');
  });

  it('gives messages that differ only in variables the same id, and other templates other ids', () => {
    const ids = MESSAGES.map((message) => derivePattern(message).patternId);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(MESSAGES.length - 1);
  });

  it('gives a message the same id whatever was seen before, in whatever order', () => {
    const alone = new Map(MESSAGES.map((message) => [message, derivePattern(message).patternId]));
    // Another replica: other traffic first (enough distinct templates to cycle any cache), then the
    // same messages in another order.
    for (let index = 0; index < 10_000; index++) derivePattern(`other traffic ${'x'.repeat(index % 97)} kind${index % 5000}a`);
    for (const message of shuffled(MESSAGES, 7)) expect(derivePattern(message).patternId).toBe(alone.get(message));
  });
});
