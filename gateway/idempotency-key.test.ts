import { getTestIssuer, type TestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { startTestGateway, type TestGateway } from './testing/start-test-gateway';

const MUTATION = {
  query: 'mutation { skiftFremdrift(uuid: "x", version: 1, fremdrift: OPLYST) { uuid } }',
};
const KEY = '"8e03978e-40d5-43e8-bc93-6894a57f9324"';

/** Headers a client might send; none but Idempotency-Key may reach a subgraph. */
const OTHER_CLIENT_HEADERS: Record<string, string> = {
  'x-cpr': '0101701234',
  'x-user': 'admin',
  'x-forwarded-user': 'admin',
  cookie: 'session=admin',
  'x-idempotency-key': 'other',
  'idempotency-key-2': 'other',
};

describe('the Idempotency-Key at the gateway', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;
  let authorization: string;

  beforeAll(async () => {
    issuer = await getTestIssuer();
    gateway = await startTestGateway({ authenticate: issuer.createAuthenticator() });
    authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
  });
  afterAll(() => gateway.stop());
  beforeEach(() => {
    gateway.calls.length = 0;
  });

  it("passes the client's Idempotency-Key on to the subgraph, and none of its other headers", async () => {
    const reply = await gateway.post(MUTATION, {
      ...OTHER_CLIENT_HEADERS,
      authorization,
      'idempotency-key': KEY,
    });
    expect(reply.status).toBe(200);
    expect(gateway.calls).toHaveLength(1);
    const [call] = gateway.calls;
    expect(call?.url).toBe('http://localhost:4003/graphql');
    expect(Object.keys(call?.headers ?? {}).sort()).toEqual([
      'authorization',
      'content-type',
      'idempotency-key',
      'registreringstid',
      'traceparent',
      'virkningstid',
      'x-request-id',
    ]);
    expect(call?.headers['idempotency-key']).toBe(KEY);
  });

  it('sends no Idempotency-Key when the client sent none', async () => {
    expect((await gateway.post(MUTATION, { authorization })).status).toBe(200);
    expect(gateway.calls).toHaveLength(1);
    expect(gateway.calls[0]?.headers).not.toHaveProperty('idempotency-key');
  });

  it('passes it on with an upload to the content route', async () => {
    const upload = await fetch(`${gateway.origin}/indhold`, {
      method: 'POST',
      headers: {
        ...OTHER_CLIENT_HEADERS,
        authorization,
        'content-type': 'application/pdf',
        'idempotency-key': KEY,
      },
      body: 'content',
    });
    expect(upload.status).toBe(200);
    const [call] = gateway.calls;
    expect(call?.url).toBe('http://localhost:4004/indhold');
    expect(call?.headers['idempotency-key']).toBe(KEY);
    for (const name of Object.keys(OTHER_CLIENT_HEADERS)) {
      expect(call?.headers).not.toHaveProperty(name);
    }
  });

  it('refuses a key no subgraph could keep, before any subgraph is called', async () => {
    const reply = await gateway.post(MUTATION, {
      authorization,
      'idempotency-key': 'k'.repeat(256),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'Idempotency-Key',
    });
    expect(gateway.calls).toEqual([]);
  });
});
