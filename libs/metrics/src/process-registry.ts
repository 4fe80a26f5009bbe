/** A Prometheus registry holding Node's process metrics, under names promtool accepts. */
import { Registry, collectDefaultMetrics } from 'prom-client';

// prom-client's defaults name three gauges *_total, which promtool rejects as counter names.
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

export function createProcessRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
  return registry;
}
