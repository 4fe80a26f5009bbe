import { PassThrough } from 'node:stream';
import { SseStream } from './sse-stream';

describe('SseStream', () => {
  it('waits for the client to take a catch-up page before the next one', async () => {
    const client = new PassThrough({ highWaterMark: 1024 });
    const stream = new SseStream(client, 1 << 20, () => undefined);
    let written = false;
    const writing = stream.write('x'.repeat(4096)).then(() => (written = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(false);
    client.resume();
    await writing;
    expect(written).toBe(true);
  });

  it('cuts off a client that lets more than the bound pile up, once', () => {
    const client = new PassThrough({ highWaterMark: 1024 });
    let cutOff = 0;
    const stream = new SseStream(client, 64 * 1024, () => {
      cutOff += 1;
      client.end();
    });
    for (let batch = 0; batch < 100; batch += 1) stream.push('y'.repeat(1024));
    expect(cutOff).toBe(1);
    expect(client.writableLength).toBeLessThanOrEqual(66 * 1024);
  });

  it('stops waiting when the client goes away', async () => {
    const client = new PassThrough({ highWaterMark: 1024 });
    const stream = new SseStream(client, 1 << 20, () => undefined);
    const writing = stream.write('x'.repeat(4096));
    client.destroy();
    await expect(writing).resolves.toBeUndefined();
  });
});
