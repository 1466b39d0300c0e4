export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Failed calls in a row that open the circuit. */
  failureThreshold: number;
  /** Time the circuit stays open before a single trial call is let through. */
  resetMs: number;
  /** @default Date.now */
  now?: () => number;
}

export interface CircuitBreaker {
  /** Whether a call may go out now; while half-open, only the one trial call may. */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  /** Gives back a permit without a verdict (the caller gave up), freeing the trial slot. */
  release(): void;
  getState(): CircuitState;
}

/**
 * Fails fast on a dependency that keeps failing: `failureThreshold` failures in a row open the
 * circuit for `resetMs`; then one trial call closes it again, or re-opens it by failing.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failuresInRow = 0;
  let openUntil: number | null = null;
  let trialOut = false;

  const getState = (): CircuitState => {
    if (openUntil === null) return 'closed';
    return now() < openUntil ? 'open' : 'half-open';
  };

  return {
    getState,
    tryAcquire() {
      const state = getState();
      if (state === 'closed') return true;
      if (state === 'open' || trialOut) return false;
      trialOut = true;
      return true;
    },
    recordSuccess() {
      failuresInRow = 0;
      openUntil = null;
      trialOut = false;
    },
    recordFailure() {
      failuresInRow += 1;
      if (trialOut || failuresInRow >= options.failureThreshold) {
        openUntil = now() + options.resetMs;
      }
      trialOut = false;
    },
    release() {
      trialOut = false;
    },
  };
}
