import { createHttpSagLookup, SAG_ADGANG_QUERY } from './create-http-sag-lookup';

const SAG = '6f1b8a2f-0d11-4d1a-9a53-c3c1c6a46f0e';

/** A fetch that answers `body` with `status`, recording what it was asked. */
function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const SAG_ANSWER = {
  organisation: { uuid: 'org-1' },
  kleNummer: '02.34.02',
  ansvarligEnhed: { uuid: 'enhed-1' },
  foelsomhed: 'FORTROLIG',
  parter: [{ cpr: '1203654127' }, { cpr: null }],
};

describe('createHttpSagLookup', () => {
  it("asks the sag subgraph with the caller's token and returns the case's access attributes", async () => {
    const { fetchImpl, calls } = fakeFetch(200, { data: { sag: SAG_ANSWER } });
    const lookup = createHttpSagLookup({ url: 'http://sag/graphql', fetch: fetchImpl });
    expect(await lookup.findSag(SAG, 'the-token')).toEqual({
      organisation: 'org-1',
      kleNummer: '02.34.02',
      ansvarligEnhed: 'enhed-1',
      foelsomhed: 'FORTROLIG',
      cpr: ['1203654127'],
    });
    expect(calls[0]?.url).toBe('http://sag/graphql');
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer the-token' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      query: SAG_ADGANG_QUERY,
      variables: { uuid: SAG },
    });
  });

  it('answers null for a missing case and for one the caller may not see', async () => {
    for (const body of [
      { data: { sag: null } },
      { data: null, errors: [{ message: 'Not authorised', extensions: { code: 'FORBIDDEN' } }] },
    ]) {
      const lookup = createHttpSagLookup({
        url: 'http://sag',
        fetch: fakeFetch(200, body).fetchImpl,
      });
      expect(await lookup.findSag(SAG, 't')).toBeNull();
    }
  });

  it.each([
    ['a non-2xx answer', 502, { errors: [] }],
    [
      'another error',
      200,
      { data: { sag: null }, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    ],
    ['an unexpected shape', 200, { data: { sag: { ...SAG_ANSWER, foelsomhed: 'HEMMELIG' } } }],
  ])('fails closed on %s', async (_name, status, body) => {
    const lookup = createHttpSagLookup({
      url: 'http://sag',
      fetch: fakeFetch(status, body).fetchImpl,
    });
    await expect(lookup.findSag(SAG, 't')).rejects.toMatchObject({ code: 'SAG_LOOKUP_FAILED' });
  });

  it('fails closed when the sag subgraph cannot be reached', async () => {
    const lookup = createHttpSagLookup({
      url: 'http://sag',
      fetch: (() => Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch,
    });
    await expect(lookup.findSag(SAG, 't')).rejects.toMatchObject({ code: 'SAG_LOOKUP_FAILED' });
  });
});
