import { createTtlCache } from './create-ttl-cache';

describe('createTtlCache', () => {
  it('forgets an entry once its time is up', () => {
    let now = 1000;
    const cache = createTtlCache<string>({ ttlMs: 100, maxEntries: 10, now: () => now });
    cache.set('a', 'A');
    now = 1099;
    expect(cache.get('a')).toBe('A');
    now = 1100;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when full, counting a rewrite as new', () => {
    const cache = createTtlCache<number>({ ttlMs: 1000, maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4]);
  });
});
