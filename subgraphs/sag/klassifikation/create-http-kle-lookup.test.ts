import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpKleLookup } from './create-http-kle-lookup';

const BYGGETILLADELSE = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const KLAGE = 'b34e4574-ea7e-40fe-a6cd-2fbd7b6c4a77';
const GRUPPE = '31697a9d-8321-42d8-ac0a-04b8ef356f8d';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

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

/** Answers `klasse(uuid)` like the klassifikation subgraph over a few classes of KL's KLE. */
const klassifikationSubgraph: Handler = (seen, res) => {
  const klasser: Record<string, { brugervendtNoegle: string; niveau: string }> = {
    [BYGGETILLADELSE]: { brugervendtNoegle: '02.34.02', niveau: 'EMNE' },
    [KLAGE]: { brugervendtNoegle: 'K02', niveau: 'HANDLINGSFACET' },
    [GRUPPE]: { brugervendtNoegle: '02.34', niveau: 'GRUPPE' },
  };
  const uuid = String(seen.variables.uuid);
  const found = klasser[uuid];
  sendJson(res, 200, { data: { klasse: found ? { uuid, ...found } : null } });
};

describe('createHttpKleLookup', () => {
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
    handler = klassifikationSubgraph;
    seen = [];
  });

  it("finds an emne and a handlingsfacet by uuid, asking klasse(uuid) with the caller's token", async () => {
    const kle = createHttpKleLookup({ url });
    expect(await kle.findKlasse(BYGGETILLADELSE, 'token-a')).toEqual({
      uuid: BYGGETILLADELSE,
      nummer: '02.34.02',
      niveau: 'EMNE',
    });
    expect(await kle.findKlasse(KLAGE.toUpperCase(), 'token-a')).toEqual({
      uuid: KLAGE,
      nummer: 'K02',
      niveau: 'HANDLINGSFACET',
    });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer token-a', 'Bearer token-a']);
    expect(seen[0]?.query).toContain('klasse(uuid: $uuid)');
    expect(seen[0]?.variables).toEqual({ uuid: BYGGETILLADELSE });
  });

  it('answers null for an unknown class and for a class of another level', async () => {
    const kle = createHttpKleLookup({ url });
    expect(await kle.findKlasse(UNKNOWN, 't')).toBeNull();
    expect(await kle.findKlasse(GRUPPE, 't')).toBeNull();
  });

  it('sends no Authorization header without a token, and nothing at all for a non-uuid', async () => {
    const kle = createHttpKleLookup({ url });
    await kle.findKlasse(BYGGETILLADELSE, null);
    expect(seen[0]?.authorization).toBeUndefined();
    expect(await kle.findKlasse('{"$gt":""}', null)).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('reuses a found class across callers until the TTL has passed', async () => {
    let clock = 0;
    const kle = createHttpKleLookup({ url, cacheTtlMs: 1000, now: () => clock });
    await kle.findKlasse(BYGGETILLADELSE, 'a');
    expect(await kle.findKlasse(BYGGETILLADELSE, 'b')).toMatchObject({ nummer: '02.34.02' });
    expect(seen).toHaveLength(1);
    clock = 1000;
    await kle.findKlasse(BYGGETILLADELSE, 'b');
    expect(seen).toHaveLength(2);
  });

  it('does not cache a class it did not find', async () => {
    const kle = createHttpKleLookup({ url });
    await kle.findKlasse(UNKNOWN, 'a');
    await kle.findKlasse(UNKNOWN, 'a');
    expect(seen).toHaveLength(2);
  });

  it('keeps at most maxEntries classes, dropping the oldest', async () => {
    const kle = createHttpKleLookup({ url, maxEntries: 1 });
    await kle.findKlasse(BYGGETILLADELSE, 't');
    await kle.findKlasse(KLAGE, 't');
    await kle.findKlasse(BYGGETILLADELSE, 't');
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
    [
      'an emne with a malformed number',
      (seen, res) =>
        sendJson(res, 200, {
          data: {
            klasse: { uuid: seen.variables.uuid, brugervendtNoegle: '02.34', niveau: 'EMNE' },
          },
        }),
    ],
    [
      'an answer about another class',
      (_, res) =>
        sendJson(res, 200, {
          data: { klasse: { uuid: KLAGE, brugervendtNoegle: 'K02', niveau: 'HANDLINGSFACET' } },
        }),
    ],
  ])('fails closed (503) on %s, and caches no failure', async (_, failing) => {
    handler = failing;
    const kle = createHttpKleLookup({ url });
    await expect(kle.findKlasse(BYGGETILLADELSE, 't')).rejects.toMatchObject({
      code: 'KLASSIFIKATION_UNAVAILABLE',
      status: 503,
    });
    handler = klassifikationSubgraph;
    expect(await kle.findKlasse(BYGGETILLADELSE, 't')).toMatchObject({ nummer: '02.34.02' });
  });

  it('fails closed when the answer takes longer than the timeout', async () => {
    handler = (entry, res) => {
      setTimeout(() => klassifikationSubgraph(entry, res), 300);
    };
    const kle = createHttpKleLookup({ url, timeoutMs: 50 });
    await expect(kle.findKlasse(BYGGETILLADELSE, 't')).rejects.toMatchObject({
      code: 'KLASSIFIKATION_UNAVAILABLE',
    });
  });

  it('fails closed when the service cannot be reached', async () => {
    const kle = createHttpKleLookup({ url: 'http://127.0.0.1:1/graphql' });
    await expect(kle.findKlasse(BYGGETILLADELSE, 't')).rejects.toMatchObject({
      code: 'KLASSIFIKATION_UNAVAILABLE',
    });
  });
});
