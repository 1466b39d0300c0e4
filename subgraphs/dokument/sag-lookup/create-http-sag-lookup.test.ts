import {
  createHttpSagLookup,
  MINE_SAGER_ADGANG_QUERY,
  SAGER_ADGANG_QUERY,
} from './create-http-sag-lookup';

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

const OTHER = '7a2c9b3e-1e22-4b5e-8b64-d4d2d7b57f1f';

const SAG_ANSWER = {
  uuid: SAG,
  organisation: { uuid: 'org-1' },
  kleNummer: '02.34.02',
  ansvarligEnhed: { uuid: 'enhed-1' },
  foelsomhed: 'FORTROLIG',
  parter: [{ cpr: '1203654127' }, { cpr: null }],
};

const ATTRIBUTES = {
  organisation: 'org-1',
  kleNummer: '02.34.02',
  ansvarligEnhed: 'enhed-1',
  foelsomhed: 'FORTROLIG',
  cpr: ['1203654127'],
};

describe('createHttpSagLookup', () => {
  it("asks for every case in one call with the caller's token, answers aligned with the uuids", async () => {
    const { fetchImpl, calls } = fakeFetch(200, { data: { _entities: [null, SAG_ANSWER] } });
    const lookup = createHttpSagLookup({ url: 'http://sag/graphql', fetch: fetchImpl });
    expect(await lookup.findSager([OTHER, SAG], 'the-token')).toEqual([null, ATTRIBUTES]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://sag/graphql');
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer the-token' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      query: SAGER_ADGANG_QUERY,
      variables: {
        representations: [
          { __typename: 'Sag', uuid: OTHER },
          { __typename: 'Sag', uuid: SAG },
        ],
      },
    });
    // Nothing to ask: no call.
    expect(await lookup.findSager([], 't')).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('answers null for a case the caller may not see (FORBIDDEN), and keeps the others', async () => {
    const forbidden = { message: 'Not authorised', extensions: { code: 'FORBIDDEN' } };
    const cases: [unknown, (typeof ATTRIBUTES | null)[]][] = [
      [
        {
          data: { _entities: [null, SAG_ANSWER] },
          errors: [{ ...forbidden, path: ['_entities', 0, 'kleNummer'] }],
        },
        [null, ATTRIBUTES],
      ],
      [{ data: null, errors: [forbidden] }, [null, null]],
    ];
    for (const [body, expected] of cases) {
      const lookup = createHttpSagLookup({
        url: 'http://sag',
        fetch: fakeFetch(200, body).fetchImpl,
      });
      expect(await lookup.findSager([OTHER, SAG], 't')).toEqual(expected);
    }
  });

  it.each([
    ['a non-2xx answer', 502, { errors: [] }],
    [
      'another error',
      200,
      { data: { _entities: [null] }, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    ],
    [
      'an unexpected shape',
      200,
      { data: { _entities: [{ ...SAG_ANSWER, foelsomhed: 'HEMMELIG' }] } },
    ],
    ['an answer for another case', 200, { data: { _entities: [{ ...SAG_ANSWER, uuid: OTHER }] } }],
    ['too few answers', 200, { data: { _entities: [] } }],
  ])('fails closed on %s', async (_name, status, body) => {
    const lookup = createHttpSagLookup({
      url: 'http://sag',
      fetch: fakeFetch(status, body).fetchImpl,
    });
    await expect(lookup.findSager([SAG], 't')).rejects.toMatchObject({ code: 'SAG_LOOKUP_FAILED' });
  });

  it('fails closed when the sag subgraph cannot be reached', async () => {
    const lookup = createHttpSagLookup({
      url: 'http://sag',
      fetch: (() => Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch,
    });
    await expect(lookup.findSager([SAG], 't')).rejects.toMatchObject({ code: 'SAG_LOOKUP_FAILED' });
    await expect(lookup.findMineSager('1203654127', 't')).rejects.toMatchObject({
      code: 'SAG_LOOKUP_FAILED',
    });
  });

  it("pages through a citizen's own cases", async () => {
    const answers = [
      {
        data: {
          mineSager: { nodes: [SAG_ANSWER], pageInfo: { hasNextPage: true, endCursor: 'c1' } },
        },
      },
      {
        data: {
          mineSager: {
            nodes: [{ ...SAG_ANSWER, uuid: OTHER }],
            pageInfo: { hasNextPage: false, endCursor: 'c2' },
          },
        },
      },
    ];
    const bodies: unknown[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return Response.json(answers[bodies.length - 1]);
    }) as unknown as typeof fetch;
    const lookup = createHttpSagLookup({ url: 'http://sag', fetch: fetchImpl });
    const mine = await lookup.findMineSager('1203654127', 'citizen-token');
    expect([...mine.keys()]).toEqual([SAG, OTHER]);
    expect(mine.get(SAG)).toEqual(ATTRIBUTES);
    expect(bodies).toEqual([
      { query: MINE_SAGER_ADGANG_QUERY, variables: { after: null } },
      { query: MINE_SAGER_ADGANG_QUERY, variables: { after: 'c1' } },
    ]);
  });
});
