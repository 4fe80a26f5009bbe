// Serves each request on behalf of its signed-in user, so the api client names them to the api.
import fp from 'fastify-plugin';
import { serveFor } from '../api-client/served-user';

export default fp(
  async (app) => {
    app.addHook('onRequest', (request, _reply, done) => serveFor(request.account?.username, () => done()));
  },
  { name: 'served-user', dependencies: ['sessions'] },
);
