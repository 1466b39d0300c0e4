import type { JWTPayload } from 'jose';
import { getDevProfileClaims, type DevProfileName } from '../scripts/dev-issuer/dev-profiles';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { SEED_KLE, SEED_PARTER } from '../subgraphs/sag/seed/seed-sag-data';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { startGraph, type StartedGraph } from './start-graph';

jest.setTimeout(120_000);

const JAMMERBUGT = '29189625';
const BROENDERSLEV = '29189501';
const jammerbugt = SEED_IDS.jammerbugt;
/** Jammerbugt's seeded cases: 1, 2 and 5 are building permits (02.34.02) in Byg og Miljø, 3 is
 * a child welfare case (27.24.03, FOELSOM) in Familieafdelingen, 4 a tax complaint, 6 an access
 * request. Karen (1203654127) is the applicant of 1 and 5. */
const sag = (n: number): string => getSeedSagUuid('0849', n);
const KAREN = '1203654127';
const SEED_CPR = Object.values(SEED_PARTER).flatMap((parter) =>
  Object.values(parter).flatMap((part: { cpr?: string | null }) => (part.cpr ? [part.cpr] : [])),
);

interface SagNodes {
  totalCount: number;
  nodes: { uuid: string }[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

describe('who may see what, through the whole graph', () => {
  let graph: StartedGraph;
  const tokens: string[] = [];
  const tokenFor = async (claims: JWTPayload | DevProfileName): Promise<string> => {
    const token = await graph.sign(
      typeof claims === 'string' ? getDevProfileClaims(claims) : claims,
    );
    tokens.push(token);
    return token;
  };
  const caseWorker = (groups: Record<string, unknown>[]): JWTPayload => ({
    sub: `test-${tokens.length}`,
    privilegier: groups,
  });

  beforeAll(async () => {
    // The full KLE, so cases can be filed under subjects the seed does not use (32.*).
    graph = await startGraph({ fullKle: true });
  });
  afterAll(() => graph.stop());

  it('gives a restricted case worker exactly the permitted cases, counted and paged as such', async () => {
    const token = await tokenFor('sagsbehandler');
    const { body } = await graph.query('{ sager(first: 100) { totalCount nodes { uuid } } }', {
      token,
    });
    expect(body.errors).toBeUndefined();
    const sager = body.data?.sager as SagNodes;
    expect(sager.totalCount).toBe(3);
    expect(sager.nodes.map((n) => n.uuid).sort()).toEqual([sag(1), sag(2), sag(5)].sort());

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const response = await graph.query(
        'query ($after: String) { sager(first: 1, after: $after) { totalCount nodes { uuid } pageInfo { hasNextPage endCursor } } }',
        { token, variables: { after } },
      );
      const connection = response.body.data?.sager as SagNodes;
      expect(connection.totalCount).toBe(3);
      seen.push(...connection.nodes.map((n) => n.uuid));
      if (!connection.pageInfo?.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([sag(1), sag(2), sag(5)].sort());
  });

  it('filters organisationEnhed { sager } by the caller, not only the root lists', async () => {
    const query = `query ($uuid: ID!) {
      organisationEnhed(uuid: $uuid) { sager(inkluderUnderenheder: true, first: 100) { totalCount nodes { uuid } } }
    }`;
    const variables = { uuid: jammerbugt.enheder.kommune };
    const all = await graph.query(query, { variables });
    expect((all.body.data?.organisationEnhed as { sager: SagNodes }).sager.totalCount).toBe(6);

    for (const [profile, expected] of [
      ['sagsbehandler', [sag(1), sag(2), sag(5)]],
      ['boernesag', [sag(3)]],
    ] as const) {
      const { body } = await graph.query(query, { variables, token: await tokenFor(profile) });
      expect(body.errors).toBeUndefined();
      const { sager } = body.data?.organisationEnhed as { sager: SagNodes };
      expect(sager.totalCount).toBe(expected.length);
      expect(sager.nodes.map((n) => n.uuid).sort()).toEqual([...expected].sort());
    }
  });

  it('answers a direct _entities call for a case outside KLE, unit, sensitivity or municipality as if it were missing', async () => {
    const entities = async (token: string | null, uuid: string) => {
      const response = await fetch(graph.subgraphUrls.sag, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Sag { titel parter { cpr } } } }`,
          variables: { r: [{ __typename: 'Sag', uuid }] },
        }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const missing = '00000000-0000-4000-8000-000000000000';
    const outside: [string, JWTPayload, string][] = [
      ['KLE', getDevProfileClaims('sagsbehandler'), sag(3)],
      [
        'unit',
        caseWorker([
          {
            cvr: JAMMERBUGT,
            roller: ['sag:laes'],
            kle: ['02.*'],
            enheder: [jammerbugt.enheder.familieafdelingen],
          },
        ]),
        sag(1),
      ],
      [
        'sensitivity',
        caseWorker([
          { cvr: JAMMERBUGT, roller: ['sag:laes'], kle: ['27.*'], foelsomhed: 'FORTROLIG' },
        ]),
        sag(3),
      ],
      ['municipality', caseWorker([{ cvr: BROENDERSLEV, roller: ['sag:laes'] }]), sag(1)],
    ];
    for (const [, claims, uuid] of outside) {
      const token = await tokenFor(claims);
      const denied = await entities(token, uuid);
      expect(denied).toEqual({ status: 200, body: { data: { _entities: [null] } } });
      expect(await entities(token, missing)).toEqual(denied);
    }
    // The same callers do see what their groups cover, so the nulls above are decisions.
    const allowed = await entities(await tokenFor('sagsbehandler'), sag(1));
    expect(allowed.body).toMatchObject({
      data: { _entities: [{ titel: expect.stringContaining('tilbygning') }] },
    });
    expect((await entities(null, sag(1))).status).toBe(401);

    // Each refusal of an existing case is in the access log, with the case and its parties.
    const { records } = await graph.auditLogs.sag.search({ cpr: KAREN, first: 100 });
    expect(
      records.filter((r) => r.udfald === 'AFVIST' && r.objekter.includes(sag(1))),
    ).toHaveLength(2);
  });

  it('keeps restrictions within their group: {read, 32.*, X} and {write, 27.*, Y} never write 27.* in X', async () => {
    // KLE 32.00.24 (Feriepenge), from KL's KLE; the seed has no 32.* case, so one is filed here.
    const feriepenge = { uuid: 'd55aad3d-dcf7-4eeb-91ab-dc2ebfea07d6', nummer: '32.00.24' };
    const x = jammerbugt.enheder.oekonomi;
    const y = jammerbugt.enheder.boernOgFamilie;
    const token = await tokenFor(
      caseWorker([
        { cvr: JAMMERBUGT, roller: ['sag:laes'], kle: ['32.*'], enheder: [x] },
        { cvr: JAMMERBUGT, roller: ['sag:skriv'], kle: ['27.*'], enheder: [y] },
      ]),
    );
    const create = (
      kle: { uuid: string; nummer: string },
      ansvarligEnhed: string,
      as: string | undefined,
    ) =>
      graph.query(`mutation ($input: OpretSagInput!) { opretSag(input: $input) { uuid } }`, {
        token: as,
        variables: {
          input: {
            organisation: jammerbugt.organisation,
            titel: 'Prøve',
            kle: kle.uuid,
            kleNummer: kle.nummer,
            ansvarligEnhed,
            parter: [],
          },
        },
      });
    const filed = await create(feriepenge, jammerbugt.enheder.ejendomsskat, undefined);
    const { uuid } = filed.body.data?.opretSag as { uuid: string };

    // Writing a 27.* case in X: the read group covers X, the write group covers 27.*; merged,
    // they would allow it, and that is exactly what must not happen.
    const denied = await create(SEED_KLE.boernefagligUndersoegelse, x, token);
    expect(denied.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'FORBIDDEN', serviceName: 'sag' } }),
    ]);
    // Reading the 32.* case in X (Ejendomsskat is below Økonomi) is what the read group grants.
    const read = await graph.query(`query ($uuid: ID!) { sag(uuid: $uuid) { uuid } }`, {
      token,
      variables: { uuid },
    });
    expect(read.body.data?.sag).toEqual({ uuid });
    // And the write group does write 27.* in Y, so the refusal above is the groups kept apart.
    const allowed = await create(
      SEED_KLE.boernefagligUndersoegelse,
      jammerbugt.enheder.familieafdelingen,
      token,
    );
    expect(allowed.body.errors).toBeUndefined();
  });

  it("shows a citizen their own cases, no other party's CPR, and who opened them", async () => {
    // A case worker opens Karen's case first; she must be able to see that afterwards.
    const mette = await tokenFor('sagsbehandler');
    const opened = await graph.query(`query ($uuid: ID!) { sag(uuid: $uuid) { titel } }`, {
      token: mette,
      variables: { uuid: sag(1) },
    });
    expect(opened.body.data?.sag).not.toBeNull();

    const karen = await tokenFor('borger');
    const mine = await graph.query(
      '{ mineSager(first: 100) { totalCount nodes { uuid parter { cpr navn } dokumenter { totalCount } } } }',
      { token: karen },
    );
    expect(mine.body.errors).toBeUndefined();
    const sager = mine.body.data?.mineSager as {
      totalCount: number;
      nodes: {
        uuid: string;
        parter: { cpr: string | null }[];
        dokumenter: { totalCount: number };
      }[];
    };
    expect(sager.totalCount).toBe(2);
    expect(sager.nodes.map((n) => n.uuid).sort()).toEqual([sag(1), sag(5)].sort());
    for (const node of sager.nodes) {
      for (const part of node.parter) expect([KAREN, null]).toContain(part.cpr);
      expect(node.dokumenter.totalCount).toBeGreaterThan(0);
    }
    // Another party's case is missing for her, and another CPR in a filter is refused.
    const other = await graph.query(`query ($uuid: ID!) { sag(uuid: $uuid) { titel } }`, {
      token: karen,
      variables: { uuid: sag(2) },
    });
    expect(other.body.data?.sag).toBeNull();
    const search = await graph.query(
      `{ sager(filter: { partCpr: "0711583319" }) { totalCount } }`,
      {
        token: karen,
      },
    );
    expect(search.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(search.body)).not.toContain('0711583319'.slice(0, 6) + 'x');

    const log = await graph.query(
      '{ adgangslog { cpr sag { aktoer operation objekter udfald cpr } dokument { aktoer operation udfald } } }',
      { token: karen },
    );
    expect(log.body.errors).toBeUndefined();
    const adgangslog = log.body.data?.adgangslog as {
      cpr: string;
      sag: {
        aktoer: string;
        operation: string;
        objekter: string[];
        udfald: string;
        cpr: string[];
      }[];
      dokument: { aktoer: string }[];
    };
    expect(adgangslog.cpr).toBe(KAREN);
    expect(adgangslog.sag).toContainEqual(
      expect.objectContaining({
        aktoer: jammerbugt.brugere.mette,
        operation: 'LAES',
        objekter: [sag(1)],
        udfald: 'TILLADT',
      }),
    );
    // Her own reads are there too (mineSager's documents were read from the document index).
    expect(adgangslog.dokument.length).toBeGreaterThan(0);
    for (const post of adgangslog.sag) expect(post.cpr).toEqual([KAREN]);

    // Another person's access log is refused, whatever she passes.
    const foreign = await graph.query('{ adgangslog(cpr: "0711583319") { cpr } }', {
      token: karen,
    });
    expect(foreign.body.data).toEqual({ adgangslog: null });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an auditor search the access log by CPR and period', async () => {
    const token = await tokenFor('revisor');
    const { body } = await graph.query(
      `query ($fra: DateTime) { adgangslog(cpr: "${KAREN}", fra: $fra) { sag { aktoer organisation } } }`,
      { token, variables: { fra: new Date(Date.now() - 3_600_000).toISOString() } },
    );
    expect(body.errors).toBeUndefined();
    const { sag: poster } = body.data?.adgangslog as {
      sag: { aktoer: string; organisation: string | null }[];
    };
    expect(poster.map((p) => p.aktoer)).toContain(jammerbugt.brugere.mette);
    for (const post of poster) expect([JAMMERBUGT, null]).toContain(post.organisation);
  });

  it('never gives one caller another caller’s data under 1,000 interleaved requests', async () => {
    const allowed = await tokenFor('sagsbehandler');
    const denied = await tokenFor('boernesag');
    const query = `query ($uuid: ID!) { sag(uuid: $uuid) { titel parter { cpr } dokumenter { totalCount } } }`;
    const requests = Array.from({ length: 1000 }, (_, i) => i % 2 === 0);
    const results: { allowed: boolean; sag: unknown; errors: unknown }[] = [];
    const concurrency = 50;
    for (let i = 0; i < requests.length; i += concurrency) {
      results.push(
        ...(await Promise.all(
          requests.slice(i, i + concurrency).map(async (isAllowed) => {
            const { body } = await graph.query(query, {
              token: isAllowed ? allowed : denied,
              variables: { uuid: sag(1) },
            });
            return { allowed: isAllowed, sag: body.data?.sag, errors: body.errors };
          }),
        )),
      );
    }
    expect(results).toHaveLength(1000);
    for (const result of results) {
      // A denied case is answered like a missing one: null without an error. A failing request
      // (an error, no data) must not pass as a denial.
      expect(result.errors).toBeUndefined();
      if (result.allowed) {
        expect(result.sag).toMatchObject({
          titel: expect.stringContaining('tilbygning'),
          parter: [{ cpr: KAREN }],
        });
      } else {
        expect(result.sag).toBeNull();
      }
    }
  });

  it('fails closed when the access log cannot be written', async () => {
    const log = graph.auditLogs.sag;
    const append = log.append.bind(log);
    log.append = async (records) => {
      // What a driver might say: the records themselves, CPR numbers included.
      throw new Error(`write failed: ${JSON.stringify(records)}`);
    };
    try {
      const { body } = await graph.query(
        `query ($uuid: ID!) { sag(uuid: $uuid) { titel parter { cpr } } }`,
        { token: await tokenFor('sagsbehandler'), variables: { uuid: sag(1) } },
      );
      expect(body.data?.sag ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toContain(KAREN);
    } finally {
      log.append = append;
    }
  });

  it('logs no CPR number and no token anywhere', async () => {
    // Make the services log something unusual too: a refused token, a malformed header.
    await graph.query('{ sager { totalCount } }', { token: 'not-a-token' });
    await graph.query('{ sager { totalCount } }', { headers: { virkningstid: 'igår' } });
    // The failed access log write above was logged: the scan below covers an error path.
    expect(graph.logLines.join('\n')).toContain('access log append failed');
    const logged = graph.logLines.join('\n');
    expect(graph.logLines.length).toBeGreaterThan(0);
    for (const cpr of SEED_CPR) expect(logged).not.toContain(cpr);
    expect(logged).not.toMatch(/\b\d{6}-?\d{4}\b/);
    for (const token of tokens) {
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(token.split('.')[2]);
    }
    expect(logged).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
