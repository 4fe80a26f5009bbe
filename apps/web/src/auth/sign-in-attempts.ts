/** One sign-in attempt: counted against its budgets as it starts, then the password check. */
import { SignInBusyError, type Authenticator } from './authenticator';
import type { SignInThrottle } from './sign-in-throttle';
import type { WebUser } from './users-file';

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly user: WebUser }
  | { readonly kind: 'wrong-credentials' }
  | { readonly kind: 'locked'; readonly retryAfterMs: number }
  /** Too many sign-ins are being checked at once; this one was not (it still counted). */
  | { readonly kind: 'busy' };

export class SignInAttempts {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly throttle: SignInThrottle,
  ) {}

  /** While locked, the password is not even checked, so guessing on costs nothing but time. */
  async attempt(username: string, password: string, address: string): Promise<SignInOutcome> {
    const wait = await this.throttle.begin(username, address);
    if (wait > 0) return { kind: 'locked', retryAfterMs: wait };
    let user: WebUser | undefined;
    try {
      user = await this.authenticator.authenticate(username, password);
    } catch (error) {
      if (error instanceof SignInBusyError) return { kind: 'busy' };
      throw error;
    }
    if (user) {
      await this.throttle.succeed(username, address);
      return { kind: 'signed-in', user };
    }
    const lockedFor = await this.throttle.retryAfterMs(username, address);
    return lockedFor > 0 ? { kind: 'locked', retryAfterMs: lockedFor } : { kind: 'wrong-credentials' };
  }
}
