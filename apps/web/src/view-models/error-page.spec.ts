import { ApiRejectedError, ApiUnavailableError } from '../api-client/api-errors';
import { AdminOnlyError, CsrfTokenError, SignInRequiredError } from '../auth/access-errors';
import { InvalidFilterError } from '../filters/invalid-filter-error';
import { describeError, notFound } from './error-page';

const API_URL = 'http://127.0.0.1:4000/';

describe('describeError', () => {
  it('explains an unreachable api with how to start it', () => {
    const view = describeError(new ApiUnavailableError('unreachable', 'connect ECONNREFUSED 127.0.0.1:4000'), API_URL);

    expect(view.statusCode).toBe(502);
    expect(view.message).toBe('Nothing answers at http://127.0.0.1:4000/ (connect ECONNREFUSED 127.0.0.1:4000).');
    expect(view.hints.map((hint) => hint.command)).toContain('npx nx serve api');
    expect(view.apiStatus).toEqual({ tone: 'down', text: 'API unavailable' });
  });

  it.each([
    ['timeout', 'The api did not answer in time'],
    ['server-error', 'The api is failing'],
    ['unexpected-response', 'Something other than the Logline api answers'],
    ['unauthorized', 'The api refused the web server'],
  ] as const)('answers 502 when the api %s', (reason, title) => {
    const view = describeError(new ApiUnavailableError(reason, 'detail'), API_URL);

    expect(view.statusCode).toBe(502);
    expect(view.title).toBe(title);
  });

  it('tells how to give the web server an api token when the api refuses it', () => {
    const view = describeError(new ApiUnavailableError('unauthorized', '/api/v1/logs answered HTTP 401'), API_URL);

    expect(view.hints.map((hint) => hint.command)).toEqual(['node dist/apps/api/main.js token web read,web', 'API_TOKEN=<token>']);
  });

  it.each([
    [new SignInRequiredError(), 401, 'Sign in to continue'],
    [new CsrfTokenError(), 403, 'This form cannot be accepted'],
    [new AdminOnlyError(), 403, 'Admins only'],
  ])('shows a refused request with its own status and words (%s)', (error, statusCode, title) => {
    expect(describeError(error, API_URL)).toEqual({ statusCode, title, message: error.message, hints: [] });
  });

  it('passes on why the web server refused a filter', () => {
    const view = describeError(new InvalidFilterError("level: 'LOUD' is not a level"), API_URL);

    expect(view).toMatchObject({ statusCode: 400, message: "level: 'LOUD' is not a level" });
  });

  it("shows the api's own words when it rejects the filters", () => {
    const view = describeError(new ApiRejectedError('from must be before to'), API_URL);

    expect(view).toMatchObject({ statusCode: 400, message: 'from must be before to' });
  });

  it('turns invalid query parameters into sentences a person can act on', () => {
    const view = describeError(
      {
        statusCode: 400,
        validation: [
          { instancePath: '/order', message: 'must be equal to one of the allowed values' },
          { instancePath: '/limit', message: 'must be <= 10000' },
          { instancePath: '/cursor', message: 'must NOT have more than 64 characters' },
        ],
      },
      API_URL,
    );

    expect(view.statusCode).toBe(400);
    expect(view.message).toBe(
      'order must be desc or asc. limit must be a whole number from 1 to 10000. ' +
        'cursor must NOT have more than 64 characters.',
    );
  });

  it('hides the details of an internal failure', () => {
    const view = describeError(new Error('secret internals at /srv/app.js:12'), API_URL);

    expect(view.statusCode).toBe(500);
    expect(view.message).not.toContain('secret');
  });

  it('keeps other client errors as they are', () => {
    expect(describeError({ statusCode: 405 }, API_URL).statusCode).toBe(405);
    expect(describeError({ statusCode: 404 }, API_URL)).toEqual(notFound());
  });
});
