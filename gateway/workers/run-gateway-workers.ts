import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../../subgraphs/kit/logger';

export interface GatewayWorkersOptions {
  /** How many workers share the port. */
  workers: number;
  logger: Logger;
  /** Delay before the first restart of a crashed worker; doubles with each further crash. @default 1000 */
  restartDelayMs?: number;
  /** @default 30000 */
  maxRestartDelayMs?: number;
  /** Crashes tolerated within `crashWindowMs`; one more stops the gateway (exit 1). @default 5 */
  maxRestarts?: number;
  /** @default 60000 */
  crashWindowMs?: number;
  /**
   * How long the workers get to drain after a signal before they are killed (exit 1). Longer
   * than a worker's own grace period and drain timeout together, so a worker normally ends on
   * its own. @default 20000
   */
  shutdownTimeoutMs?: number;
}

/**
 * The cluster primary: forks `workers` gateway processes (node:cluster; each runs the entry point
 * again and listens on the shared port, with its own caches, as the gateway keeps no state between
 * requests). A worker that crashes after it listened is restarted with a growing delay; more than
 * `maxRestarts` crashes within `crashWindowMs`, or a worker that fails before it listens (bad
 * configuration or supergraph: a restart would fail the same way), stops them all with exit 1.
 * SIGTERM or SIGINT is passed on to every worker; the primary exits once they have drained, 0
 * when each of them exited 0.
 */
export function runGatewayWorkers(options: GatewayWorkersOptions): void {
  const { logger } = options;
  const restartDelayMs = options.restartDelayMs ?? 1000;
  const maxRestartDelayMs = options.maxRestartDelayMs ?? 30_000;
  const maxRestarts = options.maxRestarts ?? 5;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  const live = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  let crashes: number[] = [];
  let stopping = false;
  let exitCode = 0;

  const finishIfDone = (): void => {
    if (stopping && live.size === 0 && restarts.size === 0) {
      logger.info({ exitCode }, 'workers stopped');
      process.exit(exitCode);
    }
  };

  const stop = (code: number, signal?: string): void => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: live.size }, 'stopping workers');
    for (const timer of restarts) clearTimeout(timer);
    restarts.clear();
    for (const worker of live) worker.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      logger.error({ workers: live.size }, 'workers did not drain in time; killing them');
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, options.shutdownTimeoutMs ?? 20_000);
    timer.unref();
    finishIfDone();
  };

  const fork = (slot: number): void => {
    const worker = cluster.fork({ GATEWAY_WORKER: String(slot) });
    live.add(worker);
    let listening = false;
    worker.once('listening', () => {
      listening = true;
      logger.info({ worker: slot, pid: worker.process.pid }, 'worker listening');
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (code !== 0) exitCode = 1;
        finishIfDone();
        return;
      }
      if (!listening) {
        logger.error({ worker: slot, code, signal }, 'worker failed to start; stopping');
        stop(1);
        return;
      }
      const at = Date.now();
      crashes = [...crashes.filter((t) => at - t < crashWindowMs), at];
      if (crashes.length > maxRestarts) {
        logger.error(
          { worker: slot, code, signal, crashes: crashes.length, windowMs: crashWindowMs },
          'workers keep crashing; stopping',
        );
        stop(1);
        return;
      }
      const delayMs = Math.min(restartDelayMs * 2 ** (crashes.length - 1), maxRestartDelayMs);
      logger.warn(
        { worker: slot, code, signal, restartInMs: delayMs },
        'worker exited; restarting',
      );
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) fork(slot);
      }, delayMs);
      restarts.add(timer);
    });
  };

  process.on('SIGTERM', () => stop(0, 'SIGTERM'));
  process.on('SIGINT', () => stop(0, 'SIGINT'));
  for (let slot = 1; slot <= options.workers; slot += 1) fork(slot);
}
