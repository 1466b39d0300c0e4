import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postGraphQL } from './post-graphql';

describe('postGraphQL', () => {
  let server: Server;
  let url = '';
  let answer: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const seen: { authorization?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ authorization: req.headers.authorization, body });
        answer(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (token: string | null = 'tok', timeoutMs = 1000) =>
    postGraphQL({ url, query: '{ x }', variables: { a: 1 }, token, timeoutMs });
  const reply = (status: number, body: string) => {
    answer = (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
  };

  it("returns the answer's data and sends the query with the caller's token", async () => {
    reply(200, JSON.stringify({ data: { x: 1 } }));
    await expect(post()).resolves.toEqual({ x: 1 });
    expect(seen.at(-1)).toEqual({
      authorization: 'Bearer tok',
      body: JSON.stringify({ query: '{ x }', variables: { a: 1 } }),
    });
    await post(null);
    expect(seen.at(-1)?.authorization).toBeUndefined();
  });

  it('throws without quoting the body on a bad status, errors, no data or no JSON', async () => {
    for (const [status, body] of [
      [500, 'secret detail'],
      [200, JSON.stringify({ errors: [{ message: 'secret detail' }], data: null })],
      [200, JSON.stringify({ data: null })],
      [200, '<html>secret detail</html>'],
    ] as const) {
      reply(status, body);
      const error = await post().catch((e: unknown) => e);
      expect(error).toEqual(expect.objectContaining({ message: expect.any(String) }));
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('gives up after the timeout', async () => {
    answer = () => undefined;
    await expect(post('tok', 100)).rejects.toThrow();
  });
});
