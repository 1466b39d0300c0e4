// Imports a KLE file (UUID,EmneNr,EmneTitel) into the klassifikation store configured by the
// environment, like the service itself reads it. It reads the store settings only (STORE,
// STORE_DIR, MONGODB_URI, MONGODB_DATABASE): an offline import needs no token or port settings.
//
//   npm run import:kle -- ../shared/data/kle/kle-emneplan.csv
//
// With the embedded store and no STORE_DIR, the import goes to .data/ (where `npm start` keeps its
// data), since an import into memory would be gone when this command ends.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ConfigError, readStoreConfig, type StoreConfig } from '../subgraphs/kit/config';
import { openStore } from '../subgraphs/kit/store/open-store';
import { SERVICE_NAME } from '../subgraphs/klassifikation/config';
import { KLASSIFIKATION_INDEXES } from '../subgraphs/klassifikation/data/klassifikation-indexes';
import { importKle } from '../subgraphs/klassifikation/kle/import-kle';

const ROOT = join(__dirname, '..');
const AKTOER = 'import-kle';

function describeStore(store: StoreConfig): string {
  // Never the MongoDB URI: it may carry credentials.
  if (store.kind === 'mongodb') return `MongoDB database ${store.database}`;
  const file = store.journalFile ?? '';
  const fromHere = relative(process.cwd(), file);
  return `embedded store ${fromHere.startsWith('..') || isAbsolute(fromHere) ? file : fromHere}`;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    throw new Error('usage: npm run import:kle -- <file.csv>');
  }
  const embedded = (process.env.STORE ?? 'embedded') === 'embedded';
  const problems: string[] = [];
  const storeConfig = readStoreConfig(
    {
      ...process.env,
      STORE_DIR: process.env.STORE_DIR || (embedded ? join(ROOT, '.data') : undefined),
    },
    SERVICE_NAME,
    problems,
  );
  if (problems.length > 0) throw new ConfigError(SERVICE_NAME, problems);
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : error}`);
  }
  console.log(`Importing ${file} into the ${describeStore(storeConfig)}`);
  const store = await openStore(storeConfig, { indexes: KLASSIFIKATION_INDEXES });
  try {
    const counts = await importKle(store, csv, { aktoer: AKTOER });
    console.log(
      `created ${counts.created}, changed ${counts.changed}, unchanged ${counts.unchanged}`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // One line: ConfigError lists its problems on several.
  const oneLine = message
    .split('\n')
    .map((part) => part.trim())
    .join(' ');
  console.error(`import-kle: ${oneLine}`);
  process.exit(1);
});
