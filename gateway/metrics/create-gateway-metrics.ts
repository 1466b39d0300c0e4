import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitState } from '../../subgraphs/kit/create-circuit-breaker';
import { createLabelLimit } from '../../subgraphs/kit/metrics/create-label-limit';
import { collectProcessMetrics } from '../../subgraphs/kit/metrics/create-metrics-registry';
import { SLA_WINDOWS, type SlaRecorder, type SlaWindow } from '../status/create-sla-recorder';
import type { SubgraphFetchEvent } from '../subgraph-calls/subgraph-fetch-event';
import type { SupergraphStatus } from '../supergraph/supergraph-source';

/**
 * How a GraphQL request ended: `rejected` is a 4xx (authentication, a query limit, a document
 * that does not parse or validate), `error` a 5xx or an answer carrying at least one error
 * (partial data included), `ok` the rest.
 */
export type RequestOutcome = 'ok' | 'error' | 'rejected';

export interface GatewayRequestRecord {
  /**
   * The operation's name (a plain GraphQL name, see getOperationName), or undefined when the
   * request was refused before its body was read (no valid token).
   */
  operation: string | undefined;
  outcome: RequestOutcome;
  durationMs: number;
}

export interface GatewayMetricsOptions {
  /** Gives `subgraph_availability_ratio`. */
  sla: SlaRecorder;
  /** Each subgraph's breaker state now, read at every scrape. */
  getBreakerStates: () => Record<string, CircuitState>;
  /** Distinct operation names labelled before the rest become `other`. @default 100 */
  maxOperationNames?: number;
  /** The process's own metrics (CPU, memory, event loop, GC). @default true */
  processMetrics?: boolean;
  /** Gives `supergraph_reloads_total` and `supergraph_info`; read at every scrape. */
  getSupergraphStatus?: () => SupergraphStatus;
}

export interface GatewayMetrics {
  /** This gateway's own registry (never prom-client's global one: servers share a process). */
  registry: Registry;
  recordRequest(request: GatewayRequestRecord): void;
  recordFetch(event: SubgraphFetchEvent): void;
}

export const DEFAULT_MAX_OPERATION_NAMES = 100;

const BREAKER_STATE_VALUES: Record<CircuitState, number> = {
  closed: 0,
  open: 1,
  'half-open': 2,
};

/** Seconds; from a fast cached answer to the default subgraph timeout and beyond. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The gateway's Prometheus metrics, served at `/metrics`. */
export function createGatewayMetrics(options: GatewayMetricsOptions): GatewayMetrics {
  const registry = new Registry();
  const registers = [registry];
  const limitOperation = createLabelLimit(options.maxOperationNames ?? DEFAULT_MAX_OPERATION_NAMES);

  const requests = new Counter({
    name: 'gateway_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, error, rejected).',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to the end of its answer.',
    labelNames: ['operation'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const fetchDuration = new Histogram({
    name: 'subgraph_fetch_duration_seconds',
    help: 'Duration of each attempt sent to a subgraph, failed ones included.',
    labelNames: ['subgraph'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const fetchErrors = new Counter({
    name: 'subgraph_fetch_errors_total',
    help: 'Subgraph attempts without a usable answer, by kind (breaker_open: not sent at all).',
    labelNames: ['subgraph', 'kind'] as const,
    registers,
  });
  new Gauge({
    name: 'subgraph_breaker_state',
    help: "Each subgraph's circuit breaker: 0 closed, 1 open, 2 half-open.",
    labelNames: ['subgraph'] as const,
    registers,
    collect() {
      this.reset();
      for (const [subgraph, state] of Object.entries(options.getBreakerStates())) {
        this.set({ subgraph }, BREAKER_STATE_VALUES[state]);
      }
    },
  });
  new Gauge({
    name: 'subgraph_availability_ratio',
    help: 'Share of successful subgraph fetches over a rolling window (as in /status).',
    labelNames: ['subgraph', 'window'] as const,
    registers,
    collect() {
      this.reset();
      for (const [subgraph, windows] of Object.entries(options.sla.getReport().subgraphs)) {
        for (const window of Object.keys(SLA_WINDOWS) as SlaWindow[]) {
          const availability = windows[window].availability;
          // No fetches, no ratio: a missing series rather than a made-up 1 or 0.
          if (availability !== null) this.set({ subgraph, window }, availability);
        }
      }
    },
  });
  const { getSupergraphStatus } = options;
  if (getSupergraphStatus) {
    new Counter({
      name: 'supergraph_reloads_total',
      help: 'New supergraph versions taken into use (ok) or refused (failed) since start.',
      labelNames: ['outcome'] as const,
      registers,
      collect() {
        const { reloads } = getSupergraphStatus();
        this.reset();
        this.inc({ outcome: 'ok' }, reloads.ok);
        this.inc({ outcome: 'failed' }, reloads.failed);
      },
    });
    new Gauge({
      name: 'supergraph_info',
      help: 'The supergraph in use: 1, labelled with its SHA-256 hash.',
      labelNames: ['hash'] as const,
      registers,
      collect() {
        const { hash } = getSupergraphStatus();
        this.reset();
        if (hash !== null) this.set({ hash }, 1);
      },
    });
  }
  if (options.processMetrics ?? true) collectProcessMetrics(registry);

  return {
    registry,
    recordRequest({ operation, outcome, durationMs }) {
      // The two fixed labels do not count against the limit.
      const label =
        operation === undefined
          ? 'unknown'
          : operation === 'anonymous'
            ? operation
            : limitOperation(operation);
      requests.inc({ operation: label, outcome });
      requestDuration.observe({ operation: label }, durationMs / 1000);
    },
    recordFetch({ serviceName, outcome, durationMs }) {
      if (outcome !== 'ok') fetchErrors.inc({ subgraph: serviceName, kind: outcome });
      if (outcome !== 'breaker_open') {
        fetchDuration.observe({ subgraph: serviceName }, durationMs / 1000);
      }
    },
  };
}
