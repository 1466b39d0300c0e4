/** Why one subgraph fetch gave no usable answer; the names are the metrics' `kind` labels. */
export const SUBGRAPH_FETCH_FAILURES = [
  'timeout',
  'connection',
  'http_5xx',
  'http_429',
  'too_large',
  'invalid_body',
  'breaker_open',
] as const;

export type SubgraphFetchFailure = (typeof SUBGRAPH_FETCH_FAILURES)[number];

export type SubgraphFetchOutcome = 'ok' | SubgraphFetchFailure;

/**
 * One attempt at a subgraph: each HTTP request sent (a retried query gives one event per
 * attempt), or a call an open breaker refused without sending anything (`breaker_open`,
 * duration 0). An attempt the gateway's own caller abandoned gives no event: it says nothing
 * about the subgraph.
 */
export interface SubgraphFetchEvent {
  serviceName: string;
  outcome: SubgraphFetchOutcome;
  /** From sending the request to the last byte of the answer (or the failure). */
  durationMs: number;
}

/** Told of every attempt as it ends. Called synchronously on the request path: keep it cheap. */
export type SubgraphFetchObserver = (event: SubgraphFetchEvent) => void;
