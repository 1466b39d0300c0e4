import { performance } from 'node:perf_hooks';
import { Histogram, type Registry } from 'prom-client';
import type {
  AppendInput,
  BitemporalStore,
  Data,
  PointInTime,
  SearchQuery,
} from '../store/bitemporal-store';

/** The store operations that are timed (the `operation` label). */
export type MeasuredStoreOperation =
  | 'findByIds'
  | 'search'
  | 'findHistory'
  | 'append'
  | 'nextSequence';

export interface MeasuredStore {
  /** The store, timing each measured call; everything else passes straight through. */
  store: BitemporalStore;
  /**
   * `store_operation_duration_seconds{service,operation}`, registered in no registry: add it to
   * the server's registry (`registry.registerMetric(histogram)`) once the server exists.
   */
  histogram: Histogram<'service' | 'operation'>;
}

/**
 * Wraps `store` so every call of a measured operation is timed, failed calls included. The
 * store is opened before the server that owns the metrics registry, hence the separate
 * registration; pass `registry` when it already exists.
 */
export function measureStore(
  store: BitemporalStore,
  options: { service: string; registry?: Registry },
): MeasuredStore {
  const histogram = new Histogram({
    name: 'store_operation_duration_seconds',
    help: 'Time spent in store calls, by operation.',
    labelNames: ['service', 'operation'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: options.registry ? [options.registry] : [],
  });
  async function time<T>(operation: MeasuredStoreOperation, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      histogram.observe(
        { service: options.service, operation },
        (performance.now() - started) / 1000,
      );
    }
  }
  return {
    histogram,
    store: {
      append: <T extends Data>(input: AppendInput<T>) => time('append', () => store.append(input)),
      findByIds: <T extends Data>(type: string, uuids: readonly string[], at: PointInTime) =>
        time('findByIds', () => store.findByIds<T>(type, uuids, at)),
      search: <T extends Data>(query: SearchQuery) => time('search', () => store.search<T>(query)),
      findHistory: <T extends Data>(type: string, uuid: string) =>
        time('findHistory', () => store.findHistory<T>(type, uuid)),
      nextSequence: (name) => time('nextSequence', () => store.nextSequence(name)),
      ping: () => store.ping(),
      close: () => store.close(),
    },
  };
}
