import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { createSchemaDocument } from './schema-document/create-schema-document';
import { startTestGateway, type TestGateway } from './testing/start-test-gateway';

describe('GET /schema.graphql on the gateway', () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    const issuer = await getTestIssuer();
    // Introspection off, as in production: the schema document does not depend on it.
    gateway = await startTestGateway({
      authenticate: issuer.createAuthenticator(),
      introspection: false,
    });
    token = await issuer.sign(getFullAccessClaims());
  });

  afterAll(() => gateway.stop());

  it('needs a token like every route but the public ones', async () => {
    const response = await fetch(`${gateway.origin}/schema.graphql`);
    expect(response.status).toBe(401);
  });

  it('answers the API schema with its descriptions and without the federation machinery', async () => {
    const response = await fetch(`${gateway.origin}/schema.graphql`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    const schema = buildSchema(sdl);
    expect(schema.getQueryType()?.getFields().sag?.description).toMatch(/\w/);
    expect(schema.getType('Sag')?.description).toMatch(/\w/);
    expect(sdl).not.toMatch(/join__|link__|_entities|_service/);
    const again = await fetch(`${gateway.origin}/schema.graphql`, {
      headers: {
        authorization: `Bearer ${token}`,
        'if-none-match': response.headers.get('etag') ?? '',
      },
    });
    expect(again.status).toBe(304);
  });

  it('answers exactly the committed docs/schema.graphql (npm run docs:schema)', async () => {
    const response = await fetch(`${gateway.origin}/schema.graphql`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const committed = readFileSync(join(__dirname, '..', 'docs', 'schema.graphql'), 'utf8');
    expect(await response.text()).toBe(committed);
  });
});

describe('the schema document', () => {
  async function get(document: ReturnType<typeof createSchemaDocument>): Promise<Response> {
    const server = createServer((req, res) => document.send(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then(
        async (response) => new Response(await response.text(), response),
      );
    } finally {
      server.close();
    }
  }

  it('answers 503 until a schema is loaded, then each newly loaded version with a new ETag', async () => {
    const document = createSchemaDocument();
    expect((await get(document)).status).toBe(503);
    document.update(buildSchema('"The root." type Query { a: Int }'));
    const first = await get(document);
    expect(await first.text()).toContain('"""The root."""');
    document.update(buildSchema('type Query { a: Int, b: String }'));
    const second = await get(document);
    expect(await second.text()).toContain('b: String');
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });
});
