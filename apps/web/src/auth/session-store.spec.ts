import { SessionStore } from './session-store';

const MINUTE = 60_000;
const ADA = { username: 'ada', credentialTag: 't1' };

describe('SessionStore', () => {
  let now: number;
  let store: SessionStore;
  beforeEach(() => {
    now = 5_000_000;
    store = new SessionStore({ idleMs: 30 * MINUTE, absoluteMs: 8 * 60 * MINUTE, maxAnonymous: 3 }, () => now);
  });

  it('finds a session by the id it gave out, with its account and its own CSRF token', () => {
    const { id, session } = store.create(ADA);
    const other = store.create(ADA);

    expect(store.get(id)).toBe(session);
    expect(session.account).toEqual(ADA);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.session.csrfToken).not.toBe(session.csrfToken);
    expect(other.id).not.toBe(id);
    expect(store.get('made-up-id')).toBeUndefined();
  });

  it('ends a session unused for the idle limit', () => {
    const { id } = store.create(ADA);
    now += 30 * MINUTE;

    expect(store.get(id)).toBeUndefined();
  });

  it('keeps a session alive while it is used, until its absolute limit', () => {
    const { id } = store.create(ADA);
    for (let hour = 0; hour < 7; hour += 1) {
      now += 29 * MINUTE;
      expect(store.get(id)).toBeDefined();
      now += 29 * MINUTE;
      expect(store.get(id)).toBeDefined();
    }
    now += 60 * MINUTE - 7 * 2 * MINUTE;

    expect(store.get(id)).toBeUndefined();
  });

  it('ends a session for good when it is destroyed', () => {
    const { id } = store.create(ADA);
    store.destroy(id);

    expect(store.get(id)).toBeUndefined();
  });

  it('caps anonymous sessions, dropping the oldest, and never drops signed-in ones for them', () => {
    const signedIn = store.create(ADA);
    const anonymous = [store.create(), store.create(), store.create(), store.create()];

    expect(store.get(anonymous[0].id)).toBeUndefined();
    expect(anonymous.slice(1).every(({ id }) => store.get(id) !== undefined)).toBe(true);
    expect(store.get(signedIn.id)).toBeDefined();
  });

  it('keeps ids out of what it saves, and restores only live signed-in sessions', () => {
    const live = store.create(ADA);
    store.create();
    const stale = store.create({ username: 'bob', credentialTag: 't2' });
    now += 20 * MINUTE;
    store.get(live.id);
    now += 15 * MINUTE;

    const saved = store.signedInEntries();
    expect(saved).toHaveLength(1);
    expect(JSON.stringify(saved)).not.toContain(live.id);
    expect(JSON.stringify(saved)).not.toContain(stale.id);

    const restarted = new SessionStore({ idleMs: 30 * MINUTE, absoluteMs: 8 * 60 * MINUTE, maxAnonymous: 3 }, () => now);
    restarted.restore(saved);
    expect(restarted.get(live.id)?.account).toEqual(ADA);
  });
});
