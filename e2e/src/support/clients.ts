/** Runs a real client program from e2e/clients (or a system tool) as its own process. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const CLIENTS = join(__dirname, '..', '..', 'clients');

export interface ClientRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args` (and `input` on stdin); resolves with its exit code and output. */
export function runTool(command: string, args: readonly string[], input?: string): Promise<ClientRun> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs e2e/clients/<name> with node, the job as its JSON argument. */
export function runClient(name: string, job: unknown): Promise<ClientRun> {
  return runTool(process.execPath, [join(CLIENTS, name), JSON.stringify(job)]);
}
