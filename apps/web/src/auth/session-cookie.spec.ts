import { expiredSessionCookie, readCookie, readSignedValue, sessionCookie, signValue } from './session-cookie';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('the session cookie', () => {
  it('carries the value with a signature that only the secret makes', () => {
    const value = signValue('abc123', SECRET);

    expect(readSignedValue(value, SECRET)).toBe('abc123');
    expect(readSignedValue(value, 'another-secret-of-thirty-two-characters!')).toBeUndefined();
  });

  it('ignores a value whose value or signature was changed, or that is unsigned', () => {
    const value = signValue('abc123', SECRET);
    const [id, signature] = value.split('.');

    expect(readSignedValue(`abc124.${signature}`, SECRET)).toBeUndefined();
    expect(readSignedValue(`${id}.${signature.slice(0, -1)}A`, SECRET)).toBeUndefined();
    expect(readSignedValue(`${id}.`, SECRET)).toBeUndefined();
    expect(readSignedValue(id, SECRET)).toBeUndefined();
    expect(readSignedValue(undefined, SECRET)).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax, for the whole site, and Secure only when asked', () => {
    expect(sessionCookie('v', false)).toBe('logline_session=v; Path=/; HttpOnly; SameSite=Lax');
    expect(sessionCookie('v', true)).toBe('logline_session=v; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(expiredSessionCookie(true)).toBe('logline_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0');
  });

  it('is found among the other cookies of a Cookie header', () => {
    expect(readCookie('a=1; logline_session=x.y; b=2', 'logline_session')).toBe('x.y');
    expect(readCookie('not_logline_session=x', 'logline_session')).toBeUndefined();
    expect(readCookie(undefined, 'logline_session')).toBeUndefined();
  });
});
