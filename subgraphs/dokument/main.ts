import { createAuthenticatorFromConfig } from '../kit/auth/create-authenticator-from-config';
import { createHttpOrganisationDirectory } from '../kit/auth/create-http-organisation-directory';
import type { AuditLog } from '../kit/audit/audit-log';
import { openAuditLog } from '../kit/audit/open-audit-log';
import { openContentStore } from '../kit/content/open-content-store';
import { createLogger } from '../kit/logger';
import { measureStore } from '../kit/metrics/measure-store';
import { exitOnStartupFailure, runService } from '../kit/run-service';
import { openStore } from '../kit/store/open-store';
import { createTracerFromConfig } from '../kit/tracing/create-tracer-from-config';
import { loadConfig } from './config';
import { DOKUMENT_INDEXES } from './data/dokument-indexes';
import { createHttpSagLookup } from './sag-lookup/create-http-sag-lookup';
import { sweepUnattachedIndhold } from './indhold/sweep-unattached-indhold';
import { seedDokument } from './seed/seed-dokument';
import { createDokumentServer } from './server';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'dokument', level: config.logLevel });
  const store = await openStore(config.store, { indexes: DOKUMENT_INDEXES });
  let content: Awaited<ReturnType<typeof openContentStore>> | undefined;
  let auditLog: AuditLog | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  const closeAll = async (): Promise<void> => {
    clearInterval(purgeTimer);
    clearInterval(sweepTimer);
    await Promise.allSettled([store.close(), content?.store.close(), auditLog?.close()]);
  };
  try {
    content = await openContentStore(config.content);
    if (config.content.kind === 'disk' && config.content.dir === null) {
      // Said out loud: uploads in a temporary directory are gone with the machine's next cleanup.
      logger.warn(
        { dir: content.dir },
        'STORE_DIR unset: file content kept in a temporary directory',
      );
    }
    const log = await openAuditLog(config.store, {
      retentionMs: config.auditRetentionMs,
      name: 'dokument',
    });
    auditLog = log;
    // Records past the retention are deleted at start and once a day; a failed purge is retried
    // the next day and never stops the service.
    const purge = async (): Promise<void> => {
      try {
        const purged = await log.purgeBefore(new Date(Date.now() - config.auditRetentionMs));
        logger.info({ purged }, 'access log purged');
      } catch (error) {
        logger.error(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          'access log purge failed',
        );
      }
    };
    await purge();
    purgeTimer = setInterval(() => void purge(), DAY_MS);
    purgeTimer.unref();
    const contentStore = content.store;
    // Content no document holds is removed once its TTL has passed, checked at start and every hour; a failed
    // sweep is retried the next hour and never stops the service.
    const sweep = async (): Promise<void> => {
      try {
        const swept = await sweepUnattachedIndhold({
          store,
          contentStore,
          ttlMs: config.contentTtlMs,
          now: () => new Date(),
        });
        logger.info(swept, 'unattached content swept');
      } catch (error) {
        logger.error(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          'unattached content sweep failed',
        );
      }
    };
    await sweep();
    sweepTimer = setInterval(() => void sweep(), HOUR_MS);
    sweepTimer.unref();
    if (config.seed) {
      const seeded = await seedDokument(store, content.store);
      logger.info(seeded, 'seeded demo data');
    }
    const measured = measureStore(store, { service: 'dokument' });
    const server = await createDokumentServer({
      store: measured.store,
      contentStore: content.store,
      sagLookup: createHttpSagLookup({ url: config.sagUrl }),
      directory: createHttpOrganisationDirectory({ url: config.organisationUrl }),
      auditLog: log,
      auditRetentionMs: config.auditRetentionMs,
      logger,
      introspection: !config.production,
      authenticate: createAuthenticatorFromConfig(config.auth),
      maxContentBytes: config.maxContentBytes,
      contentAttachWindowMs: config.contentAttachWindowMs,
    });
    server.metrics.registerMetric(measured.histogram);
    await runService({
      server,
      port: config.port,
      host: config.host,
      logger,
      onStopped: closeAll,
      shutdownGraceMs: config.shutdownGraceMs,
      tracer: createTracerFromConfig('dokument', config.tracing),
    });
  } catch (error) {
    // Startup failed after the stores opened: release them so the process can exit cleanly.
    await closeAll();
    throw error;
  }
}

main().catch(exitOnStartupFailure);
