import { DEFAULT_COST, hashPassword, InvalidPasswordHashError, parsePasswordHash, verifyPassword } from './password-hash';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('verify the password they were made from and no other', async () => {
    const hash = parsePasswordHash(await hashPassword('correct horse battery', CHEAP));

    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('are written as scrypt$N$r$p$salt$key with the cost they were made at', async () => {
    const encoded = await hashPassword('s3cret-enough', CHEAP);

    expect(encoded).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(parsePasswordHash(encoded)).toMatchObject({ N: 1024, r: 8, p: 1 });
  });

  it('use a fresh random salt each time, so equal passwords get different hashes', async () => {
    const [first, second] = await Promise.all([hashPassword('same password', CHEAP), hashPassword('same password', CHEAP)]);

    expect(first).not.toBe(second);
    await expect(verifyPassword('same password', parsePasswordHash(second))).resolves.toBe(true);
  });

  it('default to OWASP’s scrypt minimum: N=2^17, r=8, p=1', () => {
    expect(DEFAULT_COST).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('treat the same characters typed in another Unicode form as the same password', async () => {
    const composed = 'caf\u00e9-latte';
    const decomposed = 'cafe\u0301-latte';
    const hash = parsePasswordHash(await hashPassword(composed, CHEAP));

    await expect(verifyPassword(decomposed, hash)).resolves.toBe(true);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['missing parts', 'scrypt$1024$8$1$c2FsdA'],
    ['N not a power of two', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['r of zero', 'scrypt$1024$0$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a cost needing gigabytes', 'scrypt$1048576$16$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a short salt', 'scrypt$1024$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuse %s', (_case, encoded) => {
    expect(() => parsePasswordHash(encoded)).toThrow(InvalidPasswordHashError);
  });
});
