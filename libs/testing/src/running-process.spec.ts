import { startProcess } from './running-process';
import { waitForOk } from './wait-for-answer';

const node = (program: string) => startProcess('-e', [program]);

describe('startProcess', () => {
  it('stops a process with SIGINT and gives its exit code and output', async () => {
    const running = node("process.on('SIGINT', () => process.exit(3)); console.log('ready'); setInterval(() => {}, 1000);");
    while (!running.output().includes('ready')) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await running.stop()).toBe(3);
    expect(running.output()).toBe('ready\n');
  });

  it('kills a process that ignores SIGINT once the grace period is over', async () => {
    const running = node("process.on('SIGINT', () => {}); console.log('ready'); setInterval(() => {}, 1000);");
    while (!running.output().includes('ready')) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await running.stop(200)).toBeNull();
    expect(running.child.signalCode).toBe('SIGKILL');
  });
});

describe('waitForOk', () => {
  it('fails at once, showing what the process printed, when it exits before answering', async () => {
    const running = node("console.error('cannot open the data directory'); process.exit(1);");
    await running.exited;

    await expect(waitForOk('http://127.0.0.1:9/health', running, 10_000)).rejects.toThrow(/exited \(1\) before answering:\ncannot open the data directory/);
  });
});
