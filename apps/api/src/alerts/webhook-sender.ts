/**
 * POSTs JSON to webhook receivers through undici's RetryAgent: network errors, 429 and 5xx are
 * retried with exponential backoff (honouring Retry-After); any other answer is final. 2xx means
 * delivered.
 */
import { Agent, RetryAgent, request } from 'undici';
import type { Receiver } from './alert-rule';

export interface WebhookSenderOptions {
  /** Longest wait for one attempt's answer, ms. */
  timeoutMs: number;
  /** Attempts after the first. */
  maxRetries: number;
  /** Wait before the first retry, ms; each further retry waits twice as long (at most 30 s). */
  firstRetryDelayMs: number;
}

export interface DeliveryResult {
  receiver: string;
  delivered: boolean;
  /** The receiver's last HTTP status, when it answered. */
  status?: number;
  /** Why it was not delivered. */
  error?: string;
}

export class WebhookSender {
  private readonly dispatcher: RetryAgent;

  constructor(options: WebhookSenderOptions) {
    const agent = new Agent({ headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs, connectTimeout: options.timeoutMs });
    this.dispatcher = new RetryAgent(agent, {
      maxRetries: options.maxRetries,
      minTimeout: options.firstRetryDelayMs,
      maxTimeout: 30_000,
      timeoutFactor: 2,
      // Receivers de-duplicate nothing, but a lost notification is worse than a repeated one.
      methods: ['POST'],
      statusCodes: [429, 500, 502, 503, 504],
    });
  }

  async send(receiver: Receiver, payload: unknown, signal: AbortSignal): Promise<DeliveryResult> {
    try {
      const response = await request(receiver.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'logline-alerts' },
        body: JSON.stringify(payload),
        dispatcher: this.dispatcher,
        signal,
      });
      await response.body.dump();
      const delivered = response.statusCode >= 200 && response.statusCode < 300;
      return { receiver: receiver.name, delivered, status: response.statusCode, error: delivered ? undefined : `answered HTTP ${response.statusCode}` };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const reason = status ? `answered HTTP ${status} to every attempt` : (error as Error).message;
      return { receiver: receiver.name, delivered: false, status, error: reason };
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
