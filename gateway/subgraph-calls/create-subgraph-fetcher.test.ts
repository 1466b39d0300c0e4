import { createSubgraphFetcher, type SubgraphFetcherOptions } from './create-subgraph-fetcher';
import { takeParsedResponseBody } from './parsed-response-body';
import { SubgraphCallError } from './subgraph-call-error';
import { OPERATION_KIND_HEADER } from './subgraph-request-init';
import type { SubgraphFetchEvent } from './subgraph-fetch-event';

const URL_B = 'http://b.test/graphql';
const QUERY = JSON.stringify({ query: '{ ting { id } }' });
const MUTATION = JSON.stringify({ query: 'mutation { maling(id: "1") }' });

type Answer = Response | Error | 'hang';

/** A fake fetch answering from a script, one entry per call (the last one repeats). */
function createFakeFetch(script: Answer[]): { fetch: typeof fetch; calls: RequestInit[] } {
  const calls: RequestInit[] = [];
  const fakeFetch: typeof fetch = async (_input, init) => {
    calls.push(init ?? {});
    const answer = script[Math.min(calls.length - 1, script.length - 1)];
    if (answer === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if (answer instanceof Error) throw answer;
    return answer?.clone() ?? new Response(null, { status: 599 });
  };
  return { fetch: fakeFetch, calls };
}

function json(status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ data: { ting: null } }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function setup(script: Answer[], overrides: Partial<SubgraphFetcherOptions> = {}) {
  const fake = createFakeFetch(script);
  const sleeps: number[] = [];
  const events: SubgraphFetchEvent[] = [];
  let time = 0;
  const fetcher = createSubgraphFetcher({
    serviceName: 'b',
    timeoutMs: 1000,
    maxResponseBytes: 1000,
    retries: 2,
    retryBaseDelayMs: 100,
    breaker: { failureThreshold: 100, resetMs: 1000 },
    fetch: fake.fetch,
    now: () => time,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onFetch: (event) => events.push(event),
    ...overrides,
  });
  return {
    fetcher,
    calls: fake.calls,
    sleeps,
    /** The outcome of each attempt, in order. */
    outcomes: () => events.map((event) => event.outcome),
    events,
    advance: (ms: number) => {
      time += ms;
    },
    send: (body = QUERY) => fetcher(URL_B, { method: 'POST', body }),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SubgraphCallError) return error.reason;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const refused = (): Error => new TypeError('fetch failed');

describe('createSubgraphFetcher', () => {
  it('passes the request on and returns the buffered answer, readable as JSON', async () => {
    const { fetcher, calls } = setup([json(200)]);
    const response = await fetcher(URL_B, {
      method: 'POST',
      headers: { 'x-request-id': 'r1' },
      body: QUERY,
    });
    expect([response.status, await response.json()]).toEqual([200, { data: { ting: null } }]);
    expect(new Headers(calls[0]?.headers).get('x-request-id')).toBe('r1');
  });

  it('fails with a timeout when the subgraph does not answer in time, without retrying', async () => {
    const { send, calls } = setup(['hang'], { timeoutMs: 20 });
    expect(await failureOf(send())).toBe('timeout');
    expect(calls).toHaveLength(1);
  });

  it('fails with a timeout when the body stalls after the headers', async () => {
    const stalled = new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
    const { send } = setup([stalled], { timeoutMs: 20 });
    expect(await failureOf(send())).toBe('timeout');
  });

  it('refuses a body above the cap, whether or not Content-Length announces it', async () => {
    const big = 'x'.repeat(1001);
    const announced = new Response(big, { headers: { 'content-length': '1001' } });
    const streamed = new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
    );
    expect(await failureOf(setup([announced]).send())).toBe('too-large');
    expect(await failureOf(setup([streamed]).send())).toBe('too-large');
    const atCap = JSON.stringify({ data: { ting: 'x'.repeat(1000 - 20) } });
    expect(atCap).toHaveLength(1000);
    expect((await setup([new Response(atCap)]).send()).status).toBe(200);
  });

  it('fails a 200 whose body is not a GraphQL response, without retrying, as a breaker failure', async () => {
    const html = new Response('<html><body>Bad gateway</body></html>', {
      headers: { 'content-type': 'text/html' },
    });
    const truncated = new Response('{"data":{"ting":', {
      headers: { 'content-type': 'application/json' },
    });
    for (const answer of [html, truncated, new Response('[]'), new Response('null')]) {
      const { send, calls, fetcher, outcomes } = setup([answer], {
        breaker: { failureThreshold: 1, resetMs: 1000 },
      });
      expect(await failureOf(send())).toBe('invalid-body');
      expect(calls).toHaveLength(1);
      expect(outcomes()).toEqual(['invalid_body']);
      expect(fetcher.getBreakerState()).toBe('open');
    }
  });

  it('reports each attempt with its outcome and duration, and skipped calls as breaker_open', async () => {
    let time = 0;
    const events: SubgraphFetchEvent[] = [];
    const fetcher = createSubgraphFetcher({
      serviceName: 'b',
      timeoutMs: 1000,
      maxResponseBytes: 1000,
      retries: 1,
      retryBaseDelayMs: 100,
      breaker: { failureThreshold: 1, resetMs: 1000 },
      fetch: async () => {
        time += 40;
        return json(500);
      },
      now: () => time,
      sleep: async () => undefined,
      onFetch: (event) => events.push(event),
    });
    const send = () => fetcher(URL_B, { method: 'POST', body: QUERY });
    await send();
    await failureOf(send());
    expect(events).toEqual([
      { serviceName: 'b', outcome: 'http_5xx', durationMs: 40 },
      { serviceName: 'b', outcome: 'http_5xx', durationMs: 40 },
      { serviceName: 'b', outcome: 'breaker_open', durationMs: 0 },
    ]);

    const mixed = setup([json(429), refused(), json(200)]);
    await mixed.send();
    expect(mixed.outcomes()).toEqual(['http_429', 'connection', 'ok']);
    const timedOut = setup(['hang'], { timeoutMs: 20 });
    await failureOf(timedOut.send());
    const tooLarge = setup([new Response('x'.repeat(1001))]);
    await failureOf(tooLarge.send());
    expect([...timedOut.outcomes(), ...tooLarge.outcomes()]).toEqual(['timeout', 'too_large']);
  });

  it('reports nothing for an attempt its own caller abandoned', async () => {
    const { fetcher, events } = setup(['hang']);
    const controller = new AbortController();
    const call = fetcher(URL_B, { method: 'POST', body: QUERY, signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeDefined();
    expect(events).toEqual([]);
  });

  it('retries a query on 5xx with growing jittered backoff and returns the last answer', async () => {
    const { send, calls, sleeps } = setup([json(503)]);
    expect((await send()).status).toBe(503);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([75, 150]);
  });

  it('retries a query after a refused connection and returns the recovered answer', async () => {
    const { send, calls } = setup([refused(), json(500), json(200)]);
    expect((await send()).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it('fails as unreachable once the retries are used up', async () => {
    const { send, calls } = setup([refused()]);
    expect(await failureOf(send())).toBe('unreachable');
    expect(calls).toHaveLength(3);
  });

  it('never retries a mutation', async () => {
    const failing = setup([json(500), json(200)]);
    expect((await failing.send(MUTATION)).status).toBe(500);
    expect(failing.calls).toHaveLength(1);
    const unreachable = setup([refused(), json(200)]);
    expect(await failureOf(unreachable.send(MUTATION))).toBe('unreachable');
    expect(unreachable.calls).toHaveLength(1);
  });

  it('does not retry a body it cannot read as a GraphQL query', async () => {
    const { send, calls } = setup([json(500)]);
    await send('not json');
    expect(calls).toHaveLength(1);
  });

  it('does not retry a client error other than 429', async () => {
    const { send, calls } = setup([json(400)]);
    expect((await send()).status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it('waits as long as Retry-After asks, and gives up when it asks for more than the cap', async () => {
    const honoured = setup([json(429, { 'retry-after': '1' }), json(200)]);
    expect((await honoured.send()).status).toBe(200);
    expect(honoured.sleeps).toEqual([1000]);
    const tooLong = setup([json(429, { 'retry-after': '5' })]);
    expect((await tooLong.send()).status).toBe(429);
    expect([tooLong.calls.length, tooLong.sleeps]).toEqual([1, []]);
  });

  it('opens the breaker after repeated failures and then fails fast without a call', async () => {
    const { send, calls } = setup([json(500)], {
      retries: 0,
      breaker: { failureThreshold: 2, resetMs: 1000 },
    });
    await send();
    await send();
    expect(await failureOf(send())).toBe('circuit-open');
    expect(calls).toHaveLength(2);
  });

  it('shows its breaker state: closed, open, half-open after the reset time, closed again', async () => {
    const { send, fetcher, advance } = setup([json(500), json(200)], {
      retries: 0,
      breaker: { failureThreshold: 1, resetMs: 1000 },
    });
    expect(fetcher.getBreakerState()).toBe('closed');
    await send();
    expect(fetcher.getBreakerState()).toBe('open');
    advance(1000);
    expect(fetcher.getBreakerState()).toBe('half-open');
    await send();
    expect(fetcher.getBreakerState()).toBe('closed');
  });

  it('half-opens after the reset time and closes when the trial call succeeds', async () => {
    const { send, calls, advance } = setup([json(500), json(500), json(200)], {
      retries: 0,
      breaker: { failureThreshold: 2, resetMs: 1000 },
    });
    await send();
    await send();
    advance(1000);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect(calls).toHaveLength(4);
  });

  it('re-opens when the trial call fails', async () => {
    const { send, calls, advance } = setup([refused()], {
      retries: 0,
      breaker: { failureThreshold: 1, resetMs: 1000 },
    });
    await failureOf(send());
    advance(1000);
    expect(await failureOf(send())).toBe('unreachable');
    expect(await failureOf(send())).toBe('circuit-open');
    expect(calls).toHaveLength(2);
  });
});

describe('createSubgraphFetcher with identical calls in flight', () => {
  /** A fetch whose answers come only when `answerAll` is called. */
  function createGatedFetch(): {
    fetch: typeof fetch;
    calls: RequestInit[];
    answerAll: () => void;
  } {
    const calls: RequestInit[] = [];
    const waiting: (() => void)[] = [];
    return {
      calls,
      fetch: async (_input, init) => {
        calls.push(init ?? {});
        await new Promise<void>((resolve) => waiting.push(resolve));
        return json(200);
      },
      answerAll: () => {
        for (const resolve of waiting.splice(0)) resolve();
      },
    };
  }

  function setupShared(overrides: Partial<SubgraphFetcherOptions> = {}) {
    const gated = createGatedFetch();
    const fetcher = createSubgraphFetcher({
      serviceName: 'b',
      timeoutMs: 10_000,
      maxResponseBytes: 10_000,
      retries: 2,
      retryBaseDelayMs: 100,
      breaker: { failureThreshold: 100, resetMs: 1000 },
      fetch: gated.fetch,
      ...overrides,
    });
    return { ...gated, fetcher };
  }

  const headersOf = (token: string, requestId: string) => ({
    authorization: `Bearer ${token}`,
    virkningstid: '2026-03-01T10:00:00.000Z',
    'x-request-id': requestId,
  });

  it('sends identical queries once and gives each caller its own copy of the answer', async () => {
    const { fetcher, calls, answerAll } = setupShared();
    const send = (requestId: string) =>
      fetcher(URL_B, { method: 'POST', headers: headersOf('t1', requestId), body: QUERY });
    const pending = [send('r1'), send('r2'), send('r3')];
    await new Promise((resolve) => setImmediate(resolve));
    answerAll();
    const responses = await Promise.all(pending);
    expect(calls).toHaveLength(1);
    const bodies = responses.map((response) => takeParsedResponseBody(response));
    expect(bodies).toEqual([1, 2, 3].map(() => ({ data: { ting: null } })));
    expect(bodies[0]).not.toBe(bodies[1]);
    // Once answered, the next identical query is sent again.
    const later = send('r4');
    await new Promise((resolve) => setImmediate(resolve));
    answerAll();
    await later;
    expect(calls).toHaveLength(2);
  });

  it('shares nothing between callers with other tokens, points in time or bodies', async () => {
    const { fetcher, calls, answerAll } = setupShared();
    const pending = [
      fetcher(URL_B, { method: 'POST', headers: headersOf('t1', 'r1'), body: QUERY }),
      fetcher(URL_B, { method: 'POST', headers: headersOf('t2', 'r2'), body: QUERY }),
      fetcher(URL_B, {
        method: 'POST',
        headers: { ...headersOf('t1', 'r3'), virkningstid: '2026-03-01T10:00:00.001Z' },
        body: QUERY,
      }),
      fetcher(URL_B, {
        method: 'POST',
        headers: headersOf('t1', 'r4'),
        body: JSON.stringify({ query: '{ ting { navn } }' }),
      }),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    answerAll();
    await Promise.all(pending);
    expect(calls).toHaveLength(4);
  });

  it('never shares a mutation, nor when sharing is switched off', async () => {
    const mutations = setupShared();
    const sendMutation = () =>
      mutations.fetcher(URL_B, { method: 'POST', headers: headersOf('t1', 'r'), body: MUTATION });
    const pendingMutations = [sendMutation(), sendMutation()];
    await new Promise((resolve) => setImmediate(resolve));
    mutations.answerAll();
    await Promise.all(pendingMutations);
    expect(mutations.calls).toHaveLength(2);

    const off = setupShared({ shareInFlight: false });
    const sendQuery = () =>
      off.fetcher(URL_B, { method: 'POST', headers: headersOf('t1', 'r'), body: QUERY });
    const pendingQueries = [sendQuery(), sendQuery()];
    await new Promise((resolve) => setImmediate(resolve));
    off.answerAll();
    await Promise.all(pendingQueries);
    expect(off.calls).toHaveLength(2);
  });
});

describe('createSubgraphFetcher and the operation kind the data source announces', () => {
  it('takes the kind from the header, removes it, and retries only a query', async () => {
    const asMutation = setup([json(503)]);
    const mutation = await asMutation.fetcher(URL_B, {
      method: 'POST',
      headers: { [OPERATION_KIND_HEADER]: 'mutation', 'x-request-id': 'r1' },
      // Read as a query, but the plan says mutation: the plan wins.
      body: QUERY,
    });
    expect(mutation.status).toBe(503);
    expect(asMutation.calls).toHaveLength(1);
    const sent = new Headers(asMutation.calls[0]?.headers);
    expect(sent.has(OPERATION_KIND_HEADER)).toBe(false);
    expect(sent.get('x-request-id')).toBe('r1');

    const asQuery = setup([json(503), json(200)]);
    const query = await asQuery.fetcher(URL_B, {
      method: 'POST',
      headers: { [OPERATION_KIND_HEADER]: 'query' },
      body: 'not even JSON: the kind comes from the plan',
    });
    expect(query.status).toBe(200);
    expect(asQuery.calls).toHaveLength(2);
  });

  it('hands the parsed body to the data source once, and still answers as text', async () => {
    const { send } = setup([json(200)]);
    const response = await send();
    expect(takeParsedResponseBody(response)).toEqual({ data: { ting: null } });
    expect(takeParsedResponseBody(response)).toBeUndefined();
    expect(await response.json()).toEqual({ data: { ting: null } });
  });
});
