/** Messages of the `payment` service: charges, refunds, declines, gateway timeouts. */
import type { SourceTemplates } from './template';
import { CURRENCIES, amount, latencyMs, orderId, slowLatencyMs, userId } from './vocabulary';

const GATEWAYS = ['stripe', 'adyen', 'braintree'] as const;
const DECLINES = ['insufficient_funds', 'card_expired', 'do_not_honor', 'suspected_fraud'] as const;

export const PAYMENT_TEMPLATES: SourceTemplates = {
  DEBUG: [
    (r) => {
      const order = orderId(r);
      return { message: `Computed tax for order ${order}`, attributes: { order_id: order, region: r.pick(['eu', 'us', 'apac']) } };
    },
  ],
  INFO: [
    (r) => {
      const [order, value, currency, gateway] = [orderId(r), amount(r), r.pick(CURRENCIES), r.pick(GATEWAYS)];
      return {
        message: `Charged ${value} ${currency} for order ${order} via ${gateway}`,
        attributes: {
          order_id: order, amount: value, currency, gateway, user_id: userId(r),
          latency_ms: String(latencyMs(r, 180)), status: '200',
        },
      };
    },
    (r) => {
      const [order, value, currency] = [orderId(r), amount(r), r.pick(CURRENCIES)];
      return {
        message: `Refunded ${value} ${currency} on order ${order}`,
        attributes: { order_id: order, amount: value, currency, status: '200' },
      };
    },
  ],
  WARNING: [
    (r) => {
      const [order, reason] = [orderId(r), r.pick(DECLINES)];
      return {
        message: `Card declined for order ${order}: ${reason}`,
        attributes: { order_id: order, decline_code: reason, user_id: userId(r), status: '402' },
      };
    },
    (r) => {
      const gateway = r.pick(GATEWAYS);
      const latency = String(slowLatencyMs(r, 800));
      return {
        message: `Gateway ${gateway} slow: ${latency} ms; retrying once`,
        attributes: { gateway, latency_ms: latency, status: '200' },
      };
    },
  ],
  ERROR: [
    (r) => {
      const [order, gateway] = [orderId(r), r.pick(GATEWAYS)];
      const latency = String(slowLatencyMs(r, 5_000));
      return {
        message: `Gateway timeout from ${gateway} after ${latency} ms for order ${order}`,
        attributes: { order_id: order, gateway, latency_ms: latency, status: '504' },
      };
    },
  ],
  CRITICAL: [
    (r) => {
      const gateway = r.pick(GATEWAYS);
      return {
        message: `Circuit breaker open for ${gateway}: payments are not being processed`,
        attributes: { gateway, status: '503' },
      };
    },
  ],
};
