import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpOrganisationDirectory } from './create-http-organisation-directory';

const ORG = '78f0e414-e7c8-5349-ba36-51ef76ee671d';
const TEKNIK = '8e3cabca-35fe-519e-905c-15c025fe723d';
const BYG = '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1';
const METTE = '10372946-d8d3-55bb-814c-92ec9cd84bf3';

interface Seen {
  authorization: string | undefined;
  query: string;
  variables: Record<string, unknown>;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers like the organisation subgraph over its seed: one municipality, two units. */
const organisationSubgraph: Handler = (seen, res) => {
  if (seen.query.includes('organisationer')) {
    const nodes = seen.variables.cvr === '29189625' ? [{ uuid: ORG }] : [];
    return sendJson(res, 200, { data: { organisationer: { nodes } } });
  }
  if (seen.query.includes('bruger(')) {
    const bruger =
      seen.variables.uuid === METTE ? { uuid: METTE, organisation: { uuid: ORG } } : null;
    return sendJson(res, 200, { data: { bruger } });
  }
  const known = seen.variables.uuid === TEKNIK || seen.variables.uuid === BYG;
  if (!known) return sendJson(res, 200, { data: { organisationEnhed: null } });
  const uuid = seen.variables.uuid;
  const enhed = seen.query.includes('efterkommerIder')
    ? { uuid, efterkommerIder: uuid === TEKNIK ? [BYG] : [] }
    : { uuid, organisation: { uuid: ORG } };
  sendJson(res, 200, { data: { organisationEnhed: enhed } });
};

describe('createHttpOrganisationDirectory', () => {
  let server: Server;
  let url: string;
  let handler: Handler;
  let seen: Seen[];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        const entry = {
          authorization: req.headers.authorization,
          query: parsed.query,
          variables: parsed.variables,
        };
        seen.push(entry);
        handler(entry, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    handler = organisationSubgraph;
    seen = [];
  });

  it("finds an organisation by CVR and a unit's subtree, asking with the caller's token", async () => {
    const directory = createHttpOrganisationDirectory({ url });
    expect(await directory.findOrganisationByCvr('29189625', 'token-a')).toBe(ORG);
    expect(await directory.findEnhedSubtree(TEKNIK, 'token-a')).toEqual([TEKNIK, BYG]);
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer token-a', 'Bearer token-a']);
    expect(seen[0]?.variables).toEqual({ cvr: '29189625' });
    expect(seen[1]?.variables).toEqual({ uuid: TEKNIK });
  });

  it("finds a unit's organisation, and reuses the answer across callers", async () => {
    const directory = createHttpOrganisationDirectory({ url });
    expect(await directory.findEnhedOrganisation(BYG, 'token-a')).toBe(ORG);
    expect(await directory.findEnhedOrganisation(BYG, 'token-b')).toBe(ORG);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ authorization: 'Bearer token-a', variables: { uuid: BYG } });
    expect(await directory.findEnhedOrganisation('00000000-0000-4000-8000-000000000000', 't')).toBe(
      null,
    );
    expect(await directory.findEnhedOrganisation('not-a-uuid', 't')).toBeNull();
    expect(seen).toHaveLength(2);
  });

  it("finds a user's organisation, answers null for an unknown user, and asks nothing for a non-uuid", async () => {
    const directory = createHttpOrganisationDirectory({ url });
    expect(await directory.findBrugerOrganisation(METTE, 'token-a')).toBe(ORG);
    expect(await directory.findBrugerOrganisation(METTE, 'token-b')).toBe(ORG);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ authorization: 'Bearer token-a', variables: { uuid: METTE } });
    expect(await directory.findBrugerOrganisation(BYG, 't')).toBeNull();
    expect(await directory.findBrugerOrganisation('{"$gt":""}', 't')).toBeNull();
    expect(seen).toHaveLength(2);
  });

  it('answers null and an empty subtree for what the organisation subgraph does not know', async () => {
    const directory = createHttpOrganisationDirectory({ url });
    expect(await directory.findOrganisationByCvr('12345678', 't')).toBeNull();
    expect(await directory.findEnhedSubtree('00000000-0000-4000-8000-000000000000', 't')).toEqual(
      [],
    );
  });

  it('sends no Authorization header without a token, and nothing at all for malformed keys', async () => {
    const directory = createHttpOrganisationDirectory({ url });
    await directory.findOrganisationByCvr('29189625', null);
    expect(seen[0]?.authorization).toBeUndefined();
    expect(await directory.findOrganisationByCvr('{"$gt":""}', null)).toBeNull();
    expect(await directory.findEnhedSubtree('not-a-uuid', null)).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('reuses answers across callers until the TTL has passed', async () => {
    let clock = 0;
    const directory = createHttpOrganisationDirectory({ url, cacheTtlMs: 1000, now: () => clock });
    await directory.findEnhedSubtree(TEKNIK, 'a');
    await directory.findEnhedSubtree(TEKNIK, 'b');
    expect(seen).toHaveLength(1);
    clock = 1000;
    await directory.findEnhedSubtree(TEKNIK, 'b');
    expect(seen).toHaveLength(2);
  });

  it('does not cache an empty answer, which may reflect one caller’s rights', async () => {
    const directory = createHttpOrganisationDirectory({ url });
    await directory.findOrganisationByCvr('12345678', 'a');
    await directory.findOrganisationByCvr('12345678', 'a');
    expect(seen).toHaveLength(2);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const directory = createHttpOrganisationDirectory({ url, maxEntries: 1 });
    await directory.findEnhedSubtree(TEKNIK, 't');
    await directory.findEnhedSubtree(BYG, 't');
    await directory.findEnhedSubtree(TEKNIK, 't');
    expect(seen).toHaveLength(3);
  });

  it.each<[string, Handler]>([
    ['a non-200 answer', (_, res) => sendJson(res, 503, { data: null })],
    [
      'GraphQL errors',
      (_, res) => sendJson(res, 200, { data: null, errors: [{ message: 'Not authorised' }] }),
    ],
    ['an answer of the wrong shape', (_, res) => sendJson(res, 200, { data: { other: 1 } })],
    ['a body that is no JSON', (_, res) => res.end('<html>')],
  ])('fails closed on %s', async (_, failing) => {
    handler = failing;
    const directory = createHttpOrganisationDirectory({ url });
    await expect(directory.findOrganisationByCvr('29189625', 't')).rejects.toMatchObject({
      code: 'ORGANISATION_UNAVAILABLE',
    });
    await expect(directory.findEnhedSubtree(TEKNIK, 't')).rejects.toMatchObject({
      code: 'ORGANISATION_UNAVAILABLE',
    });
    await expect(directory.findEnhedOrganisation(TEKNIK, 't')).rejects.toMatchObject({
      code: 'ORGANISATION_UNAVAILABLE',
    });
  });

  it('fails closed when the answer takes longer than the timeout', async () => {
    handler = (entry, res) => {
      setTimeout(() => organisationSubgraph(entry, res), 300);
    };
    const directory = createHttpOrganisationDirectory({ url, timeoutMs: 50 });
    await expect(directory.findEnhedSubtree(TEKNIK, 't')).rejects.toMatchObject({
      code: 'ORGANISATION_UNAVAILABLE',
    });
  });

  it('fails closed when the service cannot be reached', async () => {
    const directory = createHttpOrganisationDirectory({ url: 'http://127.0.0.1:1/graphql' });
    await expect(directory.findOrganisationByCvr('29189625', 't')).rejects.toMatchObject({
      code: 'ORGANISATION_UNAVAILABLE',
    });
  });
});
