import { parsePasswordHash, verifyPassword } from '../auth/password-hash';
import { parseUsers } from '../auth/users-file';
import { hashPasswordLine, parseHashPasswordArgs } from './hash-password';

describe('hash-password', () => {
  it('prints a hash of the password at the default cost', async () => {
    const line = await hashPasswordLine(parseHashPasswordArgs([]), 'long enough password');

    expect(line).toMatch(/^scrypt\$131072\$8\$1\$/);
    await expect(verifyPassword('long enough password', parsePasswordHash(line))).resolves.toBe(true);
  });

  it('prints a users-file entry that the users file accepts, when given a username', async () => {
    const line = await hashPasswordLine(parseHashPasswordArgs(['--username', 'ada', '--role', 'admin']), 'long enough password');

    const [user] = parseUsers(`[${line}]`, 'users.json');
    expect(user).toMatchObject({ username: 'ada', role: 'admin' });
    expect(parseUsers(`- ${line}`, 'users.yaml')).toHaveLength(1);
  });

  it('makes viewers unless told otherwise', () => {
    expect(parseHashPasswordArgs(['--username', 'bob'])).toEqual({ username: 'bob', role: 'viewer' });
  });

  it.each([
    [['--role', 'admin'], /--role needs --username/],
    [['--username', 'bob', '--role', 'root'], /--role must be one of viewer, admin/],
    [['--username', 'has space'], /username must be/],
    [['--password', 'x'], /Unknown option '--password'[\s\S]*usage: main\.js hash-password/],
  ])('refuses %j', (args, message) => {
    expect(() => parseHashPasswordArgs(args)).toThrow(message);
  });

  it('refuses a password shorter than 8 characters', async () => {
    await expect(hashPasswordLine({ role: 'viewer' }, 'short')).rejects.toThrow('the password must be at least 8 characters');
  });
});
