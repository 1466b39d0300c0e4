// The reference point of `npm run bench`: plain @apollo/gateway behind @apollo/server's standalone
// server, with Node's fetch as the subgraph client and nothing else than the caller's
// Authorization header forwarded: no token check, no limits, no retries, no metrics.
//
//   SUPERGRAPH_FILE=… PORT=… tsx scripts/bench/plain-gateway-main.ts
import { readFileSync } from 'node:fs';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

interface PlainContext {
  authorization?: string;
}

class HeaderForwardingDataSource extends RemoteGraphQLDataSource<PlainContext> {
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<PlainContext>): void {
    if ('authorization' in context && typeof context.authorization === 'string')
      request.http?.headers.set('authorization', context.authorization);
  }
}

async function main(): Promise<void> {
  const file = process.env.SUPERGRAPH_FILE;
  if (!file) throw new Error('SUPERGRAPH_FILE is required');
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(file, 'utf8'),
    buildService: ({ url }) =>
      new HeaderForwardingDataSource({
        url,
        fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'],
      }),
  });
  const server = new ApolloServer<PlainContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4000), host: '127.0.0.1' },
    context: async ({ req }) =>
      req.headers.authorization ? { authorization: req.headers.authorization } : {},
  });
  process.stdout.write(`plain gateway ready at ${url}\n`);
  const stop = (): void => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
