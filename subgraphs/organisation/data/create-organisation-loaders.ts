import DataLoader from 'dataloader';
import { hasRole, type Caller } from '../../kit/auth/caller';
import { toRegistreringNode } from '../../kit/graphql-scalars';
import type { BitemporalStore, Data, Page, PointInTime } from '../../kit/store/bitemporal-store';
import { selectKnownRegistreringer } from '../../kit/store/select-known-registreringer';
import { canReadBruger } from '../organisation/can-read-bruger';
import {
  STORE_TYPES,
  type BrugerData,
  type OrganisationData,
  type OrganisationEnhedData,
} from '../organisation/organisation-data';
import {
  toNode,
  type BrugerNode,
  type Node,
  type OrganisationEnhedNode,
  type OrganisationNode,
} from './to-node';

/**
 * Children are read in pages of this size; one page per batch of parents unless a batch has more
 * children than this, which no real organisation tree has.
 */
export const CHILDREN_PAGE_SIZE = 1000;

export type RegistreringNode = ReturnType<typeof toRegistreringNode>;

export interface HistoryKey {
  type: (typeof STORE_TYPES)[keyof typeof STORE_TYPES];
  uuid: string;
}

/** One request's loaders: each reads at the request's instant and caches for that request only. */
export interface OrganisationLoaders {
  organisation: DataLoader<string, OrganisationNode | null>;
  organisationEnhed: DataLoader<string, OrganisationEnhedNode | null>;
  /**
   * Null both for an unknown user and for one the caller may not see (canReadBruger), so every
   * path through it (`Query.bruger`, `_entities`) hides a refused user as if it did not exist.
   */
  bruger: DataLoader<string, BrugerNode | null>;
  /** The direct children of a unit, in tree order. */
  underenheder: DataLoader<string, OrganisationEnhedNode[]>;
  /** An object's registrations as known at the request's Registreringstid, oldest first. */
  registreringer: DataLoader<HistoryKey, RegistreringNode[], string>;
}

function createByIdLoader<T extends Data>(
  store: BitemporalStore,
  type: string,
  at: PointInTime,
): DataLoader<string, Node<T> | null> {
  return new DataLoader(async (uuids) => {
    const found = await store.findByIds<T>(type, uuids, at);
    return found.map((stored) => (stored ? toNode(stored) : null));
  });
}

/** `caller` decides which users the `bruger` loader shows; organisations and units are public. */
export function createOrganisationLoaders(
  store: BitemporalStore,
  at: PointInTime,
  caller: Caller,
): OrganisationLoaders {
  const organisation = createByIdLoader<OrganisationData>(store, STORE_TYPES.organisation, at);
  const organisationEnhed = createByIdLoader<OrganisationEnhedData>(
    store,
    STORE_TYPES.organisationEnhed,
    at,
  );
  const underenheder = new DataLoader<string, OrganisationEnhedNode[]>(async (parents) => {
    const children = new Map<string, OrganisationEnhedNode[]>(parents.map((p) => [p, []]));
    let after: string | null = null;
    do {
      const page: Page<OrganisationEnhedData> = await store.search<OrganisationEnhedData>({
        type: STORE_TYPES.organisationEnhed,
        at,
        filter: { overordnet: { in: [...parents] } },
        first: CHILDREN_PAGE_SIZE,
        after,
      });
      for (const item of page.items) {
        const child = toNode(item);
        if (child.overordnet !== null) children.get(child.overordnet)?.push(child);
        organisationEnhed.prime(child.uuid, child);
      }
      after = page.hasNextPage ? page.endCursor : null;
    } while (after !== null);
    return parents.map((parent) => children.get(parent) ?? []);
  });
  // The port has no batched history read; the loader still keeps one read per object and request.
  const registreringer = new DataLoader<HistoryKey, RegistreringNode[], string>(
    (keys) =>
      Promise.all(
        keys.map(async ({ type, uuid }) =>
          selectKnownRegistreringer(await store.findHistory(type, uuid), at.registreringstid).map(
            toRegistreringNode,
          ),
        ),
      ),
    { cacheKeyFn: ({ type, uuid }) => `${type}/${uuid}` },
  );
  const anyBruger = createByIdLoader<BrugerData>(store, STORE_TYPES.bruger, at);
  const bruger = new DataLoader<string, BrugerNode | null>(async (uuids) => {
    // A caller who can see no user at all causes no read.
    if (!hasRole(caller, 'organisation:laes')) return uuids.map(() => null);
    // The employing organisations are read in one batch, at the same instant as the users.
    return Promise.all(
      uuids.map(async (uuid) => {
        const found = await anyBruger.load(uuid);
        if (found === null) return null;
        const employer = await organisation.load(found.organisation);
        return canReadBruger(caller, employer?.cvr ?? null) ? found : null;
      }),
    );
  });
  return {
    organisation,
    organisationEnhed,
    bruger,
    underenheder,
    registreringer,
  };
}
