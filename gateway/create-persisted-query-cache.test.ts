import { createPersistedQueryCache } from './create-persisted-query-cache';

describe('createPersistedQueryCache', () => {
  it('returns what was stored and forgets what was deleted', async () => {
    const cache = createPersistedQueryCache(1000);
    await cache.set('a', '{ a }');
    await expect(cache.get('a')).resolves.toBe('{ a }');
    await expect(cache.delete('a')).resolves.toBe(true);
    await expect(cache.get('a')).resolves.toBeUndefined();
    await expect(cache.delete('a')).resolves.toBe(false);
  });

  it('drops the least recently used queries once the byte bound is passed', async () => {
    // Each entry is 1 + 9 = 10 bytes; three fit.
    const cache = createPersistedQueryCache(30);
    await cache.set('a', 'x'.repeat(9));
    await cache.set('b', 'x'.repeat(9));
    await cache.set('c', 'x'.repeat(9));
    await cache.get('a');
    await cache.set('d', 'x'.repeat(9));
    await expect(cache.get('b')).resolves.toBeUndefined();
    for (const key of ['a', 'c', 'd']) await expect(cache.get(key)).resolves.toBeDefined();
  });

  it('counts a replaced query once', async () => {
    const cache = createPersistedQueryCache(20);
    await cache.set('a', 'x'.repeat(9));
    await cache.set('a', 'y'.repeat(9));
    await cache.set('b', 'x'.repeat(9));
    await expect(cache.get('a')).resolves.toBe('y'.repeat(9));
    await expect(cache.get('b')).resolves.toBeDefined();
  });

  it('does not keep a query larger than the whole bound', async () => {
    const cache = createPersistedQueryCache(10);
    await cache.set('a', 'x'.repeat(5));
    await cache.set('b', 'x'.repeat(50));
    await expect(cache.get('b')).resolves.toBeUndefined();
    await expect(cache.get('a')).resolves.toBe('x'.repeat(5));
  });
});
