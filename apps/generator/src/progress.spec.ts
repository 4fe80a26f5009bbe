import { PassThrough } from 'node:stream';
import { ProgressLine } from './progress';
import { emptyStats } from './summary';

describe('ProgressLine', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('redraws totals and the event rate in place each second, and clears itself at the end', () => {
    const stream = new PassThrough();
    let output = '';
    stream.on('data', (chunk) => (output += chunk));
    let now = 0;
    const stats = [emptyStats('a'), emptyStats('b')];
    const progress = new ProgressLine(stream, () => now);
    progress.start(stats);
    Object.assign(stats[0], { sent: 300, acked: 250 });
    Object.assign(stats[1], { sent: 200, acked: 200, failed: 1 });
    now = 1_000;
    jest.advanceTimersByTime(1_000);
    expect(output).toBe('\r\x1b[2K500 events/s  sent 500  acked 450  failed 1');
    progress.log('generator: a warning');
    expect(output.endsWith('\r\x1b[2Kgenerator: a warning\n500 events/s  sent 500  acked 450  failed 1')).toBe(true);
    progress.stop();
    expect(output.endsWith('\r\x1b[2K')).toBe(true);
  });
});
