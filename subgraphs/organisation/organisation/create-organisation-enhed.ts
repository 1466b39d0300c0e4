import { randomUUID } from 'node:crypto';
import { assertText } from '../../kit/assert-text';
import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore, PointInTime, StoredObject } from '../../kit/store/bitemporal-store';
import { assertChangeOptions } from './assert-change-options';
import { assertKleTilknytninger } from './assert-kle-tilknytninger';
import type { CreatedObject, CreateOptions } from './change-options';
import { getOrganisationAt } from './get-organisation-at';
import {
  MAX_BRUGERVENDT_NOEGLE_LENGTH,
  MAX_NAVN_LENGTH,
  STORE_TYPES,
  type KleTilknytningData,
  type OrganisationEnhedData,
} from './organisation-data';

/**
 * Joins the keys of a unit's sort key. It sorts below every character a key may hold (keys have no
 * control characters), so a unit's descendants sort right after it and before its next sibling.
 */
const SORT_KEY_SEPARATOR = '\u0001';

/** Deeper trees are a data error (a cycle, say), not an organisation. */
export const MAX_TREE_DEPTH = 50;

export interface OrganisationEnhedInput {
  /** @default a new random uuid */
  uuid?: string;
  brugervendtNoegle: string;
  navn: string;
  /** uuid of the owning organisation. */
  organisation: string;
  /** uuid of the parent unit, in the same organisation. @default null (a root unit) */
  overordnet?: string | null;
  /** @default [] */
  kle?: KleTilknytningData[];
}

/**
 * The keys from the root unit down to `overordnet`, checking that the parent exists when the new
 * unit's validity starts and belongs to the same organisation.
 */
async function getAncestorKeys(
  store: BitemporalStore,
  overordnet: string,
  organisation: string,
  at: PointInTime,
): Promise<string[]> {
  const keys: string[] = [];
  let next: string | null = overordnet;
  while (next !== null) {
    if (keys.length >= MAX_TREE_DEPTH) {
      throw new BadUserInputError(
        `overordnet lies more than ${MAX_TREE_DEPTH} levels deep`,
        'overordnet',
      );
    }
    const [unit]: (StoredObject<OrganisationEnhedData> | null)[] = await store.findByIds(
      STORE_TYPES.organisationEnhed,
      [next],
      at,
    );
    if (!unit) {
      if (next !== overordnet) break;
      throw new BadUserInputError(
        `overordnet ${overordnet} does not exist at ${at.virkningstid.toISOString()}`,
        'overordnet',
      );
    }
    if (unit.data.organisation !== organisation) {
      throw new BadUserInputError('overordnet belongs to another organisation', 'overordnet');
    }
    keys.unshift(unit.data.brugervendtNoegle);
    next = unit.data.overordnet;
  }
  return keys;
}

/**
 * Validates and registers a new unit. Units sort in tree order: by organisation, then by the path
 * of keys from the root unit, fixed when the unit is created.
 */
export async function createOrganisationEnhed(
  store: BitemporalStore,
  input: OrganisationEnhedInput,
  options: CreateOptions,
): Promise<CreatedObject> {
  const checked = assertChangeOptions(options);
  const uuid = input.uuid === undefined ? randomUUID() : assertUuid(input.uuid, 'uuid');
  const overordnet =
    input.overordnet === undefined || input.overordnet === null
      ? null
      : assertUuid(input.overordnet, 'overordnet');
  const data: OrganisationEnhedData = {
    brugervendtNoegle: assertText(
      input.brugervendtNoegle,
      'brugervendtNoegle',
      MAX_BRUGERVENDT_NOEGLE_LENGTH,
    ),
    navn: assertText(input.navn, 'navn', MAX_NAVN_LENGTH),
    organisation: assertUuid(input.organisation, 'organisation'),
    overordnet,
    kle: assertKleTilknytninger(input.kle ?? []),
  };
  const at = { virkningstid: checked.fra, registreringstid: checked.tid ?? new Date() };
  const organisation = await getOrganisationAt(store, data.organisation, at);
  const ancestorKeys = overordnet
    ? await getAncestorKeys(store, overordnet, data.organisation, at)
    : [];
  const result = await store.append<OrganisationEnhedData>({
    type: STORE_TYPES.organisationEnhed,
    uuid,
    expectedVersion: 0,
    livscyklus: checked.livscyklus ?? 'OPSTAAET',
    aktoer: checked.aktoer,
    note: checked.note ?? null,
    virkninger: [{ fra: checked.fra, til: checked.til ?? null, data }],
    sortKey: [
      organisation.data.brugervendtNoegle,
      organisation.uuid,
      ...ancestorKeys,
      data.brugervendtNoegle,
    ].join(SORT_KEY_SEPARATOR),
    tid: checked.tid,
  });
  return { uuid, ...result };
}
