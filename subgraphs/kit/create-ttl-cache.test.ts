import { createTtlCache } from './create-ttl-cache';

describe('createTtlCache', () => {
  it('serves an entry until its time to live has passed', () => {
    let time = 0;
    const cache = createTtlCache<string>({ ttlMs: 1000, maxEntries: 10, now: () => time });
    cache.set('a', 'A');
    time = 999;
    expect(cache.get('a')).toBe('A');
    time = 1000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the least recently used entry beyond its size bound', () => {
    const cache = createTtlCache<string>({ ttlMs: 1000, maxEntries: 2 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([
      'A',
      undefined,
      'C',
      2,
    ]);
  });
});
