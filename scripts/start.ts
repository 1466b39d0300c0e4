// Starts every subgraph and the gateway as separate processes on localhost, with the embedded
// store and seeded demo data, prints the endpoint once it answers, and stops them all on Ctrl-C.
//
//   npm start              data kept in .data/ between runs (seeding is idempotent)
//   npm start -- --fresh   start from the seed only (deletes .data/ first)
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

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
/** Serves BBR's REST shape from fixture data, in place of Datafordeleren. */
const BBR_OFFLINE: Service = {
  name: 'bbr-offline',
  entry: 'subgraphs/bbr/offline/main.ts',
  port: 4099,
};
const GATEWAY: Service = { name: 'gateway', entry: 'gateway/main.ts', port: 4000 };
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const storeDir = process.env.STORE_DIR ?? join(ROOT, '.data');
if (process.argv.includes('--fresh')) rmSync(storeDir, { recursive: true, force: true });

const children = new Map<string, ChildProcess>();
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
  const timer = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await Promise.all(exited);
  clearTimeout(timer);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const started = Date.now();
  const storeEnv = { STORE: 'embedded', STORE_DIR: storeDir, SEED: 'true' };
  // A BBR_API_URL in the environment points the adapter at the real service instead.
  const bbrApiUrl = process.env.BBR_API_URL;
  if (!bbrApiUrl) startService(BBR_OFFLINE, {});
  const bbrEnv = {
    BBR_API_URL: bbrApiUrl ?? `http://127.0.0.1:${BBR_OFFLINE.port}/BBR/BBRPublic/1/rest`,
  };
  for (const service of SUBGRAPHS) startService(service, { ...storeEnv, ...bbrEnv });
  await Promise.all(SUBGRAPHS.map(waitUntilReady));
  startService(
    GATEWAY,
    Object.fromEntries(
      SUBGRAPHS.map((s) => [
        `SUBGRAPH_URL_${s.name.toUpperCase()}`,
        `http://127.0.0.1:${s.port}/graphql`,
      ]),
    ),
  );
  await waitUntilReady(GATEWAY);
  if (stopping) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nThe graph is ready in ${seconds} s: http://localhost:${GATEWAY.port}/graphql`);
  console.log(`Try queries in a browser:  http://localhost:${GATEWAY.port}/`);
  console.log(`Data: ${storeDir} (npm start -- --fresh starts over). Stop with Ctrl-C.\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
