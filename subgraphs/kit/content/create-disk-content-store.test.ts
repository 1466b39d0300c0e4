import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ContentStore } from './content-store';
import { createDiskContentStore } from './create-disk-content-store';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Yields `bytes` in small pieces, as a network upload arrives. */
async function* inPieces(bytes: Buffer, size = 1000): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.subarray(offset, offset + size);
  }
}

describe('createDiskContentStore', () => {
  let dir: string;
  let store: ContentStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disk-content-test-'));
    store = await createDiskContentStore({ dir });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives back byte-identical content with its size, hash and media type', async () => {
    const bytes = randomBytes(200_000);
    const written = await store.write(inPieces(bytes), {
      maxBytes: bytes.length,
      expectedSha256: sha256(bytes).toUpperCase(),
      mimetype: 'application/octet-stream',
    });
    expect(written).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      size: bytes.length,
      sha256: sha256(bytes),
      mimetype: 'application/octet-stream',
    });
    const opened = await store.open(written.id);
    if (opened === null) throw new Error('written content not found');
    expect(opened).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
    expect((await readAll(opened.stream)).equals(bytes)).toBe(true);
    expect(await store.find(written.id.toUpperCase())).toEqual(written);
  });

  it('reads a Readable source, including an empty one', async () => {
    const written = await store.write(Readable.from([]), { maxBytes: 10, mimetype: 'text/plain' });
    expect(written).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    const opened = await store.open(written.id);
    if (opened === null) throw new Error('written content not found');
    expect(await readAll(opened.stream)).toEqual(Buffer.alloc(0));
  });

  it('refuses content over maxBytes with PAYLOAD_TOO_LARGE and leaves no file', async () => {
    const bytes = randomBytes(5001);
    await expect(
      store.write(inPieces(bytes), { maxBytes: 5000, mimetype: 'text/plain' }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('stops reading a Readable at the limit without destroying it', async () => {
    const source = Readable.from([randomBytes(10), randomBytes(10), randomBytes(10)], {
      objectMode: false,
    });
    await expect(store.write(source, { maxBytes: 15, mimetype: 'text/plain' })).rejects.toThrow(
      'exceeds 15 bytes',
    );
    expect(source.destroyed).toBe(false);
  });

  it('refuses content whose hash differs with CHECKSUM_MISMATCH and leaves no file', async () => {
    const bytes = Buffer.from('hej verden');
    await expect(
      store.write(inPieces(bytes), {
        maxBytes: 100,
        expectedSha256: sha256(Buffer.from('noget andet')),
        mimetype: 'text/plain',
      }),
    ).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', status: 400 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers null for an unknown id', async () => {
    expect(await store.open('5d1c0f4e-3c1a-4b8e-9a53-6f1b8a2f0d11')).toBeNull();
    expect(await store.find('5d1c0f4e-3c1a-4b8e-9a53-6f1b8a2f0d11')).toBeNull();
  });

  it.each(['../secret', '..%2Fsecret', '/etc/passwd', 'secret', '', 'a/b'])(
    'answers null for the id %j, never touching a path outside the store',
    async (id) => {
      // A file next to the store that a traversal would reach.
      await writeFile(join(dir, '..', 'secret.json'), '{"size":1,"sha256":"x","mimetype":"x"}');
      await writeFile(join(dir, 'secret.json'), '{"size":1,"sha256":"x","mimetype":"x"}');
      try {
        expect(await store.open(id)).toBeNull();
        expect(await store.find(id)).toBeNull();
        await store.remove(id);
      } finally {
        await rm(join(dir, '..', 'secret.json'), { force: true });
      }
      expect(await readdir(dir)).toEqual(['secret.json']);
    },
  );

  it('removes content, after which it is unknown', async () => {
    const written = await store.write(inPieces(Buffer.from('x')), {
      maxBytes: 10,
      mimetype: 'text/plain',
    });
    await store.remove(written.id);
    expect(await store.open(written.id)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('is ready while its directory exists', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    await rm(dir, { recursive: true });
    await expect(store.ping()).rejects.toThrow();
  });
});
