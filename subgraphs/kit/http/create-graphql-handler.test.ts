import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { chooseContentEncoding } from './choose-content-encoding';
import { createGraphQLHandler } from './create-graphql-handler';

const BIG = 'Byggetilladelse – tilbygning. '.repeat(2000);

/** A raw POST, so the answer's bytes are seen as sent (fetch would decompress them). */
function post(
  url: string,
  acceptEncoding: string | null,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ big small }' }));
  });
}

describe('createGraphQLHandler compression', () => {
  let server: Server;
  let apollo: ApolloServer;
  let url: string;

  beforeAll(async () => {
    apollo = new ApolloServer({
      typeDefs: 'type Query { big: String, small: String }',
      resolvers: { Query: { big: () => BIG, small: () => 'lille' } },
    });
    await apollo.start();
    const handle = createGraphQLHandler({
      server: apollo,
      createContext: async () => ({}),
      compressFromBytes: 16 * 1024,
    });
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();
  });

  it('compresses a large answer for a client that accepts gzip', async () => {
    const { headers, body } = await post(url, 'gzip, deflate');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('accept-encoding');
    expect(body.length).toBeLessThan(BIG.length / 10);
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual({
      data: { big: BIG, small: 'lille' },
    });
  });

  it('sends it as it is to a client that accepts no compression', async () => {
    const { headers, body } = await post(url, null);
    expect(headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(body.toString('utf8'))).toEqual({ data: { big: BIG, small: 'lille' } });
  });
});

describe('chooseContentEncoding', () => {
  it('prefers brotli, takes gzip, and honours a refusal with q=0', () => {
    expect(chooseContentEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseContentEncoding('gzip;q=0.8')).toBe('gzip');
    expect(chooseContentEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseContentEncoding('*')).toBe('gzip');
    expect(chooseContentEncoding('identity')).toBeNull();
    expect(chooseContentEncoding(undefined)).toBeNull();
  });
});
