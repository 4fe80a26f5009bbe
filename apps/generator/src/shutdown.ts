/**
 * Two-stage stop. The first request stops generating (`stop`) and leaves deliveries in flight
 * `graceMs` to finish; after that, or at a second request, `abandon` ends them.
 */
export interface Shutdown {
  readonly stop: AbortSignal;
  readonly abandon: AbortSignal;
  request(): void;
  dispose(): void;
}

export function createShutdown(graceMs: number): Shutdown {
  const stop = new AbortController();
  const abandon = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  return {
    stop: stop.signal,
    abandon: abandon.signal,
    request: () => {
      if (stop.signal.aborted) {
        abandon.abort();
        return;
      }
      stop.abort();
      timer = setTimeout(() => abandon.abort(), graceMs);
      timer.unref();
    },
    dispose: () => clearTimeout(timer),
  };
}
