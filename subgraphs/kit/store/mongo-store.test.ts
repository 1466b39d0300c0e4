import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { createMingoMongoClient } from '../testing/create-mingo-mongo-client';
import { createMongoStore } from './mongo-store';
import { describeStoreContract } from './store-contract';

// The adapter's own code and query documents against mingo, an independent implementation of
// MongoDB's query and update language (see createMingoMongoClient for what that does not prove).
// The same suite runs against a real server below when MONGODB_URI is set, and in the project's
// GitHub Actions workflow against a mongo:8 service container.
describeStoreContract(
  'MongoDB adapter on an in-process stand-in (mingo)',
  () =>
    createMongoStore({
      client: createMingoMongoClient().client,
      database: 'test',
      indexes: ['navn', 'kle.klasse'],
    }),
  {
    knownDifferences: {
      'matches eq null where the value is null or missing':
        "mingo's $type does not look inside arrays, which the server's does",
    },
  },
);

describe('MongoDB adapter with a shared client', () => {
  it('leaves a client it was given open for its owner to close', async () => {
    const mingo = createMingoMongoClient();
    const store = await createMongoStore({ client: mingo.client, database: 'test' });
    await store.close();
    expect(mingo.closed()).toBe(0);
  });
});

const uri = process.env.MONGODB_URI;

if (uri) {
  // One database per run, so parallel runs against one server never see each other's objects.
  const database = `kommunegraf_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const open = () =>
    createMongoStore({
      uri,
      database,
      indexes: ['navn', 'kle.klasse'],
      serverSelectionTimeoutMS: 5000,
    });

  afterAll(async () => {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  });

  describeStoreContract('MongoDB adapter', open);

  describe('MongoDB adapter storage', () => {
    it('creates the keyset index and one index per searched data path', async () => {
      const store = await open();
      await store.close();
      const client = new MongoClient(uri);
      try {
        const keys = (await client.db(database).collection('objekter').indexes()).map(
          (index) => index.key,
        );
        expect(keys).toEqual(
          expect.arrayContaining([
            { type: 1, sortKey: 1, _id: 1 },
            { type: 1, 'registreringer.virkninger.data.navn': 1 },
            { type: 1, 'registreringer.virkninger.data.kle.klasse': 1 },
          ]),
        );
      } finally {
        await client.close();
      }
    });

    it('stores one document per object with open ends as the far-future date', async () => {
      const store = await open();
      const uuid = randomUUID();
      const fra = new Date('2020-01-01T00:00:00.000Z');
      try {
        await store.append({
          type: 'Lager',
          uuid,
          expectedVersion: 0,
          livscyklus: 'OPSTAAET',
          aktoer: 'test',
          virkninger: [{ fra, til: null, data: { navn: 'A' } }],
          sortKey: 'a',
        });
      } finally {
        await store.close();
      }
      const client = new MongoClient(uri);
      try {
        const document = await client
          .db(database)
          .collection<{ _id: string }>('objekter')
          .findOne({ _id: uuid });
        expect(document).toMatchObject({
          _id: uuid,
          type: 'Lager',
          version: 1,
          sortKey: 'a',
          registreringer: [
            {
              nr: 1,
              til: new Date('9999-12-31T00:00:00.000Z'),
              virkninger: [{ fra, til: new Date('9999-12-31T00:00:00.000Z') }],
            },
          ],
        });
      } finally {
        await client.close();
      }
    });
  });
} else {
  // Not `describe.skip`: jest prints nothing at all for a suite whose every test is skipped, and
  // the missing half must be visible in the output. A todo is listed under this title.
  describe('MongoDB adapter (skipped: set MONGODB_URI to run)', () => {
    beforeAll(() => {
      process.stderr.write(
        '\nMongoDB store contract skipped: set MONGODB_URI to run it against a server.\n\n',
      );
    });
    it.todo('passes the shared store contract');
  });
}
