/**
 * Sends each firing and resolution to the rule's receivers. Notices of one rule go out in order
 * (a resolution never overtakes its firing while that is being retried); different rules do not
 * wait for each other, and evaluation never waits for a receiver.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ApiMetrics } from '../metrics';
import type { Receiver } from './alert-rule';
import { webhookPayload, type AlertNotice } from './webhook-payload';
import type { DeliveryResult, WebhookSender } from './webhook-sender';

export interface NotificationRecord {
  status: AlertNotice['status'];
  /** When sending started, epoch ms. */
  atMs: number;
  /** `sending` until every receiver has answered or been given up on. */
  outcome: 'sending' | 'delivered' | 'failed';
  deliveries: readonly DeliveryResult[];
}

export class AlertNotifier {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly abandon = new AbortController();

  constructor(
    private readonly receivers: readonly Receiver[],
    private readonly sender: WebhookSender,
    private readonly metrics: ApiMetrics,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Queues a notice; `record` hears when sending starts and how it ended. No receivers: nothing. */
  notify(notice: AlertNotice, record: (result: NotificationRecord) => void): void {
    const targets = this.receivers.filter((receiver) => notice.rule.receivers.includes(receiver.name));
    if (targets.length === 0) return;
    const name = notice.rule.name;
    const queued = (this.queues.get(name) ?? Promise.resolve()).then(() => this.deliver(notice, targets, record));
    this.queues.set(name, queued);
    void queued.then(() => {
      if (this.queues.get(name) === queued) this.queues.delete(name);
    });
  }

  /** Waits up to `graceMs` for notices being sent, then abandons the rest, and closes connections. */
  async close(graceMs: number): Promise<void> {
    const timer = setTimeout(() => this.abandon.abort(new Error('the api stopped before the receiver answered')), graceMs);
    await Promise.all(this.queues.values());
    clearTimeout(timer);
    await this.sender.close();
  }

  private async deliver(notice: AlertNotice, targets: readonly Receiver[], record: (result: NotificationRecord) => void): Promise<void> {
    const atMs = Date.now();
    record({ status: notice.status, atMs, outcome: 'sending', deliveries: [] });
    const deliveries = await Promise.all(
      targets.map((receiver) => this.sender.send(receiver, webhookPayload(receiver.type, notice), this.abandon.signal)),
    );
    for (const delivery of deliveries) {
      this.metrics.alertNotifications.inc({ receiver: delivery.receiver, outcome: delivery.delivered ? 'delivered' : 'failed' });
      if (!delivery.delivered) {
        this.log.warn({ rule: notice.rule.name, receiver: delivery.receiver, status: notice.status }, 'alert notification not delivered: %s', delivery.error);
      }
    }
    const outcome = deliveries.every((delivery) => delivery.delivered) ? 'delivered' : 'failed';
    record({ status: notice.status, atMs, outcome, deliveries });
  }
}
