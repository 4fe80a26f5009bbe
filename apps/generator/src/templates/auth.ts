/** Messages of the `auth` service: logins, token refreshes, failed passwords, lockouts. */
import type { SourceTemplates } from './template';
import { COUNTRIES, ipAddress, latencyMs, slowLatencyMs, userId, userName } from './vocabulary';

const METHODS = ['password', 'sso', 'totp', 'webauthn'] as const;
const CLIENTS = ['web', 'ios', 'android', 'cli'] as const;

export const AUTH_TEMPLATES: SourceTemplates = {
  DEBUG: [
    (r) => {
      const user = userId(r);
      return { message: `Session cache hit for ${user}`, attributes: { user_id: user, cache: 'session' } };
    },
    (r) => {
      const ttl = String(r.pick([300, 900, 3600]));
      return { message: `Issuing access token with ttl ${ttl}s`, attributes: { ttl_s: ttl, client: r.pick(CLIENTS) } };
    },
  ],
  INFO: [
    (r) => {
      const [name, ip, method] = [userName(r), ipAddress(r), r.pick(METHODS)];
      const latency = String(latencyMs(r, 40));
      return {
        message: `User ${name} logged in from ${ip} via ${method}`,
        attributes: { user: name, user_id: userId(r), client_ip: ip, method, latency_ms: latency, status: '200' },
      };
    },
    (r) => {
      const user = userId(r);
      return {
        message: `Refreshed access token for ${user}`,
        attributes: { user_id: user, client: r.pick(CLIENTS), latency_ms: String(latencyMs(r, 12)), status: '200' },
      };
    },
    (r) => {
      const name = userName(r);
      return { message: `User ${name} logged out`, attributes: { user: name, user_id: userId(r), status: '204' } };
    },
  ],
  WARNING: [
    (r) => {
      const [name, ip] = [userName(r), ipAddress(r)];
      const attempt = String(r.int(1, 4));
      return {
        message: `Failed password for ${name} from ${ip} (attempt ${attempt})`,
        attributes: { user: name, client_ip: ip, attempt, status: '401' },
      };
    },
    (r) => {
      const [name, country] = [userName(r), r.pick(COUNTRIES)];
      return {
        message: `Login for ${name} from unusual country ${country}; step-up required`,
        attributes: { user: name, country, status: '403' },
      };
    },
  ],
  ERROR: [
    (r) => {
      const [name, ip] = [userName(r), ipAddress(r)];
      return {
        message: `Account ${name} locked after 5 failed passwords from ${ip}`,
        attributes: { user: name, client_ip: ip, status: '423' },
      };
    },
    (r) => {
      const latency = String(slowLatencyMs(r, 2_000));
      return {
        message: `Identity provider did not answer within ${latency} ms`,
        attributes: { provider: r.pick(['okta', 'azure-ad', 'google']), latency_ms: latency, status: '504' },
      };
    },
  ],
  CRITICAL: [
    () => ({
      message: 'Token signing key unavailable; all logins are failing',
      attributes: { component: 'kms', status: '503' },
    }),
  ],
};
