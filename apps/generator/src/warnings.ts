/** Warnings on stderr, at most one a second, so a failing target cannot flood the terminal. */
const WARN_INTERVAL_MS = 1_000;

export function createWarn(write: (line: string) => void, clock: () => number = Date.now): (message: string) => void {
  let lastMs = -Infinity;
  let suppressed = 0;
  return (message) => {
    const now = clock();
    if (now - lastMs < WARN_INTERVAL_MS) {
      suppressed += 1;
      return;
    }
    const note = suppressed > 0 ? ` (${suppressed} more warnings suppressed)` : '';
    write(`generator: ${message}${note}`);
    lastMs = now;
    suppressed = 0;
  };
}
