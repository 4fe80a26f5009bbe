/** One sign-in attempt: counted against its budgets as it starts, then the password check. */
import { ApiUnavailableError } from '../api-client/api-errors';
import { SignInBusyError, type Authenticator } from './authenticator';
import type { SignInThrottle } from './sign-in-throttle';
import type { WebUser } from './users-file';

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly user: WebUser }
  | { readonly kind: 'wrong-credentials' }
  | { readonly kind: 'locked'; readonly retryAfterMs: number }
  /** Too many sign-ins are being checked at once; this one was not (it still counted). */
  | { readonly kind: 'busy' }
  /** The api, which counts attempts for every replica, cannot count this one (`detail` says why): no password is checked uncounted. */
  | { readonly kind: 'unavailable'; readonly detail: string };

export class SignInAttempts {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly throttle: Pick<SignInThrottle, 'begin' | 'retryAfterMs' | 'succeed'>,
    private readonly onGiveBackError: (error: unknown) => void = () => undefined,
  ) {}

  /** While locked, the password is not even checked, so guessing on costs nothing but time. */
  async attempt(username: string, password: string, address: string): Promise<SignInOutcome> {
    try {
      return await this.check(username, password, address);
    } catch (error) {
      if (error instanceof ApiUnavailableError) return { kind: 'unavailable', detail: error.message };
      throw error;
    }
  }

  private async check(username: string, password: string, address: string): Promise<SignInOutcome> {
    const start = await this.throttle.begin(username, address);
    if (start.attempt === undefined) return { kind: 'locked', retryAfterMs: start.retryAfterMs };
    let user: WebUser | undefined;
    try {
      user = await this.authenticator.authenticate(username, password);
    } catch (error) {
      if (error instanceof SignInBusyError) return { kind: 'busy' };
      throw error;
    }
    if (user) {
      // The password was right: a failure to give the attempt back only leaves the budget smaller.
      await this.throttle.succeed(username, address, start.attempt).catch(this.onGiveBackError);
      return { kind: 'signed-in', user };
    }
    const lockedFor = await this.throttle.retryAfterMs(username, address);
    return lockedFor > 0 ? { kind: 'locked', retryAfterMs: lockedFor } : { kind: 'wrong-credentials' };
  }
}
