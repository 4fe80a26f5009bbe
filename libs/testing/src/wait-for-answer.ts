/** Polls a starting process's URL until it answers; fails at once if the process exits first. */
import type { RunningProcess } from './running-process';

/** The first HTTP answer from `url`, whatever its status. */
export async function firstAnswer(url: string, running: RunningProcess, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = running.child;
    if (exitCode !== null || signalCode !== null) throw new Error(`${url}: the process exited (${exitCode ?? signalCode}) before answering:\n${running.output()}`);
    try {
      return await fetch(url);
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${running.output()}`);
}

/** Waits until `url` answers 2xx (a health check). */
export async function waitForOk(url: string, running: RunningProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await firstAnswer(url, running, deadline - Date.now());
    if (response.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms:\n${running.output()}`);
}
