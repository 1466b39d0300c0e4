import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AUTH_ENV } from '../../subgraphs/kit/auth/testing/auth-env';

/** A port free right now. */
function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Generous: each step starts a process that compiles the gateway, and the machine is shared. The
 * test waits for conditions, never for a time.
 */
const STEP_LIMIT_MS = 120_000;

interface LogLine {
  msg?: string;
  role?: string;
  worker?: number | string;
  pid?: number;
  exitCode?: number;
}

describe('the gateway with GATEWAY_WORKERS=2', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it(
    'serves /health from each worker, restarts a crashed one and exits 0 on SIGTERM',
    async () => {
      const port = await getFreePort();
      const lines: LogLine[] = [];
      child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'main.ts')], {
        env: {
          PATH: process.env.PATH,
          ...AUTH_ENV,
          PORT: String(port),
          GATEWAY_WORKERS: '2',
          LOG_LEVEL: 'info',
          // No load balancer polls /ready here: the drain starts at once, well inside the
          // primary's own shutdown timeout however slow the machine is.
          SHUTDOWN_GRACE_MS: '0',
          // Nothing listens there: the workers must start and stay healthy without subgraphs.
          SUBGRAPH_URL_ORGANISATION: 'http://127.0.0.1:9/graphql',
          SUBGRAPH_URL_KLASSIFIKATION: 'http://127.0.0.1:9/graphql',
          SUBGRAPH_URL_SAG: 'http://127.0.0.1:9/graphql',
          SUBGRAPH_URL_DOKUMENT: 'http://127.0.0.1:9/graphql',
          SUBGRAPH_URL_BBR: 'http://127.0.0.1:9/graphql',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        for (const line of complete) {
          try {
            lines.push(JSON.parse(line) as LogLine);
          } catch {
            // not a log line
          }
        }
      });
      const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));

      const listening = (): LogLine[] =>
        lines.filter((l) => l.role === 'primary' && l.msg === 'worker listening');
      const waitFor = async (
        condition: () => boolean,
        timeoutMs = STEP_LIMIT_MS,
      ): Promise<void> => {
        const deadline = Date.now() + timeoutMs;
        while (!condition()) {
          if (Date.now() > deadline) throw new Error('condition not met in time');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      const health = async (): Promise<number> =>
        (await fetch(`http://127.0.0.1:${port}/health`, { headers: { connection: 'close' } }))
          .status;
      /** Kills one worker and checks the other still answers before the first is back. */
      const crash = async (pid: number | undefined, restartsBefore: number): Promise<void> => {
        if (pid === undefined) throw new Error('no worker pid logged');
        process.kill(pid, 'SIGKILL');
        await waitFor(
          () =>
            lines.filter((l) => l.msg === 'worker exited; restarting').length ===
            restartsBefore + 1,
        );
        // Only the other worker is left to answer these.
        expect(await health()).toBe(200);
        expect(await health()).toBe(200);
      };

      await waitFor(() => listening().length === 2);
      const [first, second] = listening();
      expect(first?.pid).not.toBe(second?.pid);
      expect(await health()).toBe(200);

      // Each crash leaves the other worker serving, so each of them served /health.
      await crash(first?.pid, 0);
      await waitFor(() => listening().length === 3);
      await crash(second?.pid, 1);
      await waitFor(() => listening().length === 4);
      const pids = new Set(listening().map((l) => l.pid));
      expect(pids.size).toBe(4);
      expect(await health()).toBe(200);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines.filter((l) => l.msg === 'workers stopped')).toEqual([
        expect.objectContaining({ exitCode: 0 }),
      ]);
    },
    6 * STEP_LIMIT_MS,
  );
});
