import { MultilineJoiner, type JoinedEvent } from './multiline-joiner';

/** A logback-style log with a wrapped exception, its cause, and the lines around it. */
const JAVA_LOG = `2026-11-28 17:00:00.120 INFO  [http-nio-8080-exec-3] c.a.shop.web.CartController - GET /cart/42
2026-11-28 17:00:00.123 ERROR [http-nio-8080-exec-3] c.a.shop.web.CartController - Request failed: GET /cart/42
org.springframework.web.util.NestedServletException: Request processing failed; nested exception is java.lang.IllegalStateException: cart 42 is locked
	at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
	at org.springframework.web.servlet.FrameworkServlet.doGet(FrameworkServlet.java:898)
	at javax.servlet.http.HttpServlet.service(HttpServlet.java:655)
Caused by: java.lang.IllegalStateException: cart 42 is locked
	at com.acme.shop.cart.CartService.load(CartService.java:88)
	at com.acme.shop.cart.CartService$$FastClassBySpringCGLIB$$1a2b3c.invoke(<generated>)
	at com.acme.shop.web.CartController.show(CartController.java:41)
	... 48 more
	Suppressed: java.sql.SQLTimeoutException: lock wait timeout
		at com.zaxxer.hikari.pool.ProxyConnection.checkException(ProxyConnection.java:182)
		... 50 more
Caused by: java.sql.SQLException: Lock wait timeout exceeded; try restarting transaction
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:123)
	... 52 more
2026-11-28 17:00:00.131 WARN  [scheduler-1] c.a.shop.jobs.Reaper - 3 carts expired
Exception in thread "worker-7" java.lang.OutOfMemoryError: Java heap space
	at java.base/java.util.Arrays.copyOf(Arrays.java:3512)
	at java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:228)
2026-11-28 17:00:01.002 INFO  [main] c.a.shop.App - still serving`;

/** Python's logging.exception output, with a chained exception, between ordinary lines. */
const PYTHON_LOG = `2026-11-28 17:00:02,001 INFO worker.jobs: picked job 991
2026-11-28 17:00:02,417 ERROR worker.jobs: job 991 failed
Traceback (most recent call last):
  File "/srv/worker/jobs.py", line 57, in run
    payload = json.loads(raw)
  File "/usr/lib/python3.12/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/srv/worker/jobs.py", line 60, in run
    raise JobError(f"job {job_id} has a bad payload") from None
worker.errors.JobError: job 991 has a bad payload
2026-11-28 17:00:02,420 WARNING worker.jobs: retrying job 991 in 30s
Traceback (most recent call last):
  File "/srv/worker/main.py", line 12, in <module>
    main()
KeyboardInterrupt
2026-11-28 17:00:03,000 INFO worker.main: shutting down`;

function joinAll(text: string, joiner = new MultilineJoiner<number>()): Array<JoinedEvent<number>> {
  const events = text.split('\n').flatMap((line, index) => joiner.push('file', line, index + 1, 0));
  return [...events, ...joiner.end('file')];
}

describe('MultilineJoiner', () => {
  it('joins a Java stack trace, its causes and suppressed exceptions to the message they follow', () => {
    const events = joinAll(JAVA_LOG);
    expect(events.map((event) => [event.first, event.lines])).toEqual([
      [1, 1],
      [2, 16],
      [18, 1],
      [19, 3],
      [22, 1],
    ]);
    expect(events[1].text).toBe(JAVA_LOG.split('\n').slice(1, 17).join('\n'));
    expect(events[3].text.startsWith('Exception in thread "worker-7"')).toBe(true);
  });

  it('joins a Python traceback, chained ones included, up to the line naming the exception', () => {
    const events = joinAll(PYTHON_LOG);
    expect(events.map((event) => event.text.split('\n')[0])).toEqual([
      '2026-11-28 17:00:02,001 INFO worker.jobs: picked job 991',
      '2026-11-28 17:00:02,417 ERROR worker.jobs: job 991 failed',
      '2026-11-28 17:00:02,420 WARNING worker.jobs: retrying job 991 in 30s',
      '2026-11-28 17:00:03,000 INFO worker.main: shutting down',
    ]);
    const failure = events[1].text.split('\n');
    expect(failure).toHaveLength(15);
    expect(failure.at(-1)).toBe('worker.errors.JobError: job 991 has a bad payload');
    expect(failure).toContain('');
    // A traceback printed without a log line of its own continues the line before it.
    expect(events[2].text.split('\n').at(-1)).toBe('KeyboardInterrupt');
  });

  it('keeps streams apart', () => {
    const joiner = new MultilineJoiner<string>();
    expect(joiner.push('a', 'ERROR boom', 'a1', 0)).toEqual([]);
    expect(joiner.push('b', 'INFO hello', 'b1', 0)).toEqual([]);
    expect(joiner.push('a', '\tat x.Y.z(Y.java:1)', 'a2', 0)).toEqual([]);
    expect(joiner.push('b', 'INFO next', 'b2', 0)).toEqual([{ stream: 'b', first: 'b1', text: 'INFO hello', lines: 1 }]);
    expect(joiner.endAll()).toEqual([
      { stream: 'a', first: 'a1', text: 'ERROR boom\n\tat x.Y.z(Y.java:1)', lines: 2 },
      { stream: 'b', first: 'b2', text: 'INFO next', lines: 1 },
    ]);
  });

  it('completes an event when its stream has been quiet for the flush time', () => {
    const joiner = new MultilineJoiner<number>({ flushMs: 1000 });
    joiner.push('s', 'ERROR boom', 1, 10_000);
    joiner.push('s', '\tat x.Y.z(Y.java:1)', 2, 10_400);
    expect(joiner.flushIdle(11_399)).toEqual([]);
    expect(joiner.flushIdle(11_400)).toEqual([{ stream: 's', first: 1, text: 'ERROR boom\n\tat x.Y.z(Y.java:1)', lines: 2 }]);
    expect(joiner.pendingStreams).toBe(0);
    // A continuation arriving after the flush starts an event of its own rather than being lost.
    joiner.push('s', '\tat late.Frame(F.java:2)', 3, 12_000);
    expect(joiner.end('s')).toEqual([{ stream: 's', first: 3, text: '\tat late.Frame(F.java:2)', lines: 1 }]);
  });

  it('cuts an event at the line and byte bounds, starting the next event with the line that did not fit', () => {
    const frames = Array.from({ length: 7 }, (_, i) => `\tat a.B.c${i}(B.java:${i})`);
    const byLines = joinAll(['ERROR boom', ...frames].join('\n'), new MultilineJoiner({ maxLines: 3 }));
    expect(byLines.map((event) => event.lines)).toEqual([3, 3, 2]);
    expect(byLines.map((event) => event.text).join('\n')).toBe(['ERROR boom', ...frames].join('\n'));
    const byBytes = joinAll(`ERROR ${'é'.repeat(10)}\n\tat a.B.c(B.java:1)`, new MultilineJoiner({ maxBytes: 30 }));
    expect(byBytes.map((event) => event.lines)).toEqual([1, 1]);
  });

  it('drops blank lines that no continuation follows', () => {
    expect(joinAll('INFO one\n\n\nINFO two\n').map((event) => event.text)).toEqual(['INFO one', 'INFO two']);
  });
});

describe('what continues an event', () => {
  it.each([
    ['an unindented frame', 'at com.acme.Cart.load(Cart.java:88)', true],
    ['elided frames', '... 12 more', true],
    ['a qualified exception under a message', 'java.lang.IllegalStateException: cart is locked', true],
    ['a Python frame written without indentation', 'File "/srv/app.py", line 3, in <module>', true],
    ['a sentence starting with "at"', 'at 17:00 the nightly job ran', false],
    ['an unqualified "Error:" line outside a traceback', 'Error: disk almost full', false],
    ['a dotted name that is not an exception', 'com.acme.Cart: 3 items', false],
    ['a new timestamped line', '2026-11-28 17:00:00.200 INFO next', false],
  ])('%s: %p -> %p', (_case, line, expected) => {
    const joiner = new MultilineJoiner<number>();
    joiner.push('s', '2026-11-28 17:00:00.100 ERROR something failed', 1, 0);
    expect(joiner.push('s', line, 2, 0).length === 0).toBe(expected);
  });

  it('ends a Python traceback at the exception line: the next unindented line is a new event', () => {
    const joiner = new MultilineJoiner<number>();
    for (const line of ['ERROR failed', 'Traceback (most recent call last):', '  File "a.py", line 1, in f', 'ValueError: bad']) joiner.push('s', line, 1, 0);
    expect(joiner.push('s', 'INFO: started again', 2, 0)).toEqual([
      { stream: 's', first: 1, text: 'ERROR failed\nTraceback (most recent call last):\n  File "a.py", line 1, in f\nValueError: bad', lines: 4 },
    ]);
  });
});
