/**
 * The sessions signed out before their time, which their cookies alone cannot tell. A sign-out
 * counts on this replica at once and is recorded through the api (logs.web_session_ends), from
 * which every replica refreshes its copy every few seconds: a session signed out on one replica
 * ends on the others within that interval. Entries go when the session would have ended anyway.
 */
import type { SessionEnd } from '@logline/api-contract';

/** Where the sign-outs of every replica are kept: the api. */
export interface SharedSessionEnds {
  list(): Promise<readonly SessionEnd[]>;
  record(end: SessionEnd): Promise<void>;
}

export class SignedOutSessions {
  /** Session digest → when the session would have ended anyway. */
  private readonly ended = new Map<string, number>();

  constructor(
    private readonly shared: SharedSessionEnds,
    private readonly now: () => number = Date.now,
  ) {}

  has(digest: string): boolean {
    return (this.ended.get(digest) ?? 0) > this.now();
  }

  /** Ends the session here at once, then for every replica; throws when the api did not record it. */
  async end(digest: string, untilMs: number): Promise<void> {
    this.ended.set(digest, untilMs);
    await this.shared.record({ session: digest, until_ms: untilMs });
  }

  /** Takes in the sign-outs every replica recorded, and forgets those past their end. */
  async refresh(): Promise<void> {
    const ends = await this.shared.list();
    for (const { session, until_ms: until } of ends) this.ended.set(session, Math.max(until, this.ended.get(session) ?? 0));
    const at = this.now();
    for (const [session, until] of this.ended) if (until <= at) this.ended.delete(session);
  }
}
