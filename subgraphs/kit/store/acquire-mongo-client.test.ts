import type { MongoClient } from 'mongodb';
import { acquireMongoClient } from './acquire-mongo-client';

function createFakeClient(failConnect = false) {
  const counts = { created: 0, connects: 0, closes: 0 };
  const create = () => {
    counts.created += 1;
    return {
      connect: async () => {
        counts.connects += 1;
        if (failConnect) throw new Error('no server');
      },
      close: async () => {
        counts.closes += 1;
      },
    } as unknown as MongoClient;
  };
  return { counts, create };
}

describe('acquireMongoClient', () => {
  it('shares one connected client per server and closes it after the last release', async () => {
    const fake = createFakeClient();
    const settings = { uri: 'mongodb://shared.example:27017' };
    const store = await acquireMongoClient(settings, fake.create);
    const log = await acquireMongoClient(settings, fake.create);
    expect(store.client).toBe(log.client);
    expect(fake.counts).toEqual({ created: 1, connects: 1, closes: 0 });
    await store.release();
    await store.release();
    expect(fake.counts.closes).toBe(0);
    await log.release();
    expect(fake.counts.closes).toBe(1);
    // A new lease after the last release opens a new client.
    const again = await acquireMongoClient(settings, fake.create);
    expect(fake.counts.created).toBe(2);
    await again.release();
  });

  it('keeps servers apart and forgets a failed connect', async () => {
    const failing = createFakeClient(true);
    const settings = { uri: 'mongodb://down.example:27017' };
    await expect(acquireMongoClient(settings, failing.create)).rejects.toThrow('no server');
    await expect(acquireMongoClient(settings, failing.create)).rejects.toThrow('no server');
    expect(failing.counts.created).toBe(2);
    const other = createFakeClient();
    const lease = await acquireMongoClient({ uri: 'mongodb://up.example:27017' }, other.create);
    expect(other.counts.connects).toBe(1);
    await lease.release();
  });
});
