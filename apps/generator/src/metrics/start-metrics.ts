/** `--metrics-port`: creates the registry and serves it, or nothing when the flag is absent. */
import type { GeneratorConfig } from '../config';
import { StartupError } from '../run-generator';
import { createGeneratorMetrics, type DeliveryObserver } from './generator-metrics';
import { serveMetrics } from './metrics-server';

/** The observer that feeds the served counters; `announce` hears the URL once it is bound. */
export async function startMetrics(config: GeneratorConfig, announce: (line: string) => void): Promise<DeliveryObserver | undefined> {
  if (!config.metrics) return undefined;
  const { host, port } = config.metrics;
  const metrics = createGeneratorMetrics();
  try {
    const server = await serveMetrics(metrics.registry, host, port);
    announce(`generator: metrics on ${server.url}`);
  } catch (error) {
    throw new StartupError(`cannot serve metrics on ${host}:${port}: ${(error as Error).message}`);
  }
  return metrics.observer;
}
