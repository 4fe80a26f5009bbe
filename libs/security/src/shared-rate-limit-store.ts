/**
 * A store for @fastify/rate-limit over SharedRateCounts, so its limits hold across replicas. The
 * plugin makes one store per route with its own limit (`child`); each counts its keys apart, as
 * the plugin's own LocalStore does, by naming the route in the key.
 */
import type { SharedRateCounts } from './shared-rate-counts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What @fastify/rate-limit passes to `child`: the route's merged limits, its route under `routeInfo` (its typings say otherwise). */
interface RouteParams {
  readonly routeInfo?: { readonly method?: string | readonly string[]; readonly url?: string };
}

/** The class to pass as @fastify/rate-limit's `store` option; its `timeWindow` must be the counts' window. */
export function sharedRateLimitStore(counts: SharedRateCounts) {
  return class SharedRateLimitStore {
    route = '';

    incr(key: string, callback: Callback): void {
      callback(null, counts.hit(`${this.route}${key}`));
    }

    child(params: object): SharedRateLimitStore {
      const store = new SharedRateLimitStore();
      const { method = '', url = '' } = (params as RouteParams).routeInfo ?? {};
      store.route = `${[method].flat().join(',')} ${url}\n`;
      return store;
    }
  };
}
