import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUuid } from '../ids';
import type { ContentInfo, ContentStore } from './content-store';
import { meterContent } from './meter-content';

export interface DiskContentStoreOptions {
  /** Created when missing. Holds `<uuid>` content files and `<uuid>.json` sidecars. */
  dir: string;
}

interface Sidecar {
  size: number;
  sha256: string;
  mimetype: string;
}

function isSidecar(value: unknown): value is Sidecar {
  const v = value as Partial<Sidecar> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.size === 'number' &&
    typeof v.sha256 === 'string' &&
    typeof v.mimetype === 'string'
  );
}

/**
 * Content as files in one directory. A write goes to a temporary file and is renamed into place
 * only when complete and checked; the sidecar with the facts is renamed in last, and a content
 * without its sidecar does not exist for readers, so a crash mid-write leaves nothing visible.
 * Only canonical uuids ever become file names: any other id is unknown, never a path.
 */
export async function createDiskContentStore(
  options: DiskContentStoreOptions,
): Promise<ContentStore> {
  const { dir } = options;
  await mkdir(dir, { recursive: true });
  const contentPath = (id: string): string => join(dir, id);
  const sidecarPath = (id: string): string => join(dir, `${id}.json`);
  const toKnownId = (id: string): string | null => (isUuid(id) ? id.toLowerCase() : null);

  async function find(id: string): Promise<ContentInfo | null> {
    const known = toKnownId(id);
    if (known === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(sidecarPath(known), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (!isSidecar(parsed)) throw new Error(`Damaged content sidecar for ${known}`);
    return { id: known, ...parsed };
  }

  return {
    async write(source, writeOptions) {
      const id = randomUUID();
      // Dot-prefixed and not a uuid: readers can never mistake a temporary file for content.
      const temporary = join(dir, `.${id}.${process.pid}.tmp`);
      const temporarySidecar = `${temporary}.json`;
      const { chunks, meter } = meterContent(source, writeOptions);
      const handle = await open(temporary, 'wx');
      let renamed = false;
      try {
        for await (const chunk of chunks) {
          let offset = 0;
          while (offset < chunk.length) {
            const { bytesWritten } = await handle.write(chunk, offset);
            offset += bytesWritten;
          }
        }
        await handle.sync();
        await handle.close();
        const sha256 = meter.finish();
        const sidecar: Sidecar = { size: meter.size(), sha256, mimetype: writeOptions.mimetype };
        await writeFile(temporarySidecar, JSON.stringify(sidecar), { flag: 'wx' });
        await rename(temporary, contentPath(id));
        renamed = true;
        await rename(temporarySidecar, sidecarPath(id));
        return { id, ...sidecar };
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(temporary, { force: true });
        await rm(temporarySidecar, { force: true });
        if (renamed) await rm(contentPath(id), { force: true });
        throw error;
      }
    },

    async open(id) {
      const info = await find(id);
      if (info === null) return null;
      const stream = createReadStream(contentPath(info.id));
      // Surface a missing file now (as unknown) instead of as a stream error mid-response.
      try {
        await new Promise<void>((resolve, reject) => {
          stream.once('open', () => resolve());
          stream.once('error', reject);
        });
      } catch (error) {
        stream.destroy();
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return { stream, size: info.size, sha256: info.sha256, mimetype: info.mimetype };
    },

    find,

    async remove(id) {
      const known = toKnownId(id);
      if (known === null) return;
      // Sidecar first: the content disappears for readers before its bytes do.
      await rm(sidecarPath(known), { force: true });
      await rm(contentPath(known), { force: true });
    },

    async ping() {
      await access(dir);
    },

    async close() {
      // Nothing is held open between calls.
    },
  };
}
