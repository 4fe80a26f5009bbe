// Security headers. Every script, style, image and fetch comes from this origin, so the
// Content-Security-Policy allows 'self' only: no inline code, no third parties.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Plain http on a LAN address is a supported setup; forcing https there breaks the page.
      strictTransportSecurity: false,
      // No referrer leaves this origin (URLs carry searches), but its own forms keep their Origin:
      // with no-referrer a browser sends `Origin: null` even to the same origin, which the
      // cross-site check must then refuse unless the browser also sends Sec-Fetch-Site.
      referrerPolicy: { policy: 'same-origin' },
    });
  },
  { name: 'security' },
);
