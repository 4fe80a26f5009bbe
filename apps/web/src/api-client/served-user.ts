/**
 * The signed-in user each request of the web app is served for, carried through every async call
 * made while serving it, so the api client names that user to the api (X-Logline-User, for the
 * api's per-user rate limits) without each call site passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const servedUser = new AsyncLocalStorage<string | undefined>();

/** Runs `serve` (and everything it starts) on behalf of `username`. */
export function serveFor<T>(username: string | undefined, serve: () => T): T {
  return servedUser.run(username, serve);
}

/** The user being served now; undefined without sign-in or outside a request. */
export function currentServedUser(): string | undefined {
  return servedUser.getStore();
}
