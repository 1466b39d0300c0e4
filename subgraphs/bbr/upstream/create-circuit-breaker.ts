export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one trial call may go through. */
  resetMs: number;
  /** @default Date.now */
  now?: () => number;
}

export interface CircuitBreaker {
  /** True when a call may go out; in half-open state only one trial call at a time. */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  getState(): CircuitState;
}

/**
 * Stops calling an upstream that keeps failing: after `failureThreshold` consecutive failures
 * calls fail fast for `resetMs`, then one trial call decides whether it closes again.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  function getState(): CircuitState {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= options.resetMs ? 'half-open' : 'open';
  }

  return {
    tryAcquire() {
      const state = getState();
      if (state === 'closed') return true;
      if (state === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    recordSuccess() {
      failures = 0;
      openedAt = null;
      trialInFlight = false;
    },
    recordFailure() {
      failures += 1;
      // A failed trial re-opens at once; otherwise the threshold decides.
      if (trialInFlight || failures >= options.failureThreshold) openedAt = now();
      trialInFlight = false;
    },
    getState,
  };
}
