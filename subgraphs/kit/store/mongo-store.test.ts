import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { createMongoStore } from './mongo-store';
import { describeStoreContract } from './store-contract';

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
