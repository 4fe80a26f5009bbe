import pino from 'pino';
import { loadConfig } from '../config';
import { writeUsersFile, type UsersFileFixture } from '../../test/users-file-fixture';
import { chooseSignInMode } from './sign-in-mode';

function recordingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { log, lines };
}

describe('chooseSignInMode', () => {
  let users: UsersFileFixture;
  beforeAll(async () => {
    users = await writeUsersFile([{ username: 'ada', role: 'admin', password: 'ada password' }]);
  });
  afterAll(() => users.remove());

  it('is local mode on loopback without a users file, and says so', () => {
    const { log, lines } = recordingLog();

    expect(chooseSignInMode(loadConfig({}).signIn, '127.0.0.1', log)).toBeUndefined();
    expect(lines.map((line) => line.msg)).toEqual([expect.stringMatching(/sign-in is off .*local mode, listening on loopback only/)]);
  });

  it('refuses another address without a users file, with the way out, as the api does', () => {
    const { log } = recordingLog();

    expect(() => chooseSignInMode(loadConfig({}).signIn, '0.0.0.0', log)).toThrow(
      'refusing to listen on 0.0.0.0 without sign-in: set WEB_USERS_FILE (see `main.js hash-password`), or WEB_ALLOW_ANONYMOUS=true if the network is protected otherwise',
    );
  });

  it('listens anywhere without sign-in only when WEB_ALLOW_ANONYMOUS=true, with a warning', () => {
    const { log, lines } = recordingLog();

    expect(chooseSignInMode(loadConfig({ WEB_ALLOW_ANONYMOUS: 'true' }).signIn, '0.0.0.0', log)).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'sign-in is OFF and the web listens on 0.0.0.0 (WEB_ALLOW_ANONYMOUS=true)' })]);
  });

  it('turns sign-in on with a users file, warning that a generated secret ends sessions on restart', () => {
    const { log, lines } = recordingLog();
    const mode = chooseSignInMode(loadConfig({ WEB_USERS_FILE: users.path }).signIn, '0.0.0.0', log);

    expect(mode?.authenticator.find('ada')).toMatchObject({ role: 'admin' });
    expect(mode?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lines.map((line) => line.msg)).toEqual([
      `sign-in is on: 1 users from ${users.path}`,
      expect.stringMatching(/WEB_SESSION_SECRET is not set: .* end when the web restarts/),
    ]);
  });

  it('uses WEB_SESSION_SECRET when set', () => {
    const secret = 'x'.repeat(40);
    const { log, lines } = recordingLog();

    expect(chooseSignInMode(loadConfig({ WEB_USERS_FILE: users.path, WEB_SESSION_SECRET: secret }).signIn, '::1', log)?.secret).toBe(secret);
    expect(lines).toHaveLength(1);
  });
});
