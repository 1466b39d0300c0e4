import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentStore } from './content-store';
import { createDiskContentStore } from './create-disk-content-store';
import { createGridFsContentStore } from './create-gridfs-content-store';

/** Where content lives: GridFS beside a MongoDB store, or a directory (a fresh temp dir if null). */
export type ContentStoreConfig =
  | { kind: 'disk'; dir: string | null }
  | { kind: 'gridfs'; uri: string; database: string };

/** Opens the configured adapter; `dir` tells where a disk store ended up (for a log line). */
export async function openContentStore(
  config: ContentStoreConfig,
): Promise<{ store: ContentStore; dir: string | null }> {
  if (config.kind === 'gridfs') {
    return { store: createGridFsContentStore(config), dir: null };
  }
  const dir = config.dir ?? (await mkdtemp(join(tmpdir(), 'content-')));
  return { store: await createDiskContentStore({ dir }), dir };
}
