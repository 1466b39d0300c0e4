import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../kit/auth/testing/full-access-claims';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { STORE_TYPES } from './sag/sag-data';
import { ORGANISATION_REFS } from './seed/organisation-refs';
import { SEED_KLE } from './seed/seed-sag-data';

const MAIN = join(__dirname, 'main.ts');
const JB = ORGANISATION_REFS.jammerbugt;
const WRITERS = 16;
/** Generous: the machine is shared, and nothing here is timed. */
const EXIT_LIMIT_MS = 120_000;

interface Child {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr: () => string;
  /** The GraphQL endpoint, once the service logged that it listens. */
  url: Promise<string>;
}

function startSag(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n')) {
        if (!line.includes('"listening"')) continue;
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    void exited.then(() => reject(new Error(`sag exited before listening: ${stderr}`)));
  });
  url.catch(() => undefined);
  return { child, exited, stderr: () => stderr, url };
}

/** Serves what sag asks on a caller's behalf (keys, organisation, KLE) from fixed answers. */
async function startNeighbours(): Promise<{ server: Server; base: string }> {
  const issuer = await getTestIssuer();
  const answer = (query: string, variables: Record<string, string>): unknown => {
    if (query.includes('organisationer')) {
      return {
        organisationer: { nodes: variables.cvr === JB.cvr ? [{ uuid: JB.organisation }] : [] },
      };
    }
    if (query.includes('bruger(')) {
      return { bruger: { uuid: variables.uuid, organisation: { uuid: JB.organisation } } };
    }
    if (query.includes('efterkommerIder')) {
      return { organisationEnhed: { uuid: variables.uuid, efterkommerIder: [] } };
    }
    if (query.includes('organisationEnhed')) {
      return {
        organisationEnhed: { uuid: variables.uuid, organisation: { uuid: JB.organisation } },
      };
    }
    return {
      klasse: {
        uuid: variables.uuid,
        brugervendtNoegle: SEED_KLE.byggetilladelse.nummer,
        niveau: 'EMNE',
      },
    };
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/jwks.json') return res.end(JSON.stringify(issuer.jwks));
      const { query, variables } = JSON.parse(body) as {
        query: string;
        variables: Record<string, string>;
      };
      res.end(JSON.stringify({ data: answer(query, variables) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const OPRET = `mutation($input: OpretSagInput!) { opretSag(input: $input) { uuid sagsnummer } }`;

describe('the sag entry point', () => {
  it('refuses to start in production on an in-memory store, naming the setting', async () => {
    const sag = startSag({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      AUTH_ISSUER: 'https://issuer.test',
      AUTH_AUDIENCE: 'kommunegraf',
    });
    const code = await sag.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(sag.stderr()).toContain('ALLOW_MEMORY_STORE=true');
    expect(sag.stderr()).toContain('STORE_DIR');
  });

  it('answers every write it stored when stopped by SIGTERM under load, and exits 0', async () => {
    const neighbours = await startNeighbours();
    const storeDir = mkdtempSync(join(tmpdir(), 'sag-sigterm-'));
    const token = await (await getTestIssuer()).sign(getFullAccessClaims());
    const sag = startSag({
      NODE_ENV: 'production',
      STORE_DIR: storeDir,
      SHUTDOWN_GRACE_MS: '1000',
      AUTH_JWKS_URL: `${neighbours.base}/jwks.json`,
      AUTH_ISSUER: 'https://issuer.test',
      AUTH_AUDIENCE: 'kommunegraf',
      ORGANISATION_URL: `${neighbours.base}/organisation`,
      KLASSIFIKATION_URL: `${neighbours.base}/klassifikation`,
    });
    try {
      const url = await sag.url;
      const answered = new Set<string>();
      let failures = 0;
      let stopped = false;
      const write = async (): Promise<void> => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: OPRET,
            variables: {
              input: {
                organisation: JB.organisation,
                titel: 'Skrevet under nedlukning',
                kle: SEED_KLE.byggetilladelse.uuid,
                ansvarligEnhed: JB.enheder.bygOgMiljoe,
              },
            },
          }),
        });
        const body = (await response.json()) as { data?: { opretSag?: { uuid: string } } };
        const uuid = body.data?.opretSag?.uuid;
        if (response.status !== 200 || uuid === undefined) throw new Error('not written');
        answered.add(uuid);
      };
      /** Writes until the service stops answering (bounded, so the test ends by itself). */
      const writer = async (): Promise<void> => {
        for (let i = 0; i < 10_000 && !stopped; i += 1) {
          try {
            await write();
          } catch {
            failures += 1;
            // Refused connections: the listener is closed, so this writer is done.
            if (sag.child.exitCode !== null || failures > 10_000) return;
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, () => writer());
      // Under way before the signal: some writes answered already.
      while (answered.size < WRITERS * 2) await new Promise((resolve) => setTimeout(resolve, 20));
      sag.child.kill('SIGTERM');
      let limit: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        sag.exited,
        new Promise<'limit'>((resolve) => {
          limit = setTimeout(() => resolve('limit'), EXIT_LIMIT_MS);
        }),
      ]);
      clearTimeout(limit);
      stopped = true;
      await Promise.all(writers);
      expect(code).toBe(0);

      const store = createEmbeddedStore({ journalFile: join(storeDir, 'sag.jsonl') });
      const page = await store.search({
        type: STORE_TYPES.sag,
        at: { virkningstid: new Date(), registreringstid: new Date() },
        first: 100_000,
      });
      const stored = page.items.map((item) => item.uuid);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.filter((uuid) => !answered.has(uuid))).toEqual([]);
      expect(stored.length).toBe(answered.size);
      await store.close();
    } finally {
      if (sag.child.exitCode === null) sag.child.kill('SIGKILL');
      neighbours.server.close();
      rmSync(storeDir, { recursive: true, force: true });
    }
  }, 180_000);
});
