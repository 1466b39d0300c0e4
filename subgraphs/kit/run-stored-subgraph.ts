import type { AuditLog } from './audit/audit-log';
import { openAuditLog } from './audit/open-audit-log';
import type { Authenticator } from './auth/create-authenticator';
import { createAuthenticatorFromConfig } from './auth/create-authenticator-from-config';
import { assertDurableStore, isMemoryStore, type ServiceConfig } from './config';
import type { SubgraphServer } from './create-subgraph-server';
import { createLogger, type Logger } from './logger';
import { measureStore } from './metrics/measure-store';
import { runService } from './run-service';
import type { BitemporalStore } from './store/bitemporal-store';
import { openStore } from './store/open-store';
import { createTracerFromConfig } from './tracing/create-tracer-from-config';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunStoredSubgraphOptions {
  name: string;
  config: ServiceConfig & { seed: boolean };
  /** Data paths the subgraph searches by, indexed by the MongoDB adapter. */
  indexes: string[];
  /** Loads the demo seed (idempotent); its result is logged. */
  seed: (store: BitemporalStore) => Promise<object>;
  /**
   * For a subgraph that holds personal data: open its access log beside the store (see
   * `openAuditLog`), keep it for `retentionMs` and hand it to `createServer` as `auditLog`.
   */
  audit?: { retentionMs: number };
  createServer: (deps: {
    store: BitemporalStore;
    logger: Logger;
    introspection: boolean;
    authenticate: Authenticator;
    /** Set exactly when `audit` is given. */
    auditLog?: AuditLog;
  }) => Promise<SubgraphServer>;
}

/** Deletes access log records older than the retention; a failure is logged, never fatal. */
async function purgeAuditLog(log: AuditLog, retentionMs: number, logger: Logger): Promise<void> {
  try {
    const purged = await log.purgeBefore(new Date(Date.now() - retentionMs));
    logger.info({ purged }, 'purged expired access log records');
  } catch (error) {
    logger.error(
      { err: { type: error instanceof Error ? error.name : typeof error } },
      'access log purge failed',
    );
  }
}

/**
 * The entry point of a subgraph that keeps one store (and, with `audit`, an access log): refuse
 * an in-memory store in production (see `assertDurableStore`), open them, seed when configured, serve, and close the store and then the access log after the drain
 * on shutdown (or at once if startup fails after they opened). Expired access log records are
 * purged at start and once a day. Store calls are timed into the server's /metrics; spans are
 * exported when a collector is configured.
 */
export async function runStoredSubgraph(options: RunStoredSubgraphOptions): Promise<void> {
  const { config, audit } = options;
  assertDurableStore(config, options.name);
  const logger = createLogger({ name: options.name, level: config.logLevel });
  if (config.production && isMemoryStore(config.store)) {
    logger.warn('ALLOW_MEMORY_STORE=true: the store and access log are lost on restart');
  }
  const store = await openStore(config.store, { indexes: options.indexes });
  let auditLog: AuditLog | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  const close = async (): Promise<void> => {
    clearInterval(purgeTimer);
    try {
      await store.close();
    } finally {
      await auditLog?.close();
    }
  };
  try {
    if (audit) {
      auditLog = await openAuditLog(config.store, {
        retentionMs: audit.retentionMs,
        name: options.name,
      });
      const log = auditLog;
      await purgeAuditLog(log, audit.retentionMs, logger);
      purgeTimer = setInterval(() => void purgeAuditLog(log, audit.retentionMs, logger), DAY_MS);
      // The daily purge must not keep a stopping process alive.
      purgeTimer.unref();
    }
    if (config.seed) logger.info(await options.seed(store), 'seeded demo data');
    // Timed per operation into the server's /metrics, once the server (and its registry) exists.
    const measured = measureStore(store, { service: options.name });
    const server = await options.createServer({
      store: measured.store,
      logger,
      introspection: !config.production,
      authenticate: createAuthenticatorFromConfig(config.auth),
      ...(auditLog ? { auditLog } : {}),
    });
    server.metrics.registerMetric(measured.histogram);
    await runService({
      server,
      port: config.port,
      host: config.host,
      logger,
      onStopped: close,
      shutdownGraceMs: config.shutdownGraceMs,
      tracer: createTracerFromConfig(options.name, config.tracing),
    });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
