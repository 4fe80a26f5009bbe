import { createShutdown } from './shutdown';

describe('createShutdown', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('stops first, and abandons after the grace period', () => {
    const shutdown = createShutdown(10_000);
    shutdown.request();
    expect(shutdown.stop.aborted).toBe(true);
    expect(shutdown.abandon.aborted).toBe(false);
    jest.advanceTimersByTime(10_000);
    expect(shutdown.abandon.aborted).toBe(true);
  });

  it('abandons at once on a second request', () => {
    const shutdown = createShutdown(10_000);
    shutdown.request();
    shutdown.request();
    expect(shutdown.abandon.aborted).toBe(true);
  });

  it('does nothing more once disposed', () => {
    const shutdown = createShutdown(10_000);
    shutdown.request();
    shutdown.dispose();
    jest.advanceTimersByTime(20_000);
    expect(shutdown.abandon.aborted).toBe(false);
  });
});
