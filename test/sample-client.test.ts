import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDevIssuerServer } from '../scripts/dev-issuer/create-dev-issuer-server';
import { createDevTokenEndpoint } from '../scripts/dev-issuer/create-dev-token-endpoint';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import {
  createGraphClient,
  GraphRequestError,
  type GraphClientOptions,
} from '../examples/client/create-graph-client';
import { createTokenSource } from '../examples/client/create-token-source';
import {
  RetSagstitelDocument,
  SagDocument,
  SagVersionDocument,
} from '../examples/client/generated/graphql';
import { readAllKle } from '../examples/client/read-all-kle';
import { startGraph, type StartedGraph } from './start-graph';

const SAG = 'ad614de1-120d-5553-9618-eaaec1bd3eed';

/** What the client sent to the gateway, and a switch to answer the next calls with 429. */
interface RecordingFetch {
  fetch: typeof fetch;
  sent: Headers[];
  busyAnswers: number;
}

function createRecordingFetch(): RecordingFetch {
  const recording: RecordingFetch = {
    sent: [],
    busyAnswers: 0,
    fetch: async (input, init) => {
      recording.sent.push(new Headers(init?.headers));
      if (recording.busyAnswers > 0) {
        recording.busyAnswers -= 1;
        return new Response('{"errors":[{"message":"Too many requests"}]}', {
          status: 429,
          headers: { 'retry-after': '2', 'content-type': 'application/json' },
        });
      }
      return fetch(input, init);
    },
  };
  return recording;
}

describe('the sample client against the graph', () => {
  let graph: StartedGraph;
  let issuerServer: Server;
  let tokenUrl: string;

  beforeAll(async () => {
    const issuer = await getTestIssuer();
    issuerServer = createDevIssuerServer({
      issuer: issuer.issuer,
      jwks: issuer.jwks,
      tokens: createDevTokenEndpoint(issuer, []),
    });
    await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}/token`;
    graph = await startGraph({ fullKle: true });
  }, 120_000);

  afterAll(async () => {
    await graph.stop();
    await new Promise<void>((resolve) => issuerServer.close(() => resolve()));
  });

  function createClient(
    recording: RecordingFetch,
    sleeps: number[],
    profile = 'sagsbehandler',
    options: Partial<GraphClientOptions> = {},
  ): ReturnType<typeof createGraphClient> {
    return createGraphClient({
      url: graph.url,
      getToken: createTokenSource({ tokenUrl, profile }),
      fetch: recording.fetch,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });
  }

  it('gets a token and pages the whole KLE, 100 per page, to the end', async () => {
    const recording = createRecordingFetch();
    const { klasser, pages, errors } = await readAllKle(createClient(recording, []));
    const { body } = await graph.query('{ klasser { totalCount } }');
    const totalCount = (body.data?.klasser as { totalCount: number }).totalCount;
    expect(totalCount).toBeGreaterThan(2000);
    expect(klasser).toHaveLength(totalCount);
    expect(new Set(klasser.map((k) => k.uuid)).size).toBe(totalCount);
    expect(pages).toBe(Math.ceil(totalCount / 100));
    expect(errors).toEqual([]);
    expect(recording.sent.every((h) => h.get('authorization')?.startsWith('Bearer ey'))).toBe(true);
    expect(recording.sent.every((h) => !h.has('idempotency-key'))).toBe(true);
  });

  it('waits as long as Retry-After says on 429, then answers', async () => {
    const recording = createRecordingFetch();
    const sleeps: number[] = [];
    recording.busyAnswers = 2;
    const { data } = await createClient(recording, sleeps).request(SagVersionDocument, {
      sag: SAG,
    });
    expect(data.sag?.uuid).toBe(SAG);
    expect(sleeps).toEqual([2000, 2000]);
    expect(recording.sent).toHaveLength(3);
  });

  it('gives up after its attempts while the gateway keeps answering 429', async () => {
    const recording = createRecordingFetch();
    recording.busyAnswers = 10;
    const client = createClient(recording, [], 'sagsbehandler', { maxAttempts: 3 });
    await expect(client.request(SagVersionDocument, { sag: SAG })).rejects.toBeInstanceOf(
      GraphRequestError,
    );
    expect(recording.sent).toHaveLength(3);
  });

  it('sends one Idempotency-Key with a write, the same on every retry', async () => {
    const recording = createRecordingFetch();
    const client = createClient(recording, []);
    const { data } = await client.request(SagVersionDocument, { sag: SAG });
    const version = data.sag?.version ?? 0;
    recording.sent.length = 0;
    recording.busyAnswers = 1;
    const changed = await client.request(RetSagstitelDocument, {
      sag: SAG,
      version,
      titel: 'Byggetilladelse – tilbygning til enfamiliehus (rettet)',
    });
    expect(changed.data.opdaterSag.version).toBe(version + 1);
    const keys = recording.sent.map((h) => h.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keeps a partial answer with the errors that name the missing fields', async () => {
    graph.bbrUpstream.setFaults({ status: 503 });
    try {
      const { data, errors } = await createClient(createRecordingFetch(), []).request(SagDocument, {
        sag: SAG,
      });
      expect(data.sag?.sagsnummer).toBe('2025-000001');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.path?.[0] === 'sag' && e.path?.[1] === 'bygninger')).toBe(true);
    } finally {
      graph.bbrUpstream.clearFaults();
    }
  });

  it('rejects an answer without data, naming the code', async () => {
    const client = createClient(createRecordingFetch(), [], 'revisor');
    await expect(client.request(SagVersionDocument, { sag: SAG })).resolves.toMatchObject({
      data: { sag: null },
    });
    const refused = createGraphClient({
      url: graph.url,
      getToken: async () => 'not-a-token',
    });
    await expect(refused.request(SagVersionDocument, { sag: SAG })).rejects.toMatchObject({
      status: 401,
      message: 'UNAUTHENTICATED: Authentication required',
    });
  });
});
