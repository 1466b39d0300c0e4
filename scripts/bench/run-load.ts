// The load generator of `npm run bench`, run as its own process so that its CPU is not counted
// against the gateway: reads one LoadSpec as JSON from argv[2], drives autocannon with a fixed
// number of connections for the given time, and prints one LoadResult as JSON on stdout.
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  /** The request body (a GraphQL POST). */
  body: string;
  /** Bearer tokens, used in turn one request after another. */
  tokens: string[];
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    requests: [
      {
        method: 'POST',
        body: spec.body,
        setupRequest: (request) => {
          const token = spec.tokens[next % spec.tokens.length] ?? '';
          next += 1;
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  const output: LoadResult = {
    requests: result.requests.total,
    durationSeconds: result.duration,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
