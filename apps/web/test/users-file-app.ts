/**
 * The web app signing users in from WEB_USERS_FILE, over the api's contract stand-in answering one
 * logs page: what the sign-in and session specs share. Call it inside a describe: it registers that
 * describe's hooks, before the spec's own. `build` makes another app on the same api and users
 * (the caller closes it), e.g. with other variables.
 */
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { logsPage, startContractApi, storedLog, type ContractApi } from './api-contract-server';
import { USERS } from './sign-in-driver';
import { writeUsersFile, type UsersFileFixture } from './users-file-fixture';

export type WebApp = Awaited<ReturnType<typeof buildApp>>;

export interface UsersFileApp {
  readonly api: ContractApi;
  readonly app: WebApp;
  build(env?: Record<string, string>): Promise<WebApp>;
}

export function useUsersFileApp(): UsersFileApp {
  let api: ContractApi | undefined;
  let users: UsersFileFixture | undefined;
  let app: WebApp | undefined;
  const build = (env: Record<string, string> = {}) =>
    buildApp(loadConfig({ API_URL: required(api).url, API_TIMEOUT_MS: '1000', LOG_LEVEL: 'silent', WEB_USERS_FILE: required(users).path, ...env }));

  beforeAll(async () => {
    api = await startContractApi({ status: 200, body: logsPage([storedLog({ message: 'payment accepted' })]) });
    users = await writeUsersFile(USERS);
    app = await build();
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
    users?.remove();
  });

  return {
    get api() {
      return required(api);
    },
    get app() {
      return required(app);
    },
    build,
  };
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the app is not started: use it inside a test of the describe that called useUsersFileApp');
  return value;
}
