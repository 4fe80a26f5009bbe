import { compileSafeRegex } from '../regex/safe-regex';
import { DETECTORS, passesLuhn, type DetectorName } from './detectors';
import { maskText } from './mask';

/** The texts a detector masks in `text` (its `secret` group where it has one). */
function found(detector: DetectorName, text: string): string[] {
  const { pattern, check } = DETECTORS[detector];
  return [...compileSafeRegex(pattern).matchAll(text)]
    .filter((match) => check !== 'luhn' || passesLuhn(match[0]))
    .map((match) => match.groups?.['secret'] ?? match[0]);
}

describe('redaction detectors', () => {
  it.each([
    ['paid with 4111111111111111 today', ['4111111111111111']],
    ['card 4111 1111 1111 1111, exp 12/29', ['4111 1111 1111 1111']],
    ['amex 3782-822463-10005 ok', ['3782-822463-10005']],
    ['card 4111111111111112 (checksum wrong)', []],
    ['order 1234567890123 shipped', []],
    ['at 20261128170000123 ms', []],
    ['call +1 555-123-4567', []],
  ])('card_number in %p', (text, expected) => expect(found('card_number', text)).toEqual(expected));

  it.each([
    ['mail jane.doe+logs@example.co.uk now', ['jane.doe+logs@example.co.uk']],
    ['from a@b.io and c.d@sub.example.com', ['a@b.io', 'c.d@sub.example.com']],
    ['user@localhost is local', []],
    ['twitter @handle and a@b.c', []],
  ])('email in %p', (text, expected) => expect(found('email', text)).toEqual(expected));

  it.each([
    ['Authorization: Bearer eyJhbGciOi.J9eyJzdWIi.OiIxMjM0 sent', ['eyJhbGciOi.J9eyJzdWIi.OiIxMjM0']],
    ['auth bearer abcdefgh12345678== ok', ['abcdefgh12345678==']],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl']],
    ['the bearer of bad news', []],
    ['Bearer short', []],
  ])('bearer_token in %p', (text, expected) => expect(found('bearer_token', text)).toEqual(expected));

  it.each([
    ['api_key=9f8e7d6c5b4a', ['9f8e7d6c5b4a']],
    ['{"client_secret": "s3cr3t-value"}', ['s3cr3t-value']],
    ['PASSWORD: hunter22, user=bob', ['hunter22']],
    ['key sk_live_4eC39HqLyjWDarjtT1zdp7dc used', ['sk_live_4eC39HqLyjWDarjtT1zdp7dc']],
    ['aws AKIAIOSFODNN7EXAMPLE', ['AKIAIOSFODNN7EXAMPLE']],
    ['ghp_1234567890abcdefghijABCDEFGHIJ123456 pushed', ['ghp_1234567890abcdefghijABCDEFGHIJ123456']],
    ['password reset requested', []],
    ['api_key=abc', []],
    ['tokens: 42', []],
  ])('api_key in %p', (text, expected) => expect(found('api_key', text)).toEqual(expected));

  it.each([
    ['from 192.168.1.254 to 10.0.0.1', ['192.168.1.254', '10.0.0.1']],
    ['v6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 and fe80::1ff:fe23:4567:890a and ::1', ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'fe80::1ff:fe23:4567:890a', '::1']],
    ['version 1.2.3 at 12:30:45', []],
    ['999.10.10.10 and 1.2.3.256', []],
    ['mac 00:1a:2b:3c:4d:5e', []],
  ])('ip in %p', (text, expected) => expect(found('ip', text)).toEqual(expected));
});

describe('maskText', () => {
  it('masks all but the last characters, at most half of them kept', () => {
    expect(maskText('4111111111111111', { char: '*', keepLast: 4 })).toBe('************1111');
    expect(maskText('a@b.io', { char: '#', keepLast: 4 })).toBe('###.io');
    expect(maskText('secret', { char: '*', keepLast: 0 })).toBe('******');
    expect(maskText('pässwört😀', { char: '*', keepLast: 2 })).toBe('*******t😀');
  });
});
