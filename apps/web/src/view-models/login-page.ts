// The sign-in page: the form, and one message saying what happened, that never tells whether a
// username exists.

export type SignInProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'wrong-credentials' }
  | { readonly kind: 'locked'; readonly retryAfterMs: number }
  | { readonly kind: 'busy' }
  | { readonly kind: 'unavailable' };

export interface LoginPageInput {
  /** Where to go after signing in (already checked to be a local path). */
  readonly next: string;
  readonly csrfToken: string;
  /** Kept in the form after a failed attempt; the password never is. */
  readonly username?: string;
  readonly problem?: SignInProblem;
  readonly signedOut?: boolean;
}

export interface LoginPageView {
  readonly title: string;
  readonly next: string;
  readonly csrfToken: string;
  readonly username: string;
  readonly error?: string;
  readonly notice?: string;
}

export function buildLoginPage(input: LoginPageInput): LoginPageView {
  return {
    title: 'Sign in',
    next: input.next,
    csrfToken: input.csrfToken,
    username: input.username ?? '',
    error: input.problem && describeProblem(input.problem),
    notice: input.signedOut ? 'You have signed out.' : undefined,
  };
}

function describeProblem(problem: SignInProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'Enter your username and password.';
    case 'wrong-credentials':
      return 'Wrong username or password.';
    case 'locked': {
      const minutes = Math.max(1, Math.ceil(problem.retryAfterMs / 60_000));
      return (
        'Too many failed sign-ins for this username or from this address. ' +
        `Sign-in is paused: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
      );
    }
    case 'busy':
      return 'Too many sign-ins are being checked right now. Try again in a few seconds.';
    case 'unavailable':
      return 'Sign-in is unavailable: the service that counts sign-in attempts cannot be reached. Try again in a few seconds.';
  }
}
