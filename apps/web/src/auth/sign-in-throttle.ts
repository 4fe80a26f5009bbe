/**
 * The budgets of sign-in attempts, behind one small interface: LoginThrottle keeps them in this
 * process's memory; replicas behind a load balancer need one store they all share instead, which
 * implements the same three calls. Every call may wait for that store, hence the promises.
 */
export interface SignInThrottle {
  /**
   * Counts one attempt for `username` from `address` as it starts, before the password is
   * checked, so parallel attempts cannot slip past the limit. Answers 0 when it may go ahead,
   * else the milliseconds until it may (and counts nothing).
   */
  begin(username: string, address: string): Promise<number>;
  /** Milliseconds until `username` may try again from `address`; 0 when it may now. */
  retryAfterMs(username: string, address: string): Promise<number>;
  /** The password was right: the attempt is given back, and `address` becomes one the user signs in from. */
  succeed(username: string, address: string): Promise<void>;
}
