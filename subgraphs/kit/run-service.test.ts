import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AUTH_ENV } from './auth/testing/auth-env';

const ENTRY = join(__dirname, 'testing', 'slow-subgraph-entry.ts');
const LOAD = 20;
/** Generous: each test starts a process that compiles the service, and the machine is shared. */
const TEST_LIMIT_MS = 120_000;

interface LogLine {
  msg?: string;
  url?: string;
}

/** Starts the fixture subgraph in its own process and follows its log lines. */
async function startChild(env: Record<string, string>): Promise<{
  child: ChildProcess;
  url: string;
  lines: LogLine[];
  waitFor: (test: (lines: LogLine[]) => boolean) => Promise<void>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ...AUTH_ENV, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogLine[] = [];
  const waiters: (() => void)[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) {
      if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.on('exit', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async (test: (seen: LogLine[]) => boolean): Promise<void> => {
    while (!test(lines)) {
      if (child.exitCode !== null) throw new Error('the subgraph process exited');
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await waitFor((seen) => seen.some((l) => l.msg === 'listening'));
  const url = lines.find((l) => l.msg === 'listening')?.url ?? '';
  return { child, url, lines, waitFor };
}

async function startCollector(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

const slowQuery = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query Langsom { langsom }' }),
  }).then(async (response) => ({ status: response.status, body: await response.text() }));

describe('runService on SIGTERM', () => {
  it(
    'turns /ready to 503 at once, serves through the grace period, finishes every request, flushes spans and exits 0',
    async () => {
      const collector = await startCollector();
      const started = startChild({
        // Long enough that the request sent after the signal arrives within it on a busy machine.
        SHUTDOWN_GRACE_MS: '5000',
        SLOW_MS: '400',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      });
      // Closed however the start goes, so a failed start cannot leave the test run hanging.
      started.catch(() => collector.server.close());
      const { child, url, lines, waitFor } = await started;
      const base = url.replace('/graphql', '');
      try {
        expect((await fetch(`${base}/ready`)).status).toBe(200);
        const exited = once(child, 'exit');
        const before = Array.from({ length: LOAD }, () => slowQuery(url));
        // Every request is inside a resolver before the signal.
        await waitFor(
          (seen) => seen.filter((l) => l.msg === 'slow request started').length === LOAD,
        );
        child.kill('SIGTERM');
        await waitFor((seen) => seen.some((l) => l.msg === 'shutting down'));

        const ready = await fetch(`${base}/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ status: 'draining' });
        expect((await fetch(`${base}/health`)).status).toBe(200);
        // A request arriving during the grace period is still served.
        const during = await slowQuery(url);

        const answers = await Promise.all(before);
        const [code] = (await exited) as [number | null];
        expect(answers.map((a) => a.status)).toEqual(Array<number>(LOAD).fill(200));
        expect(answers.every((a) => a.body.includes('færdig'))).toBe(true);
        expect(during.status).toBe(200);
        expect(code).toBe(0);
        // The spans were flushed before the exit.
        const exported = collector.bodies.join('\n');
        expect(exported).toContain('"name":"Langsom"');
        expect(lines.some((l) => l.msg === 'shutdown timed out')).toBe(false);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        collector.server.close();
      }
    },
    TEST_LIMIT_MS,
  );

  it(
    'exits 0 at once without a grace period when idle',
    async () => {
      const { child } = await startChild({ SHUTDOWN_GRACE_MS: '0' });
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    },
    TEST_LIMIT_MS,
  );
});
