import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from './password-hash';
import { loadUsersFile, parseUsers, UsersFileError } from './users-file';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

function problemsOf(attempt: () => unknown): readonly string[] {
  try {
    attempt();
  } catch (error) {
    if (error instanceof UsersFileError) return error.problems;
    throw error;
  }
  throw new Error('expected a UsersFileError');
}

describe('the users file', () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword('a good password', CHEAP);
  });

  it('reads a JSON list', () => {
    const users = parseUsers(JSON.stringify([{ username: 'ada', role: 'admin', password_hash: hash }]), 'users.json');

    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: 'ada', role: 'admin', passwordHash: { N: 1024, r: 8, p: 1 } });
  });

  it('reads a YAML list', () => {
    const yaml = `- username: ada\n  role: admin\n  password_hash: "${hash}"\n- username: bob\n  role: viewer\n  password_hash: "${hash}"\n`;

    expect(parseUsers(yaml, 'users.yaml').map((user) => [user.username, user.role])).toEqual([
      ['ada', 'admin'],
      ['bob', 'viewer'],
    ]);
  });

  it('reports every problem at once, naming each entry', () => {
    const text = JSON.stringify([
      { username: 'ok', role: 'viewer', password_hash: hash },
      { username: 'has space', role: 'viewer', password_hash: hash },
      { username: 'eve', role: 'root', password_hash: hash },
      { username: 'mal', role: 'viewer', password: 'hunter2' },
      { username: 'OK', role: 'admin', password_hash: hash },
    ]);

    const problems = problemsOf(() => parseUsers(text, 'users.json'));

    expect(problems).toEqual([
      expect.stringMatching(/^entry 2 \(has space\): username must be/),
      expect.stringMatching(/^entry 3 \(eve\): role must be one of viewer, admin/),
      expect.stringMatching(/^entry 4 \(mal\): holds a plain password/),
      expect.stringMatching(/^entry 4 \(mal\): password_hash is missing/),
      expect.stringMatching(/^entry 5: username OK appears twice/),
    ]);
  });

  it('refuses an empty list, which would silently turn sign-in off', () => {
    expect(problemsOf(() => parseUsers('[]', 'users.json'))).toEqual([expect.stringMatching(/non-empty list/)]);
  });

  it('refuses text that is neither JSON nor YAML', () => {
    expect(problemsOf(() => parseUsers('- username: [unclosed', 'users.yaml'))).toEqual([expect.stringMatching(/neither JSON nor YAML/)]);
  });

  it('gives each password its own credential tag, so a changed password is noticed', async () => {
    const other = await hashPassword('a good password', CHEAP);
    const [first, second] = parseUsers(
      JSON.stringify([
        { username: 'a', role: 'viewer', password_hash: hash },
        { username: 'b', role: 'viewer', password_hash: other },
      ]),
      'users.json',
    );

    expect(first.credentialTag).not.toBe(second.credentialTag);
  });

  it('names the file and the reason when it cannot be read', () => {
    const folder = mkdtempSync(join(tmpdir(), 'logline-users-'));
    try {
      expect(() => loadUsersFile(join(folder, 'missing.json'))).toThrow(/missing\.json:\n {2}cannot be read \(ENOENT\)/);
      writeFileSync(join(folder, 'users.json'), JSON.stringify([{ username: 'ada', role: 'viewer', password_hash: hash }]));
      expect(loadUsersFile(join(folder, 'users.json'))).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
