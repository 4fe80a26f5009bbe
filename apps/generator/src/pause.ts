import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `ms`; answers false instead when the signal aborts first (or already has). */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (error) {
    if (signal.aborted) return false;
    throw error;
  }
}
