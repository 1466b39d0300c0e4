import { join } from 'node:path';

/** The folder `npm start` keeps its data in: STORE_DIR, or `.data/` at the repository root. */
export function getDevStoreDir(env: Readonly<Record<string, string | undefined>>): string {
  return env.STORE_DIR || join(__dirname, '..', '..', '.data');
}
