/**
 * Joins continuation lines that arrive as events of their own (a stack trace sent line by line
 * over TCP or syslog) to the event they continue, before the processing rules see it. Streams are
 * kept apart within one connection: a stream is the events of one source, host and producer.
 * From a continuation line only its message is kept, on a line of its own. An event with a seq
 * (a producer numbering its events) is always whole and passes on at once, so delivery audits
 * never miss a seq; so does one with a blank message. A waiting event completes when its stream sends a line that starts another
 * event, after MULTILINE_FLUSH_MS without a line, at the line and byte bounds, and when the
 * connection ends.
 */
import type { LogRow } from '@logline/log-schema';
import { MultilineJoiner, type JoinedEvent, type MultilineOptions } from '@logline/processing-rules';
import type { NormalisedEvent } from './accept-event';

export class EventJoiner {
  private readonly joiner: MultilineJoiner<NormalisedEvent>;
  private timer: NodeJS.Timeout | undefined;

  /**
   * `emit` takes completed events, in the order their first lines came; `afterIdle` runs after
   * the timer completed some (nothing else is coming to hand them to storage).
   */
  constructor(
    private readonly options: MultilineOptions,
    private readonly emit: (events: NormalisedEvent[]) => void,
    private readonly afterIdle: () => void,
  ) {
    this.joiner = new MultilineJoiner(options);
  }

  push(event: NormalisedEvent): void {
    const stream = streamOf(event.row);
    if (event.row.seq !== null || event.row.message.trim() === '') {
      this.emit([...this.joiner.end(stream).map(joinedEvent), event]);
      return;
    }
    const done = this.joiner.push(stream, event.row.message, event, Date.now());
    if (done.length > 0) this.emit(done.map(joinedEvent));
    this.watchIdle();
  }

  /** The connection ended: every waiting event completes. */
  end(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const done = this.joiner.endAll();
    if (done.length > 0) this.emit(done.map(joinedEvent));
  }

  /** While events wait, checks a few times per flush period for streams gone quiet. */
  private watchIdle(): void {
    if (this.timer !== undefined || this.joiner.pendingStreams === 0) return;
    this.timer = setInterval(() => {
      const done = this.joiner.flushIdle(Date.now());
      if (this.joiner.pendingStreams === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
      if (done.length === 0) return;
      this.emit(done.map(joinedEvent));
      this.afterIdle();
    }, Math.max(10, Math.ceil(this.options.flushMs / 4)));
    this.timer.unref();
  }
}

function streamOf(row: LogRow): string {
  return JSON.stringify([row.source, row.host, row.producer_id]);
}

/** The first line's event with the joined lines as its message. */
function joinedEvent({ first, text, lines }: JoinedEvent<NormalisedEvent>): NormalisedEvent {
  return lines === 1 ? first : { ...first, row: { ...first.row, message: text } };
}
