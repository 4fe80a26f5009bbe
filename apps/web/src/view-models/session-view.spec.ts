import { anonymousSessionView, localSessionView, signedInSessionView } from './session-view';

describe('the session part of every page', () => {
  it('in local mode shows no account and every view', () => {
    expect(localSessionView('t')).toEqual({ csrfToken: 't' });
  });

  it('shows an admin with every view', () => {
    expect(signedInSessionView('ada', 'admin', 't')).toEqual({ csrfToken: 't', account: { username: 'ada', role: 'admin' } });
  });

  it('shows a viewer without the admin-only views', () => {
    expect(signedInSessionView('bob', 'viewer', 't')).toEqual({ csrfToken: 't', account: { username: 'bob', role: 'viewer' }, hideAdminViews: true });
  });

  it('before sign-in shows no navigation and no account', () => {
    expect(anonymousSessionView()).toEqual({ csrfToken: '', anonymous: true });
  });
});
