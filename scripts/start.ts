// Starts the development token issuer, then every subgraph and the gateway as separate processes
// on localhost, with the embedded store and seeded demo data, prints the endpoint once it answers,
// and stops them all on Ctrl-C.
//
//   npm start              data kept in .data/ between runs (seeding is idempotent)
//   npm start -- --fresh   start from the seed only (deletes .data/ first, but keeps the issuer's
//                          key, so tokens already handed out stay valid)
//   npm start -- --gateway-workers 2
//                          the gateway as 2 worker processes sharing its port (GATEWAY_WORKERS)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createDevIssuerServer } from './dev-issuer/create-dev-issuer-server';
import { DEV_ISSUER_SETTINGS } from './dev-issuer/dev-issuer-settings';
import { getDevStoreDir } from './dev-issuer/get-dev-store-dir';
import { loadDevIssuer } from './dev-issuer/load-dev-issuer';

interface Service {
  name: string;
  entry: string;
  port: number;
}

const ROOT = join(__dirname, '..');
const SUBGRAPHS: Service[] = [
  { name: 'organisation', entry: 'subgraphs/organisation/main.ts', port: 4001 },
  { name: 'klassifikation', entry: 'subgraphs/klassifikation/main.ts', port: 4002 },
  { name: 'sag', entry: 'subgraphs/sag/main.ts', port: 4003 },
  { name: 'dokument', entry: 'subgraphs/dokument/main.ts', port: 4004 },
  { name: 'bbr', entry: 'subgraphs/bbr/main.ts', port: 4005 },
];
/** Serves BBR's GraphQL (and REST) shape from fixture data, in place of Datafordeleren. */
const BBR_OFFLINE: Service = {
  name: 'bbr-offline',
  entry: 'subgraphs/bbr/offline/main.ts',
  port: 4099,
};
/** The development key of the offline BBR upstream (not a secret: it guards fixture data). */
const OFFLINE_BBR_API_KEY = 'offline-development-key';
const GATEWAY: Service = { name: 'gateway', entry: 'gateway/main.ts', port: 4000 };
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const storeDir = getDevStoreDir(process.env);

/** `--gateway-workers N`: passed to the gateway as GATEWAY_WORKERS, which validates it. */
function readGatewayWorkers(args: string[]): Record<string, string> {
  const at = args.indexOf('--gateway-workers');
  if (at === -1) return {};
  const value = args[at + 1];
  if (value === undefined || !/^[0-9]+$/.test(value)) {
    console.error('--gateway-workers needs a number, e.g. --gateway-workers 2');
    process.exit(1);
  }
  return { GATEWAY_WORKERS: value };
}
const gatewayWorkersEnv = readGatewayWorkers(process.argv);
if (process.argv.includes('--fresh') && existsSync(storeDir)) {
  const entries = readdirSync(storeDir, { withFileTypes: true }).filter(
    (e) => e.name !== 'dev-issuer',
  );
  for (const entry of entries) rmSync(join(storeDir, entry.name), { recursive: true, force: true });
}

/** Every service verifies tokens against the development issuer. */
const AUTH_ENV = {
  AUTH_JWKS_URL: DEV_ISSUER_SETTINGS.jwksUrl,
  AUTH_ISSUER: DEV_ISSUER_SETTINGS.issuer,
  AUTH_AUDIENCE: DEV_ISSUER_SETTINGS.audience,
};
/** Where the subgraphs that look things up in other subgraphs find them. */
const ORGANISATION_URL = 'http://127.0.0.1:4001/graphql';
const SAG_URL = 'http://127.0.0.1:4003/graphql';
const KLASSIFIKATION_URL = 'http://127.0.0.1:4002/graphql';

const children = new Map<string, ChildProcess>();
let issuerServer: Server | null = null;
let stopping = false;

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
}

function startService(service: Service, env: Record<string, string>): void {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, service.entry)], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // No load balancer watches /ready here: Ctrl-C stops at once instead of after a grace period.
      SHUTDOWN_GRACE_MS: process.env.SHUTDOWN_GRACE_MS ?? '0',
      ...env,
      PORT: String(service.port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  if (child.stdout) prefixLines(service.name, child.stdout, process.stdout);
  if (child.stderr) prefixLines(service.name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(`${service.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping.`);
      void stop(1);
    }
  });
}

async function waitUntilReady(service: Service): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${service.name} did not become ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exited = [...children.values()].map(
    (child) => new Promise<void>((resolve) => child.once('exit', () => resolve())),
  );
  for (const child of children.values()) child.kill('SIGTERM');
  issuerServer?.close();
  const timer = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await Promise.all(exited);
  clearTimeout(timer);
  process.exit(exitCode);
}

async function startDevIssuer(): Promise<void> {
  const server = createDevIssuerServer(await loadDevIssuer(storeDir));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${DEV_ISSUER_SETTINGS.port} is in use: is the graph already running?`)
          : error,
      ),
    );
    server.listen(DEV_ISSUER_SETTINGS.port, '127.0.0.1', resolve);
  });
  issuerServer = server;
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const started = Date.now();
  await startDevIssuer();
  const storeEnv = { STORE: 'embedded', STORE_DIR: storeDir, SEED: 'true' };
  // A BBR_API_URL in the environment points the adapter at the real service instead (with its
  // BBR_API_KIND and credentials from the environment too). Otherwise the offline upstream, which
  // like the real service accepts only its API key.
  const bbrApiUrl = process.env.BBR_API_URL;
  if (!bbrApiUrl) startService(BBR_OFFLINE, { OFFLINE_BBR_API_KEY: OFFLINE_BBR_API_KEY });
  const bbrEnv: Record<string, string> = bbrApiUrl
    ? { BBR_API_URL: bbrApiUrl }
    : {
        BBR_API_KIND: 'graphql',
        BBR_API_URL: `http://127.0.0.1:${BBR_OFFLINE.port}`,
        BBR_API_KEY: OFFLINE_BBR_API_KEY,
      };
  const lookupEnv: Record<string, Record<string, string>> = {
    sag: { ORGANISATION_URL, KLASSIFIKATION_URL },
    dokument: { ORGANISATION_URL, SAG_URL },
  };
  for (const service of SUBGRAPHS) {
    startService(service, { ...storeEnv, ...bbrEnv, ...AUTH_ENV, ...lookupEnv[service.name] });
  }
  await Promise.all(SUBGRAPHS.map(waitUntilReady));
  startService(GATEWAY, {
    ...AUTH_ENV,
    ...gatewayWorkersEnv,
    // Tokens guard the data; the schema itself is public in development.
    INTROSPECTION: 'true',
    ...Object.fromEntries(
      SUBGRAPHS.map((s) => [
        `SUBGRAPH_URL_${s.name.toUpperCase()}`,
        `http://127.0.0.1:${s.port}/graphql`,
      ]),
    ),
  });
  await waitUntilReady(GATEWAY);
  if (stopping) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const url = `http://localhost:${GATEWAY.port}/graphql`;
  console.log(`\nThe graph is ready in ${seconds} s: ${url}`);
  console.log(`Try queries in a browser:  http://localhost:${GATEWAY.port}/`);
  console.log(
    `\nEvery request needs a token from the development issuer (${DEV_ISSUER_SETTINGS.issuer}):`,
  );
  console.log(`  npm run token -- --list                        the profiles`);
  console.log(`  TOKEN=$(npm run --silent token -- sagsbehandler)`);
  console.log(
    `  curl -s ${url} -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
  );
  console.log(`    -d '{"query":"{ sager { totalCount nodes { sagsnummer titel } } }"}'`);
  console.log(`In the browser page, paste the token into the token field.`);
  console.log(`\nData: ${storeDir} (npm start -- --fresh starts over). Stop with Ctrl-C.\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
