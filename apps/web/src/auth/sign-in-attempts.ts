/** One sign-in attempt: the lockout check, the password check, and the counting of failures. */
import type { Authenticator } from './authenticator';
import type { LoginThrottle } from './login-throttle';
import type { WebUser } from './users-file';

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly user: WebUser }
  | { readonly kind: 'wrong-credentials' }
  | { readonly kind: 'locked'; readonly retryAfterMs: number };

export class SignInAttempts {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly throttle: LoginThrottle,
  ) {}

  /** While locked, the password is not even checked, so guessing on costs nothing but time. */
  async attempt(username: string, password: string, address: string): Promise<SignInOutcome> {
    const wait = this.throttle.retryAfterMs(username, address);
    if (wait > 0) return { kind: 'locked', retryAfterMs: wait };
    const user = await this.authenticator.authenticate(username, password);
    if (user) {
      this.throttle.recordSuccess(username);
      return { kind: 'signed-in', user };
    }
    this.throttle.recordFailure(username, address);
    const lockedFor = this.throttle.retryAfterMs(username, address);
    return lockedFor > 0 ? { kind: 'locked', retryAfterMs: lockedFor } : { kind: 'wrong-credentials' };
  }
}
