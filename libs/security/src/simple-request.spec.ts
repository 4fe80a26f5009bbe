import { isSimpleRequest } from './simple-request';

describe('isSimpleRequest (Fetch: no CORS preflight)', () => {
  it.each([
    ['text/plain', true],
    ['Text/Plain; charset=UTF-8', true],
    ['application/x-www-form-urlencoded', true],
    ['multipart/form-data; boundary=x', true],
    ['application/x-ndjson', false],
    ['application/json', false],
    ['application/x-protobuf', false],
    ['application/vnd.elasticsearch+x-ndjson; compatible-with=9', false],
  ])('POST with %s: %s', (contentType, simple) => {
    expect(isSimpleRequest('POST', contentType, true)).toBe(simple);
  });

  it('counts a body without a Content-Type as simple, a POST without a body as not', () => {
    expect(isSimpleRequest('POST', undefined, true)).toBe(true);
    expect(isSimpleRequest('POST', undefined, false)).toBe(false);
  });

  it('never counts methods that need a preflight', () => {
    expect(isSimpleRequest('PUT', 'text/plain', true)).toBe(false);
    expect(isSimpleRequest('DELETE', undefined, true)).toBe(false);
  });
});
