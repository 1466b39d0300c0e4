import { createReadinessCheck } from './create-readiness-check';

const urls = { a: 'http://a.test/graphql', b: 'http://b.test/graphql' };

function fakeFetch(states: Record<string, number | 'down'>, calls: string[]): typeof fetch {
  return async (input) => {
    const url = String(input);
    calls.push(url);
    const state = states[new URL(url).hostname];
    if (state === 'down' || state === undefined) throw new TypeError('fetch failed');
    return new Response('{}', { status: state });
  };
}

describe('createReadinessCheck', () => {
  it("is ready when every subgraph's /ready answers 200", async () => {
    const calls: string[] = [];
    const check = createReadinessCheck({
      subgraphUrls: urls,
      fetch: fakeFetch({ 'a.test': 200, 'b.test': 200 }, calls),
    });
    await expect(check()).resolves.toEqual({ ready: true, subgraphs: { a: 'ready', b: 'ready' } });
    expect(calls.sort()).toEqual(['http://a.test/ready', 'http://b.test/ready']);
  });

  it('names the subgraphs that are not ready', async () => {
    const check = createReadinessCheck({
      subgraphUrls: urls,
      fetch: fakeFetch({ 'a.test': 503, 'b.test': 'down' }, []),
    });
    await expect(check()).resolves.toEqual({
      ready: false,
      subgraphs: { a: 'unavailable', b: 'unavailable' },
    });
  });

  it('reuses an answer for the cache time, then asks again', async () => {
    const calls: string[] = [];
    let time = 0;
    const check = createReadinessCheck({
      subgraphUrls: urls,
      cacheMs: 2000,
      now: () => time,
      fetch: fakeFetch({ 'a.test': 200, 'b.test': 200 }, calls),
    });
    await Promise.all([check(), check()]);
    time = 1999;
    await check();
    expect(calls).toHaveLength(2);
    time = 2000;
    await check();
    expect(calls).toHaveLength(4);
  });
});
