import { createHttpOrganisationDirectory } from '../kit/auth/create-http-organisation-directory';
import { exitOnStartupFailure } from '../kit/run-service';
import { runStoredSubgraph } from '../kit/run-stored-subgraph';
import { loadConfig } from './config';
import { SAG_INDEXES } from './data/sag-indexes';
import { createHttpKleLookup } from './klassifikation/create-http-kle-lookup';
import { seedSag } from './seed/seed-sag';
import { createSagServer } from './server';

async function main(): Promise<void> {
  // Inside main, so a configuration error is reported by exitOnStartupFailure, not as a crash.
  const config = loadConfig(process.env);
  const directory = createHttpOrganisationDirectory({ url: config.organisationUrl });
  const kle = createHttpKleLookup({ url: config.klassifikationUrl });
  await runStoredSubgraph({
    name: 'sag',
    config,
    indexes: SAG_INDEXES,
    seed: (store) => seedSag(store),
    audit: { retentionMs: config.auditRetentionMs },
    createServer: ({ auditLog, ...deps }) => {
      if (!auditLog) throw new Error('The sag subgraph needs its access log');
      return createSagServer({
        ...deps,
        auditLog,
        directory,
        kle,
        auditRetentionMs: config.auditRetentionMs,
      });
    },
  });
}

main().catch(exitOnStartupFailure);
