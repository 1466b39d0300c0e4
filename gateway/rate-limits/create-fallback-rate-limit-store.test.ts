import { Writable } from 'node:stream';
import { createLogger } from '../../subgraphs/kit/logger';
import { createFallbackRateLimitStore } from './create-fallback-rate-limit-store';
import { createMemoryRateLimitStore } from './create-memory-rate-limit-store';
import type { RateLimitStore } from './rate-limit-store';
import { RateLimitStoreError } from './rate-limit-store-error';

const LIMIT = { ratePerSecond: 1, burst: 2 };

function capture(): { lines: { msg: string; level: number }[]; destination: Writable } {
  const lines: { msg: string; level: number }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; level: number });
      done();
    },
  });
  return { lines, destination };
}

/** A shared store that answers from memory while `up`, and fails like an unreachable Redis. */
function createFlakyStore(now: () => number): RateLimitStore & { up: boolean; calls: number } {
  const inner = createMemoryRateLimitStore({ now });
  let failures = 0;
  const store = {
    up: true,
    calls: 0,
    async take(key: string, limit: typeof LIMIT) {
      store.calls += 1;
      if (!store.up) {
        failures += 1;
        throw new RateLimitStoreError('timeout');
      }
      return inner.take(key, limit);
    },
    getStatus: () => ({ store: 'redis' as const, fallback: false, failures }),
    close: async () => {},
  };
  return store;
}

describe('createFallbackRateLimitStore', () => {
  it('counts in this process while the shared store fails, tries it again after retryMs, and logs each change once', async () => {
    let now = 0;
    const shared = createFlakyStore(() => now);
    const { lines, destination } = capture();
    const store = createFallbackRateLimitStore({
      shared,
      local: createMemoryRateLimitStore({ now: () => now }),
      retryMs: 1000,
      now: () => now,
      logger: createLogger({ name: 'test', destination }),
    });
    const take = async (key: string): Promise<boolean> => (await store.take(key, LIMIT)).allowed;

    expect([await take('a'), await take('a'), await take('a')]).toEqual([true, true, false]);
    expect(store.getStatus()).toEqual({ store: 'redis', fallback: false, failures: 0 });

    shared.up = false;
    // The shared budget of 'a' is spent, but this process has its own: not refused for the
    // outage, still held to the limit.
    expect([await take('a'), await take('a'), await take('a')]).toEqual([true, true, false]);
    expect(store.getStatus()).toEqual({ store: 'redis', fallback: true, failures: 1 });
    // Only the first call went to the shared store; the rest waited for retryMs.
    expect(shared.calls).toBe(4);

    now = 999;
    await take('b');
    expect(shared.calls).toBe(4);
    now = 1000;
    await take('b');
    expect(shared.calls).toBe(5);
    expect(store.getStatus().failures).toBe(2);

    shared.up = true;
    now = 2000;
    expect(await take('c')).toBe(true);
    expect(shared.calls).toBe(6);
    expect(store.getStatus()).toEqual({ store: 'redis', fallback: false, failures: 2 });
    await take('c');
    expect(shared.calls).toBe(7);

    expect(lines.map((line) => line.msg)).toEqual([
      'rate limit store does not answer: counting in this process until it does',
      'rate limit store answers again: counting shared',
    ]);
  });
});
