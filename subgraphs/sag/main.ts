import { exitOnStartupFailure } from '../kit/run-service';
import { runStoredSubgraph } from '../kit/run-stored-subgraph';
import { loadConfig } from './config';
import { SAG_INDEXES } from './data/sag-indexes';
import { seedSag } from './seed/seed-sag';
import { createSagServer } from './server';

async function main(): Promise<void> {
  // Inside main, so a configuration error is reported by exitOnStartupFailure, not as a crash.
  await runStoredSubgraph({
    name: 'sag',
    config: loadConfig(process.env),
    indexes: SAG_INDEXES,
    seed: (store) => seedSag(store),
    createServer: createSagServer,
  });
}

main().catch(exitOnStartupFailure);
