import { createMemoryRateLimitStore } from './create-memory-rate-limit-store';

const LIMIT = { ratePerSecond: 1, burst: 2 };

describe('createMemoryRateLimitStore', () => {
  it('keeps one budget per key, on its clock', async () => {
    let now = 0;
    const store = createMemoryRateLimitStore({ now: () => now });
    const take = async (key: string): Promise<boolean> => (await store.take(key, LIMIT)).allowed;
    expect([await take('a'), await take('a'), await take('a')]).toEqual([true, true, false]);
    expect(await take('b')).toBe(true);
    expect(await store.take('a', LIMIT)).toEqual({ allowed: false, retryAfterMs: 1000 });
    now = 1000;
    expect([await take('a'), await take('a')]).toEqual([true, false]);
    expect(store.getStatus()).toEqual({ store: 'memory', fallback: false, failures: 0 });
  });

  it('forgets the key checked longest ago when it holds maxKeys', async () => {
    const store = createMemoryRateLimitStore({ now: () => 0, maxKeys: 2 });
    const take = async (key: string): Promise<boolean> => (await store.take(key, LIMIT)).allowed;
    for (const key of ['a', 'a', 'b', 'b']) await take(key);
    expect([await take('a'), await take('b')]).toEqual([false, false]);
    // A third key pushes out the one checked longest ago ('a'), whose budget starts afresh.
    expect(await take('c')).toBe(true);
    expect(await take('a')).toBe(true);
  });

  it('drops keys whose budget is full again before it forgets one that still holds a caller back', async () => {
    let now = 0;
    const store = createMemoryRateLimitStore({ now: () => now, maxKeys: 3 });
    const slow = { ratePerSecond: 0.001, burst: 1 };
    const take = async (key: string, limit = LIMIT): Promise<boolean> =>
      (await store.take(key, limit)).allowed;
    expect([await take('held', slow), await take('held', slow)]).toEqual([true, false]);
    await take('quiet-1');
    await take('quiet-2');
    now = 10_000;
    // The quiet keys' budgets are full again: they go, and 'held' (checked longest ago, but still
    // over its budget) stays.
    await take('busy-1');
    await take('busy-2');
    expect(await take('held', slow)).toBe(false);
  });
});
