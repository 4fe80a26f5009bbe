/**
 * Parses HTML form posts (application/x-www-form-urlencoded) into an object of strings; a
 * repeated field keeps its last value. Small, because @fastify/formbody is not among the
 * workspace's packages and the forms here are a few short fields.
 */
import fp from 'fastify-plugin';

const MAX_FORM_BYTES = 16 * 1024;

export default fp(
  async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  },
  { name: 'form-body' },
);
