import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time in ms and resident memory in MB of one process, as Linux counts them. */
export interface ProcessUsage {
  cpuMs: number;
  rssMb: number;
  /** Highest resident memory since the process started (VmHWM). */
  peakRssMb: number;
}

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every common build). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Reads /proc/<pid>/stat and /proc/<pid>/status; null when the process is gone. */
export function readProcessUsage(pid: number): ProcessUsage | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number =>
      Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND,
      rssMb: kb('VmRSS') / 1024,
      peakRssMb: kb('VmHWM') / 1024,
    };
  } catch {
    return null;
  }
}

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The last lines it wrote, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `args` under node with `env`; its output is kept (the last 50 lines), not printed. */
export function startBenchProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): BenchProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 50));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return {
    name,
    child,
    pid: child.pid,
    output: () => lines.join('\n'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Polls `probe` until it answers true; fails with the process's output when it exits or times out. */
export async function waitForProcess(
  process_: BenchProcess,
  probe: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process_.child.exitCode !== null) {
      throw new Error(`${process_.name} exited during start:\n${process_.output()}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${process_.name} was not ready within ${timeoutMs / 1000} s:\n${process_.output()}`,
  );
}
