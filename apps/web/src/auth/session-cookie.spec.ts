import { expiredSessionCookie, readCookie, readSignedSessionId, sessionCookie, signSessionId } from './session-cookie';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('the session cookie', () => {
  it('carries the id with a signature that only the secret makes', () => {
    const value = signSessionId('abc123', SECRET);

    expect(readSignedSessionId(value, SECRET)).toBe('abc123');
    expect(readSignedSessionId(value, 'another-secret-of-thirty-two-characters!')).toBeUndefined();
  });

  it('ignores a value whose id or signature was changed, or that is unsigned', () => {
    const value = signSessionId('abc123', SECRET);
    const [id, signature] = value.split('.');

    expect(readSignedSessionId(`abc124.${signature}`, SECRET)).toBeUndefined();
    expect(readSignedSessionId(`${id}.${signature.slice(0, -1)}A`, SECRET)).toBeUndefined();
    expect(readSignedSessionId(`${id}.`, SECRET)).toBeUndefined();
    expect(readSignedSessionId(id, SECRET)).toBeUndefined();
    expect(readSignedSessionId(undefined, SECRET)).toBeUndefined();
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
