import type { Logger } from './logger';
import type { RequestTracer } from './tracing/create-request-tracer';

export interface RunnableServer {
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
  /** Makes `/ready` answer 503 while requests are still served (see HttpService). */
  startDraining?(): void;
  /** Exports a span per GraphQL request through `tracer`. */
  useTracer?(tracer: RequestTracer): void;
}

/** @default 5000: long enough for a load balancer polling /ready to see the 503. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5000;

export interface RunServiceOptions {
  server: RunnableServer;
  port: number;
  host: string;
  logger: Logger;
  /** Called after the server has drained, e.g. to close the store. */
  onStopped?: () => Promise<void>;
  /**
   * Time between the signal (from which `/ready` answers 503) and closing the listener; requests,
   * new connections included, are served meanwhile. @default DEFAULT_SHUTDOWN_GRACE_MS
   */
  shutdownGraceMs?: number;
  /** @default 10000: longer than any sane request, shorter than an orchestrator's kill timeout. */
  shutdownTimeoutMs?: number;
  /** Exports request spans; flushed after the drain. @default none: nothing is exported */
  tracer?: RequestTracer;
}

/**
 * Listens and shuts down cleanly on SIGTERM or SIGINT: mark the server draining (`/ready` turns
 * 503 at once, `/health` stays 200), keep serving for the grace period so load balancers take it
 * out of rotation, then stop accepting, drain in-flight requests, flush spans, run `onStopped`
 * and exit 0. Further signals during shutdown are ignored (a terminal's Ctrl-C and a supervisor's
 * SIGTERM often arrive together); a drain that outlives the timeout exits 1 at once.
 */
export async function runService(options: RunServiceOptions): Promise<string> {
  const { server, logger, tracer } = options;
  if (tracer) server.useTracer?.(tracer);
  const url = await server.listen(options.port, options.host);
  let stopping = false;
  const fail = (message: string, error?: unknown): never => {
    logger.error(
      error === undefined ? {} : { err: error instanceof Error ? error.message : 'unknown' },
      message,
    );
    process.exit(1);
  };
  const drain = async (): Promise<void> => {
    const timer = setTimeout(() => fail('shutdown timed out'), options.shutdownTimeoutMs ?? 10_000);
    timer.unref();
    await server.stop();
    // Lost spans are not worth a failed shutdown.
    await tracer?.shutdown().catch(() => logger.warn('span export failed at shutdown'));
    await options.onStopped?.();
  };
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.startDraining?.();
    const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    logger.info({ signal, graceMs }, 'shutting down');
    setTimeout(() => {
      drain().then(
        () => process.exit(0),
        (error: unknown) => fail('shutdown failed', error),
      );
    }, graceMs);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Only now: a supervisor may signal the moment it reads this line, and a signal before the
  // handlers are in place would kill the process without a drain.
  logger.info({ url }, 'listening');
  return url;
}

/** Entry-point wrapper: reports a startup failure in one line (no stack) and exits non-zero. */
export function exitOnStartupFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
