import { derivePattern, patternIdOf } from './derive-pattern';
import { coversTemplate, groupPatterns, type StoredPatternCount } from './group-patterns';

function stored(message: string, count: number): StoredPatternCount {
  const { patternId, template } = derivePattern(message);
  return { patternId, template, count };
}

const ITEMS = [
  stored('Failed password for root from 1.2.3.4 port 22 ssh2', 50),
  stored('Failed password for admin from 1.2.3.4 port 22 ssh2', 20),
  stored('Failed password for guest from 1.2.3.4 port 22 ssh2', 3),
  stored('Invalid user 1234 from 1.2.3.4', 7),
  stored('Invalid user oracle from 1.2.3.4', 5),
  stored('Connection closed by 1.2.3.4 [preauth]', 40),
  stored('Received disconnect from 1.2.3.4: 11: Bye Bye', 9),
];

/** Pattern id of each stored id. */
function patternOf(patterns: ReturnType<typeof groupPatterns<StoredPatternCount>>): Map<string, string> {
  return new Map(patterns.flatMap((pattern) => pattern.members.map((member) => [member.patternId, pattern.patternId] as const)));
}

describe('coversTemplate', () => {
  it('holds when every position is equal or a variable in the pattern, for templates of the same length only', () => {
    expect(coversTemplate('Invalid user <*> from <*>', 'Invalid user oracle from <*>')).toBe(true);
    expect(coversTemplate('Invalid user <*> from <*>', 'Invalid user <*> from <*>')).toBe(true);
    expect(coversTemplate('Invalid user oracle from <*>', 'Invalid user <*> from <*>')).toBe(false);
    expect(coversTemplate('Invalid user <*>', 'Invalid user oracle from <*>')).toBe(false);
    // A token holding a variable is a literal to compare: (uid=<*>) is not every token.
    expect(coversTemplate('session for (uid=<*>)', 'session for root')).toBe(false);
  });
});

describe('groupPatterns', () => {
  it('groups what the miner groups, and names a merged pattern by its template', () => {
    const patterns = groupPatterns(ITEMS);
    const failed = patterns.find((pattern) => pattern.template.startsWith('Failed password'));
    expect(failed).toMatchObject({ template: 'Failed password for <*> from <*> port <*> ssh2', count: 73 });
    expect(failed?.patternId).toBe(patternIdOf('Failed password for <*> from <*> port <*> ssh2'));
    expect(failed?.members.map((member) => member.count)).toEqual([50, 20, 3]);
    expect(patterns.map((pattern) => pattern.count)).toEqual([73, 40, 12, 9]);
  });

  it('gives a pattern of one stored id that id', () => {
    const closed = groupPatterns(ITEMS).find((pattern) => pattern.template.startsWith('Connection closed'));
    expect(closed?.members).toHaveLength(1);
    expect(closed?.patternId).toBe(stored('Connection closed by 1.2.3.4 [preauth]', 1).patternId);
  });

  it('joins templates one covers, which the miner alone leaves apart (2 of 3 tokens equal)', () => {
    const patterns = groupPatterns([stored('Invalid user 1234', 5), stored('Invalid user oracle', 4)]);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({ template: 'Invalid user <*>', count: 9 });
  });

  it('lists every stored id once, and no pattern covers another pattern\'s member', () => {
    const patterns = groupPatterns(ITEMS);
    const members = patterns.flatMap((pattern) => pattern.members);
    expect(members).toHaveLength(ITEMS.length);
    for (const pattern of patterns) {
      const covered = ITEMS.filter((item) => coversTemplate(pattern.template, item.template));
      expect(covered.map((item) => item.patternId).sort()).toEqual(pattern.members.map((member) => member.patternId).sort());
    }
  });

  it('depends on the set of stored ids, not on the order they come in', () => {
    const forwards = groupPatterns(ITEMS);
    const backwards = groupPatterns([...ITEMS].reverse());
    expect(backwards).toEqual(forwards);
  });

  it('mines only the busiest ids; the others join a pattern that covers them or stand alone', () => {
    const items = [stored('Failed password for root from 1.2.3.4 port 22 ssh2', 50), stored('Failed password for admin from 1.2.3.4 port 22 ssh2', 20)];
    const tail = [stored('Failed password for oracle from 1.2.3.4 port 22 ssh2', 1), stored('disk sda full', 1), stored('disk sdb full', 1)];
    const patterns = groupPatterns([...items, ...tail], { minedIds: 2 });
    expect(patternOf(patterns).get(tail[0].patternId)).toBe(patternIdOf('Failed password for <*> from <*> port <*> ssh2'));
    // Never mined, the two disks stay apart.
    expect(patterns.map((pattern) => pattern.template)).toEqual(['Failed password for <*> from <*> port <*> ssh2', 'disk sda full', 'disk sdb full']);
  });
});
