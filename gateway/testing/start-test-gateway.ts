import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Authenticator } from '../../subgraphs/kit/auth/create-authenticator';
import { createLogger } from '../../subgraphs/kit/logger';
import { createGatewayServer, type GatewayServerOptions } from '../server';

/** One call the gateway made to a subgraph (GraphQL or content route). */
export interface RecordedSubgraphCall {
  url: string;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
}

export interface TestGatewayReply {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

export interface TestGateway {
  /** The GraphQL endpoint. */
  url: string;
  /** The gateway's base URL (no path). */
  origin: string;
  /** Every subgraph call so far; cleared by the test as it likes. */
  calls: RecordedSubgraphCall[];
  /** POSTs a JSON body to /graphql with the given headers (content-type added). */
  post(body: unknown, headers?: Record<string, string>): Promise<TestGatewayReply>;
  stop(): Promise<void>;
}

/**
 * The gateway over the committed supergraph, with no subgraph behind it: every subgraph call is
 * recorded and answered by `answer` (by default `{"data":{"sag":null}}` for GraphQL and a short
 * text for content), so tests see what the gateway sends without any subgraph data.
 */
export async function startTestGateway(
  options: {
    authenticate: Authenticator;
    answer?: (url: string) => Response;
  } & Partial<Omit<GatewayServerOptions, 'authenticate' | 'fetcher'>>,
): Promise<TestGateway> {
  const calls: RecordedSubgraphCall[] = [];
  const { answer, ...gatewayOptions } = options;
  const gateway = await createGatewayServer({
    supergraphSdl: readFileSync(
      join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
      'utf8',
    ),
    logger: createLogger({ name: 'test', level: 'silent' }),
    ...gatewayOptions,
    fetcher: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      calls.push({
        url,
        method: init?.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
      });
      // Read an upload as a subgraph would, so the client's request completes.
      if (init?.body) await new Response(init.body).arrayBuffer();
      if (answer) return answer(url);
      return url.endsWith('/graphql')
        ? Response.json({ data: { sag: null } })
        : new Response('indhold', { headers: { 'content-type': 'text/plain' } });
    },
  });
  const url = await gateway.listen(0);
  return {
    url,
    origin: new URL(url).origin,
    calls,
    async post(body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as TestGatewayReply['body'],
      };
    },
    stop: () => gateway.stop(),
  };
}
