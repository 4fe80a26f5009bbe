/**
 * The generator's Prometheus registry (served by --metrics-port): events sent, acknowledged and
 * failed, delivery retries, events in flight, and the process's own metrics.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import { createProcessRegistry } from '@logline/metrics';

/** What producers and transports report as deliveries progress. */
export interface DeliveryObserver {
  /** Events handed to the target. */
  sent(events: number): void;
  /** A batch's delivery ended: how many of its events were acknowledged and how many failed. */
  settled(acked: number, failed: number): void;
  /** A batch is being sent again (an HTTP retry, or a TCP rewrite after a failed connection). */
  retried(): void;
}

export interface GeneratorMetrics {
  registry: Registry;
  observer: DeliveryObserver;
}

export function createGeneratorMetrics(): GeneratorMetrics {
  const registry = createProcessRegistry();
  const registers = [registry];
  const sent = new Counter({ name: 'logline_generator_events_sent_total', help: 'Events handed to the target (resent spooled ones included).', registers });
  const acked = new Counter({ name: 'logline_generator_events_acked_total', help: 'Events the target confirmed it stored.', registers });
  const failed = new Counter({
    name: 'logline_generator_events_failed_total',
    help: 'Events refused by the target or never confirmed before the retry deadline.',
    registers,
  });
  const retries = new Counter({ name: 'logline_generator_retries_total', help: 'Batches sent again after a failed attempt.', registers });
  const inFlight = new Gauge({ name: 'logline_generator_events_in_flight', help: 'Events sent and not yet acknowledged or failed.', registers });
  return {
    registry,
    observer: {
      sent: (events) => {
        sent.inc(events);
        inFlight.inc(events);
      },
      settled: (ackedEvents, failedEvents) => {
        acked.inc(ackedEvents);
        failed.inc(failedEvents);
        inFlight.dec(ackedEvents + failedEvents);
      },
      retried: () => retries.inc(),
    },
  };
}
