import { exitOnStartupFailure } from '../kit/run-service';
import { runStoredSubgraph } from '../kit/run-stored-subgraph';
import { loadConfig } from './config';
import { ORGANISATION_INDEXES } from './data/organisation-indexes';
import { seedOrganisation } from './seed/seed-organisation';
import { createOrganisationServer } from './server';

async function main(): Promise<void> {
  // Inside main, so a configuration error is reported by exitOnStartupFailure, not as a crash.
  await runStoredSubgraph({
    name: 'organisation',
    config: loadConfig(process.env),
    indexes: ORGANISATION_INDEXES,
    seed: (store) => seedOrganisation(store),
    createServer: createOrganisationServer,
  });
}

main().catch(exitOnStartupFailure);
