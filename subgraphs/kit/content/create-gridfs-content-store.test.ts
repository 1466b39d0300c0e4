import { createGridFsContentStore } from './create-gridfs-content-store';

// No MongoDB server can be installed on the build machines: these cases must all be answered
// before the adapter would contact one (port 9 discards; selection gives up at once).
describe('createGridFsContentStore without a server', () => {
  const store = createGridFsContentStore({
    uri: 'mongodb://127.0.0.1:9/?directConnection=true',
    database: 'test',
    serverSelectionTimeoutMS: 200,
  });
  afterAll(() => store.close());

  it.each(['../fs.files', '{"$gt":""}', 'not-a-uuid', ''])(
    'treats the id %j as unknown without a query',
    async (id) => {
      expect(await store.open(id)).toBeNull();
      expect(await store.find(id)).toBeNull();
      await expect(store.remove(id)).resolves.toBeUndefined();
    },
  );

  it('refuses content over maxBytes before opening an upload', async () => {
    await expect(
      store.write(
        (async function* () {
          yield Buffer.alloc(11);
        })(),
        { maxBytes: 10, mimetype: 'text/plain' },
      ),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('fails readiness when the server is unreachable', async () => {
    await expect(store.ping()).rejects.toThrow();
  });
});
