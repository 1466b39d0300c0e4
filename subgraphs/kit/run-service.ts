import type { Logger } from './logger';

export interface RunnableServer {
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface RunServiceOptions {
  server: RunnableServer;
  port: number;
  host: string;
  logger: Logger;
  /** Called after the server has drained, e.g. to close the store. */
  onStopped?: () => Promise<void>;
  /** @default 10000: longer than any sane request, shorter than an orchestrator's kill timeout. */
  shutdownTimeoutMs?: number;
}

/**
 * Listens and shuts down cleanly on SIGTERM or SIGINT: stop accepting, drain in-flight requests,
 * run `onStopped`, exit. Further signals during shutdown are ignored (a terminal's Ctrl-C and a
 * supervisor's SIGTERM often arrive together); a drain that outlives the timeout exits at once.
 */
export async function runService(options: RunServiceOptions): Promise<string> {
  const url = await options.server.listen(options.port, options.host);
  options.logger.info({ url }, 'listening');
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger.error('shutdown timed out');
      process.exit(1);
    }, options.shutdownTimeoutMs ?? 10_000);
    timer.unref();
    options.server
      .stop()
      .then(() => options.onStopped?.())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          options.logger.error(
            { err: error instanceof Error ? error.message : 'unknown' },
            'shutdown failed',
          );
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return url;
}

/** Entry-point wrapper: reports a startup failure in one line (no stack) and exits non-zero. */
export function exitOnStartupFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
