import { MongoClient } from 'mongodb';

/** A share of the process's client for one server; `release` closes it after the last share. */
export interface MongoClientLease {
  client: MongoClient;
  release(): Promise<void>;
}

export interface MongoClientSettings {
  uri: string;
  serverSelectionTimeoutMS?: number;
}

/**
 * A client with the settings every adapter needs: majority writes, and a short server selection
 * timeout (the driver's 30 s would hold a readiness probe far longer than a dead database
 * deserves).
 */
export function createMongoClient(options: MongoClientSettings): MongoClient {
  return new MongoClient(options.uri, {
    writeConcern: { w: 'majority' },
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  });
}

interface SharedClient {
  connected: Promise<MongoClient>;
  leases: number;
}

/**
 * The process's MongoDB clients, one per server and settings, so a service's store and access
 * log share one connection pool instead of opening one each. Process-wide on purpose: a client is
 * a pool of connections, holding no caller's data.
 */
const shared = new Map<string, SharedClient>();

/**
 * A lease of the one connected client for `settings`, connecting it on first use. A failed connect
 * is forgotten, so the next caller tries again.
 */
export async function acquireMongoClient(
  settings: MongoClientSettings,
  create: (settings: MongoClientSettings) => MongoClient = createMongoClient,
): Promise<MongoClientLease> {
  const key = JSON.stringify([settings.uri, settings.serverSelectionTimeoutMS ?? null]);
  let entry = shared.get(key);
  if (!entry) {
    const client = create(settings);
    const created: SharedClient = {
      leases: 0,
      connected: client.connect().then(
        () => client,
        async (error: unknown) => {
          if (shared.get(key) === created) shared.delete(key);
          await client.close().catch(() => undefined);
          throw error;
        },
      ),
    };
    entry = created;
    shared.set(key, entry);
  }
  entry.leases += 1;
  const held = entry;
  let client: MongoClient;
  try {
    client = await held.connected;
  } catch (error) {
    held.leases -= 1;
    throw error;
  }
  let released = false;
  return {
    client,
    async release() {
      if (released) return;
      released = true;
      held.leases -= 1;
      if (held.leases === 0 && shared.get(key) === held) {
        shared.delete(key);
        await client.close();
      }
    },
  };
}
