import { exitOnStartupFailure } from '../kit/run-service';
import { runStoredSubgraph } from '../kit/run-stored-subgraph';
import { loadConfig } from './config';
import { KLASSIFIKATION_INDEXES } from './data/klassifikation-indexes';
import { seedKlassifikation } from './seed/seed-klassifikation';
import { createKlassifikationServer } from './server';

async function main(): Promise<void> {
  // Inside main, so a configuration error is reported by exitOnStartupFailure, not as a crash.
  await runStoredSubgraph({
    name: 'klassifikation',
    config: loadConfig(process.env),
    indexes: KLASSIFIKATION_INDEXES,
    seed: (store) => seedKlassifikation(store),
    createServer: createKlassifikationServer,
  });
}

main().catch(exitOnStartupFailure);
