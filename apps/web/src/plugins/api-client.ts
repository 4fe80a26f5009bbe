import fp from 'fastify-plugin';
import { createApiClient, type ApiClient, type ApiClientOptions } from '../api-client/api-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Logline api, reached over HTTP. */
    api: ApiClient;
  }
}

/** Makes the api client available to routes, and closes its connections when the app closes. */
export default fp<ApiClientOptions>(
  async (app, options) => {
    const client = createApiClient(options);
    app.decorate('api', client);
    app.addHook('onClose', () => client.close());
  },
  { name: 'api-client' },
);
