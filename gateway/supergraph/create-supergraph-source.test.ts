import { mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { createLogger } from '../../subgraphs/kit/logger';
import { createSupergraphSource, type SupergraphLocation } from './create-supergraph-source';
import { getSupergraphHash } from './get-supergraph-hash';
import type { SupergraphSource } from './supergraph-source';

/** Texts the fake gateway accepts; one it refuses carries `REFUSED`. */
const V1 = 'type Query { eins: String }';
const V2 = 'type Query { eins: String zwei: String }';
const SYNTAX_ERROR = 'type Query { eins: String';
const REFUSED = 'type Query { REFUSED: String }';

interface Started {
  source: SupergraphSource;
  /** Every text the gateway took into use. */
  inUse: string[];
  logLines: string[];
  cleanup(): Promise<void>;
}

async function start(location: SupergraphLocation, pollMs = 50): Promise<Started> {
  const inUse: string[] = [];
  const logLines: string[] = [];
  const logger = createLogger({
    name: 'test',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  const source = createSupergraphSource({ location, logger, pollMs, settleMs: 10 });
  const hookOptions: Parameters<SupergraphSdlHook>[0] = {
    update: (sdl) => {
      if (sdl.includes('REFUSED')) throw new Error('Invalid supergraph');
      inUse.push(sdl);
    },
    healthCheck: async () => undefined,
    getDataSource: () => {
      throw new Error('not used');
    },
  };
  const { supergraphSdl, cleanup } = await source.hook(hookOptions);
  expect(inUse.at(-1)).toBe(supergraphSdl);
  return { source, inUse, logLines, cleanup: cleanup ?? (async () => undefined) };
}

/** Waits until `condition` holds; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('a supergraph file', () => {
  let dir: string;
  let file: string;
  let started: Started | undefined;

  /** Replaces the file as deployment tools do: write beside it, then rename over it. */
  const replace = (text: string): void => {
    const temp = join(dir, `.next-${Date.now()}`);
    writeFileSync(temp, text);
    renameSync(temp, file);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
    file = join(dir, 'supergraph.graphql');
    writeFileSync(file, V1);
  });

  afterEach(async () => {
    await started?.cleanup();
    started = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads nothing until the gateway starts it', () => {
    const source = createSupergraphSource({
      location: { kind: 'file', path: join(dir, 'missing.graphql') },
      logger: createLogger({ name: 'test', level: 'silent' }),
    });
    expect(source.getSupergraphStatus()).toEqual({
      hash: null,
      loadedAt: null,
      lastError: null,
      reloads: { ok: 0, failed: 0 },
    });
  });

  it('loads the first version and reports its hash', async () => {
    started = await start({ kind: 'file', path: file });
    const status = started.source.getSupergraphStatus();
    expect(status.hash).toBe(getSupergraphHash(V1));
    expect(status.loadedAt).toBeInstanceOf(Date);
    expect(status.reloads).toEqual({ ok: 0, failed: 0 });
  });

  it('takes a replaced file into use', async () => {
    started = await start({ kind: 'file', path: file });
    replace(V2);
    await waitFor(() => started?.inUse.at(-1) === V2);
    expect(started.source.getSupergraphStatus()).toMatchObject({
      hash: getSupergraphHash(V2),
      lastError: null,
      reloads: { ok: 1, failed: 0 },
    });
  });

  it('picks up a change the watcher cannot see by polling', async () => {
    // The path is a link into another directory: writing the target changes nothing in the
    // watched directory, so only the poll can find the new version.
    const targetDir = mkdtempSync(join(tmpdir(), 'supergraph-target-'));
    try {
      const target = join(targetDir, 'supergraph.graphql');
      writeFileSync(target, V1);
      unlinkSync(file);
      symlinkSync(target, file);
      started = await start({ kind: 'file', path: file }, 100);
      writeFileSync(target, V2);
      await waitFor(() => started?.inUse.at(-1) === V2);
      expect(started.source.getSupergraphStatus().reloads.ok).toBe(1);
    } finally {
      rmSync(targetDir, { recursive: true, force: true });
    }
  });

  it('keeps the version in use when a new one does not parse or is refused, counting each once', async () => {
    started = await start({ kind: 'file', path: file });
    replace(SYNTAX_ERROR);
    await waitFor(() => started?.source.getSupergraphStatus().reloads.failed === 1);
    expect(started.source.getSupergraphStatus().lastError).toBe('SUPERGRAPH_SYNTAX_ERROR');
    await sleep(200);
    expect(started.source.getSupergraphStatus().reloads.failed).toBe(1);

    replace(REFUSED);
    await waitFor(() => started?.source.getSupergraphStatus().reloads.failed === 2);
    expect(started.source.getSupergraphStatus()).toMatchObject({
      hash: getSupergraphHash(V1),
      lastError: 'SUPERGRAPH_INVALID',
      reloads: { ok: 0, failed: 2 },
    });
    expect(started.inUse).toEqual([V1]);

    replace(V1);
    await waitFor(() => started?.source.getSupergraphStatus().lastError === null);
    expect(started.source.getSupergraphStatus().reloads).toEqual({ ok: 0, failed: 2 });

    const logged = started.logLines.join('');
    expect(logged).toContain('SUPERGRAPH_SYNTAX_ERROR');
    expect(logged).toContain('SUPERGRAPH_INVALID');
    expect(logged).not.toContain('eins');
    expect(logged).not.toContain('REFUSED: String');
    expect(logged).not.toContain(dir);
  });

  it('counts a missing file once and recovers when it is back', async () => {
    started = await start({ kind: 'file', path: file });
    unlinkSync(file);
    await waitFor(
      () => started?.source.getSupergraphStatus().lastError === 'SUPERGRAPH_UNREADABLE',
    );
    await sleep(200);
    expect(started.source.getSupergraphStatus().reloads.failed).toBe(1);
    replace(V2);
    await waitFor(() => started?.inUse.at(-1) === V2);
    expect(started.source.getSupergraphStatus()).toMatchObject({
      lastError: null,
      reloads: { ok: 1, failed: 1 },
    });
  });

  it('stops watching once the gateway cleans up', async () => {
    started = await start({ kind: 'file', path: file });
    await started.cleanup();
    replace(V2);
    await sleep(200);
    expect(started.inUse).toEqual([V1]);
  });

  it('refuses a first version that does not parse, with a code and no SDL', async () => {
    writeFileSync(file, SYNTAX_ERROR);
    await expect(start({ kind: 'file', path: file })).rejects.toMatchObject({
      code: 'SUPERGRAPH_SYNTAX_ERROR',
      message: expect.not.stringContaining('eins'),
    });
  });

  it('refuses a missing first version', async () => {
    await expect(start({ kind: 'file', path: join(dir, 'missing.graphql') })).rejects.toMatchObject(
      { code: 'SUPERGRAPH_UNREADABLE' },
    );
  });
});

describe('a supergraph URL', () => {
  let server: Server;
  let url: string;
  let body = V1;
  let status = 200;
  const requests: { ifNoneMatch: string | undefined }[] = [];
  let started: Started | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const ifNoneMatch = req.headers['if-none-match'];
      requests.push({ ifNoneMatch });
      const etag = `"${getSupergraphHash(body).slice(0, 16)}"`;
      if (status !== 200) {
        res.writeHead(status).end('unavailable');
      } else if (ifNoneMatch === etag) {
        res.writeHead(304).end();
      } else {
        res.writeHead(200, { etag, 'content-type': 'text/plain' }).end(body);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`;
  });

  afterEach(async () => {
    await started?.cleanup();
    started = undefined;
    body = V1;
    status = 200;
    requests.length = 0;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks with If-None-Match and takes a new version into use', async () => {
    started = await start({ kind: 'url', url });
    await waitFor(() => requests.length >= 3);
    expect(requests[0]?.ifNoneMatch).toBeUndefined();
    expect(requests[1]?.ifNoneMatch).toBe(`"${getSupergraphHash(V1).slice(0, 16)}"`);
    body = V2;
    await waitFor(() => started?.inUse.at(-1) === V2);
    expect(started.source.getSupergraphStatus().reloads).toEqual({ ok: 1, failed: 0 });
  });

  it('keeps the version in use while the URL fails, counting the outage once', async () => {
    started = await start({ kind: 'url', url });
    status = 503;
    await waitFor(
      () => started?.source.getSupergraphStatus().lastError === 'SUPERGRAPH_UNREADABLE',
    );
    const seen = requests.length;
    await waitFor(() => requests.length >= seen + 3);
    expect(started.source.getSupergraphStatus().reloads).toEqual({ ok: 0, failed: 1 });
    status = 200;
    await waitFor(() => started?.source.getSupergraphStatus().lastError === null);
    expect(started.inUse).toEqual([V1]);
    expect(started.logLines.join('')).not.toContain(url);
  });

  it('keeps reporting a refused version while the URL answers 304 for it', async () => {
    started = await start({ kind: 'url', url });
    body = REFUSED;
    await waitFor(() => started?.source.getSupergraphStatus().lastError === 'SUPERGRAPH_INVALID');
    const seen = requests.length;
    await waitFor(() => requests.length >= seen + 3);
    expect(started.source.getSupergraphStatus()).toMatchObject({
      hash: getSupergraphHash(V1),
      lastError: 'SUPERGRAPH_INVALID',
      reloads: { ok: 0, failed: 1 },
    });
  });
});
