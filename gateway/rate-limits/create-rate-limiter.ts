import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Caller } from '../../subgraphs/kit/auth/caller';
import { sendGraphQLError } from '../../subgraphs/kit/http/send-json';
import type { Logger } from '../../subgraphs/kit/logger';
import { getClientAddress } from './get-client-address';
import type { RateLimit, RateLimitDecision } from './rate-limit';
import type { RateLimitSettings } from './rate-limit-settings';
import type { RateLimitStore } from './rate-limit-store';
import { RateLimitedError, type RateLimitScope } from './rate-limited-error';

export interface RateLimiterOptions {
  settings: RateLimitSettings;
  store: RateLimitStore;
  /** The gateway's registry: the limiter's metrics are served with the rest at /metrics. */
  registry: Registry;
  logger: Logger;
}

export interface RateLimiter {
  /**
   * Checks the client address's budget, before the token is verified (so a flood of bad tokens
   * is held back too). Resolves false after answering 429 itself.
   */
  admitAddress(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Checks the verified caller's budget; anonymous callers have none. Resolves false after a 429. */
  admitCaller(caller: Caller, req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/**
 * What a budget is stored under: a hash, so neither a token subject nor an address (personal
 * data) sits in Redis, and no client-chosen text becomes part of a key.
 */
function getBudgetKey(scope: RateLimitScope, id: string): string {
  return `${scope}:${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
}

function getCallerId(caller: Caller): string | null {
  if (caller.kind === 'ANONYM') return null;
  return `${caller.kind}\u0000${caller.subject}`;
}

/**
 * Budgets per caller and per client address (GCRA, see applyGcra), kept in `store`. A request
 * over either budget is answered HTTP 429 with `Retry-After` (whole seconds) and one RATE_LIMITED
 * error, and goes no further. Feeds `gateway_rate_limited_total`, `gateway_rate_limit_fallback`
 * and `gateway_rate_limit_store_failures_total`.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { settings, store, logger } = options;
  const registers = [options.registry];
  const limited = new Counter({
    name: 'gateway_rate_limited_total',
    help: 'Requests refused with 429, by the budget that refused them (caller, address).',
    labelNames: ['scope'] as const,
    registers,
  });
  new Gauge({
    name: 'gateway_rate_limit_fallback',
    help: '1 while Redis does not answer and this gateway counts rate limits on its own.',
    registers,
    collect() {
      this.set(store.getStatus().fallback ? 1 : 0);
    },
  });
  new Counter({
    name: 'gateway_rate_limit_store_failures_total',
    help: 'Rate limit checks that Redis did not answer in time (counted in memory instead).',
    registers,
    collect() {
      this.reset();
      this.inc(store.getStatus().failures);
    },
  });

  const admit = async (
    scope: RateLimitScope,
    id: string,
    limit: RateLimit,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> => {
    let decision: RateLimitDecision;
    try {
      decision = await store.take(getBudgetKey(scope, id), limit);
    } catch (error) {
      // Rate limits protect the graph; they must never be what stops it.
      logger.error(
        { err: { type: error instanceof Error ? error.name : 'unknown' } },
        'rate limit check failed',
      );
      return true;
    }
    if (decision.allowed) return true;
    const refusal = new RateLimitedError(
      scope,
      Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
    );
    limited.inc({ scope });
    res.setHeader('retry-after', String(refusal.retryAfterSeconds));
    // The refused body is not read; the connection must not be reused for the rest of it.
    if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close');
    sendGraphQLError(res, refusal.status, refusal.code, refusal.message, refusal.details);
    return false;
  };

  return {
    admitAddress(req, res) {
      if (!settings.address) return Promise.resolve(true);
      return admit(
        'address',
        getClientAddress(req, settings.trustedProxies),
        settings.address,
        req,
        res,
      );
    },
    admitCaller(caller, req, res) {
      const id = getCallerId(caller);
      if (!settings.caller || id === null) return Promise.resolve(true);
      return admit('caller', id, settings.caller, req, res);
    },
  };
}
