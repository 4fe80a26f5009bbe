/**
 * The budgets of sign-in attempts, shared by every web replica: the api counts them in ClickHouse
 * (logs.sign_in_attempts; the budgets are described in ch-client's sign-in-budgets.ts), so a
 * guesser spreading attempts over N replicas gets the budget once, not N times. Each call is a
 * round trip to the api; when the api cannot be reached the calls throw ApiUnavailableError and
 * sign-in fails closed (no password is checked without its attempt counted).
 */
import type { SignInAttemptRequest, SignInLimits } from '@logline/api-contract';
import type { ApiClient } from '../api-client/api-client';
import type { SignInConfig } from '../config';

type LoginLimits = Pick<SignInConfig, 'maxFailuresPerUser' | 'maxFailuresPerAddress' | 'maxFailuresPerUserAllAddresses' | 'lockoutMs'>;
/** The longest username the api counts by: a longer one is no user's, and counts by its start. */
const MAX_USERNAME_LENGTH = 256;

/** Either the attempt may go ahead (counted under `attempt`) or it must wait `retryAfterMs`. */
export type AttemptStart = { readonly attempt: string; readonly retryAfterMs: 0 } | { readonly attempt?: undefined; readonly retryAfterMs: number };

export class SignInThrottle {
  private readonly limits: SignInLimits;

  constructor(
    private readonly api: Pick<ApiClient, 'beginSignIn' | 'signInRetryAfterMs' | 'recordSignIn'>,
    limits: LoginLimits,
  ) {
    this.limits = {
      per_user_address: limits.maxFailuresPerUser,
      per_address: limits.maxFailuresPerAddress,
      per_user_unknown_addresses: limits.maxFailuresPerUserAllAddresses,
      window_ms: limits.lockoutMs,
    };
  }

  /** Counts one attempt as it starts, before the password is checked, so parallel attempts on any replica cannot slip past a budget. */
  async begin(username: string, address: string): Promise<AttemptStart> {
    const start = await this.api.beginSignIn(this.request(username, address));
    return start.attempt === null ? { retryAfterMs: Math.max(1, start.retry_after_ms) } : { attempt: start.attempt, retryAfterMs: 0 };
  }

  /** Milliseconds until `username` may try again from `address`; 0 when it may now. */
  retryAfterMs(username: string, address: string): Promise<number> {
    return this.api.signInRetryAfterMs(this.request(username, address));
  }

  /** The password was right: the attempt is given back, and `address` becomes one the user signs in from. */
  succeed(username: string, address: string, attempt: string): Promise<void> {
    return this.api.recordSignIn({ ...this.request(username, address), attempt });
  }

  private request(username: string, address: string): SignInAttemptRequest {
    return { username: username.slice(0, MAX_USERNAME_LENGTH), address, limits: this.limits };
  }
}
