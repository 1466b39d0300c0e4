import { collectDefaultMetrics, Registry } from 'prom-client';

/** A metric every collectDefaultMetrics call registers; its presence means "already collected". */
const PROCESS_METRIC = 'process_cpu_user_seconds_total';

/**
 * Adds the process metrics (CPU, memory, event loop lag, GC, handles) to `registry`, once: a
 * second call for the same registry does nothing (prom-client would throw on the duplicate).
 */
export function collectProcessMetrics(registry: Registry): void {
  if (registry.getSingleMetric(PROCESS_METRIC)) return;
  collectDefaultMetrics({ register: registry });
}

/**
 * A registry of one server's own, with the process metrics. Never prom-client's global default
 * registry: several servers share a process in tests, and each must report only its own counts.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectProcessMetrics(registry);
  return registry;
}
