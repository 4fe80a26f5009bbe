/**
 * Which lines continue the event before them rather than start a new one: the lines of Java and
 * Python stack traces, as loggers print them after the message they belong to.
 */

/** Where a Python traceback within the current event stands. */
export type TracebackState = 'none' | 'frames' | 'exception';

const INDENTED = /^[ \t]+\S/;
/** A Java stack frame (`at a.B.c(B.java:1)`) or elided frames (`... 12 more`) without indentation. */
const JAVA_FRAME = /^(?:at [\w$.<>/-]+\(|\.\.\. \d+ (?:more|common frames omitted)$)/;
const CAUSED_BY = /^(?:Caused by|Suppressed): /;
/** `java.lang.IllegalStateException: boom`, the line naming the exception under a message. */
const JAVA_EXCEPTION = /^(?:[A-Za-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::\s.*)?$/;
const TRACEBACK = /^Traceback \(most recent call last\):$/;
const PYTHON_FRAME = /^File "[^"]*", line \d+/;
/** `ValueError: bad`, `KeyboardInterrupt`, `requests.exceptions.HTTPError: 500`. */
const PYTHON_EXCEPTION = /^[A-Za-z_][\w.]*(?::.*)?$/;
/** Between chained exceptions ("During handling of the above exception, ..."). */
const PYTHON_CHAIN = /^(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)$/;

export interface LineVerdict {
  continues: boolean;
  /** The traceback state after this line. */
  traceback: TracebackState;
}

/** Whether `line` (not blank) continues an event whose traceback state is `traceback`. */
export function judgeLine(line: string, traceback: TracebackState): LineVerdict {
  if (TRACEBACK.test(line)) return { continues: true, traceback: 'frames' };
  if (INDENTED.test(line) || PYTHON_FRAME.test(line)) return { continues: true, traceback };
  // The first unindented line after a traceback's frames names the exception and ends it.
  if (traceback === 'frames' && PYTHON_EXCEPTION.test(line)) return { continues: true, traceback: 'exception' };
  if (traceback === 'exception' && PYTHON_CHAIN.test(line)) return { continues: true, traceback };
  const java = JAVA_FRAME.test(line) || CAUSED_BY.test(line) || JAVA_EXCEPTION.test(line);
  return { continues: java, traceback: java ? traceback : 'none' };
}
