import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export interface AssetsOptions {
  /** Folder holding the stylesheet, script and icon (copied next to the bundle on build). */
  readonly root: string;
}

/** Serves the page's stylesheet, script and icon under /assets/. */
export default fp<AssetsOptions>(
  async (app, options) => {
    await app.register(fastifyStatic, { root: options.root, prefix: '/assets/', index: false });
  },
  { name: 'assets' },
);
