/** How the gateway calls each subgraph. */
export interface SubgraphCallSettings {
  /** Per attempt, from sending the request to the last byte of the answer. @default 5000 */
  timeoutMs: number;
  /** Largest answer body accepted. @default 10 MiB */
  maxResponseBytes: number;
  /** Extra attempts for a query (never a mutation) on a connection error, 5xx or 429. @default 2 */
  retries: number;
  /** First backoff; doubles per retry, with jitter. @default 100 */
  retryBaseDelayMs: number;
  /** Longest wait before a retry; a longer Retry-After fails the call instead. @default 1000 */
  maxRetryDelayMs: number;
  /** Failed calls in a row that open a subgraph's circuit breaker. @default 5 */
  breakerFailureThreshold: number;
  /** How long an open breaker fails fast before one trial call. @default 30000 */
  breakerResetMs: number;
}

export const DEFAULT_SUBGRAPH_CALL_SETTINGS: SubgraphCallSettings = {
  timeoutMs: 5000,
  maxResponseBytes: 10 * 1024 * 1024,
  retries: 2,
  retryBaseDelayMs: 100,
  maxRetryDelayMs: 1000,
  breakerFailureThreshold: 5,
  breakerResetMs: 30_000,
};
